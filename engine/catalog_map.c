/* yakist — one package into one dataset: a CKAN package (with data.gov.ua's flattened extras
 * and the extras[] list form landing in the same fields), a Frictionless Data Package, or the
 * sidecar of a plain file. One field table says where each key goes in each dialect; whatever
 * it does not name is kept in extras[] as text, so nothing is dropped on the way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_priv.h"

#define OFF(f) offsetof(struct yk_dataset, f)

enum {
    CK = YK_CAT_CKAN,
    DP = YK_CAT_DATAPACKAGE,
    SC = YK_CAT_SIDECAR,
    ALL = CK | DP | SC,
    XL = YK_CAT_XL
};

#define TEXT(k, field, w)                                                                          \
    {                                                                                              \
        .key = k, .how = YK_CAT_TEXT, .off = OFF(field), .where = w                                \
    }
#define DO(k, h, w)                                                                                \
    {                                                                                              \
        .key = k, .how = h, .where = w                                                             \
    }

/* In strcmp order: looked up with bsearch. */
static const struct yk_cat_field fields[] = {
    TEXT("actual_date", data_as_of, ALL | XL),
    DO("contributors", YK_CAT_CONTRIBUTORS, DP),
    TEXT("created", metadata_created, DP),
    TEXT("data_as_of", data_as_of, ALL | XL),
    TEXT("description", notes, DP | SC),
    TEXT("edrpou", publisher_edrpou, ALL | XL),
    DO("extras", YK_CAT_EXTRAS, CK | DP),
    DO("format", YK_CAT_RES_FORMAT, SC),
    TEXT("frequency", update_frequency, ALL | XL),
    TEXT("id", id, ALL),
    DO("keywords", YK_CAT_TAGS, DP | SC),
    TEXT("language", language, ALL | XL),
    TEXT("license", license_id, DP | SC),
    TEXT("license_id", license_id, ALL),
    TEXT("license_title", license_title, ALL),
    DO("licenses", YK_CAT_LICENSES, DP),
    TEXT("maintainer", maintainer, ALL),
    TEXT("maintainer_email", maintainer_email, ALL),
    TEXT("metadata_created", metadata_created, ALL),
    TEXT("metadata_modified", metadata_modified, ALL),
    DO("mimetype", YK_CAT_RES_MIMETYPE, SC),
    TEXT("name", name, ALL),
    TEXT("notes", notes, ALL),
    DO("organization", YK_CAT_ORGANIZATION, ALL),
    TEXT("perelik_item", perelik_item, ALL | XL),
    DO("private", YK_CAT_PRIVATE, CK | DP),
    DO("profile", YK_CAT_SKIP, DP),
    DO("publisher", YK_CAT_PUBLISHER, DP | SC),
    TEXT("publisher_edrpou", publisher_edrpou, ALL | XL),
    TEXT("publisher_identifier", publisher_edrpou, ALL | XL),
    TEXT("purpose", purpose, ALL | XL),
    TEXT("purpose_of_collecting_information", purpose, ALL | XL),
    TEXT("resolution_835_item", perelik_item, ALL | XL),
    DO("resources", YK_CAT_RESOURCES, CK | DP),
    TEXT("state", state, ALL),
    DO("tag_string", YK_CAT_TAGS, ALL),
    DO("tags", YK_CAT_TAGS, ALL),
    TEXT("title", title, ALL),
    TEXT("update_frequency", update_frequency, ALL | XL),
};

#define NFIELDS (sizeof fields / sizeof fields[0])

#define ROFF(f) offsetof(struct yk_cat_res, f)

struct res_field {
    const char *key;
    size_t off;
};

/* In strcmp order. */
static const struct res_field res_fields[] = {
    {"bytes", ROFF(bytes)},
    {"created", ROFF(created)},
    {"description", ROFF(description)},
    {"format", ROFF(format)},
    {"id", ROFF(id)},
    {"last_modified", ROFF(last_modified)},
    {"mediatype", ROFF(mediatype)},
    {"mimetype", ROFF(mimetype)},
    {"name", ROFF(name)},
    {"path", ROFF(path)},
    {"schema", ROFF(schema)},
    {"size", ROFF(size)},
    {"title", ROFF(title)},
    {"url", ROFF(url)},
};

