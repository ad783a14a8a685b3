/* yakist — unit tests of the JSON loader: every records shape, flattening, Ukrainian text and
 * escapes, line and offset tracking, malformed documents, limits, and a 10 000-record file
 * read from disk while memory stays flat. */
#define _GNU_SOURCE /* mallinfo2, to watch the heap in the streaming test */
#include <inttypes.h>
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "loader.h"
#include "recorder.h"

/* Run the JSON loader over a string (or a file when path is set). */
static int load_in(struct recorder *rec, struct yk_input *in, const struct yk_check_options *opt,
                   struct yk_source_info *info)
{
    struct yk_arena *arena = yk_arena_create(0);
    assert_non_null(arena);
    struct yk_sink sink = recorder_sink(rec);
    struct yk_error err;
    memset(info, 0, sizeof *info);
    info->path = in->name;
    rec->check_nul = true;
    rec->nul_ok = true;
    int rc = yk_loader_json.load(in, opt, info, &sink, arena, &err);
    yk_arena_destroy(arena);
    assert_true(rec->nul_ok);
    return rc;
}

static int load_opt(struct recorder *rec, const char *text, const struct yk_check_options *opt,
                    struct yk_source_info *info)
{
    struct yk_input in;
    yk_input_open_memory(&in, text, strlen(text), "memory.json");
    int rc = load_in(rec, &in, opt, info);
    yk_input_close(&in);
    return rc;
}

static int load(struct recorder *rec, const char *text, struct yk_source_info *info)
{
    struct yk_check_options opt;
    recorder_options(&opt);
    return load_opt(rec, text, &opt, info);
}

static const struct rec_row *data_row(const struct recorder *rec, size_t nth)
{
    for (size_t i = 0; i < rec->nrows; i++)
        if (!rec->rows[i].header && nth-- == 0)
            return &rec->rows[i];
    fail_msg("no data row %zu", nth);
    return NULL;
}

static size_t data_rows(const struct recorder *rec)
{
    size_t n = 0;
    for (size_t i = 0; i < rec->nrows; i++)
        n += !rec->rows[i].header;
    return n;
}

/* --- shapes ------------------------------------------------------------------------------ */

static void records_array(void **state)
{
    (void)state;
    const char *doc = "[\n"
                      "  {\"назва\": \"Укриття №1\", \"адреса\": \"вул. Шевченка, 12\", "
                      "\"місткість\": 120},\n"
                      "  {\"назва\": \"Укриття №2\", \"адреса\": \"вул. Незалежності, 3\", "
                      "\"місткість\": 45.5}\n"
                      "]\n";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(rec.nrows, 3);
    assert_true(rec.rows[0].header);
    assert_string_equal(rec.rows[0].text, "назва|адреса|місткість");
    assert_int_equal(rec.rows[0].number, 1);
    assert_int_equal(rec.rows[0].line, 2);
    assert_string_equal(rec.rows[1].text, "Укриття №1|вул. Шевченка, 12|120");
    assert_string_equal(rec.rows[1].quoted, "qq-");
    assert_int_equal(rec.rows[1].number, 2);
    assert_int_equal(rec.rows[1].line, 2);
    assert_int_equal(rec.rows[1].offset, 4);
    assert_string_equal(rec.rows[2].text, "Укриття №2|вул. Незалежності, 3|45.5");
    assert_int_equal(rec.rows[2].number, 3);
    assert_int_equal(rec.rows[2].line, 3);
    assert_int_equal(rec.rows[2].offset,
                     (uint64_t)(strstr(doc, "  {\"назва\": \"Укриття №2") - doc + 2));
    assert_int_equal(rec.nevents, 0);
    assert_string_equal(info.format, "json");
    assert_int_equal(info.records, 3);
    assert_int_equal(info.columns, 3);
    assert_int_equal(info.bytes, strlen(doc));
    assert_int_equal(info.eol_count[YK_EOL_LF], 4);
    recorder_free(&rec);
}

