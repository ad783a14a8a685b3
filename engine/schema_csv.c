/* yakist — reading a structure description published as CSV: one row per column of the data,
 * with a header naming what each cell says (name, title, description, datatype, required, and
 * optionally format, pattern, unique, minimum, maximum, minLength, maxLength, enum, role).
 * The file is small, so it is read whole with a small RFC 4180 reader that knows line numbers. */
#include <stdio.h>
#include <string.h>

#include "schema_priv.h"
#include "utf8.h"

#define MAX_CELLS 64

enum col {
    C_NAME = 0,
    C_TITLE,
    C_DESCRIPTION,
    C_DATATYPE,
    C_REQUIRED,
    C_FORMAT,
    C_PATTERN,
    C_UNIQUE,
    C_MINIMUM,
    C_MAXIMUM,
    C_MINLENGTH,
    C_MAXLENGTH,
    C_ENUM,
    C_ROLE,
    C_COUNT
};

static const struct {
    const char *key;
    enum col col;
} header_keys[] = {
    {"name", C_NAME},
    {"title", C_TITLE},
    {"titles", C_TITLE},
    {"description", C_DESCRIPTION},
    {"dc:description", C_DESCRIPTION},
    {"datatype", C_DATATYPE},
    {"type", C_DATATYPE},
    {"required", C_REQUIRED},
    {"format", C_FORMAT},
    {"pattern", C_PATTERN},
    {"unique", C_UNIQUE},
    {"minimum", C_MINIMUM},
    {"maximum", C_MAXIMUM},
    {"minlength", C_MINLENGTH},
    {"maxlength", C_MAXLENGTH},
    {"enum", C_ENUM},
    {"role", C_ROLE},
    {"yakist:role", C_ROLE},
};

struct reader {
    char *s; /* the text, unescaped in place */
    size_t n, pos;
    uint64_t line; /* of pos */
    char delim;
};

struct record {
    const char *cells[MAX_CELLS];
    size_t n;
    uint64_t line; /* where the record starts */
};

/* The delimiter among , ; and tab that is most frequent on the first line. */
static char sniff(const char *s, size_t n)
{
    size_t counts[3] = {0, 0, 0};
    static const char cand[3] = {',', ';', '\t'};
    bool quoted = false;
    for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"')
            quoted = !quoted;
        for (size_t k = 0; !quoted && k < 3; k++)
            counts[k] += s[i] == cand[k];
    }
    size_t best = 0;
    for (size_t k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return cand[best];
}

/* The next record; 0 at the end, 1 for a record, YK_ELIMIT for too many cells. Cells are
 * NUL-terminated in place: unescaping only ever shortens the text. */
static int next_record(struct reader *r, struct record *rec)
{
    if (r->pos >= r->n)
        return 0;
    rec->n = 0;
    rec->line = r->line;
    char *w = r->s + r->pos, end;
    size_t i = r->pos;
    for (;;) {
        if (rec->n == MAX_CELLS)
            return YK_ELIMIT;
        rec->cells[rec->n++] = w;
        if (i < r->n && r->s[i] == '"') {
            for (i++; i < r->n; i++) {
                if (r->s[i] == '"' && i + 1 < r->n && r->s[i + 1] == '"')
                    *w++ = r->s[i++];
                else if (r->s[i] == '"')
                    break;
                else {
                    r->line += r->s[i] == '\n';
                    *w++ = r->s[i];
                }
            }
            i++; /* the closing quote */
        }
        while (i < r->n && r->s[i] != r->delim && r->s[i] != '\n' && r->s[i] != '\r')
            *w++ = r->s[i++];
        end = i < r->n ? r->s[i] : '\0'; /* read before the terminator may cover it */
        *w++ = '\0';
        if (end != r->delim)
            break;
        i++;
    }
    if (end == '\r' && ++i < r->n && r->s[i] == '\n')
        i++;
    else if (end == '\n')
        i++;
    r->line++;
    r->pos = i;
    return 1;
}

