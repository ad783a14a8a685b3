/* yakist — a CKAN package mapped straight from its JSON text. A national list holds tens of
 * thousands of packages of about a hundred keys each (resources, tags, the organization), and
 * building a jansson tree for each costs more than everything else the audit does with them.
 * Here the package is walked key by key in one pass that also checks it by JSON's grammar:
 * strings and plain numbers go to the builder as text, keys the model has no place for are
 * checked and skipped, and only the rare odd value (an object where text is expected, a nested
 * extra) is decoded with jansson. The builder (catalog_map.c) applies the same rules to both
 * paths, so the dataset and the notes do not depend on which one ran. A package that turns out
 * not to be valid JSON is dropped with its notes, and jansson says what is wrong. */
#include <string.h>

#include "catalog_priv.h"

struct fast {
    struct yk_cat *c;
    struct yk_scan *s;
    struct yk_cat_build b;
    bool failed;      /* the text is not valid JSON: stop, and let jansson report it */
    bool tags_listed; /* tags[] held at least one element */
};

/* --- values ----------------------------------------------------------------------------------- */

/* Check and pass over the value at i, nested depth deep; its end. */
static size_t skip(struct fast *f, size_t i, unsigned depth)
{
    if (!f->failed && yk_scan_skip(f->s, &i, depth) < 0)
        f->failed = true;
    return i;
}

/* The string at i, unescaped into the scanner's text; *end past it. */
static bool string(struct fast *f, size_t i, size_t *end, size_t *len)
{
    int rc = yk_scan_string_at(f->s, i, end, len);
    if (rc == YK_ENOMEM)
        f->c->rc = YK_ENOMEM;
    else if (rc < 0)
        f->failed = true;
    return rc == 0;
}

