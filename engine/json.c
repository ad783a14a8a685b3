/* yakist — the JSON loader. It reads the document in chunks and hands jansson one value at a
 * time (a record, a key, a member it skips), so memory follows the largest record, never the
 * number of records. It finds the records — a top-level array, an array under a known key or
 * under --record-path, a CKAN DataStore dump — and json_table.c turns them into rows.
 *
 * Why not one json_load call: jansson builds the whole tree. Instead a small scanner finds
 * where the next value ends (string- and bracket-aware, counting lines and the nesting depth
 * on the way) and jansson decodes exactly those bytes. The wrapped shapes stream too: the
 * object around the records is walked key by key, and members that are not the records are
 * decoded one at a time and dropped, so no shape loads the whole document. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* One value decoded at once (a record, a skipped member) may not be larger than this; it
 * bounds the read window and what jansson builds. */
#define VALUE_MAX (64u << 20)
#define VALUE_MAX_TEXT "64 MiB"
#define PATH_PARTS_MAX 16
#define DEFAULT_DEPTH 64
/* Auto mode looks for records this many objects deep (the document, result, result.data). */
#define AUTO_LEVELS 3

/* What the walking functions return besides a negative enum yk_err: GO on, or STOP because a
 * syntax error or a limit ended the reading (already reported as an event). */
enum { GO = 0, STOP = 1 };

struct reader {
    struct yk_input *in;
    struct yk_source_info *info;
    struct yk_error *err;
    unsigned char *buf; /* window: buf[pos..len) is unread; everything before pos is consumed */
    size_t cap, len, pos;
    uint64_t base;   /* source offset of buf[0] */
    uint64_t line;   /* of buf[pos], 1-based */
    uint64_t col;    /* characters before buf[pos] on its line */
    uint64_t cr_end; /* offset just after the last CR, to pair it with a following LF */
    bool eof;
};

struct loader {
    struct reader r;
    struct yk_json_table t;
    const struct yk_check_options *opt;
    const struct yk_sink *sink;
    struct yk_source_info *info;
    unsigned max_depth;
    const char *path[PATH_PARTS_MAX]; /* --record-path split at dots (pointers into it) */
    size_t plen[PATH_PARTS_MAX];
    size_t npath;
    bool found;            /* the records array was reached */
    const char *not_array; /* the record path named a value of this JSON type */
    json_t *fields;        /* a CKAN `fields` list seen before the records */
};

/* --- the window -------------------------------------------------------------------------- */

/* Read the next chunk behind the unread bytes, first moving them to the front and growing the
 * window when they fill it (a value longer than a chunk). 0 or a negative enum yk_err. */
static int fill(struct reader *r)
{
    if (r->eof)
        return 0;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->base += r->pos;
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < YK_INPUT_CHUNK) {
        size_t cap = r->cap * 2;
        unsigned char *b = realloc(r->buf, cap);
        if (!b)
            return yk_error_set(r->err, YK_ENOMEM, r->info->path, 0, 0, "out of memory");
        r->buf = b;
        r->cap = cap;
    }
    const unsigned char *p;
    size_t n;
    int rc = yk_input_read(r->in, &p, &n, r->err);
    if (rc < 0)
        return rc;
    if (n == 0) {
        r->eof = true;
        return 0;
    }
    memcpy(r->buf + r->len, p, n);
    r->len += n;
    r->info->bytes += n;
    return 0;
}

static uint64_t count_chars(const unsigned char *p, const unsigned char *end)
{
    uint64_t n = 0;
    for (; p < end; p++)
        n += (*p & 0xC0) != 0x80; /* characters, not UTF-8 continuation bytes */
    return n;
}

/* Consume n unread bytes, keeping line, column and line-ending counts. Line breaks are found
 * with memchr, and characters are counted only after the last one. */