static void flattening(void **state)
{
    (void)state;
    const char *doc =
        "[{\"id\": 1, \"адреса\": {\"вулиця\": \"Шевченка\", \"будинок\": \"12А\"},"
        " \"координати\": {\"lat\": 49.0168, \"lon\": 25.7984},"
        " \"телефони\": [\"+380355221234\", \"+380355225678\"], \"порожнє\": {}},\n"
        " {\"id\": 2, \"адреса\": {\"будинок\": \"3\", \"вулиця\": \"Незалежності\"},"
        " \"координати\": {\"lat\": 49.02, \"lon\": 25.8}, \"телефони\": [], \"порожнє\": {}}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_string_equal(rec.rows[0].text, "id|адреса.вулиця|адреса.будинок|координати.lat|"
                                          "координати.lon|телефони|порожнє");
    assert_string_equal(data_row(&rec, 0)->text, "1|Шевченка|12А|49.0168|25.7984|"
                                                 "[\"+380355221234\",\"+380355225678\"]|{}");
    assert_string_equal(data_row(&rec, 0)->quoted, "-qq----");
    /* Keys in another order still land in their columns. */
    assert_string_equal(data_row(&rec, 1)->text, "2|Незалежності|3|49.02|25.8|[]|{}");
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NESTED), 4);
    const struct rec_event *ev = recorder_event(&rec, YK_EV_JSON_NESTED, 0);
    assert_int_equal(ev->loc.row, 2);
    assert_int_equal(ev->loc.field, 6);
    assert_string_equal(ev->detail, "array");
    assert_string_equal(recorder_event(&rec, YK_EV_JSON_NESTED, 1)->detail, "object");
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_NESTED, 2)->loc.line, 2);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_MISSING), 0);
    recorder_free(&rec);
}

static void structure_changes(void **state)
{
    (void)state;
    /* An object where the header has a plain value is kept as JSON text; a plain value where the
     * header has flattened keys is an extra key, and those keys are missing. */
    const char *doc = "[{\"a\": 1, \"b\": {\"c\": 2}},\n"
                      " {\"a\": {\"x\": 1}, \"b\": \"текст\"},\n"
                      " {\"a\": 3, \"b\": {\"c\": 4}, \"d\": true}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_string_equal(rec.rows[0].text, "a|b.c");
    assert_string_equal(data_row(&rec, 1)->text, "{\"x\":1}|");
    assert_string_equal(data_row(&rec, 2)->text, "3|4");
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NESTED), 1);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_EXTRA), 2);
    assert_string_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 0)->detail, "b");
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 0)->loc.row, 3);
    assert_string_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 1)->detail, "d");
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 1)->loc.line, 3);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_MISSING), 1);
    const struct rec_event *ev = recorder_event(&rec, YK_EV_JSON_KEY_MISSING, 0);
    assert_string_equal(ev->detail, "b.c");
    assert_int_equal(ev->loc.row, 3);
    assert_int_equal(ev->loc.field, 2);
    recorder_free(&rec);
}

static void missing_and_extra_keys(void **state)
{
    (void)state;
    const char *doc = "[{\"a\": 1, \"b\": 2}, {\"a\": 3}, {\"b\": 5, \"a\": 4, \"c\": 6}, {}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(data_rows(&rec), 4);
    assert_string_equal(data_row(&rec, 1)->text, "3|");
    assert_string_equal(data_row(&rec, 2)->text, "4|5");
    assert_int_equal(data_row(&rec, 3)->flags & YK_ROW_BLANK, YK_ROW_BLANK);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_MISSING), 3);
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_MISSING, 0)->loc.row, 3);
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_MISSING, 1)->loc.row, 5);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_EXTRA), 1);
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 0)->loc.row, 4);
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_KEY_EXTRA, 0)->loc.column, 30);
    assert_int_equal(info.records, 5);
    recorder_free(&rec);
}

