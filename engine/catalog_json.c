/* yakist — JSON catalogs: the CKAN API shapes (package_show, package_search,
 * current_package_list_with_resources, a bare package or a list of them) and Data Packages,
 * alone or listed under "packages".
 *
 * A national catalog is one JSON file of tens of thousands of packages, and jansson builds the
 * whole tree of what it decodes. So a small scanner walks the wrappers around the list of
 * packages (string- and bracket-aware, without allocating) and jansson decodes one package at
 * a time; memory follows the largest package, and each package knows the line it starts on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_priv.h"

#define KEY_MAX 64 /* longer keys are cut; they name nothing the readers look for */

struct scan {
    struct yk_cat *c;
    const char *file;
    const char *b; /* the document, NUL-terminated */
    size_t n;
    size_t line_off; /* b[line_off] is on line `line`: lines are counted forward, once */
    uint64_t line;
    /* The syntax error: where, and what (jansson's line and column when it found it). */
    size_t bad;
    uint64_t bad_line, bad_col;
    char why[160];
};

enum { MORE = 1, END = 0, FAIL = -1 };

static int fail(struct scan *s, size_t at, const char *why)
{
    s->bad = at;
    s->bad_line = 0;
    snprintf(s->why, sizeof s->why, "%s", why);
    return FAIL;
}

/* The error for the failure the scanner recorded. */
static int syntax(struct scan *s)
{
    uint64_t line = s->bad_line, col = s->bad_col;
    if (!line)
        yk_cat_position(s->b, s->bad, &line, &col);
    return yk_error_set(s->c->err, YK_EPARSE, s->file, line, col, "JSON syntax error: %s", s->why);
}

