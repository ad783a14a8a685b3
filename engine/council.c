/* yakist — council.json: who the council is, its publishers, who answers for which Перелік
 * item, what does not apply, explicit dataset mappings and the policy facts for the assessment
 * card (docs/council.md). Validation is strict and every error names the key at fault, so a
 * typo is found when the file is read, not as a wrong score later. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_priv.h"
#include "utf8.h"

#define KEY_PATH_MAX 160

struct council_ctx {
    struct yk_arena *arena;
    struct yk_error *err;
    const char *file;
    struct yk_council *out;
};

static int bad(struct council_ctx *x, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* An error naming the key at fault: "publishers[2].edrpou: expected 8 digits". */
static int bad(struct council_ctx *x, const char *path, const char *fmt, ...)
{
    char msg[YK_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t n = strlen(msg);
    msg[yk_utf8_floor((const unsigned char *)msg, n, n)] = '\0'; /* a cut character */
    return yk_error_set(x->err, YK_EINVAL, x->file, 0, 0, "%s: %s", path, msg);
}

static int nomem(struct council_ctx *x)
{
    return yk_error_set(x->err, YK_ENOMEM, x->file, 0, 0, "out of memory");
}

/* Keys for people reading the file ("$schema", "comment", "_note") are always allowed. */
static bool remark(const char *key)
{
    return key[0] == '$' || key[0] == '_' || strcmp(key, "comment") == 0;
}

static bool all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* A Перелік item key: "all.N" or "local.N", N from 1 without leading zeros. */
static bool item_shape(const char *s)
{
    const char *n = strncmp(s, "all.", 4) == 0     ? s + 4
                    : strncmp(s, "local.", 6) == 0 ? s + 6
                                                   : NULL;
    if (!n || *n < '1' || *n > '9' || strlen(n) > 3)
        return false;
    for (; *n; n++)
        if (*n < '0' || *n > '9')
            return false;
    return true;
}

/* The key names an item of the Перелік that ships with yakist (when that could be loaded; the
 * shape alone is checked otherwise). */
static int check_item(struct council_ctx *x, const char *path, const char *key)
{
    if (!item_shape(key))
        return bad(x, path, "\"%s\" is not a Перелік item key (all.N or local.N)", key);
    const struct yk_perelik *p = yk_perelik_city();
    if (p && !yk_perelik_find(p, key))
        return bad(x, path, "\"%s\" is not an item of the Перелік (%s)", key, p->name);
    return 0;
}

/* A string value; required ones must be present and not empty. */
static int text(struct council_ctx *x, const json_t *obj, const char *key, const char *path,
                bool required, const char **out)
{
    const json_t *v = json_object_get(obj, key);
    char at[KEY_PATH_MAX];
    snprintf(at, sizeof at, "%.100s%s%.40s", path, *path ? "." : "", key);
    *out = NULL;
    if (!v || json_is_null(v))
        return required ? bad(x, at, "required") : 0;
    if (!json_is_string(v))
        return bad(x, at, "expected text");
    if (required && !*json_string_value(v))
        return bad(x, at, "must not be empty");
    *out = yk_arena_strdup(x->arena, json_string_value(v));
    return *out ? 0 : nomem(x);
}

static int edrpou(struct council_ctx *x, const json_t *obj, const char *path, const char **out)
{
    char at[KEY_PATH_MAX];
    int rc = text(x, obj, "edrpou", path, false, out);
    snprintf(at, sizeof at, "%.100s%sedrpou", path, *path ? "." : "");
    if (rc == 0 && *out && !all_digits(*out, 8))
        return bad(x, at, "expected 8 digits");
    if (rc < 0 && json_is_integer(json_object_get(obj, "edrpou")))
        return bad(x, at, "expected 8 digits as text (a number loses leading zeros)");
    return rc;
}

static int only_keys(struct council_ctx *x, const json_t *obj, const char *path,
                     const char *const *keys)
{
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        bool ok = remark(key);
        for (const char *const *k = keys; *k && !ok; k++)
            ok = strcmp(key, *k) == 0;
        if (!ok) {
            char at[KEY_PATH_MAX], name[48];
            snprintf(at, sizeof at, "%.100s%s%s", path, *path ? "." : "",
                     yk_cat_clip(name, sizeof name, key));
            return bad(x, at, "unknown key");
        }
    }
    return 0;
}

