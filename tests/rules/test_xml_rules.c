/* yakist — table-driven tests of the `xml` rule family. Each case is a small XML document (or a
 * file under fixtures/xml) checked with every built-in rule at its defaults. The count of every
 * `xml` rule is asserted exactly (a rule a case does not list must stay silent), and listed
 * findings must appear with that row, field and line and a message holding the given text.
 * Each rule has a passing, a failing and an edge case; every rule's example must trigger it. */
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

#ifndef YK_FIXTURES
#error "YK_FIXTURES must name the fixtures/xml directory"
#endif

struct rule_case {
    const char *name;
    const char *xml;      /* the document, or */
    const char *fixture;  /* a file under fixtures/xml, or */
    char *(*build)(void); /* a document made at run time (malloc) */
    const char *record_path;
    HARNESS_WANT;
};

/* Records nested n elements deep below the root and a record: depth n + 2 at the innermost. */
static char *nested(size_t n)
{
    char *s = malloc(n * 8 + 64), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "<r>\n<i><v>1</v></i>\n<i>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<x>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "</x>");
    sprintf(p, "</i>\n</r>\n");
    return s;
}

static char *depth_64(void) /* the default limit, exactly */
{
    return nested(62);
}

static char *depth_65(void)
{
    return nested(63);
}

/* Seventy records, each adding a field of its own: more than xml.extra_field names. */
static char *many_extra_fields(void)
{
    char *s = malloc(70 * 48 + 64), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "<r>\n<i><id>0</id></i>\n");
    for (int i = 1; i <= 70; i++)
        p += sprintf(p, "<i><id>%d</id><поле_%d>%d</поле_%d></i>\n", i, i, i, i);
    sprintf(p, "</r>\n");
    return s;
}

#define DEPUTY(id, extra) "<депутат id=\"" id "\"><піб>Коваль Олена</піб>" extra "</депутат>\n"