static int cmp_res_field(const void *key, const void *elem)
{
    return strcmp(key, ((const struct res_field *)elem)->key);
}

static int cmp_field(const void *key, const void *elem)
{
    return strcmp(key, ((const struct yk_cat_field *)elem)->key);
}

const struct yk_cat_field *yk_cat_field_find(const char *key, unsigned where)
{
    const struct yk_cat_field *f = bsearch(key, fields, NFIELDS, sizeof fields[0], cmp_field);
    return f && (f->where & where) ? f : NULL;
}

bool yk_cat_fields_sorted(void)
{
    for (size_t i = 1; i < NFIELDS; i++)
        if (strcmp(fields[i - 1].key, fields[i].key) >= 0)
            return false;
    for (size_t i = 1; i < sizeof res_fields / sizeof res_fields[0]; i++)
        if (strcmp(res_fields[i - 1].key, res_fields[i].key) >= 0)
            return false;
    return true;
}

/* --- text ----------------------------------------------------------------------------------- */

const char *yk_cat_flat(struct yk_cat *c, const json_t *v, const char *file, uint64_t line,
                        const char *what)
{
    char num[64];
    if (!v)
        return NULL;
    switch (json_typeof(v)) {
    case JSON_STRING:
        return yk_cat_text(c, json_string_value(v), strlen(json_string_value(v)), file, line, what);
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return yk_cat_text(c, num, strlen(num), file, line, what);
    case JSON_REAL:
        snprintf(num, sizeof num, "%.17g", json_real_value(v));
        return yk_cat_text(c, num, strlen(num), file, line, what);
    case JSON_TRUE:
        return "true";
    case JSON_FALSE:
        return "false";
    case JSON_NULL:
        return NULL;
    case JSON_OBJECT:
    case JSON_ARRAY:
        break;
    }
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s) {
        c->rc = YK_ENOMEM;
        return NULL;
    }
    const char *t = yk_cat_text(c, s, strlen(s), file, line, what);
    free(s);
    return t;
}

/* --- the builder ---------------------------------------------------------------------------- */

void yk_cat_build_init(struct yk_cat_build *b, struct yk_cat *c, enum yk_cat_dialect dialect,
                       struct yk_dataset *d, struct yk_resource *file_res)
{
    *b = (struct yk_cat_build){.c = c,
                               .d = d,
                               .dialect = dialect,
                               .file = d->source,
                               .line = d->source_line,
                               .file_res = file_res};
}

void yk_cat_build_text(struct yk_cat_build *b, size_t off, const char *key, const char *t)
{
    const char **slot = (const char **)(void *)((char *)b->d + off);
    if (!t)
        return;
    char first[96];
    if (!*slot)
        *slot = t;
    else if (strcmp(*slot, t) != 0)
        yk_cat_note(b->c, b->file, b->line,
                    "%s: given twice with different values; the first, \"%s\", is kept", key,
                    yk_cat_clip(first, sizeof first, *slot));
}

void yk_cat_build_extra(struct yk_cat_build *b, const char *key, const char *value)
{
    struct yk_cat *c = b->c;
    if (!value)
        return;
    if (b->nkv >= YK_CAT_LIST_MAX) {
        if (!b->kv_cut)
            yk_cat_note(c, b->file, b->line, "more than %u extra fields; the rest are dropped",
                        YK_CAT_LIST_MAX);
        b->kv_cut = true;
        return;
    }
    if (b->nkv == c->capkv) {
        size_t cap = c->capkv ? c->capkv * 2 : 32;
        struct yk_kv *n = realloc(c->kv, cap * sizeof *n);
        if (!n) {
            c->rc = YK_ENOMEM;
            return;
        }
        c->kv = n;
        c->capkv = cap;
    }
    const char *k = yk_cat_text(c, key, strlen(key), b->file, b->line, "extra field name");
    if (k)
        c->kv[b->nkv++] = (struct yk_kv){.key = k, .value = value};
}

