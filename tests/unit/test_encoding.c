/* yakist — unit tests of encoding detection and the streaming converter: byte-order marks,
 * UTF-16 without one, UTF-8 with a few bad bytes, Windows-1251 against KOI8-U, CP866 and CP1125
 * on Ukrainian text (the fixtures are made here with iconv), names, and conversion across
 * chunk boundaries, a byte at a time, with undecodable units. */
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "encoding.h"
#include "input.h"

/* Street names and notes from a Chortkiv register: lower and upper case, і, ї, є, ґ. */
static const char ukrainian[] =
    "id,назва,тип,примітка\n"
    "1,Шевченка,вулиця,центральна вулиця міста біля ратуші\n"
    "2,Незалежності,вулиця,колишня назва вулиця Леніна\n"
    "3,Степана Бандери,вулиця,приватна забудова та дитячий садок\n"
    "4,Копичинецька,вулиця,виїзд на Копичинці й Гусятин\n"
    "5,Залізнична,вулиця,біля вокзалу; є зупинка громадського транспорту\n"
    "6,Ринкова,площа,ґанок ратуші відремонтовано у 2023 році\n"
    "7,Січових Стрільців,вулиця,ЗАКРИТО ДЛЯ ПРОЇЗДУ\n";

/* text in the named encoding (malloc'ed), made with iconv. */
static unsigned char *encode(const char *text, const char *to, size_t *len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t n = strlen(text), cap = n * 4 + 8, ol = cap;
    char *out = malloc(cap), *ip = (char *)(uintptr_t)text, *op = out;
    assert_non_null(out);
    size_t il = n;
    assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
    iconv_close(cd);
    *len = cap - ol;
    return (unsigned char *)out;
}

/* The same text with і, ї, є, ґ replaced, since CP866 has none of them (DOS-era practice). */
static char *without_ukrainian_letters(const char *text)
{
    static const char *const from[] = {"і", "ї", "є", "ґ", "І", "Ї"};
    static const char *const to[] = {"i", "i", "е", "г", "I", "I"};
    char *out = malloc(strlen(text) + 1), *o = out;
    assert_non_null(out);
    while (*text) {
        size_t k = 0;
        for (size_t i = 0; i < 6 && !k; i++)
            if (strncmp(text, from[i], strlen(from[i])) == 0) {
                strcpy(o, to[i]);
                o += strlen(to[i]);
                text += strlen(from[i]);
                k = 1;
            }
        if (!k)
            *o++ = *text++;
    }
    *o = '\0';
    return out;
}

static void expect_guess(const unsigned char *p, size_t n, const char *name, int min_conf)
{
    struct yk_encoding_guess g;
    yk_encoding_detect(p, n, true, &g);
    assert_string_equal(g.name, name);
    assert_true(g.confidence >= min_conf);
}