static void consume(struct reader *r, size_t n)
{
    const unsigned char *p = r->buf + r->pos, *end = p + n, *q, *line = NULL;
    uint64_t *eol = r->info->eol_count, at = r->base + r->pos;
    bool cr_before = r->cr_end == at; /* the previous byte, consumed earlier, is a CR */
    for (q = p; q < end && (q = memchr(q, '\r', (size_t)(end - q))); q++) {
        eol[YK_EOL_CR]++;
        r->cr_end = at + (uint64_t)(q - p) + 1;
    }
    for (q = p; q < end && (q = memchr(q, '\n', (size_t)(end - q))); q++) {
        if (q > p ? q[-1] == '\r' : cr_before) {
            eol[YK_EOL_CR]--;
            eol[YK_EOL_CRLF]++;
        } else {
            eol[YK_EOL_LF]++;
        }
        r->line++;
        line = q + 1;
    }
    r->col = line ? count_chars(line, end) : r->col + count_chars(p, end);
    r->pos += n;
}

static struct yk_json_pos here(const struct reader *r)
{
    return (struct yk_json_pos){r->base + r->pos, r->line, r->col + 1};
}

/* The position rel bytes after the cursor, without consuming. */
static struct yk_json_pos pos_at(const struct reader *r, size_t rel)
{
    struct yk_json_pos p = here(r);
    for (size_t i = 0; i < rel; i++) {
        unsigned char c = r->buf[r->pos + i];
        if (c == '\n') {
            p.line++;
            p.column = 1;
        } else {
            p.column += (c & 0xC0) != 0x80;
        }
    }
    p.offset += rel;
    return p;
}

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Consume whitespace; *c is the next byte (not consumed) or EOF. */
static int skip_ws(struct reader *r, int *c)
{
    for (;;) {
        size_t i = r->pos;
        while (i < r->len && is_ws(r->buf[i]))
            i++;
        consume(r, i - r->pos);
        if (r->pos < r->len) {
            *c = r->buf[r->pos];
            return 0;
        }
        if (r->eof) {
            *c = EOF;
            return 0;
        }
        int rc = fill(r);
        if (rc < 0)
            return rc;
    }
}

/* The first byte after the '[' at the cursor and any whitespace, without consuming. */
static int peek_inside(struct reader *r, int *c)
{
    size_t rel = 1;
    for (;;) {
        while (r->pos + rel < r->len && is_ws(r->buf[r->pos + rel]))
            rel++;
        if (r->pos + rel < r->len) {
            *c = r->buf[r->pos + rel];
            return 0;
        }
        if (r->eof || rel > VALUE_MAX) {
            *c = EOF;
            return 0;
        }
        int rc = fill(r);
        if (rc < 0)
            return rc;
    }
}

/* --- events ------------------------------------------------------------------------------ */

/* A byte for a message: quoted when it is printable ASCII, else its code (messages stay UTF-8). */
static const char *show(int c, char buf[16])
{
    if (c > 0x20 && c < 0x7F)
        snprintf(buf, 16, "'%c'", c);
    else
        snprintf(buf, 16, "byte 0x%02X", (unsigned)c & 0xFFu);
    return buf;
}

static int event_at(struct loader *l, enum yk_event_kind kind, const struct yk_json_pos *p,
                    const char *detail)
{
    struct yk_loc loc = {.line = p->line, .column = p->column, .offset = p->offset};
    return yk_json_event(l->sink, kind, &loc, detail);
}

