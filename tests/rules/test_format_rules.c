/* yakist — table-driven tests of the `format` rule family. Each case is a small input with a
 * file name, run through yk_check_memory with every built-in rule at its defaults. The count
 * of every `format` rule is asserted exactly (a rule a case does not list must stay silent);
 * a case may also name a substring of one finding's English message and the rows loaded. */
#include <iconv.h>
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
#include "loader.h"
#include "../unit/zipbuild.h"

struct rule_case {
    const char *desc;
    const char *name; /* the file name the runner sees */
    const char *text; /* UTF-8 content, or the input for build */
    const char *to;   /* iconv target for text (NULL: as is) */
    unsigned char *(*build)(const struct rule_case *c, size_t *len); /* malloc'ed input */
    const char *encoding;                                            /* --encoding, NULL: detect */
    const char *member;                                              /* --member */
    size_t len;         /* bytes of text when it holds NUL bytes; 0: strlen */
    uint64_t max_bytes; /* 0: the default cap */
    struct want_count counts[HARNESS_MAX_COUNTS];
    const char *en; /* substring of one finding's English message, or NULL */
    int64_t rows;   /* rows loaded; -1: not checked */
};

/* --- inputs ---------------------------------------------------------------------------- */

static const char streets[] = "id,назва,тип\n1,Шевченка,вулиця\n2,Незалежності,вулиця\n"
                              "3,Ринкова,площа\n4,Копичинецька,вулиця\n";

