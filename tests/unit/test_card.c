/* yakist — unit tests of the assessment card: the shipped template reads and adds up, every
 * kind of template mistake is an error naming its key, and evaluation scores booleans,
 * thresholds and ratios in integers, with "no data" for a missing source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

static void default_template(void **state)
{
    (void)state;
    struct yk_arena *arena = yk_arena_create(0);
    const struct yk_card_template *t = NULL;
    struct yk_error err;
    assert_int_equal(yk_card_template_load(NULL, arena, &t, &err), 0);
    assert_int_equal(t->ncriteria, 5);
    assert_string_equal(t->criteria[0].id, "policy");
    assert_string_equal(t->criteria[4].id, "use");
    assert_int_equal(t->max, 100);
    unsigned sum = 0;
    for (size_t c = 0; c < t->ncriteria; c++)
        sum += t->criteria[c].max;
    assert_int_equal(sum, t->max);
    yk_arena_destroy(arena);
}

/* One indicator in one criterion; IND is spliced in. */
#define CARD(IND, MAX)                                                                             \
    "{\"id\": \"t\", \"version\": \"1\", \"title\": {\"uk\": \"Т\"}, \"criteria\": [{\"id\": "    \
    "\"c\", \"title\": {\"uk\": \"К\"}, \"max\": " #MAX ", \"indicators\": [" IND "]}]}"

static const struct bad_case {
    const char *text;
    enum yk_err code;
    const char *message; /* a part of the message */
} bad_cases[] = {
    {"{\"id\": ", YK_EPARSE, ""},
    {"[]", YK_EINVAL, "(top): expected an object"},
    {"{\"id\": \"t\", \"title\": {\"uk\": \"Т\"}, \"criteria\": []}", YK_EINVAL,
     "version: missing"},
    {"{\"id\": \"t\", \"version\": \"1\", \"title\": {\"uk\": \"Т\"}, \"criteria\": []}", YK_EINVAL,
     "criteria: expected a non-empty list"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"boolean\"}, \"bogus\": 1}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].bogus: unknown key"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"web\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].source: expected audit, history or policy"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"audit\", "
          "\"key\": \"kpis.nothing\", \"rule\": {\"type\": \"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].key: not an audit key"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 5, \"source\": \"audit\", "
          "\"key\": \"kpis.coverage_pm\", \"rule\": {\"type\": \"thresholds\", \"steps\": "
          "[{\"min\": 1, \"points\": 7}]}}",
          5),
     YK_EINVAL, "criteria[0].indicators[0].rule.steps[0].points: 7 is out of range 0..5"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"boolean\"}}",
          3),
     YK_EINVAL, "criteria[0].max: 3, but its indicators' points add up to 2"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 1, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"boolean\"}}, {\"id\": \"a\", \"title\": {\"uk\": "
          "\"Б\"}, \"points\": 1, \"source\": \"policy\", \"key\": \"y\", \"rule\": {\"type\": "
          "\"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[1].id: this id is used twice"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"ratio\", \"of\": 10, \"of_key\": \"y\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].rule: a ratio takes either"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"sum\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].rule.type: expected boolean, thresholds or ratio"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"audit\", "
          "\"key\": \"kpis.datasets\", \"count\": {\"prefix\": \"2025\"}, \"rule\": {\"type\": "
          "\"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].count: expected an object, and only for a policy"},
    {CARD("{\"id\": \"a\", \"title\": {\"uk\": \"А\"}, \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"a..b\", \"rule\": {\"type\": \"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].key: expected a dotted path"},
    {CARD("{\"id\": \"a\", \"title\": \"А\", \"points\": 2, \"source\": \"policy\", "
          "\"key\": \"x\", \"rule\": {\"type\": \"boolean\"}}",
          2),
     YK_EINVAL, "criteria[0].indicators[0].title: expected an object"},
    {CARD("{\"id\": \"a\", \"id\": \"b\"}", 2), YK_EPARSE, "duplicate"},
};

