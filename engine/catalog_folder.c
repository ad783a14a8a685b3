/* yakist — folder catalogs. A folder holding datapackage.json is a Data Package; one holding
 * CKAN package files (package_show results or bare packages, next to council.json and the
 * resource files) is a CKAN catalog; anything else is a plain folder, where every file is a
 * dataset with one resource, described by an optional sidecar <file>.meta.json. Entries are
 * read in byte order of their names, so the catalog is the same on every machine. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog_priv.h"
#include "utf8.h"

#define PEEK_BYTES (256u * 1024u) /* of a JSON file, to tell package metadata from data */
#define SIDECAR_SUFFIX ".meta.json"

struct entry {
    char *name;
    bool dir, link;
    int64_t size; /* -1 for links and folders */
};

struct listing {
    struct entry *e;
    size_t n, cap;
};

static void listing_free(struct listing *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->e[i].name);
    free(l->e);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The entries of dir, sorted, without "." and "..". */
static int list(struct yk_cat *c, const char *dir, struct listing *l)
{
    DIR *d = opendir(dir);
    if (!d)
        return yk_error_set(c->err, YK_EIO, dir, 0, 0, "cannot open folder: %s", strerror(errno));
    int rc = 0;
    for (struct dirent *de; rc == 0 && (de = readdir(d)) != NULL;) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (l->n >= YK_CAT_FILES_MAX) {
            rc = yk_error_set(c->err, YK_ELIMIT, dir, 0, 0, "folder holds more than %u entries",
                              YK_CAT_FILES_MAX);
            break;
        }
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 32;
            struct entry *e = realloc(l->e, cap * sizeof *e);
            if (!e) {
                rc = yk_error_set(c->err, YK_ENOMEM, dir, 0, 0, "out of memory");
                break;
            }
            l->e = e;
            l->cap = cap;
        }
        struct entry *e = &l->e[l->n];
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        e->name = strdup(de->d_name);
        if (!e->name) {
            rc = yk_error_set(c->err, YK_ENOMEM, dir, 0, 0, "out of memory");
            break;
        }
        l->n++;
        bool ok = lstat(path, &st) == 0;
        e->link = ok && S_ISLNK(st.st_mode);
        e->dir = ok && S_ISDIR(st.st_mode);
        e->size = ok && S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1;
    }
    closedir(d);
    if (rc == 0)
        qsort(l->e, l->n, sizeof *l->e, cmp_entry);
    return rc;
}

static const struct entry *find_entry(const struct listing *l, const char *name)
{
    struct entry key = {.name = (char *)name};
    return bsearch(&key, l->e, l->n, sizeof *l->e, cmp_entry);
}

