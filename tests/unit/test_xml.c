/* yakist — unit tests of the XML loader: records at the root and under a path, attributes and
 * nested fields, Ukrainian text and CDATA, exact lines and offsets, the field-set events, a
 * 10 000-record file read in flat memory, malformed input, hostile DTDs (expansion bombs, XXE)
 * reported and never expanded or fetched, the depth and size limits, and silence on stderr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <malloc.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "loader.h"
#include "recorder.h"

/* One loader run: what the sink saw, the source facts (kept valid by the arena) and the code. */
struct run {
    struct recorder rec;
    struct yk_source_info info;
    struct yk_error err;
    struct yk_arena *arena;
    int rc;
    double seconds;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_input(struct run *r, struct yk_input *in, const struct yk_check_options *opt)
{
    r->arena = yk_arena_create(0);
    assert_non_null(r->arena);
    struct yk_sink sink = recorder_sink(&r->rec);
    memset(&r->info, 0, sizeof r->info);
    r->info.path = in->name;
    r->rec.check_nul = true;
    r->rec.nul_ok = true;
    double t0 = now();
    r->rc = yk_loader_xml.load(in, opt, &r->info, &sink, r->arena, &r->err);
    r->seconds = now() - t0;
    assert_true(r->rec.nul_ok);
}

static void run_text(struct run *r, const char *xml, const struct yk_check_options *opt)
{
    struct yk_check_options defaults;
    if (!opt) {
        recorder_options(&defaults);
        opt = &defaults;
    }
    memset(r, 0, sizeof *r);
    struct yk_input in;
    yk_input_open_memory(&in, xml, strlen(xml), "memory.xml");
    run_input(r, &in, opt);
    yk_input_close(&in);
}

static void run_free(struct run *r)
{
    recorder_free(&r->rec);
    yk_arena_destroy(r->arena);
}

/* Row i of what the sink saw (0 is the header). */
static const struct rec_row *row(const struct run *r, size_t i)
{
    assert_true(i < r->rec.nrows);
    return &r->rec.rows[i];
}

/* --- records and fields ------------------------------------------------------------------ */

static const char deputies[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<депутати скликання=\"8\">\n"
    "  <депутат id=\"1\">\n"
    "    <піб>Коваль Олена Петрівна</піб>\n"
    "    <округ>1</округ>\n"
    "  </депутат>\n"
    "  <депутат id=\"2\"><піб>Мельник Андрій</піб><округ>2</округ></депутат>\n"
    "</депутати>\n";

static void records_at_root(void **state)
{
    (void)state;
    struct run r;
    run_text(&r, deputies, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 3);
    assert_true(row(&r, 0)->header);
    assert_string_equal(row(&r, 0)->text, "id|піб|округ");
    assert_int_equal(row(&r, 0)->number, 1);
    assert_string_equal(row(&r, 1)->text, "1|Коваль Олена Петрівна|1");
    assert_int_equal(row(&r, 1)->number, 2);
    assert_int_equal(row(&r, 1)->line, 3);
    assert_int_equal(row(&r, 1)->offset, strstr(deputies, "<депутат id=\"1\"") - deputies);
    assert_string_equal(row(&r, 2)->text, "2|Мельник Андрій|2");
    assert_int_equal(row(&r, 2)->number, 3);
    assert_int_equal(row(&r, 2)->line, 7);
    assert_int_equal(row(&r, 2)->offset, strstr(deputies, "<депутат id=\"2\"") - deputies);
    assert_string_equal(r.info.format, "xml");
    assert_int_equal(r.info.records, 3);
    assert_int_equal(r.info.columns, 3);
    assert_int_equal(r.info.bytes, strlen(deputies));
    assert_int_equal(r.rec.nevents, 0);
    run_free(&r);
}

static const char exported[] = "<export>\n"
                               "  <meta><created>2024-03-01</created><by>ЦНАП</by></meta>\n"
                               "  <data>\n"
                               "    <items>\n"
                               "      <item><n>1</n></item>\n"
                               "      <item><n>2</n></item>\n"
                               "      <item><n>3</n></item>\n"
                               "    </items>\n"
                               "  </data>\n"
                               "</export>\n";

/* Records under a wrapper: found by sniffing, or named by a path in every accepted spelling. */
static void record_path(void **state)
{
    (void)state;
    static const char *const paths[] = {NULL,
                                        "export/data/items/item",
                                        "/export/data/items/item",
                                        "data.items.item",
                                        "data/items/*",
                                        "*/*/*/*"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        struct yk_check_options opt;
        recorder_options(&opt);
        opt.record_path = paths[i];
        struct run r;
        run_text(&r, exported, &opt);
        assert_int_equal(r.rc, 0);
        assert_int_equal(r.rec.nrows, 4);
        assert_string_equal(row(&r, 0)->text, "n");
        assert_string_equal(row(&r, 3)->text, "3");
        assert_int_equal(row(&r, 3)->line, 7);
        run_free(&r);
    }
    /* A path that names something else reads no records; one that names the meta reads it. */
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.record_path = "export/нема";
    struct run r;
    run_text(&r, exported, &opt);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 0);
    run_free(&r);
    opt.record_path = "meta";
    run_text(&r, exported, &opt);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 0)->text, "created|by");
    assert_string_equal(row(&r, 1)->text, "2024-03-01|ЦНАП");
    run_free(&r);
}

