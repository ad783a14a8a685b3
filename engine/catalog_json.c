/* yakist — JSON catalogs: the CKAN API shapes (package_show, package_search,
 * current_package_list_with_resources, a bare package or a list of them) and Data Packages,
 * alone or listed under "packages".
 *
 * A national catalog is one JSON file of tens of thousands of packages. The scanner
 * (catalog_scan.c) walks the wrappers around the list, and each CKAN package of the list is
 * mapped straight from its text (catalog_fast.c); nothing holds more than one package, and each
 * knows the line it starts on. Single packages and Data Packages are decoded with jansson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_priv.h"

/* One package starting at b[start]; *end is set past it. dialect 0: tell CKAN from a Data
 * Package. CKAN packages are mapped from their text, the rest decoded with jansson. */
static int package(struct yk_cat *c, struct yk_scan *s, size_t start, size_t *end,
                   enum yk_cat_dialect dialect, const char *where)
{
    uint64_t line = yk_scan_line(s, start);
    struct yk_dataset d = {.source = s->file, .source_line = line};
    int rc;
    if (dialect == YK_CAT_CKAN && s->b[start] == '{') {
        rc = yk_cat_fast_package(c, s, start, end, &d);
        return rc < 0 ? rc : yk_cat_push(c, &d);
    }
    json_t *pkg;
    if (yk_scan_span(s, start, end) < 0 || yk_scan_decode(s, start, *end, &pkg) < 0)
        return yk_scan_error(s);
    rc = 0;
    if (!json_is_object(pkg)) {
        yk_cat_note(c, s->file, line, "%s: not a package object, skipped", where);
        goto out;
    }
    if (!dialect)
        dialect = yk_cat_is_datapackage(pkg, s->file) ? YK_CAT_DATAPACKAGE : YK_CAT_CKAN;
    if (!c->kind)
        c->kind = dialect == YK_CAT_DATAPACKAGE ? "datapackage" : "ckan";
    rc = yk_cat_map_package(c, pkg, dialect, &d, NULL);
    if (rc == 0)
        rc = yk_cat_push(c, &d);
out:
    json_decref(pkg);
    return rc;
}

/* The elements of the array at *j, each a package. *j ends past the array. */
static int package_list(struct yk_cat *c, struct yk_scan *s, size_t *j, enum yk_cat_dialect dialect,
                        const char *what, size_t *count)
{
    bool first = true;
    size_t i = *j + 1, k = 0, end;
    char where[64];
    int r;
    while ((r = yk_scan_elem(s, &i, &first)) == YK_SCAN_MORE) {
        snprintf(where, sizeof where, "%.30s[%zu]", what, k++);
        int rc = package(c, s, i, &end, dialect, where);
        if (rc < 0)
            return rc;
        i = end;
    }
    if (r == YK_SCAN_FAIL)
        return yk_scan_error(s);
    *j = i;
    if (count)
        *count = k;
    return 0;
}

/* "result" of package_search ({count, results: [...]}) or package_show (the package), at
 * *j; *j ends past it. */
static int result_object(struct yk_cat *c, struct yk_scan *s, size_t *j)
{
    bool first = true, search = false;
    size_t start = *j, i = start + 1, vend, nresults = 0;
    char key[YK_SCAN_KEY_MAX];
    long long count = -1;
    int r;
    c->kind = "ckan";
    while ((r = yk_scan_key(s, &i, &first, key)) == YK_SCAN_MORE) {
        if (strcmp(key, "results") == 0 && s->b[i] == '[') {
            int rc = package_list(c, s, &i, YK_CAT_CKAN, "result.results", &nresults);
            if (rc < 0)
                return rc;
            search = true;
            continue;
        }
        if (yk_scan_span(s, i, &vend) < 0)
            return yk_scan_error(s);
        if (strcmp(key, "count") == 0)
            count = strtoll(s->b + i, NULL, 10);
        i = vend;
    }
    if (r == YK_SCAN_FAIL)
        return yk_scan_error(s);
    *j = i;
    if (!search)
        return package(c, s, start, &vend, YK_CAT_CKAN, "result");
    if (count > (long long)nresults)
        yk_cat_note(c, s->file, 0,
                    "package_search: %lld datasets match, %zu are in this file (the rest are "
                    "on later pages)",
                    count, nresults);
    return 0;
}

static int api_failure(struct yk_cat *c, struct yk_scan *s, size_t at, size_t err_start,
                       size_t err_end)
{
    json_t *e = NULL;
    const char *msg = "no message";
    if (err_end > err_start && yk_scan_decode(s, err_start, err_end, &e) == 0) {
        const json_t *m = json_object_get(e, "message");
        msg = json_is_string(m) ? json_string_value(m) : msg;
    }
    uint64_t line, col;
    yk_cat_position(s->b, at, &line, &col);
    int rc = yk_error_set(c->err, YK_EPARSE, s->file, line, col,
                          "the CKAN API reported a failure: %s", msg);
    json_decref(e);
    return rc;
}

