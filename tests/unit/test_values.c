/* yakist unit tests — the value scanners behind the `content` rules: missing-value spellings,
 * ЄДРПОУ and РНОКПП check digits, КАТОТТГ, dates, numbers, phones, e-mail, URLs, mixed scripts,
 * settlement names and the masks that keep personal values out of messages. Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "values.h"

#define LEN(s) (sizeof(s) - 1)

/* An exact-size heap copy without a terminating NUL: the scanners take (s, n) and must not read
 * past n, which AddressSanitizer then catches. */
static char *exact(const char *s, size_t *n)
{
    *n = strlen(s);
    char *p = malloc(*n ? *n : 1);
    assert_non_null(p);
    memcpy(p, s, *n);
    return p;
}

static void null_spellings(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_null kind;
    } cases[] = {
        {"", YK_NULL_EMPTY},     {"null", YK_NULL_LOWER}, {"NULL", YK_NULL_UPPER},
        {"Null", YK_NULL_MIXED}, {"-", YK_NULL_HYPHEN},   {"—", YK_NULL_EMDASH},
        {"–", YK_NULL_ENDASH},   {"н/д", YK_NULL_ND},     {"Н/Д", YK_NULL_ND},
        {"n/a", YK_NULL_NA},     {"N/A", YK_NULL_NA},     {"#N/A", YK_NULL_NA},
        {"NaN", YK_NULL_NAN},    {"None", YK_NULL_NONE},  {"nul", YK_NULL_NOT},
        {"nulls", YK_NULL_NOT},  {"--", YK_NULL_NOT},     {"-5", YK_NULL_NOT},
        {"немає", YK_NULL_NOT},  {"0", YK_NULL_NOT},      {"н/дані", YK_NULL_NOT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum yk_null got = yk_null_kind(cases[i].text, strlen(cases[i].text));
        if (got != cases[i].kind)
            fail_msg("\"%s\": kind %d, expected %d", cases[i].text, got, cases[i].kind);
    }
    assert_string_equal(yk_null_text(YK_NULL_EMDASH), "—");
    assert_string_equal(yk_null_text(YK_NULL_COUNT), "");
}

static void edrpou_check_digits(void **state)
{
    (void)state;
    /* Both weight sets, the +2 recomputation and its fallback to 0. */
    static const char *const valid[] = {"04058611", "00022473", "21155735", "35872005",
                                        "43315602", "38975126", "12345678", "03254333"};
    static const char *const invalid[] = {"04058612",  "35872001", "21155736", "1234567",
                                          "123456789", "0405861X", ""};
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
        if (!yk_edrpou_valid(valid[i], strlen(valid[i])))
            fail_msg("%s should be valid (check digit %d)", valid[i],
                     yk_edrpou_check_digit(valid[i]));
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
        if (yk_edrpou_valid(invalid[i], strlen(invalid[i])))
            fail_msg("%s should be invalid", invalid[i]);
    assert_int_equal(yk_edrpou_check_digit("35872001"), 5);
    /* 03254333: the first sum is 10 mod 11, so every weight grows by 2. */
    assert_int_equal(yk_edrpou_check_digit("03254330"), 3);
}

