/* yakist — unit tests of declared column checks (a profile's "columns" array): what a valid
 * entry becomes (a descriptor of the `profile` family, registered on request) and every
 * rejection, each naming its key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

static struct yk_registry *registry;

static int parse(const char *text, struct yk_profile **out, struct yk_error *err)
{
    yk_error_clear(err);
    return yk_profile_parse(text, strlen(text), "gate.json", registry, out, err);
}

#define ENTRY(body) "{\"columns\": [" body "]}"

static void valid_entries_become_rules(void **state)
{
    (void)state;
    const char *text = ENTRY(
        "{\"id\": \"street_prefix\", \"column\": \"street\", \"check\": \"pattern\","
        " \"pattern\": \"(?!вул\\\\.).*\", \"severity\": \"warning\", \"weight\": 4,"
        " \"dimension\": \"structure\", \"compliance\": true,"
        " \"message\": {\"uk\": \"«{value}»\", \"en\": \"{column}: {value}\"}},"
        "{\"id\": \"kind\", \"columnPattern\": \"^kind\", \"check\": \"enum\","
        " \"enum\": [\"a\", \"b\"], \"title\": {\"uk\": \"Вид\", \"en\": \"Kind\"}},"
        "{\"id\": \"pupils\", \"column\": \"pupils\", \"check\": \"range\", \"min\": 0},"
        "{\"id\": \"code\", \"column\": \"code\", \"check\": \"length\", \"maxLength\": 8},"
        "{\"id\": \"name\", \"column\": \"name\", \"check\": \"required\", \"severity\": \"off\"},"
        "{\"id\": \"id_unique\", \"column\": \"id\", \"check\": \"unique\","
        " \"description\": \"Keys.\"}");
    struct yk_profile *p = NULL;
    struct yk_error err;
    assert_int_equal(parse(text, &p, &err), 0);
    const struct yk_family *fam = yk_profile_family(p);
    assert_non_null(fam);
    assert_string_equal(fam->name, "profile");
    assert_int_equal(fam->nrules, 6);
    const struct yk_rule *r = fam->rules[0];
    assert_string_equal(r->id, "profile.street_prefix");
    assert_int_equal(r->severity, YK_SEV_WARNING);
    assert_int_equal(r->weight, 4);
    assert_int_equal(r->dimension, YK_DIM_STRUCTURE);
    assert_true(r->compliance);
    assert_int_equal(r->scope, YK_SCOPE_CELL);
    assert_non_null(r->on_header);
    assert_non_null(r->on_cell);
    assert_string_equal(fam->rules[1]->title_en, "Kind");
    assert_string_equal(fam->rules[1]->title_uk, "Вид");
    assert_int_equal(fam->rules[2]->severity, YK_SEV_ERROR);    /* the default */
    assert_int_equal(fam->rules[2]->weight, 1);                 /* the default */
    assert_int_equal(fam->rules[2]->dimension, YK_DIM_CONTENT); /* the default */
    assert_false(fam->rules[2]->compliance);
    assert_non_null(strstr(fam->rules[5]->rationale, "Keys."));
    assert_non_null(strstr(fam->rules[0]->source, "gate.json"));

    /* Not in the registry until registered; then found, enabled as declared. The registry
     * borrows the descriptors, so it goes before the profile. */
    struct yk_registry *reg = NULL;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    assert_null(yk_registry_find(reg, "profile.kind"));
    assert_int_equal(yk_profile_register(p, reg, &err), 0);
    assert_ptr_equal(yk_registry_find(reg, "profile.kind"), fam->rules[1]);
    assert_true(yk_profile_enabled(p, fam->rules[1]));
    assert_false(yk_profile_enabled(p, fam->rules[4])); /* severity off */
    assert_int_equal(yk_profile_weight(p, fam->rules[0]), 4);
    /* A second profile family cannot join the same registry. */
    assert_int_equal(yk_profile_register(p, reg, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "profile"));
    yk_registry_destroy(reg);
    yk_profile_destroy(p);
}

static void no_columns_no_family(void **state)
{
    (void)state;
    struct yk_profile *p = NULL;
    struct yk_error err;
    assert_int_equal(parse("{\"name\": \"x\"}", &p, &err), 0);
    assert_null(yk_profile_family(p));
    assert_int_equal(yk_profile_register(p, registry, &err), 0);
    yk_profile_destroy(p);
    assert_int_equal(parse(ENTRY(""), &p, &err), 0);
    assert_null(yk_profile_family(p));
    yk_profile_destroy(p);
    assert_null(yk_profile_family(NULL));
}

