/* yakist — helpers shared by the catalog unit tests (test_catalog.c, test_catalog_edge.c):
 * loading a catalog into its own arena, finding datasets, extras and notes, temporary folders. */
#ifndef YK_TESTS_CATALOG_TEST_H
#define YK_TESTS_CATALOG_TEST_H

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "catalog_priv.h"

#ifndef YK_CATALOG_FIXTURES
#define YK_CATALOG_FIXTURES "fixtures/catalogs"
#endif
#define FX(name) YK_CATALOG_FIXTURES "/" name

struct loaded {
    struct yk_arena *arena;
    struct yk_catalog *cat;
    struct yk_error err;
    int rc;
};

static inline void load(struct loaded *l, const char *path)
{
    l->arena = yk_arena_create(0);
    assert_non_null(l->arena);
    l->cat = NULL;
    l->rc = yk_catalog_load(path, l->arena, &l->cat, &l->err);
}

static inline void load_ok(struct loaded *l, const char *path)
{
    load(l, path);
    if (l->rc != 0)
        fail_msg("%s:%llu:%llu: %s", l->err.file, (unsigned long long)l->err.line,
                 (unsigned long long)l->err.column, l->err.message);
    assert_non_null(l->cat);
}

static inline void unload(struct loaded *l)
{
    yk_arena_destroy(l->arena);
}

static inline const struct yk_dataset *dataset(const struct yk_catalog *c, const char *id)
{
    for (size_t i = 0; i < c->ndatasets; i++)
        if (c->datasets[i].id && strcmp(c->datasets[i].id, id) == 0)
            return &c->datasets[i];
    fail_msg("no dataset %s", id);
    return NULL;
}

static inline const char *extra(const struct yk_dataset *d, const char *key)
{
    for (size_t i = 0; i < d->nextras; i++)
        if (strcmp(d->extras[i].key, key) == 0)
            return d->extras[i].value;
    return NULL;
}

static inline const struct yk_catalog_note *note(const struct yk_catalog *c, const char *part)
{
    for (size_t i = 0; i < c->nnotes; i++)
        if (strstr(c->notes[i].message, part))
            return &c->notes[i];
    return NULL;
}

static inline bool has_tag(const struct yk_dataset *d, const char *tag)
{
    for (size_t i = 0; i < d->ntags; i++)
        if (strcmp(d->tags[i], tag) == 0)
            return true;
    return false;
}

static inline const char *suffix(const char *s, const char *end)
{
    size_t n = strlen(s), k = strlen(end);
    return s && n >= k && strcmp(s + n - k, end) == 0 ? s : NULL;
}

/* A temporary folder, removed with everything in it at the end of the test. */
static inline void tmp_dir(char *dir, size_t cap)
{
    const char *t = getenv("TMPDIR");
    snprintf(dir, cap, "%s/yk-catalog-XXXXXX", t && *t ? t : "/tmp");
    assert_non_null(mkdtemp(dir));
}

static inline void rm_tree(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static inline void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

#endif