static const struct rule_case cases[] = {
    /* A clean file: every xml rule passes. */
    {"clean", .xml = "<?xml version=\"1.0\"?>\n<депутати>\n" DEPUTY("1", "<округ>1</округ>")
                  DEPUTY("2", "<округ>2</округ>") "</депутати>\n"},

    /* xml.not_well_formed */
    {"mismatched tag", .xml = "<r>\n<i><a>1</a></i>\n<i><a>2</b></i>\n<i><a>3</a></i>\n</r>\n",
     .counts = {{"xml.not_well_formed", 1}},
     .locs = {{"xml.not_well_formed", 3, 0, 3, "tag mismatch: a line 3 and b"}}},
    {"cut short", .xml = "<r>\n<i><a>1</a></i>\n<i><a>2", .counts = {{"xml.not_well_formed", 1}},
     .locs = {{"xml.not_well_formed", 3, 0, 3, "ends before <a> is closed"}}},
    {"declared UTF-8, written in windows-1251",
     .xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r><i><a>\xCA\xE8\xBF\xE2</a></i></r>",
     .counts = {{"xml.not_well_formed", 1}},
     .locs = {{"xml.not_well_formed", 2, 0, 2, "not proper UTF-8"}}},

    /* xml.missing_field */
    {"missing field",
     .xml = "<депутати>\n" DEPUTY("1", "<округ>1</округ>") DEPUTY("2", "")
         DEPUTY("3", "") "</депутати>\n",
     .counts = {{"xml.missing_field", 1}},
     .locs = {{"xml.missing_field", 3, 3, 3, "field 'округ' is missing from 2 of 3 records"}}},
    {"first record empty: nothing is missing, all is extra",
     .xml = "<r>\n<i/>\n<i><a>1</a></i>\n</r>\n", .counts = {{"xml.extra_field", 1}},
     .locs = {{"xml.extra_field", 3, 0, 3, "field 'a'"}}},

    /* xml.extra_field */
    {"extra field",
     .xml = "<депутати>\n" DEPUTY("1", "") DEPUTY("2", "<телефон>0355221234</телефон>")
         DEPUTY("3", "<телефон>0355221235</телефон>") "</депутати>\n",
     .counts = {{"xml.extra_field", 1}},
     .locs = {{"xml.extra_field", 3, 0, 3,
               "'телефон', absent from the first record, appears in 2 "
               "of 3 records"}}},
    {"many extra fields", .build = many_extra_fields, .counts = {{"xml.extra_field", 65}},
     .locs = {{"xml.extra_field", 3, 0, 3, "'поле_1'"},
              {"xml.extra_field", 67, 0, 67, "more fields outside the header: 6 occurrences"}}},

    /* xml.repeated_field */
    {"repeated element",
     .xml = "<депутати>\n" DEPUTY("1", "<телефон>1</телефон>")
         DEPUTY("2", "<телефон>2</телефон>\n<телефон>3</телефон>") "</депутати>\n",
     .counts = {{"xml.repeated_field", 1}},
     .locs = {{"xml.repeated_field", 3, 3, 4, "field 'телефон' occurs more than once"}}},
    {"attribute and element of one name", .xml = "<r>\n<i id=\"1\"><id>2</id></i>\n</r>\n",
     .counts = {{"xml.repeated_field", 1}},
     .locs = {{"xml.repeated_field", 2, 1, 2, "field 'id'"}}},

    /* xml.mixed_content */
    {"mixed field",
     .xml = "<r>\n<i><адреса>м. Чортків<вулиця>Шевченка</вулиця></адреса></i>\n</r>\n",
     .counts = {{"xml.mixed_content", 1}},
     .locs = {{"xml.mixed_content", 2, 2, 2, "'адреса' mixes text with child elements"}}},
    {"mixed record", .xml = "<r>\n<i>Іваненко\n <a>1</a>\n</i>\n</r>\n",
     .counts = {{"xml.mixed_content", 1}}, .locs = {{"xml.mixed_content", 2, 2, 2, "'i' mixes"}}},
    {"layout whitespace is not mixed content",
     .xml = "<r>\n  <i>\n    <a>\n      <b>1</b>\n    </a>\n  </i>\n</r>\n"},

    /* xml.depth_limit */
    {"depth 64 is allowed", .build = depth_64,
     .counts = {{"xml.missing_field", 1}, {"xml.extra_field", 1}}},
    {"depth 65 is not", .build = depth_65, .counts = {{"xml.depth_limit", 1}},
     .locs = {{"xml.depth_limit", 3, 0, 3, "nested deeper than allowed (x)"}}},

    /* xml.external_reference */
    {"external entity", .fixture = "hostile/xxe-file.xml",
     .counts = {{"xml.external_reference", 1}, {"xml.entity_reference", 1}},
     .locs = {{"xml.external_reference", 0, 0, 3, "ENTITY xxe SYSTEM \"file:///etc/passwd\""}}},
    {"external DTD and parameter entity", .fixture = "hostile/xxe-parameter.xml",
     .counts = {{"xml.external_reference", 3}},
     .locs = {{"xml.external_reference", 0, 0, 2, "DOCTYPE дозволи SYSTEM"},
              {"xml.external_reference", 0, 0, 3, "ENTITY % remote SYSTEM"},
              {"xml.external_reference", 0, 0, 5, "ENTITY logo SYSTEM"}}},
    {"a DOCTYPE without external parts",
     .xml = "<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r><i><a>1</a></i></r>\n"},

    /* xml.entity_expansion, xml.entity_declaration, xml.entity_reference */
    {"billion laughs", .fixture = "hostile/billion-laughs.xml",
     .counts = {{"xml.entity_declaration", 1},
                {"xml.entity_expansion", 9},
                {"xml.entity_reference", 2}},
     .locs = {{"xml.entity_expansion", 0, 0, 12, "entity 'lol9' is built from other entities"},
              {"xml.entity_reference", 2, 0, 15, "'&lol9;'"}}},
    {"quadratic blowup", .fixture = "hostile/quadratic-blowup.xml",
     .counts = {{"xml.entity_declaration", 1}, {"xml.entity_reference", 5000}}},
    {"entity with predefined and character references only",
     .xml = "<!DOCTYPE r [<!ENTITY рада \"Чортківська &amp; &#1028; рада\">]>\n"
            "<r><i><a>&рада;</a></i></r>\n",
     .counts = {{"xml.entity_declaration", 1}, {"xml.entity_reference", 1}},
     .locs = {{"xml.entity_declaration", 0, 0, 1, "declares entity 'рада'"},
              {"xml.entity_reference", 2, 0, 2, "'&рада;' was not expanded"}}},
    {"redeclared predefined entity and unused entity",
     .xml =
         "<!DOCTYPE r [<!ENTITY lt \"&#38;#60;\"><!ENTITY u \"x\">]>\n<r><i><a>&lt;</a></i></r>\n",
     .counts = {{"xml.entity_declaration", 1}}},
    {"undeclared entity under an external DTD",
     .xml = "<!DOCTYPE r SYSTEM \"r.dtd\">\n<r><i><a>&nbsp;</a></i></r>\n",
     .counts = {{"xml.external_reference", 1}, {"xml.entity_reference", 1}}},

    /* Fixtures: realistic files. */
    {"deputies", .fixture = "deputies.xml"},
    {"deputies in windows-1251", .fixture = "deputies-cp1251.xml"},
    {"advertising permits under a wrapper", .fixture = "ad-permits.xml"},
    {"advertising permits by path", .fixture = "ad-permits.xml", .record_path = "дозволи/дозвіл"},
    {"deputies with defects", .fixture = "deputies-defects.xml",
     .counts = {{"xml.missing_field", 2},
                {"xml.extra_field", 2},
                {"xml.repeated_field", 1},
                {"xml.mixed_content", 1}},
     .locs = {{"xml.missing_field", 3, 4, 9, "'округ' is missing from 1 of 4"},
              {"xml.repeated_field", 3, 5, 13, "'телефон'"},
              {"xml.extra_field", 4, 0, 20, "'email'"},
              {"xml.mixed_content", 5, 0, 22, "'депутат' mixes"}}},
    {"malformed", .fixture = "hostile/malformed.xml", .counts = {{"xml.not_well_formed", 1}},
     .locs = {{"xml.not_well_formed", 3, 0, 4, "Opening and ending tag mismatch"}}},
    {"deep nesting", .fixture = "hostile/deep-nesting.xml", .counts = {{"xml.depth_limit", 1}},
     .locs = {{"xml.depth_limit", 3, 0, 4, NULL}}},
};

