/* yakist — table-driven tests of the `file` rule family. Each case is a small input run through
 * yk_check_memory with every built-in rule at its defaults. The count of every `file` rule is
 * asserted exactly (a rule a case does not list must stay silent), and where a case lists
 * findings of a rule, they must be all of that rule's findings, by row, field and line. */
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

#define MAX_MESSAGE 400 /* bytes: messages quote at most ~40 characters of a cell */

enum header_opt { HDR_SNIFF = 0, HDR_NONE, HDR_FIRST };

struct rule_case {
    const char *name;
    const char *csv;
    size_t len;                  /* 0: strlen(csv) */
    char *(*build)(size_t *len); /* instead of csv: a large input made at run time (malloc) */
    const char *encoding;        /* NULL: detect */
    char delimiter;              /* 0: sniff */
    enum header_opt header;
    size_t max_cell_bytes; /* 0: the default */
    size_t max_columns;    /* 0: the default */
    HARNESS_WANT;
};

/* --- large inputs ------------------------------------------------------------------------ */

#define HUGE_CELL (300u * 1024u)

/* A 300 KiB Ukrainian cell with a leading space: within the default limits. */
static char *huge_cell(size_t *len)
{
    return harness_repeat("id,text\n1, ", "Чортків", HUGE_CELL, "\n2,x\n", len);
}

/* A row of 5000 cells under a three-column table runs into the default max_columns (4096). */
static char *wide_row(size_t *len)
{
    size_t cols = 5000;
    char *s = malloc(cols * 8 + 64), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "a,b,c\nx,y,z\nu,v,w\n");
    for (size_t i = 0; i < cols; i++)
        p += sprintf(p, "%s%zu", i ? "," : "", i);
    p += sprintf(p, "\n");
    *len = (size_t)(p - s);
    return s;
}

/* --- the cases --------------------------------------------------------------------------- */

