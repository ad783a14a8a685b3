/* yakist unit tests — UTF-8 validation: Ukrainian text, the classes of invalid input (overlong
 * forms, surrogates, out of range, stray continuation bytes, cut sequences) and resuming a
 * sequence cut between two buffers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

#define U(s) ((const unsigned char *)(s))
#define SCAN(s, bad) yk_utf8_scan(U(s), sizeof(s) - 1, bad)

static void valid_ukrainian_text(void **state)
{
    (void)state;
    static const char text[] = "Київська міська рада; ґанок, їжак, м'ясо — «лапки» € 𝄞 OK";
    size_t bad = 99;
    assert_int_equal(SCAN(text, &bad), sizeof text - 1);
    assert_int_equal(bad, 0);
    /* Long ASCII runs take the eight-byte path, with a Cyrillic letter at every alignment. */
    char buf[64];
    for (size_t at = 0; at + 2 <= sizeof buf - 1; at++) {
        memset(buf, 'a', sizeof buf - 1);
        buf[sizeof buf - 1] = '\0';
        memcpy(buf + at, "ї", 2);
        assert_int_equal(yk_utf8_scan(U(buf), sizeof buf - 1, &bad), sizeof buf - 1);
    }
}

static void next_lengths(void **state)
{
    (void)state;
    assert_int_equal(yk_utf8_next(U("a"), 1), 1);
    assert_int_equal(yk_utf8_next(U("ї"), 2), 2);
    assert_int_equal(yk_utf8_next(U("€"), 3), 3);
    assert_int_equal(yk_utf8_next(U("𝄞"), 4), 4);
    assert_int_equal(yk_utf8_next(U("\xE2\x82"), 2), 0);  /* cut: cannot judge yet */
    assert_int_equal(yk_utf8_next(U("\xE2\x82\x41"), 3), -2); /* two bytes to skip */
}

static void invalid_classes(void **state)
{
    (void)state;
    size_t bad;
    /* A stray continuation byte. */
    assert_int_equal(SCAN("ab\x80\x63\x64", &bad), 2);
    assert_int_equal(bad, 1);
    /* Overlong forms: C0/C1 leads, E0 80..9F, F0 80..8F. */
    assert_int_equal(SCAN("x\xC0\xAF", &bad), 1);
    assert_int_equal(bad, 1);
    assert_int_equal(SCAN("\xC1\xBF", &bad), 0);
    assert_int_equal(SCAN("\xE0\x80\xAF", &bad), 0);
    assert_int_equal(bad, 1);
    assert_int_equal(SCAN("\xF0\x8F\xBF\xBF", &bad), 0);
    assert_int_equal(bad, 1);
    /* Surrogates U+D800..DFFF (ED A0..BF). */
    assert_int_equal(SCAN("ok\xED\xA0\x80", &bad), 2);
    assert_int_equal(bad, 1);
    assert_int_equal(SCAN("\xED\x9F\xBF", &bad), 3); /* U+D7FF is fine */
    /* Above U+10FFFF and bytes that never occur. */
    assert_int_equal(SCAN("\xF4\x90\x80\x80", &bad), 0);
    assert_int_equal(bad, 1);
    assert_int_equal(SCAN("\xF5\x80", &bad), 0);
    assert_int_equal(SCAN("\xFF", &bad), 0);
    assert_int_equal(bad, 1);
    /* A sequence broken by an ASCII byte: its valid prefix is one error, the byte stays. */
    assert_int_equal(SCAN("a\xE2\x82,b", &bad), 1);
    assert_int_equal(bad, 2);
    assert_int_equal(SCAN("\xD0\n", &bad), 0);
    assert_int_equal(bad, 1);
    /* Windows-1251 "Київ" is not UTF-8. */
    assert_int_equal(SCAN("\xCA\xE8\xBF\xE2", &bad), 0);
    assert_int_equal(bad, 1);
}

static void cut_at_end(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_int_equal(SCAN("abc\xE2\x82", &bad), 3);
    assert_int_equal(bad, 0); /* not an error yet: the next buffer may finish it */
    assert_int_equal(SCAN("abc\xF0", &bad), 3);
    assert_int_equal(bad, 0);
    assert_int_equal(yk_utf8_valid_prefix(U("ab\xD0"), 3), 2);
}

