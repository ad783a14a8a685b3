/* yakist unit tests — the CSV loader's row stream on small inputs: row numbers, lines and
 * offsets, line endings, blank records, the BOM, header and preamble rows, quoting problems,
 * invalid UTF-8, limits, and failures passed up from the sink or the input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "recorder.h"

struct run {
    struct recorder rec;
    struct yk_source_info info;
    struct yk_error err;
    int rc;
};

/* Load text (len from strlen unless given) with options adjusted by the caller. */
static void load_opt(struct run *r, const char *text, size_t len,
                     const struct yk_check_options *opt)
{
    memset(r, 0, sizeof *r);
    r->rec.check_nul = true;
    r->rc = recorder_load_memory(&r->rec, text, len ? len : strlen(text), opt, &r->info, &r->err);
    assert_int_equal(r->rc, 0);
    assert_true(r->rec.nul_ok);
}

static void load(struct run *r, const char *text)
{
    struct yk_check_options opt;
    recorder_options(&opt);
    load_opt(r, text, 0, &opt);
}

static void load_forced(struct run *r, const char *text, char delim, char quote, int header)
{
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.delimiter = delim;
    opt.quote = quote;
    opt.header = header;
    load_opt(r, text, 0, &opt);
}

static void assert_row(const struct rec_row *row, uint64_t number, uint64_t line, uint64_t offset,
                       const char *text)
{
    assert_int_equal(row->number, number);
    assert_int_equal(row->line, line);
    assert_int_equal(row->offset, offset);
    assert_string_equal(row->text, text);
}

static void basic_stream(void **state)
{
    (void)state;
    struct run r;
    load(&r, "id,name\n1,Київ\n2,Львів\n");
    assert_int_equal(r.rec.nrows, 3);
    assert_true(r.rec.rows[0].header);
    assert_row(&r.rec.rows[0], 1, 1, 0, "id|name");
    assert_false(r.rec.rows[1].header);
    assert_row(&r.rec.rows[1], 2, 2, 8, "1|Київ");
    assert_row(&r.rec.rows[2], 3, 3, 19, "2|Львів");
    assert_int_equal(r.rec.rows[1].flags, 0);
    assert_string_equal(r.info.format, "csv");
    assert_string_equal(r.info.encoding, "UTF-8");
    assert_int_equal(r.info.records, 3);
    assert_int_equal(r.info.columns, 2);
    assert_int_equal(r.info.bytes, 32);
    assert_int_equal(r.info.eol_count[YK_EOL_LF], 3);
    assert_int_equal(r.info.dialect.delimiter, ',');
    assert_true(r.info.dialect.header);
    assert_false(r.info.bom);
    assert_int_equal(r.rec.nevents, 0);
    recorder_free(&r.rec);

    /* No newline at the end: the last record still counts, once. */
    load(&r, "id,name\n1,x");
    assert_int_equal(r.rec.nrows, 2);
    assert_row(&r.rec.rows[1], 2, 2, 8, "1|x");
    assert_int_equal(r.info.eol_count[YK_EOL_LF], 1);
    recorder_free(&r.rec);
}

static void multiline_quoted_field(void **state)
{
    (void)state;
    struct run r;
    load(&r, "id,note\n1,\"line one\nline two\"\n2,x\n3,\"a\n\nb\"\n4,y\n");
    assert_int_equal(r.rec.nrows, 5);
    assert_row(&r.rec.rows[1], 2, 2, 8, "1|line one\nline two");
    assert_string_equal(r.rec.rows[1].quoted, "-q");
    assert_row(&r.rec.rows[2], 3, 4, 30, "2|x");
    assert_row(&r.rec.rows[3], 4, 5, 34, "3|a\n\nb");
    assert_row(&r.rec.rows[4], 5, 8, 43, "4|y");
    assert_int_equal(r.info.eol_count[YK_EOL_LF], 8);
    assert_int_equal(r.rec.nevents, 0);
    recorder_free(&r.rec);
}

