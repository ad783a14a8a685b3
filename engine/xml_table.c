/* yakist — XML records to rows: every path inside a record (child element, grandchild,
 * attribute) is a node; a node that holds a value becomes a column named by its path
 * ("address.street"). The first record fixes the header; later records are laid out in header
 * order, with events for the fields they lack, add or repeat. */
#include <stdlib.h>
#include <string.h>

#include <yakist/arena.h>

#include "xml.h"

#define JOIN "; "

/* --- growable arrays -------------------------------------------------------------------- */

/* p (room for *cap elements of size bytes) with room for at least n + 1, or NULL when out of
 * memory (p is then untouched). */
static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 16;
    while (c <= n)
        c *= 2;
    void *q = realloc(p, c * size);
    if (q)
        *cap = c;
    return q;
}

/* Make room for len more bytes of record values. */
static int buf_room(struct yk_xml_table *t, size_t len)
{
    if (t->bcap - t->blen > len)
        return 0;
    size_t c = t->bcap ? t->bcap : 4096;
    while (c - t->blen <= len)
        c *= 2;
    char *q = realloc(t->buf, c);
    if (!q)
        return YK_ENOMEM;
    t->buf = q;
    t->bcap = c;
    return 0;
}

void yk_xml_table_init(struct yk_xml_table *t, const struct yk_check_options *opt,
                       const struct yk_sink *sink, struct yk_source_info *info,
                       struct yk_arena *arena)
{
    memset(t, 0, sizeof *t);
    t->opt = opt;
    t->sink = sink;
    t->info = info;
    t->arena = arena;
    /* Paths that never hold a value (a wrapper element) still take a node: allow a few per
     * column before calling the record hostile. */
    t->maxnodes = opt->limits.max_columns * 4 + 64;
}

void yk_xml_table_fini(struct yk_xml_table *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->slots);
    free(t->cols);
    free(t->buf);
    free(t->set);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

int yk_xml_event(const struct yk_sink *sink, enum yk_event_kind kind, const struct yk_loc *loc,
                 const char *detail)
{
    struct yk_event ev = {.kind = kind, .loc = *loc, .detail = detail};
    return sink->on_event(sink->ctx, &ev);
}

size_t yk_xml_utf8_cut(const char *s, size_t n, size_t cap)
{
    if (n <= cap)
        return n;
    size_t k = cap;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* A location in the record being built. */
static struct yk_loc record_loc(const struct yk_xml_table *t, uint32_t field,
                                const struct yk_xml_pos *at)
{
    return (struct yk_loc){
        .row = t->now + 1, .field = field, .line = at->line, .offset = at->offset};
}

/* Report the max_columns limit once: fields beyond it are dropped from every record. */
static int limit_cut(struct yk_xml_table *t, const char *what)
{
    t->flags |= YK_ROW_TRUNCATED;
    t->info->truncated = true;
    if (t->cut_reported)
        return 0;
    t->cut_reported = true;
    struct yk_loc loc = record_loc(t, 0, &t->at);
    return yk_xml_event(t->sink, YK_EV_LIMIT, &loc, what);
}

/* --- nodes: paths inside a record ------------------------------------------------------- */

static size_t node_hash(uint32_t parent, const xmlChar *prefix, const xmlChar *local)
{
    uint64_t h = (uint64_t)parent * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)(uintptr_t)local * 0xC2B2AE3D27D4EB4Fu;
    h ^= (uint64_t)(uintptr_t)prefix * 0x165667B19E3779F9u;
    return (size_t)(h ^ (h >> 29));
}

/* Rebuild the slot table at twice the size once it is half full. */
static int rehash(struct yk_xml_table *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 64;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return YK_ENOMEM;
    for (size_t i = 1; i < t->nnodes; i++) {
        const struct yk_xml_node *nd = &t->nodes[i];
        size_t k = node_hash(nd->parent, nd->prefix, nd->local) & (n - 1);
        while (s[k])
            k = (k + 1) & (n - 1);
        s[k] = (uint32_t)i + 1;
    }
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    return 0;
}