static void resume_across_buffers(void **state)
{
    (void)state;
    struct yk_utf8 u;
    bool bad = true;
    yk_utf8_init(&u);
    assert_int_equal(yk_utf8_resume(&u, U("x"), 1, &bad), 0); /* nothing held */
    assert_false(bad);

    /* "€" = E2 82 AC cut after one byte, finished by the next buffer. */
    yk_utf8_hold(&u, U("\xE2"), 1);
    assert_int_equal(yk_utf8_resume(&u, U("\x82\xACrest"), 6, &bad), 2);
    assert_false(bad);
    assert_false(yk_utf8_finish(&u));

    /* Cut after two bytes, but the next buffer does not continue it. */
    yk_utf8_hold(&u, U("\xE2\x82"), 2);
    assert_int_equal(yk_utf8_resume(&u, U("A"), 1, &bad), 0);
    assert_true(bad);

    /* A lead whose second byte is out of range: one continuation byte belongs to the error. */
    yk_utf8_hold(&u, U("\xF0"), 1);
    assert_int_equal(yk_utf8_resume(&u, U("\x9F\x41"), 2, &bad), 1);
    assert_true(bad);

    /* Buffers of one byte each: the sequence stays held until it is complete. */
    yk_utf8_hold(&u, U("\xF0"), 1);
    assert_int_equal(yk_utf8_resume(&u, U("\x9D"), 1, &bad), 1);
    assert_false(bad);
    assert_int_equal(u.npending, 2);
    assert_int_equal(yk_utf8_resume(&u, U("\x84"), 1, &bad), 1);
    assert_int_equal(yk_utf8_resume(&u, U("\x9E!"), 2, &bad), 1);
    assert_false(bad);
    assert_int_equal(u.npending, 0);

    /* Truncated at the end of the input. */
    yk_utf8_hold(&u, U("\xD0"), 1);
    assert_true(yk_utf8_finish(&u));
    assert_false(yk_utf8_finish(&u));
}

static void count_and_floor(void **state)
{
    (void)state;
    assert_int_equal(yk_utf8_count(U("Київ"), 8), 4);
    assert_int_equal(yk_utf8_count(U("a€b"), 5), 3);
    assert_int_equal(yk_utf8_count(U("a\xFF\xFE\x62"), 4), 4); /* each invalid byte is one */
    assert_int_equal(yk_utf8_count(U("ab\xE2\x82"), 4), 4);
    /* "ab" + "ї" (2 bytes) + "c": cutting at 3 would split ї, so the floor is 2. */
    const unsigned char *s = U("abїc");
    assert_int_equal(yk_utf8_floor(s, 5, 3), 2);
    assert_int_equal(yk_utf8_floor(s, 5, 2), 2);
    assert_int_equal(yk_utf8_floor(s, 5, 4), 4);
    assert_int_equal(yk_utf8_floor(s, 5, 9), 5);
    /* 𝄞 = 4 bytes: every cut inside it goes back to its start. */
    const unsigned char *g = U("x𝄞");
    for (size_t at = 2; at <= 4; at++)
        assert_int_equal(yk_utf8_floor(g, 5, at), 1);
    /* Nor is half a character at the end of the text split further. */
    assert_int_equal(yk_utf8_floor(U("ab\xE2\x82"), 4, 3), 2);
    /* A stray continuation byte is no character to protect. */
    assert_int_equal(yk_utf8_floor(U("a\x80\x80\x62"), 4, 2), 2);
}

/* The plain reference: one sequence at a time. */
static size_t reference_scan(const unsigned char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        int r = yk_utf8_next(s + i, n - i);
        if (r <= 0) {
            *bad = r < 0 ? (size_t)-r : 0;
            return i;
        }
        i += (size_t)r;
    }
    *bad = 0;
    return n;
}

/* Random mixtures of ASCII, Cyrillic, longer sequences and broken bytes give the same answer
 * as the reference, whatever the alignment of the eight-byte steps. */
static void scan_matches_reference(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", " ", "1,5", "ї", "Київ", "ґ", "«", "»", "—", "€", "𝄞", "\xC0", "\xC1\xBF",
        "\x80", "\xBF", "\xD0", "\xDF\x80", "\xE0\xA0\x80", "\xE0\x9F\x80", "\xED\xA0\x80",
        "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5", "\xFF", "\xC2\xA0", "\xE2\x82",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    unsigned char buf[96];
    for (int round = 0; round < 200000; round++) {
        size_t n = 0;
        bool clean = round % 2 == 0; /* half the rounds use valid pieces only */
        while (n < 64) {
            seed = seed * 1103515245u + 12345u;
            size_t k = (seed >> 16) % (clean ? 11 : npieces);
            size_t len = strlen(pieces[k]);
            memcpy(buf + n, pieces[k], len);
            n += len;
        }
        for (size_t from = 0; from < 8; from++) {
            size_t bad_a, bad_b;
            size_t a = yk_utf8_scan(buf + from, n - from, &bad_a);
            size_t b = reference_scan(buf + from, n - from, &bad_b);
            if (a != b || bad_a != bad_b)
                fail_msg("round %d from %zu: scan %zu/%zu, reference %zu/%zu", round, from, a,
                         bad_a, b, bad_b);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_ukrainian_text),
        cmocka_unit_test(next_lengths),
        cmocka_unit_test(invalid_classes),
        cmocka_unit_test(cut_at_end),
        cmocka_unit_test(resume_across_buffers),
        cmocka_unit_test(count_and_floor),
        cmocka_unit_test(scan_matches_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
