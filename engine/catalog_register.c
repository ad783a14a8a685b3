/* yakist — the register of datasets (п. 19 of the Положення) as CSV: the 2019 recommended
 * columns and the 2025 draft's renamed ones, matched by name whatever their case and order.
 * Each row is a dataset; its link and formats make its one resource. libcsv is fed one
 * physical line at a time, so every dataset knows the line its row starts on. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_priv.h"
#include "encoding.h"
#include "input.h"
#include "utf8.h"

#define COLUMNS_MAX 256u /* cells of a row beyond this are dropped */

enum col {
    C_EXTRA = 0,
    C_ID,
    C_TITLE,
    C_DESCRIPTION,
    C_FREQUENCY,
    C_KEYWORDS,
    C_PURPOSE,
    C_URL,
    C_FORMAT,
    C_PUBLISHER,
    C_PUBLISHER_ID,
    C_CONTACT,
    C_EMAIL,
    C_COUNT
};

/* Both column sets; names compared lower-cased and trimmed. */
static const struct {
    const char *name;
    enum col col;
} columns[] = {
    {"identifier", C_ID},
    {"uid", C_ID},
    {"title", C_TITLE},
    {"description", C_DESCRIPTION},
    {"accrualperiodicity", C_FREQUENCY},
    {"keyword", C_KEYWORDS},
    {"keywords", C_KEYWORDS},
    {"purpose", C_PURPOSE},
    {"landingpage", C_URL},
    {"url", C_URL},
    {"distributionformat", C_FORMAT},
    {"publishername", C_PUBLISHER},
    {"publisheridentifier", C_PUBLISHER_ID},
    {"publisherid", C_PUBLISHER_ID},
    {"contactpointfn", C_CONTACT},
    {"contactpointname", C_CONTACT},
    {"contactpointhasemail", C_EMAIL},
    {"contactpointemail", C_EMAIL},
};

struct reg {
    struct yk_cat *c;
    const char *file;
    struct csv_parser parser;
    /* The record being read: cell i is text + off[i], NUL-terminated. */
    char *text;
    size_t tlen, tcap;
    size_t off[COLUMNS_MAX];
    size_t ncells, dropped;
    uint64_t line, rec_line;
    bool in_record;
    /* The header: what each column is, and the names of the extra ones (in the arena). */
    bool have_header;
    enum col cols[COLUMNS_MAX];
    const char *names[COLUMNS_MAX];
    size_t ncols;
    int rc; /* the first failure, which stops the reading */
};

static void on_cell(void *s, size_t len, void *data)
{
    struct reg *r = data;
    if (r->rc < 0)
        return;
    if (r->ncells >= COLUMNS_MAX) {
        r->dropped++;
        return;
    }
    if (len > YK_CAT_STRING_MAX + 4u)
        len = YK_CAT_STRING_MAX + 4u; /* yk_cat_text cuts it on a character boundary, noted */
    if (r->tcap - r->tlen < len + 1) {
        size_t cap = r->tcap ? r->tcap : 4096;
        while (cap - r->tlen < len + 1)
            cap *= 2;
        char *t = realloc(r->text, cap);
        if (!t) {
            r->rc = YK_ENOMEM;
            return;
        }
        r->text = t;
        r->tcap = cap;
    }
    r->off[r->ncells++] = r->tlen;
    if (len)
        memcpy(r->text + r->tlen, s, len);
    r->text[r->tlen + len] = '\0';
    r->tlen += len + 1;
}

/* Cell i of the record, trimmed, or NULL when it is empty or missing. */
static const char *cell(struct reg *r, size_t i, size_t *len)
{
    if (i >= r->ncells)
        return NULL;
    const char *s = r->text + r->off[i];
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    *len = n;
    return n ? s : NULL;
}

static void header(struct reg *r)
{
    bool known = false;
    char unknown[256] = "";
    r->ncols = r->ncells;
    for (size_t i = 0; i < r->ncells; i++) {
        size_t n;
        const char *s = cell(r, i, &n);
        r->cols[i] = C_EXTRA;
        r->names[i] = s ? yk_cat_text(r->c, s, n, r->file, r->line, "column name") : "";
        for (size_t k = 0; s && k < sizeof columns / sizeof columns[0]; k++)
            if (strlen(columns[k].name) == n && strncasecmp(s, columns[k].name, n) == 0)
                r->cols[i] = columns[k].col;
        for (size_t k = 0; k < i && r->cols[i] != C_EXTRA; k++)
            if (r->cols[k] == r->cols[i]) {
                yk_cat_note(r->c, r->file, r->rec_line,
                            "column %s repeats an earlier one; kept as an extra", r->names[i]);
                r->cols[i] = C_EXTRA;
            }
        known |= r->cols[i] == C_ID || r->cols[i] == C_TITLE;
        if (r->cols[i] == C_EXTRA && strlen(unknown) + n + 3 < sizeof unknown)
            snprintf(unknown + strlen(unknown), sizeof unknown - strlen(unknown), "%s%s",
                     *unknown ? ", " : "", r->names[i] ? r->names[i] : "");
    }
    if (!known) {
        r->rc = yk_error_set(r->c->err, YK_EPARSE, r->file, r->rec_line, 1,
                             "unknown catalog shape: not JSON, not XML, and not a register of "
                             "datasets (no identifier, uid or title column)");
        return;
    }
    if (*unknown)
        yk_cat_note(r->c, r->file, r->rec_line, "unknown columns kept as extras: %s", unknown);
    r->have_header = true;
}

