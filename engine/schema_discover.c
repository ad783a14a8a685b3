/* yakist — finding the structure description published next to a data file. The Ministry asks
 * for one with every dataset; publishers name it after the data (budget.schema.json), generically
 * (Structure.json, Structure.csv) or anyhow with "structure", "schema" or «структура» in it. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yakist/schema.h>

#include "schema_priv.h"

#define MAX_ENTRIES 10000 /* entries of the folder looked at */
#define MAX_CANDIDATES 64

static const char *const keywords[] = {"structure", "schema", "структура"};
static const char *const generic[] = {"structure", "schema", "tableschema", "структура"};

/* s folded to lower case into buf (size n), UTF-8. */
static void fold_into(char *buf, size_t n, const char *s)
{
    size_t len = strlen(s), o = 0;
    for (size_t i = 0; i < len && o + 4 < n;) {
        uint32_t c;
        i += yk_schema_fold(s + i, len - i, &c);
        if (c < 0x80) {
            buf[o++] = (char)c;
        } else if (c < 0x800) {
            buf[o++] = (char)(0xC0 | (c >> 6));
            buf[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[o++] = (char)(0xE0 | (c >> 12));
            buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    buf[o] = '\0';
}

/* Extensions of files that hold data (a structure file among them is told by its name). */
static const char *const data_exts[] = {".csv", ".tsv", ".json", ".xml", ".xlsx",
                                        ".xls", ".ods", ".txt",  ".gz",  ".zip"};

static bool has_keyword(const char *folded)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strstr(folded, keywords[i]))
            return true;
    return false;
}

/* The extension (after the last dot, folded) is json or csv: 'j', 'c', or 0. */
static char kind_of(const char *folded)
{
    const char *dot = strrchr(folded, '.');
    if (dot && strcmp(dot, ".json") == 0)
        return 'j';
    if (dot && strcmp(dot, ".csv") == 0)
        return 'c';
    return 0;
}

struct candidate {
    char *name;   /* as in the folder */
    char *folded; /* lower case */
    int level;    /* 1 named after the data, 2 generic, 3 any with a keyword, 0 none */
};

static int level_of(const char *folded, const char *stem)
{
    size_t sl = strlen(stem);
    if (!kind_of(folded) || !has_keyword(folded))
        return 0;
    if (sl && strncmp(folded, stem, sl) == 0 && strchr(".-_ ", folded[sl]))
        return 1;
    const char *dot = strrchr(folded, '.');
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if ((size_t)(dot - folded) == strlen(generic[i]) &&
            strncmp(folded, generic[i], strlen(generic[i])) == 0)
            return 2;
    return 3;
}

static int cmp_candidate(const void *a, const void *b)
{
    const struct candidate *x = a, *y = b;
    if (x->level != y->level)
        return x->level - y->level;
    return strcmp(x->name, y->name);
}

/* Same name but the extension: the JSON and CSV forms of one description. */
static bool same_stem(const struct candidate *a, const struct candidate *b)
{
    size_t la = (size_t)(strrchr(a->folded, '.') - a->folded);
    size_t lb = (size_t)(strrchr(b->folded, '.') - b->folded);
    return la == lb && strncmp(a->folded, b->folded, la) == 0;
}

static bool regular_file(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    struct stat st;
    bool ok = p && (strcpy(p, dir), strcat(p, "/"), strcat(p, name), stat(p, &st) == 0) &&
              S_ISREG(st.st_mode);
    free(p);
    return ok;
}

static bool data_file(const char *folded)
{
    const char *dot = strrchr(folded, '.');
    for (size_t i = 0; dot && i < sizeof data_exts / sizeof data_exts[0]; i++)
        if (strcmp(dot, data_exts[i]) == 0)
            return !has_keyword(folded);
    return false;
}

/* Choose among the sorted candidates of the best level. A description not named after the
 * data describes it only when it is the one data file of the folder (data_files counts it). */
static int decide(struct candidate *c, size_t n, size_t data_files, const char *prefix,
                  struct yk_arena *arena, enum yk_schema_found *found, const char **path)
{
    size_t k = 1;
    while (k < n && c[k].level == c[0].level)
        k++;
    size_t pick = 0;
    bool one = true;
    for (size_t i = 1; i < k; i++) {
        if (!same_stem(&c[0], &c[i]))
            one = false;
        else if (kind_of(c[i].folded) == 'j')
            pick = i; /* JSON says more than the CSV of the same name */
    }
    if (one && (c[0].level == 1 || data_files <= 1)) {
        *found = YK_SCHEMA_FOUND_ONE;
        *path = yk_arena_printf(arena, "%s%s", prefix, c[pick].name);
        return *path ? 0 : YK_ENOMEM;
    }
    size_t len = 1;
    for (size_t i = 0; i < k; i++)
        len += strlen(prefix) + strlen(c[i].name) + 2;
    char *list = yk_arena_alloc(arena, len);
    if (!list)
        return YK_ENOMEM;
    list[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (i)
            strcat(list, ", ");
        strcat(list, prefix);
        strcat(list, c[i].name);
    }
    *found = YK_SCHEMA_FOUND_AMBIGUOUS;
    *path = list;
    return 0;
}

static char *dup_folded(const char *s)
{
    size_t n = strlen(s) * 2 + 8;
    char *f = malloc(n);
    if (f)
        fold_into(f, n, s);
    return f;
}

int yk_schema_discover(const char *data_path, struct yk_arena *arena, enum yk_schema_found *found,
                       const char **path)
{
    const char *slash = strrchr(data_path, '/');
    const char *base = slash ? slash + 1 : data_path;
    const char *dir = slash ? yk_arena_strndup(arena, data_path, (size_t)(slash - data_path))
                            : yk_arena_strdup(arena, ".");
    /* Paths of candidates keep the data path's folder as written ("" for the current one). */
    char *prefix = yk_arena_strndup(arena, data_path, slash ? (size_t)(slash - data_path) + 1 : 0);
    char *stem = dup_folded(base);
    struct candidate *c = calloc(MAX_CANDIDATES, sizeof *c);
    size_t n = 0, data_files = 1; /* the data file itself */
    int rc = 0;
    *found = YK_SCHEMA_FOUND_NONE;
    *path = NULL;
    if (!dir || !prefix || !stem || !c) {
        rc = YK_ENOMEM;
        goto out;
    }
    if (dir[0] == '\0')
        dir = "/";
    if (has_keyword(stem) && kind_of(stem)) {
        *found = YK_SCHEMA_FOUND_SELF;
        goto out;
    }
    char *dot = strrchr(stem, '.');
    if (dot && (strcmp(dot, ".gz") == 0 || strcmp(dot, ".zip") == 0)) {
        *dot = '\0';
        dot = strrchr(stem, '.');
    }
    if (dot)
        *dot = '\0';
    DIR *d = opendir(dir);
    if (!d)
        goto out;
    struct dirent *e;
    for (size_t seen = 0; (e = readdir(d)) != NULL && seen < MAX_ENTRIES; seen++) {
        if (strcmp(e->d_name, base) == 0 || n == MAX_CANDIDATES)
            continue;
        char *folded = dup_folded(e->d_name);
        int level = folded ? level_of(folded, stem) : 0;
        data_files += folded && data_file(folded);
        if (!folded || !level || !regular_file(dir, e->d_name)) {
            free(folded);
            if (!folded) {
                rc = YK_ENOMEM;
                break;
            }
            continue;
        }
        c[n] = (struct candidate){strdup(e->d_name), folded, level};
        if (!c[n++].name) {
            rc = YK_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (rc == 0 && n > 0) {
        qsort(c, n, sizeof *c, cmp_candidate);
        rc = decide(c, n, data_files, prefix, arena, found, path);
    }
out:
    for (size_t i = 0; c && i < n; i++) {
        free(c[i].name);
        free(c[i].folded);
    }
    free(c);
    free(stem);
    return rc;
}