void yk_cat_build_tag(struct yk_cat_build *b, const char *s, size_t n)
{
    struct yk_cat *c = b->c;
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (n == 0)
        return;
    if (b->ntags >= YK_CAT_LIST_MAX) {
        if (!b->tags_cut)
            yk_cat_note(c, b->file, b->line, "more than %u tags; the rest are dropped",
                        YK_CAT_LIST_MAX);
        b->tags_cut = true;
        return;
    }
    if (b->ntags == c->captags) {
        size_t cap = c->captags ? c->captags * 2 : 32;
        const char **t = realloc(c->tags, cap * sizeof *t);
        if (!t) {
            c->rc = YK_ENOMEM;
            return;
        }
        c->tags = t;
        c->captags = cap;
    }
    const char *t = yk_cat_text(c, s, n, b->file, b->line, "tag");
    if (t)
        c->tags[b->ntags++] = t;
}

void yk_cat_build_tag_list(struct yk_cat_build *b, const char *s)
{
    for (const char *comma; (comma = strchr(s, ',')) != NULL; s = comma + 1)
        yk_cat_build_tag(b, s, (size_t)(comma - s));
    yk_cat_build_tag(b, s, strlen(s));
}

void yk_cat_build_extra_field(struct yk_cat_build *b, const char *key, const char *value)
{
    const struct yk_cat_field *f = yk_cat_field_find(key, YK_CAT_XL);
    if (f && f->how == YK_CAT_TEXT)
        yk_cat_build_text(b, f->off, key, value);
    else
        yk_cat_build_extra(b, key, value);
}

int yk_cat_build_finish(struct yk_cat_build *b)
{
    struct yk_cat *c = b->c;
    struct yk_dataset *d = b->d;
    if (!d->title)
        yk_cat_note(c, b->file, b->line, "dataset %s: no title",
                    d->name ? d->name
                    : d->id ? d->id
                            : "(unnamed)");
    if (b->ntags) {
        const char **tags = yk_arena_alloc(c->arena, b->ntags * sizeof *tags);
        if (tags)
            memcpy(tags, c->tags, b->ntags * sizeof *tags);
        d->tags = tags;
        d->ntags = tags ? b->ntags : 0;
    }
    if (b->nkv) {
        struct yk_kv *kv = yk_arena_alloc(c->arena, b->nkv * sizeof *kv);
        if (kv)
            memcpy(kv, c->kv, b->nkv * sizeof *kv);
        d->extras = kv;
        d->nextras = kv ? b->nkv : 0;
    }
    if ((b->ntags && !d->tags) || (b->nkv && !d->extras))
        c->rc = YK_ENOMEM;
    return c->rc < 0 ? c->rc : 0;
}

/* --- decoded values -------------------------------------------------------------------------- */

static const char *flat(struct yk_cat_build *b, const json_t *v, const char *what)
{
    return yk_cat_flat(b->c, v, b->file, b->line, what);
}

/* A text field: multilingual objects ({"uk": ..., "en": ...}) give their Ukrainian text. */
static void set_text(struct yk_cat_build *b, size_t off, const char *key, const json_t *v)
{
    if (json_is_object(v)) {
        const json_t *uk = json_object_get(v, "uk");
        uk = uk ? uk : json_object_get(v, "ua");
        if (json_is_string(uk))
            v = uk;
        else
            yk_cat_note(b->c, b->file, b->line, "%s: expected text, got an object (kept as JSON)",
                        key);
    } else if (json_is_array(v)) {
        yk_cat_note(b->c, b->file, b->line, "%s: expected text, got a list (kept as JSON)", key);
    }
    yk_cat_build_text(b, off, key, flat(b, v, key));
}

static void add_extra_json(struct yk_cat_build *b, const char *key, const json_t *v)
{
    yk_cat_build_extra(b, key, flat(b, v, key));
}

static void map_tags(struct yk_cat_build *b, const char *key, const json_t *v)
{
    if (json_is_string(v)) {
        yk_cat_build_tag_list(b, json_string_value(v));
        return;
    }
    if (!json_is_array(v)) {
        yk_cat_note(b->c, b->file, b->line, "%s: expected a list", key);
        return;
    }
    size_t i;
    const json_t *t;
    json_array_foreach(v, i, t)
    {
        const json_t *name = json_is_object(t) ? json_object_get(t, "name") : t;
        if (json_is_string(name))
            yk_cat_build_tag(b, json_string_value(name), strlen(json_string_value(name)));
        else
            yk_cat_note(b->c, b->file, b->line, "%s[%zu]: not a tag name", key, i);
    }
}