int yk_xml_table_node(struct yk_xml_table *t, uint32_t parent, const xmlChar *prefix,
                      const xmlChar *local, uint32_t *out)
{
    *out = YK_XML_NONE;
    if (parent == YK_XML_NONE)
        return 0;
    if (t->nnodes == 0) { /* the record itself */
        struct yk_xml_node *nodes = grow(t->nodes, &t->capnodes, 0, sizeof *nodes);
        if (!nodes)
            return YK_ENOMEM;
        t->nodes = nodes;
        t->nodes[0] = (struct yk_xml_node){.parent = YK_XML_NONE, .column = YK_XML_NONE};
        t->nnodes = 1;
    }
    if (t->nslots) {
        size_t k = node_hash(parent, prefix, local) & (t->nslots - 1);
        for (uint32_t s; (s = t->slots[k]) != 0; k = (k + 1) & (t->nslots - 1)) {
            const struct yk_xml_node *nd = &t->nodes[s - 1];
            if (nd->parent == parent && nd->local == local && nd->prefix == prefix) {
                *out = s - 1;
                return 0;
            }
        }
    }
    if (t->nnodes >= t->maxnodes)
        return limit_cut(t, "max_columns: too many distinct element and attribute paths");
    struct yk_xml_node *nodes = grow(t->nodes, &t->capnodes, t->nnodes, sizeof *nodes);
    if (!nodes)
        return YK_ENOMEM;
    t->nodes = nodes;
    uint32_t id = (uint32_t)t->nnodes++;
    t->nodes[id] = (struct yk_xml_node){parent, prefix, local, YK_XML_NONE};
    if (t->nnodes * 2 > t->nslots) {
        if (rehash(t) < 0)
            return YK_ENOMEM;
    } else {
        size_t k = node_hash(parent, prefix, local) & (t->nslots - 1);
        while (t->slots[k])
            k = (k + 1) & (t->nslots - 1);
        t->slots[k] = id + 1;
    }
    *out = id;
    return 0;
}

/* --- columns ---------------------------------------------------------------------------- */

/* The column name of a node: the names on its path joined by dots, "prefix:local" each. */
static char *path_name(struct yk_xml_table *t, uint32_t node, size_t *len)
{
    size_t n = 0, steps = 0;
    for (uint32_t i = node; i != YK_XML_ROOT && i != YK_XML_NONE; i = t->nodes[i].parent) {
        const struct yk_xml_node *nd = &t->nodes[i];
        n += strlen((const char *)nd->local) + (steps++ ? 1 : 0);
        if (nd->prefix)
            n += strlen((const char *)nd->prefix) + 1;
    }
    char *s = yk_arena_alloc(t->arena, n + 1);
    if (!s)
        return NULL;
    size_t o = n;
    s[o] = '\0';
    for (uint32_t i = node; i != YK_XML_ROOT && i != YK_XML_NONE; i = t->nodes[i].parent) {
        const struct yk_xml_node *nd = &t->nodes[i];
        if (o < n)
            s[--o] = '.';
        size_t k = strlen((const char *)nd->local);
        o -= k;
        memcpy(s + o, nd->local, k);
        if (nd->prefix) {
            s[--o] = ':';
            k = strlen((const char *)nd->prefix);
            o -= k;
            memcpy(s + o, nd->prefix, k);
        }
    }
    *len = n;
    return s;
}

/* The column of node, made when it first holds a value; YK_XML_NONE past max_columns. */
static int column_of(struct yk_xml_table *t, uint32_t node, uint32_t *out)
{
    *out = t->nodes[node].column;
    if (*out != YK_XML_NONE)
        return 0;
    if (t->ncols >= t->opt->limits.max_columns)
        return limit_cut(t, "max_columns: too many distinct fields");
    struct yk_xml_col *cols = grow(t->cols, &t->capcols, t->ncols, sizeof *cols);
    if (!cols)
        return YK_ENOMEM;
    t->cols = cols;
    struct yk_xml_col *c = &t->cols[t->ncols];
    memset(c, 0, sizeof *c);
    if (!(c->name = path_name(t, node, &c->namelen)))
        return YK_ENOMEM;
    t->nodes[node].column = (uint32_t)t->ncols;
    *out = (uint32_t)t->ncols++;
    return 0;
}

uint32_t yk_xml_table_field(const struct yk_xml_table *t, uint32_t node)
{
    if (node == YK_XML_NONE || node >= t->nnodes)
        return 0;
    uint32_t col = t->nodes[node].column;
    if (col == YK_XML_NONE || (t->have_header && col >= t->width))
        return 0;
    return col + 1;
}

const char *yk_xml_table_name(const struct yk_xml_table *t, uint32_t node)
{
    if (node == YK_XML_NONE || node >= t->nnodes || t->nodes[node].column == YK_XML_NONE)
        return NULL;
    return t->cols[t->nodes[node].column].name;
}

/* --- records ---------------------------------------------------------------------------- */

void yk_xml_table_begin(struct yk_xml_table *t, const struct yk_xml_pos *at)
{
    t->now++;
    t->at = *at;
    t->blen = 0;
    t->nset = 0;
    t->flags = 0;
}

uint64_t yk_xml_table_row(const struct yk_xml_table *t)
{
    return t->now + 1;
}

