/* yakist — tests of the report writers beyond byte-for-byte goldens: SARIF checked as a
 * structure (version, schema, rules and rule indexes, locations, fingerprints stable across
 * runs, distinct per finding and unmoved by inserted rows), JUnit checked as XML whose counts
 * agree with its elements, and every writer fed the hostile catalog (fixtures/hostile): no
 * markup, handler, address or formula from the data may come out alive. Runs from the source
 * root, like the golden tests, so paths are relative. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <yakist/yakist.h>

#include "common.h"

#ifndef YK_SOURCE_ROOT
#error "YK_SOURCE_ROOT must name the source tree"
#endif

/* --- running writers into memory ----------------------------------------------------------- */

struct out {
    char *data;
    size_t len;
};

static void out_free(struct out *o)
{
    free(o->data);
    o->data = NULL;
    o->len = 0;
}

static struct yk_registry *registry(void)
{
    struct yk_registry *reg = NULL;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    return reg;
}

/* `yakist check --format NAME` over files, into memory. */
static struct out check_files(const char *format, enum yk_lang lang, enum yk_severity fail_on,
                              uint64_t max_findings, const char *const *files, size_t n)
{
    struct yk_registry *reg = registry();
    struct yk_check_options opt;
    struct yk_report_options ropt = {.lang = lang, .fail_on = fail_on, .tool_version = "0.0.0"};
    struct out o = {0};
    FILE *f = open_memstream(&o.data, &o.len);
    assert_non_null(f);
    yk_check_options_init(&opt, reg);
    opt.timing = false;
    if (max_findings)
        opt.limits.max_findings = max_findings;
    struct yk_report rep = {.out = f, .opt = &ropt, .registry = reg};
    const struct yk_report_writer *w = yk_report_writer_find(format);
    assert_non_null(w);
    assert_int_equal(w->begin ? w->begin(&rep) : 0, 0);
    for (size_t i = 0; i < n; i++) {
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_file_result *res = NULL, failed = {0};
        struct yk_error err;
        yk_error_clear(&err);
        int rc = yk_check_file(files[i], &opt, arena, &res, &err);
        if (!res) {
            assert_true(rc < 0);
            failed.path = files[i];
            failed.error = err;
            res = &failed;
        }
        assert_int_equal(w->file(&rep, res), 0);
        rep.files++;
        yk_arena_destroy(arena);
    }
    assert_int_equal(w->end ? w->end(&rep) : 0, 0);
    fclose(f);
    yk_registry_destroy(reg);
    return o;
}

/* `yakist audit --format NAME` on a catalog as of 2025-10-01, into memory. */
static struct out audit_catalog(const char *format, enum yk_lang lang, const char *catalog)
{
    struct yk_registry *reg = registry();
    struct yk_audit_options opt;
    struct yk_audit_result *res = NULL;
    struct yk_error err;
    struct yk_arena *arena = yk_arena_create(0);
    struct out o = {0};
    yk_audit_options_init(&opt, reg);
    opt.as_of = "2025-10-01";
    opt.jobs = 2;
    opt.check.timing = false;
    assert_int_equal(yk_audit_run(catalog, &opt, arena, &res, &err), 0);
    struct yk_report_options ropt = {
        .lang = lang, .fail_on = YK_SEV_ERROR, .tool_version = "0.0.0"};
    FILE *f = open_memstream(&o.data, &o.len);
    assert_non_null(f);
    struct yk_report rep = {.out = f, .opt = &ropt, .registry = reg};
    const struct yk_report_writer *w = yk_report_writer_find(format);
    assert_non_null(w);
    assert_non_null(w->audit);
    assert_int_equal(w->audit(&rep, res), 0);
    fclose(f);
    yk_arena_destroy(arena);
    yk_registry_destroy(reg);
    return o;
}

static const char *const check_set[] = {
    "fixtures/check/defects.csv", "fixtures/check/whitespace.csv",   "fixtures/check/title-row.csv",
    "fixtures/check/clean.csv",   "fixtures/check/no-such-file.csv",
};
#define NCHECK (sizeof check_set / sizeof check_set[0])

/* --- SARIF ----------------------------------------------------------------------------------- */