/* --- publishers ----------------------------------------------------------------------------- */

static const struct yk_publisher *publisher_find(const struct yk_council *co, const char *id)
{
    for (size_t i = 0; i < co->npublishers; i++)
        if (strcmp(co->publishers[i].id, id) == 0)
            return &co->publishers[i];
    return NULL;
}

static int aliases(struct council_ctx *x, const json_t *v, const char *path, struct yk_publisher *p)
{
    char at[KEY_PATH_MAX];
    snprintf(at, sizeof at, "%.100s.aliases", path);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return bad(x, at, "expected a list of names");
    size_t n = json_array_size(v);
    const char **a = yk_arena_calloc(x->arena, n ? n : 1, sizeof *a);
    if (!a)
        return nomem(x);
    for (size_t i = 0; i < n; i++) {
        const json_t *s = json_array_get(v, i);
        if (!json_is_string(s) || !*json_string_value(s)) {
            snprintf(at, sizeof at, "%.100s.aliases[%zu]", path, i);
            return bad(x, at, "expected a name");
        }
        if (!(a[i] = yk_arena_strdup(x->arena, json_string_value(s))))
            return nomem(x);
    }
    p->aliases = a;
    p->naliases = n;
    return 0;
}

static int publishers(struct council_ctx *x, const json_t *v)
{
    static const char *const keys[] = {"id", "name", "edrpou", "aliases", NULL};
    struct yk_council *co = x->out;
    if (!v)
        return bad(x, "publishers", "required");
    if (!json_is_array(v))
        return bad(x, "publishers", "expected a list of publishers");
    size_t n = json_array_size(v);
    co->publishers = yk_arena_calloc(x->arena, n ? n : 1, sizeof *co->publishers);
    if (!co->publishers)
        return nomem(x);
    for (size_t i = 0; i < n; i++) {
        const json_t *o = json_array_get(v, i);
        struct yk_publisher *p = &co->publishers[i];
        char at[KEY_PATH_MAX];
        int rc;
        snprintf(at, sizeof at, "publishers[%zu]", i);
        if (!json_is_object(o))
            return bad(x, at, "expected an object");
        if ((rc = only_keys(x, o, at, keys)) < 0 || (rc = text(x, o, "id", at, true, &p->id)) < 0 ||
            (rc = text(x, o, "name", at, true, &p->name)) < 0 ||
            (rc = edrpou(x, o, at, &p->edrpou)) < 0 ||
            (rc = aliases(x, json_object_get(o, "aliases"), at, p)) < 0)
            return rc;
        if (publisher_find(co, p->id)) {
            snprintf(at, sizeof at, "publishers[%zu].id", i);
            return bad(x, at, "\"%s\" is used by an earlier publisher", p->id);
        }
        co->npublishers++;
    }
    return 0;
}

/* --- item lists ----------------------------------------------------------------------------- */

/* The pairs of an {a: b} object or a [{ka: a, kb: b}] list, as the model's two-string structs
 * (responsibilities, not_applicable, mappings all have this shape). */
struct pair_kind {
    const char *name;    /* "responsibilities" */
    const char *ka, *kb; /* keys in the list form */
    size_t size;         /* of one struct */
};

static int pair(struct council_ctx *x, const char *at, const char *a, const json_t *b,
                const char **pa, const char **pb)
{
    if (!json_is_string(b) || !*json_string_value(b))
        return bad(x, at, "expected text");
    *pa = yk_arena_strdup(x->arena, a);
    *pb = yk_arena_strdup(x->arena, json_string_value(b));
    return *pa && *pb ? 0 : nomem(x);
}