static void bad_templates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        struct yk_arena *arena = yk_arena_create(0);
        const struct yk_card_template *t = NULL;
        struct yk_error err;
        yk_error_clear(&err);
        int rc = yk_card_template_parse(bad_cases[i].text, strlen(bad_cases[i].text), "t.json",
                                        arena, &t, &err);
        if (rc != (int)bad_cases[i].code || !strstr(err.message, bad_cases[i].message))
            fail_msg("case %zu: rc %d, message '%s'", i, rc, err.message);
        assert_null(t);
        assert_string_equal(err.file, "t.json");
        yk_arena_destroy(arena);
    }
}

static const char eval_card[] =
    "{\"id\": \"t\", \"version\": \"1\", \"title\": {\"uk\": \"Т\", \"en\": \"T\"}, \"criteria\": ["
    "{\"id\": \"p\", \"title\": {\"uk\": \"П\"}, \"max\": 19, \"indicators\": ["
    " {\"id\": \"act\", \"title\": {\"uk\": \"а\"}, \"points\": 4, \"source\": \"policy\","
    "  \"key\": \"act.number\", \"rule\": {\"type\": \"boolean\"}},"
    " {\"id\": \"gone\", \"title\": {\"uk\": \"б\"}, \"points\": 2, \"source\": \"policy\","
    "  \"key\": \"nothing.here\", \"rule\": {\"type\": \"boolean\"}},"
    " {\"id\": \"ratio\", \"title\": {\"uk\": \"в\"}, \"points\": 3, \"source\": \"policy\","
    "  \"key\": \"done_{year}\", \"rule\": {\"type\": \"ratio\", \"of_key\": \"all_{year}\"}},"
    " {\"id\": \"news\", \"title\": {\"uk\": \"г\"}, \"points\": 3, \"source\": \"policy\","
    "  \"key\": \"news\", \"count\": {\"prefix\": \"{year}\"}, \"rule\": {\"type\": \"thresholds\","
    "  \"steps\": [{\"min\": 4, \"points\": 3}, {\"min\": 2, \"points\": 2}]}},"
    " {\"id\": \"events\", \"title\": {\"uk\": \"ґ\"}, \"points\": 2, \"source\": \"policy\","
    "  \"key\": \"events\", \"count\": {\"prefix\": \"{year}\", \"field\": \"date\"},"
    "  \"rule\": {\"type\": \"thresholds\", \"steps\": [{\"min\": 1, \"points\": 2}]}},"
    " {\"id\": \"false\", \"title\": {\"uk\": \"д\"}, \"points\": 5, \"source\": \"policy\","
    "  \"key\": \"charter\", \"rule\": {\"type\": \"boolean\"}}]},"
    "{\"id\": \"q\", \"title\": {\"uk\": \"Я\"}, \"max\": 25, \"indicators\": ["
    " {\"id\": \"cov\", \"title\": {\"uk\": \"е\"}, \"points\": 15, \"source\": \"audit\","
    "  \"key\": \"kpis.coverage_pm\", \"rule\": {\"type\": \"ratio\", \"of\": 1000}},"
    " {\"id\": \"comp\", \"title\": {\"uk\": \"є\"}, \"points\": 6, \"source\": \"audit\","
    "  \"key\": \"kpis.compliant_pm\", \"rule\": {\"type\": \"thresholds\", \"steps\":"
    "  [{\"min\": 850, \"points\": 6}, {\"min\": 500, \"points\": 3}]}},"
    " {\"id\": \"runs\", \"title\": {\"uk\": \"ж\"}, \"points\": 4, \"source\": \"history\","
    "  \"key\": \"history.runs\", \"rule\": {\"type\": \"thresholds\", \"steps\":"
    "  [{\"min\": 4, \"points\": 4}, {\"min\": 2, \"points\": 2}]}}]}]}";

static const char policy[] =
    "{\"act\": {\"number\": \"38-од\"}, \"done_2025\": 9, \"all_2025\": 11, \"done_2024\": 1,"
    " \"news\": {\"2024-Q4\": 3, \"2025-Q1\": 1, \"2025-Q2\": 0, \"2025-Q3\": 2},"
    " \"events\": [{\"date\": \"2025-05-21\"}, {\"date\": \"2024-11-02\"}], \"charter\": false}";

