/* yakist unit tests — the shipped standards: every table of every standard in the index loads
 * cleanly (the project's own schemas carry no quirk), each standard names an item of the
 * Перелік, and names resolve, fail and are suggested as `--standard` needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/catalog.h>
#include <yakist/standard.h>

static void every_standard_loads_cleanly(void **state)
{
    (void)state;
    size_t n = yk_standard_count(), tables = 0;
    assert_true(n >= 16 + 20);
    for (size_t i = 0; i < n; i++) {
        const struct yk_standard *st = yk_standard_at(i);
        assert_non_null(st);
        assert_ptr_equal(yk_standard_find(st->id), st);
        assert_true(st->ntables >= 1);
        for (size_t k = 0; k < st->ntables; k++) {
            struct yk_arena *arena = yk_arena_create(0);
            const struct yk_schema *s = NULL;
            struct yk_error err;
            yk_error_clear(&err);
            int rc = yk_standard_load(st->tables[k].ref, arena, &s, &err);
            if (rc != 0)
                fprintf(stderr, "%s: %s\n", st->tables[k].ref, err.message);
            assert_int_equal(rc, 0);
            assert_true(s->nfields >= 1);
            for (size_t w = 0; w < s->nwarnings; w++)
                fprintf(stderr, "%s: %s %s: %s\n", st->tables[k].ref, s->warnings[w].code,
                        s->warnings[w].path, s->warnings[w].message_en);
            assert_int_equal(s->nwarnings, 0);
            /* A table of several is named ID.TABLE, the only table by the id alone. */
            assert_true(st->ntables == 1 ? st->tables[k].name == NULL
                                         : strncmp(st->tables[k].ref, st->id, strlen(st->id)) == 0);
            yk_arena_destroy(arena);
            tables++;
        }
        assert_null(yk_standard_at(n));
    }
    assert_true(tables > n);
}

static void every_standard_names_a_perelik_item(void **state)
{
    (void)state;
    const struct yk_perelik *p = yk_perelik_city();
    assert_non_null(p);
    for (size_t i = 0; i < yk_standard_count(); i++) {
        const struct yk_standard *st = yk_standard_at(i);
        const struct yk_perelik_item *it = yk_perelik_find(p, st->perelik);
        if (!it)
            fprintf(stderr, "%s: no Перелік item %s\n", st->id, st->perelik);
        assert_non_null(it);
        assert_true(strcmp(st->basis, "2019") == 0 || strcmp(st->basis, "2025-draft") == 0 ||
                    strcmp(st->basis, "derived") == 0);
    }
}

static void names_resolve(void **state)
{
    (void)state;
    const struct yk_standard *st = NULL;
    const struct yk_standard_table *t = NULL;
    struct yk_error err;
    assert_int_equal(yk_standard_resolve("shelters", &st, &t, &err), 0);
    assert_string_equal(st->id, "shelters");
    assert_string_equal(t->file, "shelters.json");
    assert_int_equal(yk_standard_resolve("voting_results.votes", &st, &t, &err), 0);
    assert_string_equal(st->id, "voting_results");
    assert_string_equal(t->name, "votes");
    assert_string_equal(t->file, "voting_results.votes.json");
    /* Several tables need the table; the message lists them. Output is left alone. */
    st = NULL;
    assert_int_equal(yk_standard_resolve("voting_results", &st, &t, &err), YK_EINVAL);
    assert_null(st);
    assert_non_null(strstr(err.message, "voting_results.results, voting_results.votes"));
    assert_int_equal(yk_standard_resolve("shelters.main", &st, &t, &err), YK_ENOTFOUND);
    assert_int_equal(yk_standard_resolve("", &st, &t, &err), YK_ENOTFOUND);
    assert_int_equal(yk_standard_resolve(NULL, &st, &t, NULL), YK_ENOTFOUND);
    assert_null(yk_standard_find("voting_results.votes"));

    struct yk_arena *arena = yk_arena_create(0);
    const struct yk_schema *s = NULL;
    assert_int_equal(yk_standard_load("no_such_standard", arena, &s, &err), YK_ENOTFOUND);
    assert_null(s);
    assert_int_equal(yk_standard_load("shelters", arena, &s, &err), 0);
    assert_string_equal(s->source, "standard:shelters");
    assert_int_equal(s->fields_match, YK_FIELDS_MATCH_EQUAL);
    yk_arena_destroy(arena);
}

static void suggestions(void **state)
{
    (void)state;
    assert_string_equal(yk_standard_suggest("sheltres"), "shelters");
    assert_string_equal(yk_standard_suggest("voting_result"), "voting_results");
    assert_string_equal(yk_standard_suggest("voting_results.vote"), "voting_results.votes");
    assert_null(yk_standard_suggest("budget"));
    assert_null(yk_standard_suggest(NULL));
}

/* What the standards add to Table Schema reaches the model: aliases and foreign keys. */
static void aliases_and_foreign_keys(void **state)
{
    (void)state;
    struct yk_arena *arena = yk_arena_create(0);
    const struct yk_schema *s = NULL;
    assert_int_equal(yk_standard_load("admin_services", arena, &s, NULL), 0);
    const struct yk_schema_field *f = yk_schema_field_find(s, "providedDate", 12, false);
    assert_non_null(f);
    assert_int_equal(f->aliases.n, 1);
    assert_string_equal(f->aliases.v[0], "providDate");
    assert_null(yk_schema_field_find(s, "providDate", 10, false));
    assert_string_equal(yk_schema_field_alias(f, "providDate", 10, false), "providDate");
    assert_null(yk_schema_field_alias(f, "PROVIDDATE", 10, false));
    assert_string_equal(yk_schema_field_alias(f, "PROVIDDATE", 10, true), "providDate");
    assert_int_equal(s->nforeign_keys, 0);

    assert_int_equal(yk_standard_load("voting_results.votes", arena, &s, NULL), 0);
    assert_int_equal(s->nforeign_keys, 1);
    assert_string_equal(s->foreign_keys[0].resource, "results");
    assert_int_equal(s->foreign_keys[0].fields.n, 1);
    assert_string_equal(s->foreign_keys[0].fields.v[0], "motionUid");
    assert_string_equal(s->foreign_keys[0].ref_fields.v[0], "uid");
    yk_arena_destroy(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_standard_loads_cleanly),
        cmocka_unit_test(every_standard_names_a_perelik_item),
        cmocka_unit_test(names_resolve),
        cmocka_unit_test(suggestions),
        cmocka_unit_test(aliases_and_foreign_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