static const struct rule_case cases[] = {
    /* A clean table: every rule passes. */
    {.name = "clean table", .csv = "id,name,date\n1,Київ,2024-01-01\n2,Львів,2024-02-01\n"},

    /* file.empty */
    {.name = "empty: zero bytes",
     .csv = "",
     .counts = {{"file.empty", 1}},
     .locs = {{"file.empty", 0, 0, 0, "0 bytes"}}},
    {.name = "empty: a BOM and nothing else",
     .csv = "\xEF\xBB\xBF",
     .counts = {{"file.empty", 1}},
     .locs = {{"file.empty", 0, 0, 0, "only whitespace"}}},
    /* The sniffer reads "\t" as two empty cells (tab-delimited): a blank row, not content. */
    {.name = "empty: whitespace and empty lines",
     .csv = " \n\n\t\n",
     .counts = {{"file.empty", 1}, {"file.blank_row", 2}, {"file.cell_whitespace", 1}},
     .locs = {{"file.empty", 0, 0, 0, "(5 bytes)"},
              {"file.blank_row", 2, 0, 2, NULL},
              {"file.blank_row", 3, 0, 3, NULL},
              {"file.cell_whitespace", 0, 1, 1, "only whitespace"}}},
    {.name = "empty: spaces on lines of their own, comma forced",
     .csv = "  \n \n",
     .delimiter = ',',
     .counts = {{"file.empty", 1}, {"file.cell_whitespace", 2}, {"file.empty_column", 1}},
     .locs = {{"file.empty", 0, 0, 0, "(5 bytes)"}}},
    {.name = "empty: a JSON array without records",
     .csv = "[]",
     .counts = {{"file.empty", 1}},
     .locs = {{"file.empty", 0, 0, 0, "no header and no records"}}},

    /* file.header_only */
    {.name = "header only",
     .csv = "id,name\n",
     .counts = {{"file.header_only", 1}},
     .locs = {{"file.header_only", 0, 0, 1, NULL}}},
    {.name = "header only: blank lines after the header",
     .csv = "id,name\n\n\n",
     .counts = {{"file.header_only", 1}, {"file.blank_row", 2}},
     .locs = {{"file.blank_row", 2, 0, 2, NULL}, {"file.blank_row", 3, 0, 3, NULL}}},
    {.name = "header only: no header row, so one data row", .csv = "id,name\n", .header = HDR_NONE},

    /* file.bom */
    {.name = "bom: present",
     .csv = "\xEF\xBB\xBFid,name\n1,Київ\n",
     .counts = {{"file.bom", 1}},
     .locs = {{"file.bom", 0, 0, 1, "byte-order mark"}}},

    /* file.delimiter */
    {.name = "delimiter: semicolon",
     .csv = "id;name;age\n1;Київ;30\n2;Львів;40\n",
     .counts = {{"file.delimiter", 1}},
     .locs = {{"file.delimiter", 0, 0, 0, "is ';' (semicolon), not a comma"}}},
    {.name = "delimiter: a one-column file shows none", .csv = "name\nКиїв\nЛьвів\n"},
    {.name = "delimiter: tab, forced by options",
     .csv = "id\tname\n1\tКиїв\n",
     .delimiter = '\t',
     .counts = {{"file.delimiter", 1}},
     .locs = {{"file.delimiter", 0, 0, 0, "is tab, not"}}},

    /* file.mixed_line_endings */
    {.name = "eol: CRLF throughout", .csv = "id,name\r\n1,Київ\r\n2,Львів\r\n"},
    {.name = "eol: CRLF and LF",
     .csv = "id,name\r\n1,Київ\n2,Львів\r\n",
     .counts = {{"file.mixed_line_endings", 1}},
     .locs = {{"file.mixed_line_endings", 0, 0, 0, "LF 1, CRLF 2, CR 0"}}},
    {.name = "eol: CR throughout", .csv = "id,name\r1,Київ\r2,Львів\r"},
    {.name = "eol: CRLF inside a quoted cell of an LF file", .csv = "id,note\n1,\"a\r\nb\"\n2,c\n"},
    {.name = "eol: LF records with one CR record end",
     .csv = "id,note\n1,\"a\nb\"\r2,c\n",
     .counts = {{"file.mixed_line_endings", 1}},
     .locs = {{"file.mixed_line_endings", 0, 0, 0, "LF 2, CRLF 0, CR 1"}}},
    {.name = "eol: a line break inside a quoted cell is no line ending",
     .csv = "id,note\r\n1,\"рядок 1\nрядок 2\"\r\n2, x\r\n",
     .counts = {{"file.cell_whitespace", 1}},
     .locs = {{"file.cell_whitespace", 3, 2, 4, "at the start"}}},

    /* file.invalid_utf8: UTF-8 is forced, as detection would decode these bytes as a code page */
    {.name = "utf8: one Latin-1 byte",
     .csv = "id,name\n1,caf\xE9\n",
     .encoding = "UTF-8",
     .counts = {{"file.invalid_utf8", 1}},
     .locs = {{"file.invalid_utf8", 2, 0, 2, "offset 13: byte 0xE9"}}},
    {.name = "utf8: a sequence cut at the end of the file",
     .csv = "id,name\n1,\xD0",
     .encoding = "UTF-8",
     .counts = {{"file.invalid_utf8", 1}},
     .locs = {{"file.invalid_utf8", 2, 0, 2, "offset 10"}}},
    {.name = "utf8: a bad byte in the header",
     .csv = "id,n\xFFme\n1,Київ\n",
     .encoding = "UTF-8",
     .counts = {{"file.invalid_utf8", 1}},
     .locs = {{"file.invalid_utf8", 1, 0, 1, "offset 4"}}},
    {.name = "utf8: Windows-1251 text is decoded, so no byte is invalid",
     .csv = "\xEA\xEE\xE4,\xED\xE0\xE7\xE2\xE0\n" /* код,назва */
            "1,\xD7\xEE\xF0\xF2\xEA\xB3\xE2\n"    /* Чортків */
            "2,\xC2\xE5\xEB\xE8\xEA\xB3 \xC3\xE0\xE9\xEE\xE2\xE8\xF7\xE8\n"}, /* Великі Гайовичі */

    /* file.unclosed_quote and file.stray_quote */
    {.name = "quote: doubled quotes inside a quoted cell",
     .csv = "id,name\n1,\"ТОВ \"\"Ромашка\"\"\"\n"},
    {.name = "quote: unclosed",
     .csv = "id,name\n1,\"ТОВ Ромашка\n2,Київ\n",
     .counts = {{"file.unclosed_quote", 1}, {"file.cell_whitespace", 1}},
     .locs = {{"file.unclosed_quote", 2, 0, 2, NULL}}},
    {.name = "quote: stray quote in an unquoted cell",
     .csv = "id,name\n1,ТОВ \"Ромашка\"\n",
     .counts = {{"file.stray_quote", 1}},
     .locs = {{"file.stray_quote", 2, 0, 2, NULL}}},
    {.name = "quote: text after the closing quote",
     .csv = "id,name\n1,\"Ромашка\" ТОВ\n",
     .counts = {{"file.stray_quote", 1}},
     .locs = {{"file.stray_quote", 2, 0, 2, NULL}}},

    /* file.limit_reached */
    {.name = "limit: a cell longer than max_cell_bytes",
     .csv = "id,note\n1,0123456789abcdefghij\n2,x\n",
     .max_cell_bytes = 16,
     .counts = {{"file.limit_reached", 1}},
     .locs = {{"file.limit_reached", 2, 2, 2, NULL}}},
    {.name = "limit: more cells than max_columns",
     .csv = "a,b,c\nx,y,z,4,5\n",
     .max_columns = 3,
     .counts = {{"file.limit_reached", 1}},
     .locs = {{"file.limit_reached", 2, 4, 2, "2 cells were dropped"}}},
    {.name = "limit: 5000 cells against the default 4096",
     .build = wide_row,
     .counts = {{"file.limit_reached", 1}, {"file.extra_cell", 4093}}},
    {.name = "limit: a 300 KiB cell is within the defaults",
     .build = huge_cell,
     .counts = {{"file.cell_whitespace", 1}},
     .locs = {{"file.cell_whitespace", 2, 2, 2, "start of the value: \" ЧортківЧортків"}}},

    /* file.title_row */
    {.name = "title: a title row above the header",
     .csv = "Перелік закладів освіти станом на 01.01.2024\n"
            "id,name,address\n"
            "1,Ліцей № 1,вул. Шевченка 1\n"
            "2,Гімназія,вул. Франка 2\n",
     .counts = {{"file.title_row", 1}},
     .locs = {{"file.title_row", 1, 0, 1, "\"Перелік закладів освіти станом на 01.01.…\""}}},
    {.name = "title: a title, requisites and an empty line",
     .csv = "Звіт\nВиконавчий комітет,,\n\nid,name,sum\n1,А,10\n2,Б,20\n",
     .counts = {{"file.title_row", 2}},
     .locs = {{"file.title_row", 1, 0, 1, "\"Звіт\""},
              {"file.title_row", 2, 0, 2, "\"Виконавчий комітет\""}}},

    /* file.blank_label */
    {.name = "blank label",
     .csv = "id,,name\n1,x,Київ\n",
     .counts = {{"file.blank_label", 1}},
     .locs = {{"file.blank_label", 0, 2, 1, "column 2"}}},
    {.name = "blank label: whitespace, and a trailing delimiter",
     .csv = "id, ,name,\n1,x,Київ,\n2,y,Львів,\n",
     .counts = {{"file.blank_label", 2}, {"file.cell_whitespace", 1}, {"file.empty_column", 1}},
     .locs = {{"file.blank_label", 0, 2, 1, NULL},
              {"file.blank_label", 0, 4, 1, NULL},
              {"file.cell_whitespace", 0, 2, 1, "only whitespace"},
              {"file.empty_column", 0, 4, 1, "column 4 is empty: none of the 2 data rows"}}},

    {.name = "blank label: an empty line as the header of a one-column table",
     .csv = "\nname\nКиїв\n",
     .counts = {{"file.blank_label", 1}},
     .locs = {{"file.blank_label", 0, 0, 1, "the header row is empty"}}},

    /* file.duplicate_label */
    {.name = "duplicate labels (Frictionless duplicate-headers.csv)",
     .csv = "id,name,id,age,id\n1101,John,0,30,001101\n1102,Julie,0,26,001102\n",
     .counts = {{"file.duplicate_label", 2}},
     .locs = {{"file.duplicate_label", 0, 3, 1, "\"id\" repeats the name of column 1"},
              {"file.duplicate_label", 0, 5, 1, "\"id\" repeats the name of column 1"}}},
    {.name = "duplicate labels: equal after trimming, case-sensitive",
     .csv = "назва,Назва,назва \nа,б,в\n",
     .counts = {{"file.duplicate_label", 1}, {"file.cell_whitespace", 1}},
     .locs = {{"file.duplicate_label", 0, 3, 1, "\"назва\" repeats the name of column 1"},
              {"file.cell_whitespace", 0, 3, 1, "at the end"}}},

    /* file.numbering_row */
    {.name = "numbering row under the header",
     .csv = "id,name,date\n1,2,3\n1,Київ,2024-01-01\n",
     .counts = {{"file.numbering_row", 1}},
     .locs = {{"file.numbering_row", 2, 0, 2, "1…3"}}},
    {.name = "numbering: 1,2 in a two-column table is data", .csv = "id,count\n1,2\n2,5\n"},
    {.name = "numbering: only the first data row counts", .csv = "id,a,b\n7,Київ,x\n1,2,3\n"},
    {.name = "numbering row above an empty column",
     .csv = "id,name,note\n1,2,3\n1,Київ,\n2,Львів,\n",
     .counts = {{"file.numbering_row", 1}, {"file.empty_column", 1}},
     .locs = {{"file.empty_column", 0, 3, 1, "none of the 2 data rows"}}},

    /* file.blank_row */
    {.name = "blank row of delimiters (Frictionless blank-rows.csv)",
     .csv = "id,name,age\n1101,John,30\n1102,Julie,26\n,,\n",
     .counts = {{"file.blank_row", 1}},
     .locs = {{"file.blank_row", 4, 0, 4, "row 4 is blank"}}},
    {.name = "blank row: an empty line between CRLF rows",
     .csv = "id,name\r\n1,a\r\n\r\n2,b\r\n",
     .counts = {{"file.blank_row", 1}},
     .locs = {{"file.blank_row", 3, 0, 3, NULL}}},

    /* file.missing_cell and file.extra_cell */
    {.name = "Frictionless invalid.csv",
     .csv = "id,name,,name\n1,english\n1,english\n\n2,german,1,2,3\n",
     .counts = {{"file.blank_label", 1},
                {"file.duplicate_label", 1},
                {"file.missing_cell", 4},
                {"file.blank_row", 1},
                {"file.extra_cell", 1}},
     .locs = {{"file.blank_label", 0, 3, 1, NULL},
              {"file.duplicate_label", 0, 4, 1, NULL},
              {"file.missing_cell", 2, 3, 2, NULL},
              {"file.missing_cell", 2, 4, 2, NULL},
              {"file.missing_cell", 3, 3, 3, NULL},
              {"file.missing_cell", 3, 4, 3, NULL},
              {"file.blank_row", 4, 0, 4, NULL},
              {"file.extra_cell", 5, 5, 5, "\"3\""}}},
    {.name = "Frictionless defective-rows.csv",
     .csv = "id,name,age\n1101,John\n1102,Julie,26,Potatoes\n",
     .counts = {{"file.missing_cell", 1}, {"file.extra_cell", 1}},
     .locs = {{"file.missing_cell", 2, 3, 2, "has 2 cells of 3"},
              {"file.extra_cell", 3, 4, 3, "\"Potatoes\""}}},
    {.name = "no header: the first row sets the width",
     .csv = "1,english\n2,中国人\n3,german,extra\n",
     .header = HDR_NONE,
     .counts = {{"file.extra_cell", 1}},
     .locs = {{"file.extra_cell", 3, 3, 3, "\"extra\""}}},
    {.name = "missing cells in a Ukrainian row",
     .csv = "код,назва,адреса\n1,Чортків\n",
     .counts = {{"file.missing_cell", 1}, {"file.empty_column", 1}},
     .locs = {{"file.missing_cell", 2, 3, 2, NULL},
              {"file.empty_column", 0, 3, 1, "\"адреса\" is empty"}}},

    /* file.cell_whitespace */
    {.name = "whitespace around values",
     .csv = "id,name\n1, Київ\n2,Львів \n3,\t\n4,Тернопіль\xC2\xA0\n5,\" Рівне \"\n",
     .counts = {{"file.cell_whitespace", 5}},
     .locs = {{"file.cell_whitespace", 2, 2, 2, "at the start of"},
              {"file.cell_whitespace", 3, 2, 3, "at the end of"},
              {"file.cell_whitespace", 4, 2, 4, "only whitespace"},
              {"file.cell_whitespace", 5, 2, 5, "at the end of"},
              {"file.cell_whitespace", 6, 2, 6, "at the start and the end"}}},
    {.name = "whitespace inside values and empty quoted cells",
     .csv = "id,name,note\n1,Івано-Франківськ, м. Київ\n2,\"\",\"a b\"\n",
     .counts = {{"file.cell_whitespace", 1}},
     .locs = {{"file.cell_whitespace", 2, 3, 2, "\" м. Київ\""}}},
    {.name = "whitespace in a JSON value",
     .csv = "[{\"id\": 1, \"name\": \"Київ\"}, {\"id\": 2, \"name\": \"Львів \"}]",
     .counts = {{"file.cell_whitespace", 1}},
     .locs = {{"file.cell_whitespace", 3, 2, 1, "\"Львів \""}}},
    {.name = "whitespace in a column name",
     .csv = "id, name\n1,x\n",
     .counts = {{"file.cell_whitespace", 1}},
     .locs = {{"file.cell_whitespace", 0, 2, 1, "\" name\""}}},

    /* file.empty_column */
    {.name = "empty column: empty cells and null",
     .csv = "id,name,note\n1,Київ,\n2,Львів,null\n3,Одеса,NULL\n",
     .counts = {{"file.empty_column", 1}},
     .locs = {{"file.empty_column", 0, 3, 1, "\"note\" is empty: none of the 3 data rows"}}},
    {.name = "empty column: one value is enough", .csv = "id,name,note\n1,Київ,\n2,Львів,є\n"},
    {.name = "empty column: no header row",
     .csv = "1,,a\n2,,b\n",
     .header = HDR_NONE,
     .counts = {{"file.empty_column", 1}},
     .locs = {{"file.empty_column", 0, 2, 0, "column 2 is empty"}}},
};