/* Each rejected profile and a text its message must hold (the key first). */
static const struct rejection {
    const char *text;
    const char *expect;
} rejections[] = {
    {"{\"columns\": {}}", "columns: expected an array"},
    {ENTRY("3"), "columns[0]: expected an object"},
    {ENTRY("{\"column\": \"a\", \"check\": \"unique\"}"), "columns[0]: id is missing"},
    {ENTRY("{\"id\": \"Bad-Id\", \"column\": \"a\", \"check\": \"unique\"}"), "columns[0].id:"},
    {ENTRY("{\"id\": 5, \"column\": \"a\", \"check\": \"unique\"}"), "columns[0].id:"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\"},"
           "{\"id\": \"a\", \"column\": \"b\", \"check\": \"unique\"}"),
     "columns[1].id: 'a' is already the id of columns[0]"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\"}"), "columns[0].check: expected one of"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"regex\"}"), "columns[0].check:"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"colour\": 1}"),
     "columns[0].colour: unknown key"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"enum\", \"enum\": [\"x\"],"
           " \"pattern\": \"x\"}"),
     "columns[0].pattern: not a parameter of the enum check"},
    {ENTRY("{\"id\": \"a\", \"check\": \"unique\"}"), "columns[0]: the column to check"},
    {ENTRY("{\"id\": \"a\", \"column\": \"\", \"check\": \"unique\"}"), "columns[0].column:"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"columnPattern\": \"a\", \"check\": \"unique\"}"),
     "columns[0].columnPattern: give either"},
    {ENTRY("{\"id\": \"a\", \"columnPattern\": \"(a\", \"check\": \"unique\"}"),
     "columns[0].columnPattern: does not compile at offset 2"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"pattern\"}"),
     "columns[0]: the pattern check needs a pattern"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"pattern\", \"pattern\": \"[0-9\"}"),
     "columns[0].pattern: does not compile at offset 4: missing terminating ]"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"pattern\", \"pattern\": 7}"),
     "columns[0].pattern: expected a regular expression"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"enum\"}"),
     "columns[0]: the enum check needs an enum"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"enum\", \"enum\": []}"),
     "columns[0].enum: expected a non-empty array"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"enum\", \"enum\": [\"x\", 2]}"),
     "columns[0].enum[1]: expected a string"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"range\"}"),
     "columns[0]: the range check needs min, max or both"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"range\", \"min\": 10, \"max\": 5}"),
     "columns[0].min: 10 is greater than max 5"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"range\", \"max\": \"5\"}"),
     "columns[0].max: expected a number"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"length\"}"),
     "columns[0]: the length check needs minLength, maxLength or both"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"length\", \"minLength\": 3,"
           " \"maxLength\": 2}"),
     "columns[0].minLength: 3 is greater than maxLength 2"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"length\", \"maxLength\": -1}"),
     "columns[0].maxLength: expected an integer"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"severity\": \"fatal\"}"),
     "columns[0].severity: expected one of off, info, warning, error"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"weight\": 1001}"),
     "columns[0].weight: expected an integer from 0 to 1000"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"dimension\": \"x\"}"),
     "columns[0].dimension: expected one of"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"compliance\": 1}"),
     "columns[0].compliance: expected true or false"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"message\": \"x\"}"),
     "columns[0].message: expected an object with uk and en"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\","
           " \"message\": {\"uk\": \"x\"}}"),
     "columns[0].message.en: expected a non-empty string"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\","
           " \"message\": {\"uk\": \"x\", \"en\": \"y\", \"de\": \"z\"}}"),
     "columns[0].message.de: unknown key"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\","
           " \"message\": {\"uk\": \"{valeu}\", \"en\": \"y\"}}"),
     "columns[0].message.uk: unknown placeholder {valeu}"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"title\": {\"uk\": \"x\"}}"),
     "columns[0].title.en:"},
    {ENTRY("{\"id\": \"a\", \"column\": \"a\", \"check\": \"unique\", \"description\": 1}"),
     "columns[0].description: expected a string"},
    {ENTRY("{\"id\": \"ok\", \"column\": \"a\", \"check\": \"unique\"},"
           "{\"id\": \"b\", \"column\": \"a\", \"check\": \"range\", \"min\": 1, \"max\": 0}"),
     "columns[1].min:"},
    {"{\"columns\": [], \"colour\": 1}", "colour: unknown key (expected name, description, "
                                         "version, rules, columns)"},
};

static void every_rejection_names_its_key(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rejections / sizeof rejections[0]; i++) {
        struct yk_profile *p = NULL;
        struct yk_error err;
        int rc = parse(rejections[i].text, &p, &err);
        if (rc == 0 || !strstr(err.message, rejections[i].expect)) {
            print_error("case %zu: rc %d, message '%s', expected '%s'\n", i, rc, err.message,
                        rejections[i].expect);
            yk_profile_destroy(p);
            fail();
        }
        assert_null(p);
        assert_string_equal(err.file, "gate.json");
    }
}

/* Thousands of entries are fine up to the limit, and the limit is an error, not a crash. */
static void too_many_columns(void **state)
{
    (void)state;
    size_t n = 1001, cap = 64 + n * 64, o = 0;
    char *text = test_malloc(cap);
    o += (size_t)snprintf(text + o, cap - o, "{\"columns\": [");
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(text + o, cap - o,
                              "%s{\"id\": \"c%zu\", \"column\": \"a\", \"check\": \"unique\"}",
                              i ? "," : "", i);
    snprintf(text + o, cap - o, "]}");
    struct yk_profile *p = NULL;
    struct yk_error err;
    assert_int_equal(parse(text, &p, &err), YK_ELIMIT);
    assert_non_null(strstr(err.message, "columns: more than 1000"));
    test_free(text);
}

static int setup(void **state)
{
    (void)state;
    return yk_registry_create(&registry, NULL);
}

static int teardown(void **state)
{
    (void)state;
    yk_registry_destroy(registry);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_entries_become_rules),
        cmocka_unit_test(no_columns_no_family),
        cmocka_unit_test(every_rejection_names_its_key),
        cmocka_unit_test(too_many_columns),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
