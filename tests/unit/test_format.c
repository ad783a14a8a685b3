/* yakist — unit tests of format sniffing: magic bytes of documents, images and archives, the
 * first characters of text, zip containers by member names, extensions, and whether a name
 * fits the content; then the runner on a few of them: what gets loaded and what does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "format.h"
#include "zipbuild.h"

static const char *magic(const char *bytes, size_t n)
{
    const struct yk_format *f = yk_format_sniff_magic((const unsigned char *)bytes, n);
    return f ? f->name : "(none)";
}

static void magic_bytes(void **state)
{
    (void)state;
    assert_string_equal(magic("%PDF-1.7\n%\xE2\xE3", 12), "pdf");
    assert_string_equal(magic("\r\n%PDF-1.4", 10), "pdf");
    assert_string_equal(magic("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "png");
    assert_string_equal(magic("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "jpeg");
    assert_string_equal(magic("GIF89a\x01\0", 8), "gif");
    assert_string_equal(magic("II*\0\x08\0\0\0", 8), "tiff");
    assert_string_equal(magic("MM\0*\0\0\0\x08", 8), "tiff");
    assert_string_equal(magic("\x1F\x8B\x08\0", 4), "gzip");
    assert_string_equal(magic("PK\3\4\x14\0\0\0", 8), "zip");
    assert_string_equal(magic("PK\5\6", 4), "zip");
    assert_string_equal(magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "ole");
    assert_string_equal(magic("{\\rtf1\\ansi", 11), "rtf");
    assert_string_equal(magic("7z\xBC\xAF\x27\x1C", 6), "7z");
    assert_string_equal(magic("Rar!\x1A\x07\0", 7), "rar");
    assert_string_equal(magic("id,name\n", 8), "(none)");
    assert_string_equal(magic("", 0), "(none)");
    assert_string_equal(magic("\x1F", 1), "(none)");
}

/* An ODF package starts with its stored "mimetype" member. */
static void odf_mimetype(void **state)
{
    (void)state;
    static const char *const types[][2] = {
        {"application/vnd.oasis.opendocument.spreadsheet", "ods"},
        {"application/vnd.oasis.opendocument.text", "odt"},
        {"application/vnd.oasis.opendocument.presentation", "odp"},
    };
    for (size_t i = 0; i < 3; i++) {
        struct zb z = {0};
        zb_add(&z, "mimetype", types[i][0], strlen(types[i][0]), false, false);
        zb_add(&z, "content.xml", "<office/>", 9, true, false);
        size_t len;
        unsigned char *zip = zb_finish(&z, &len);
        assert_string_equal(yk_format_sniff_magic(zip, len)->name, types[i][1]);
        free(zip);
    }
}

static const char *text(const char *s)
{
    return yk_format_sniff_text((const unsigned char *)s, strlen(s))->name;
}

static void text_formats(void **state)
{
    (void)state;
    assert_string_equal(text("[{\"id\": 1, \"назва\": \"Шевченка\"}]"), "json");
    assert_string_equal(text("\xEF\xBB\xBF  {\"data\": []}"), "json");
    assert_string_equal(text("[\n  [\"id\", \"name\"]\n]"), "json");
    assert_string_equal(text("<?xml version=\"1.0\"?>\n<streets/>"), "xml");
    assert_string_equal(text("<streets><street id=\"1\"/></streets>"), "xml");
    assert_string_equal(text("<!DOCTYPE html>\n<html><body><table></table></body></html>"), "html");
    assert_string_equal(text("<?xml version=\"1.0\"?><HTML xmlns=\"x\"><BODY/></HTML>"), "html");
    assert_string_equal(text("id,назва\n1,Шевченка\n"), "csv");
    assert_string_equal(text("id;назва\n1;Шевченка\n"), "csv");
    assert_string_equal(text("id\tназва\tтип\n1\tШевченка\tвулиця\n"), "tsv");
    assert_string_equal(text("[ID],name\n1,x\n"), "csv"); /* a bracket that starts no JSON */
    assert_string_equal(text("{id},name\n"), "csv");
    assert_string_equal(text(""), "csv");
    assert_string_equal(text("< 5,x\n"), "csv");
    static const char bin[] = "\x01\x02\x03\x04garbage\x05\x06\x07";
    assert_string_equal(yk_format_sniff_text((const unsigned char *)bin, sizeof bin)->name,
                        "binary");
}

