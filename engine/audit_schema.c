/* yakist — which structure each resource of an audit is checked against, chosen before the
 * checks in the calling thread: the resource's declared schema, else a structure resource of
 * its dataset, else a structure file found next to it, else (only when the dataset has no
 * structure of its own) the shipped standard of its Перелік item. Structure resources are
 * recognised here too, so they are not checked as data. */
#define _XOPEN_SOURCE 700 /* realpath */

#include <stdlib.h>
#include <string.h>

#include <yakist/standard.h>

#include "audit_priv.h"
#include "values.h"

/* Does the text name a structure description (as meta.structure reads a resource)? */
static bool names_structure(const char *s)
{
    static const char *const words[] = {"структур", "structure", "schema"};
    char low[512];
    if (!s)
        return false;
    size_t n = strlen(s);
    n = yk_utf8_lower(s, n < sizeof low - 1 ? n : sizeof low - 1, low, sizeof low - 1);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(low, words[i]))
            return true;
    return false;
}

/* A local file of the catalog whose name says structure and whose content reads as one (a
 * JSON object with fields or tableSchema, a CSV table of name, title, datatype ...). */
static int read_structure(struct audit *a, const struct yk_resource *r,
                          const struct yk_schema **out)
{
    struct yk_error e;
    *out = NULL;
    if (r->location != YK_RES_LOCAL || !r->path)
        return 0;
    if (!names_structure(r->name) && !names_structure(r->description) && !names_structure(r->url))
        return 0;
    int rc = yk_schema_load(r->path, a->arena, out, &e);
    if (rc == YK_ENOMEM)
        return yk_error_set(a->err, YK_ENOMEM, r->path, 0, 0, "out of memory");
    return 0;
}

/* The file a declared schema names, when it is a relative path inside the catalog's folder
 * (never one that leaves it); NULL otherwise (a URL, an absolute path, "..", a link out). */
static const char *declared_path(struct audit *a, const char *decl)
{
    const char *root = a->res->catalog->root;
    if (!root || decl[0] == '/' || strstr(decl, "://") || strstr(decl, ".."))
        return NULL;
    char *full = yk_arena_printf(a->arena, "%s/%s", root, decl);
    char *real = full ? realpath(full, NULL) : NULL, *top = realpath(root, NULL);
    size_t n = top ? strlen(top) : 0;
    bool inside = real && top && strncmp(real, top, n) == 0 && real[n] == '/';
    free(real);
    free(top);
    return inside ? full : NULL;
}

/* The resource's declared schema (inline JSON or a file of the catalog) into *use: GIVEN, or
 * UNUSABLE with the reason. Nothing when none is declared or it is not a file yakist reads. */
static int read_declared(struct audit *a, const struct yk_resource *r, struct yk_schema_use *use)
{
    const char *decl = r->schema;
    const char *path = NULL;
    int rc;
    if (!decl || !decl[0])
        return 0;
    if (decl[0] == '{') {
        path = yk_arena_printf(a->arena, "%s#schema", r->url ? r->url : "resource");
        if (!path)
            return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        rc = yk_schema_parse(decl, strlen(decl), path, a->arena, &use->schema, &use->error);
    } else if ((path = declared_path(a, decl)) != NULL) {
        rc = yk_schema_load(path, a->arena, &use->schema, &use->error);
    } else {
        return 0;
    }
    if (rc == YK_ENOMEM)
        return yk_error_set(a->err, YK_ENOMEM, path, 0, 0, "out of memory");
    use->path = path;
    use->origin = rc == 0 ? YK_SCHEMA_ORIGIN_GIVEN : YK_SCHEMA_ORIGIN_UNUSABLE;
    return 0;
}