static unsigned char *with_iconv(const struct rule_case *c, size_t *len)
{
    iconv_t cd = iconv_open(c->to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t n = strlen(c->text), cap = n * 4 + 8, ol = cap, il = n;
    char *out = malloc(cap), *ip = (char *)(uintptr_t)c->text, *op = out;
    assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
    iconv_close(cd);
    *len = cap - ol;
    return (unsigned char *)out;
}

static unsigned char *gzipped(const struct rule_case *c, size_t *len)
{
    return zb_deflate(c->text, strlen(c->text), true, len);
}

static unsigned char *zip_one(const struct rule_case *c, size_t *len)
{
    struct zb z = {0};
    zb_add(&z, "streets.csv", c->text, strlen(c->text), true, false);
    return zb_finish(&z, len);
}

static unsigned char *zip_several(const struct rule_case *c, size_t *len)
{
    struct zb z = {0};
    zb_add(&z, "streets.csv", c->text, strlen(c->text), true, false);
    zb_add(&z, "readme.pdf", "%PDF-1.4\n", 9, false, false);
    zb_add(&z, "parks.csv", "id,назва\n1,Парк\n", strlen("id,назва\n1,Парк\n"), false, false);
    return zb_finish(&z, len);
}

static unsigned char *zip_no_table(const struct rule_case *c, size_t *len)
{
    (void)c;
    struct zb z = {0};
    zb_add(&z, "readme.pdf", "%PDF-1.4\n", 9, false, false);
    zb_add(&z, "scan.jpg", "\xFF\xD8\xFF\xE0", 4, false, false);
    return zb_finish(&z, len);
}

static unsigned char *xlsx(const struct rule_case *c, size_t *len)
{
    (void)c;
    struct zb z = {0};
    zb_add(&z, "[Content_Types].xml", "<Types/>", 8, true, false);
    zb_add(&z, "xl/workbook.xml", "<workbook/>", 11, true, false);
    return zb_finish(&z, len);
}

static unsigned char *ods(const struct rule_case *c, size_t *len)
{
    (void)c;
    static const char type[] = "application/vnd.oasis.opendocument.spreadsheet";
    struct zb z = {0};
    zb_add(&z, "mimetype", type, sizeof type - 1, false, false);
    zb_add(&z, "content.xml", "<office/>", 9, true, false);
    return zb_finish(&z, len);
}

/* Over two chunks of Windows-1251, so the converter crosses a chunk boundary. */
static unsigned char *big_cp1251(const struct rule_case *c, size_t *len)
{
    (void)c;
    size_t cap = 600u * 1024u, o = 0;
    char *text = malloc(cap + 100);
    o += (size_t)sprintf(text, "id,назва\n");
    for (unsigned i = 1; o < cap; i++)
        o += (size_t)sprintf(text + o, "%u,Вулиця Січових Стрільців %u\n", i, i);
    struct rule_case tmp = {.text = text, .to = "CP1251"};
    unsigned char *out = with_iconv(&tmp, len);
    free(text);
    return out;
}

#define BOM16 "\xFF\xFE"

static const struct rule_case cases[] = {
    /* format.not_utf8 */
    {"utf-8 passes", "streets.csv", .text = streets, .rows = 4},
    {"windows-1251 fails", "streets.csv", streets, "CP1251", with_iconv,
     .counts = {{"format.not_utf8", 1}}, .en = "encoded in windows-1251", .rows = 4},
    {"KOI8-U fails", "streets.csv", streets, "KOI8-U", with_iconv,
     .counts = {{"format.not_utf8", 1}}, .en = "KOI8-U", .rows = 4},
    {"plain ASCII is UTF-8", "a.csv", "id,name\n1,x\n", .rows = 1},
    {"UTF-16 with a BOM fails", "streets.csv", streets, "UTF-16", with_iconv,
     .counts = {{"format.not_utf8", 1}}, .en = "UTF-16", .rows = 4},
    {"forced UTF-8 leaves bad bytes to the loader", "streets.csv", streets, "CP1251", with_iconv,
     .encoding = "UTF-8", .rows = -1},
    {"a file over two chunks", "big.csv", .build = big_cp1251, .counts = {{"format.not_utf8", 1}},
     .rows = -1},
    /* format.undecodable */
    {"a lone surrogate", "s.csv", .text = BOM16 "a\0,\0b\0\n\0\x00\xD8,\0x\0\n\0", .len = 18,
     .counts = {{"format.not_utf8", 1}, {"format.undecodable", 1}},
     .en = "not valid UTF-16LE (the first at byte offset 10)", .rows = -1},
    {"clean UTF-16 has none", "s.csv", streets, "UTF-16LE", with_iconv,
     .counts = {{"format.not_utf8", 1}}, .rows = 4},
    {"0x98 in windows-1251", "s.csv",
     .text = "id,\xED\xE0\xE7\xE2\xE0\n1,\xD8\xE5\xE2\x98\xF7\xE5\xED\xEA\xE0\n",
     .encoding = "cp1251", .counts = {{"format.not_utf8", 1}, {"format.undecodable", 1}},
     .en = "at byte offset 14", .rows = 1},
    /* format.extension_mismatch */
    {"JSON named .csv", "data.csv", "[{\"id\": 1, \"назва\": \"Шевченка\"}]",
     .counts = {{"format.extension_mismatch", 1}}, .en = "promises CSV, but the content is JSON",
     .rows = -1},
    {"TSV named .csv fits", "data.csv", "id\tназва\n1\tШевченка\n", .rows = 1},
    {"no extension", "data", .text = streets, .rows = 4},
    {"HTML saved as .xls", "report.xls", "<!DOCTYPE html><html><table><tr><td>1</td></tr></table>",
     .counts = {{"format.extension_mismatch", 1}, {"format.not_tabular", 1}},
     .en = "a document (HTML)", .rows = 0},
    /* format.not_tabular */
    {"PDF named .csv", "streets.csv", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
     .counts = {{"format.not_tabular", 1}, {"format.extension_mismatch", 1}},
     .en = "a document (PDF) where a table was expected", .rows = 0},
    {"a scan named .png", "scan.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
     .counts = {{"format.not_tabular", 1}}, .en = "an image (PNG)", .rows = 0},
    {"a JPEG scan named .jpg", "scan.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF",
     .counts = {{"format.not_tabular", 1}}, .rows = 0},
    {"a 7z archive", "data.7z", "7z\xBC\xAF\x27\x1C\0\x04", .counts = {{"format.not_tabular", 1}},
     .en = "only gzip and zip", .rows = 0},
    {"a zip with no table", "docs.zip", .build = zip_no_table,
     .counts = {{"format.not_tabular", 1}}, .en = "readme.pdf, scan.jpg", .rows = 0},
    {"an empty file is still a table", "empty.csv", "", .rows = 0},
    /* format.spreadsheet */
    {"XLSX", "book.xlsx", .build = xlsx, .counts = {{"format.spreadsheet", 1}},
     .en = "a spreadsheet (XLSX)", .rows = 0},
    {"ODS", "book.ods", .build = ods, .counts = {{"format.spreadsheet", 1}}, .rows = 0},
    {"XLSX named .csv", "book.csv", .build = xlsx,
     .counts = {{"format.spreadsheet", 1}, {"format.extension_mismatch", 1}}, .rows = 0},
    /* format.archive_members */
    {"a single-member zip", "streets.zip", streets, .build = zip_one, .rows = 4},
    {"a zip of three", "streets.zip", streets, .build = zip_several,
     .counts = {{"format.archive_members", 1}},
     .en = "holds 3 files; checked 'streets.csv', not checked: readme.pdf, parks.csv", .rows = 4},
    {"the first table of three, member by member", "streets.zip", streets, .build = zip_several,
     .member = "streets.csv", .counts = {{"format.archive_members", 1}},
     .en = "not checked: readme.pdf", .rows = 4},
    {"the second table, member by member", "streets.zip", streets, .build = zip_several,
     .member = "parks.csv", .rows = 1},
    /* format.decompression_limit */
    {"gzip", "streets.csv.gz", streets, .build = gzipped, .rows = 4},
    {"gzip over the size cap", "streets.csv.gz", streets, .build = gzipped, .max_bytes = 40,
     .counts = {{"format.decompression_limit", 1}}, .en = "decompressed size", .rows = -1},
    {"gzip exactly at the cap", "streets.csv.gz", streets, .build = gzipped,
     .max_bytes = sizeof streets - 1, .rows = 4},
};

/* --- the runner ------------------------------------------------------------------------- */

static void run_case(const struct rule_case *c, struct yk_registry *reg)
{
    size_t len = c->len ? c->len : strlen(c->text ? c->text : "");
    unsigned char *built = c->build ? c->build(c, &len) : NULL;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_check_options opt;
    struct yk_error err;
    struct yk_file_result *res;
    harness_options(&opt, reg);
    opt.encoding = c->encoding;
    opt.member = c->member;
    if (c->max_bytes)
        opt.limits.max_decompressed_bytes = c->max_bytes;
    const void *data = built ? (const void *)built : c->text;
    int rc = yk_check_memory(data, len, c->name, &opt, arena, &res, &err);
    if (rc != 0)
        fail_msg("case '%s' (%s): rc %d: %s", c->desc, c->name, rc, err.message);
    for (size_t i = 0; i < yk_family_format.nrules; i++) {
        const struct yk_rule *r = yk_family_format.rules[i];
        uint64_t want = harness_wanted(c->counts, r->id), got = harness_count(res, r->id);
        if (want != got)
            fail_msg("case '%s': %s fired %llu times, want %llu", c->desc, r->id,
                     (unsigned long long)got, (unsigned long long)want);
    }
    if (c->en) {
        bool found = false;
        for (size_t i = 0; i < res->nfindings && !found; i++)
            found = strstr(res->findings[i].message_en, c->en) != NULL;
        if (!found)
            fail_msg("case '%s': no finding says '%s'", c->desc, c->en);
    }
    if (c->rows >= 0 && res->rows != (uint64_t)c->rows)
        fail_msg("case '%s': %llu rows, want %lld", c->desc, (unsigned long long)res->rows,
                 (long long)c->rows);
    yk_arena_destroy(arena);
    free(built);
}

static void all_cases(void **state)
{
    struct yk_registry *reg = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i], reg);
}