static void boms(void **state)
{
    (void)state;
    struct {
        const char *bytes;
        size_t len;
        const char *name;
        int bom, unit;
    } cases[] = {
        {"\xEF\xBB\xBF"
         "a,b\n",
         7, "UTF-8", 3, 1},
        {"\xFF\xFE"
         "a\0,\0",
         6, "UTF-16LE", 2, 2},
        {"\xFE\xFF\0a\0,", 6, "UTF-16BE", 2, 2},
        {"\xFF\xFE\0\0"
         "a\0\0\0",
         8, "UTF-32LE", 4, 4},
        {"\0\0\xFE\xFF\0\0\0a", 8, "UTF-32BE", 4, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct yk_encoding_guess g;
        yk_encoding_detect((const unsigned char *)cases[i].bytes, cases[i].len, true, &g);
        assert_string_equal(g.name, cases[i].name);
        assert_int_equal(g.confidence, 100);
        assert_int_equal(g.bom, cases[i].bom);
        assert_int_equal(g.unit, cases[i].unit);
    }
}

static void utf8_and_wide_without_bom(void **state)
{
    (void)state;
    expect_guess((const unsigned char *)ukrainian, strlen(ukrainian), "UTF-8", 100);
    expect_guess((const unsigned char *)"id,name\n1,x\n", 12, "UTF-8", 100);
    expect_guess((const unsigned char *)"", 0, "UTF-8", 100);
    size_t n;
    unsigned char *le = encode(ukrainian, "UTF-16LE", &n);
    expect_guess(le, n, "UTF-16LE", 90);
    free(le);
    unsigned char *be = encode(ukrainian, "UTF-16BE", &n);
    expect_guess(be, n, "UTF-16BE", 90);
    free(be);
    unsigned char *w = encode(ukrainian, "UTF-32LE", &n);
    expect_guess(w, n, "UTF-32LE", 90);
    free(w);
}

/* One stray byte among many good sequences is UTF-8 with an error, not a code page. */
static void utf8_with_a_bad_byte(void **state)
{
    (void)state;
    size_t n = strlen(ukrainian);
    unsigned char *p = malloc(n + 2);
    memcpy(p, ukrainian, n);
    p[n] = 0xFF;
    p[n + 1] = '\n';
    expect_guess(p, n + 2, "UTF-8", 90);
    /* A sequence cut by the end of the window is fine unless the window is the whole input. */
    struct yk_encoding_guess g;
    yk_encoding_detect((const unsigned char *)"a,\xD0", 3, false, &g);
    assert_string_equal(g.name, "UTF-8");
    free(p);
}

static void code_pages(void **state)
{
    (void)state;
    struct {
        const char *iconv, *name;
    } cases[] = {
        {"CP1251", "windows-1251"},
        {"KOI8-U", "KOI8-U"},
        {"CP1125", "CP1125"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        unsigned char *p = encode(ukrainian, cases[i].iconv, &n);
        expect_guess(p, n, cases[i].name, 80);
        /* One line is enough to decide, with less confidence. */
        const unsigned char *line = (const unsigned char *)memchr(p, '\n', n) + 1;
        const unsigned char *end = memchr(line, '\n', n - (size_t)(line - p));
        size_t len = (size_t)(end - line);
        expect_guess(line, len, cases[i].name, 30);
        free(p);
    }
    char *dos = without_ukrainian_letters(ukrainian);
    size_t n;
    unsigned char *p = encode(dos, "CP866", &n);
    expect_guess(p, n, "CP866", 80);
    free(p);
    free(dos);
}

/* Upper case only (a register exported in capitals) still reads right. */
static void code_pages_upper_case(void **state)
{
    (void)state;
    static const char caps[] = "ВУЛИЦЯ ШЕВЧЕНКА;ПРОВУЛОК ЗЕЛЕНИЙ;ПЛОЩА РИНКОВА;ВУЛИЦЯ "
                               "НЕЗАЛЕЖНОСТІ;ВУЛИЦЯ КОПИЧИНЕЦЬКА\n";
    const char *const enc[] = {"CP1251", "KOI8-U", "CP1125"};
    const char *const name[] = {"windows-1251", "KOI8-U", "CP1125"};
    for (size_t i = 0; i < 3; i++) {
        size_t n;
        unsigned char *p = encode(caps, enc[i], &n);
        expect_guess(p, n, name[i], 50);
        free(p);
    }
}

static void names(void **state)
{
    (void)state;
    struct yk_encoding_guess g;
    struct yk_error err;
    assert_int_equal(yk_encoding_named("cp1251", NULL, 0, &g, &err), 0);
    assert_string_equal(g.name, "windows-1251");
    assert_int_equal(g.confidence, 100);
    assert_int_equal(yk_encoding_named("Windows_1251", NULL, 0, &g, &err), 0);
    assert_string_equal(g.name, "windows-1251");
    assert_int_equal(yk_encoding_named("koi8u", NULL, 0, &g, &err), 0);
    assert_string_equal(g.name, "KOI8-U");
    assert_int_equal(yk_encoding_named("utf-16",
                                       (const unsigned char *)"\xFF\xFE"
                                                              "a\0",
                                       4, &g, &err),
                     0);
    assert_string_equal(g.name, "UTF-16LE");
    assert_int_equal(g.bom, 2);
    assert_int_equal(yk_encoding_named("UTF-16", (const unsigned char *)"\0a\0b", 4, &g, &err), 0);
    assert_string_equal(g.name, "UTF-16BE");
    assert_int_equal(g.bom, 0);
    assert_int_equal(yk_encoding_named("no-such-charset", NULL, 0, &g, &err), YK_EINVAL);
    assert_non_null(strstr(err.message, "no-such-charset"));
    assert_true(yk_encoding_is_utf8("utf8"));
    assert_true(yk_encoding_is_utf8("US-ASCII"));
    assert_false(yk_encoding_is_utf8("KOI8-U"));
}

/* Read everything from in; the result is malloc'ed. */
static unsigned char *drain(struct yk_input *in, size_t *len)
{
    struct yk_error err;
    size_t cap = 1u << 20, n = 0;
    unsigned char *out = malloc(cap);
    for (;;) {
        const unsigned char *p;
        size_t k;
        assert_int_equal(yk_input_read(in, &p, &k, &err), 0);
        if (k == 0)
            break;
        if (n + k > cap)
            out = realloc(out, cap = (n + k) * 2);
        memcpy(out + n, p, k);
        n += k;
    }
    *len = n;
    return out;
}

/* A text longer than two chunks with a four-byte UTF-16 surrogate pair across each chunk
 * boundary: the converter must carry the cut unit over. */
static void conversion_across_chunks(void **state)
{
    (void)state;
    const char *enc[] = {"UTF-16LE", "windows-1251", "KOI8-U"};
    for (size_t e = 0; e < 3; e++) {
        size_t line_len = strlen(ukrainian), total = 0;
        size_t cap = 3 * YK_INPUT_CHUNK + 4096;
        char *text = malloc(cap);
        while (total + line_len + 8 < cap - 1) {
            memcpy(text + total, ukrainian, line_len);
            total += line_len;
            if (e == 0) { /* U+1F600 in UTF-16 takes four bytes */
                memcpy(text + total, "\xF0\x9F\x98\x80", 4);
                total += 4;
            }
        }
        text[total] = '\0';
        size_t n;
        unsigned char *src = encode(text, enc[e], &n);
        struct yk_input in;
        struct yk_error err;
        struct yk_decode_stats stats;
        struct yk_encoding_guess g = {enc[e], 100, 0, e == 0 ? 2 : 1};
        yk_input_open_memory(&in, src, n, "mem");
        assert_int_equal(yk_encoding_push(&in, &g, &stats, &err), 0);
        size_t out_len;
        unsigned char *out = drain(&in, &out_len);
        assert_int_equal(out_len, total);
        assert_memory_equal(out, text, total);
        assert_int_equal(stats.in, n);
        assert_int_equal(stats.undecodable, 0);
        yk_input_close(&in);
        free(out);
        free(src);
        free(text);
    }
}

/* A reader that asks for one byte at a time still gets whole characters, in order. */
static void conversion_a_byte_at_a_time(void **state)
{
    (void)state;
    size_t n;
    unsigned char *src = encode(ukrainian, "KOI8-U", &n);
    struct yk_input in;
    struct yk_error err;
    struct yk_decode_stats stats;
    struct yk_encoding_guess g = {"KOI8-U", 100, 0, 1};
    yk_input_open_memory(&in, src, n, "mem");
    assert_int_equal(yk_encoding_push(&in, &g, &stats, &err), 0);
    char out[4096];
    size_t len = 0, got;
    do {
        assert_int_equal(in.src.read(in.src.ctx, (unsigned char *)out + len, 1, &got, &err), 0);
        len += got;
    } while (got > 0 && len < sizeof out);
    assert_int_equal(len, strlen(ukrainian));
    assert_memory_equal(out, ukrainian, len);
    yk_input_close(&in);
    free(src);
}

/* A lone surrogate and a truncated last unit become U+FFFD and are counted. */
static void undecodable_units(void **state)
{
    (void)state;
    static const unsigned char src[] = {'a', 0, 0x00, 0xD8, 'b', 0, 'c'};
    struct yk_input in;
    struct yk_error err;
    struct yk_decode_stats stats;
    struct yk_encoding_guess g = {"UTF-16LE", 100, 0, 2};
    yk_input_open_memory(&in, src, sizeof src, "mem");
    assert_int_equal(yk_encoding_push(&in, &g, &stats, &err), 0);
    size_t len;
    unsigned char *out = drain(&in, &len);
    static const char want[] = "a\xEF\xBF\xBD"
                               "b\xEF\xBF\xBD";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    assert_int_equal(stats.undecodable, 2);
    assert_int_equal(stats.first_undecodable, 2);
    yk_input_close(&in);
    free(out);

    /* 0x98 is the one byte Windows-1251 leaves undefined. */
    static const unsigned char cp[] = {0xCA, 0x98, 0xE8};
    struct yk_encoding_guess w = {"windows-1251", 100, 0, 1};
    yk_input_open_memory(&in, cp, sizeof cp, "mem");
    assert_int_equal(yk_encoding_push(&in, &w, &stats, &err), 0);
    out = drain(&in, &len);
    assert_int_equal(len, 2 + 3 + 2);
    assert_memory_equal(out, "К\xEF\xBF\xBDи", len);
    assert_int_equal(stats.undecodable, 1);
    assert_int_equal(stats.first_undecodable, 1);
    yk_input_close(&in);
    free(out);
}

static void sample_conversion(void **state)
{
    (void)state;
    size_t n;
    unsigned char *src = encode(ukrainian, "CP1251", &n);
    struct yk_encoding_guess g = {"windows-1251", 90, 0, 1};
    unsigned char out[64];
    size_t w = yk_encoding_convert_sample(&g, src, n, out, sizeof out);
    assert_true(w > 50 && w <= sizeof out);
    assert_memory_equal(out, ukrainian, w);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(boms),
        cmocka_unit_test(utf8_and_wide_without_bom),
        cmocka_unit_test(utf8_with_a_bad_byte),
        cmocka_unit_test(code_pages),
        cmocka_unit_test(code_pages_upper_case),
        cmocka_unit_test(names),
        cmocka_unit_test(conversion_across_chunks),
        cmocka_unit_test(conversion_a_byte_at_a_time),
        cmocka_unit_test(undecodable_units),
        cmocka_unit_test(sample_conversion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