/* Without a path, the records are the repeated, structured children of the shallowest element
 * that has them; repeated bare values inside one record stay a field. */
static void sniffing_records(void **state)
{
    (void)state;
    static const struct {
        const char *xml, *header, *last;
        size_t rows;
    } cases[] = {
        {"<r><i><t>1</t><t>2</t><n>x</n></i></r>", "t|n", "1; 2|x", 1},
        {"<export><meta><tags><tag>a</tag><tag>b</tag></tags></meta>"
         "<data><item id=\"1\"/><item id=\"2\"/><item id=\"3\"/></data></export>",
         "id", "3", 3},
        {"<міста><місто>Київ</місто><місто>Чортків</місто></міста>", "місто", "Чортків", 2},
        {"<r><a><b><c><d>1</d></c><c><d>2</d></c></b></a></r>", "d", "2", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct run r;
        run_text(&r, cases[i].xml, NULL);
        assert_int_equal(r.rc, 0);
        assert_int_equal(r.rec.nrows, cases[i].rows + 1);
        assert_string_equal(row(&r, 0)->text, cases[i].header);
        assert_string_equal(row(&r, cases[i].rows)->text, cases[i].last);
        run_free(&r);
    }
}

/* Attributes and child elements are fields; nested ones get dotted names, prefixes stay. */
static void attributes_and_nested(void **state)
{
    (void)state;
    const char *xml = "<дозволи xmlns:e=\"urn:example\">\n"
                      " <дозвіл номер=\"17/2023\" дата=\"2023-02-14\">\n"
                      "  <розповсюджувач єдрпоу=\"38412563\">ТОВ «Реклама»</розповсюджувач>\n"
                      "  <адреса><вулиця>Бандери</вулиця><будинок>12</будинок></адреса>\n"
                      "  <e:тип>Білборд</e:тип>\n"
                      "  <фото url=\"a.jpg\"/>\n"
                      "  <примітка/>\n"
                      " </дозвіл>\n"
                      "</дозволи>\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 0)->text,
                        "номер|дата|розповсюджувач.єдрпоу|розповсюджувач|адреса.вулиця|"
                        "адреса.будинок|e:тип|фото.url|примітка");
    assert_string_equal(row(&r, 1)->text,
                        "17/2023|2023-02-14|38412563|ТОВ «Реклама»|Бандери|12|Білборд|a.jpg|");
    assert_int_equal(r.rec.nevents, 0);
    run_free(&r);
}

/* Text comes out decoded: Cyrillic, CDATA, predefined and character references, in text and in
 * attribute values; a record with only text is a one-field record. */
static void text_cdata_and_references(void **state)
{
    (void)state;
    const char *xml = "<вулиці>\n"
                      " <вулиця код=\"a &amp; b &#1028; &lt;\">Шевченка &amp; Ко &#x404;</вулиця>\n"
                      " <вулиця код=\"2\"><![CDATA[<Мазепи> & \"]]>ʼ</вулиця>\n"
                      "</вулиці>\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 3);
    assert_string_equal(row(&r, 0)->text, "код|вулиця");
    assert_string_equal(row(&r, 1)->text, "a & b Є <|Шевченка & Ко Є");
    assert_string_equal(row(&r, 2)->text, "2|<Мазепи> & \"ʼ");
    assert_int_equal(r.rec.nevents, 0);
    run_free(&r);
}