static const char *field(struct reg *r, size_t i, const char *what)
{
    size_t n;
    const char *s = cell(r, i, &n);
    return s ? yk_cat_text(r->c, s, n, r->file, r->rec_line, what) : NULL;
}

static void split_tags(struct reg *r, struct yk_dataset *d, const char *s)
{
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == ',' || *p == ';';
    n = n < YK_CAT_LIST_MAX ? n : YK_CAT_LIST_MAX;
    const char **tags = yk_arena_alloc(r->c->arena, n * sizeof *tags);
    if (!tags) {
        r->c->rc = YK_ENOMEM;
        return;
    }
    size_t k = 0;
    while (*s && k < n) {
        size_t len = strcspn(s, ",;");
        const char *t = s;
        size_t m = len;
        while (m > 0 && *t == ' ')
            t++, m--;
        while (m > 0 && t[m - 1] == ' ')
            m--;
        if (m)
            tags[k++] = yk_cat_text(r->c, t, m, r->file, r->rec_line, "keyword");
        s += len + (s[len] != '\0');
    }
    d->tags = tags;
    d->ntags = k;
}

static void row(struct reg *r)
{
    size_t n, filled = 0;
    for (size_t i = 0; i < r->ncells; i++)
        filled += cell(r, i, &n) != NULL;
    if (filled == 0)
        return;
    if (r->ncells + r->dropped != r->ncols)
        yk_cat_note(r->c, r->file, r->rec_line, "row has %zu cells, the header has %zu",
                    r->ncells + r->dropped, r->ncols);
    struct yk_dataset d = {.source = r->file, .source_line = r->rec_line};
    struct yk_kv *kv = yk_arena_alloc(r->c->arena, r->ncols * sizeof *kv);
    const char *v[C_COUNT] = {0};
    for (size_t i = 0; i < r->ncols && i < r->ncells && kv; i++) {
        const char *s = field(r, i, r->names[i]);
        if (r->cols[i] != C_EXTRA)
            v[r->cols[i]] = s;
        else if (s)
            kv[d.nextras++] = (struct yk_kv){.key = r->names[i], .value = s};
    }
    d.id = d.name = v[C_ID];
    d.title = v[C_TITLE];
    d.notes = v[C_DESCRIPTION];
    d.update_frequency = v[C_FREQUENCY];
    d.purpose = v[C_PURPOSE];
    d.publisher_name = v[C_PUBLISHER];
    d.publisher_edrpou = v[C_PUBLISHER_ID];
    d.maintainer = v[C_CONTACT];
    d.maintainer_email =
        v[C_EMAIL] && strncasecmp(v[C_EMAIL], "mailto:", 7) == 0 ? v[C_EMAIL] + 7 : v[C_EMAIL];
    d.extras = kv;
    if (v[C_KEYWORDS])
        split_tags(r, &d, v[C_KEYWORDS]);
    if (v[C_URL] || v[C_FORMAT]) {
        struct yk_resource *res = yk_arena_calloc(r->c->arena, 1, sizeof *res);
        if (res) {
            *res = (struct yk_resource){
                .name = d.title, .format = v[C_FORMAT], .url = v[C_URL], .size = -1};
            yk_cat_locate(r->c, res, r->file, r->rec_line);
            d.resources = res;
            d.nresources = 1;
        }
    }
    if (!d.title)
        yk_cat_note(r->c, r->file, r->rec_line, "dataset %s: no title", d.id ? d.id : "(unnamed)");
    if (!kv || r->c->rc < 0)
        r->rc = YK_ENOMEM;
    else
        r->rc = yk_cat_push(r->c, &d);
}

static void on_record(int ch, void *data)
{
    struct reg *r = data;
    (void)ch;
    r->in_record = false;
    if (r->rc == 0) {
        if (r->have_header)
            row(r);
        else
            header(r);
    }
    r->ncells = r->dropped = r->tlen = 0;
}

static int never_space(unsigned char ch)
{
    (void)ch;
    return 0; /* cells are trimmed after parsing, so a tab delimiter stays a delimiter */
}

