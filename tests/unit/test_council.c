/* yakist — unit tests of council.json: the documented example read in full, and each kind of
 * invalid key named in the error (missing, wrong type, bad ЄДРПОУ or КАТОТТГ, unknown keys,
 * item keys of the wrong shape or not in the Перелік, unknown publishers, duplicates). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#ifndef YK_CATALOG_FIXTURES
#define YK_CATALOG_FIXTURES "fixtures/catalogs"
#endif
#define FX(name) YK_CATALOG_FIXTURES "/" name

static void tmp_dir(char *dir, size_t cap)
{
    const char *t = getenv("TMPDIR");
    snprintf(dir, cap, "%s/yk-council-XXXXXX", t && *t ? t : "/tmp");
    assert_non_null(mkdtemp(dir));
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* --- council.json --------------------------------------------------------------------------- */

static void council_valid(void **state)
{
    (void)state;
    struct yk_arena *a = yk_arena_create(0);
    struct yk_council *co = NULL;
    struct yk_error err;
    int rc = yk_council_load(FX("council.json"), a, &co, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_string_equal(co->path, FX("council.json"));
    assert_string_equal(co->name, "Чортківська міська рада");
    assert_string_equal(co->edrpou, "04058628");
    assert_string_equal(co->katottg, "UA61060370010076239");
    assert_string_equal(co->portal, "https://data.gov.ua/organization/chortkivska-miska-rada");
    assert_int_equal(co->npublishers, 3);
    assert_string_equal(co->publishers[1].id, "finance");
    assert_int_equal(co->publishers[1].naliases, 2);
    assert_string_equal(co->publishers[1].aliases[1], "Фінуправління");
    assert_null(co->publishers[2].edrpou);
    assert_int_equal(co->nresponsibilities, 3);
    assert_string_equal(co->responsibilities[1].item, "local.3");
    assert_string_equal(co->responsibilities[1].publisher, "finance");
    assert_int_equal(co->nnot_applicable, 1);
    assert_string_equal(co->not_applicable[0].item, "all.14");
    assert_int_equal(co->nmappings, 2);
    assert_string_equal(co->mappings[1].item, "none");
    assert_non_null(strstr(co->policy_json, "{\"local_act\":{\"title\":\"Рішення виконкому"));
    assert_non_null(strstr(co->policy_json, "\"harvesting\":false}"));
    yk_arena_destroy(a);
}

struct council_case {
    const char *text, *message;
    int rc;
};

#define PUB "\"publishers\": [{\"id\": \"finance\", \"name\": \"Фінансове управління\"}]"

static void council_invalid(void **state)
{
    (void)state;
    static const struct council_case cases[] = {
        {"{" PUB "}", "name: required", YK_EINVAL},
        {"{\"name\": \"\", " PUB "}", "name: must not be empty", YK_EINVAL},
        {"{\"name\": 5, " PUB "}", "name: expected text", YK_EINVAL},
        {"{\"name\": \"Рада\"}", "publishers: required", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": {}}", "publishers: expected a list", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"id\": \"a\", \"name\": \"А\"}, {\"id\": \"b\", "
         "\"name\": \"Б\"}, {\"id\": \"c\", \"name\": \"В\", \"edrpou\": \"1234\"}]}",
         "publishers[2].edrpou: expected 8 digits", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"id\": \"a\", \"name\": \"А\", \"edrpou\": "
         "2317512}]}",
         "publishers[0].edrpou: expected 8 digits as text", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"id\": \"a\", \"name\": \"А\"}, {\"id\": \"a\", "
         "\"name\": \"Б\"}]}",
         "publishers[1].id: \"a\" is used by an earlier publisher", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"name\": \"А\"}]}", "publishers[0].id: required",
         YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"id\": \"a\", \"name\": \"А\", \"alias\": []}]}",
         "publishers[0].alias: unknown key", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [{\"id\": \"a\", \"name\": \"А\", \"aliases\": "
         "[\"x\", 3]}]}",
         "publishers[0].aliases[1]: expected a name", YK_EINVAL},
        {"{\"name\": \"Рада\", \"publishers\": [\"a\"]}", "publishers[0]: expected an object",
         YK_EINVAL},
        {"{\"name\": \"Рада\", \"edrpou\": \"0405862A\", " PUB "}", "edrpou: expected 8 digits",
         YK_EINVAL},
        {"{\"name\": \"Рада\", \"katottg\": \"UA123\", " PUB "}",
         "katottg: expected UA followed by 17 digits", YK_EINVAL},
        {"{\"name\": \"Рада\", \"portal\": \"data.gov.ua\", " PUB "}",
         "portal: expected an http(s) address", YK_EINVAL},
        {"{\"name\": \"Рада\", \"responsibilites\": {}, " PUB "}", "responsibilites: unknown key",
         YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": {\"local.x\": \"finance\"}}",
         "responsibilities[\"local.x\"]: \"local.x\" is not a Перелік item key", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": {\"local.99\": \"finance\"}}",
         "responsibilities[\"local.99\"]: \"local.99\" is not an item of the Перелік", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": {\"local.3\": \"nobody\"}}",
         "responsibilities[\"local.3\"]: no publisher has the id \"nobody\"", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": [{\"item\": \"all.0\", "
         "\"publisher\": \"finance\"}]}",
         "responsibilities[0].item: \"all.0\" is not a Перелік item key", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": [{\"item\": \"all.1\", "
         "\"publisher\": \"finance\"}, {\"item\": \"all.1\", \"publisher\": \"finance\"}]}",
         "responsibilities[1].item: item \"all.1\" is given twice", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": [{\"item\": \"all.1\"}]}",
         "responsibilities[0].publisher: expected text", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"responsibilities\": 7}",
         "responsibilities: expected an object or a list", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"not_applicable\": [{\"item\": \"all.14\"}]}",
         "not_applicable[0].reason: expected text", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"not_applicable\": {\"global.1\": \"причина\"}}",
         "not_applicable[\"global.1\"]: \"global.1\" is not a Перелік item key", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"mappings\": {\"byudzhet\": \"local.0\"}}",
         "mappings[\"byudzhet\"]: \"local.0\" is not a Перелік item key", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"mappings\": {\"byudzhet\": 3}}",
         "mappings[\"byudzhet\"]: expected text", YK_EINVAL},
        {"{\"name\": \"Рада\", " PUB ", \"policy\": \"так\"}", "policy: expected an object",
         YK_EINVAL},
        {"[]", "expected an object", YK_EINVAL},
        {"{\"name\": \"Рада\",\n \"name\": \"Рада\"}", "duplicate object key", YK_EPARSE},
        {"{\"name\": \"Рада\",\n " PUB ",\n}", "JSON syntax error", YK_EPARSE},
    };
    char dir[256], path[512];
    tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/council.json", dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct yk_arena *a = yk_arena_create(0);
        struct yk_council *co = NULL;
        struct yk_error err;
        write_file(dir, "council.json", cases[i].text);
        int rc = yk_council_load(path, a, &co, &err);
        if (rc != cases[i].rc || !strstr(err.message, cases[i].message))
            fail_msg("case %zu: rc %d, \"%s\"", i, rc, err.message);
        assert_null(co);
        assert_string_equal(err.file, path);
        if (rc == YK_EPARSE)
            assert_true(err.line >= 2 && err.column > 0);
        yk_arena_destroy(a);
    }
    struct yk_arena *a = yk_arena_create(0);
    struct yk_council *co = NULL;
    struct yk_error err;
    assert_int_equal(yk_council_load(FX("nemaye/council.json"), a, &co, &err), YK_EIO);
    yk_arena_destroy(a);
    snprintf(path, sizeof path, "%s/council.json", dir);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(council_valid),
        cmocka_unit_test(council_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