/* Lines and offsets point at each record's '<': start tags over several lines, CRLF, a BOM. */
static void line_tracking(void **state)
{
    (void)state;
    const char *xml =
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n"
        "<!-- коментар\r\n на два рядки -->\r\n"
        "<r>\r\n"
        "  <i\r\n     a=\"1\"\r\n     b=\"x > y\"><v>1</v></i>\r\n"
        "  <i a=\"2\" b=\"z\"><v><![CDATA[\r\n\r\n]]></v></i><i a=\"3\" b=\"\"><v/></i>\r\n"
        "  <i a=\"4\" b=\"w\">\r\n<v>4</v></i>\r\n"
        "</r>\r\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_true(r.info.bom);
    assert_int_equal(r.rec.nrows, 5);
    static const uint64_t lines[] = {5, 5, 8, 10, 11};
    static const char *const starts[] = {"<i\r\n", "<i\r\n", "<i a=\"2\"", "<i a=\"3\"",
                                         "<i a=\"4\""};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(row(&r, i)->line, lines[i]);
        assert_int_equal(row(&r, i)->offset, strstr(xml, starts[i]) - xml);
    }
    assert_string_equal(row(&r, 2)->text, "2|z|\n\n");
    run_free(&r);
}

/* Missing, extra and repeated fields, and mixed content, each with its row and field. */
static void field_set_events(void **state)
{
    (void)state;
    const char *xml = "<r>\n"
                      " <i><a>1</a><b>1</b></i>\n"
                      " <i><a>2</a></i>\n"
                      " <i><a>3</a><b>3</b>\n  <c>3</c></i>\n"
                      " <i><a>4</a><a>5</a><b>4</b></i>\n"
                      " <i>текст<a>6</a><b>6<x>y</x></b></i>\n"
                      "</r>\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 6);
    assert_string_equal(row(&r, 2)->text, "2|");
    assert_string_equal(row(&r, 4)->text, "4; 5|4");
    assert_string_equal(row(&r, 5)->text, "6|6");
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_FIELD_MISSING), 1);
    const struct rec_event *e = recorder_event(&r.rec, YK_EV_XML_FIELD_MISSING, 0);
    assert_string_equal(e->detail, "b");
    assert_int_equal(e->loc.row, 3);
    assert_int_equal(e->loc.field, 2);
    assert_int_equal(e->loc.line, 3);
    /* <c> in row 4, then the record's own text and <b>'s <x> in row 6. */
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_FIELD_EXTRA), 3);
    e = recorder_event(&r.rec, YK_EV_XML_FIELD_EXTRA, 0);
    assert_string_equal(e->detail, "c");
    assert_int_equal(e->loc.row, 4);
    assert_int_equal(e->loc.field, 0);
    assert_int_equal(e->loc.line, 5);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_FIELD_REPEATED), 1);
    e = recorder_event(&r.rec, YK_EV_XML_FIELD_REPEATED, 0);
    assert_string_equal(e->detail, "a");
    assert_int_equal(e->loc.row, 5);
    assert_int_equal(e->loc.field, 1);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MIXED), 2);
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_MIXED, 0)->detail, "b");
    assert_int_equal(recorder_event(&r.rec, YK_EV_XML_MIXED, 0)->loc.field, 2);
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_MIXED, 1)->detail, "i");
    assert_int_equal(recorder_event(&r.rec, YK_EV_XML_MIXED, 1)->loc.row, 6);
    run_free(&r);
}

/* --- streaming ---------------------------------------------------------------------------- */

/* The most heap in use seen while rows arrive. */
static size_t heap_peak;