static json_t *parse_json(const struct out *o)
{
    json_error_t jerr;
    json_t *doc = json_loadb(o->data, o->len, 0, &jerr);
    if (!doc)
        fail_msg("not JSON: %s at line %d", jerr.text, jerr.line);
    return doc;
}

/* The structural rules of SARIF 2.1.0 a consumer relies on; returns the number of results. */
static size_t check_sarif(json_t *doc)
{
    assert_string_equal(json_string_value(json_object_get(doc, "version")), "2.1.0");
    assert_non_null(strstr(json_string_value(json_object_get(doc, "$schema")), "sarif"));
    json_t *runs = json_object_get(doc, "runs");
    assert_int_equal(json_array_size(runs), 1);
    json_t *run = json_array_get(runs, 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    assert_string_equal(json_string_value(json_object_get(driver, "name")), "yakist");
    json_t *rules = json_object_get(driver, "rules"), *results = json_object_get(run, "results");
    assert_true(json_is_array(rules) && json_is_array(results));
    size_t nrules = json_array_size(rules);
    for (size_t i = 0; i < nrules; i++) {
        json_t *r = json_array_get(rules, i);
        const char *id = json_string_value(json_object_get(r, "id"));
        assert_non_null(id);
        assert_non_null(
            json_string_value(json_object_get(json_object_get(r, "shortDescription"), "text")));
        assert_non_null(json_string_value(json_object_get(json_object_get(r, "help"), "text")));
        assert_non_null(json_string_value(
            json_object_get(json_object_get(r, "defaultConfiguration"), "level")));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(
                id, json_string_value(json_object_get(json_array_get(rules, j), "id")));
    }
    size_t n = json_array_size(results);
    const char **fps = calloc(n ? n : 1, sizeof *fps);
    assert_non_null(fps);
    for (size_t i = 0; i < n; i++) {
        json_t *res = json_array_get(results, i);
        const char *id = json_string_value(json_object_get(res, "ruleId"));
        json_int_t index = json_integer_value(json_object_get(res, "ruleIndex"));
        assert_non_null(id);
        assert_true(index >= 0 && (size_t)index < nrules);
        assert_string_equal(
            json_string_value(json_object_get(json_array_get(rules, (size_t)index), "id")), id);
        const char *level = json_string_value(json_object_get(res, "level"));
        assert_true(strcmp(level, "error") == 0 || strcmp(level, "warning") == 0 ||
                    strcmp(level, "note") == 0);
        assert_non_null(
            json_string_value(json_object_get(json_object_get(res, "message"), "text")));
        json_t *locs = json_object_get(res, "locations");
        assert_true(json_array_size(locs) >= 1);
        json_t *phys = json_object_get(json_array_get(locs, 0), "physicalLocation");
        const char *uri =
            json_string_value(json_object_get(json_object_get(phys, "artifactLocation"), "uri"));
        assert_non_null(uri);
        assert_true(uri[0] != 0);
        assert_null(strpbrk(uri, " \"<>\\{}|^`"));
        json_t *region = json_object_get(phys, "region");
        if (region) {
            assert_true(json_integer_value(json_object_get(region, "startLine")) >= 1);
            json_t *col = json_object_get(region, "startColumn");
            assert_true(!col || json_integer_value(col) >= 1);
        }
        fps[i] = json_string_value(
            json_object_get(json_object_get(res, "partialFingerprints"), "yakistFingerprint/v1"));
        assert_non_null(fps[i]);
        assert_int_equal(strlen(fps[i]), 32);
        for (size_t j = 0; j < i; j++)
            if (strcmp(fps[i], fps[j]) == 0)
                fail_msg("results %zu and %zu share the fingerprint %s", j, i, fps[i]);
    }
    free(fps);
    return n;
}

static void sarif_check(void **state)
{
    (void)state;
    struct out a = check_files("sarif", YK_LANG_UK, YK_SEV_ERROR, 3, check_set, NCHECK);
    struct out b = check_files("sarif", YK_LANG_UK, YK_SEV_ERROR, 3, check_set, NCHECK);
    /* Stable: the same input gives the same bytes, fingerprints included. */
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    json_t *doc = parse_json(&a);
    assert_true(check_sarif(doc) > 10);
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
    /* The missing file failed the run and is a notification, not a result. */
    assert_true(json_is_false(json_object_get(inv, "executionSuccessful")));
    assert_true(json_array_size(json_object_get(inv, "toolExecutionNotifications")) >= 2);
    json_decref(doc);
    /* The language changes messages and titles, never fingerprints. */
    struct out en = check_files("sarif", YK_LANG_EN, YK_SEV_ERROR, 3, check_set, NCHECK);
    json_t *d1 = parse_json(&a), *d2 = parse_json(&en);
    json_t *r1 = json_object_get(json_array_get(json_object_get(d1, "runs"), 0), "results");
    json_t *r2 = json_object_get(json_array_get(json_object_get(d2, "runs"), 0), "results");
    assert_int_equal(json_array_size(r1), json_array_size(r2));
    for (size_t i = 0; i < json_array_size(r1); i++)
        assert_true(json_equal(json_object_get(json_array_get(r1, i), "partialFingerprints"),
                               json_object_get(json_array_get(r2, i), "partialFingerprints")));
    json_decref(d1);
    json_decref(d2);
    out_free(&a);
    out_free(&b);
    out_free(&en);
}

static void sarif_audit(void **state)
{
    (void)state;
    struct out a = audit_catalog("sarif", YK_LANG_UK, "fixtures/chortkiv");
    struct out b = audit_catalog("sarif", YK_LANG_UK, "fixtures/chortkiv");
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    json_t *doc = parse_json(&a);
    assert_true(check_sarif(doc) > 50);
    json_decref(doc);
    out_free(&a);
    out_free(&b);
}

/* The fingerprints of findings below an inserted row stay what they were. */
static void sarif_fingerprints_survive_inserted_rows(void **state)
{
    (void)state;
    char path[] = "/tmp/yakist-fp-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    const char *const files[] = {path};
    static const char before[] = "id,name,phone\r\n1,Alpha ,0501234567\r\n2,Beta,+380501234567\r\n"
                                 "3, Gamma,050 123 45 67\r\n";
    static const char after[] = "id,name,phone\r\n0,Zero,+380671112233\r\n1,Alpha ,0501234567\r\n"
                                "2,Beta,+380501234567\r\n3, Gamma,050 123 45 67\r\n";
    json_t *docs[2];
    for (int k = 0; k < 2; k++) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(k ? after : before, f);
        fclose(f);
        struct out o = check_files("sarif", YK_LANG_EN, YK_SEV_ERROR, 0, files, 1);
        docs[k] = parse_json(&o);
        check_sarif(docs[k]);
        out_free(&o);
    }
    unlink(path);
    json_t *r0 = json_object_get(json_array_get(json_object_get(docs[0], "runs"), 0), "results");
    json_t *r1 = json_object_get(json_array_get(json_object_get(docs[1], "runs"), 0), "results");
    size_t moved = 0;
    for (size_t i = 0; i < json_array_size(r0); i++) {
        json_t *res = json_array_get(r0, i);
        json_t *fp = json_object_get(res, "partialFingerprints");
        json_t *region =
            json_object_get(json_object_get(json_array_get(json_object_get(res, "locations"), 0),
                                            "physicalLocation"),
                            "region");
        bool found = false;
        for (size_t j = 0; j < json_array_size(r1) && !found; j++)
            found = json_equal(fp, json_object_get(json_array_get(r1, j), "partialFingerprints"));
        if (!found)
            fail_msg("result %zu (%s) changed its fingerprint", i,
                     json_string_value(json_object_get(res, "ruleId")));
        moved += region != NULL;
    }
    assert_true(moved >= 2); /* findings on rows that moved down were among them */
    json_decref(docs[0]);
    json_decref(docs[1]);
}