static struct yk_registry *registry;

/* Check one case; false (with the differences printed) when the xml rules disagree. */
static bool check_case(const struct rule_case *c)
{
    char *built = c->build ? c->build() : NULL;
    struct yk_check_options opt;
    harness_options(&opt, registry);
    opt.record_path = c->record_path;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL;
    struct yk_error err;
    int rc;
    if (c->fixture) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", YK_FIXTURES, c->fixture);
        rc = yk_check_file(path, &opt, arena, &res, &err);
    } else {
        const char *doc = built ? built : c->xml;
        assert_non_null(doc);
        opt.format = "xml";
        rc = yk_check_memory(doc, strlen(doc), c->name, &opt, arena, &res, &err);
    }
    if (rc != 0)
        fail_msg("%s: check: %d %s", c->name, rc, err.message);
    const struct harness h = {.registry = registry, .family = &yk_family_xml};
    int bad = harness_check_counts(&h, c->name, c->counts, res) +
              harness_find_locs(c->name, c->locs, res);
    if (bad)
        harness_dump(NULL, res);
    yk_arena_destroy(arena);
    free(built);
    return bad == 0;
}

static void run_cases(void **state)
{
    (void)state;
    bool ok = true;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ok = check_case(&cases[i]) && ok;
    assert_true(ok);
}

/* Every descriptor is complete, and every example written as XML triggers its rule. */
static void descriptors(void **state)
{
    (void)state;
    assert_string_equal(yk_family_xml.name, "xml");
    for (size_t i = 0; i < yk_family_xml.nrules; i++) {
        const struct yk_rule *r = yk_family_xml.rules[i];
        assert_ptr_equal(yk_registry_find(registry, r->id), r);
        assert_true(strncmp(r->id, "xml.", 4) == 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_true(r->rationale && strlen(r->rationale) > 100);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_int_equal(r->dimension, YK_DIM_STRUCTURE);
        assert_true(r->severity >= YK_SEV_WARNING);
        assert_true(r->weight > 0);
        assert_non_null(r->on_event);
        if (r->example[0] != '<')
            continue;
        struct yk_check_options opt;
        harness_options(&opt, registry);
        opt.format = "xml";
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_file_result *res = NULL;
        struct yk_error err;
        assert_int_equal(
            yk_check_memory(r->example, strlen(r->example), r->id, &opt, arena, &res, &err), 0);
        if (harness_count(res, r->id) == 0)
            fail_msg("the example of %s does not trigger it", r->id);
        yk_arena_destroy(arena);
    }
    assert_string_equal(yk_registry_find(registry, "xml.not_well_formed")->frictionless,
                        "source-error");
}

static int setup(void **state)
{
    (void)state;
    struct yk_error err;
    return yk_registry_create(&registry, &err);
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
        cmocka_unit_test(run_cases),
        cmocka_unit_test(descriptors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