/* The matched item's standard: its only table, else the table the file is named after. */
static int read_standard(struct audit *a, const struct yk_dataset_result *dr,
                         const struct yk_resource *r, const struct yk_schema **out)
{
    const struct yk_standard *std = dr->match.item && dr->match.item->standard
                                        ? yk_standard_find(dr->match.item->standard)
                                        : NULL;
    const char *ref = NULL;
    struct yk_error e;
    *out = NULL;
    if (!std || std->ntables == 0)
        return 0;
    if (std->ntables == 1)
        ref = std->tables[0].ref;
    const char *base = r->path ? strrchr(r->path, '/') : NULL;
    base = base ? base + 1 : r->path;
    for (size_t t = 0; !ref && base && t < std->ntables; t++)
        if (std->tables[t].name && strstr(base, std->tables[t].name))
            ref = std->tables[t].ref;
    if (!ref)
        return 0;
    int rc = yk_standard_load(ref, a->arena, out, &e);
    if (rc == YK_ENOMEM)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

/* Structure files (.json, .csv) found next to the file: discovery is left to the check then. */
static int found_nearby(struct audit *a, const struct yk_resource *r, bool *found)
{
    enum yk_schema_found f = YK_SCHEMA_FOUND_NONE;
    const char *p;
    *found = false;
    if (r->location != YK_RES_LOCAL || !r->path)
        return 0;
    if (yk_schema_discover(r->path, a->arena, &f, &p) < 0)
        return yk_error_set(a->err, YK_ENOMEM, r->path, 0, 0, "out of memory");
    *found = f == YK_SCHEMA_FOUND_ONE || f == YK_SCHEMA_FOUND_AMBIGUOUS;
    return 0;
}

static int plan_dataset(struct audit *a, struct yk_dataset_result *dr, struct yk_audit_plan *p)
{
    const struct yk_dataset *d = dr->dataset;
    const struct yk_schema *own = NULL; /* the dataset's structure resource */
    const char *own_path = NULL;
    bool has_own = false;
    int rc;
    for (size_t j = 0; j < d->nresources; j++) {
        const struct yk_schema *s;
        if ((rc = read_structure(a, &d->resources[j], &s)) < 0)
            return rc;
        if (s) {
            p[j].structure = true;
            if (!own) {
                own = s;
                own_path = d->resources[j].path;
            }
        }
        if ((rc = read_declared(a, &d->resources[j], &p[j].use)) < 0)
            return rc;
        has_own |= own || p[j].use.origin != YK_SCHEMA_ORIGIN_NONE;
    }
    for (size_t j = 0; j < d->nresources; j++) {
        const struct yk_resource *r = &d->resources[j];
        bool nearby;
        if (p[j].structure || p[j].use.origin != YK_SCHEMA_ORIGIN_NONE)
            continue;
        if (own) {
            p[j].use = (struct yk_schema_use){YK_SCHEMA_ORIGIN_GIVEN, own, own_path, {0}};
            continue;
        }
        if ((rc = found_nearby(a, r, &nearby)) < 0)
            return rc;
        if (nearby) {
            p[j].discover = true;
        } else if (!has_own) {
            const struct yk_schema *s;
            if ((rc = read_standard(a, dr, r, &s)) < 0)
                return rc;
            if (s)
                p[j].use = (struct yk_schema_use){YK_SCHEMA_ORIGIN_STANDARD, s, s->source, {0}};
        }
    }
    return 0;
}

int yk_audit_plan_schemas(struct audit *a)
{
    struct yk_audit_result *res = a->res;
    a->plans = yk_arena_calloc(a->arena, res->ndatasets ? res->ndatasets : 1, sizeof *a->plans);
    if (!a->plans)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < res->ndatasets; i++) {
        size_t n = res->datasets[i].dataset->nresources;
        int rc;
        a->plans[i] = yk_arena_calloc(a->arena, n ? n : 1, sizeof *a->plans[i]);
        if (!a->plans[i])
            return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        if ((rc = plan_dataset(a, &res->datasets[i], a->plans[i])) < 0)
            return rc;
    }
    return 0;
}
