/* yakist — table-driven tests of the `json` rule family. Each case is a small JSON document run
 * through yk_check_memory with every built-in rule at its defaults. The count of every `json`
 * rule is asserted exactly (a rule a case does not list must stay silent), and listed findings
 * must appear with that row, field and line and a message holding the given text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "families.h"
#include "harness.h"

struct rule_case {
    const char *name;
    const char *json;
    char *(*build)(void); /* instead of json: a document made at run time (malloc) */
    const char *format;   /* NULL: "json" */
    const char *record_path;
    HARNESS_WANT;
};

/* Seventy records, each adding a key of its own: more distinct keys than json.extra_key names. */
static char *many_extra_keys(void)
{
    char *s = malloc(70 * 40 + 64), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "[{\"id\": 0}");
    for (int i = 1; i <= 70; i++)
        p += sprintf(p, ",\n{\"id\": %d, \"ключ_%d\": %d}", i, i, i);
    sprintf(p, "]");
    return s;
}

static const struct rule_case cases[] = {
    {.name = "clean records",
     .json = "[{\"назва\": \"Укриття №1\", \"місткість\": 50, \"відкрите\": true},\n"
             " {\"назва\": \"Укриття №2\", \"місткість\": null, \"відкрите\": false}]"},
    {.name = "clean rows", .json = "[[\"id\", \"назва\"], [1, \"Чортків\"], [2, \"Заводське\"]]"},

    /* json.invalid */
    {.name = "invalid: trailing comma in a record",
     .json = "[\n  {\"назва\": \"Укриття №1\"},\n  {\"назва\": \"Укриття №2\",}\n]",
     .counts = {{"json.invalid", 1}},
     .locs = {{"json.invalid", 0, 0, 3, "string or '}' expected"}}},
    {.name = "invalid: cut short",
     .json = "[{\"назва\": \"Укриття №1\"}, {\"назва\": \"Укр",
     .counts = {{"json.invalid", 1}},
     .locs = {{"json.invalid", 0, 0, 1, "premature end of input"}}},
    {.name = "invalid: an empty file is the file rules' business", .json = ""},

    /* json.no_records */
    {.name = "no records: one object of settings",
     .json = "{\"назва\": \"Чортківська міська рада\", \"код\": \"04058367\"}",
     .counts = {{"json.no_records", 1}},
     .locs = {{"json.no_records", 0, 0, 1, "no array of records"}}},
    {.name = "no records: a wrong record path",
     .json = "{\"data\": [{\"a\": 1}]}",
     .record_path = "result.records",
     .counts = {{"json.no_records", 1}},
     .locs = {{"json.no_records", 0, 0, 1, "'result.records' is not in the document"}}},
    {.name = "no records: an empty records array is an empty table, not a shape error",
     .json = "{\"data\": []}"},

    /* json.not_record */
    {.name = "not record: strings among objects",
     .json = "[{\"назва\": \"Укриття №1\"},\n \"Укриття №2\",\n 3,\n {\"назва\": \"Укриття №4\"}]",
     .counts = {{"json.not_record", 2}},
     .locs = {{"json.not_record", 3, 0, 2, "is a string, not a record"},
              {"json.not_record", 4, 0, 3, "is a number"}}},
    {.name = "not record: an object among rows",
     .json = "[[\"id\"], [1], {\"id\": 2}]",
     .counts = {{"json.not_record", 1}},
     .locs = {{"json.not_record", 3, 0, 1, "is an object"}}},

    /* json.missing_key */
    {.name = "missing key: counted per key",
     .json =
         "[{\"назва\": \"A\", \"телефон\": \"+380355221234\", \"адреса\": \"вул. Шевченка, 1\"},\n"
         " {\"назва\": \"B\", \"адреса\": \"вул. Шевченка, 2\"},\n"
         " {\"назва\": \"C\"},\n"
         " {\"назва\": \"D\", \"адреса\": null}]",
     .counts = {{"json.missing_key", 2}},
     .locs = {{"json.missing_key", 3, 2, 2, "key 'телефон' is missing from records: 3"},
              {"json.missing_key", 4, 3, 3, "key 'адреса' is missing from records: 1"}}},
    {.name = "missing key: null is a value, and an all-null column is fine",
     .json = "[{\"a\": null, \"b\": 1}, {\"a\": null, \"b\": 2}]"},
    {.name = "missing key: against the DataStore fields",
     .json = "{\"fields\": [{\"id\": \"_id\"}, {\"id\": \"назва\"}], "
             "\"records\": [{\"_id\": 1}]}",
     .counts = {{"json.missing_key", 1}},
     .locs = {{"json.missing_key", 2, 2, 1, "key 'назва'"}}},

    /* json.extra_key */
    {.name = "extra key: added midway",
     .json = "[{\"назва\": \"A\"},\n {\"назва\": \"B\", \"телефон\": \"+380355221234\"},\n"
             " {\"назва\": \"C\", \"телефон\": \"+380355225678\"}]",
     .counts = {{"json.extra_key", 1}},
     .locs = {{"json.extra_key", 3, 0, 2,
               "key 'телефон' is not in the header but appears in "
               "records: 2"}}},
    {.name = "extra key: more distinct keys than are named",
     .build = many_extra_keys,
     .counts = {{"json.extra_key", 65}},
     .locs = {{"json.extra_key", 67, 0, 66, "more keys outside the header: 6 occurrences"}}},

    /* json.mixed_types */
    {.name = "mixed types: a unit typed into a number",
     .json = "[{\"місткість\": 50}, {\"місткість\": 120}, {\"місткість\": \"120 осіб\"}]",
     .counts = {{"json.mixed_types", 1}},
     .locs = {{"json.mixed_types", 4, 1, 1, "numbers 2, strings 1, booleans 0"}}},
    {.name = "mixed types: nulls, nested values and a string \"true\" next to strings",
     .json =
         "[{\"a\": \"true\", \"b\": null}, {\"a\": \"так\", \"b\": 1}, {\"a\": null, \"b\": 2}]"},
    {.name = "mixed types: a boolean column with one string",
     .json = "[[\"цілодобово\"], [true], [false], [\"так\"]]",
     .counts = {{"json.mixed_types", 1}},
     .locs = {{"json.mixed_types", 4, 1, 1, "strings 1, booleans 2"}}},
    {.name = "mixed types: never on CSV, where nothing has a JSON type",
     .json = "a,b\n1,\"x\"\n\"2\",y\n",
     .format = "csv"},

    /* json.nested_value */
    {.name = "nested value: arrays counted per column",
     .json = "[{\"назва\": \"ЕЗС-1\", \"конектори\": [\"CCS2\", \"Type 2\"]},\n"
             " {\"назва\": \"ЕЗС-2\", \"конектори\": [\"Type 2\"]}]",
     .counts = {{"json.nested_value", 1}},
     .locs = {{"json.nested_value", 2, 2, 1,
               "column 'конектори' holds a nested array or object "
               "instead of a plain value in records: 2"}}},
    {.name = "nested value: nested objects are flattened, not reported",
     .json = "[{\"адреса\": {\"вулиця\": \"Шевченка\", \"будинок\": \"1\"}}]"},
    {.name = "nested value: a cell beyond the header of a rows table",
     .json = "[[\"a\"], [1, [2, 3]]]",
     .counts = {{"json.nested_value", 1}},
     .locs = {{"json.nested_value", 2, 2, 1, "a nested value (an array)"}}},
};