/* Heap in use, large blocks (mmapped by malloc) included. */
static size_t heap_used(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

static int peak_row(void *ctx, const struct yk_row *r)
{
    (void)ctx;
    (void)r;
    size_t used = heap_used();
    if (used > heap_peak)
        heap_peak = used;
    return 0;
}

static int ignore_header(void *ctx, const struct yk_row *r)
{
    (void)ctx;
    (void)r;
    return 0;
}

static int ignore_event(void *ctx, const struct yk_event *e)
{
    (void)ctx;
    (void)e;
    return 0;
}

/* Write n deputies to a temporary file; returns its path (static storage). */
static const char *write_records(size_t n)
{
    static char path[] = "/tmp/yakist-xml-XXXXXX";
    strcpy(path, "/tmp/yakist-xml-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<депутати>\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f,
                "  <депутат id=\"%zu\">\n    <піб>Петренко Іван Миколайович %zu</піб>\n"
                "    <партія>Слуга народу</партія>\n    <округ>%zu</округ>\n"
                "    <адреса><вулиця>вул. Шевченка, %zu</вулиця><місто>Чортків</місто>"
                "</адреса>\n  </депутат>\n",
                i, i, i % 40, i % 200);
    fputs("</депутати>\n", f);
    fclose(f);
    return path;
}

/* Rows, lines and the heap while reading a file of n records; the path is removed. */
static size_t stream_file(size_t n, uint64_t *rows)
{
    const char *path = write_records(n);
    struct yk_check_options opt;
    recorder_options(&opt);
    struct yk_input in;
    struct yk_error err;
    assert_int_equal(yk_input_open_file(&in, path, &err), 0);
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_source_info info = {.path = path};
    struct yk_sink sink = {NULL, ignore_header, peak_row, ignore_event};
    heap_peak = 0;
    size_t before = heap_used();
    assert_int_equal(yk_loader_xml.load(&in, &opt, &info, &sink, arena, &err), 0);
    *rows = info.records - 1;
    yk_input_close(&in);
    yk_arena_destroy(arena);
    unlink(path);
    return heap_peak > before ? heap_peak - before : 0;
}

/* Four times the records, the same memory: nothing grows with the record count. (Below two
 * input chunks the parser's buffer is still growing, so both files are larger than that.) */
static void big_file_flat_memory(void **state)
{
    (void)state;
    uint64_t rows;
    size_t small = stream_file(10000, &rows); /* 2 MB */
    assert_int_equal(rows, 10000);
    size_t big = stream_file(40000, &rows); /* 8 MB */
    assert_int_equal(rows, 40000);
    /* Allowing for allocator noise; anything kept per record would be 1 MB or more here, and
     * the whole is bounded by the input chunks the parser holds, not by the file. */
    assert_true(big <= small + 16 * 1024);
    assert_true(big < 8 * YK_INPUT_CHUNK);
}

/* Lines stay exact far past 65 535, where libxml2's node line numbers saturate. */
static void lines_past_65535(void **state)
{
    (void)state;
    const char *path = write_records(10000); /* 6 lines each: the last one starts at 59 997 */
    size_t len = 0;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *big = malloc(4u << 20);
    assert_non_null(big);
    len = fread(big, 1, (4u << 20) - 1, f);
    fclose(f);
    unlink(path);
    /* Put 20 000 empty lines between the declaration and the root. */
    char *xml = malloc(len + 20001);
    assert_non_null(xml);
    size_t decl = (size_t)(strchr(big, '\n') - big) + 1;
    memcpy(xml, big, decl);
    memset(xml + decl, '\n', 20000);
    memcpy(xml + decl + 20000, big + decl, len - decl);
    xml[20000 + len] = '\0';
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 10001);
    assert_int_equal(row(&r, 10000)->line, 20000 + 3 + 6 * 9999);
    assert_int_equal(row(&r, 10000)->offset, strstr(xml, "<депутат id=\"9999\"") - xml);
    run_free(&r);
    free(xml);
    free(big);
}

/* --- broken input ------------------------------------------------------------------------- */