static void ukrainian_and_escapes(void **state)
{
    (void)state;
    const char *doc = "\xEF\xBB\xBF[{\"назва\": "
                      "\"\\u0406\\u0432\\u0430\\u043d\\u043e-\\u0424\\u0440\\u0430\\u043d\\u043a"
                      "\\u0456\\u0432\\u0441\\u044c\\u043a\", "
                      "\"опис\": \"рядок 1\\nрядок 2\\t\\\"лапки\\\" \\\\ a\\/b\", "
                      "\"прапор\": \"\\ud83c\\uddfa\\ud83c\\udde6\", \"ї\": \"ґанок і їжак\"}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_true(info.bom);
    assert_string_equal(rec.rows[0].text, "назва|опис|прапор|ї");
    assert_string_equal(data_row(&rec, 0)->text, "Івано-Франківськ|рядок 1\nрядок 2\t\"лапки\" "
                                                 "\\ a/b|🇺🇦|ґанок і їжак");
    assert_int_equal(data_row(&rec, 0)->offset, 4);
    assert_int_equal(data_row(&rec, 0)->line, 1);
    recorder_free(&rec);
}

static void numbers_and_literals(void **state)
{
    (void)state;
    const char *doc = "[{\"a\": 1, \"b\": -0, \"c\": 1.5, \"d\": 1e3, \"e\": 0.1, "
                      "\"f\": 1E+2, \"g\": true, \"h\": false, \"i\": null, "
                      "\"j\": \"1\", \"k\": 1.0e-7, \"l\": 3.141592653589793, \"m\": -42},\n"
                      " {\"a\": 7, \"f\": 12345678901234567890, \"m\": -42}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_string_equal(data_row(&rec, 0)->text, "1|0|1.5|1000.0|0.1|100.0|"
                                                 "true|false||1|1e-07|3.141592653589793|-42");
    assert_string_equal(data_row(&rec, 0)->quoted, "---------q---");
    /* An integer beyond 64 bits is read as a real; the record's other integers stay integers. */
    assert_string_equal(data_row(&rec, 1)->text, "7|||||1.2345678901234567e+19|||||||-42");
    assert_int_equal(rec.nevents, 10);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_MISSING), 10);
    recorder_free(&rec);
}