static const struct yk_card_value *value(const struct yk_card_result *r, const char *id)
{
    for (size_t c = 0; c < r->ncriteria; c++)
        for (size_t i = 0; i < r->criteria[c].nvalues; i++)
            if (strcmp(r->criteria[c].values[i].indicator->id, id) == 0)
                return &r->criteria[c].values[i];
    fail_msg("no indicator %s", id);
    return NULL;
}

static void evaluation(void **state)
{
    (void)state;
    struct yk_arena *arena = yk_arena_create(0);
    const struct yk_card_template *t = NULL;
    struct yk_card_result *r = NULL;
    struct yk_error err;
    struct yk_council council = {.name = "Рада", .policy_json = policy};
    struct yk_audit_result audit = {.as_of = "2025-10-01", .council = &council};
    struct yk_history_run runs[] = {
        {.quarter = "2024Q4", .as_of = "2025-01-01"},
        {.quarter = "2025Q1", .as_of = "2025-04-01"},
        {.quarter = "2025Q2", .as_of = "2025-07-01"},
    };
    audit.kpis.coverage_pm = 429;  /* 429 × 15 / 1000 = 6.435: 6 */
    audit.kpis.compliant_pm = 849; /* short of 850 */
    assert_int_equal(yk_card_template_parse(eval_card, strlen(eval_card), "t", arena, &t, &err), 0);

    struct yk_card_input in = {.audit = &audit, .runs = runs, .nruns = 3, .have_history = true};
    assert_int_equal(yk_card_evaluate(t, &in, arena, &r, &err), 0);
    assert_int_equal(r->year, 2025); /* 2025-10-01 reports on 2025Q3 */
    assert_int_equal(value(r, "act")->points, 4);
    assert_non_null(strstr(value(r, "act")->evidence, "policy.act.number"));
    assert_false(value(r, "gone")->has_value);
    assert_int_equal(value(r, "gone")->points, 0);
    assert_non_null(strstr(value(r, "gone")->evidence, "немає даних"));
    assert_int_equal(value(r, "ratio")->points, 2); /* 9 × 3 / 11 = 2.45 */
    assert_int_equal(value(r, "ratio")->of, 11);
    assert_int_equal(value(r, "news")->value, 2); /* 2025 quarters with news */
    assert_int_equal(value(r, "news")->points, 2);
    assert_int_equal(value(r, "events")->value, 1); /* the 2024 event does not count */
    assert_int_equal(value(r, "false")->points, 0);
    assert_true(value(r, "false")->has_value);
    assert_int_equal(value(r, "cov")->points, 6);
    assert_string_equal(value(r, "cov")->shown, "42,9 %");
    assert_int_equal(value(r, "comp")->points, 3);
    assert_int_equal(value(r, "runs")->value, 2); /* 2024Q4 is another year */
    assert_int_equal(value(r, "runs")->points, 2);
    assert_int_equal(r->criteria[0].points, 4 + 2 + 2 + 2);
    assert_int_equal(r->points, 10 + 6 + 3 + 2);
    assert_int_equal(r->max, 44);
    assert_int_equal(r->no_data, 1);

    /* Another year, English, no history: the history is no data, {year} follows the year. */
    struct yk_card_input in2 = {.audit = &audit, .year = 2024, .lang = YK_LANG_EN};
    assert_int_equal(yk_card_evaluate(t, &in2, arena, &r, &err), 0);
    assert_int_equal(value(r, "ratio")->has_value, false); /* no all_2024 */
    assert_int_equal(value(r, "news")->value, 1);
    assert_false(value(r, "runs")->has_value);
    assert_non_null(strstr(value(r, "runs")->evidence, "no history"));
    assert_string_equal(value(r, "cov")->shown, "42.9 %");

    /* Nothing at all: no year to speak of. */
    struct yk_card_input none = {0};
    struct yk_card_result *untouched = NULL;
    assert_int_equal(yk_card_evaluate(t, &none, arena, &untouched, &err), YK_EINVAL);
    assert_null(untouched);
    yk_arena_destroy(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_template),
        cmocka_unit_test(bad_templates),
        cmocka_unit_test(evaluation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
