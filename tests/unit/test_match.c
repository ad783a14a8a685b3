/* yakist — unit tests of the Перелік and of matching datasets to it: every wording matches its
 * own item, real-world title variants (numbered, abbreviated, holder appended, older titles,
 * mixed apostrophes and quotes, capitals, Latin look-alikes) find theirs, titles beyond the
 * Перелік stay beyond it, and explicit fields and council mappings win over titles. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "match.h"

/* --- the Перелік --------------------------------------------------------------------------- */

static void perelik_shape(void **state)
{
    (void)state;
    const struct yk_perelik *p = yk_perelik_city();
    assert_non_null(p);
    assert_int_equal(p->nitems, 73);
    size_t all = 0, local = 0, competence = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const struct yk_perelik_item *it = &p->items[i];
        all += it->block == YK_BLOCK_ALL;
        local += it->block == YK_BLOCK_LOCAL;
        competence += it->competence_only;
        assert_non_null(it->title);
        assert_true(it->naliases > 0);
        assert_ptr_equal(yk_perelik_find(p, it->key), it);
    }
    assert_int_equal(all, 16);
    assert_int_equal(local, 57);
    assert_true(competence >= 4);
    assert_string_equal(p->items[0].key, "all.1");
    assert_string_equal(yk_perelik_find(p, "local.49")->standard, "waste_facilities");
    assert_int_equal(yk_perelik_find(p, "local.49")->position, 49);
    assert_null(yk_perelik_find(p, "local.58"));
    assert_null(yk_perelik_find(p, "Local.49")); /* keys are exact; matching folds case */
    assert_null(yk_perelik_find(p, NULL));
    assert_null(yk_perelik_find(NULL, "all.1"));
}

static void *read_perelik(void *arg)
{
    (void)arg;
    return (void *)yk_perelik_city();
}

/* The first use may come from several threads at once: all get the same storage. */
static void perelik_once_across_threads(void **state)
{
    (void)state;
    pthread_t t[4];
    void *got[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, read_perelik, NULL), 0);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(t[i], &got[i]), 0);
        assert_ptr_equal(got[i], yk_perelik_city());
    }
}

/* --- matching titles ----------------------------------------------------------------------- */

static const char *const chortkiv_aliases[] = {"Управління освіти"};
static const char *const vodokanal_aliases[] = {"Чортківське ВУВКГ"};
static struct yk_publisher chortkiv_publishers[] = {
    {.id = "edu",
     .name = "Управління освіти, молоді та спорту Чортківської міської ради",
     .aliases = chortkiv_aliases,
     .naliases = 1},
    {.id = "water", .name = "КП «Чортківське ВУВКГ»", .aliases = vodokanal_aliases, .naliases = 1},
};
static struct yk_mapping chortkiv_mappings[] = {
    {.dataset = "mapa-ukryttiv", .item = "local.55"},
    {.dataset = "d-77", .item = "none"},
    {.dataset = "stare", .item = "local.999"},
};
static struct yk_council chortkiv = {
    .name = "Чортківська міська рада",
    .publishers = chortkiv_publishers,
    .npublishers = 2,
    .mappings = chortkiv_mappings,
    .nmappings = 3,
};