static void wrapped_records(void **state)
{
    (void)state;
    static const struct {
        const char *doc, *path, *header, *first;
    } cases[] = {
        {"{\"meta\": {\"джерело\": \"Чортківська міська рада\"}, \"data\": [{\"a\": 1}, "
         "{\"a\": 2}], \"total\": 2}",
         NULL, "a", "1"},
        {"{\"success\": true, \"result\": {\"total\": 1, \"records\": [{\"b\": \"x\"}]}}", NULL,
         "b", "x"},
        {"{\"result\": {\"results\": [{\"c\": null}]}}", NULL, "c", ""},
        {"{\"data\": {\"items\": [{\"d\": false}]}}", NULL, "d", "false"},
        {"{\"оновлено\": \"2024-10-01\", \"укриття\": [{\"e\": 5}]}", NULL, "e", "5"},
        {"{\"відповідь\": {\"укриття\": [{\"f\": 6}]}, \"data\": [{\"g\": 7}]}",
         "відповідь.укриття", "f", "6"},
        {"{\"x\": {\"y\": [[\"h\"], [8]]}}", "$.x.y", "h", "8"},
        {"[{\"i\": 9}]", "data", "i", "9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct recorder rec = {0};
        struct yk_source_info info;
        struct yk_check_options opt;
        recorder_options(&opt);
        opt.record_path = cases[i].path;
        assert_int_equal(load_opt(&rec, cases[i].doc, &opt, &info), 0);
        assert_int_equal(rec.nevents, 0);
        assert_true(rec.nrows >= 2);
        assert_string_equal(rec.rows[0].text, cases[i].header);
        assert_string_equal(data_row(&rec, 0)->text, cases[i].first);
        recorder_free(&rec);
    }
}

static void ckan_datastore(void **state)
{
    (void)state;
    const char *dump = "{\n  \"fields\": [{\"id\": \"_id\", \"type\": \"int\"}, "
                       "{\"id\": \"назва\", \"type\": \"text\"}, "
                       "{\"id\": \"потужність\", \"type\": \"numeric\"}],\n"
                       "  \"records\": [\n"
                       "    [1, \"ЕЗС Чортків-1\", 50],\n"
                       "    [2, \"ЕЗС Чортків-2\", 22, \"зайве\"],\n"
                       "    [3, \"ЕЗС Чортків-3\"]\n  ]\n}\n";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, dump, &info), 0);
    assert_int_equal(rec.nrows, 4);
    assert_string_equal(rec.rows[0].text, "_id|назва|потужність");
    assert_int_equal(rec.rows[0].number, 1);
    assert_int_equal(rec.rows[1].number, 2);
    assert_int_equal(rec.rows[1].line, 4);
    assert_int_equal(rec.rows[2].ncells, 4);
    assert_int_equal(rec.rows[3].ncells, 2);
    assert_int_equal(rec.rows[3].number, 4);
    assert_int_equal(info.records, 4);
    recorder_free(&rec);

    /* datastore_search: keyed records, columns in `fields` order. */
    const char *search = "{\"help\": \"...\", \"success\": true, \"result\": {\"fields\": "
                         "[{\"id\": \"_id\", \"type\": \"int\"}, {\"id\": \"назва\", "
                         "\"type\": \"text\"}], \"records\": [{\"_id\": 1, \"назва\": \"A\"}, "
                         "{\"назва\": \"B\", \"_id\": 2}, {\"_id\": 3}], \"total\": 3}}";
    memset(&rec, 0, sizeof rec);
    assert_int_equal(load(&rec, search, &info), 0);
    assert_string_equal(rec.rows[0].text, "_id|назва");
    assert_string_equal(data_row(&rec, 0)->text, "1|A");
    assert_string_equal(data_row(&rec, 1)->text, "2|B");
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_MISSING), 1);
    recorder_free(&rec);

    /* Only a Table Schema or a field list: no records. */
    memset(&rec, 0, sizeof rec);
    assert_int_equal(load(&rec, "{\"fields\": [{\"id\": \"a\"}]}", &info), 0);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NO_RECORDS), 1);
    assert_int_equal(rec.nrows, 0);
    recorder_free(&rec);
}

static void array_of_rows(void **state)
{
    (void)state;
    /* The conformance suite's table.json. */
    const char *doc = "[\n    [\"id\", \"name\"],\n    [1, \"english\"],\n    [2, \"中国人\"]\n]\n";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(rec.nrows, 3);
    assert_true(rec.rows[0].header);
    assert_string_equal(rec.rows[0].text, "id|name");
    assert_int_equal(rec.rows[0].number, 1);
    assert_int_equal(rec.rows[0].line, 2);
    assert_string_equal(rec.rows[2].text, "2|中国人");
    assert_int_equal(rec.rows[2].number, 3);
    assert_int_equal(rec.rows[2].line, 4);
    assert_int_equal(info.records, 3);
    recorder_free(&rec);

    memset(&rec, 0, sizeof rec);
    assert_int_equal(load(&rec, "[[\"a\", \"b\"], [1], [1, 2, [3]], [], {\"a\": 1}]", &info), 0);
    assert_int_equal(data_row(&rec, 0)->ncells, 1);
    assert_int_equal(data_row(&rec, 1)->ncells, 3);
    assert_string_equal(data_row(&rec, 1)->text, "1|2|[3]");
    assert_int_equal(data_row(&rec, 2)->flags & YK_ROW_BLANK, YK_ROW_BLANK);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NESTED), 1);
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_NESTED, 0)->loc.field, 3);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NOT_RECORD), 1);
    assert_string_equal(recorder_event(&rec, YK_EV_JSON_NOT_RECORD, 0)->detail, "object");
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_NOT_RECORD, 0)->loc.row, 5);
    recorder_free(&rec);
}