static int pairs(struct council_ctx *x, const json_t *v, const struct pair_kind *k, void **out,
                 size_t *nout)
{
    char at[KEY_PATH_MAX], name[104];
    size_t n = json_is_object(v) ? json_object_size(v) : json_array_size(v);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_object(v) && !json_is_array(v))
        return bad(x, k->name, "expected an object or a list");
    char *arr = yk_arena_calloc(x->arena, n ? n : 1, k->size);
    if (!arr)
        return nomem(x);
    size_t i = 0;
    int rc = 0;
    if (json_is_object(v)) {
        const char *key;
        const json_t *val;
        json_object_foreach((json_t *)v, key, val)
        {
            const char **slot = (const char **)(void *)(arr + i * k->size);
            snprintf(at, sizeof at, "%s[\"%s\"]", k->name, yk_cat_clip(name, sizeof name, key));
            if ((rc = pair(x, at, key, val, &slot[0], &slot[1])) < 0)
                return rc;
            i++;
        }
    } else {
        for (; i < n; i++) {
            const json_t *o = json_array_get(v, i);
            const json_t *a = json_object_get(o, k->ka);
            const char **slot = (const char **)(void *)(arr + i * k->size);
            const char *const keys[] = {k->ka, k->kb, NULL};
            snprintf(at, sizeof at, "%s[%zu]", k->name, i);
            if (!json_is_object(o))
                return bad(x, at, "expected an object");
            if ((rc = only_keys(x, o, at, keys)) < 0)
                return rc;
            snprintf(at, sizeof at, "%s[%zu].%s", k->name, i, k->ka);
            if (!json_is_string(a))
                return bad(x, at, "required text");
            snprintf(at, sizeof at, "%s[%zu].%s", k->name, i, k->kb);
            if ((rc = pair(x, at, json_string_value(a), json_object_get(o, k->kb), &slot[0],
                           &slot[1])) < 0)
                return rc;
        }
    }
    *out = arr;
    *nout = n;
    return 0;
}

/* The place an entry was read from, for messages: by key or by position. */
static void where(char *at, size_t cap, const json_t *v, const char *name, size_t i,
                  const char *key, const char *field)
{
    char clipped[104];
    if (json_is_object(v))
        snprintf(at, cap, "%s[\"%s\"]", name, yk_cat_clip(clipped, sizeof clipped, key));
    else
        snprintf(at, cap, "%s[%zu].%s", name, i, field);
}

static int check_lists(struct council_ctx *x, const json_t *root)
{
    struct yk_council *co = x->out;
    char at[KEY_PATH_MAX];
    int rc;
    const json_t *r = json_object_get(root, "responsibilities");
    for (size_t i = 0; i < co->nresponsibilities; i++) {
        const struct yk_responsibility *e = &co->responsibilities[i];
        where(at, sizeof at, r, "responsibilities", i, e->item, "item");
        if ((rc = check_item(x, at, e->item)) < 0)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (strcmp(co->responsibilities[j].item, e->item) == 0)
                return bad(x, at, "item \"%s\" is given twice", e->item);
        where(at, sizeof at, r, "responsibilities", i, e->item, "publisher");
        if (!publisher_find(co, e->publisher))
            return bad(x, at, "no publisher has the id \"%s\"", e->publisher);
    }
    const json_t *na = json_object_get(root, "not_applicable");
    for (size_t i = 0; i < co->nnot_applicable; i++) {
        where(at, sizeof at, na, "not_applicable", i, co->not_applicable[i].item, "item");
        if ((rc = check_item(x, at, co->not_applicable[i].item)) < 0)
            return rc;
    }
    const json_t *m = json_object_get(root, "mappings");
    for (size_t i = 0; i < co->nmappings; i++) {
        const char *item = co->mappings[i].item;
        where(at, sizeof at, m, "mappings", i, co->mappings[i].dataset, "item");
        if (strcmp(item, "none") != 0 && (rc = check_item(x, at, item)) < 0)
            return rc;
    }
    return 0;
}