/* --- the harness ------------------------------------------------------------------------- */

static struct yk_registry *registry;

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    size_t len = c->len ? c->len : c->csv ? strlen(c->csv) : 0;
    char *built = c->build ? c->build(&len) : NULL;
    const char *data = built ? built : c->csv;
    assert_non_null(data);

    struct yk_check_options opt;
    harness_options(&opt, registry);
    opt.encoding = c->encoding;
    opt.delimiter = c->delimiter;
    opt.header = c->header == HDR_NONE ? 0 : c->header == HDR_FIRST ? 1 : -1;
    if (c->max_cell_bytes)
        opt.limits.max_cell_bytes = c->max_cell_bytes;
    if (c->max_columns)
        opt.limits.max_columns = c->max_columns;

    struct yk_arena *arena = yk_arena_create(0);
    assert_non_null(arena);
    struct yk_file_result *res = harness_run(c->name, data, len, &opt, arena);
    assert_true(res->readable);

    const struct harness h = {
        .registry = registry, .family = &yk_family_file, .max_message = MAX_MESSAGE};
    int bad = harness_check_counts(&h, c->name, c->counts, res) +
              harness_check_locs(c->name, c->locs, res) +
              harness_check_messages(&h, c->name, NULL, res);
    if (bad)
        harness_dump(&h, res);
    yk_arena_destroy(arena);
    free(built);
    if (bad)
        fail_msg("%s: %d mismatches", c->name, bad);
}