/* A fatal error stops reading there: rows closed before it stay, the open one goes. */
static void malformed(void **state)
{
    (void)state;
    const char *xml = "<?xml version=\"1.0\"?>\n"
                      "<r>\n"
                      " <i><a>1</a></i>\n"
                      " <i><a>2</b></i>\n"
                      " <i><a>3</a></i>\n"
                      "</r>\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 1)->text, "1");
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MALFORMED), 1);
    const struct rec_event *e = recorder_event(&r.rec, YK_EV_XML_MALFORMED, 0);
    assert_int_equal(e->loc.line, 4);
    assert_int_equal(e->loc.column, 13);
    assert_non_null(strstr(e->detail, "Opening and ending tag mismatch"));
    run_free(&r);

    /* Cut short; not XML at all; only whitespace; an undeclared entity; bytes that are not UTF-8.
     */
    static const char *const broken[] = {"<r><i><a>1</a></i><i><a>2", "id,name\n1,x\n", " \n",
                                         "<r><i>&nbsp;</i></r>", "<r><i>\xD7\xE5</i></r>"};
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        run_text(&r, broken[i], NULL);
        assert_int_equal(r.rc, 0);
        assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MALFORMED), 1);
        assert_int_equal(r.rec.nevents, 1);
        if (i == 0) /* cut short: named, with the innermost open element */
            assert_string_equal(recorder_event(&r.rec, YK_EV_XML_MALFORMED, 0)->detail,
                                "the document ends before <a> is closed (3 open elements)");
        run_free(&r);
    }
    /* An empty input is the `file` family's finding, not a parse error. */
    run_text(&r, "", NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nevents, 0);
    assert_int_equal(r.rec.nrows, 0);
    run_free(&r);
}

/* A namespace error is reported, and reading goes on. */
static void namespace_error_continues(void **state)
{
    (void)state;
    struct run r;
    run_text(&r, "<r><i><x:a>1</x:a></i><i><x:a>2</x:a></i></r>", NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 3);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MALFORMED), 2);
    run_free(&r);
}

/* --- hostile DTDs --------------------------------------------------------------------------- */

/* Ten levels of ten references: 10^9 "lol"s if expanded. */
static char *billion_laughs(void)
{
    char *s = malloc(4096), *p = s;
    assert_non_null(s);
    p += sprintf(p, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i < 10; i++) {
        p += sprintf(p, " <!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            p += i == 1 ? sprintf(p, "&lol;") : sprintf(p, "&lol%d;", i - 1);
        p += sprintf(p, "\">\n");
    }
    sprintf(p, "]>\n<r>\n <i a=\"&lol9;\"><v>&lol9;</v></i>\n <i a=\"2\"><v>x</v></i>\n</r>\n");
    return s;
}

static void expansion_bomb_reported_not_expanded(void **state)
{
    (void)state;
    char *xml = billion_laughs();
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_true(r.seconds < 1.0);
    assert_int_equal(r.rec.nrows, 3);
    assert_string_equal(row(&r, 1)->text, "|");
    assert_int_equal(row(&r, 1)->total_len, 0);
    assert_string_equal(row(&r, 2)->text, "2|x");
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY), 1);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY_NESTED), 9);
    const struct rec_event *e = recorder_event(&r.rec, YK_EV_XML_ENTITY_NESTED, 8);
    assert_string_equal(e->detail, "lol9");
    assert_int_equal(e->loc.line, 12);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY_REF), 2);
    assert_int_equal(recorder_event(&r.rec, YK_EV_XML_ENTITY_REF, 1)->loc.row, 2);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MALFORMED), 0);
    run_free(&r);
    free(xml);
}

/* One entity of 100 000 characters referenced 100 000 times: 10^10 bytes if expanded. */
static void quadratic_blowup(void **state)
{
    (void)state;
    size_t n = 100000;
    char *xml = malloc(n * 4 + 256), *p = xml;
    assert_non_null(xml);
    p += sprintf(p, "<!DOCTYPE r [<!ENTITY a \"");
    memset(p, 'x', n);
    p += n;
    p += sprintf(p, "\">]><r><i><v>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "&a;");
    sprintf(p, "</v></i></r>");
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_true(r.seconds < 2.0);
    assert_int_equal(r.rec.nrows, 2);
    assert_int_equal(row(&r, 1)->total_len, 0);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY), 1);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY_REF), n);
    run_free(&r);
    free(xml);
}

/* External entities, parameter entities and DTDs are named, never fetched; file:// and http://
 * would fail the run (or hang on the port) if they were. */