static void zip_containers(void **state)
{
    (void)state;
    const char *xlsx[] = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"};
    const char *docx[] = {"[Content_Types].xml", "word/document.xml"};
    const char *pptx[] = {"[Content_Types].xml", "ppt/presentation.xml"};
    const char *plain[] = {"streets.csv", "xl/notes.txt"};
    const unsigned char head[] = "PK\3\4";
    assert_string_equal(yk_format_sniff_zip(xlsx, 3, head, 4)->name, "xlsx");
    assert_string_equal(yk_format_sniff_zip(docx, 2, head, 4)->name, "docx");
    assert_string_equal(yk_format_sniff_zip(pptx, 2, head, 4)->name, "pptx");
    assert_string_equal(yk_format_sniff_zip(plain, 2, head, 4)->name, "zip");
    assert_string_equal(yk_format_sniff_zip(NULL, 0, head, 4)->name, "zip");
}

static void extensions(void **state)
{
    (void)state;
    size_t len;
    const char *e = yk_format_extension("data/Вулиці.CSV", false, &len);
    assert_non_null(e);
    assert_int_equal(len, 3);
    assert_string_equal(yk_format_from_extension(e, len)->name, "csv");
    e = yk_format_extension("streets.csv.gz", true, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(e, "csv", 3);
    e = yk_format_extension("streets.csv.gz", false, &len);
    assert_memory_equal(e, "gz", 2);
    assert_null(yk_format_extension("archive.gz", true, &len));
    assert_null(yk_format_extension("README", false, &len));
    assert_null(yk_format_extension(".hidden", false, &len));
    assert_null(yk_format_extension("dir.d/file", false, &len));
    assert_null(yk_format_extension("trailing.", false, &len));
    assert_string_equal(yk_format_from_extension("jpg", 3)->name, "jpeg");
    assert_string_equal(yk_format_from_extension("GeoJSON", 7)->name, "json");
    assert_string_equal(yk_format_from_extension("xlsm", 4)->name, "xlsx");
    assert_null(yk_format_from_extension("exe", 3));
    assert_null(yk_format_from_extension(NULL, 0));
}

static void fits(void **state)
{
    (void)state;
    const struct yk_format *csv = yk_format_find("csv"), *tsv = yk_format_find("tsv"),
                           *txt = yk_format_find("txt"), *json = yk_format_find("json"),
                           *xls = yk_format_find("xls"), *html = yk_format_find("html"),
                           *ole = yk_format_find("ole"), *doc = yk_format_find("doc");
    assert_true(yk_format_fits(csv, csv));
    assert_true(yk_format_fits(csv, tsv));
    assert_true(yk_format_fits(txt, csv));
    assert_true(yk_format_fits(NULL, json));
    assert_true(yk_format_fits(xls, ole));
    assert_true(yk_format_fits(doc, ole));
    assert_false(yk_format_fits(csv, json));
    assert_false(yk_format_fits(xls, html));
    assert_false(yk_format_fits(csv, ole));
    assert_null(yk_format_find("mp3"));
}

static void xml_declaration(void **state)
{
    (void)state;
    char enc[32];
    const char *s = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>";
    assert_true(yk_format_xml_encoding((const unsigned char *)s, strlen(s), enc, sizeof enc));
    assert_string_equal(enc, "windows-1251");
    s = "\xEF\xBB\xBF<?xml version='1.0' encoding = 'UTF-8' standalone='yes'?>";
    assert_true(yk_format_xml_encoding((const unsigned char *)s, strlen(s), enc, sizeof enc));
    assert_string_equal(enc, "UTF-8");
    s = "<?xml version=\"1.0\"?><a encoding=\"x\"/>";
    assert_false(yk_format_xml_encoding((const unsigned char *)s, strlen(s), enc, sizeof enc));
    s = "<a/>";
    assert_false(yk_format_xml_encoding((const unsigned char *)s, strlen(s), enc, sizeof enc));
    s = "<?xml encoding=\"unterminated";
    assert_false(yk_format_xml_encoding((const unsigned char *)s, strlen(s), enc, sizeof enc));
}

/* The runner: a PDF named .csv is not loaded, a JSON named .csv is loaded as JSON (when the
 * build has the loader), a CSV without an extension is a CSV. */
static void runner_picks_by_content(void **state)
{
    (void)state;
    struct yk_registry *reg;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_check_options opt;
    yk_check_options_init(&opt, reg);
    opt.timing = false;
    struct yk_file_result *res;

    static const char pdf[] = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    assert_int_equal(yk_check_memory(pdf, sizeof pdf - 1, "report.csv", &opt, arena, &res, &err),
                     0);
    assert_false(res->info.input.loaded);
    assert_string_equal(res->info.format, "pdf");
    assert_int_equal(res->info.input.content_kind, YK_CONTENT_DOCUMENT);
    assert_true(res->info.input.extension_mismatch);
    assert_int_equal(res->rows, 0);
    for (size_t i = 0; i < res->nfindings; i++)
        assert_int_equal(strncmp(res->findings[i].rule->id, "format.", 7), 0);

    static const char csv[] = "id,назва\n1,Шевченка\n";
    assert_int_equal(yk_check_memory(csv, sizeof csv - 1, "streets", &opt, arena, &res, &err), 0);
    assert_true(res->info.input.loaded);
    assert_string_equal(res->info.format, "csv");
    assert_null(res->info.input.extension);
    assert_false(res->info.input.extension_mismatch);
    assert_int_equal(res->rows, 1);

    /* A forced format wins over the content; only a format with a loader can be forced. */
    opt.format = "tsv";
    assert_int_equal(yk_check_options_validate(&opt, &err), YK_EINVAL);
    opt.format = "";
    assert_int_equal(yk_check_options_validate(&opt, &err), YK_EINVAL);
    opt.format = "csv";
    assert_int_equal(yk_check_options_validate(&opt, &err), 0);
    assert_int_equal(yk_check_memory(pdf, sizeof pdf - 1, "report.pdf", &opt, arena, &res, &err),
                     0);
    assert_true(res->info.input.loaded);
    assert_string_equal(res->info.format, "csv");
    opt.format = NULL;

    /* An unknown --encoding is a configuration error, found before any file is read. */
    opt.encoding = "no-such-charset";
    assert_int_equal(yk_check_options_validate(&opt, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "encoding"));
    assert_int_equal(yk_check_memory(csv, sizeof csv - 1, "s.csv", &opt, arena, &res, &err),
                     YK_EINVAL);
    opt.encoding = "windows-1251";
    assert_int_equal(yk_check_options_validate(&opt, &err), 0);
    assert_int_equal(yk_check_memory(csv, sizeof csv - 1, "s.csv", &opt, arena, &res, &err), 0);
    assert_string_equal(res->info.encoding, "windows-1251");
    assert_int_equal(res->info.encoding_confidence, 100);
    yk_arena_destroy(arena);
    yk_registry_destroy(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(magic_bytes),     cmocka_unit_test(odf_mimetype),
        cmocka_unit_test(text_formats),    cmocka_unit_test(zip_containers),
        cmocka_unit_test(extensions),      cmocka_unit_test(fits),
        cmocka_unit_test(xml_declaration), cmocka_unit_test(runner_picks_by_content),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