static void line_endings(void **state)
{
    (void)state;
    struct run r;
    /* CRLF: no phantom empty records; an empty CRLF line is one blank record. */
    load(&r, "a,b\r\n1,2\r\n\r\n3,4\r\n");
    assert_int_equal(r.rec.nrows, 4);
    assert_row(&r.rec.rows[1], 2, 2, 5, "1|2");
    assert_row(&r.rec.rows[2], 3, 3, 10, "");
    assert_int_equal(r.rec.rows[2].flags, YK_ROW_BLANK);
    assert_row(&r.rec.rows[3], 4, 4, 12, "3|4");
    assert_int_equal(r.info.eol_count[YK_EOL_CRLF], 4);
    assert_int_equal(r.info.eol_count[YK_EOL_LF], 0);
    assert_int_equal(r.info.eol_count[YK_EOL_CR], 0);
    recorder_free(&r.rec);

    /* Old Mac CR line ends. */
    load(&r, "a,b\r1,2\r3,4");
    assert_int_equal(r.rec.nrows, 3);
    assert_row(&r.rec.rows[2], 3, 3, 8, "3|4");
    assert_int_equal(r.info.eol_count[YK_EOL_CR], 2);
    recorder_free(&r.rec);

    /* Mixed. */
    load(&r, "a,b\n1,2\r\n3,4\r5,6\n");
    assert_int_equal(r.rec.nrows, 4);
    assert_row(&r.rec.rows[3], 4, 4, 13, "5|6");
    assert_int_equal(r.info.eol_count[YK_EOL_LF], 2);
    assert_int_equal(r.info.eol_count[YK_EOL_CRLF], 1);
    assert_int_equal(r.info.eol_count[YK_EOL_CR], 1);
    recorder_free(&r.rec);

    /* A CRLF inside quotes is data and still a physical line. */
    load(&r, "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n");
    assert_int_equal(r.rec.nrows, 3);
    assert_row(&r.rec.rows[1], 2, 2, 5, "1|x\r\ny");
    assert_row(&r.rec.rows[2], 3, 4, 15, "2|z");
    assert_int_equal(r.info.eol_count[YK_EOL_CRLF], 4);
    recorder_free(&r.rec);
}

static void blank_records(void **state)
{
    (void)state;
    struct run r;
    load(&r, "a,b\n\n1,2\n,\n\"\",\"\"\n\n");
    assert_int_equal(r.rec.nrows, 6);
    assert_row(&r.rec.rows[1], 2, 2, 4, "");
    assert_int_equal(r.rec.rows[1].ncells, 0);
    assert_int_equal(r.rec.rows[1].flags, YK_ROW_BLANK);
    assert_int_equal(r.rec.rows[2].flags, 0);
    assert_int_equal(r.rec.rows[3].ncells, 2);
    assert_int_equal(r.rec.rows[3].flags, YK_ROW_BLANK);
    assert_int_equal(r.rec.rows[4].flags, YK_ROW_BLANK);
    assert_string_equal(r.rec.rows[4].quoted, "qq");
    assert_row(&r.rec.rows[5], 6, 6, 17, "");
    assert_int_equal(r.info.records, 6);
    recorder_free(&r.rec);

    /* Whitespace is kept: it is not blank, and rules may report it. */
    load(&r, "a,b\n x , y \n\t,\n");
    assert_int_equal(r.rec.nrows, 3);
    assert_string_equal(r.rec.rows[1].text, " x | y ");
    assert_int_equal(r.rec.rows[2].flags, 0);
    assert_string_equal(r.rec.rows[2].text, "\t|");
    recorder_free(&r.rec);

    load(&r, "");
    assert_int_equal(r.rec.nrows, 0);
    assert_int_equal(r.info.records, 0);
    assert_int_equal(r.info.bytes, 0);
    recorder_free(&r.rec);
}

