/* yakist — table-driven tests of the `json` rule family. Each case is a small JSON document run
 * through yk_check_memory with every built-in rule at its defaults. The count of every `json`
 * rule is asserted exactly (a rule a case does not list must stay silent), and listed findings
 * must appear with that row, field and line and a message holding the given text. */
#include <inttypes.h>
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

#define MAX_COUNTS 4
#define MAX_LOCS 4

struct want_count {
    const char *rule;
    uint64_t n;
};

/* One expected finding; row and field 0 mean "none", as in struct yk_loc. */
struct want_loc {
    const char *rule;
    uint64_t row;
    uint32_t field;
    uint64_t line;
    const char *en; /* a substring of the English message, or NULL */
};

struct rule_case {
    const char *name;
    const char *json;
    char *(*build)(void); /* instead of json: a document made at run time (malloc) */
    const char *format;   /* NULL: "json" */
    const char *record_path;
    struct want_count counts[MAX_COUNTS];
    struct want_loc locs[MAX_LOCS];
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

static uint64_t count_of(const struct yk_file_result *res, const char *id)
{
    for (size_t i = 0; i < res->ncounts; i++)
        if (strcmp(res->counts[i].rule->id, id) == 0)
            return res->counts[i].count;
    return 0;
}

static bool has_finding(const struct yk_file_result *res, const struct want_loc *w)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        const struct yk_finding *f = &res->findings[i];
        if (strcmp(f->rule->id, w->rule) == 0 && f->loc.row == w->row && f->loc.field == w->field &&
            f->loc.line == w->line && (!w->en || strstr(f->message_en, w->en)))
            return true;
    }
    return false;
}

static uint64_t wanted(const struct rule_case *c, const char *id)
{
    for (size_t i = 0; i < MAX_COUNTS && c->counts[i].rule; i++)
        if (strcmp(c->counts[i].rule, id) == 0)
            return c->counts[i].n;
    return 0;
}

static void dump(const struct yk_file_result *res)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        const struct yk_finding *f = &res->findings[i];
        print_error("  %s row %" PRIu64 " field %u line %" PRIu64 ": %s\n", f->rule->id, f->loc.row,
                    f->loc.field, f->loc.line, f->message_en);
    }
}

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    char *built = c->build ? c->build() : NULL;
    const char *doc = built ? built : c->json;
    assert_non_null(doc);
    struct yk_check_options opt;
    yk_check_options_init(&opt, registry);
    opt.format = c->format ? c->format : "json";
    opt.record_path = c->record_path;
    opt.timing = false;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL;
    struct yk_error err;
    int rc = yk_check_memory(doc, strlen(doc), c->name, &opt, arena, &res, &err);
    if (rc != 0)
        fail_msg("%s: yk_check_memory: %d %s", c->name, rc, err.message);
    bool ok = true;
    const struct yk_family *fam = &yk_family_json;
    for (size_t i = 0; i < fam->nrules; i++) {
        const char *id = fam->rules[i]->id;
        if (count_of(res, id) != wanted(c, id)) {
            print_error("%s: %s fired %" PRIu64 " times, want %" PRIu64 "\n", c->name, id,
                        count_of(res, id), wanted(c, id));
            ok = false;
        }
    }
    for (size_t i = 0; i < MAX_LOCS && c->locs[i].rule; i++) {
        if (!has_finding(res, &c->locs[i])) {
            print_error("%s: no %s finding at row %" PRIu64 " field %u line %" PRIu64
                        " with \"%s\"\n",
                        c->name, c->locs[i].rule, c->locs[i].row, c->locs[i].field, c->locs[i].line,
                        c->locs[i].en ? c->locs[i].en : "");
            ok = false;
        }
    }
    if (!ok)
        dump(res);
    yk_arena_destroy(arena);
    free(built);
    assert_true(ok);
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
