/* yakist — table-driven tests of the `profile` family: column checks a profile declares, run
 * through yk_check_memory like any rule. Each check kind has a passing, a failing and an edge
 * case (empty values, Unicode, a huge cell, a missing column, several matched columns). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "harness.h"

struct rule_case {
    const char *name;
    const char *entry; /* one element of "columns", its id is "x" */
    const char *csv;
    unsigned count; /* findings of profile.x */
    const char *en; /* a text the first finding's English message holds, or NULL */
    const char *uk; /* the same in Ukrainian */
};

#define COL(check, params) "{\"id\": \"x\", \"column\": \"v\", \"check\": \"" check "\"" params "}"

static const struct rule_case cases[] = {
    /* pattern: the whole value must match */
    {"pattern-pass", COL("pattern", ", \"pattern\": \"[0-9]{5}\""), "v\n46001\n48500\n", 0, NULL,
     NULL},
    {"pattern-fail", COL("pattern", ", \"pattern\": \"[0-9]{5}\""), "v\n46001\n460011\nab\n", 2,
     "column \"v\": \"460011\" does not match the pattern", "«460011» не відповідає шаблону"},
    {"pattern-unicode", COL("pattern", ", \"pattern\": \"(?!вул\\\\.).*\""),
     "v\nШевченка\nвул. Франка\nВУЛ. Лесі\n", 1, "\"вул. Франка\"", NULL},
    {"pattern-empty-skipped", COL("pattern", ", \"pattern\": \"[0-9]+\""), "v\n\n1\n\n", 0, NULL,
     NULL},
    {"pattern-invalid-utf8", COL("pattern", ", \"pattern\": \"[a-z]+\""), "v\nab\xff\n", 1, NULL,
     NULL},
    {"pattern-huge-cell-message",
     COL("pattern", ", \"pattern\": \"[0-9]+\", \"message\": {\"uk\": \"погано: {value}\","
                    " \"en\": \"bad in {column}: {value}!\"}"),
     "v\nabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n", 1,
     "bad in v: abcdefghijklmnopqrstuvwxyzabcdefghijklmn…!", "погано: abcdefghij"},
    /* enum: exact spellings */
    {"enum-pass", COL("enum", ", \"enum\": [\"UAH\", \"USD\"]"), "v\nUAH\nUSD\nUAH\n", 0, NULL,
     NULL},
    {"enum-fail", COL("enum", ", \"enum\": [\"UAH\", \"USD\"]"), "v\nUAH\nгрн\nuah\n", 2,
     "\"грн\" is not one of the allowed values", "«грн» немає серед дозволених значень"},
    {"enum-edge-space-and-prefix", COL("enum", ", \"enum\": [\"UAH\", \"U\"]"),
     "v\nUAH \nUA\nU\n\n", 2, "\"UAH \"", NULL},
    /* range: numbers with a point or a comma, grouped or not */
    {"range-pass", COL("range", ", \"min\": 0, \"max\": 3000"), "v\n0\n2,5\n1 200\n3000\n", 0, NULL,
     NULL},
    {"range-fail", COL("range", ", \"min\": 0, \"max\": 3000"), "v\n-1\n3000.5\n", 2,
     "-1 is below 0", "-1 менше за 0"},
    {"range-above", COL("range", ", \"max\": 10"), "v\n11\n", 1, "11 is above 10",
     "11 більше за 10"},
    {"range-not-a-number", COL("range", ", \"min\": 0"), "v\nabc\n5 грн\n1e5\n 7 \n", 3,
     "\"abc\" is not a number", "«abc» не є числом"},
    /* length: characters, not bytes */
    {"length-pass-cyrillic", COL("length", ", \"minLength\": 2, \"maxLength\": 8"),
     "v\nЧортків\nab\n", 0, NULL, NULL},
    {"length-fail", COL("length", ", \"minLength\": 2, \"maxLength\": 8"), "v\nа\nЧортківськ\n", 2,
     "\"а\" is shorter than 2 characters", "«а» коротше за 2 символів"},
    {"length-huge-cell", COL("length", ", \"maxLength\": 100"), NULL, 1,
     "is longer than 100 characters", NULL},
    /* required: not empty, not only whitespace; a missing column fails once */
    {"required-pass", COL("required", ""), "v,w\na,\nb,\n", 0, NULL, NULL},
    {"required-fail", COL("required", ""), "v,w\na,1\n,2\n  ,3\n", 2,
     "column \"v\": the value is missing", "стовпець «v»: немає значення"},
    {"required-all-null", COL("required", ""), "v,w\n,1\n\"\",2\n ,3\n", 3, NULL, NULL},
    {"required-column-missing", COL("required", ""), "w\n1\n2\n", 1,
     "the required column \"v\" is missing", "немає обов’язкового стовпця «v»"},
    {"required-header-only", COL("required", ""), "v\n", 0, NULL, NULL},
    /* unique: each column on its own; empty values are not repeats */
    {"unique-pass", COL("unique", ""), "v\n1\n2\n\n\n3\n", 0, NULL, NULL},
    {"unique-fail", COL("unique", ""), "v\n1\n2\n1\n1\n", 2, "\"1\" repeats (first on line 2)",
     "«1» повторюється (уперше в рядку 2)"},
    {"unique-columns-apart", "{\"id\": \"x\", \"columnPattern\": \"^code\", \"check\": \"unique\"}",
     "code_a,code_b,other\n1,1,5\n2,2,5\n3,1,5\n", 1, "column \"code_b\": \"1\" repeats", NULL},
    /* which columns: exact name, a pattern over names, none */
    {"column-exact-name", COL("required", ""), "V,v \n,\n", 1, NULL, NULL},
    {"column-pattern-several",
     "{\"id\": \"x\", \"columnPattern\": \"(?i)phone\", \"check\": \"pattern\","
     " \"pattern\": \"\\\\+380[0-9]{9}\"}",
     "name,Phone,workPhone\na,+380501234567,0501234567\nb,380501234567,+380501234567\n", 2, NULL,
     NULL},
    {"column-absent-no-finding", COL("pattern", ", \"pattern\": \"x\""), "w\ny\n", 0, NULL, NULL},
    {"empty-file", COL("required", ""), "", 0, NULL, NULL},
    /* severity off: declared, but does not run */
    {"severity-off", COL("unique", ", \"severity\": \"off\""), "v\n1\n1\n", 0, NULL, NULL},
};