static void external_references_never_loaded(void **state)
{
    (void)state;
    const char *xml = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/r.dtd\" [\n"
                      " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
                      " <!ENTITY % remote PUBLIC \"-//X//Y\" \"http://127.0.0.1:9/x.dtd\">\n"
                      " %remote;\n"
                      " <!ENTITY logo SYSTEM \"logo.png\" NDATA png>\n"
                      " <!ENTITY lt \"&#38;#60;\">\n"
                      "]>\n"
                      "<r><i><v>&xxe;</v><w a=\"&xxe;\">&lt;</w></i></r>\n";
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 0)->text, "v|w.a|w");
    assert_string_equal(row(&r, 1)->text, "||<");
    assert_null(strstr(row(&r, 1)->text, "root"));
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_EXTERNAL), 4);
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_EXTERNAL, 0)->detail,
                        "DOCTYPE r SYSTEM \"http://127.0.0.1:9/r.dtd\"");
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_EXTERNAL, 1)->detail,
                        "ENTITY xxe SYSTEM \"file:///etc/passwd\"");
    assert_int_equal(recorder_event(&r.rec, YK_EV_XML_EXTERNAL, 1)->loc.line, 3);
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_EXTERNAL, 2)->detail,
                        "ENTITY % remote PUBLIC \"-//X//Y\" SYSTEM \"http://127.0.0.1:9/x.dtd\"");
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY_REF), 2);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_ENTITY), 0);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_MALFORMED), 0);
    run_free(&r);
}

/* --- limits --------------------------------------------------------------------------------- */

static void depth_limit(void **state)
{
    (void)state;
    /* The default (64): a record nested 10 000 deep stops the reading; row 2 stays. */
    size_t depth = 10000;
    char *xml = malloc(depth * 8 + 64), *p = xml;
    assert_non_null(xml);
    p += sprintf(p, "<r>\n<i><v>1</v></i>\n<i>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<x>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</x>");
    sprintf(p, "</i>\n<i><v>3</v></i>\n</r>\n");
    struct run r;
    run_text(&r, xml, NULL);
    assert_int_equal(r.rc, 0);
    assert_true(r.info.truncated);
    assert_int_equal(r.rec.nrows, 2);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_DEPTH), 1);
    assert_int_equal(r.rec.nevents, 1);
    assert_int_equal(recorder_event(&r.rec, YK_EV_XML_DEPTH, 0)->loc.line, 3);
    run_free(&r);
    /* A small limit; and a large one, where libxml2's own limit (256) speaks first. */
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_depth = 3;
    run_text(&r, "<r><i><a><b>deep</b></a></i></r>", &opt);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_DEPTH), 1);
    assert_string_equal(recorder_event(&r.rec, YK_EV_XML_DEPTH, 0)->detail, "b");
    assert_int_equal(r.rec.nrows, 0);
    run_free(&r);
    opt.limits.max_depth = 100000;
    run_text(&r, xml, &opt);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_DEPTH), 1);
    assert_int_equal(r.rec.nevents, 1);
    run_free(&r);
    free(xml);
}

static void cell_and_column_limits(void **state)
{
    (void)state;
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_cell_bytes = 5;
    struct run r;
    /* Cut on a character boundary: "Чо" is 4 bytes, "Чор" would be 6. */
    run_text(&r, "<r><i a=\"Чортків\"><v>Чортків</v><w>ok</w></i></r>", &opt);
    assert_int_equal(r.rc, 0);
    assert_string_equal(row(&r, 1)->text, "Чо|Чо|ok");
    assert_true(row(&r, 1)->flags & YK_ROW_TRUNCATED);
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 1);
    assert_int_equal(recorder_event(&r.rec, YK_EV_LIMIT, 0)->loc.field, 2);
    run_free(&r);

    recorder_options(&opt);
    opt.limits.max_columns = 2;
    run_text(&r, "<r><i><a>1</a><b>2</b><c>3</c></i><i><d>4</d><a>5</a></i></r>", &opt);
    assert_int_equal(r.rc, 0);
    assert_string_equal(row(&r, 0)->text, "a|b");
    assert_string_equal(row(&r, 2)->text, "5|");
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 1);
    assert_int_equal(recorder_count(&r.rec, YK_EV_XML_FIELD_EXTRA), 0);
    run_free(&r);
}