static bool blank(const struct record *rec)
{
    for (size_t i = 0; i < rec->n; i++)
        if (rec->cells[i][0])
            return false;
    return true;
}

static bool equal_ci(const char *a, const char *b)
{
    while (*a == ' ')
        a++;
    size_t n = strlen(a);
    while (n > 0 && a[n - 1] == ' ')
        n--;
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 0x20) != (b[i] | 0x20) && a[i] != b[i])
            return false;
    return true;
}

/* Which cell holds what, from the header; -1 when absent. */
static int map_header(struct yk_sb *b, const struct record *h, int map[C_COUNT])
{
    for (size_t c = 0; c < C_COUNT; c++)
        map[c] = -1;
    for (size_t i = 0; i < h->n; i++)
        for (size_t k = 0; k < sizeof header_keys / sizeof header_keys[0]; k++)
            if (map[header_keys[k].col] < 0 && equal_ci(h->cells[i], header_keys[k].key))
                map[header_keys[k].col] = (int)i;
    if (map[C_NAME] < 0)
        return yk_sb_fail(b, YK_EINVAL, "row 1", 1,
                          "the header of the structure table has no \"name\" column");
    return 0;
}

static const char *cell(const struct record *rec, const int map[C_COUNT], enum col c)
{
    return map[c] >= 0 && (size_t)map[c] < rec->n ? rec->cells[map[c]] : "";
}

/* true/false and the usual other spellings (reported). */
static int read_bool(struct yk_sb *b, const char *s, const char *path, uint64_t line, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", "1", "yes", "Yes", "так", "Так"};
    static const char *const no[] = {"false", "False", "FALSE", "0", "no", "No", "ні", "Ні", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            goto spelling;
        }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            goto spelling;
        }
    *out = false;
    return yk_sb_warn(b, "required-unknown", path, line,
                      "значення «%s» не схоже ні на true, ні на false: прочитано як false",
                      "the value \"%s\" is neither true nor false: read as false", s);
spelling:
    if (s[0] == '\0' || strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
        return 0;
    return yk_sb_warn(b, "required-spelling", path, line,
                      "логічне значення записано як «%s», а не true або false",
                      "a boolean is written \"%s\", not true or false", s);
}

static int read_length(struct yk_sb *b, const char *s, const char *path, uint64_t line,
                       int64_t *out)
{
    int64_t v = 0;
    if (!s[0])
        return 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000000)
            return yk_sb_fail(b, YK_EINVAL, path, line, "\"%s\" is not a whole number", s);
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

/* enum values separated by '|'. */
static int read_enum(struct yk_sb *b, struct yk_schema_field *f, const char *s)
{
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == '|';
    if (n > YK_SCHEMA_MAX_VALUES)
        return yk_sb_fail(b, YK_ELIMIT, f->path, 0, "more than %d enum values",
                          YK_SCHEMA_MAX_VALUES);
    const char **v = yk_arena_alloc(b->arena, n * sizeof *v);
    if (!v)
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        if (!(v[i] = yk_arena_strndup(b->arena, s, len)))
            return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
        s += len + (bar != NULL);
    }
    f->enum_values = (struct yk_strings){v, n};
    return 0;
}

static const char *dup_or_null(struct yk_sb *b, const char *s)
{
    return s[0] ? yk_arena_strdup(b->arena, s) : NULL;
}