/* Extras as a list of {key, value} (deleted ones skipped) or as an object. */
static void map_extras(struct yk_cat_build *b, const json_t *v)
{
    const char *key;
    const json_t *value;
    size_t i;
    if (json_is_object(v)) {
        json_object_foreach((json_t *)v, key, value)
            yk_cat_build_extra_field(b, key, flat(b, value, key));
        return;
    }
    if (!json_is_array(v)) {
        yk_cat_note(b->c, b->file, b->line,
                    "extras: unknown shape (expected a list of {key, value}); kept as text");
        add_extra_json(b, "extras", v);
        return;
    }
    json_array_foreach(v, i, value)
    {
        const json_t *k = json_object_get(value, "key");
        const json_t *state = json_object_get(value, "state");
        if (!json_is_string(k)) {
            yk_cat_note(b->c, b->file, b->line,
                        "extras[%zu]: unknown shape (expected {key, value}); kept as text", i);
            add_extra_json(b, "extras", value);
            continue;
        }
        if (json_is_string(state) && strcmp(json_string_value(state), "deleted") == 0)
            continue;
        const char *name = json_string_value(k);
        yk_cat_build_extra_field(b, name, flat(b, json_object_get(value, "value"), name));
    }
}

static void map_organization(struct yk_cat_build *b, const json_t *v)
{
    if (!json_is_object(v)) {
        if (json_is_string(v))
            set_text(b, OFF(publisher_name), "organization", v);
        else
            yk_cat_note(b->c, b->file, b->line, "organization: expected an object");
        return;
    }
    const json_t *edrpou = json_object_get(v, "edrpou");
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(v, "extras"), i, e)
    {
        const json_t *k = json_object_get(e, "key");
        if (!edrpou && json_is_string(k) && strcmp(json_string_value(k), "edrpou") == 0)
            edrpou = json_object_get(e, "value");
    }
    yk_cat_build_org(b, flat(b, json_object_get(v, "title"), "organization.title"),
                     flat(b, json_object_get(v, "name"), "organization.name"),
                     flat(b, json_object_get(v, "id"), "organization.id"),
                     flat(b, edrpou, "organization.edrpou"));
}

void yk_cat_build_org(struct yk_cat_build *b, const char *title, const char *name, const char *id,
                      const char *edrpou)
{
    yk_cat_build_text(b, OFF(publisher_name), "organization.title", title);
    yk_cat_build_extra(b, "organization.name", name);
    yk_cat_build_extra(b, "organization.id", id);
    if (!b->d->publisher_edrpou)
        yk_cat_build_text(b, OFF(publisher_edrpou), "organization.edrpou", edrpou);
}

static void map_publisher(struct yk_cat_build *b, const json_t *v)
{
    if (!json_is_object(v)) {
        set_text(b, OFF(publisher_name), "publisher", v);
        return;
    }
    const json_t *name = json_object_get(v, "name");
    const json_t *id = json_object_get(v, "edrpou");
    set_text(b, OFF(publisher_name), "publisher.name", name ? name : json_object_get(v, "title"));
    set_text(b, OFF(publisher_edrpou), "publisher.edrpou",
             id ? id : json_object_get(v, "identifier"));
}

static void map_licenses(struct yk_cat_build *b, const json_t *v)
{
    const json_t *first = json_array_get(v, 0);
    if (!json_is_object(first)) {
        if (json_array_size(v) > 0 || !json_is_array(v))
            yk_cat_note(b->c, b->file, b->line, "licenses: expected a list of objects");
        add_extra_json(b, "licenses", v);
        return;
    }
    const json_t *id = json_object_get(first, "name");
    set_text(b, OFF(license_id), "licenses[0].name", id ? id : json_object_get(first, "id"));
    set_text(b, OFF(license_title), "licenses[0].title", json_object_get(first, "title"));
    add_extra_json(b, "license_url", json_object_get(first, "path"));
    if (json_array_size(v) > 1) {
        yk_cat_note(b->c, b->file, b->line,
                    "licenses: %zu given; the first is the dataset's, all are kept as text",
                    json_array_size(v));
        add_extra_json(b, "licenses", v);
    }
}

/* Frictionless roles: the maintainer is the responsible person, the publisher the holder;
 * authors and others are kept as extras, as CKAN keeps them. */