/* --- the library's manners -------------------------------------------------------------------- */

/* Nothing reaches stderr, whatever the input: every libxml2 message comes through the handler. */
static void never_prints(void **state)
{
    (void)state;
    char path[] = "/tmp/yakist-xml-err-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    assert_true(dup2(fd, STDERR_FILENO) >= 0);
    char *bomb = billion_laughs();
    const char *inputs[] = {
        bomb,
        "<!DOCTYPE r [<!ENTITY lt \"<\"><!ENTITY amp \"x\"><!ENTITY a \"1\"><!ENTITY a \"2\">]>"
        "<r><i>&a;</i></r>",
        "<r><i><a>1</b></i></r>",
        "<r xmlns:x=\"not absolute\"><x:i/><y:i/></r>",
        "<?xml version=\"1.0\" encoding=\"x-unknown\"?><r/>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>",
        "\xFF\xFE<\0r\0>\0<\0/\0r\0>\0",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct run r;
        memset(&r, 0, sizeof r);
        struct yk_check_options opt;
        recorder_options(&opt);
        struct yk_input in;
        size_t len = i == 6 ? 16 : strlen(inputs[i]);
        yk_input_open_memory(&in, inputs[i], len, "memory.xml");
        run_input(&r, &in, &opt);
        assert_int_equal(r.rc, 0);
        run_free(&r);
    }
    free(bomb);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    assert_int_equal(size, 0);
}

/* A sink's failure stops the loader and comes back as its code. */
static void sink_failure_propagates(void **state)
{
    (void)state;
    for (int k = 1; k <= 3; k++) {
        struct run r;
        memset(&r, 0, sizeof r);
        r.rec.fail_after = k;
        struct yk_check_options opt;
        recorder_options(&opt);
        struct yk_input in;
        yk_input_open_memory(&in, deputies, strlen(deputies), "memory.xml");
        run_input(&r, &in, &opt);
        assert_int_equal(r.rc, YK_EINTERNAL);
        run_free(&r);
    }
}

/* Encodings libxml2 decodes itself: a declared code page and UTF-16 with a BOM. */
static void declared_encodings(void **state)
{
    (void)state;
    struct run r;
    /* "Київ" in windows-1251: offsets are unknown once libxml2 converts the bytes. */
    run_text(
        &r,
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<r><i><m>\xCA\xE8\xBF\xE2</m></i></r>",
        NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 1)->text, "Київ");
    assert_int_equal(row(&r, 1)->line, 2);
    assert_int_equal(row(&r, 1)->offset, YK_NO_OFFSET);
    assert_string_equal(r.info.encoding, "windows-1251");
    run_free(&r);

    static const char utf16[] = "\xFF\xFE<\0r\0>\0<\0i\0>\0<\0v\0>\0\x16\x04<\0/\0v\0>\0"
                                "<\0/\0i\0>\0<\0/\0r\0>\0";
    memset(&r, 0, sizeof r);
    struct yk_check_options opt;
    recorder_options(&opt);
    struct yk_input in;
    yk_input_open_memory(&in, utf16, sizeof utf16 - 1, "memory.xml");
    run_input(&r, &in, &opt);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(row(&r, 1)->text, "Ж");
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_at_root),
        cmocka_unit_test(record_path),
        cmocka_unit_test(sniffing_records),
        cmocka_unit_test(attributes_and_nested),
        cmocka_unit_test(text_cdata_and_references),
        cmocka_unit_test(line_tracking),
        cmocka_unit_test(field_set_events),
        cmocka_unit_test(big_file_flat_memory),
        cmocka_unit_test(lines_past_65535),
        cmocka_unit_test(malformed),
        cmocka_unit_test(namespace_error_continues),
        cmocka_unit_test(expansion_bomb_reported_not_expanded),
        cmocka_unit_test(quadratic_blowup),
        cmocka_unit_test(external_references_never_loaded),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(cell_and_column_limits),
        cmocka_unit_test(never_prints),
        cmocka_unit_test(sink_failure_propagates),
        cmocka_unit_test(declared_encodings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