/* --- the file ------------------------------------------------------------------------------- */

static int council(struct council_ctx *x, const json_t *root)
{
    static const char *const keys[] = {
        "name",           "edrpou",   "katottg", "portal", "publishers", "responsibilities",
        "not_applicable", "mappings", "policy",  NULL};
    static const struct pair_kind resp = {"responsibilities", "item", "publisher",
                                          sizeof(struct yk_responsibility)};
    static const struct pair_kind na = {"not_applicable", "item", "reason",
                                        sizeof(struct yk_not_applicable)};
    static const struct pair_kind map = {"mappings", "dataset", "item", sizeof(struct yk_mapping)};
    struct yk_council *co = x->out;
    int rc;
    if (!json_is_object(root))
        return yk_error_set(x->err, YK_EINVAL, x->file, 1, 1, "council.json: expected an object");
    if ((rc = only_keys(x, root, "", keys)) < 0 ||
        (rc = text(x, root, "name", "", true, &co->name)) < 0 ||
        (rc = edrpou(x, root, "", &co->edrpou)) < 0 ||
        (rc = text(x, root, "katottg", "", false, &co->katottg)) < 0 ||
        (rc = text(x, root, "portal", "", false, &co->portal)) < 0)
        return rc;
    if (co->katottg && (strncmp(co->katottg, "UA", 2) != 0 || !all_digits(co->katottg + 2, 17)))
        return bad(x, "katottg", "expected UA followed by 17 digits");
    if (co->portal && strncmp(co->portal, "https://", 8) != 0 &&
        strncmp(co->portal, "http://", 7) != 0)
        return bad(x, "portal", "expected an http(s) address");
    if ((rc = publishers(x, json_object_get(root, "publishers"))) < 0 ||
        (rc = pairs(x, json_object_get(root, "responsibilities"), &resp,
                    (void **)&co->responsibilities, &co->nresponsibilities)) < 0 ||
        (rc = pairs(x, json_object_get(root, "not_applicable"), &na, (void **)&co->not_applicable,
                    &co->nnot_applicable)) < 0 ||
        (rc = pairs(x, json_object_get(root, "mappings"), &map, (void **)&co->mappings,
                    &co->nmappings)) < 0 ||
        (rc = check_lists(x, root)) < 0)
        return rc;
    const json_t *policy = json_object_get(root, "policy");
    if (policy && !json_is_null(policy)) {
        if (!json_is_object(policy))
            return bad(x, "policy", "expected an object");
        char *s = json_dumps(policy, JSON_COMPACT);
        co->policy_json = s ? yk_arena_strdup(x->arena, s) : NULL;
        free(s);
        if (!co->policy_json)
            return nomem(x);
    }
    return 0;
}

int yk_council_load(const char *path, struct yk_arena *arena, struct yk_council **out,
                    struct yk_error *err)
{
    struct yk_error local;
    char *buf = NULL;
    size_t len = 0;
    err = err ? err : &local;
    yk_error_clear(err);
    int rc = yk_cat_read_file(path, YK_CAT_SIDECAR_MAX, YK_CAT_SIDECAR_MAX_TEXT, &buf, &len, err);
    if (rc < 0)
        return rc;
    size_t bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_error_t je;
    json_t *root = json_loadb(buf + bom, len - bom, JSON_REJECT_DUPLICATES, &je);
    free(buf);
    if (!root)
        return yk_error_set(err, YK_EPARSE, path, (uint64_t)(je.line > 0 ? je.line : 0),
                            (uint64_t)(je.column > 0 ? je.column : 0), "JSON syntax error: %s",
                            je.text);
    struct yk_council *co = yk_arena_calloc(arena, 1, sizeof *co);
    struct council_ctx x = {.arena = arena, .err = err, .file = path, .out = co};
    if (!co || !(co->path = yk_arena_strdup(arena, path)))
        rc = nomem(&x);
    else
        rc = council(&x, root);
    json_decref(root);
    if (rc == 0)
        *out = co;
    return rc;
}