static void map_contributors(struct yk_cat_build *b, const json_t *v)
{
    size_t i;
    const json_t *p;
    json_array_foreach(v, i, p)
    {
        const json_t *role = json_object_get(p, "role");
        const char *r = json_is_string(role) ? json_string_value(role) : "contributor";
        const json_t *title = json_object_get(p, "title"), *email = json_object_get(p, "email");
        if (!json_is_object(p)) {
            yk_cat_note(b->c, b->file, b->line, "contributors[%zu]: expected an object", i);
        } else if (strcmp(r, "maintainer") == 0 || strcmp(r, "contact") == 0) {
            set_text(b, OFF(maintainer), "contributors.maintainer", title);
            set_text(b, OFF(maintainer_email), "contributors.maintainer.email", email);
        } else if (strcmp(r, "publisher") == 0) {
            const json_t *org = json_object_get(p, "organization");
            set_text(b, OFF(publisher_name), "contributors.publisher", org ? org : title);
        } else {
            char key[96], name[64];
            bool author = strcmp(r, "author") == 0;
            yk_cat_clip(name, sizeof name, r);
            snprintf(key, sizeof key, author ? "author" : "contributor.%s", name);
            add_extra_json(b, key, title);
            snprintf(key, sizeof key, author ? "author_email" : "contributor.%s.email", name);
            add_extra_json(b, key, email);
        }
    }
}

/* --- resources ------------------------------------------------------------------------------ */

static const char **res_slot(struct yk_cat_res *r, const char *key)
{
    const struct res_field *f = bsearch(key, res_fields, sizeof res_fields / sizeof res_fields[0],
                                        sizeof res_fields[0], cmp_res_field);
    return f ? (const char **)(void *)((char *)r + f->off) : NULL;
}

bool yk_cat_res_wants(const char *key)
{
    struct yk_cat_res r;
    return strcmp(key, "data") == 0 || res_slot(&r, key) != NULL;
}

void yk_cat_res_member(struct yk_cat_build *b, struct yk_cat_res *r, size_t i, const char *key,
                       const char *text, const json_t *v)
{
    const char **slot = res_slot(r, key);
    if (strcmp(key, "data") == 0) {
        r->inline_data = true;
        return;
    }
    if (!slot || *slot)
        return;
    if (v && strcmp(key, "path") == 0 && json_is_array(v)) {
        if (json_array_size(v) > 1)
            yk_cat_note(b->c, b->file, b->line,
                        "resources[%zu].path: %zu parts; only the first is read", i,
                        json_array_size(v));
        v = json_array_get(v, 0);
    }
    /* A Data Package's title is what CKAN calls the name: only text counts. */
    if (strcmp(key, "title") == 0 && !text && !json_is_string(v))
        return;
    *slot = text ? yk_cat_text(b->c, text, strlen(text), b->file, b->line, key) : flat(b, v, key);
}

static int64_t parse_size(struct yk_cat_build *b, size_t i, const char *s)
{
    if (!s || !*s)
        return -1;
    char *end;
    long long n = strtoll(s, &end, 10);
    if (*end == '\0' && n >= 0 && s[0] != '-')
        return (int64_t)n;
    double r = strtod(s, &end);
    if (*end == '\0' && r >= 0 && r < 9.0e18 && r == (double)(int64_t)r)
        return (int64_t)r;
    yk_cat_note(b->c, b->file, b->line, "resources[%zu].size: not a number of bytes", i);
    return -1;
}

void yk_cat_res_finish(struct yk_cat_build *b, const struct yk_cat_res *r, size_t i,
                       struct yk_resource *res)
{
    *res = (struct yk_resource){.id = r->id,
                                .name = r->title ? r->title : r->name,
                                .description = r->description,
                                .format = r->format,
                                .mimetype = r->mimetype ? r->mimetype : r->mediatype,
                                .url = r->url ? r->url : r->path,
                                .created = r->created,
                                .last_modified = r->last_modified,
                                .schema = r->schema};
    res->size = parse_size(b, i, r->size ? r->size : r->bytes);
    if (!res->url && r->inline_data)
        yk_cat_note(b->c, b->file, b->line, "resources[%zu]: inline data is not read", i);
    else if (!res->url || !*res->url)
        yk_cat_note(b->c, b->file, b->line, "resources[%zu]: no url", i);
    yk_cat_locate(b->c, res, b->file, b->line);
}