/* Report that the document is not valid JSON at p; the reading stops there. */
static int syntax(struct loader *l, const struct yk_json_pos *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int syntax(struct loader *l, const struct yk_json_pos *p, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int rc = event_at(l, YK_EV_JSON_SYNTAX, p, msg);
    return rc < 0 ? rc : STOP;
}

/* Report a limit that ends the reading at p. */
static int stop_at_limit(struct loader *l, const struct yk_json_pos *p, const char *detail)
{
    l->info->truncated = true;
    int rc = event_at(l, YK_EV_LIMIT, p, detail);
    return rc < 0 ? rc : STOP;
}

static int depth_limit(struct loader *l, const struct yk_json_pos *p)
{
    char detail[96];
    snprintf(detail, sizeof detail, "nesting deeper than %u levels: reading stopped", l->max_depth);
    return stop_at_limit(l, p, detail);
}

/* --- values ------------------------------------------------------------------------------ */

/* Find the end of the value at the cursor (its first byte is not whitespace) and make all of
 * it available in the window: *len bytes from the cursor. depth is the nesting depth of the
 * container holding the value. An unfinished value at the end of input is returned as is, for
 * jansson to report. */
static int scan_value(struct loader *l, unsigned depth, size_t *len)
{
    struct reader *r = &l->r;
    size_t i = 0;
    unsigned level = 0;
    unsigned char first = r->buf[r->pos];
    bool scalar = first != '{' && first != '[' && first != '"';
    bool str = false, esc = false;
    for (;;) {
        if (r->pos + i == r->len) {
            if (r->eof)
                break;
            if (i > VALUE_MAX) {
                struct yk_json_pos p = here(r);
                return stop_at_limit(
                    l, &p, "a JSON value larger than " VALUE_MAX_TEXT ": reading stopped");
            }
            int rc = fill(r);
            if (rc < 0)
                return rc;
            continue;
        }
        const unsigned char *p = r->buf + r->pos + i, *end = r->buf + r->len;
        if (str) {
            if (esc) {
                esc = false;
                i++;
                continue;
            }
            while (p < end && *p != '"' && *p != '\\')
                p++;
            i = (size_t)(p - (r->buf + r->pos));
            if (p == end)
                continue;
            i++;
            if (*p == '\\') {
                esc = true;
            } else {
                str = false;
                if (level == 0)
                    break;
            }
            continue;
        }
        unsigned char c = *p;
        if (scalar) {
            if (is_ws(c) || strchr(",:[]{}\"", c))
                break;
            i++;
            continue;
        }
        i++;
        if (c == '"') {
            str = true;
        } else if (c == '{' || c == '[') {
            if (depth + ++level > l->max_depth) {
                struct yk_json_pos at = pos_at(r, i - 1);
                return depth_limit(l, &at);
            }
        } else if ((c == '}' || c == ']') && --level == 0) {
            break;
        }
    }
    *len = i;
    return GO;
}

/* Decode the len bytes at the cursor (found by scan_value), which start at `at`. */
static int decode(struct loader *l, size_t len, const struct yk_json_pos *at, json_t **out)
{
    struct reader *r = &l->r;
    const char *s = (const char *)r->buf + r->pos;
    const size_t flags = JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL;
    json_error_t e;
    json_t *v = json_loadb(s, len, flags, &e);
    /* Integers beyond 64 bits are valid JSON: read them as reals rather than fail. */
    l->t.big_ints = !v && json_error_code(&e) == json_error_numeric_overflow;
    if (l->t.big_ints)
        v = json_loadb(s, len, flags | JSON_DECODE_INT_AS_REAL, &e);
    if (!v && json_error_code(&e) == json_error_out_of_memory)
        return yk_error_set(r->err, YK_ENOMEM, l->info->path, 0, 0, "out of memory");
    if (!v) {
        /* jansson counts lines and columns from the start of the bytes it was given. */
        struct yk_json_pos p = *at;
        if (e.line > 1) {
            p.line += (uint64_t)e.line - 1;
            p.column = e.column > 0 ? (uint64_t)e.column : 1;
        } else if (e.column > 1) {
            p.column += (uint64_t)e.column - 1;
        }
        p.offset += e.position > 0 ? (uint64_t)e.position - 1 : 0;
        return syntax(l, &p, "%s", e.text);
    }
    if ((size_t)e.position < len) {
        json_decref(v);
        struct yk_json_pos p = pos_at(r, (size_t)e.position);
        return syntax(l, &p, "unexpected text after a value");
    }
    *out = v;
    return GO;
}

/* Scan, decode and consume the value at the cursor: into *keep, or dropped when keep is NULL
 * (the document is still checked to be valid JSON). */
static int take_value(struct loader *l, unsigned depth, json_t **keep)
{
    struct yk_json_pos at = here(&l->r);
    size_t len = 0;
    json_t *v = NULL;
    int rc = scan_value(l, depth, &len);
    if (rc == GO)
        rc = decode(l, len, &at, &v);
    if (rc != GO)
        return rc;
    consume(&l->r, len);
    if (keep)
        *keep = v;
    else
        json_decref(v);
    return GO;
}

/* Before a value: the byte c must be able to start one. */
static int expect_value(struct loader *l, int c)
{
    if (c != EOF && !strchr(",:]}", c))
        return GO;
    struct yk_json_pos p = here(&l->r);
    char b[16];
    if (c == EOF)
        return syntax(l, &p, "premature end of input");
    return syntax(l, &p, "value expected near %s", show(c, b));
}

/* After a member of a container closed by `close`: a comma (then *more, *c the next byte) or
 * the closing bracket. */
static int next_member(struct loader *l, char close, bool *more, int *c)
{
    struct reader *r = &l->r;
    int rc = skip_ws(r, c);
    if (rc < 0)
        return rc;
    struct yk_json_pos p = here(r);
    if (*c == close) {
        consume(r, 1);
        *more = false;
        return GO;
    }
    if (*c == EOF)
        return syntax(l, &p, "premature end of input: ',' or '%c' expected", close);
    char b[16];
    if (*c != ',')
        return syntax(l, &p, "',' or '%c' expected near %s", close, show(*c, b));
    consume(r, 1);
    if ((rc = skip_ws(r, c)) < 0)
        return rc;
    if (*c == close) {
        p = here(r);
        return syntax(l, &p, "a value expected after ',' near '%c'", close);
    }
    *more = true;
    return GO;
}

/* --- the records array -------------------------------------------------------------------- */

/* Stream the array at the cursor, at nesting depth `depth`, one element at a time. */
static int stream_records(struct loader *l, unsigned depth)
{
    struct reader *r = &l->r;
    struct yk_json_pos at = here(r);
    if (depth > l->max_depth)
        return depth_limit(l, &at);
    l->found = true;
    int rc = l->fields ? yk_json_table_set_fields(&l->t, l->fields) : 0;
    if (rc < 0 || (rc = yk_json_table_start(&l->t, &at)) < 0)
        return rc;
    consume(r, 1);
    int c;
    if ((rc = skip_ws(r, &c)) < 0)
        return rc;
    if (c == ']') {
        consume(r, 1);
        return GO;
    }
    bool more = true;
    for (uint64_t index = 0; more; index++) {
        if ((rc = expect_value(l, c)) != GO)
            return rc;
        json_t *v;
        at = here(r);
        if ((rc = take_value(l, depth, &v)) != GO)
            return rc;
        rc = yk_json_table_element(&l->t, v, index, &at);
        json_decref(v);
        if (rc < 0 || (rc = next_member(l, ']', &more, &c)) != GO)
            return rc;
    }
    return GO;
}

/* --- finding the records in an object ----------------------------------------------------- */

enum action { SKIP, RECORDS, DESCEND, FIELDS, NOT_ARRAY };

static bool in_list(const char *const *list, const char *key)
{
    for (; *list; list++)
        if (strcmp(*list, key) == 0)
            return true;
    return false;
}

/* Keys that hold records in the APIs councils publish through (CKAN, Socrata-like portals). */
static const char *const record_keys[] = {"data", "records", "items", "results", "rows", NULL};
/* Objects the records are often wrapped in (CKAN's `result`, and the like). */
static const char *const wrapper_keys[] = {"result", "data", "response", "payload", NULL};
/* Arrays of objects that describe rather than hold data. */
static const char *const meta_keys[] = {"fields",   "_links", "links",   "errors",
                                        "warnings", "schema", "columns", "resources",
                                        "tags",     "groups", "extras",  NULL};

/* What to do with the member `key` (at `level` objects deep) whose value starts with c. */
static int choose(struct loader *l, const char *key, size_t level, int c, enum action *act)
{
    *act = SKIP;
    if (l->found)
        return 0;
    if (l->npath && level < l->npath && strlen(key) == l->plen[level] &&
        memcmp(key, l->path[level], l->plen[level]) == 0) {
        if (level + 1 < l->npath)
            *act = c == '{' ? DESCEND : SKIP;
        else
            *act = c == '[' ? RECORDS : NOT_ARRAY;
        return 0;
    }
    if (c == '[' && strcmp(key, "fields") == 0) {
        *act = FIELDS;
        return 0;
    }
    if (l->npath)
        return 0;
    if (c == '{' && level + 1 < AUTO_LEVELS && in_list(wrapper_keys, key))
        *act = DESCEND;
    if (c != '[')
        return 0;
    if (in_list(record_keys, key)) {
        *act = RECORDS;
        return 0;
    }
    /* Any other array of objects is taken for the records, unless its name says otherwise. */
    int first;
    int rc = peek_inside(&l->r, &first);
    if (rc == 0 && first == '{' && !in_list(meta_keys, key))
        *act = RECORDS;
    return rc;
}

static int walk_object(struct loader *l, unsigned depth, size_t level);

/* The value of member `key`; the cursor is on the ':' after the key. */
static int member(struct loader *l, const char *key, unsigned depth, size_t level)
{
    struct reader *r = &l->r;
    int c, rc = skip_ws(r, &c);
    if (rc < 0)
        return rc;
    struct yk_json_pos at = here(r);
    if (c != ':')
        return syntax(l, &at, c == EOF ? "premature end of input" : "':' expected");
    consume(r, 1);
    enum action act;
    if ((rc = skip_ws(r, &c)) < 0 || (rc = expect_value(l, c)) != GO ||
        (rc = choose(l, key, level, c, &act)) < 0)
        return rc;
    json_t *v = NULL;
    switch (act) {
    case RECORDS:
        return stream_records(l, depth + 1);
    case DESCEND:
        return walk_object(l, depth + 1, level + 1);
    case FIELDS:
        if ((rc = take_value(l, depth, &v)) == GO) {
            json_decref(l->fields);
            l->fields = v;
        }
        return rc;
    case NOT_ARRAY:
        if ((rc = take_value(l, depth, &v)) == GO) {
            l->found = true;
            l->not_array = json_is_object(v) ? "an object" : "a scalar";
            json_decref(v);
        }
        return rc;
    case SKIP:
        break;
    }
    return take_value(l, depth, NULL);
}

/* Walk the object at the cursor member by member, `level` objects below the document. */
static int walk_object(struct loader *l, unsigned depth, size_t level)
{
    struct reader *r = &l->r;
    struct yk_json_pos at = here(r);
    if (depth > l->max_depth)
        return depth_limit(l, &at);
    consume(r, 1);
    int c, rc = skip_ws(r, &c);
    if (rc < 0)
        return rc;
    if (c == '}') {
        consume(r, 1);
        return GO;
    }
    for (bool more = true; more;) {
        at = here(r);
        if (c != '"')
            return syntax(l, &at, c == EOF ? "premature end of input" : "string or '}' expected");
        json_t *key;
        if ((rc = take_value(l, depth, &key)) != GO)
            return rc;
        rc = member(l, json_string_value(key), depth, level);
        json_decref(key);
        if (rc != GO || (rc = next_member(l, '}', &more, &c)) != GO)
            return rc;
    }
    return GO;
}

/* --- the document ------------------------------------------------------------------------ */

static const char *doc_type(const json_t *v)
{
    if (json_is_string(v))
        return "a single string";
    if (json_is_number(v))
        return "a single number";
    if (json_is_boolean(v))
        return "a single boolean";
    return "null";
}

static int no_records(struct loader *l, const struct yk_json_pos *at, const char *doc)
{
    char detail[256];
    if (l->not_array)
        snprintf(detail, sizeof detail, "the record path '%s' holds %s, not an array",
                 l->opt->record_path, l->not_array);
    else if (doc)
        snprintf(detail, sizeof detail, "the document is %s", doc);
    else if (l->npath)
        snprintf(detail, sizeof detail, "the record path '%s' is not in the document",
                 l->opt->record_path);
    else
        snprintf(detail, sizeof detail,
                 "no array of records at the top, under data, records, items, results or "
                 "rows, or in result");
    int rc = event_at(l, YK_EV_JSON_NO_RECORDS, at, detail);
    return rc < 0 ? rc : GO;
}

/* Read the whole document. A top-level array is the records whatever the record path says. */
static int load_document(struct loader *l)
{
    struct reader *r = &l->r;
    int c, rc = skip_ws(r, &c);
    if (rc < 0 || c == EOF)
        return rc; /* an empty file: the file rules say so */
    struct yk_json_pos start = here(r);
    const char *doc = NULL;
    if (c == '[') {
        rc = stream_records(l, 1);
    } else if (c == '{') {
        rc = walk_object(l, 1, 0);
    } else if ((rc = expect_value(l, c)) == GO) {
        json_t *v;
        if ((rc = take_value(l, 0, &v)) == GO) {
            doc = doc_type(v);
            json_decref(v);
        }
    }
    if (rc != GO || (rc = skip_ws(r, &c)) < 0)
        return rc;
    if (c != EOF) {
        struct yk_json_pos p = here(r);
        char b[16];
        return syntax(l, &p, "end of file expected near %s", show(c, b));
    }
    if (!l->found || l->not_array)
        return no_records(l, &start, doc);
    return GO;
}

/* Split the record path at dots; "$" or "$." in front (JSONPath style) is accepted. */
static int parse_path(struct loader *l, const char *path, struct yk_error *err)
{
    if (!path)
        return 0;
    if (path[0] == '$')
        path += path[1] == '.' ? 2 : 1;
    const char *p = path;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (n == 0 || l->npath == PATH_PARTS_MAX)
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                "bad record path '%s': names separated by dots, at most %d",
                                l->opt->record_path, PATH_PARTS_MAX);
        l->path[l->npath] = p;
        l->plen[l->npath++] = n;
        p += n + (dot ? 1 : 0);
        if (dot && !*p)
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "bad record path '%s'",
                                l->opt->record_path);
    }
    return 0;
}

