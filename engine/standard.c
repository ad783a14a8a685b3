/* yakist — the shipped standards: their index (rules/standards/index.json, compiled into the
 * library) read once into storage that lives as long as the program, and the loading of one
 * table's schema by name, which then is an ordinary structure description. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <yakist/standard.h>

#include "data.h"

#define INDEX_FILE "standards/index.json"
#define MAX_STANDARDS 1000u /* the index is the project's own; this only bounds a bad edit */
#define MAX_TABLES 64u
#define MAX_NAME 64 /* bytes of a name worth a suggestion */

static pthread_once_t index_once = PTHREAD_ONCE_INIT;
static struct yk_standard *standards;
static size_t nstandards;  /* 0 when the embedded index is damaged */
static json_t *index_root; /* the strings of the index point into it */

static const char *text(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static char *printf_dup(const char *fmt, const char *a, const char *b)
{
    int n = snprintf(NULL, 0, fmt, a, b);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        snprintf(s, (size_t)n + 1, fmt, a, b);
    return s;
}

static bool read_tables(const json_t *o, struct yk_standard *st)
{
    const json_t *files = json_object_get(o, "files"), *tables = json_object_get(o, "tables");
    size_t n = json_is_array(tables) ? json_array_size(tables) : 1;
    if (!json_is_array(files) || json_array_size(files) != n || n == 0 || n > MAX_TABLES)
        return false;
    struct yk_standard_table *t = calloc(n, sizeof *t);
    if (!t)
        return false;
    st->tables = t;
    st->ntables = n;
    if (!json_is_array(tables)) {
        t[0].ref = st->id;
        t[0].file = json_string_value(json_array_get(files, 0));
        t[0].title_uk = st->title_uk;
        return t[0].file != NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *tj = json_array_get(tables, i);
        t[i].name = text(tj, "name");
        t[i].file = text(tj, "file");
        t[i].title_uk = text(tj, "title_uk");
        if (!t[i].name || !t[i].file || !t[i].title_uk ||
            !(t[i].ref = printf_dup("%s.%s", st->id, t[i].name)))
            return false;
    }
    return true;
}

static bool read_standard(const json_t *o, struct yk_standard *st)
{
    const json_t *p = json_object_get(o, "perelik");
    const char *block = text(p, "block");
    json_int_t pos = json_integer_value(json_object_get(p, "position"));
    char num[24];
    st->id = text(o, "id");
    st->title_uk = text(o, "title_uk");
    st->title_en = text(o, "title_en");
    st->basis = text(o, "basis");
    if (!st->id || !st->title_uk || !st->title_en || !st->basis || !block || pos < 1 || pos > 9999)
        return false;
    snprintf(num, sizeof num, "%d", (int)pos);
    return (st->perelik = printf_dup("%s.%s", block, num)) != NULL && read_tables(o, st);
}

/* Whatever was copied before a failure stays allocated: it is reachable from the static
 * storage, and a damaged embedded index is a build defect, not a run-time condition. */
static void load(void)
{
    const struct yk_blob *blob = yk_data_find(INDEX_FILE);
    if (!blob)
        return;
    index_root = json_loadb((const char *)blob->data, blob->len, 0, NULL);
    const json_t *list = json_object_get(index_root, "standards");
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    struct yk_standard *v = n && n <= MAX_STANDARDS ? calloc(n, sizeof *v) : NULL;
    bool ok = v != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = read_standard(json_array_get(list, i), &v[i]);
    standards = v;
    if (ok)
        nstandards = n;
}

size_t yk_standard_count(void)
{
    pthread_once(&index_once, load);
    return nstandards;
}

const struct yk_standard *yk_standard_at(size_t i)
{
    return i < yk_standard_count() ? &standards[i] : NULL;
}

const struct yk_standard *yk_standard_find(const char *id)
{
    for (size_t i = 0; id && i < yk_standard_count(); i++)
        if (strcmp(standards[i].id, id) == 0)
            return &standards[i];
    return NULL;
}

/* The tables of st as "a, b, c" into buf. */
static const char *table_list(const struct yk_standard *st, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < st->ntables && o < size; i++) {
        int n = snprintf(buf + o, size - o, "%s%s", i ? ", " : "", st->tables[i].ref);
        o += n > 0 ? (size_t)n : 0;
    }
    return buf;
}

int yk_standard_resolve(const char *name, const struct yk_standard **std,
                        const struct yk_standard_table **table, struct yk_error *err)
{
    char list[YK_ERROR_MESSAGE_MAX / 2];
    for (size_t i = 0; name && i < yk_standard_count(); i++) {
        const struct yk_standard *st = &standards[i];
        for (size_t k = 0; k < st->ntables; k++) {
            if (strcmp(st->tables[k].ref, name) == 0) {
                *std = st;
                *table = &st->tables[k];
                return 0;
            }
        }
        if (strcmp(st->id, name) == 0)
            return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                "the standard \"%s\" has %zu tables: name one of %s", name,
                                st->ntables, table_list(st, list, sizeof list));
    }
    if (yk_standard_count() == 0)
        return yk_error_set(err, YK_EINTERNAL, NULL, 0, 0,
                            "the index of the shipped standards is damaged");
    return yk_error_set(err, YK_ENOTFOUND, NULL, 0, 0, "no standard \"%s\"", name ? name : "");
}

int yk_standard_load(const char *name, struct yk_arena *arena, const struct yk_schema **out,
                     struct yk_error *err)
{
    const struct yk_standard *st;
    const struct yk_standard_table *t;
    char path[256];
    int rc = yk_standard_resolve(name, &st, &t, err);
    if (rc < 0)
        return rc;
    snprintf(path, sizeof path, "standards/%s", t->file);
    const struct yk_blob *blob = yk_data_find(path);
    if (!blob)
        return yk_error_set(err, YK_EINTERNAL, NULL, 0, 0,
                            "the standard \"%s\" is listed but its schema %s is not built in", name,
                            t->file);
    char source[160];
    snprintf(source, sizeof source, "standard:%s", t->ref);
    rc = yk_schema_parse((const char *)blob->data, blob->len, source, arena, out, err);
    /* The standards are the project's own: a schema that does not read is a build defect. */
    if (rc < 0 && rc != YK_ENOMEM) {
        if (err)
            err->code = YK_EINTERNAL;
        rc = YK_EINTERNAL;
    }
    return rc;
}

static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[MAX_NAME + 1];
    if (la > MAX_NAME || lb > MAX_NAME)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *yk_standard_suggest(const char *name)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, len = name ? strlen(name) : 0;
    size_t limit = len / 4 > 1 ? len / 4 : 1;
    for (size_t i = 0; name && i < yk_standard_count(); i++) {
        const struct yk_standard *st = &standards[i];
        for (size_t k = 0; k <= st->ntables; k++) {
            const char *cand = k < st->ntables ? st->tables[k].ref : st->id;
            size_t d = distance(name, cand);
            if (d < best_d) {
                best_d = d;
                best = cand;
            }
        }
    }
    return best_d <= limit ? best : NULL;
}