static int read_row(struct yk_sb *b, const struct record *rec, const int map[C_COUNT], uint64_t row)
{
    char path[48];
    snprintf(path, sizeof path, "row %llu", (unsigned long long)row);
    struct yk_schema_field *f = yk_sb_field(b, path);
    if (!f)
        return b->err ? (int)b->err->code : YK_ENOMEM;
    int rc = yk_sb_name(b, f, cell(rec, map, C_NAME), path, rec->line);
    const char *type = cell(rec, map, C_DATATYPE), *s;
    f->title = dup_or_null(b, cell(rec, map, C_TITLE));
    f->description = dup_or_null(b, cell(rec, map, C_DESCRIPTION));
    f->format = dup_or_null(b, cell(rec, map, C_FORMAT));
    f->pattern = dup_or_null(b, cell(rec, map, C_PATTERN));
    f->minimum = dup_or_null(b, cell(rec, map, C_MINIMUM));
    f->maximum = dup_or_null(b, cell(rec, map, C_MAXIMUM));
    f->role = dup_or_null(b, cell(rec, map, C_ROLE));
    if (rc == 0 && type[0])
        rc = yk_sb_type(b, f, type, path, rec->line);
    if (rc == 0)
        rc = read_bool(b, cell(rec, map, C_REQUIRED), path, rec->line, &f->required);
    if (rc == 0)
        rc = read_bool(b, cell(rec, map, C_UNIQUE), path, rec->line, &f->unique);
    if (rc == 0)
        rc = read_length(b, cell(rec, map, C_MINLENGTH), path, rec->line, &f->min_length);
    if (rc == 0)
        rc = read_length(b, cell(rec, map, C_MAXLENGTH), path, rec->line, &f->max_length);
    if (rc == 0 && (s = cell(rec, map, C_ENUM))[0])
        rc = read_enum(b, f, s);
    if (rc == 0 && f->type == YK_TYPE_STRING && f->format) {
        if (strcmp(f->format, "email") == 0)
            f->type = YK_TYPE_EMAIL;
        else if (strcmp(f->format, "uri") == 0)
            f->type = YK_TYPE_URL;
    }
    return rc;
}

int yk_schema_read_csv(struct yk_sb *b, const char *text, size_t len)
{
    size_t bad_at = yk_utf8_valid_prefix((const unsigned char *)text, len);
    if (bad_at < len)
        return yk_sb_fail(b, YK_EPARSE, NULL, 0,
                          "byte %zu is not UTF-8 (perhaps windows-1251): save the structure "
                          "file as UTF-8",
                          bad_at);
    b->form = YK_SCHEMA_FORM_CSV;
    struct reader r = {.s = (char *)text, .n = len, .line = 1};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        r.pos = 3;
        if (yk_sb_warn(b, "bom", "", 1,
                       "файл структури починається з позначки порядку байтів "
                       "(BOM)",
                       "the structure file starts with a byte-order mark (BOM)") < 0)
            return YK_ENOMEM;
    }
    r.delim = sniff(text + r.pos, len - r.pos);
    struct record h, rec;
    int map[C_COUNT], rc;
    if ((rc = next_record(&r, &h)) <= 0)
        return rc < 0 ? yk_sb_fail(b, rc, "row 1", 1, "more than %d cells", MAX_CELLS)
                      : yk_sb_fail(b, YK_EINVAL, NULL, 0, "the structure file is empty");
    if ((rc = map_header(b, &h, map)) < 0)
        return rc;
    uint64_t row = 1;
    while ((rc = next_record(&r, &rec)) > 0) {
        row++;
        if (blank(&rec))
            continue;
        if (equal_ci(cell(&rec, map, C_NAME), "name") &&
            equal_ci(cell(&rec, map, C_DATATYPE), "datatype")) {
            if (yk_sb_warn(b, "pseudo-column", "row 2", rec.line,
                           "рядок %llu повторює заголовок таблиці структури: пропущено",
                           "row %llu repeats the header of the structure table: skipped",
                           (unsigned long long)row) < 0)
                return YK_ENOMEM;
            continue;
        }
        if ((rc = read_row(b, &rec, map, row)) < 0)
            return rc;
    }
    if (rc < 0)
        return yk_sb_fail(b, rc, NULL, r.line, "more than %d cells in a row", MAX_CELLS);
    return 0;
}