static void bom_skipped(void **state)
{
    (void)state;
    struct run r;
    load(&r, "\xEF\xBB\xBFid,name\n1,x\n");
    assert_true(r.info.bom);
    assert_int_equal(r.rec.nrows, 2);
    assert_row(&r.rec.rows[0], 1, 1, 3, "id|name");
    assert_row(&r.rec.rows[1], 2, 2, 11, "1|x");
    assert_int_equal(r.info.bytes, 15);
    recorder_free(&r.rec);

    /* A BOM alone. */
    load(&r, "\xEF\xBB\xBF");
    assert_true(r.info.bom);
    assert_int_equal(r.rec.nrows, 0);
    assert_int_equal(r.info.bytes, 3);
    recorder_free(&r.rec);

    /* Columns of an invalid byte count from after the BOM. */
    load(&r, "\xEF\xBB\xBF\x61,\xFF\n");
    assert_int_equal(r.rec.nevents, 1);
    assert_int_equal(r.rec.events[0].loc.column, 3);
    assert_int_equal(r.rec.events[0].loc.offset, 5);
    recorder_free(&r.rec);
}

static void header_and_preamble(void **state)
{
    (void)state;
    struct run r;
    load(&r, "Звіт за 2024 рік\nid,name\n1,x\n");
    assert_int_equal(r.info.dialect.header_row, 2);
    assert_int_equal(r.rec.nrows, 3);
    assert_false(r.rec.rows[0].header);
    assert_int_equal(r.rec.rows[0].flags, YK_ROW_PREAMBLE);
    assert_true(r.rec.rows[1].header);
    assert_row(&r.rec.rows[1], 2, 2, 26, "id|name");
    assert_int_equal(r.rec.rows[2].flags, 0);
    assert_int_equal(r.info.columns, 2);
    recorder_free(&r.rec);

    /* No header: every record is a data row; columns come from the first filled one. */
    load_forced(&r, "\n1,2,3\n4,5\n", 0, 0, 0);
    assert_false(r.info.dialect.header);
    assert_true(r.info.dialect.header_forced);
    assert_int_equal(r.rec.nrows, 3);
    for (size_t i = 0; i < r.rec.nrows; i++)
        assert_false(r.rec.rows[i].header);
    assert_int_equal(r.info.columns, 3);
    recorder_free(&r.rec);

    /* Sniffed: numbers over numbers, no header. */
    load(&r, "1,2\n3,4\n");
    assert_false(r.info.dialect.header);
    assert_false(r.rec.rows[0].header);
    assert_int_equal(r.info.columns, 2);
    recorder_free(&r.rec);
}

static void forced_dialect(void **state)
{
    (void)state;
    struct run r;
    load_forced(&r, "a;b,c\n1;2,3\n", ';', 0, -1);
    assert_int_equal(r.info.dialect.delimiter, ';');
    assert_true(r.info.dialect.delimiter_forced);
    assert_string_equal(r.rec.rows[1].text, "1|2,3");
    recorder_free(&r.rec);

    /* Quoting off: quotes are plain text and nothing is reported about them. */
    load_forced(&r, "a,b\n\"x,y\"\n", ',', YK_QUOTE_NONE, 1);
    assert_int_equal(r.info.dialect.quote, 0);
    assert_string_equal(r.rec.rows[1].text, "\"x|y\"");
    assert_string_equal(r.rec.rows[1].quoted, "--");
    assert_int_equal(r.rec.nevents, 0);
    recorder_free(&r.rec);

    /* Apostrophe quoting. */
    load(&r, "'id','name'\n'1','Київ, центр'\n'2','Львів'\n");
    assert_int_equal(r.info.dialect.quote, '\'');
    assert_string_equal(r.rec.rows[1].text, "1|Київ, центр");
    assert_string_equal(r.rec.rows[1].quoted, "qq");
    recorder_free(&r.rec);

    /* Tab. */
    load(&r, "a\tb\n1\t2\n");
    assert_int_equal(r.info.dialect.delimiter, '\t');
    assert_string_equal(r.rec.rows[1].text, "1|2");
    recorder_free(&r.rec);
}