static void not_records(void **state)
{
    (void)state;
    const char *doc = "[{\"a\": 1},\n \"рядок\", 5, [1, 2], null, {\"a\": 2}]";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(data_rows(&rec), 2);
    assert_int_equal(data_row(&rec, 1)->number, 7);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_NOT_RECORD), 4);
    static const char *const types[] = {"string", "number", "array", "null"};
    for (size_t i = 0; i < 4; i++) {
        const struct rec_event *ev = recorder_event(&rec, YK_EV_JSON_NOT_RECORD, i);
        assert_string_equal(ev->detail, types[i]);
        assert_int_equal(ev->loc.row, 3 + i);
        assert_int_equal(ev->loc.line, 2);
    }
    assert_int_equal(recorder_event(&rec, YK_EV_JSON_NOT_RECORD, 0)->loc.column, 2);
    recorder_free(&rec);
}

static void no_records(void **state)
{
    (void)state;
    static const struct {
        const char *doc, *path;
        size_t events;
        const char *detail;
    } cases[] = {
        {"{\"назва\": \"Чортківська міська рада\", \"код\": \"04058367\"}", NULL, 1,
         "no array of records"},
        {"  42 ", NULL, 1, "a single number"},
        {"\"текст\"", NULL, 1, "a single string"},
        {"", NULL, 0, NULL},
        {" \n\t ", NULL, 0, NULL},
        {"[]", NULL, 0, NULL},
        {"{\"data\": []}", NULL, 0, NULL},
        {"{\"a\": {\"b\": 1}}", "a.c", 1, "not in the document"},
        {"{\"a\": {\"b\": 1}}", "a", 1, "holds an object"},
        {"{\"tags\": [{\"name\": \"укриття\"}]}", NULL, 1, "no array of records"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct recorder rec = {0};
        struct yk_source_info info;
        struct yk_check_options opt;
        recorder_options(&opt);
        opt.record_path = cases[i].path;
        assert_int_equal(load_opt(&rec, cases[i].doc, &opt, &info), 0);
        assert_int_equal(rec.nrows, 0);
        assert_int_equal(rec.nevents, cases[i].events);
        if (cases[i].events) {
            const struct rec_event *ev = recorder_event(&rec, YK_EV_JSON_NO_RECORDS, 0);
            assert_non_null(ev);
            assert_non_null(strstr(ev->detail, cases[i].detail));
            assert_int_equal(ev->loc.line, 1);
        }
        recorder_free(&rec);
    }
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.record_path = "a..b";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load_opt(&rec, "[]", &opt, &info), YK_EINVAL);
    recorder_free(&rec);
}

/* --- malformed documents ----------------------------------------------------------------- */