static uint64_t line_at(struct scan *s, size_t off)
{
    if (off < s->line_off) {
        s->line_off = 0;
        s->line = 1;
    }
    for (const char *p = s->b + s->line_off, *end = s->b + off;
         p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        s->line++;
    s->line_off = off;
    return s->line;
}

static size_t ws(const struct scan *s, size_t i)
{
    while (i < s->n && (s->b[i] == ' ' || s->b[i] == '\t' || s->b[i] == '\n' || s->b[i] == '\r'))
        i++;
    return i;
}

/* b[i] is '"': the offset just past the closing quote. */
static int str_end(struct scan *s, size_t i, size_t *end)
{
    const char *p = s->b + i + 1, *stop = s->b + s->n;
    while (p < stop && (p = memchr(p, '"', (size_t)(stop - p))) != NULL) {
        size_t slashes = 0;
        while (p - slashes > s->b + i + 1 && p[-1 - (ptrdiff_t)slashes] == '\\')
            slashes++;
        if (slashes % 2 == 0) {
            *end = (size_t)(p - s->b) + 1;
            return 0;
        }
        p++;
    }
    return fail(s, i, "unterminated string");
}

static bool delim(char ch)
{
    return ch == ',' || ch == ']' || ch == '}' || ch == ':' || ch == '"' || ch == ' ' ||
           ch == '\t' || ch == '\n' || ch == '\r' || ch == '[' || ch == '{';
}

/* Where the value starting at i ends. Brackets must pair; scalars are only roughly checked
 * here, as every value the readers use is decoded by jansson, which checks it fully. */
static int span(struct scan *s, size_t i, size_t *end)
{
    char stack[YK_CAT_JSON_DEPTH];
    size_t depth = 0, j = ws(s, i);
    for (;;) {
        j = ws(s, j);
        if (j >= s->n)
            return fail(s, j, "unexpected end of input");
        char ch = s->b[j];
        if (ch == '"') {
            if (str_end(s, j, &j) < 0)
                return FAIL;
        } else if (ch == '{' || ch == '[') {
            if (depth == sizeof stack)
                return fail(s, j, "nested too deeply");
            stack[depth++] = ch == '{' ? '}' : ']';
            j++;
            continue;
        } else if (ch == '}' || ch == ']') {
            if (depth == 0 || stack[depth - 1] != ch)
                return fail(s, j, ch == '}' ? "unexpected '}'" : "unexpected ']'");
            depth--;
            j++;
        } else if ((ch == ',' || ch == ':') && depth > 0) {
            j++;
            continue;
        } else if (strchr("tfn-0123456789", ch) && ch) {
            while (j < s->n && !delim(s->b[j]))
                j++;
        } else {
            return fail(s, j, "unexpected character");
        }
        if (depth == 0) {
            *end = j;
            return 0;
        }
    }
}

/* Object members, one key at a time: *j is just inside the '{' (first) or just past the last
 * value. MORE with the key read and *j at its value; END with *j past the '}'. */
static int next_key(struct scan *s, size_t *j, bool *first, char key[KEY_MAX])
{
    size_t i = ws(s, *j), kend;
    if (i < s->n && s->b[i] == '}' && *first) {
        *j = i + 1;
        return END;
    }
    if (!*first) {
        if (i < s->n && s->b[i] == '}') {
            *j = i + 1;
            return END;
        }
        if (i >= s->n || s->b[i] != ',')
            return fail(s, i, "expected ',' or '}'");
        i = ws(s, i + 1);
    }
    *first = false;
    if (i >= s->n || s->b[i] != '"')
        return fail(s, i, "expected a key");
    if (str_end(s, i, &kend) < 0)
        return FAIL;
    size_t klen = kend - i - 2;
    if (memchr(s->b + i + 1, '\\', klen)) {
        json_t *k = json_loadb(s->b + i, kend - i, JSON_DECODE_ANY, NULL);
        snprintf(key, KEY_MAX, "%s", json_is_string(k) ? json_string_value(k) : "");
        json_decref(k);
    } else {
        snprintf(key, KEY_MAX, "%.*s", (int)(klen < KEY_MAX ? klen : KEY_MAX - 1), s->b + i + 1);
    }
    i = ws(s, kend);
    if (i >= s->n || s->b[i] != ':')
        return fail(s, i, "expected ':'");
    *j = ws(s, i + 1);
    return MORE;
}

/* Array elements: like next_key, MORE with *j at the next element. */
static int next_elem(struct scan *s, size_t *j, bool *first)
{
    size_t i = ws(s, *j);
    if (i < s->n && s->b[i] == ']') {
        *j = i + 1;
        return END;
    }
    if (!*first) {
        if (i >= s->n || s->b[i] != ',')
            return fail(s, i, "expected ',' or ']'");
        i = ws(s, i + 1);
    }
    *first = false;
    *j = i;
    return MORE;
}

/* jansson decodes b[start..end); its error is placed in the whole document. */
static int decode(struct scan *s, size_t start, size_t end, json_t **out)
{
    json_error_t je;
    json_t *v = json_loadb(s->b + start, end - start, 0, &je);
    if (!v && strstr(je.text, "too big"))
        v = json_loadb(s->b + start, end - start, JSON_DECODE_INT_AS_REAL, &je);
    if (v) {
        *out = v;
        return 0;
    }
    uint64_t line, col;
    yk_cat_position(s->b, start, &line, &col);
    s->bad = start;
    s->bad_line = line + (uint64_t)(je.line > 0 ? je.line - 1 : 0);
    s->bad_col = je.line <= 1 ? col + (uint64_t)(je.column > 0 ? je.column - 1 : 0)
                              : (uint64_t)(je.column > 0 ? je.column : 1);
    snprintf(s->why, sizeof s->why, "%s", je.text);
    return FAIL;
}

/* --- packages --------------------------------------------------------------------------------- */

/* One package, decoded from b[start..end). dialect 0: tell CKAN from a Data Package. */
static int package(struct scan *s, size_t start, size_t end, enum yk_cat_dialect dialect,
                   const char *where)
{
    struct yk_cat *c = s->c;
    json_t *pkg;
    if (decode(s, start, end, &pkg) < 0)
        return syntax(s);
    uint64_t line = line_at(s, start);
    int rc = 0;
    if (!json_is_object(pkg)) {
        yk_cat_note(c, s->file, line, "%s: not a package object, skipped", where);
        goto out;
    }
    if (!dialect)
        dialect = yk_cat_is_datapackage(pkg, s->file) ? YK_CAT_DATAPACKAGE : YK_CAT_CKAN;
    if (!c->kind)
        c->kind = dialect == YK_CAT_DATAPACKAGE ? "datapackage" : "ckan";
    struct yk_dataset d = {.source = s->file, .source_line = line};
    rc = yk_cat_map_package(c, pkg, dialect, &d, NULL);
    if (rc == 0)
        rc = yk_cat_push(c, &d);
out:
    json_decref(pkg);
    return rc;
}

/* The elements of the array at *j, each a package. *j ends past the array. */
static int package_list(struct scan *s, size_t *j, enum yk_cat_dialect dialect, const char *what,
                        size_t *count)
{
    bool first = true;
    size_t i = *j + 1, k = 0, end;
    char where[KEY_MAX + 32];
    int r;
    while ((r = next_elem(s, &i, &first)) == MORE) {
        if (span(s, i, &end) < 0)
            return syntax(s);
        snprintf(where, sizeof where, "%s[%zu]", what, k++);
        int rc = package(s, i, end, dialect, where);
        if (rc < 0)
            return rc;
        i = end;
    }
    if (r == FAIL)
        return syntax(s);
    *j = i;
    if (count)
        *count = k;
    return 0;
}

/* "result" of package_search ({count, results: [...]}) or package_show (the package). */
static int result_object(struct scan *s, size_t start, size_t end)
{
    bool first = true;
    size_t i = start + 1, vend, nresults = 0;
    char key[KEY_MAX];
    json_int_t count = -1;
    bool search = false;
    int r;
    while ((r = next_key(s, &i, &first, key)) == MORE) {
        if (strcmp(key, "results") == 0 && s->b[i] == '[') {
            int rc = package_list(s, &i, YK_CAT_CKAN, "result.results", &nresults);
            if (rc < 0)
                return rc;
            search = true;
            continue;
        }
        if (span(s, i, &vend) < 0)
            return syntax(s);
        if (strcmp(key, "count") == 0)
            count = strtoll(s->b + i, NULL, 10);
        i = vend;
    }
    if (r == FAIL)
        return syntax(s);
    if (!search) {
        s->c->kind = "ckan";
        return package(s, start, end, YK_CAT_CKAN, "result");
    }
    s->c->kind = "ckan";
    if (count > (json_int_t)nresults)
        yk_cat_note(s->c, s->file, 0,
                    "package_search: %" JSON_INTEGER_FORMAT " datasets match, %zu are in this "
                    "file (the rest are on later pages)",
                    count, nresults);
    return 0;
}

static int api_failure(struct scan *s, size_t at, size_t err_start, size_t err_end)
{
    json_t *e = NULL;
    const char *msg = "no message";
    if (err_end > err_start && decode(s, err_start, err_end, &e) == 0) {
        const json_t *m = json_object_get(e, "message");
        msg = json_is_string(m) ? json_string_value(m) : msg;
    }
    uint64_t line, col;
    yk_cat_position(s->b, at, &line, &col);
    int rc = yk_error_set(s->c->err, YK_EPARSE, s->file, line, col,
                          "the CKAN API reported a failure: %s", msg);
    json_decref(e);
    return rc;
}

/* A document that is an object: find what it wraps, or read it as one package. */
static int top_object(struct scan *s, size_t start)
{
    bool first = true, known = false;
    size_t i = start + 1, vend;
    size_t result = 0, result_end = 0, packages = 0, err_at = 0, err_end = 0, success_false = 0;
    char key[KEY_MAX];
    int r;
    while ((r = next_key(s, &i, &first, key)) == MORE) {
        if (span(s, i, &vend) < 0)
            return syntax(s);
        if (strcmp(key, "result") == 0)
            result = i, result_end = vend;
        else if ((strcmp(key, "packages") == 0 || strcmp(key, "dataPackages") == 0) &&
                 s->b[i] == '[')
            packages = i;
        else if (strcmp(key, "success") == 0 && strncmp(s->b + i, "false", 5) == 0)
            success_false = i;
        else if (strcmp(key, "error") == 0)
            err_at = i, err_end = vend;
        else if (strcmp(key, "resources") == 0 || strcmp(key, "name") == 0 ||
                 strcmp(key, "title") == 0 || strcmp(key, "id") == 0)
            known = true;
        i = vend;
    }
    if (r == FAIL)
        return syntax(s);
    size_t end = i;
    if (ws(s, i) < s->n) {
        fail(s, ws(s, i), "extra data after the document");
        return syntax(s);
    }
    if (success_false)
        return api_failure(s, success_false, err_at, err_end);
    uint64_t line, col;
    if (result && s->b[result] == '[') {
        s->c->kind = "ckan";
        return package_list(s, &result, YK_CAT_CKAN, "result", NULL);
    }
    if (result && s->b[result] == '{')
        return result_object(s, result, result_end);
    if (result) {
        yk_cat_position(s->b, result, &line, &col);
        return yk_error_set(s->c->err, YK_EPARSE, s->file, line, col,
                            "unknown catalog shape: \"result\" is neither a package nor a list");
    }
    if (packages) {
        s->c->kind = "datapackage";
        return package_list(s, &packages, YK_CAT_DATAPACKAGE, "packages", NULL);
    }
    if (!known) {
        yk_cat_position(s->b, start, &line, &col);
        return yk_error_set(s->c->err, YK_EPARSE, s->file, line, col,
                            "unknown catalog shape: a JSON object with none of result, "
                            "packages, resources, name, title or id");
    }
    return package(s, start, end, 0, "package");
}

static size_t doc_start(const char *buf, size_t len)
{
    return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

int yk_cat_read_json(struct yk_cat *c, const char *file, const char *buf, size_t len)
{
    struct scan s = {.c = c, .file = file, .b = buf, .n = len, .line = 1};
    size_t i = ws(&s, doc_start(buf, len));
    s.line_off = 0;
    if (i < len && buf[i] == '{')
        return top_object(&s, i);
    if (i < len && buf[i] == '[') {
        int rc = package_list(&s, &i, 0, "packages", NULL);
        if (rc == 0 && ws(&s, i) < len) {
            fail(&s, ws(&s, i), "extra data after the document");
            return syntax(&s);
        }
        if (rc == 0 && !c->kind)
            c->kind = "ckan";
        return rc;
    }
    fail(&s, i, i < len ? "expected an object or an array" : "empty document");
    return syntax(&s);
}

/* --- peeking at a folder's files ---------------------------------------------------------- */

static bool has_package_key(struct scan *s, size_t i, int level)
{
    bool first = true;
    char key[KEY_MAX];
    size_t end;
    i++;
    while (next_key(s, &i, &first, key) == MORE) {
        if (strcmp(key, "resources") == 0 || (level > 0 && strcmp(key, "results") == 0))
            return true;
        if (level == 0 && strcmp(key, "result") == 0)
            return s->b[i] == '[' || (s->b[i] == '{' && has_package_key(s, i, 1));
        if (span(s, i, &end) < 0)
            return false;
        i = end;
    }
    return false;
}

bool yk_cat_json_is_package(const char *buf, size_t len)
{
    struct scan s = {.b = buf, .n = len, .line = 1}; /* buf may be cut: any failure is a no */
    size_t i = ws(&s, doc_start(buf, len));
    return i < len && buf[i] == '{' && has_package_key(&s, i, 0);
}