static void quoting_problems(void **state)
{
    (void)state;
    struct run r;
    const struct rec_event *e;

    /* Escaped quotes are fine. */
    load(&r, "id,name\n1,\"ТОВ \"\"Зоря\"\"\"\n");
    assert_int_equal(r.rec.nevents, 0);
    assert_string_equal(r.rec.rows[1].text, "1|ТОВ \"Зоря\"");
    assert_string_equal(r.rec.rows[1].quoted, "-q");
    recorder_free(&r.rec);

    /* A quote inside an unquoted field: one event for the field, at the first quote. */
    load(&r, "id,name\n1,ТОВ \"Зоря\"\n2,x\n");
    assert_int_equal(recorder_count(&r.rec, YK_EV_QUOTE_STRAY), 1);
    e = recorder_event(&r.rec, YK_EV_QUOTE_STRAY, 0);
    assert_int_equal(e->loc.line, 2);
    assert_int_equal(e->loc.column, 7);
    assert_int_equal(e->loc.offset, 17);
    assert_int_equal(e->loc.row, 2);
    assert_string_equal(r.rec.rows[1].text, "1|ТОВ \"Зоря\"");
    assert_int_equal(r.rec.nrows, 3);
    recorder_free(&r.rec);

    /* Text after a closing quote: reported at that quote; read on as Python's csv does. */
    load(&r, "id,name,x\n1,\"ab\"c,d\n");
    assert_int_equal(recorder_count(&r.rec, YK_EV_QUOTE_STRAY), 1);
    e = recorder_event(&r.rec, YK_EV_QUOTE_STRAY, 0);
    assert_int_equal(e->loc.line, 2);
    assert_int_equal(e->loc.column, 6);
    assert_int_equal(e->loc.offset, 15);
    assert_string_equal(r.rec.rows[1].text, "1|abc|d");
    assert_int_equal(r.rec.rows[1].ncells, 3);
    recorder_free(&r.rec);

    /* More quotes in the same broken field: still one event. */
    load(&r, "a,b\n\"x\"y\"z\",w\n");
    assert_int_equal(recorder_count(&r.rec, YK_EV_QUOTE_STRAY), 1);
    assert_string_equal(r.rec.rows[1].text, "xy\"z\"|w");
    recorder_free(&r.rec);

    /* A space after the closing quote is text too. */
    load(&r, "a,b\n\"x\" ,y\n");
    assert_int_equal(recorder_count(&r.rec, YK_EV_QUOTE_STRAY), 1);
    assert_string_equal(r.rec.rows[1].text, "x |y");
    recorder_free(&r.rec);

    /* Unclosed: reported where the quoted field starts; it runs to the end of the file. */
    load(&r, "id,name\n1,\"abc\n2,x\n3,y\n");
    assert_int_equal(recorder_count(&r.rec, YK_EV_QUOTE_UNCLOSED), 1);
    e = recorder_event(&r.rec, YK_EV_QUOTE_UNCLOSED, 0);
    assert_int_equal(e->loc.line, 2);
    assert_int_equal(e->loc.column, 3);
    assert_int_equal(e->loc.offset, 10);
    assert_int_equal(e->loc.row, 2);
    assert_int_equal(r.rec.nrows, 2);
    assert_string_equal(r.rec.rows[1].text, "1|abc\n2,x\n3,y\n");
    recorder_free(&r.rec);

    /* A closed field followed by an opened one on a later line. */
    load(&r, "a,b\n\"ok\",1\nx,\"Київ\"\"\n");
    e = recorder_event(&r.rec, YK_EV_QUOTE_UNCLOSED, 0);
    assert_non_null(e);
    assert_int_equal(e->loc.line, 3);
    assert_int_equal(e->loc.column, 3);
    recorder_free(&r.rec);
}