/* XML without a loader in this build is reported, not parsed as CSV; with one, it loads. */
static void no_loader(void **state)
{
    struct yk_registry *reg = *state;
    static const char xml[] = "<streets><street><id>1</id></street></streets>\n";
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_check_options opt;
    struct yk_error err;
    struct yk_file_result *res;
    yk_check_options_init(&opt, reg);
    assert_int_equal(yk_check_memory(xml, sizeof xml - 1, "s.xml", &opt, arena, &res, &err), 0);
    const struct yk_rule *r = yk_registry_find(reg, "format.no_loader");
    assert_int_equal(harness_count(res, r->id), yk_loader_find("xml") ? 0 : 1);
    assert_int_equal(res->info.input.loaded, yk_loader_find("xml") != NULL);
    /* A CSV always has its loader. */
    assert_int_equal(yk_check_memory(streets, sizeof streets - 1, "s.csv", &opt, arena, &res, &err),
                     0);
    assert_int_equal(harness_count(res, r->id), 0);
    yk_arena_destroy(arena);
}

/* Every descriptor is complete, and its id belongs to the family. */
static void descriptors(void **state)
{
    (void)state;
    assert_int_equal(yk_family_format.nrules, 8);
    for (size_t i = 0; i < yk_family_format.nrules; i++) {
        const struct yk_rule *r = yk_family_format.rules[i];
        assert_int_equal(strncmp(r->id, "format.", 7), 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_true(r->rationale && strlen(r->rationale) > 100);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_int_equal(r->scope, YK_SCOPE_RESOURCE);
        assert_non_null(r->on_finish);
    }
}

static int setup(void **state)
{
    struct yk_registry *reg;
    struct yk_error err;
    if (yk_registry_create(&reg, &err) != 0)
        return -1;
    *state = reg;
    return 0;
}

static int teardown(void **state)
{
    yk_registry_destroy(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_cases),
        cmocka_unit_test(no_loader),
        cmocka_unit_test(descriptors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