static void malformed(void **state)
{
    (void)state;
    static const struct {
        const char *doc;
        size_t rows; /* data rows kept */
        uint64_t line, column;
        const char *detail;
    } cases[] = {
        {"[\n  {\"a\": 1},\n  {\"a\": 2,}\n]", 1, 3, 11, "string or '}' expected"},
        {"[{\"a\": 1}\n{\"a\": 2}]", 1, 2, 1, "',' or ']' expected"},
        {"[{\"a\": 1}, {\"a\":", 1, 1, 16, "near end of file"},
        {"[{\"a\": 1}] x", 1, 1, 12, "end of file expected"},
        {"[{\"a\": 1},]", 1, 1, 11, "a value expected after ','"},
        {"[{\"a\": \"\xff\"}]", 0, 1, 8, "unable to decode byte 0xff"},
        {"[{\"a\": tru}]", 0, 1, 10, "invalid token"},
        {"[{\"a\": 1}, {\"a\": \"рядок\nз переносом\"}]", 1, 1, 23, "unexpected newline"},
        {"{\"data\": [{\"a\": 1}] \"x\": 2}", 1, 1, 21, "',' or '}' expected"},
        {"{\"data\" [{\"a\": 1}]}", 0, 1, 9, "':' expected"},
        {"{data: []}", 0, 1, 2, "string or '}' expected"},
        {"[1, 2", 0, 1, 6, "premature end of input"},
        {"[{\"a\": 1} , ", 1, 1, 13, "premature end of input"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct recorder rec = {0};
        struct yk_source_info info;
        assert_int_equal(load(&rec, cases[i].doc, &info), 0);
        assert_int_equal(data_rows(&rec), cases[i].rows);
        assert_int_equal(recorder_count(&rec, YK_EV_JSON_SYNTAX), 1);
        assert_int_equal(recorder_count(&rec, YK_EV_JSON_NO_RECORDS), 0);
        const struct rec_event *ev = recorder_event(&rec, YK_EV_JSON_SYNTAX, 0);
        if (!strstr(ev->detail, cases[i].detail) || ev->loc.line != cases[i].line ||
            ev->loc.column != cases[i].column)
            fail_msg("case %zu: %s at %" PRIu64 ":%" PRIu64, i, ev->detail, ev->loc.line,
                     ev->loc.column);
        recorder_free(&rec);
    }
}

/* --- limits ------------------------------------------------------------------------------ */

static void depth_limit(void **state)
{
    (void)state;
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_depth = 3;
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load_opt(&rec, "[{\"a\": {\"b\": 1}}]", &opt, &info), 0);
    assert_int_equal(rec.nevents, 0);
    assert_string_equal(data_row(&rec, 0)->text, "1");
    recorder_free(&rec);

    memset(&rec, 0, sizeof rec);
    assert_int_equal(load_opt(&rec, "[{\"a\": 1},\n {\"a\": {\"b\": {\"c\": 1}}}]", &opt, &info),
                     0);
    assert_int_equal(data_rows(&rec), 1);
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 1);
    const struct rec_event *ev = recorder_event(&rec, YK_EV_LIMIT, 0);
    assert_int_equal(ev->loc.line, 2);
    assert_int_equal(ev->loc.column, 14);
    assert_non_null(strstr(ev->detail, "nesting"));
    assert_true(info.truncated);
    recorder_free(&rec);

    /* A deep bomb stops at the limit without recursing. */
    size_t n = 100000;
    char *bomb = malloc(2 * n + 1);
    memset(bomb, '[', n);
    memset(bomb + n, ']', n);
    bomb[2 * n] = '\0';
    recorder_options(&opt);
    memset(&rec, 0, sizeof rec);
    assert_int_equal(load_opt(&rec, bomb, &opt, &info), 0);
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 1);
    assert_int_equal(recorder_event(&rec, YK_EV_LIMIT, 0)->loc.column, 65);
    free(bomb);
    recorder_free(&rec);
}

static void cell_and_column_limits(void **state)
{
    (void)state;
    struct yk_check_options opt;
    recorder_options(&opt);
    opt.limits.max_cell_bytes = 11;
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load_opt(&rec, "[{\"a\": \"Чортківська громада\", \"b\": [1, 2, 3, 4, 5, 6]}]",
                              &opt, &info),
                     0);
    assert_string_equal(data_row(&rec, 0)->text, "Чортк|[1,2,3,4,5,");
    assert_int_equal(data_row(&rec, 0)->flags & YK_ROW_TRUNCATED, YK_ROW_TRUNCATED);
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 2);
    assert_int_equal(recorder_event(&rec, YK_EV_LIMIT, 0)->loc.field, 1);
    recorder_free(&rec);

    recorder_options(&opt);
    opt.limits.max_columns = 2;
    memset(&rec, 0, sizeof rec);
    assert_int_equal(load_opt(&rec,
                              "[{\"a\": 1, \"b\": 2, \"c\": 3}, {\"a\": 1, \"c\": 3, \"b\": 2}]",
                              &opt, &info),
                     0);
    assert_string_equal(rec.rows[0].text, "a|b");
    assert_string_equal(data_row(&rec, 1)->text, "1|2");
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 1);
    assert_int_equal(recorder_count(&rec, YK_EV_JSON_KEY_EXTRA), 0);
    recorder_free(&rec);

    memset(&rec, 0, sizeof rec);
    assert_int_equal(load_opt(&rec, "[[\"a\", \"b\", \"c\"], [1, 2, 3]]", &opt, &info), 0);
    assert_int_equal(rec.rows[0].ncells, 2);
    assert_int_equal(data_row(&rec, 0)->ncells, 2);
    assert_int_equal(recorder_count(&rec, YK_EV_LIMIT), 2);
    recorder_free(&rec);
}