/* --- the runner ---------------------------------------------------------------------------- */

static struct yk_registry *registry;

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    char *built = c->build ? c->build() : NULL;
    const char *doc = built ? built : c->json;
    assert_non_null(doc);
    struct yk_check_options opt;
    harness_options(&opt, registry);
    opt.format = c->format ? c->format : "json";
    opt.record_path = c->record_path;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = harness_run(c->name, doc, strlen(doc), &opt, arena);
    const struct harness h = {.registry = registry, .family = &yk_family_json};
    int bad = harness_check_counts(&h, c->name, c->counts, res) +
              harness_find_locs(c->name, c->locs, res);
    if (bad)
        harness_dump(NULL, res);
    yk_arena_destroy(arena);
    free(built);
    assert_int_equal(bad, 0);
}

/* Every rule carries what `yakist rules` and the reports show. */
static void descriptors(void **state)
{
    (void)state;
    const struct yk_family *fam = &yk_family_json;
    assert_string_equal(fam->name, "json");
    for (size_t i = 0; i < fam->nrules; i++) {
        const struct yk_rule *r = fam->rules[i];
        assert_ptr_equal(yk_registry_find(registry, r->id), r);
        assert_true(strncmp(r->id, "json.", 5) == 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_true(r->rationale && strlen(r->rationale) > 100);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_int_equal(r->dimension, YK_DIM_STRUCTURE);
        assert_true(r->weight > 0);
        assert_true(r->severity == YK_SEV_ERROR || r->severity == YK_SEV_WARNING);
    }
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
    size_t n = sizeof cases / sizeof cases[0];
    struct CMUnitTest *tests = calloc(n + 1, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < n; i++)
        tests[i] = (struct CMUnitTest){
            .name = cases[i].name, .test_func = run_case, .initial_state = (void *)&cases[i]};
    tests[n] = (struct CMUnitTest){.name = "descriptors", .test_func = descriptors};
    int rc = _cmocka_run_group_tests("json_rules", tests, n + 1, setup, teardown);
    free(tests);
    return rc;
}
