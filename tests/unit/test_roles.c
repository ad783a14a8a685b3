/* yakist unit tests — column roles: the names of the Ministry's 2019 and 2025 structures and of
 * hand-written Ukrainian headers, the role vocabulary a schema uses, and the probe that decides
 * a role from a column's first values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/error.h>

#include "roles.h"

static void names_of_the_structures(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum yk_role role;
        size_t stem;
    } cases[] = {
        /* identifiers */
        {"uid", YK_ROLE_RECORD_ID, 0},
        {"uId", YK_ROLE_RECORD_ID, 0},
        {"ID", YK_ROLE_RECORD_ID, 0},
        {"identifier", YK_ROLE_RECORD_ID, 0},
        {"\tidentifier", YK_ROLE_RECORD_ID, 0},
        {"authorityId", YK_ROLE_ID_CODE, 9},
        {"creatorID", YK_ROLE_ID_CODE, 7},
        {"publisherIdentifier", YK_ROLE_ID_CODE, 9},
        {"customer_id", YK_ROLE_ID_CODE, 8},
        {"edrpou", YK_ROLE_EDRPOU, 0},
        {"код ЄДРПОУ", YK_ROLE_EDRPOU, 0},
        {"код_єдрпоу", YK_ROLE_EDRPOU, 0},
        {"ЄДРПОУ замовника", YK_ROLE_EDRPOU, 0},
        {"РНОКПП", YK_ROLE_TAX_NUMBER, 0},
        {"ІПН", YK_ROLE_TAX_NUMBER, 0},
        {"tin", YK_ROLE_TAX_NUMBER, 0},
        {"valid", YK_ROLE_NONE, 0},
        {"USERID", YK_ROLE_NONE, 0},
        {"paid", YK_ROLE_NONE, 0},
        /* places */
        {"CATUTTC", YK_ROLE_KATOTTG, 0},
        {"captureCATUTTC", YK_ROLE_KATOTTG, 7},
        {"authorityCattutc", YK_ROLE_KATOTTG, 9},
        {"катоттг", YK_ROLE_KATOTTG, 0},
        {"lat", YK_ROLE_LATITUDE, 0},
        {"lon", YK_ROLE_LONGITUDE, 0},
        {"lng", YK_ROLE_LONGITUDE, 0},
        {"latitude", YK_ROLE_LATITUDE, 0},
        {"Longitude", YK_ROLE_LONGITUDE, 0},
        {"captureLat", YK_ROLE_LATITUDE, 7},
        {"releaseLon", YK_ROLE_LONGITUDE, 7},
        {"широта", YK_ROLE_LATITUDE, 0},
        {"Довгота", YK_ROLE_LONGITUDE, 0},
        {"flat", YK_ROLE_NONE, 0},
        {"salon", YK_ROLE_NONE, 0},
        {"constructionlon", YK_ROLE_NONE, 0},
        {"addressPostCode", YK_ROLE_POSTCODE, 7},
        {"postcode", YK_ROLE_POSTCODE, 0},
        {"Поштовий індекс", YK_ROLE_POSTCODE, 0},
        {"addressPostName", YK_ROLE_SETTLEMENT, 7},
        {"settlementName", YK_ROLE_SETTLEMENT, 0},
        {"locality", YK_ROLE_SETTLEMENT, 0},
        {"Населений пункт", YK_ROLE_SETTLEMENT, 0},
        {"назва населеного пункту", YK_ROLE_SETTLEMENT, 0},
        {"місто", YK_ROLE_SETTLEMENT, 0},
        {"addressThoroughfare", YK_ROLE_NONE, 0},
        /* contacts */
        {"contactPointTelephone", YK_ROLE_PHONE, 12},
        {"contactPointHasTelephone", YK_ROLE_PHONE, 15},
        {"contactPoint Telephone", YK_ROLE_PHONE, 12},
        {"phone", YK_ROLE_PHONE, 0},
        {"Телефон приймальні", YK_ROLE_PHONE, 0},
        {"телефон", YK_ROLE_PHONE, 0},
        {"smartphone", YK_ROLE_NONE, 0},
        {"contactPointEmail", YK_ROLE_EMAIL, 12},
        {"e-mail", YK_ROLE_EMAIL, 0},
        {"mbox", YK_ROLE_EMAIL, 0},
        {"Електронна пошта", YK_ROLE_EMAIL, 0},
        {"contactPointName", YK_ROLE_CONTACT, 0},
        {"контактна особа", YK_ROLE_CONTACT, 0},
        {"url", YK_ROLE_URL, 0},
        {"legalActUrl", YK_ROLE_URL, 8},
        {"periodEvalURL", YK_ROLE_URL, 10},
        {"homepage", YK_ROLE_URL, 0},
        {"landingPage", YK_ROLE_URL, 0},
        {"Посилання на документ", YK_ROLE_URL, 0},
        /* dates */
        {"issuedDate", YK_ROLE_DATE, 6},
        {"registrationDateTime", YK_ROLE_DATE, 12},
        {"dateFrom", YK_ROLE_DATE, 0},
        {"date", YK_ROLE_DATE, 0},
        {"дата_реєстрації", YK_ROLE_DATE, 0},
        {"Дата рішення", YK_ROLE_DATE, 0},
        {"update", YK_ROLE_NONE, 0},
        {"candidate", YK_ROLE_NONE, 0},
        {"dates", YK_ROLE_NONE, 0},
        {"датчик", YK_ROLE_NONE, 0},
        /* nothing */
        {"name", YK_ROLE_NONE, 0},
        {"амount", YK_ROLE_NONE, 0},
        {"", YK_ROLE_NONE, 0},
        {"   ", YK_ROLE_NONE, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t stem = 99;
        const char *n = cases[i].name;
        enum yk_role role = yk_role_from_name(n, strlen(n), &stem);
        if (role != cases[i].role || (role != YK_ROLE_NONE && stem != cases[i].stem))
            fail_msg("\"%s\": %s (stem %zu), expected %s (stem %zu)", n, yk_role_name(role), stem,
                     yk_role_name(cases[i].role), cases[i].stem);
    }
    /* A name longer than any column name is no role, however it ends. */
    char long_name[300];
    memset(long_name, 'x', sizeof long_name);
    memcpy(long_name + sizeof long_name - 4, "Date", 4);
    assert_int_equal(yk_role_from_name(long_name, sizeof long_name, NULL), YK_ROLE_NONE);
}