/* Up to max bytes of a file's head into buf (NUL-terminated). */
static size_t head(const char *path, char *buf, size_t max)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    while (fd >= 0 && got < max) {
        ssize_t k = read(fd, buf + got, max - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    if (fd >= 0)
        close(fd);
    buf[got] = '\0';
    return got;
}

/* A file of a folder that failed to parse does not stop the catalog: it becomes a note. */
static int demote(struct yk_cat *c, int rc)
{
    if (rc != YK_EPARSE && rc != YK_EIO && !(rc == YK_ELIMIT && c->nds < YK_CAT_DATASETS_MAX))
        return rc;
    const char *file = yk_arena_strdup(c->arena, c->err->file);
    if (c->err->column)
        yk_cat_note(c, file, c->err->line, "column %llu: %s; file skipped",
                    (unsigned long long)c->err->column, c->err->message);
    else
        yk_cat_note(c, file, c->err->line, "%s; file skipped", c->err->message);
    yk_error_clear(c->err);
    return c->rc;
}

static int read_json_file(struct yk_cat *c, const char *dir, const char *name)
{
    const char *path = yk_cat_join(c, dir, name);
    char *buf = NULL;
    size_t len = 0;
    if (!path)
        return YK_ENOMEM;
    int rc = yk_cat_read_file(path, YK_CAT_JSON_MAX, YK_CAT_JSON_MAX_TEXT, &buf, &len, c->err);
    if (rc == 0) {
        yk_cat_digest(c, name, buf, len);
        rc = yk_cat_read_json(c, path, buf, len);
    }
    free(buf);
    return rc;
}

static bool package_candidate(const struct entry *e)
{
    return !e->dir && e->name[0] != '.' && ends_with(e->name, ".json") &&
           !ends_with(e->name, SIDECAR_SUFFIX) && strcmp(e->name, "council.json") != 0;
}

/* CKAN package files at the top of dir; *found tells whether there were any. */
static int ckan_folder(struct yk_cat *c, const char *dir, const struct listing *l, bool *found)
{
    char *buf = malloc(PEEK_BYTES + 1);
    bool *pkg = calloc(l->n ? l->n : 1, sizeof *pkg);
    int rc = 0;
    if (!buf || !pkg) {
        rc = yk_error_set(c->err, YK_ENOMEM, dir, 0, 0, "out of memory");
        goto out;
    }
    *found = false;
    for (size_t i = 0; i < l->n; i++) {
        if (!package_candidate(&l->e[i]))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, l->e[i].name);
        size_t n = head(path, buf, PEEK_BYTES);
        pkg[i] = yk_cat_json_is_package(buf, n);
        *found |= pkg[i];
    }
    if (!*found)
        goto out;
    c->kind = "ckan";
    for (size_t i = 0; i < l->n && rc == 0; i++) {
        if (pkg[i])
            rc = demote(c, read_json_file(c, dir, l->e[i].name));
        else if (package_candidate(&l->e[i]))
            yk_cat_note(c, yk_cat_join(c, dir, l->e[i].name), 0,
                        "not CKAN package metadata; not read as part of the catalog");
    }
out:
    free(buf);
    free(pkg);
    return rc;
}

/* --- plain folders -------------------------------------------------------------------------- */

static const char *upper_ext(struct yk_cat *c, const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || !dot[1])
        return NULL;
    char *s = yk_arena_strdup(c->arena, dot + 1);
    for (char *p = s; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    if (!s)
        c->rc = YK_ENOMEM;
    return s;
}

/* Metadata for a file from its sidecar, when it has one. */
static void sidecar(struct yk_cat *c, const char *rel, struct yk_dataset *d,
                    struct yk_resource *res)
{
    const char *name = yk_arena_printf(c->arena, "%s" SIDECAR_SUFFIX, rel);
    const char *path = name ? yk_cat_join(c, c->root, name) : NULL;
    char *buf = NULL;
    size_t len;
    if (!path) {
        c->rc = YK_ENOMEM;
        return;
    }
    if (demote(c, yk_cat_read_file(path, YK_CAT_SIDECAR_MAX, YK_CAT_SIDECAR_MAX_TEXT, &buf, &len,
                                   c->err)) < 0 ||
        !buf)
        return;
    yk_cat_digest(c, name, buf, len);
    json_error_t je;
    json_t *meta = json_loadb(buf, len, 0, &je);
    d->source = path;
    if (!meta)
        yk_cat_note(c, path, (uint64_t)(je.line > 0 ? je.line : 0),
                    "column %d: JSON syntax error: %s; sidecar not read", je.column, je.text);
    else if (!json_is_object(meta))
        yk_cat_note(c, path, 1, "sidecar is not a JSON object; not read");
    else
        yk_cat_map_package(c, meta, YK_CAT_SIDECAR, d, res);
    json_decref(meta);
    free(buf);
}