/* --- JUnit ----------------------------------------------------------------------------------- */

static long attr_long(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    assert_non_null(v);
    long x = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    return x;
}

static bool named(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Every count attribute agrees with the elements; returns the failures. */
static long check_junit(const struct out *o)
{
    xmlDoc *doc = xmlReadMemory(o->data, (int)o->len, "junit.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        fail_msg("JUnit output is not well-formed XML");
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_true(named(root, "testsuites"));
    long t[4] = {0}; /* tests, failures, errors, skipped */
    for (xmlNode *s = root->children; s; s = s->next) {
        if (!named(s, "testsuite"))
            continue;
        long c[4] = {0};
        for (xmlNode *tc = s->children; tc; tc = tc->next) {
            if (!named(tc, "testcase"))
                continue;
            c[0]++;
            for (xmlNode *x = tc->children; x; x = x->next) {
                c[1] += named(x, "failure");
                c[2] += named(x, "error");
                c[3] += named(x, "skipped");
            }
        }
        assert_int_equal(attr_long(s, "tests"), c[0]);
        assert_int_equal(attr_long(s, "failures"), c[1]);
        assert_int_equal(attr_long(s, "errors"), c[2]);
        assert_int_equal(attr_long(s, "skipped"), c[3]);
        for (int i = 0; i < 4; i++)
            t[i] += c[i];
    }
    assert_int_equal(attr_long(root, "tests"), t[0]);
    assert_int_equal(attr_long(root, "failures"), t[1]);
    assert_int_equal(attr_long(root, "errors"), t[2]);
    assert_int_equal(attr_long(root, "skipped"), t[3]);
    xmlFreeDoc(doc);
    return t[1];
}

static void junit_check(void **state)
{
    (void)state;
    struct out e = check_files("junit", YK_LANG_UK, YK_SEV_ERROR, 0, check_set, NCHECK);
    struct out w = check_files("junit", YK_LANG_EN, YK_SEV_WARNING, 0, check_set, NCHECK);
    long fe = check_junit(&e), fw = check_junit(&w);
    assert_true(fe > 0);
    assert_true(fw > fe);                            /* a lower gate turns warnings into failures */
    assert_non_null(strstr(e.data, "errors=\"1\"")); /* the missing file */
    out_free(&e);
    out_free(&w);
}

static void junit_audit(void **state)
{
    (void)state;
    struct out a = audit_catalog("junit", YK_LANG_UK, "fixtures/chortkiv");
    assert_true(check_junit(&a) > 0);
    out_free(&a);
    struct out h = audit_catalog("junit", YK_LANG_EN, "fixtures/hostile");
    check_junit(&h);
    out_free(&h);
}

/* --- the hostile catalog --------------------------------------------------------------------- */

/* strcasestr for ASCII needles (it is not in POSIX). */
static const char *find_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return hay;
    return NULL;
}

/* No element, attribute or address from the data is alive in the parsed page. */
static void walk_html(xmlNode *n, size_t *elements)
{
    static const char *const banned[] = {"script", "img",  "iframe", "object",
                                         "embed",  "form", "base",   "link"};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        (*elements)++;
        for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
            if (strcasecmp((const char *)n->name, banned[i]) == 0)
                fail_msg("a <%s> element is in the page", n->name);
        if (strcasecmp((const char *)n->name, "b") == 0)
            fail_msg("markup from the data (<b>) is in the page");
        for (xmlAttr *a = n->properties; a; a = a->next) {
            if (strncasecmp((const char *)a->name, "on", 2) == 0)
                fail_msg("an event handler attribute %s is in the page", a->name);
            if (strcasecmp((const char *)a->name, "href") == 0) {
                xmlChar *v = xmlNodeGetContent((xmlNode *)a);
                bool ok = v && (v[0] == '#' || strncmp((const char *)v, "https://", 8) == 0 ||
                                strncmp((const char *)v, "http://", 7) == 0);
                if (!ok)
                    fail_msg("a link to %s is in the page", v ? (const char *)v : "(null)");
                xmlFree(v);
            }
        }
        walk_html(n->children, elements);
    }
}