static void vocabulary(void **state)
{
    (void)state;
    for (unsigned i = 0; i < YK_ROLE_COUNT; i++) {
        enum yk_role r = YK_ROLE_COUNT;
        assert_int_equal(yk_role_parse(yk_role_name((enum yk_role)i), &r), 0);
        assert_int_equal(r, i);
    }
    enum yk_role r;
    assert_int_equal(yk_role_parse("lat", &r), 0);
    assert_int_equal(r, YK_ROLE_LATITUDE);
    assert_int_equal(yk_role_parse("EDRPOU", &r), 0);
    assert_int_equal(r, YK_ROLE_EDRPOU);
    assert_int_equal(yk_role_parse("rnokpp", &r), 0);
    assert_int_equal(r, YK_ROLE_TAX_NUMBER);
    assert_int_equal(yk_role_parse("latitud", &r), YK_EINVAL);
    assert_string_equal(yk_role_name(YK_ROLE_COUNT), "none");

    assert_int_equal(yk_role_from_field("katottg", YK_TYPE_STRING), YK_ROLE_KATOTTG);
    assert_int_equal(yk_role_from_field(NULL, YK_TYPE_DATE), YK_ROLE_DATE);
    assert_int_equal(yk_role_from_field(NULL, YK_TYPE_DATETIME), YK_ROLE_DATE);
    assert_int_equal(yk_role_from_field("unknown", YK_TYPE_URL), YK_ROLE_URL);
    assert_int_equal(yk_role_from_field(NULL, YK_TYPE_EMAIL), YK_ROLE_EMAIL);
    assert_int_equal(yk_role_from_field(NULL, YK_TYPE_STRING), YK_ROLE_NONE);
    assert_int_equal(yk_role_from_field("phone", YK_TYPE_DATE), YK_ROLE_PHONE);
}