/* A header and one cell of 5000 characters. */
static char *huge_csv(size_t *len)
{
    size_t n = 2 + 5000 + 1;
    char *s = malloc(n + 1);
    if (!s)
        return NULL;
    memcpy(s, "v\n", 2);
    memset(s + 2, 'z', 5000);
    s[n - 1] = '\n';
    s[n] = '\0';
    *len = n;
    return s;
}

static int check_result(const struct rule_case *c, const struct yk_file_result *res)
{
    int bad = 0;
    uint64_t n = harness_count(res, "profile.x");
    const struct yk_finding *f = harness_nth(res, "profile.x", 0);
    if (n != c->count) {
        print_error("%s: %llu findings, expected %u\n", c->name, (unsigned long long)n, c->count);
        bad++;
    }
    if (c->en && (!f || !strstr(f->message_en, c->en))) {
        print_error("%s: English message '%s', expected '%s'\n", c->name,
                    f ? f->message_en : "(none)", c->en);
        bad++;
    }
    if (c->uk && (!f || !strstr(f->message_uk, c->uk))) {
        print_error("%s: Ukrainian message '%s', expected '%s'\n", c->name,
                    f ? f->message_uk : "(none)", c->uk);
        bad++;
    }
    return bad;
}

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    char profile[2048];
    snprintf(profile, sizeof profile, "{\"columns\": [%s]}", c->entry);
    struct yk_registry *reg = NULL;
    struct yk_profile *p = NULL;
    struct yk_error err;
    yk_error_clear(&err);
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    int prc = yk_profile_parse(profile, strlen(profile), c->name, reg, &p, &err);
    if (prc != 0)
        print_error("%s: profile: %s\n", c->name, err.message);
    assert_int_equal(prc, 0);
    assert_int_equal(yk_profile_register(p, reg, &err), 0);

    size_t len = c->csv ? strlen(c->csv) : 0;
    char *built = c->csv ? NULL : huge_csv(&len);
    struct yk_check_options opt;
    harness_options(&opt, reg);
    opt.profile = p;
    opt.format = "csv";
    opt.schema_discover = false;
    struct yk_arena *arena = yk_arena_create(0);
    assert_non_null(arena);
    struct yk_file_result *res = harness_run("test.csv", built ? built : c->csv, len, &opt, arena);
    int bad = check_result(c, res);
    yk_arena_destroy(arena);
    free(built);
    yk_registry_destroy(reg); /* borrows the profile's descriptors: first */
    yk_profile_destroy(p);
    if (bad)
        fail_msg("%s: %d mismatches", c->name, bad);
}

/* Two runs with one profile: the compiled checks are shared, each run has its own match data
 * and its own set of values. */
static void two_runs_share_one_profile(void **state)
{
    (void)state;
    const char *profile = "{\"columns\": [" COL(
        "unique", "") ","
                      "{\"id\": \"y\", \"column\": \"v\", \"check\": \"pattern\","
                      " \"pattern\": \"[0-9]\"}]}";
    struct yk_registry *reg = NULL;
    struct yk_profile *p = NULL;
    assert_int_equal(yk_registry_create(&reg, NULL), 0);
    assert_int_equal(yk_profile_parse(profile, strlen(profile), "p", reg, &p, NULL), 0);
    assert_int_equal(yk_profile_register(p, reg, NULL), 0);
    struct yk_check_options opt;
    harness_options(&opt, reg);
    opt.profile = p;
    opt.format = "csv";
    for (int round = 0; round < 2; round++) {
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_file_result *res = NULL;
        assert_int_equal(yk_check_memory("v\n1\n1\nx\n", 8, "t.csv", &opt, arena, &res, NULL), 0);
        /* The second run starts with an empty set: still one repeat, not three. */
        assert_int_equal(harness_count(res, "profile.x"), 1);
        assert_int_equal(harness_count(res, "profile.y"), 1);
        yk_arena_destroy(arena);
    }
    yk_registry_destroy(reg);
    yk_profile_destroy(p);
}

int main(void)
{
    size_t n = sizeof cases / sizeof cases[0];
    struct CMUnitTest *tests = calloc(n + 1, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < n; i++) {
        tests[i].name = cases[i].name;
        tests[i].test_func = run_case;
        tests[i].initial_state = (void *)&cases[i];
    }
    tests[n].name = "two_runs_share_one_profile";
    tests[n].test_func = two_runs_share_one_profile;
    int rc = _cmocka_run_group_tests("profile_rules", tests, n + 1, NULL, NULL);
    free(tests);
    return rc;
}