/* A UTF-8 byte-order mark is noted and skipped; JSON text must not start with one. */
static int skip_bom(struct reader *r)
{
    while (r->len < 3 && !r->eof) {
        int rc = fill(r);
        if (rc < 0)
            return rc;
    }
    if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
        r->info->bom = true;
        r->pos = 3;
    }
    return 0;
}

static int load(struct yk_input *in, const struct yk_check_options *opt,
                struct yk_source_info *info, const struct yk_sink *sink, struct yk_arena *arena,
                struct yk_error *err)
{
    (void)arena;
    struct loader l = {.opt = opt, .sink = sink, .info = info};
    l.max_depth = opt->limits.max_depth ? opt->limits.max_depth : DEFAULT_DEPTH;
    info->format = "json";
    info->encoding = "UTF-8";
    int rc = parse_path(&l, opt->record_path, err);
    if (rc < 0)
        return rc;
    l.r = (struct reader){.in = in,
                          .info = info,
                          .err = err,
                          .cap = 2 * YK_INPUT_CHUNK,
                          .base = in->consumed,
                          .line = 1,
                          .cr_end = UINT64_MAX};
    if (!(l.r.buf = malloc(l.r.cap)))
        return yk_error_set(err, YK_ENOMEM, info->path, 0, 0, "out of memory");
    yk_json_table_init(&l.t, opt, sink, info);
    rc = skip_bom(&l.r);
    if (rc == 0)
        rc = load_document(&l);
    json_decref(l.fields);
    yk_json_table_fini(&l.t);
    free(l.r.buf);
    return rc < 0 ? rc : 0;
}

const struct yk_loader yk_loader_json = {
    .format = "json",
    .load = load,
};