/* Every descriptor of the family is complete, and its id belongs to the family. */
static void descriptors_complete(void **state)
{
    (void)state;
    assert_true(yk_family_file.nrules >= 18);
    for (size_t i = 0; i < yk_family_file.nrules; i++) {
        const struct yk_rule *r = yk_family_file.rules[i];
        assert_non_null(r->id);
        assert_int_equal(strncmp(r->id, "file.", 5), 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_non_null(r->rationale);
        assert_true(strlen(r->rationale) > 80);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_int_equal(r->dimension, YK_DIM_STRUCTURE);
        assert_true(r->severity >= YK_SEV_INFO && r->severity <= YK_SEV_ERROR);
        assert_true(r->weight > 0);
        assert_true(r->on_header || r->on_row || r->on_cell || r->on_event || r->on_finish);
        assert_ptr_equal(yk_registry_find(registry, r->id), r);
    }
}

/* The Frictionless baseline types the family maps, each to exactly one rule. */
static void frictionless_types(void **state)
{
    (void)state;
    static const char *const types[] = {"blank-label",   "duplicate-label", "missing-cell",
                                        "extra-cell",    "blank-row",       "source-error",
                                        "encoding-error"};
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
        size_t n = 0;
        for (size_t i = 0; i < yk_family_file.nrules; i++) {
            const char *f = yk_family_file.rules[i]->frictionless;
            n += f && strcmp(f, types[t]) == 0;
        }
        if (n != 1)
            fail_msg("Frictionless type %s maps to %zu rules", types[t], n);
    }
}