/* A second value for a field already set in this record: append it to the first. */
static int join_value(struct yk_xml_table *t, struct yk_xml_col *c, uint32_t field,
                      const char *value, size_t len, const struct yk_xml_pos *at)
{
    struct yk_loc loc = record_loc(t, field, at);
    int rc = yk_xml_event(t->sink, YK_EV_XML_FIELD_REPEATED, &loc, c->name);
    if (rc < 0)
        return rc;
    size_t old = c->vlen, sep = strlen(JOIN), cap = t->opt->limits.max_cell_bytes;
    size_t total = old + sep + len;
    if (buf_room(t, total + 1) < 0)
        return YK_ENOMEM;
    char *dst = t->buf + t->blen;
    memcpy(dst, t->buf + c->voff, old);
    memcpy(dst + old, JOIN, sep);
    memcpy(dst + old + sep, value, len);
    if (total > cap) {
        t->flags |= YK_ROW_TRUNCATED;
        t->info->truncated = true;
        total = yk_xml_utf8_cut(dst, total, cap);
    }
    dst[total] = '\0';
    c->voff = t->blen;
    c->vlen = total;
    t->blen += total + 1;
    return 0;
}

int yk_xml_table_set(struct yk_xml_table *t, uint32_t node, const char *value, size_t len, bool cut,
                     const struct yk_xml_pos *at)
{
    if (node == YK_XML_NONE)
        return 0;
    uint32_t col;
    int rc = column_of(t, node, &col);
    if (rc < 0 || col == YK_XML_NONE)
        return rc;
    struct yk_xml_col *c = &t->cols[col];
    size_t cap = t->opt->limits.max_cell_bytes;
    if (cut || len > cap) {
        t->flags |= YK_ROW_TRUNCATED;
        t->info->truncated = true;
        len = yk_xml_utf8_cut(value, len, cap);
    }
    if (c->stamp == t->now)
        return join_value(t, c, yk_xml_table_field(t, node), value, len, at);
    struct yk_xml_set *set = grow(t->set, &t->capset, t->nset, sizeof *set);
    if (!set || buf_room(t, len + 1) < 0)
        return YK_ENOMEM;
    t->set = set;
    memcpy(t->buf + t->blen, value, len);
    t->buf[t->blen + len] = '\0';
    c->stamp = t->now;
    c->voff = t->blen;
    c->vlen = len;
    t->blen += len + 1;
    t->set[t->nset++] = (struct yk_xml_set){col, *at};
    return 0;
}

/* The first record's fields, in the order it set them, become the header (row 1). */
static int push_header(struct yk_xml_table *t)
{
    t->width = t->ncols;
    t->have_header = true;
    t->cells = calloc(t->width ? t->width : 1, sizeof *t->cells);
    if (!t->cells)
        return YK_ENOMEM;
    for (size_t i = 0; i < t->width; i++)
        t->cells[i] = (struct yk_cell){.data = t->cols[i].name, .len = t->cols[i].namelen};
    t->info->columns = (uint32_t)t->width;
    t->info->records = 1;
    struct yk_row header = {.number = 1,
                            .line = t->at.line,
                            .offset = t->at.offset,
                            .ncells = t->width,
                            .cells = t->cells};
    return t->sink->on_header(t->sink->ctx, &header);
}

/* Events for the fields this record lacks (in header order) and adds (in its own order). */
static int field_set_events(struct yk_xml_table *t)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < t->width; i++) {
        if (t->cols[i].stamp == t->now)
            continue;
        struct yk_loc loc = record_loc(t, (uint32_t)i + 1, &t->at);
        rc = yk_xml_event(t->sink, YK_EV_XML_FIELD_MISSING, &loc, t->cols[i].name);
    }
    for (size_t i = 0; rc == 0 && i < t->nset; i++) {
        if (t->set[i].column < t->width)
            continue;
        struct yk_loc loc = record_loc(t, 0, &t->set[i].at);
        rc = yk_xml_event(t->sink, YK_EV_XML_FIELD_EXTRA, &loc, t->cols[t->set[i].column].name);
    }
    return rc;
}

int yk_xml_table_end(struct yk_xml_table *t)
{
    int rc;
    if (!t->have_header && (rc = push_header(t)) < 0)
        return rc;
    bool blank = true;
    for (size_t i = 0; i < t->width; i++) {
        const struct yk_xml_col *c = &t->cols[i];
        if (c->stamp == t->now) {
            t->cells[i] = (struct yk_cell){.data = t->buf + c->voff, .len = c->vlen};
            blank = blank && c->vlen == 0;
        } else {
            t->cells[i] = (struct yk_cell){.data = "", .len = 0};
        }
    }
    struct yk_row row = {.number = t->now + 1,
                         .line = t->at.line,
                         .offset = t->at.offset,
                         .flags = t->flags | (blank ? YK_ROW_BLANK : 0u),
                         .ncells = t->width,
                         .cells = t->cells};
    t->info->records = t->now + 1;
    if ((rc = t->sink->on_row(t->sink->ctx, &row)) < 0)
        return rc;
    return field_set_events(t);
}