static void probe_decides_yes_after_eight(void **state)
{
    (void)state;
    struct yk_probe p;
    memset(&p, 0, sizeof p);
    struct yk_loc loc = {.row = 2, .field = 1, .line = 2};
    for (int i = 0; i < 7; i++) {
        if (i == 3)
            yk_probe_hold(&p, &loc, 5, "35872001", 8);
        assert_int_equal(yk_probe_count(&p, YK_FIT_STRONG), YK_PROBE_OPEN);
    }
    yk_probe_hold(&p, &loc, 6, "4058611", 7);
    assert_int_equal(yk_probe_count(&p, YK_FIT_WEAK), YK_PROBE_YES);
    assert_int_equal(p.nheld, 2);
    assert_int_equal(p.held[0].kind, 5);
    assert_memory_equal(p.held[1].text, "4058611", 7);
    /* Decided: nothing more is held or counted. */
    yk_probe_hold(&p, &loc, 7, "x", 1);
    assert_int_equal(yk_probe_count(&p, YK_FIT_NO), YK_PROBE_YES);
    assert_int_equal(p.nheld, 2);
}

static void probe_decides_no_early(void **state)
{
    (void)state;
    struct yk_probe p;
    memset(&p, 0, sizeof p);
    struct yk_loc loc = {0};
    yk_probe_hold(&p, &loc, 1, "12", 2);
    assert_int_equal(yk_probe_count(&p, YK_FIT_NO), YK_PROBE_OPEN);
    assert_int_equal(yk_probe_count(&p, YK_FIT_NO), YK_PROBE_OPEN);
    assert_int_equal(yk_probe_count(&p, YK_FIT_NO), YK_PROBE_NO);
    assert_int_equal(p.nheld, 0);
}

static void probe_needs_strong_fits(void **state)
{
    (void)state;
    struct yk_probe p;
    memset(&p, 0, sizeof p);
    for (int i = 0; i < 8; i++)
        yk_probe_count(&p, i < 3 ? YK_FIT_STRONG : YK_FIT_WEAK);
    assert_int_equal(p.state, YK_PROBE_NO); /* 7-digit programme codes and a few others */
}

static void probe_closes_on_few_values(void **state)
{
    (void)state;
    struct yk_probe one, three, split;
    memset(&one, 0, sizeof one);
    memset(&three, 0, sizeof three);
    memset(&split, 0, sizeof split);
    yk_probe_count(&one, YK_FIT_STRONG);
    assert_int_equal(yk_probe_close(&one), YK_PROBE_NO); /* one value proves nothing */
    for (int i = 0; i < 3; i++)
        yk_probe_count(&three, YK_FIT_STRONG);
    yk_probe_count(&three, YK_FIT_NO);
    assert_int_equal(yk_probe_close(&three), YK_PROBE_YES);
    yk_probe_count(&split, YK_FIT_STRONG);
    yk_probe_count(&split, YK_FIT_NO);
    assert_int_equal(yk_probe_close(&split), YK_PROBE_NO);
    assert_int_equal(yk_probe_close(&split), YK_PROBE_NO);
}

static void probe_cuts_long_text(void **state)
{
    (void)state;
    struct yk_probe p;
    memset(&p, 0, sizeof p);
    struct yk_loc loc = {0};
    /* 21 Cyrillic letters (42 bytes): cut to 20 letters, not in the middle of one. */
    static const char text[] = "ЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧЧ";
    yk_probe_hold(&p, &loc, 1, text, sizeof text - 1);
    assert_int_equal(p.held[0].len, 40);
    for (int i = 0; i < YK_PROBE_VALUES + 2; i++)
        yk_probe_hold(&p, &loc, 1, "x", 1);
    assert_int_equal(p.nheld, YK_PROBE_VALUES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_of_the_structures),
        cmocka_unit_test(vocabulary),
        cmocka_unit_test(probe_decides_yes_after_eight),
        cmocka_unit_test(probe_decides_no_early),
        cmocka_unit_test(probe_needs_strong_fits),
        cmocka_unit_test(probe_closes_on_few_values),
        cmocka_unit_test(probe_cuts_long_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