/* Counts stay exact when kept examples are capped. */
static void capped_examples_keep_counts(void **state)
{
    (void)state;
    char csv[4096], *p = csv;
    p += sprintf(p, "id,name\n");
    for (int i = 0; i < 150; i++)
        p += sprintf(p, "%d, x\n", i);
    struct yk_check_options opt;
    yk_check_options_init(&opt, registry);
    opt.timing = false;
    opt.limits.max_findings = 10;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL;
    assert_int_equal(yk_check_memory(csv, (size_t)(p - csv), "capped", &opt, arena, &res, NULL), 0);
    assert_int_equal(harness_count(res, "file.cell_whitespace"), 150);
    assert_int_equal(harness_kept(res, "file.cell_whitespace"), 10);
    yk_arena_destroy(arena);
}

int main(void)
{
    struct yk_error err;
    if (yk_registry_create(&registry, &err) != 0) {
        fprintf(stderr, "registry: %s\n", err.message);
        return 1;
    }
    size_t ncases = sizeof cases / sizeof cases[0], n = 0;
    struct CMUnitTest *tests = calloc(ncases + 3, sizeof *tests);
    if (!tests)
        return 1;
    tests[n++] =
        (struct CMUnitTest){"descriptors_complete", descriptors_complete, NULL, NULL, NULL};
    tests[n++] = (struct CMUnitTest){"frictionless_types", frictionless_types, NULL, NULL, NULL};
    tests[n++] = (struct CMUnitTest){"capped_examples_keep_counts", capped_examples_keep_counts,
                                     NULL, NULL, NULL};
    for (size_t i = 0; i < ncases; i++)
        tests[n++] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
    int failed = _cmocka_run_group_tests("file rules", tests, n, NULL, NULL);
    free(tests);
    yk_registry_destroy(registry);
    return failed ? 1 : 0;
}