static void rnokpp_check_digits(void **state)
{
    (void)state;
    assert_true(yk_rnokpp_valid("3012345670", 10));
    assert_true(yk_rnokpp_valid("2876543211", 10));
    assert_true(yk_rnokpp_valid("1234567899", 10));
    assert_false(yk_rnokpp_valid("3012345671", 10));
    assert_false(yk_rnokpp_valid("301234567", 9));
    assert_int_equal(yk_rnokpp_check_digit("3187654320"), 2);
    /* Likely: a plausible birth (first digit 1-4) and the check digit. */
    assert_true(yk_rnokpp_likely("3012345670", 10));
    assert_false(yk_rnokpp_likely("0671234567", 10));
    assert_false(yk_rnokpp_likely("5012345678", 10));
    assert_false(yk_rnokpp_likely("3012345671", 10));

    size_t at = 99;
    static const char text[] = "власник: РНОКПП 2876543211, договір";
    assert_true(yk_rnokpp_find(text, LEN(text), &at));
    assert_int_equal(at, strlen("власник: РНОКПП "));
    static const char *const none[] = {
        "6125510100:01:001:0001", /* a cadastral number */
        "3012345670123",          /* part of a longer number */
        "+3012345670",            /* after a plus: a phone */
        "UA3012345670",           /* glued to letters */
        "12.3012345670",          /* glued to digits by a point */
        "3012345671",             /* wrong check digit */
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (yk_rnokpp_find(none[i], strlen(none[i]), &at))
            fail_msg("\"%s\": found a number at %zu", none[i], at);
}

static void katottg_codes(void **state)
{
    (void)state;
    assert_true(yk_katottg_valid("UA61040470010030542", 19));
    assert_false(yk_katottg_valid("ua61040470010030542", 19));
    assert_false(yk_katottg_valid("UA6104047001003054", 18));
    assert_false(yk_katottg_valid("UA6104047001003054X", 19));
    assert_false(yk_katottg_valid("6125510100", 10));
}

struct date_case {
    const char *text;
    enum yk_date_form form;
    enum yk_date_fault fault;
    const char *iso; /* yk_date_iso, or NULL */
};

static void dates(void **state)
{
    (void)state;
    static const struct date_case cases[] = {
        {"2024-01-05", YK_DATE_ISO, YK_DATE_OK, "2024-01-05"},
        {"2024-01-05T10:00", YK_DATE_ISO_T, YK_DATE_OK, "2024-01-05T10:00"},
        {"2024-01-05T10:00:30.125Z", YK_DATE_ISO_T, YK_DATE_OK, "2024-01-05T10:00:30"},
        {"2024-01-05T10:00:30+02:00", YK_DATE_ISO_T, YK_DATE_OK, NULL},
        {"2024-01-05T10:00+0200", YK_DATE_ISO_T, YK_DATE_OK, NULL},
        {"2024-01-05T10:00+15:00", YK_DATE_ISO_T, YK_DATE_BAD_ZONE, NULL},
        {"2024-01-05 10:00", YK_DATE_ISO_SPACE, YK_DATE_OK, "2024-01-05T10:00"},
        {"2019-05-30Т10:45", YK_DATE_ISO_BAD_T, YK_DATE_OK, "2019-05-30T10:45"},
        {"2024-01-05t10:00", YK_DATE_ISO_BAD_T, YK_DATE_OK, NULL},
        {"05.01.2024", YK_DATE_DMY, YK_DATE_OK, "2024-01-05"},
        {"5.1.2024", YK_DATE_DMY, YK_DATE_OK, "2024-01-05"},
        {"05/01/2024", YK_DATE_DMY, YK_DATE_OK, NULL},
        {"05-01-2024", YK_DATE_DMY, YK_DATE_OK, NULL},
        {"05.01.2024 р.", YK_DATE_DMY, YK_DATE_OK, NULL},
        {"05.01.2024р", YK_DATE_DMY, YK_DATE_OK, NULL},
        {"05.01.2024 9:30", YK_DATE_DMY, YK_DATE_OK, "2024-01-05T09:30"},
        {"2024.01.05", YK_DATE_YMD, YK_DATE_OK, NULL},
        {"2024/1/5", YK_DATE_YMD, YK_DATE_OK, NULL},
        {"2024-1-5", YK_DATE_YMD, YK_DATE_OK, NULL},
        {"2023-02-29", YK_DATE_ISO, YK_DATE_BAD_DAY, NULL},
        {"2024-02-29", YK_DATE_ISO, YK_DATE_OK, NULL},
        {"1900-02-29", YK_DATE_ISO, YK_DATE_BAD_DAY, NULL},
        {"2000-02-29", YK_DATE_ISO, YK_DATE_OK, NULL},
        {"2024-00-10", YK_DATE_ISO, YK_DATE_BAD_MONTH, NULL},
        {"2024-04-31", YK_DATE_ISO, YK_DATE_BAD_DAY, NULL},
        {"32.01.2024", YK_DATE_DMY, YK_DATE_BAD_DAY, NULL},
        {"2024-01-05T24:00", YK_DATE_ISO_T, YK_DATE_BAD_TIME, NULL},
        {"2024-01-05T10:60", YK_DATE_ISO_T, YK_DATE_BAD_TIME, NULL},
        /* not dates */
        {"20240105", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"2024-01", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"10.0.0.1", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"1.2.3", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"067-123-4567", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"2-12-34", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"05.01.24", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"05.01.2024 року", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"2024-01-05T", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"2024-01-05x", YK_DATE_NONE, YK_DATE_OK, NULL},
        {"12345.01.2024", YK_DATE_NONE, YK_DATE_OK, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct date_case *c = &cases[i];
        struct yk_date d;
        memset(&d, 0, sizeof d);
        enum yk_date_form form = yk_date_scan(c->text, strlen(c->text), &d);
        if (form != c->form)
            fail_msg("\"%s\": form %d, expected %d", c->text, form, c->form);
        if (form != YK_DATE_NONE && d.fault != c->fault)
            fail_msg("\"%s\": fault %d, expected %d", c->text, d.fault, c->fault);
        char iso[32];
        if (c->iso && strcmp(yk_date_iso(iso, &d), c->iso) != 0)
            fail_msg("\"%s\": ISO %s, expected %s", c->text, iso, c->iso);
    }
}

struct number_case {
    const char *text;
    bool number;
    char decimal, group;
    const char *unit; /* NULL: none */
    double value;
};

static void numbers(void **state)
{
    (void)state;
    static const struct number_case cases[] = {
        {"12", true, 0, 0, NULL, 12},
        {"-12.5", true, '.', 0, NULL, -12.5},
        {"12,5", true, ',', 0, NULL, 12.5},
        {"\xE2\x88\x92"
         "3,25",
         true, ',', 0, NULL, -3.25},
        {"1 234 567", true, 0, ' ', NULL, 1234567},
        {"1\xC2\xA0"
         "234,56",
         true, ',', ' ', NULL, 1234.56},
        {"1\xE2\x80\xAF"
         "000",
         true, 0, ' ', NULL, 1000},
        {"1,234,567.89", true, '.', ',', NULL, 1234567.89},
        {"1.234.567,89", true, ',', '.', NULL, 1234567.89},
        {"1'234", true, 0, '\'', NULL, 1234},
        {"1,234", true, ',', 0, NULL, 1.234}, /* one group: a decimal comma */
        {"1.234", true, '.', 0, NULL, 1.234},
        {"0,123", true, ',', 0, NULL, 0.123},
        {"100 грн", true, 0, 0, "грн", 100},
        {"25м2", true, 0, 0, "м2", 25},
        {"15%", true, 0, 0, "%", 15},
        {"1 250,5 тис. грн", true, ',', ' ', "тис. грн", 1250.5},
        {"12 квітня", false, 0, 0, NULL, 0},
        {"2024 р.", false, 0, 0, NULL, 0},
        {"1 23", false, 0, 0, NULL, 0},
        {"12.", false, 0, 0, NULL, 0},
        {"12.5.3", false, 0, 0, NULL, 0},
        {"0 123", false, 0, 0, NULL, 0},
        {"1234 567", false, 0, 0, NULL, 0},
        {"-", false, 0, 0, NULL, 0},
        {"", false, 0, 0, NULL, 0},
        {"abc", false, 0, 0, NULL, 0},
        {"2024-01-05", false, 0, 0, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct number_case *c = &cases[i];
        struct yk_number num;
        size_t n = strlen(c->text);
        bool got = yk_number_scan(c->text, n, &num);
        if (got != c->number)
            fail_msg("\"%s\": number %d, expected %d", c->text, got, c->number);
        if (!got)
            continue;
        if (num.decimal != c->decimal || num.group != c->group)
            fail_msg("\"%s\": decimal '%c' group '%c'", c->text, num.decimal ? num.decimal : '0',
                     num.group ? num.group : '0');
        size_t ul = c->unit ? strlen(c->unit) : 0;
        if (num.unit_len != ul || (ul && memcmp(c->text + num.unit_at, c->unit, ul) != 0))
            fail_msg("\"%s\": unit at %zu, %zu bytes", c->text, num.unit_at, num.unit_len);
        double d = num.value - c->value;
        if (d > 1e-9 || d < -1e-9)
            fail_msg("\"%s\": value %.10g, expected %.10g", c->text, num.value, c->value);
    }
}

static void plain_decimals(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool ok;
        char mark;
        double value;
    } cases[] = {
        {"49.0167", true, '.', 49.0167},
        {"-25,5", true, ',', -25.5},
        {"48", true, 0, 48},
        {"\xE2\x88\x92"
         "1.5",
         true, '.', -1.5},
        {"0.000001", true, '.', 1e-6},
        {"49.", false, 0, 0},
        {".5", false, 0, 0},
        {"1 234", false, 0, 0},
        {"49.0167°", false, 0, 0},
        {"1234567890123456789", false, 0, 0},
        {"", false, 0, 0},
        {"-", false, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        char *s = exact(cases[i].text, &n);
        double v = 0;
        char mark = 'x';
        bool ok = yk_decimal_parse(s, n, &v, &mark);
        free(s);
        if (ok != cases[i].ok)
            fail_msg("\"%s\": %d", cases[i].text, ok);
        if (ok &&
            (mark != cases[i].mark || v - cases[i].value > 1e-12 || cases[i].value - v > 1e-12))
            fail_msg("\"%s\": %.10g '%c'", cases[i].text, v, mark ? mark : '0');
    }
    assert_true(yk_digits_at_least("тел. 067 123 45 67", strlen("тел. 067 123 45 67"), 10));
    assert_false(
        yk_digits_at_least("вул. Шевченка, 128, кв. 36", strlen("вул. Шевченка, 128, кв. 36"), 10));
    assert_true(yk_digits_at_least("1234567890", 10, 10));
    assert_false(yk_digits_at_least("123456789", 9, 10));
    /* Every length around the 8- and 16-byte steps, digits at every place: the count must be
     * exact, whatever the tail. */
    char buf[40];
    for (size_t n = 0; n <= sizeof buf; n++) {
        for (size_t pattern = 0; pattern < 7; pattern++) {
            size_t digits = 0;
            for (size_t i = 0; i < n; i++) {
                bool d = (i * (pattern + 2) + pattern) % (pattern + 3) == 0;
                buf[i] = d ? (char)('0' + i % 10) : (char)('a' + i % 26);
                digits += d;
            }
            for (size_t k = 0; k <= digits + 1; k++)
                if (yk_digits_at_least(buf, n, k) != (digits >= k))
                    fail_msg("length %zu, %zu digits, at least %zu", n, digits, k);
        }
    }
}

static void phones(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_phone verdict;
        const char *suggestion;
    } cases[] = {
        {"+380355221234", YK_PHONE_OK, ""},
        {"380355221234", YK_PHONE_NO_PLUS, "+380355221234"},
        {"+380 35 522 12 34", YK_PHONE_FORMAT, "+380355221234"},
        {"+38 (03552) 2-12-34", YK_PHONE_FORMAT, "+380355221234"},
        {"(03552) 2-12-34", YK_PHONE_FORMAT, "+380355221234"},
        {"067 123 45 67", YK_PHONE_FORMAT, "+380671234567"},
        {"80671234567", YK_PHONE_FORMAT, "+380671234567"},
        {"671234567", YK_PHONE_FORMAT, "+380671234567"},
        {"2-12-34", YK_PHONE_SHORT, ""},
        {"тел. 21234", YK_PHONE_BAD, ""},
        {"+3800355221234", YK_PHONE_BAD, ""},
        {"+48 22 123 45 67", YK_PHONE_BAD, ""},
        {"", YK_PHONE_BAD, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char sug[14] = "x";
        enum yk_phone v = yk_phone_check(cases[i].text, strlen(cases[i].text), sug);
        if (v != cases[i].verdict || strcmp(sug, cases[i].suggestion) != 0)
            fail_msg("\"%s\": verdict %d \"%s\", expected %d \"%s\"", cases[i].text, v, sug,
                     cases[i].verdict, cases[i].suggestion);
    }
}

static void mobiles_in_text(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *found; /* the span, or NULL */
        size_t head;
    } cases[] = {
        {"Коваль С. В., тел. 067 123 45 67", "067 123 45 67", 3},
        {"дзвоніть +38 (067) 123-45-67 вдень", "+38 (067) 123-45-67", 5},
        {"+380671234567", "+380671234567", 5},
        {"(050)1234567", "(050)1234567", 3},
        {"приймальня (03552) 2-12-34", NULL, 0}, /* a landline */
        {"05.01.2024 10:30", NULL, 0},
        {"рахунок 0671234567890", NULL, 0},
        {"ID0671234567", NULL, 0},
        {"6125510100:01:001:0001", NULL, 0},
        {"ua+11 0671234567", "0671234567", 3}, /* a '+' glued to a word, then a number */
        {"x(0671234567", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t at = 0, len = 0, head = 0, n;
        const char *t = cases[i].text;
        char *copy = exact(t, &n);
        bool got = yk_phone_find_mobile(copy, n, &at, &len, &head);
        free(copy);
        if (got != (cases[i].found != NULL))
            fail_msg("\"%s\": found %d", t, got);
        if (got && (len != strlen(cases[i].found) || memcmp(t + at, cases[i].found, len) != 0 ||
                    head != cases[i].head))
            fail_msg("\"%s\": found \"%.*s\" head %zu", t, (int)len, t + at, head);
    }
}

static void emails(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_email verdict;
    } cases[] = {
        {"rada@chortkiv-rada.gov.ua", YK_EMAIL_OK},
        {"o.koval+open@ukr.net", YK_EMAIL_OK},
        {"info@xn--80a.xn--j1amh", YK_EMAIL_OK},
        {"пошта@чортків.укр", YK_EMAIL_NON_LATIN},
        {"rada@чортків.укр", YK_EMAIL_OK},
        {"rada.chortkiv.gov.ua", YK_EMAIL_NO_AT},
        {"a@b@c.ua", YK_EMAIL_MANY_AT},
        {"rada @chortkiv.gov.ua", YK_EMAIL_SPACE},
        {"mailto:rada@chortkiv.gov.ua", YK_EMAIL_MAILTO},
        {".rada@chortkiv.gov.ua", YK_EMAIL_LOCAL},
        {"ra..da@chortkiv.gov.ua", YK_EMAIL_LOCAL},
        {"@chortkiv.gov.ua", YK_EMAIL_LOCAL},
        {"іnfo@chortkiv.gov.ua", YK_EMAIL_NON_LATIN},
        {"rada@chortkiv", YK_EMAIL_DOMAIN},
        {"rada@chortkiv.u", YK_EMAIL_DOMAIN},
        {"rada@-chortkiv.ua", YK_EMAIL_DOMAIN},
        {"rada@chortkiv..ua", YK_EMAIL_DOMAIN},
        {"rada@chortkiv.123", YK_EMAIL_DOMAIN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        char *s = exact(cases[i].text, &n);
        enum yk_email v = yk_email_check(s, n);
        free(s);
        if (v != cases[i].verdict)
            fail_msg("\"%s\": %d, expected %d", cases[i].text, v, cases[i].verdict);
    }
    assert_true(yk_email_free_domain("gmail.com", 9));
    assert_true(yk_email_free_domain("UKR.NET", 7));
    assert_true(yk_email_free_domain("i.ua", 4));
    assert_false(yk_email_free_domain("chortkiv-rada.gov.ua", 20));
    assert_false(yk_email_free_domain("mail.com.ua", 11));

    size_t at = 0, len = 0;
    static const char text[] = "бухгалтер: oksana.bud@ukr.net.";
    assert_true(yk_email_find(text, LEN(text), &at, &len));
    assert_int_equal(len, strlen("oksana.bud@ukr.net"));
    assert_memory_equal(text + at, "oksana.bud@ukr.net", len);
    assert_false(yk_email_find("@ або @@", strlen("@ або @@"), &at, &len));
    assert_false(yk_email_find("a@b", 3, &at, &len));
}

static void urls(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_url verdict;
    } cases[] = {
        {"https://chortkiv-rada.gov.ua", YK_URL_OK},
        {"https://chortkiv-rada.gov.ua/docs/2024/рішення.pdf?x=1#p2", YK_URL_OK},
        {"HTTP://CHORTKIV.GOV.UA/", YK_URL_OK},
        {"http://192.168.0.1:8080/x", YK_URL_OK},
        {"https://user:pw@chortkiv.gov.ua", YK_URL_OK},
        {"https://чортків.укр", YK_URL_OK},
        {"https://[2001:db8::1]/", YK_URL_OK},
        {"https://[2001:db8::1]:8443/x", YK_URL_OK},
        {"https://1.2.3.4.5/", YK_URL_OK},
        {"https://[]/", YK_URL_HOST},
        {"https://chortkiv.gov.ua:/", YK_URL_HOST},
        {"www.chortkiv-rada.gov.ua", YK_URL_NO_SCHEME},
        {"chortkiv-rada.gov.ua/docs", YK_URL_NO_SCHEME},
        {"ftp://chortkiv.gov.ua/x.csv", YK_URL_SCHEME},
        {"file:///C:/docs/x.pdf", YK_URL_SCHEME},
        {"http//chortkiv.gov.ua", YK_URL_MALFORMED},
        {"https:/chortkiv.gov.ua", YK_URL_MALFORMED},
        {"https://chortkiv", YK_URL_HOST},
        {"https://", YK_URL_HOST},
        {"https://chortkiv.gov.ua:99999999/", YK_URL_HOST},
        {"https://chortkiv rada.gov.ua", YK_URL_SPACE},
        {"рішення", YK_URL_HOST},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        char *s = exact(cases[i].text, &n);
        enum yk_url v = yk_url_check(s, n);
        free(s);
        if (v != cases[i].verdict)
            fail_msg("\"%s\": %d, expected %d", cases[i].text, v, cases[i].verdict);
    }
}

static void scripts(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t words;
        const char *first;
    } cases[] = {
        {"Чортkів", 1, "Чортkів"},
        {"вул. Нiколаєва, буд. 3, Cорока", 2, "Нiколаєва"}, /* Latin i, Latin C */
        {"ТОВ «Nova Пошта»", 0, NULL},
        {"iPhone-ом", 0, NULL},
        {"м'ясо, ґанок, Їжак", 0, NULL},
        {"XIX століття", 0, NULL},
        {"ХIХ століття", 1, "ХIХ"}, /* Cyrillic Х around a Latin I */
        {"Café «Київ»", 0, NULL},
        {"Kyjiw-Київ", 0, NULL},
        {"", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t at = 0, len = 0;
        const char *t = cases[i].text;
        size_t words = yk_script_mixed(t, strlen(t), &at, &len);
        if (words != cases[i].words)
            fail_msg("\"%s\": %zu mixed words, expected %zu", t, words, cases[i].words);
        if (words && (len != strlen(cases[i].first) || memcmp(t + at, cases[i].first, len) != 0))
            fail_msg("\"%s\": first \"%.*s\"", t, (int)len, t + at);
    }
    size_t k;
    assert_int_equal(yk_script_at("a", 1, &k), 1);
    assert_int_equal(yk_script_at("ї", 2, &k), 2);
    assert_int_equal(k, 2);
    assert_int_equal(yk_script_at("€", 3, &k), 0);
    assert_int_equal(k, 3);
}

static void settlements(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *name; /* what remains, or NULL when nothing is cut */
    } cases[] = {
        {"м. Чортків", "Чортків"},
        {"м.Чортків", "Чортків"},
        {"М. Чортків", "Чортків"},
        {"місто Чортків", "Чортків"},
        {"с. Білобожниця", "Білобожниця"},
        {"с.Білобожниця", "Білобожниця"},
        {"Село Джурин", "Джурин"},
        {"смт Заводське", "Заводське"},
        {"смт.Заводське", "Заводське"},
        {"селище міського типу Заводське", "Заводське"},
        {"Білобожницька сільська рада", "Білобожницька"},
        {"Заводська селищна рада", "Заводська"},
        {"Білобожницька с. р.", "Білобожницька"},
        {"Чортків", NULL},
        {"Смільне", NULL},
        {"Село", NULL},
        {"Місток", NULL},
        {"Сосулівка", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        size_t n = strlen(t), pre = yk_settlement_prefix(t, n);
        size_t post = pre ? 0 : yk_settlement_suffix(t, n);
        if (!cases[i].name) {
            if (pre || post)
                fail_msg("\"%s\": cut %zu + %zu bytes", t, pre, post);
            continue;
        }
        size_t rest = n - pre - post;
        if (rest != strlen(cases[i].name) || memcmp(t + pre, cases[i].name, rest) != 0)
            fail_msg("\"%s\": left \"%.*s\"", t, (int)rest, t + pre);
    }
}

static void masks(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(yk_mask_digits(buf, sizeof buf, "3012345670", 10, 2, 2), "30******70");
    assert_string_equal(yk_mask_digits(buf, sizeof buf, "067 123 45 67", 13, 3, 2),
                        "067 *** ** 67");
    assert_string_equal(yk_mask_digits(buf, sizeof buf, "+380671234567", 13, 5, 2),
                        "+38067*****67");
    assert_string_equal(yk_mask_digits(buf, sizeof buf, "1234", 4, 2, 2), "****");
    assert_string_equal(yk_mask_digits(buf, 6, "3012345670", 10, 2, 2), "30***");
    assert_string_equal(yk_mask_email(buf, sizeof buf, "ivan.koval@gmail.com", 20),
                        "i***@gmail.com");
    assert_string_equal(yk_mask_email(buf, sizeof buf, "їжак@ukr.net", strlen("їжак@ukr.net")),
                        "ї***@ukr.net");
    assert_string_equal(yk_mask_email(buf, sizeof buf, "@x", 2), "***");
}

static void lower_case(void **state)
{
    (void)state;
    char buf[64];
    static const char text[] = "ЄДРПОУ Ґанок ЇЖАК Київ CATUTTC";
    size_t n = yk_utf8_lower(text, LEN(text), buf, sizeof buf);
    assert_int_equal(n, LEN(text));
    assert_memory_equal(buf, "єдрпоу ґанок їжак київ catuttc", n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(null_spellings),
        cmocka_unit_test(edrpou_check_digits),
        cmocka_unit_test(rnokpp_check_digits),
        cmocka_unit_test(katottg_codes),
        cmocka_unit_test(dates),
        cmocka_unit_test(numbers),
        cmocka_unit_test(plain_decimals),
        cmocka_unit_test(phones),
        cmocka_unit_test(mobiles_in_text),
        cmocka_unit_test(emails),
        cmocka_unit_test(urls),
        cmocka_unit_test(scripts),
        cmocka_unit_test(settlements),
        cmocka_unit_test(masks),
        cmocka_unit_test(lower_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