static void html_hostile(void **state)
{
    (void)state;
    for (int lang = 0; lang < 2; lang++) {
        struct out o = audit_catalog("html", lang ? YK_LANG_EN : YK_LANG_UK, "fixtures/hostile");
        /* Raw markup from the data would show as these bytes. */
        assert_null(find_nocase(o.data, "<script"));
        assert_null(find_nocase(o.data, "<img"));
        assert_null(find_nocase(o.data, "<svg onload"));
        assert_null(find_nocase(o.data, "href=\"javascript"));
        char *style_end = strstr(o.data, "</style>");
        assert_non_null(style_end);
        assert_null(strstr(style_end + 1, "</style>"));
        assert_null(strstr(o.data, "\xE2\x80\xAE")); /* U+202E right-to-left override */
        assert_null(strstr(o.data, "\xE2\x81\xA6")); /* U+2066 left-to-right isolate */
        /* ... while the data itself is there, as text. */
        assert_non_null(strstr(o.data, "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"));
        assert_non_null(strstr(o.data, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert_non_null(strstr(o.data, "\\u202E"));
        /* Nothing may load or run even if escaping failed somewhere. */
        assert_non_null(strstr(o.data, "Content-Security-Policy\" content=\"default-src 'none';"));
        htmlDocPtr doc =
            htmlReadMemory(o.data, (int)o.len, "dashboard.html", "UTF-8",
                           HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
        assert_non_null(doc);
        size_t elements = 0;
        walk_html(xmlDocGetRootElement(doc), &elements);
        assert_true(elements > 100);
        xmlFreeDoc(doc);
        out_free(&o);
    }
}

static void markdown_hostile(void **state)
{
    (void)state;
    struct out o = audit_catalog("markdown", YK_LANG_UK, "fixtures/hostile");
    assert_null(find_nocase(o.data, "<script"));
    assert_null(find_nocase(o.data, "<b "));
    assert_null(strstr(o.data, "\xE2\x80\xAE"));
    assert_non_null(strstr(o.data, "&lt;/style&gt;&lt;script&gt;"));
    out_free(&o);
}

/* One RFC 4180 record from p: its fields (at most 16), how many, and where the next starts. */
static const char *csv_record(const char *p, char fields[16][1024], size_t *n)
{
    *n = 0;
    for (;;) {
        size_t len = 0;
        if (*p == '"') {
            for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
                if (*p == '"')
                    p++;
                if (len < 1023)
                    fields[*n][len++] = *p;
            }
            assert_int_equal(*p, '"');
            p++;
        } else {
            for (; *p && *p != ',' && *p != '\r' && *p != '\n'; p++)
                if (len < 1023)
                    fields[*n][len++] = *p;
        }
        fields[*n][len] = 0;
        assert_true(++*n < 16);
        if (*p == ',') {
            p++;
            continue;
        }
        assert_int_equal(p[0], '\r'); /* CRLF, as RFC 4180 says */
        assert_int_equal(p[1], '\n');
        return p + 2;
    }
}

static void csv_hostile(void **state)
{
    (void)state;
    static char fields[16][1024];
    const char *const files[] = {"fixtures/hostile/data/hostile.csv"};
    struct out outs[2] = {audit_catalog("csv", YK_LANG_UK, "fixtures/hostile"),
                          check_files("csv", YK_LANG_EN, YK_SEV_ERROR, 0, files, 1)};
    for (int k = 0; k < 2; k++) {
        const char *p = outs[k].data;
        size_t width = 0, n, records = 0;
        bool neutralised = false;
        while (*p) {
            p = csv_record(p, fields, &n);
            if (!records++)
                width = n;
            assert_int_equal(n, width);
            for (size_t i = 0; i < n; i++) {
                if (fields[i][0] && strchr("=+-@\t\r", fields[i][0]))
                    fail_msg("record %zu, field %zu is a formula: %s", records, i, fields[i]);
                neutralised |=
                    fields[i][0] == '\'' && fields[i][1] && strchr("=+-@\t", fields[i][1]);
            }
        }
        assert_true(records > 3);
        if (k == 0)
            assert_true(neutralised); /* the holder named "+cmd|' /C calc'!A0" */
        out_free(&outs[k]);
    }
}

static void github_hostile(void **state)
{
    (void)state;
    struct out o = audit_catalog("github", YK_LANG_UK, "fixtures/hostile");
    size_t annotations = 0;
    for (char *line = strtok(o.data, "\n"); line; line = strtok(NULL, "\n")) {
        assert_null(strchr(line, '\r'));
        if (strncmp(line, "yakist: ", 8) == 0)
            continue;
        assert_true(strncmp(line, "::error ", 8) == 0 || strncmp(line, "::warning ", 10) == 0 ||
                    strncmp(line, "::notice ", 9) == 0);
        char *props = strchr(line, ' ') + 1, *end = strstr(props, "::");
        assert_non_null(end);
        *end = 0;
        /* Properties: key=value pairs, no separator from the data. */
        for (char *kv = strtok_r(props, ",", &props); kv; kv = strtok_r(NULL, ",", &props))
            assert_true(strncmp(kv, "file=", 5) == 0 || strncmp(kv, "line=", 5) == 0 ||
                        strncmp(kv, "col=", 4) == 0 || strncmp(kv, "title=", 6) == 0);
        annotations++;
    }
    assert_true(annotations > 10);
    out_free(&o);
}

/* --- helpers --------------------------------------------------------------------------------- */

static void escapes(void **state)
{
    (void)state;
    static const struct {
        void (*fn)(FILE *, const char *);
        const char *in, *want;
    } cases[] = {
        {yk_esc_csv, "plain", "plain"},
        {yk_esc_csv, "a,b", "\"a,b\""},
        {yk_esc_csv, "say \"hi\"", "\"say \"\"hi\"\"\""},
        {yk_esc_csv, "=1+2", "\"'=1+2\""},
        {yk_esc_csv, "-2", "\"'-2\""},
        {yk_esc_csv, "@x", "\"'@x\""},
        {yk_esc_csv, "\tx", "\"'\tx\""},
        {yk_esc_csv, "bad \xFF byte", "bad \xEF\xBF\xBD byte"},
        {yk_esc_github_data, "50% a\r\nb", "50%25 a%0D%0Ab"},
        {yk_esc_github_prop, "a:b,c%", "a%3Ab%2Cc%25"},
        {yk_esc_uri, "дані/a b.csv", "%D0%B4%D0%B0%D0%BD%D1%96/a%20b.csv"},
        {yk_esc_uri, "/abs/x.csv", "file:///abs/x.csv"},
        {yk_esc_uri, "a\\b#c?.csv", "a/b%23c%3F.csv"},
        {yk_esc_html, "<a href=\"x\">'&'</a>",
         "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"},
        {yk_esc_html,
         "\xE2\x80\xAE"
         "abc\x1b",
         "\\u202Eabc\\x1B"},
        {yk_esc_md, "a|b *c* <i>", "a\\|b \\*c\\* &lt;i&gt;"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct out o = {0};
        FILE *f = open_memstream(&o.data, &o.len);
        cases[i].fn(f, cases[i].in);
        fclose(f);
        if (strcmp(o.data, cases[i].want) != 0)
            fail_msg("case %zu: '%s' gave '%s', want '%s'", i, cases[i].in, o.data, cases[i].want);
        out_free(&o);
    }
    struct out x = {0};
    FILE *f = open_memstream(&x.data, &x.len);
    yk_esc_xml(f, "a\n\"b\"\x01", true);
    fclose(f);
    assert_string_equal(x.data, "a&#10;&quot;b&quot;\\x01");
    out_free(&x);
}

static void sha256_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        unsigned char d[32];
        char hex[65];
        yk_rep_sha256(v[i].in, strlen(v[i].in), d);
        for (int k = 0; k < 32; k++)
            snprintf(hex + 2 * k, 3, "%02x", d[k]);
        assert_string_equal(hex, v[i].want);
    }
    /* Numbers in a message do not change its fingerprint; the field and occurrence do. */
    char a[33], b[33], c[33], d[33];
    yk_rep_fingerprint("time.overdue", "dataset:x", 0, "overdue by 12 days", 1, a);
    yk_rep_fingerprint("time.overdue", "dataset:x", 0, "overdue by 103 days", 1, b);
    yk_rep_fingerprint("time.overdue", "dataset:x", 2, "overdue by 12 days", 1, c);
    yk_rep_fingerprint("time.overdue", "dataset:x", 0, "overdue by 12 days", 2, d);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_string_not_equal(a, d);
}

int main(void)
{
    if (chdir(YK_SOURCE_ROOT) != 0) {
        perror(YK_SOURCE_ROOT);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes),
        cmocka_unit_test(sha256_vectors),
        cmocka_unit_test(sarif_check),
        cmocka_unit_test(sarif_audit),
        cmocka_unit_test(sarif_fingerprints_survive_inserted_rows),
        cmocka_unit_test(junit_check),
        cmocka_unit_test(junit_audit),
        cmocka_unit_test(html_hostile),
        cmocka_unit_test(markdown_hostile),
        cmocka_unit_test(csv_hostile),
        cmocka_unit_test(github_hostile),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
