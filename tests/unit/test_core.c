/* yakist — unit tests of the core: the arena, the registry and profiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

static int deferred_calls;
static int deferred_order[4];

static void note_deferred(void *p)
{
    deferred_order[deferred_calls++] = *(int *)p;
}

static void arena_alignment_and_growth(void **state)
{
    (void)state;
    struct yk_arena *a = yk_arena_create(256);
    assert_non_null(a);
    for (int i = 0; i < 1000; i++) {
        void *p = yk_arena_alloc(a, (size_t)(i % 37) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, (size_t)(i % 37) + 1);
    }
    /* A request larger than the chunk size gets a chunk of its own. */
    char *big = yk_arena_alloc(a, 10000);
    assert_non_null(big);
    memset(big, 1, 10000);
    char *s = yk_arena_strdup(a, "Чортків");
    assert_string_equal(s, "Чортків");
    char *n = yk_arena_strndup(a, "abcdef", 3);
    assert_string_equal(n, "abc");
    char *f = yk_arena_printf(a, "%s-%d", "рядок", 42);
    assert_string_equal(f, "рядок-42");
    assert_true(yk_arena_used(a) >= 10000);
    int *z = yk_arena_calloc(a, 100, sizeof *z);
    for (int i = 0; i < 100; i++)
        assert_int_equal(z[i], 0);
    assert_null(yk_arena_calloc(a, SIZE_MAX / 2, 4));
    yk_arena_destroy(a);
    yk_arena_destroy(NULL);
}

static void arena_defer_runs_in_reverse(void **state)
{
    (void)state;
    static int one = 1, two = 2, three = 3;
    deferred_calls = 0;
    struct yk_arena *a = yk_arena_create(0);
    assert_int_equal(yk_arena_defer(a, note_deferred, &one), 0);
    assert_int_equal(yk_arena_defer(a, note_deferred, &two), 0);
    assert_int_equal(yk_arena_defer(a, note_deferred, &three), 0);
    assert_int_equal(deferred_calls, 0);
    yk_arena_destroy(a);
    assert_int_equal(deferred_calls, 3);
    assert_int_equal(deferred_order[0], 3);
    assert_int_equal(deferred_order[2], 1);
}

static const struct yk_param_desc demo_params[] = {
    {.name = "limit", .type = YK_PARAM_INT, .default_value = "5", .min = 1, .max = 10},
    {.name = "strict", .type = YK_PARAM_BOOL, .default_value = "false"},
};
static const struct yk_rule demo_a = {.id = "demo.alpha", .severity = YK_SEV_WARNING, .weight = 3,
                                      .params = demo_params, .nparams = 2};
static const struct yk_rule demo_b = {.id = "demo.beta", .severity = YK_SEV_ERROR, .weight = 1};
static const struct yk_rule *const demo_rules[] = {&demo_a, &demo_b};
static const struct yk_family demo_family = {.name = "demo", .rules = demo_rules, .nrules = 2};

static const struct yk_rule bad_prefix = {.id = "other.x"};
static const struct yk_rule *const bad_rules[] = {&bad_prefix};
static const struct yk_family bad_family = {.name = "bad", .rules = bad_rules, .nrules = 1};

static struct yk_registry *demo_registry(void)
{
    struct yk_registry *reg = NULL;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    assert_int_equal(yk_registry_add_family(reg, &demo_family, &err), 0);
    return reg;
}

static void registry_lookup_and_rejects(void **state)
{
    (void)state;
    struct yk_registry *reg = demo_registry();
    struct yk_error err;
    size_t n = yk_registry_count(reg);
    assert_true(n >= 2);
    assert_ptr_equal(yk_registry_find(reg, "demo.beta"), &demo_b);
    assert_null(yk_registry_find(reg, "demo.gamma"));
    assert_int_equal(yk_registry_index(reg, &demo_b), n - 1);
    /* Every built-in id is unique and found again by lookup. */
    for (size_t i = 0; i < n; i++)
        assert_ptr_equal(yk_registry_find(reg, yk_registry_rule(reg, i)->id),
                         yk_registry_rule(reg, i));
    assert_int_equal(yk_registry_add_family(reg, &demo_family, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "demo.alpha"));
    assert_int_equal(yk_registry_add_family(reg, &bad_family, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "other.x"));
    yk_registry_destroy(reg);
}

static int parse(struct yk_registry *reg, const char *text, struct yk_profile **p,
                 struct yk_error *err)
{
    return yk_profile_parse(text, strlen(text), "p.json", reg, p, err);
}

static void profile_overrides(void **state)
{
    (void)state;
    struct yk_registry *reg = demo_registry();
    struct yk_profile *p = NULL;
    struct yk_error err;
    assert_int_equal(parse(reg,
                           "{\"name\":\"ci\",\"version\":1,\"rules\":{"
                           "\"demo.*\":\"info\","
                           "\"demo.alpha\":{\"weight\":7,\"params\":{\"limit\":9,\"strict\":true}},"
                           "\"demo.beta\":false}}",
                           &p, &err),
                     0);
    assert_string_equal(yk_profile_name(p), "ci");
    assert_int_equal(yk_profile_severity(p, &demo_a), YK_SEV_INFO);
    assert_int_equal(yk_profile_weight(p, &demo_a), 7);
    assert_string_equal(yk_profile_param(p, &demo_a, "limit"), "9");
    assert_string_equal(yk_profile_param(p, &demo_a, "strict"), "true");
    assert_null(yk_profile_param(p, &demo_a, "nope"));
    assert_true(yk_profile_enabled(p, &demo_a));
    assert_false(yk_profile_enabled(p, &demo_b));
    yk_profile_destroy(p);
    /* Without a profile the descriptor's defaults apply. */
    assert_int_equal(yk_profile_severity(NULL, &demo_a), YK_SEV_WARNING);
    assert_string_equal(yk_profile_param(NULL, &demo_a, "limit"), "5");
    yk_registry_destroy(reg);
}

static void profile_errors_name_the_key(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *key;
    } cases[] = {
        {"{\"rules\":{\"demo.gamma\":\"error\"}}", "rules.demo.gamma"},
        {"{\"rules\":{\"demo.alpha\":\"fatal\"}}", "rules.demo.alpha"},
        {"{\"rules\":{\"demo.alpha\":{\"weight\":-1}}}", "rules.demo.alpha.weight"},
        {"{\"rules\":{\"demo.alpha\":{\"params\":{\"limit\":11}}}}", "rules.demo.alpha.params.limit"},
        {"{\"rules\":{\"demo.alpha\":{\"params\":{\"size\":1}}}}", "rules.demo.alpha.params.size"},
        {"{\"rules\":{\"demo.alpha\":{\"colour\":1}}}", "rules.demo.alpha.colour"},
        {"{\"rulez\":{}}", "rulez"},
        {"{\"version\":2}", "version"},
        {"[1,2]", "JSON object"},
        {"{\"rules\":", "not a valid profile"},
    };
    struct yk_registry *reg = demo_registry();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct yk_profile *p = NULL;
        struct yk_error err;
        int rc = parse(reg, cases[i].text, &p, &err);
        assert_true(rc < 0);
        assert_null(p);
        assert_non_null(strstr(err.message, cases[i].key));
        assert_string_equal(err.file, "p.json");
    }
    yk_registry_destroy(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_alignment_and_growth),
        cmocka_unit_test(arena_defer_runs_in_reverse),
        cmocka_unit_test(registry_lookup_and_rejects),
        cmocka_unit_test(profile_overrides),
        cmocka_unit_test(profile_errors_name_the_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