static void invalid_utf8(void **state)
{
    (void)state;
    struct run r;
    /* Київ in Windows-1251, then a lone 0xFF. */
    load(&r, "id,name\n1,\xCA\xE8\xBF\xE2\n2,ok\xFF\n3,Київ\n");
    assert_int_equal(r.info.invalid_utf8, 4);
    assert_int_equal(recorder_count(&r.rec, YK_EV_INVALID_UTF8), 4);
    const struct rec_event *e = r.rec.events;
    assert_int_equal(e[0].loc.offset, 10);
    assert_int_equal(e[0].loc.line, 2);
    assert_int_equal(e[0].loc.column, 3);
    assert_int_equal(e[0].loc.row, 2);
    assert_string_equal(e[0].detail, "byte 0xCA");
    assert_int_equal(e[1].loc.offset, 11);
    assert_int_equal(e[1].loc.column, 4);
    assert_string_equal(e[1].detail, "bytes 0xE8 0xBF");
    assert_int_equal(e[2].loc.offset, 13);
    assert_int_equal(e[2].loc.column, 6);
    assert_int_equal(e[3].loc.offset, 19);
    assert_int_equal(e[3].loc.line, 3);
    assert_int_equal(e[3].loc.column, 5);
    assert_int_equal(e[3].loc.row, 3);
    /* Reading goes on; the bytes stay in the cells as they are. */
    assert_int_equal(r.rec.nrows, 4);
    assert_string_equal(r.rec.rows[1].text, "1|\xCA\xE8\xBF\xE2");
    assert_string_equal(r.rec.rows[3].text, "3|Київ");
    recorder_free(&r.rec);

    /* Columns count characters: the bad byte after "Київ," is the sixth. */
    load(&r, "a,b\nКиїв,\xC0\n");
    assert_int_equal(r.rec.nevents, 1);
    assert_int_equal(r.rec.events[0].loc.column, 6);
    assert_int_equal(r.rec.events[0].loc.offset, 13);
    recorder_free(&r.rec);

    /* A sequence cut by the end of the file. */
    load(&r, "a,b\n1,\xE2\x82");
    assert_int_equal(r.info.invalid_utf8, 1);
    assert_int_equal(r.rec.events[0].loc.offset, 6);
    assert_int_equal(r.rec.events[0].loc.line, 2);
    assert_int_equal(r.rec.events[0].loc.column, 3);
    assert_string_equal(r.rec.events[0].detail, "bytes 0xE2 0x82");
    recorder_free(&r.rec);

    /* Surrogates and overlongs, inside quotes too. */
    load(&r, "a,b\n\"\xED\xA0\x80\",\xC0\xAF\n");
    assert_int_equal(r.info.invalid_utf8, 5);
    recorder_free(&r.rec);
}

static void limits(void **state)
{
    (void)state;
    struct run r;
    const struct rec_event *e;
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_columns = 3;
    load_opt(&r, "a,b,c,d,e\n1,2\n1,2,3,4\n", 0, &opt);
    assert_int_equal(r.rec.rows[0].ncells, 3);
    assert_int_equal(r.rec.rows[0].flags, YK_ROW_TRUNCATED);
    assert_string_equal(r.rec.rows[0].text, "a|b|c");
    assert_int_equal(r.rec.rows[1].flags, 0);
    assert_int_equal(r.rec.rows[2].flags, YK_ROW_TRUNCATED);
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 2); /* one per row, not per cell */
    assert_int_equal(recorder_event(&r.rec, YK_EV_LIMIT, 0)->loc.row, 1);
    assert_int_equal(recorder_event(&r.rec, YK_EV_LIMIT, 1)->loc.row, 3);
    assert_int_equal(r.info.columns, 3);
    assert_true(r.info.truncated);
    recorder_free(&r.rec);

    recorder_options(&opt);
    opt.limits.max_cell_bytes = 5;
    load_opt(&r, "id,name\n1,abcdefgh\n2,Київ\n3,abc\n", 0, &opt);
    assert_string_equal(r.rec.rows[1].text, "1|abcde");
    assert_int_equal(r.rec.rows[1].flags, YK_ROW_TRUNCATED);
    assert_string_equal(r.rec.rows[2].text, "2|Ки"); /* never half a letter */
    assert_int_equal(r.rec.rows[3].flags, 0);
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 2);
    e = recorder_event(&r.rec, YK_EV_LIMIT, 0);
    assert_int_equal(e->loc.row, 2);
    assert_int_equal(e->loc.field, 2);
    assert_int_equal(e->loc.line, 2);
    assert_true(r.info.truncated);
    recorder_free(&r.rec);

    /* A cell far longer than one feed of the parser, and an unclosed quote that would swallow
     * the file: both are cut at the limit, each with one event. */
    size_t big = 300 * 1024;
    char *text = malloc(big + 300 * 1024);
    assert_non_null(text);
    strcpy(text, "id,name\n1,");
    size_t len = strlen(text);
    memset(text + len, 'x', big);
    len += big;
    memcpy(text + len, "\nКиїв,\"", 11);
    len += 11;
    for (size_t i = 0; i < 20; i++)
        len += (size_t)sprintf(text + len, "l%zu\n", i);
    recorder_options(&opt);
    opt.limits.max_cell_bytes = 1000;
    load_opt(&r, text, len, &opt);
    assert_int_equal(r.rec.nrows, 3);
    assert_int_equal(r.rec.rows[1].total_len, 1 + 1000);
    assert_int_equal(r.rec.rows[2].total_len, 8 + 3 * 10 + 4 * 10);
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 1);
    e = recorder_event(&r.rec, YK_EV_QUOTE_UNCLOSED, 0);
    assert_non_null(e);
    assert_int_equal(e->loc.line, 3);
    assert_int_equal(e->loc.column, 6);
    assert_int_equal(e->loc.offset, 10 + big + 10);
    recorder_free(&r.rec);

    /* The same quote, now left open over two more chunks. */
    memset(text + 10 + big + 11, 'y', 250 * 1024);
    load_opt(&r, text, 10 + big + 11 + 250 * 1024, &opt);
    assert_int_equal(r.rec.rows[2].total_len, 8 + 1000);
    assert_int_equal(recorder_count(&r.rec, YK_EV_LIMIT), 2);
    e = recorder_event(&r.rec, YK_EV_QUOTE_UNCLOSED, 0);
    assert_non_null(e);
    assert_int_equal(e->loc.line, 3);
    assert_int_equal(e->loc.column, 6);
    assert_int_equal(e->loc.offset, 10 + big + 10);
    recorder_free(&r.rec);
    free(text);
}