/* --- streaming ---------------------------------------------------------------------------- */

/* A sink that forwards to a recorder only the first rows, and notes the heap in use then and
 * at the end, so the test can see that memory does not follow the number of records. */
struct watcher {
    struct recorder rec;
    struct yk_sink inner;
    uint64_t rows, last_number, last_line, last_offset;
    size_t heap_early, heap_late;
};

static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

static int watch_header(void *ctx, const struct yk_row *row)
{
    struct watcher *w = ctx;
    return w->inner.on_header(w->inner.ctx, row);
}

static int watch_row(void *ctx, const struct yk_row *row)
{
    struct watcher *w = ctx;
    w->rows++;
    w->last_number = row->number;
    w->last_line = row->line;
    w->last_offset = row->offset;
    if (w->rows == 1000)
        w->heap_early = heap_in_use();
    w->heap_late = heap_in_use();
    return w->rows <= 3 ? w->inner.on_row(w->inner.ctx, row) : 0;
}

static int watch_event(void *ctx, const struct yk_event *ev)
{
    struct watcher *w = ctx;
    return w->inner.on_event(w->inner.ctx, ev);
}

static void ten_thousand_records(void **state)
{
    (void)state;
    char path[] = "/tmp/yakist-json-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("[\n", f);
    long last_offset = 0;
    for (int i = 1; i <= 10000; i++) {
        last_offset = ftell(f);
        fprintf(f,
                "{\"id\": %d, \"назва\": \"Зарядна станція №%d\", \"адреса\": {\"вулиця\": "
                "\"вул. Степана Бандери\", \"будинок\": \"%d\"}, \"потужність\": %d.5, "
                "\"опис\": \"%s\", \"доступна\": %s}%s\n",
                i, i, i % 97, i % 150,
                i % 1000 == 0 ? "довгий опис, що перетинає межу вікна "
                                "читання, кілька разів поспіль"
                              : "",
                i % 2 ? "true" : "false", i < 10000 ? "," : "");
    }
    fputs("]\n", f);
    assert_int_equal(fclose(f), 0);

    struct watcher w = {0};
    w.inner = recorder_sink(&w.rec);
    struct yk_sink sink = {&w, watch_header, watch_row, watch_event};
    struct yk_check_options opt;
    recorder_options(&opt);
    struct yk_input in;
    struct yk_error err;
    assert_int_equal(yk_input_open_file(&in, path, &err), 0);
    struct yk_arena *arena = yk_arena_create(0);
    size_t arena_before = yk_arena_used(arena);
    struct yk_source_info info = {.path = path};
    assert_int_equal(yk_loader_json.load(&in, &opt, &info, &sink, arena, &err), 0);
    assert_int_equal(yk_arena_used(arena), arena_before);
    yk_arena_destroy(arena);
    yk_input_close(&in);
    unlink(path);

    assert_int_equal(w.rows, 10000);
    assert_int_equal(w.last_number, 10001);
    assert_int_equal(w.last_line, 10001);
    assert_int_equal(w.last_offset, (uint64_t)last_offset);
    assert_int_equal(w.rec.nevents, 0);
    assert_string_equal(w.rec.rows[0].text, "id|назва|адреса.вулиця|адреса.будинок|потужність|"
                                            "опис|доступна");
    assert_string_equal(w.rec.rows[1].text,
                        "1|Зарядна станція №1|вул. Степана Бандери|1|1.5||true");
    assert_int_equal(info.records, 10001);
    /* 9 000 records after the first sample: the heap may move by a few buffers, not by records
     * (each record is over 200 bytes, so growth with records would be megabytes). */
    assert_true(w.heap_late < w.heap_early + 256 * 1024);
    recorder_free(&w.rec);
}

static void value_larger_than_window(void **state)
{
    (void)state;
    size_t big = 700 * 1024;
    char *doc = malloc(big + 64);
    strcpy(doc, "[{\"a\": \"");
    size_t o = strlen(doc);
    for (size_t i = 0; i < big; i += 2)
        memcpy(doc + o + i, "ї", 2);
    strcpy(doc + o + big, "\"},\n{\"a\": \"x\"}]");
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(data_rows(&rec), 2);
    assert_int_equal(data_row(&rec, 0)->total_len, big);
    assert_int_equal(data_row(&rec, 1)->line, 2);
    assert_int_equal(data_row(&rec, 1)->offset, o + big + 4);
    free(doc);
    recorder_free(&rec);
}

static void line_endings_and_sink_failure(void **state)
{
    (void)state;
    const char *doc = "[\r\n{\"a\": 1},\r\n{\"a\": 2},\n{\"a\": 3}]\r\n";
    struct recorder rec = {0};
    struct yk_source_info info;
    assert_int_equal(load(&rec, doc, &info), 0);
    assert_int_equal(info.eol_count[YK_EOL_CRLF], 3);
    assert_int_equal(info.eol_count[YK_EOL_LF], 1);
    assert_int_equal(info.eol_count[YK_EOL_CR], 0);
    assert_int_equal(data_row(&rec, 2)->line, 4);
    recorder_free(&rec);

    /* A CRLF split between two reads of the input. */
    size_t chunk = YK_INPUT_CHUNK;
    char *big = malloc(chunk + 32);
    memcpy(big, "[{\"a\": \"", 8);
    memset(big + 8, 'x', chunk - 8 - 3);
    memcpy(big + chunk - 3, "\"}\r\n,{\"a\": 1}]", 14);
    memset(&rec, 0, sizeof rec);
    struct yk_check_options opt;
    recorder_options(&opt);
    struct yk_input in;
    yk_input_open_memory(&in, big, chunk + 11, "split.json");
    assert_int_equal(load_in(&rec, &in, &opt, &info), 0);
    yk_input_close(&in);
    assert_int_equal(info.eol_count[YK_EOL_CRLF], 1);
    assert_int_equal(info.eol_count[YK_EOL_CR], 0);
    assert_int_equal(info.eol_count[YK_EOL_LF], 0);
    assert_int_equal(data_row(&rec, 1)->line, 2);
    assert_int_equal(data_row(&rec, 1)->offset, chunk + 2);
    free(big);
    recorder_free(&rec);

    memset(&rec, 0, sizeof rec);
    rec.fail_after = 2;
    assert_int_equal(load(&rec, doc, &info), YK_EINTERNAL);
    recorder_free(&rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_array),
        cmocka_unit_test(flattening),
        cmocka_unit_test(structure_changes),
        cmocka_unit_test(missing_and_extra_keys),
        cmocka_unit_test(ukrainian_and_escapes),
        cmocka_unit_test(numbers_and_literals),
        cmocka_unit_test(wrapped_records),
        cmocka_unit_test(ckan_datastore),
        cmocka_unit_test(array_of_rows),
        cmocka_unit_test(not_records),
        cmocka_unit_test(no_records),
        cmocka_unit_test(malformed),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(cell_and_column_limits),
        cmocka_unit_test(ten_thousand_records),
        cmocka_unit_test(value_larger_than_window),
        cmocka_unit_test(line_endings_and_sink_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