struct fixture {
    struct yk_arena *arena;
    struct yk_matcher *plain;    /* no council */
    struct yk_matcher *chortkiv; /* with the council's names and mappings */
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->arena = yk_arena_create(0);
    if (yk_matcher_create(yk_perelik_city(), NULL, f->arena, &f->plain) < 0 ||
        yk_matcher_create(yk_perelik_city(), &chortkiv, f->arena, &f->chortkiv) < 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    yk_arena_destroy(f->arena);
    free(f);
    return 0;
}

/* The official title and every alias of every item match that item, fully. */
static void every_wording_matches_its_item(void **state)
{
    struct fixture *f = *state;
    const struct yk_perelik *p = yk_perelik_city();
    for (size_t i = 0; i < p->nitems; i++)
        for (size_t k = 0; k <= p->items[i].naliases; k++) {
            const char *t = k ? p->items[i].aliases[k - 1] : p->items[i].title;
            struct yk_item_match m;
            yk_matcher_title(f->plain, t, &m);
            if (m.item != &p->items[i])
                fail_msg("«%s» matched %s, not %s", t, m.item ? m.item->key : "nothing",
                         p->items[i].key);
            assert_int_equal(m.how, YK_MATCH_TITLE);
            assert_int_equal(m.score, 1000);
            assert_true(m.runner_up != m.item);
        }
}

struct title_case {
    const char *title;
    const char *item;   /* NULL: beyond the Перелік */
    unsigned min_score; /* for a match; for none, the best candidate stays below the threshold */
    bool council;       /* match with the council's names */
};

static const struct title_case title_cases[] = {
    /* numbering prefixes */
    {"2.49. Дані про місцезнаходження комунальних об’єктів управління відходами", "local.49", 800,
     false},
    {"1) Титульні списки", "local.3", 1000, false},
    {"п. 3 Титульні списки", "local.3", 1000, false},
    {"№ 55. Захисні споруди цивільного захисту", "local.55", 1000, false},
    /* older and abbreviated titles */
    {"Розклад руху громадського транспорту", "local.39", 1000, false},
    {"Перелік розпорядників бюджетних коштів", "all.1", 1000, false},
    {"Зупинки транспорту", "local.10", 800, false},
    {"Черга в дитячі садки", "local.25", 1000, false},
    {"Місця для вигулу собак", "local.53", 800, false},
    {"Результати поіменного голосування депутатів на сесіях", "local.12", 850, false},
    {"Перелік земельних ділянок", "local.40", 800, false},
    {"Споживання комунальних послуг закладами освіти", "local.30", 700, false},
    /* the holder's name appended, generic or the council's own */
    {"Розклад руху громадського транспорту м. Чортків", "local.39", 1000, false},
    {"Укриття Чортківської ТГ", "local.55", 1000, false},
    {"«Реєстр наборів даних» Чортківської міської ради", "all.6", 1000, false},
    {"Організаційна структура Чортківської міської ради", "all.2", 1000, false},
    {"Депутати Чортківської міської ради", "local.13", 1000, false},
    {"Дані про черги дітей у дошкільні навчальні заклади Управління освіти, молоді та спорту "
     "Чортківської міської ради",
     "local.25", 1000, true},
    {"Тарифи на комунальні послуги (Чортківське ВУВКГ)", "local.44", 1000, true},
    /* apostrophes, quotes, capitals, Latin look-alikes */
    {"Перелік об'єктів комунальної власності", "local.1", 1000, false},
    {"Перелік обʼєктів комунальної власності", "local.1", 1000, false},
    {"Перелік об`єктів комунальної власності", "local.1", 1000, false},
    {"ПЕРЕЛІК ОБ’ЄКТІВ КОМУНАЛЬНОЇ ВЛАСНОСТІ", "local.1", 1000, false},
    {"Пepeлiк oб’єктiв комунальної власності", "local.1", 1000, false},
    {"Адміністративні дані в значенні Закону України \"Про офіційну статистику\"", "all.7", 1000,
     false},
    {"Адміністративні дані в значенні Закону України «Про офіційну статистику»", "all.7", 1000,
     false},
    /* beyond the Перелік */
    {"Перелік вулиць Чортківської громади", NULL, 0, true},
    {"Штатний розпис", NULL, 0, false},
    {"Паспорти бюджетних програм", NULL, 0, false},
    {"Звернення громадян", NULL, 0, false},
    /* one word is not enough for a longer wording */
    {"Бюджет Чортківської міської територіальної громади на 2025 рік", NULL, 0, false},
    {"Петиції", NULL, 0, false},
};

static void real_world_titles(void **state)
{
    struct fixture *f = *state;
    for (size_t i = 0; i < sizeof title_cases / sizeof title_cases[0]; i++) {
        const struct title_case *c = &title_cases[i];
        struct yk_item_match m;
        yk_matcher_title(c->council ? f->chortkiv : f->plain, c->title, &m);
        if (!c->item) {
            if (m.item)
                fail_msg("«%s» matched %s (%u)", c->title, m.item->key, m.score);
            assert_int_equal(m.how, YK_MATCH_NONE);
            assert_int_equal(m.score, 0);
            assert_true(m.runner_up_score < YK_MATCH_THRESHOLD);
            continue;
        }
        if (!m.item || strcmp(m.item->key, c->item) != 0)
            fail_msg("«%s» matched %s (%u), not %s", c->title, m.item ? m.item->key : "nothing",
                     m.score, c->item);
        if (m.score < c->min_score)
            fail_msg("«%s»: score %u below %u", c->title, m.score, c->min_score);
        assert_true(m.runner_up_score <= m.score);
    }
}

/* The council's names are stripped only when they are known. */
static void holder_names_need_the_council(void **state)
{
    struct fixture *f = *state;
    const char *t = "Тарифи на комунальні послуги КП «Чортківське ВУВКГ»";
    struct yk_item_match with, without;
    yk_matcher_title(f->chortkiv, t, &with);
    yk_matcher_title(f->plain, t, &without);
    assert_int_equal(with.score, 1000);
    assert_string_equal(without.item->key, "local.44");
    assert_true(without.score < with.score);
}

/* Same title, same answer; apostrophe spellings are one word. */
static void deterministic(void **state)
{
    struct fixture *f = *state;
    struct yk_item_match a, b, c;
    yk_matcher_title(f->plain, "Перелік об'єктів, що передані в оренду", &a);
    yk_matcher_title(f->plain, "Перелік об’єктів, що передані в оренду", &b);
    for (int i = 0; i < 1000; i++)
        yk_matcher_title(f->plain, "Перелік об’єктів, що передані в оренду", &c);
    assert_memory_equal(&a, &b, sizeof a);
    assert_memory_equal(&b, &c, sizeof b);
    assert_string_equal(a.item->key, "local.33");
}

static void hostile_titles(void **state)
{
    struct fixture *f = *state;
    struct yk_item_match m;
    yk_matcher_title(f->plain, NULL, &m);
    assert_null(m.item);
    assert_null(m.runner_up);
    yk_matcher_title(f->plain, "", &m);
    assert_null(m.item);
    yk_matcher_title(f->plain, "2.49. — «» 1) ...", &m);
    assert_null(m.item);
    yk_matcher_title(f->plain, "\xff\xfe Розклад \xc0\x80 руху \xed\xa0\x80 транспорту", &m);
    assert_string_equal(m.item->key, "local.39");
    /* Far more words and bytes than are looked at. */
    size_t n = 3 * YK_MATCH_TITLE_MAX;
    char *big = malloc(n + 1);
    const char *words = "Розклад руху ";
    for (size_t i = 0; i < n; i++)
        big[i] = words[i % strlen(words)];
    big[n] = 0;
    yk_matcher_title(f->plain, big, &m);
    assert_true(m.score <= 1000);
    memset(big, 'a', n);
    yk_matcher_title(f->plain, big, &m);
    assert_null(m.item);
    free(big);
}

/* --- matching datasets --------------------------------------------------------------------- */

static void explicit_and_council_mappings(void **state)
{
    struct fixture *f = *state;
    const struct yk_perelik *p = yk_perelik_city();
    struct yk_item_match m;
    struct yk_dataset d = {
        .id = "d-1", .name = "tsili", .title = "Розклад руху", .perelik_item = " LOCAL.45 "};
    yk_matcher_dataset(f->chortkiv, &d, &m);
    assert_int_equal(m.how, YK_MATCH_CATALOG);
    assert_ptr_equal(m.item, yk_perelik_find(p, "local.45"));
    assert_int_equal(m.score, 1000);
    /* The title says something else: it is the runner-up, so a wrong field shows. */
    assert_string_equal(m.runner_up->key, "local.39");
    assert_int_equal(m.runner_up_score, 1000);

    /* A field that names no item falls through to the council and the title. */
    d.perelik_item = "2.49";
    yk_matcher_dataset(f->chortkiv, &d, &m);
    assert_int_equal(m.how, YK_MATCH_TITLE);
    assert_string_equal(m.item->key, "local.39");

    /* The council's mapping by slug, and "none" by id. */
    struct yk_dataset u = {.id = "x", .name = "mapa-ukryttiv", .title = "Мапа"};
    yk_matcher_dataset(f->chortkiv, &u, &m);
    assert_int_equal(m.how, YK_MATCH_COUNCIL);
    assert_string_equal(m.item->key, "local.55");
    struct yk_dataset none = {.id = "d-77", .title = "Розклад руху громадського транспорту"};
    yk_matcher_dataset(f->chortkiv, &none, &m);
    assert_int_equal(m.how, YK_MATCH_COUNCIL);
    assert_null(m.item);
    assert_string_equal(m.runner_up->key, "local.39");
    /* A mapping to an item that does not exist is ignored. */
    struct yk_dataset stale = {.id = "stare", .title = "Штатний розпис"};
    yk_matcher_dataset(f->chortkiv, &stale, &m);
    assert_int_equal(m.how, YK_MATCH_NONE);
    /* Without the council, the same dataset is matched by its title. */
    yk_matcher_dataset(f->plain, &none, &m);
    assert_int_equal(m.how, YK_MATCH_TITLE);
}

static void fold_names(void **state)
{
    (void)state;
    char a[128], b[128], small[8];
    yk_match_fold_name("КП «Чортківське ВУВКГ»", a, sizeof a);
    yk_match_fold_name("  кп   ЧОРТКІВСЬКЕ вувкг. ", b, sizeof b);
    assert_string_equal(a, "кп чортківське вувкг");
    assert_string_equal(a, b);
    yk_match_fold_name("Відділ транспорту та зв’язку", a, sizeof a);
    yk_match_fold_name("Відділ транспорту та зв'язку", b, sizeof b);
    assert_string_equal(a, b);
    assert_int_equal(yk_match_fold_name(NULL, a, sizeof a), 0);
    assert_string_equal(a, "");
    /* Never more than cap bytes, always terminated, never half a letter. */
    size_t n = yk_match_fold_name("Чортків Чортків", small, sizeof small);
    assert_true(n < sizeof small);
    assert_int_equal(strlen(small), n);
    assert_int_equal(n % 2, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(perelik_once_across_threads), /* first: the first use is from threads */
        cmocka_unit_test(perelik_shape),
        cmocka_unit_test_setup_teardown(every_wording_matches_its_item, setup, teardown),
        cmocka_unit_test_setup_teardown(real_world_titles, setup, teardown),
        cmocka_unit_test_setup_teardown(holder_names_need_the_council, setup, teardown),
        cmocka_unit_test_setup_teardown(deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_titles, setup, teardown),
        cmocka_unit_test_setup_teardown(explicit_and_council_mappings, setup, teardown),
        cmocka_unit_test(fold_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