static int failing_event(void *ctx, const struct yk_event *ev)
{
    (void)ctx;
    (void)ev;
    return YK_ENOMEM;
}

static void failures_passed_up(void **state)
{
    (void)state;
    struct recorder rec;
    struct yk_source_info info;
    struct yk_error err;
    struct yk_check_options opt;
    recorder_options(&opt);

    /* A sink error stops the loader and comes back unchanged. */
    memset(&rec, 0, sizeof rec);
    rec.fail_after = 2;
    const char *text = "a,b\n1,2\n3,4\n5,6\n";
    assert_int_equal(recorder_load_memory(&rec, text, strlen(text), &opt, &info, &err),
                     YK_EINTERNAL);
    assert_int_equal(rec.nrows, 1);
    recorder_free(&rec);

    struct yk_arena *arena = yk_arena_create(0);
    struct yk_input in;
    struct yk_sink sink = recorder_sink(&rec);
    sink.on_event = failing_event;
    memset(&rec, 0, sizeof rec);
    memset(&info, 0, sizeof info);
    yk_input_open_memory(&in, "a\n\xFF\n2\n", 6, "bad.csv");
    assert_int_equal(yk_loader_csv.load(&in, &opt, &info, &sink, arena, &err), YK_ENOMEM);
    recorder_free(&rec);

    /* A read error is YK_EIO naming the file. */
    memset(&in, 0, sizeof in);
    in.name = "a-directory";
    in.fd = open(".", O_RDONLY);
    assert_true(in.fd >= 0);
    in.buf = malloc(YK_INPUT_CHUNK);
    memset(&info, 0, sizeof info);
    yk_error_clear(&err);
    assert_int_equal(yk_loader_csv.load(&in, &opt, &info, &sink, arena, &err), YK_EIO);
    assert_string_equal(err.file, "a-directory");
    yk_input_close(&in);
    yk_arena_destroy(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(basic_stream),
        cmocka_unit_test(multiline_quoted_field),
        cmocka_unit_test(line_endings),
        cmocka_unit_test(blank_records),
        cmocka_unit_test(bom_skipped),
        cmocka_unit_test(header_and_preamble),
        cmocka_unit_test(forced_dialect),
        cmocka_unit_test(quoting_problems),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(limits),
        cmocka_unit_test(failures_passed_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