static int shape_error(struct yk_cat *c, struct yk_scan *s, size_t at, const char *what)
{
    uint64_t line, col;
    yk_cat_position(s->b, at, &line, &col);
    return yk_error_set(c->err, YK_EPARSE, s->file, line, col, "unknown catalog shape: %s", what);
}

/* A document that is an object: what it wraps is read as it comes (a list of packages
 * streams), or the object is one package. */
static int top_object(struct yk_cat *c, struct yk_scan *s, size_t start)
{
    bool first = true, known = false, wrapped = false;
    size_t i = start + 1, vend, err_at = 0, err_end = 0, success_false = 0;
    char key[YK_SCAN_KEY_MAX];
    int r, rc = 0;
    while (rc == 0 && (r = yk_scan_key(s, &i, &first, key)) == YK_SCAN_MORE) {
        bool packages =
            (strcmp(key, "packages") == 0 || strcmp(key, "dataPackages") == 0) && s->b[i] == '[';
        if (strcmp(key, "result") == 0 && (s->b[i] == '[' || s->b[i] == '{')) {
            c->kind = "ckan";
            rc = s->b[i] == '[' ? package_list(c, s, &i, YK_CAT_CKAN, "result", NULL)
                                : result_object(c, s, &i);
            wrapped = true;
            continue;
        }
        if (packages) {
            c->kind = "datapackage";
            rc = package_list(c, s, &i, YK_CAT_DATAPACKAGE, "packages", NULL);
            wrapped = true;
            continue;
        }
        if (yk_scan_span(s, i, &vend) < 0)
            return yk_scan_error(s);
        if (strcmp(key, "result") == 0)
            return shape_error(c, s, i, "\"result\" is neither a package nor a list");
        if (strcmp(key, "success") == 0 && strncmp(s->b + i, "false", 5) == 0)
            success_false = i;
        else if (strcmp(key, "error") == 0)
            err_at = i, err_end = vend;
        else if (strcmp(key, "resources") == 0 || strcmp(key, "name") == 0 ||
                 strcmp(key, "title") == 0 || strcmp(key, "id") == 0)
            known = true;
        i = vend;
    }
    if (rc < 0)
        return rc;
    if (r == YK_SCAN_FAIL)
        return yk_scan_error(s);
    if (yk_scan_ws(s, i) < s->n) {
        yk_scan_fail(s, yk_scan_ws(s, i), "extra data after the document");
        return yk_scan_error(s);
    }
    if (success_false)
        return api_failure(c, s, success_false, err_at, err_end);
    if (wrapped)
        return 0;
    if (!known)
        return shape_error(c, s, start,
                           "a JSON object with none of result, packages, "
                           "resources, name, title or id");
    return package(c, s, start, &vend, 0, "package");
}

static size_t doc_start(const char *buf, size_t len)
{
    return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

int yk_cat_read_json(struct yk_cat *c, const char *file, const char *buf, size_t len)
{
    struct yk_scan s;
    int rc;
    yk_scan_init(&s, file, buf, len, c->err);
    size_t i = yk_scan_ws(&s, doc_start(buf, len));
    if (i < len && buf[i] == '{') {
        rc = top_object(c, &s, i);
    } else if (i < len && buf[i] == '[') {
        rc = package_list(c, &s, &i, 0, "packages", NULL);
        if (rc == 0 && yk_scan_ws(&s, i) < len) {
            yk_scan_fail(&s, yk_scan_ws(&s, i), "extra data after the document");
            rc = yk_scan_error(&s);
        }
        if (rc == 0 && !c->kind)
            c->kind = "ckan";
    } else {
        yk_scan_fail(&s, i, i < len ? "expected an object or an array" : "empty document");
        rc = yk_scan_error(&s);
    }
    yk_scan_fini(&s);
    return rc;
}

/* --- peeking at a folder's files ---------------------------------------------------------- */

static bool has_package_key(struct yk_scan *s, size_t i, int level)
{
    bool first = true;
    char key[YK_SCAN_KEY_MAX];
    size_t end;
    i++;
    while (yk_scan_key(s, &i, &first, key) == YK_SCAN_MORE) {
        if (strcmp(key, "resources") == 0 || (level > 0 && strcmp(key, "results") == 0))
            return true;
        if (level == 0 && strcmp(key, "result") == 0)
            return s->b[i] == '[' || (s->b[i] == '{' && has_package_key(s, i, 1));
        if (yk_scan_span(s, i, &end) < 0)
            return false;
        i = end;
    }
    return false;
}

bool yk_cat_json_is_package(const char *buf, size_t len)
{
    struct yk_scan s; /* buf may be cut: any failure is a no */
    yk_scan_init(&s, "", buf, len, NULL);
    size_t i = yk_scan_ws(&s, doc_start(buf, len));
    bool yes = i < len && buf[i] == '{' && has_package_key(&s, i, 0);
    yk_scan_fini(&s);
    return yes;
}