/* An integer jansson would print the same way: -?[1-9][0-9]{0,17} or 0. */
static bool plain_integer(const char *p, size_t n)
{
    size_t k = n > 0 && p[0] == '-';
    if (n - k == 1 && p[k] == '0')
        return k == 0;
    if (n - k < 1 || n - k > 18 || p[k] < '1' || p[k] > '9')
        return false;
    for (size_t i = k; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

static json_t *decode(struct fast *f, size_t start, size_t end)
{
    json_t *v = NULL;
    if (!f->failed && yk_scan_decode(f->s, start, end, &v) < 0)
        f->failed = true;
    return v;
}

/* The value at i as yk_cat_flat gives it (NULL for null), decoding only what is not a string
 * or a plain scalar; *end past it. */
static const char *flat(struct fast *f, size_t i, unsigned depth, const char *what, size_t *end)
{
    const char *p = f->s->b + i;
    size_t len;
    if (*p == '"')
        return string(f, i, end, &len)
                   ? yk_cat_text(f->c, f->s->text, len, f->b.file, f->b.line, what)
                   : NULL;
    if (*p != '{' && *p != '[') {
        *end = yk_scan_scalar_end(f->s, i);
        if (!yk_scan_scalar_ok(f->s, i, *end)) {
            f->failed = true;
            return NULL;
        }
        if (*p == 'n')
            return NULL;
        if (*p == 't' || *p == 'f')
            return *p == 't' ? "true" : "false";
        if (plain_integer(p, *end - i))
            return yk_cat_text(f->c, p, *end - i, f->b.file, f->b.line, what);
    } else {
        *end = skip(f, i, depth);
    }
    json_t *v = decode(f, i, *end);
    const char *t = v ? yk_cat_flat(f->c, v, f->b.file, f->b.line, what) : NULL;
    json_decref(v);
    return t;
}

/* A member the builder takes decoded; its end. */
static size_t member_json(struct fast *f, const char *key, size_t i)
{
    size_t end = skip(f, i, 1);
    json_t *v = decode(f, i, end);
    if (v)
        yk_cat_build_json(&f->b, key, v);
    json_decref(v);
    return end;
}

/* --- the parts of a package ------------------------------------------------------------------ */

static size_t tags(struct fast *f, size_t i)
{
    char key[YK_SCAN_KEY_MAX];
    bool first = true;
    size_t k = 0, len, end;
    i++;
    while (!f->failed && yk_scan_elem(f->s, &i, &first) == YK_SCAN_MORE) {
        bool named = false;
        f->tags_listed = true;
        if (f->s->b[i] == '{') {
            bool kfirst = true;
            i++;
            while (!f->failed && yk_scan_key(f->s, &i, &kfirst, key) == YK_SCAN_MORE) {
                if (!named && strcmp(key, "name") == 0 && f->s->b[i] == '"') {
                    if (string(f, i, &end, &len))
                        yk_cat_build_tag(&f->b, f->s->text, len);
                    named = true;
                    i = end;
                } else {
                    i = skip(f, i, 4);
                }
            }
        } else if (f->s->b[i] == '"') {
            if (string(f, i, &end, &len))
                yk_cat_build_tag(&f->b, f->s->text, len);
            named = true;
            i = end;
        } else {
            i = skip(f, i, 3);
        }
        if (!named)
            yk_cat_note(f->c, f->b.file, f->b.line, "tags[%zu]: not a tag name", k);
        k++;
    }
    return i;
}

/* The organization's parts, unless its extras must be searched for the ЄДРПОУ. */
static size_t organization(struct fast *f, size_t start)
{
    static const char *const keys[] = {"title", "name", "id", "edrpou"};
    const char *t[4] = {NULL};
    bool seen[4] = {false}, first = true, extras = false;
    char key[YK_SCAN_KEY_MAX];
    size_t i = start + 1;
    while (!f->failed && yk_scan_key(f->s, &i, &first, key) == YK_SCAN_MORE) {
        size_t k = 0;
        while (k < 4 && (seen[k] || strcmp(key, keys[k]) != 0))
            k++;
        if (k < 4) {
            t[k] = flat(f, i, 2, keys[k], &i);
            seen[k] = true;
            continue;
        }
        if (strcmp(key, "extras") == 0)
            extras = f->s->b[i] != '[' || f->s->b[yk_scan_ws(f->s, i + 1)] != ']';
        i = skip(f, i, 2);
    }
    if (extras && !f->failed) {
        json_t *v = decode(f, start, i);
        if (v)
            yk_cat_build_json(&f->b, "organization", v);
        json_decref(v);
    } else if (!f->failed) {
        yk_cat_build_org(&f->b, t[0], t[1], t[2], t[3]);
    }
    return i;
}

static size_t resource(struct fast *f, size_t i, size_t start, struct yk_resource *out)
{
    struct yk_cat_res slots = {0};
    char key[YK_SCAN_KEY_MAX], num[24];
    bool first = true;
    size_t j = start + 1, len, end;
    while (!f->failed && yk_scan_key(f->s, &j, &first, key) == YK_SCAN_MORE) {
        char ch = f->s->b[j];
        if (!yk_cat_res_wants(key)) {
            j = skip(f, j, 3);
        } else if (ch == '"') {
            if (string(f, j, &end, &len))
                yk_cat_res_member(&f->b, &slots, i, key, f->s->text, NULL);
            j = end;
        } else if (ch != '{' && ch != '[' &&
                   plain_integer(f->s->b + j, (end = yk_scan_scalar_end(f->s, j)) - j)) {
            if (strcmp(key, "title") != 0) { /* only text names a resource */
                memcpy(num, f->s->b + j, end - j);
                num[end - j] = '\0';
                yk_cat_res_member(&f->b, &slots, i, key, num, NULL);
            }
            j = end;
        } else {
            end = skip(f, j, 3);
            json_t *v = ch == 'n' ? NULL : decode(f, j, end);
            if (v && (strcmp(key, "title") != 0 || json_is_string(v)))
                yk_cat_res_member(&f->b, &slots, i, key, NULL, v);
            json_decref(v);
            j = end;
        }
    }
    if (!f->failed)
        yk_cat_res_finish(&f->b, &slots, i, out);
    return j;
}

static size_t resources(struct fast *f, size_t i)
{
    struct yk_cat *c = f->c;
    bool first = true;
    size_t n = 0, k = 0;
    i++;
    while (!f->failed && yk_scan_elem(f->s, &i, &first) == YK_SCAN_MORE) {
        if (n++ >= YK_CAT_RESOURCES_MAX) {
            i = skip(f, i, 2);
            continue;
        }
        if (f->s->b[i] != '{') {
            yk_cat_note(c, f->b.file, f->b.line, "resources[%zu]: expected an object", n - 1);
            i = skip(f, i, 2);
            continue;
        }
        if (k == c->capres) {
            size_t cap = c->capres ? c->capres * 2 : 16;
            struct yk_resource *r = realloc(c->res, cap * sizeof *r);
            if (!r) {
                c->rc = YK_ENOMEM;
                return skip(f, i, 2);
            }
            c->res = r;
            c->capres = cap;
        }
        i = resource(f, n - 1, i, &c->res[k++]);
    }
    if (n > YK_CAT_RESOURCES_MAX)
        yk_cat_note(c, f->b.file, f->b.line, "%zu resources; only the first %u are read", n,
                    YK_CAT_RESOURCES_MAX);
    struct yk_resource *rs = k ? yk_arena_alloc(c->arena, k * sizeof *rs) : NULL;
    if (k && !rs)
        c->rc = YK_ENOMEM;
    else if (k)
        memcpy(rs, c->res, k * sizeof *rs);
    f->b.d->resources = rs;
    f->b.d->nresources = rs ? k : 0;
    return i;
}

/* --- the package ---------------------------------------------------------------------------- */

/* One member of the package at i; its end. */
static size_t member(struct fast *f, const char *key, size_t i, size_t *tag_string)
{
    const struct yk_cat_field *fd = yk_cat_field_find(key, YK_CAT_CKAN);
    char ch = f->s->b[i];
    size_t end;
    if (ch == 'n')
        return skip(f, i, 1); /* null */
    if (!fd) {
        const char *t = flat(f, i, 1, key, &end);
        yk_cat_build_extra(&f->b, key, t);
        return end;
    }
    switch (fd->how) {
    case YK_CAT_TEXT:
        if (ch == '{' || ch == '[')
            return member_json(f, key, i);
        yk_cat_build_text(&f->b, fd->off, key, flat(f, i, 1, key, &end));
        return end;
    case YK_CAT_PRIVATE:
        end = skip(f, i, 1);
        f->b.d->is_private = ch == 't' || (end - i == 6 && memcmp(f->s->b + i, "\"true\"", 6) == 0);
        return end;
    case YK_CAT_TAGS:
        if (strcmp(key, "tag_string") == 0) {
            *tag_string = i; /* read at the end, when tags[] turned out empty */
            return skip(f, i, 1);
        }
        return ch == '[' ? tags(f, i) : member_json(f, key, i);
    case YK_CAT_ORGANIZATION:
        return ch == '{' ? organization(f, i) : member_json(f, key, i);
    case YK_CAT_RESOURCES:
        return ch == '[' ? resources(f, i) : member_json(f, key, i);
    default:
        return member_json(f, key, i);
    }
}

/* Drop what a package that is not valid JSON left, and let jansson say what is wrong. */
static int invalid(struct yk_cat *c, struct yk_scan *s, size_t start, size_t *end, size_t nnotes,
                   size_t dropped, struct yk_dataset *d)
{
    json_t *v;
    c->nnotes = nnotes;
    c->notes_dropped = dropped;
    *d = (struct yk_dataset){.source = d->source, .source_line = d->source_line};
    if (yk_scan_span(s, start, end) < 0 || yk_scan_decode(s, start, *end, &v) < 0)
        return yk_scan_error(s);
    int rc = yk_cat_map_package(c, v, YK_CAT_CKAN, d, NULL); /* the check was too strict */
    json_decref(v);
    return rc;
}

int yk_cat_fast_package(struct yk_cat *c, struct yk_scan *s, size_t start, size_t *end,
                        struct yk_dataset *d)
{
    struct fast f = {.c = c, .s = s};
    char key[YK_SCAN_KEY_MAX];
    bool first = true;
    size_t i = start + 1, tag_string = 0, nnotes = c->nnotes, dropped = c->notes_dropped;
    int r = YK_SCAN_END;
    yk_cat_build_init(&f.b, c, YK_CAT_CKAN, d, NULL);
    while (!f.failed && c->rc == 0 && (r = yk_scan_key(s, &i, &first, key)) == YK_SCAN_MORE)
        i = member(&f, key, i, &tag_string);
    if (r == YK_SCAN_FAIL)
        f.failed = true;
    if (f.failed)
        return invalid(c, s, start, end, nnotes, dropped, d);
    if (c->rc < 0)
        return c->rc;
    *end = i;
    f.b.has_tags = f.tags_listed;
    if (tag_string && !f.tags_listed)
        member_json(&f, "tag_string", tag_string);
    return yk_cat_build_finish(&f.b);
}
