/* yakist — yk_catalog_load: tells the kind of catalog from its content (a folder, JSON, RDF/XML
 * or a register CSV), runs the reader for it and moves what the reader gathered into the arena.
 * Also the helpers every reader shares: notes, bounded text copies, the digest, file reading. */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog_priv.h"
#include "utf8.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* --- notes, text, datasets ------------------------------------------------------------------ */

void yk_cat_note(struct yk_cat *c, const char *file, uint64_t line, const char *fmt, ...)
{
    if (c->nnotes >= YK_CAT_NOTES_MAX) {
        c->notes_dropped++;
        return;
    }
    if (c->nnotes == c->capnotes) {
        size_t cap = c->capnotes ? c->capnotes * 2 : 16;
        struct yk_catalog_note *n = realloc(c->notes, cap * sizeof *n);
        if (!n) {
            c->rc = YK_ENOMEM;
            return;
        }
        c->notes = n;
        c->capnotes = cap;
    }
    char msg[YK_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t len = strlen(msg);
    msg[yk_utf8_floor((const unsigned char *)msg, len, len)] = '\0'; /* a cut character */
    struct yk_catalog_note *n = &c->notes[c->nnotes];
    n->file = file;
    n->line = line;
    n->message = yk_arena_strdup(c->arena, msg);
    if (!n->message) {
        c->rc = YK_ENOMEM;
        return;
    }
    c->nnotes++;
}

const char *yk_cat_text(struct yk_cat *c, const char *s, size_t n, const char *file, uint64_t line,
                        const char *what)
{
    if (!s)
        return NULL;
    if (n > YK_CAT_STRING_MAX) {
        n = yk_utf8_floor((const unsigned char *)s, n, YK_CAT_STRING_MAX);
        yk_cat_note(c, file, line, "%s: longer than %u bytes, cut", what, YK_CAT_STRING_MAX);
    }
    char *t = yk_arena_strndup(c->arena, s, n);
    if (!t)
        c->rc = YK_ENOMEM;
    return t;
}

int yk_cat_push(struct yk_cat *c, const struct yk_dataset *d)
{
    if (c->nds >= YK_CAT_DATASETS_MAX)
        return yk_error_set(c->err, YK_ELIMIT, d->source, d->source_line, 0,
                            "catalog holds more than %u datasets", YK_CAT_DATASETS_MAX);
    if (c->nds == c->capds) {
        size_t cap = c->capds ? c->capds * 2 : 64;
        struct yk_dataset *n = realloc(c->ds, cap * sizeof *n);
        if (!n)
            return yk_error_set(c->err, YK_ENOMEM, d->source, 0, 0, "out of memory");
        c->ds = n;
        c->capds = cap;
    }
    c->ds[c->nds] = *d;
    c->ds[c->nds].index = c->nds;
    c->nds++;
    return 0;
}

/* FNV-1a over 64-bit words (read little-endian, so every machine gets the same digest): eight
 * times fewer multiplications than byte-wise FNV, which matters on a national catalog. */
void yk_cat_digest(struct yk_cat *c, const char *name, const void *data, size_t n)
{
    uint64_t h = c->digest;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * FNV_PRIME;
    h = (h ^ 0u) * FNV_PRIME; /* the name's terminator keeps "ab"+"c" apart from "a"+"bc" */
    const unsigned char *p = data, *end = p + n;
    for (; end - p >= 8; p += 8) {
        uint64_t w = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
                     (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
                     (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
        h = (h ^ w) * FNV_PRIME;
    }
    for (; p < end; p++)
        h = (h ^ *p) * FNV_PRIME;
    h = (h ^ (uint64_t)n) * FNV_PRIME; /* the length, so a file cut short differs */
    c->digest = h;
}

const char *yk_cat_clip(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(s);
    n = yk_utf8_floor((const unsigned char *)s, n, n < cap ? n : cap - 1);
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

const char *yk_cat_join(struct yk_cat *c, const char *dir, const char *name)
{
    char *s;
    if (strcmp(dir, ".") == 0)
        s = yk_arena_strdup(c->arena, name);
    else if (*dir && dir[strlen(dir) - 1] == '/')
        s = yk_arena_printf(c->arena, "%s%s", dir, name);
    else
        s = yk_arena_printf(c->arena, "%s/%s", dir, name);
    if (!s)
        c->rc = YK_ENOMEM;
    return s;
}

void yk_cat_position(const char *buf, size_t off, uint64_t *line, uint64_t *column)
{
    uint64_t ln = 1;
    size_t start = 0;
    for (const char *p = buf, *end = buf + off; p < end && (p = memchr(p, '\n', (size_t)(end - p)));
         p++) {
        ln++;
        start = (size_t)(p - buf) + 1;
    }
    *line = ln;
    *column = yk_utf8_count((const unsigned char *)buf + start, off - start) + 1;
}

/* --- files ---------------------------------------------------------------------------------- */

int yk_cat_read_file(const char *path, size_t cap, const char *cap_text, char **buf, size_t *len,
                     struct yk_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    int rc = 0;
    char *b = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        rc = yk_error_set(err, YK_EIO, path, 0, 0, "not a regular file");
        goto out;
    }
    if ((uint64_t)st.st_size > cap) {
        rc = yk_error_set(err, YK_ELIMIT, path, 0, 0, "metadata file larger than %s", cap_text);
        goto out;
    }
    size_t want = (size_t)st.st_size, got = 0;
    b = malloc(want + 1);
    if (!b) {
        rc = yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        goto out;
    }
    /* Read what the file holds now, which may differ from what fstat said a moment ago. */
    for (;;) {
        if (got == want) {
            char probe;
            ssize_t k = read(fd, &probe, 1);
            if (k == 0)
                break;
            if (k > 0) {
                rc = yk_error_set(err, YK_ELIMIT, path, 0, 0, "file grew while being read");
                goto out;
            }
        } else {
            ssize_t k = read(fd, b + got, want - got);
            if (k == 0)
                break;
            if (k > 0) {
                got += (size_t)k;
                continue;
            }
        }
        if (errno == EINTR)
            continue;
        rc = yk_error_set(err, YK_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
        goto out;
    }
    b[got] = '\0';
    *buf = b;
    *len = got;
    b = NULL;
out:
    free(b);
    close(fd);
    return rc;
}

/* --- detection ------------------------------------------------------------------------------ */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The folder a catalog file's relative paths resolve against. */
static const char *dir_of(struct yk_cat *c, const char *path)
{
    const char *s = strrchr(path, '/');
    if (!s)
        return ".";
    if (s == path)
        return "/";
    char *d = yk_arena_strndup(c->arena, path, (size_t)(s - path));
    if (!d)
        c->rc = YK_ENOMEM;
    return d;
}

static int read_catalog_file(struct yk_cat *c, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = yk_cat_read_file(path, YK_CAT_JSON_MAX, YK_CAT_JSON_MAX_TEXT, &buf, &len, c->err);
    if (rc < 0)
        return rc;
    yk_cat_digest(c, base_name(path), buf, len);
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    if (i < len && (buf[i] == '{' || buf[i] == '[')) {
        rc = yk_cat_read_json(c, path, buf, len);
    } else if (i < len && buf[i] == '<') {
        if (len > YK_CAT_XML_MAX)
            rc = yk_error_set(c->err, YK_ELIMIT, path, 0, 0,
                              "RDF/XML catalog larger than " YK_CAT_XML_MAX_TEXT);
        else
            rc = yk_cat_read_dcat(c, path, buf, len);
    } else if (i < len) {
        rc = yk_cat_read_register(c, path, buf, len);
    } else {
        rc = yk_error_set(c->err, YK_EPARSE, path, 1, 1, "empty catalog file");
    }
    free(buf);
    return rc;
}

/* Move the datasets and notes into the arena and point every resource at its dataset. */
static int finish(struct yk_cat *c, struct yk_catalog **out)
{
    struct yk_catalog *cat = yk_arena_calloc(c->arena, 1, sizeof *cat);
    if (c->notes_dropped)
        yk_cat_note(c, NULL, 0, "%zu more notes were not kept", c->notes_dropped);
    struct yk_dataset *ds = yk_arena_calloc(c->arena, c->nds ? c->nds : 1, sizeof *ds);
    struct yk_catalog_note *notes =
        yk_arena_calloc(c->arena, c->nnotes ? c->nnotes : 1, sizeof *notes);
    char *digest = yk_arena_printf(c->arena, "%016llx", (unsigned long long)c->digest);
    if (!cat || !ds || !notes || !digest || c->rc < 0)
        return yk_error_set(c->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (c->nds)
        memcpy(ds, c->ds, c->nds * sizeof *ds);
    if (c->nnotes)
        memcpy(notes, c->notes, c->nnotes * sizeof *notes);
    for (size_t i = 0; i < c->nds; i++)
        for (size_t j = 0; j < ds[i].nresources; j++)
            ds[i].resources[j].dataset = &ds[i];
    cat->root = c->root;
    cat->kind = c->kind;
    cat->datasets = ds;
    cat->ndatasets = c->nds;
    cat->notes = notes;
    cat->nnotes = c->nnotes;
    cat->digest = digest;
    *out = cat;
    return 0;
}

int yk_catalog_load(const char *path, struct yk_arena *arena, struct yk_catalog **out,
                    struct yk_error *err)
{
    struct yk_error local;
    err = err ? err : &local;
    struct yk_cat c = {.arena = arena, .err = err, .digest = FNV_OFFSET};
    struct stat st;
    int rc;
    yk_error_clear(err);
    if (stat(path, &st) != 0)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open catalog: %s", strerror(errno));
    bool dir = S_ISDIR(st.st_mode);
    if (!dir && !S_ISREG(st.st_mode))
        return yk_error_set(err, YK_EIO, path, 0, 0, "catalog is neither a file nor a folder");
    const char *file = yk_arena_strdup(arena, path); /* datasets and notes point at it */
    c.root = !file ? NULL : dir ? file : dir_of(&c, file);
    if (!c.root)
        return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
    c.root_real = realpath(c.root, NULL);
    c.root_real_len = c.root_real ? strlen(c.root_real) : 0;
    rc = dir ? yk_cat_read_folder(&c, file) : read_catalog_file(&c, file);
    if (rc == 0 && c.rc < 0)
        rc = yk_error_set(err, c.rc, path, 0, 0, "out of memory");
    if (rc == 0)
        rc = finish(&c, out);
    free(c.root_real);
    free(c.ds);
    free(c.notes);
    free(c.tags);
    free(c.kv);
    free(c.res);
    return rc;
}