/* The delimiter the first line uses most, outside quotes. */
static unsigned char sniff_delim(const char *b, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < n && (quoted || b[i] != '\n'); i++) {
        quoted ^= b[i] == '"';
        comma += !quoted && b[i] == ',';
        semi += !quoted && b[i] == ';';
        tab += !quoted && b[i] == '\t';
    }
    return semi > comma && semi >= tab ? ';' : tab > comma ? '\t' : ',';
}

/* Text that is not UTF-8 is converted (from the code page the encoding sniffer finds), or its
 * invalid bytes replaced, into a malloc'ed buffer. *out stays NULL when b is valid UTF-8. */
static int to_utf8(struct reg *r, const char *b, size_t n, char **out, size_t *outlen)
{
    size_t bad;
    *out = NULL;
    if (yk_utf8_scan((const unsigned char *)b, n, &bad) == n)
        return 0;
    struct yk_encoding_guess g;
    yk_encoding_detect((const unsigned char *)b, n, true, &g);
    struct yk_input in;
    struct yk_decode_stats stats = {0};
    yk_input_open_memory(&in, b, n, r->file);
    int rc = yk_encoding_is_utf8(g.name) ? 0 : yk_encoding_push(&in, &g, &stats, r->c->err);
    size_t len = 0, cap = n + n / 2 + 16;
    char *buf = rc == 0 ? malloc(cap + 1) : NULL;
    if (rc == 0 && !buf)
        rc = yk_error_set(r->c->err, YK_ENOMEM, r->file, 0, 0, "out of memory");
    for (const unsigned char *p; rc == 0;) {
        size_t got;
        rc = yk_input_read(&in, &p, &got, r->c->err);
        if (rc < 0 || got == 0)
            break;
        for (size_t i = 0; i < got;) {
            if (cap - len < 8) {
                char *nb = realloc(buf, cap * 2 + 1);
                if (!nb) {
                    rc = yk_error_set(r->c->err, YK_ENOMEM, r->file, 0, 0, "out of memory");
                    break;
                }
                buf = nb;
                cap *= 2;
            }
            int k = yk_utf8_next(p + i, got - i);
            if (k > 0) {
                memcpy(buf + len, p + i, (size_t)k);
                len += (size_t)k;
                i += (size_t)k;
            } else {
                memcpy(buf + len, "\xEF\xBF\xBD", 3); /* U+FFFD */
                len += 3;
                i += k < 0 ? (size_t)-k : got - i;
            }
        }
    }
    yk_input_close(&in);
    if (rc < 0) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    yk_cat_note(r->c, r->file, 0, "register is not UTF-8: read as %s", g.name);
    *out = buf;
    *outlen = len;
    return 0;
}

static int parse(struct reg *r, const char *b, size_t n)
{
    csv_set_delim(&r->parser, sniff_delim(b, n));
    csv_set_space_func(&r->parser, never_space);
    r->line = 1;
    for (size_t i = 0; i < n && r->rc == 0;) {
        const char *nl = memchr(b + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - b) + 1 : n;
        bool blank = true;
        for (size_t k = i; k < end && blank; k++)
            blank = b[k] == '\r' || b[k] == '\n';
        if (!r->in_record && !blank) {
            r->rec_line = r->line;
            r->in_record = true;
        }
        if (csv_parse(&r->parser, b + i, end - i, on_cell, on_record, r) != end - i)
            return yk_error_set(r->c->err, YK_ENOMEM, r->file, r->line, 0, "out of memory");
        i = end;
        r->line++;
    }
    if (r->rc == 0)
        csv_fini(&r->parser, on_cell, on_record, r);
    if (r->rc == 0 && !r->have_header)
        return yk_error_set(r->c->err, YK_EPARSE, r->file, 1, 1, "register has no header");
    if (r->rc == YK_ENOMEM && r->c->err->code == YK_OK)
        return yk_error_set(r->c->err, YK_ENOMEM, r->file, 0, 0, "out of memory");
    return r->rc;
}

int yk_cat_read_register(struct yk_cat *c, const char *file, const char *buf, size_t len)
{
    struct reg *r = calloc(1, sizeof *r);
    if (!r)
        return yk_error_set(c->err, YK_ENOMEM, file, 0, 0, "out of memory");
    r->c = c;
    r->file = file;
    c->kind = "register";
    size_t bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *conv = NULL;
    size_t clen = 0;
    int rc = to_utf8(r, buf + bom, len - bom, &conv, &clen);
    if (rc == 0 && csv_init(&r->parser, CSV_APPEND_NULL) != 0)
        rc = yk_error_set(c->err, YK_ENOMEM, file, 0, 0, "out of memory");
    else if (rc == 0) {
        rc = conv ? parse(r, conv, clen) : parse(r, buf + bom, len - bom);
        csv_free(&r->parser);
    }
    free(conv);
    free(r->text);
    free(r);
    return rc;
}