static void map_resources(struct yk_cat_build *b, const json_t *v)
{
    struct yk_cat *c = b->c;
    if (!json_is_array(v)) {
        yk_cat_note(c, b->file, b->line, "resources: expected a list");
        return;
    }
    size_t n = json_array_size(v);
    if (n > YK_CAT_RESOURCES_MAX) {
        yk_cat_note(c, b->file, b->line, "%zu resources; only the first %u are read", n,
                    YK_CAT_RESOURCES_MAX);
        n = YK_CAT_RESOURCES_MAX;
    }
    struct yk_resource *rs = n ? yk_arena_calloc(c->arena, n, sizeof *rs) : NULL;
    if (n && !rs) {
        c->rc = YK_ENOMEM;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *r = json_array_get(v, i), *val;
        const char *key;
        struct yk_cat_res slots = {0};
        if (!json_is_object(r)) {
            yk_cat_note(c, b->file, b->line, "resources[%zu]: expected an object", i);
            continue;
        }
        json_object_foreach((json_t *)r, key, val) if (!json_is_null(val)) yk_cat_res_member(
            b, &slots, i, key, json_is_string(val) ? json_string_value(val) : NULL, val);
        yk_cat_res_finish(b, &slots, i, &rs[k++]);
    }
    b->d->resources = rs;
    b->d->nresources = k;
}

/* --- the package ---------------------------------------------------------------------------- */

void yk_cat_build_json(struct yk_cat_build *b, const char *key, const json_t *v)
{
    const struct yk_cat_field *f = yk_cat_field_find(key, b->dialect);
    struct yk_resource *fr = b->file_res;
    if (json_is_null(v))
        return;
    if (!f) {
        add_extra_json(b, key, v);
        return;
    }
    switch (f->how) {
    case YK_CAT_TEXT:
        set_text(b, f->off, key, v);
        break;
    case YK_CAT_PRIVATE:
        b->d->is_private =
            json_is_true(v) || (json_is_string(v) && strcmp(json_string_value(v), "true") == 0);
        break;
    case YK_CAT_TAGS:
        /* data.gov.ua sends both tags[] and tag_string; the list is the richer one. */
        if (strcmp(key, "tag_string") != 0 || !b->has_tags)
            map_tags(b, key, v);
        break;
    case YK_CAT_ORGANIZATION:
        map_organization(b, v);
        break;
    case YK_CAT_PUBLISHER:
        map_publisher(b, v);
        break;
    case YK_CAT_RESOURCES:
        map_resources(b, v);
        break;
    case YK_CAT_EXTRAS:
        map_extras(b, v);
        break;
    case YK_CAT_LICENSES:
        map_licenses(b, v);
        break;
    case YK_CAT_CONTRIBUTORS:
        map_contributors(b, v);
        break;
    case YK_CAT_RES_FORMAT:
        if (fr)
            fr->format = flat(b, v, key);
        break;
    case YK_CAT_RES_MIMETYPE:
        if (fr)
            fr->mimetype = flat(b, v, key);
        break;
    case YK_CAT_SKIP:
        break;
    }
}

int yk_cat_map_package(struct yk_cat *c, const json_t *pkg, enum yk_cat_dialect dialect,
                       struct yk_dataset *d, struct yk_resource *file_res)
{
    struct yk_cat_build b;
    yk_cat_build_init(&b, c, dialect, d, file_res);
    b.has_tags = json_array_size(json_object_get(pkg, "tags")) > 0;
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)pkg, key, v) yk_cat_build_json(&b, key, v);
    return yk_cat_build_finish(&b);
}

bool yk_cat_is_datapackage(const json_t *obj, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (strcmp(base, "datapackage.json") == 0)
        return true;
    const json_t *profile = json_object_get(obj, "profile");
    if (json_is_string(profile) && strstr(json_string_value(profile), "data-package"))
        return true;
    if (json_object_get(obj, "notes") || json_object_get(obj, "license_id") ||
        json_object_get(obj, "metadata_created"))
        return false;
    if (json_object_get(obj, "licenses") || json_object_get(obj, "keywords") ||
        json_object_get(obj, "contributors"))
        return true;
    const json_t *r = json_array_get(json_object_get(obj, "resources"), 0);
    return json_object_get(r, "path") && !json_object_get(r, "url");
}