static int plain_file(struct yk_cat *c, const char *rel, const struct entry *e, bool has_sidecar)
{
    struct yk_dataset d = {.source = yk_cat_join(c, c->root, rel)};
    struct yk_resource *res = yk_arena_calloc(c->arena, 1, sizeof *res);
    if (!res || !d.source)
        return yk_error_set(c->err, YK_ENOMEM, rel, 0, 0, "out of memory");
    res->name = e->name[0] ? yk_arena_strdup(c->arena, e->name) : NULL;
    res->url = rel;
    res->size = e->size;
    if (has_sidecar)
        sidecar(c, rel, &d, res);
    if (!res->format)
        res->format = upper_ext(c, e->name);
    if (!d.id)
        d.id = rel;
    yk_cat_locate(c, res, d.source, 0);
    d.resources = res;
    d.nresources = 1;
    char size[32];
    snprintf(size, sizeof size, "%lld", (long long)e->size);
    yk_cat_digest(c, rel, size, strlen(size));
    return c->rc < 0 ? c->rc : yk_cat_push(c, &d);
}

static bool skipped_name(const char *name, bool top)
{
    return name[0] == '.' || (top && strcmp(name, "council.json") == 0) ||
           strncasecmp(name, "readme", 6) == 0 || strncasecmp(name, "license", 7) == 0;
}

static int plain_dir(struct yk_cat *c, const char *rel, unsigned depth)
{
    struct listing l = {0};
    const char *dir = rel ? yk_cat_join(c, c->root, rel) : c->root;
    int rc = dir ? list(c, dir, &l) : YK_ENOMEM;
    char sidecar_of[4096];
    for (size_t i = 0; i < l.n && rc == 0; i++) {
        const struct entry *e = &l.e[i];
        const char *path = rel ? yk_cat_join(c, rel, e->name) : yk_cat_join(c, ".", e->name);
        size_t n = strlen(e->name);
        if (!path) {
            rc = YK_ENOMEM;
        } else if (yk_utf8_valid_prefix((const unsigned char *)e->name, n) != n) {
            yk_cat_note(c, dir, 0, "a file whose name is not UTF-8 was skipped");
        } else if (skipped_name(e->name, !rel)) {
            continue;
        } else if (ends_with(e->name, SIDECAR_SUFFIX)) {
            snprintf(sidecar_of, sizeof sidecar_of, "%.*s", (int)(n - strlen(SIDECAR_SUFFIX)),
                     e->name);
            if (!find_entry(&l, sidecar_of))
                yk_cat_note(c, yk_cat_join(c, dir, e->name), 0,
                            "sidecar of a file that is not there");
        } else if (e->dir && depth + 1 >= YK_CAT_DEPTH_MAX) {
            yk_cat_note(c, path, 0, "folder nested deeper than %u levels; not read",
                        YK_CAT_DEPTH_MAX);
        } else if (e->dir) {
            rc = plain_dir(c, path, depth + 1);
        } else {
            struct stat st;
            char full[4096];
            snprintf(full, sizeof full, "%s/%s", dir, e->name);
            if (e->link && stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
                yk_cat_note(c, path, 0, "symbolic link to a folder; not followed");
                continue;
            }
            snprintf(sidecar_of, sizeof sidecar_of, "%s" SIDECAR_SUFFIX, e->name);
            rc = plain_file(c, path, e, find_entry(&l, sidecar_of) != NULL);
        }
    }
    listing_free(&l);
    return rc < 0 ? rc : c->rc;
}

int yk_cat_read_folder(struct yk_cat *c, const char *dir)
{
    struct listing l = {0};
    bool found = false;
    int rc = list(c, dir, &l);
    const struct entry *dp = rc == 0 ? find_entry(&l, "datapackage.json") : NULL;
    if (dp && !dp->dir) {
        c->kind = "datapackage";
        rc = read_json_file(c, dir, "datapackage.json");
    } else if (rc == 0) {
        rc = ckan_folder(c, dir, &l, &found);
        if (rc == 0 && !found) {
            c->kind = "folder";
            rc = plain_dir(c, NULL, 0);
        }
    }
    listing_free(&l);
    return rc;
}
