/* yakist unit tests — the helpers behind the audit rule families: update frequencies and their
 * periods, calendar and working-day arithmetic, declared format normalisation, slugs, the
 * holder's ЄДРПОУ, licences and folded titles. Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"
#include "formats.h"
#include "frequency.h"
#include "passport.h"

/* --- frequencies ------------------------------------------------------------------------- */

static void frequencies(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_freq freq;
        enum yk_freq_spelling spelling;
    } cases[] = {
        {"once a month", YK_FREQ_MONTHLY, YK_FREQ_EXACT},
        {"Щомісяця", YK_FREQ_MONTHLY, YK_FREQ_LABEL},
        {"Щокварталу", YK_FREQ_QUARTERLY, YK_FREQ_LABEL},
        {"more than once a day", YK_FREQ_SUBDAILY, YK_FREQ_EXACT},
        {"Більш як один раз на день", YK_FREQ_SUBDAILY, YK_FREQ_LABEL},
        {"once a half year", YK_FREQ_HALFYEARLY, YK_FREQ_EXACT},
        {"immediately after making changes", YK_FREQ_ON_CHANGE, YK_FREQ_EXACT},
        {"Більше не оновлюється", YK_FREQ_NOT_UPDATED, YK_FREQ_LABEL},
        {"Позапланово", YK_FREQ_UNSCHEDULED, YK_FREQ_LABEL},
        /* variants of the same words */
        {"once a month\"", YK_FREQ_MONTHLY, YK_FREQ_VARIANT},
        {"  «Щокварталу». ", YK_FREQ_QUARTERLY, YK_FREQ_VARIANT},
        {"ЩОРОКУ", YK_FREQ_YEARLY, YK_FREQ_VARIANT},
        {"Once_A_Week", YK_FREQ_WEEKLY, YK_FREQ_VARIANT},
        {"щодня", YK_FREQ_DAILY, YK_FREQ_VARIANT},
        /* synonyms */
        {"Щомісячно", YK_FREQ_MONTHLY, YK_FREQ_SYNONYM},
        {"раз на місяць", YK_FREQ_MONTHLY, YK_FREQ_SYNONYM},
        {"Один раз на рік", YK_FREQ_YEARLY, YK_FREQ_SYNONYM},
        {"1 раз на квартал", YK_FREQ_QUARTERLY, YK_FREQ_SYNONYM},
        {"щоквартально", YK_FREQ_QUARTERLY, YK_FREQ_SYNONYM},
        {"MONTHLY", YK_FREQ_MONTHLY, YK_FREQ_SYNONYM},
        {"ANNUAL", YK_FREQ_YEARLY, YK_FREQ_SYNONYM},
        {"http://publications.europa.eu/resource/authority/frequency/QUARTERLY", YK_FREQ_QUARTERLY,
         YK_FREQ_SYNONYM},
        {"http://purl.org/cld/freq/daily", YK_FREQ_DAILY, YK_FREQ_SYNONYM},
        {"UPDATE_CONT", YK_FREQ_SUBDAILY, YK_FREQ_SYNONYM},
        {"IRREG", YK_FREQ_UNSCHEDULED, YK_FREQ_SYNONYM},
        {"NEVER", YK_FREQ_NOT_UPDATED, YK_FREQ_SYNONYM},
        {"двічі на рік", YK_FREQ_HALFYEARLY, YK_FREQ_SYNONYM},
        /* outside the vocabulary, read as the next longer period */
        {"BIWEEKLY", YK_FREQ_MONTHLY, YK_FREQ_LENIENT},
        {"bimonthly", YK_FREQ_QUARTERLY, YK_FREQ_LENIENT},
        /* nothing, or nothing known */
        {"", YK_FREQ_MISSING, YK_FREQ_EXACT},
        {" \"\" ", YK_FREQ_MISSING, YK_FREQ_EXACT},
        {"BIENNIAL", YK_FREQ_UNKNOWN, YK_FREQ_EXACT},
        {"за планом", YK_FREQ_UNKNOWN, YK_FREQ_EXACT},
        {"2024-01-01", YK_FREQ_UNKNOWN, YK_FREQ_EXACT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum yk_freq_spelling sp = (enum yk_freq_spelling)99;
        enum yk_freq f = yk_freq_parse(cases[i].text, &sp);
        if (f != cases[i].freq || sp != cases[i].spelling)
            fail_msg("\"%s\": frequency %d spelling %d, expected %d %d", cases[i].text, f, sp,
                     cases[i].freq, cases[i].spelling);
    }
    /* Every vocabulary value reads exactly, every label as a label, and as a variant when shouted or quoted. */
    for (int f = YK_FREQ_SUBDAILY; f < YK_FREQ_COUNT; f++) {
        const char *texts[] = {yk_freq_api((enum yk_freq)f), yk_freq_label((enum yk_freq)f)};
        for (size_t k = 0; k < 2; k++) {
            enum yk_freq_spelling sp;
            char quoted[128];
            assert_int_equal(yk_freq_parse(texts[k], &sp), f);
            assert_int_equal(sp, k == 0 ? YK_FREQ_EXACT : YK_FREQ_LABEL);
            snprintf(quoted, sizeof quoted, "\"%s\".", texts[k]);
            assert_int_equal(yk_freq_parse(quoted, &sp), f);
            assert_int_equal(sp, YK_FREQ_VARIANT);
        }
    }
    assert_int_equal(yk_freq_parse(NULL, NULL), YK_FREQ_MISSING);
    char huge[400];
    memset(huge, 'a', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    assert_int_equal(yk_freq_parse(huge, NULL), YK_FREQ_UNKNOWN);
    assert_string_equal(yk_freq_api(YK_FREQ_QUARTERLY), "once a quarter");
    assert_string_equal(yk_freq_label(YK_FREQ_QUARTERLY), "Щокварталу");
    assert_string_equal(yk_freq_label(YK_FREQ_UNKNOWN), "");
}

static void periods(void **state)
{
    (void)state;
    static const struct {
        enum yk_freq freq;
        bool has;
        int months, days;
    } cases[] = {
        {YK_FREQ_SUBDAILY, true, 0, 1},     {YK_FREQ_DAILY, true, 0, 1},
        {YK_FREQ_WEEKLY, true, 0, 7},       {YK_FREQ_MONTHLY, true, 1, 0},
        {YK_FREQ_QUARTERLY, true, 3, 0},    {YK_FREQ_HALFYEARLY, true, 6, 0},
        {YK_FREQ_YEARLY, true, 12, 0},      {YK_FREQ_ON_CHANGE, true, 3, 0},
        {YK_FREQ_UNSCHEDULED, false, 0, 0}, {YK_FREQ_NOT_UPDATED, false, 0, 0},
        {YK_FREQ_MISSING, false, 0, 0},     {YK_FREQ_UNKNOWN, false, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct yk_freq_period p = {-1, -1};
        bool has = yk_freq_period(cases[i].freq, &p);
        assert_int_equal(has, cases[i].has);
        if (has) {
            assert_int_equal(p.months, cases[i].months);
            assert_int_equal(p.days, cases[i].days);
        }
    }
}

/* --- dates -------------------------------------------------------------------------------- */

static int64_t day(const char *s)
{
    int64_t d = 0;
    if (!yk_day_parse(s, &d))
        fail_msg("\"%s\" should parse", s);
    return d;
}

static void date_parsing(void **state)
{
    (void)state;
    static const char *const good[] = {"2024-02-29", "2025-10-01T10:22:33.123456", "1970-01-01",
                                       "2025-10-01 08:00", "2025-12-31t23:59Z"};
    static const char *const bad[] = {"2023-02-29", "2025-13-01", "2025-00-10",  "01.10.2025",
                                      "2025-10-1",  "2025/10/01", "2025-10-01X", "2025-10-01T",
                                      "",           "2025"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        day(good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t d;
        if (yk_day_parse(bad[i], &d))
            fail_msg("\"%s\" should not parse", bad[i]);
    }
    int64_t d;
    assert_false(yk_day_parse(NULL, &d));
    assert_int_equal(day("1970-01-01"), 0);
    assert_int_equal(day("2000-03-01") - day("2000-02-28"), 2); /* 2000 is a leap year */
    assert_int_equal(day("1900-03-01") - day("1900-02-28"), 1); /* 1900 is not */
    char buf[16];
    for (int64_t k = -719000; k < 2900000; k += 997)
        assert_int_equal(day(yk_day_format(buf, k)), k); /* round trip, years 1-9909 */
    assert_string_equal(yk_day_format(buf, day("2025-10-01")), "2025-10-01");
}

static void working_days(void **state)
{
    (void)state;
    assert_int_equal(yk_day_weekday(day("2025-10-01")), 3); /* a Wednesday */
    assert_int_equal(yk_day_weekday(day("1970-01-01")), 4);
    assert_int_equal(yk_day_weekday(day("1969-12-28")), 7);
    static const struct {
        const char *from;
        unsigned n;
        const char *to;
    } cases[] = {
        {"2025-10-01", 0, "2025-10-01"}, /* Wed */
        {"2025-10-01", 3, "2025-10-06"}, /* Wed + 3 = Mon */
        {"2025-10-03", 1, "2025-10-06"}, /* Fri + 1 = Mon */
        {"2025-10-03", 3, "2025-10-08"}, /* Fri + 3 = Wed */
        {"2025-10-04", 3, "2025-10-08"}, /* Sat + 3 = Wed, as from Friday */
        {"2025-10-05", 1, "2025-10-06"}, /* Sun + 1 = Mon */
        {"2025-10-04", 0, "2025-10-04"},  {"2025-10-01", 5, "2025-10-08"}, /* a whole week */
        {"2025-10-01", 12, "2025-10-17"}, {"2024-12-31", 3, "2025-01-03"}, /* across the year */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[16];
        yk_day_format(got, yk_day_add_working(day(cases[i].from), cases[i].n));
        if (strcmp(got, cases[i].to) != 0)
            fail_msg("%s + %u working days: %s, expected %s", cases[i].from, cases[i].n, got,
                     cases[i].to);
    }
    assert_int_equal(yk_day_working_between(day("2025-10-01"), day("2025-10-06")), 3);
    assert_int_equal(yk_day_working_between(day("2025-10-03"), day("2025-10-05")), 0);
    assert_int_equal(yk_day_working_between(day("2025-10-06"), day("2025-10-01")), 0);
    assert_int_equal(yk_day_working_between(day("2025-09-01"), day("2025-10-01")), 22);
    /* add and count agree */
    for (int64_t from = day("2025-01-01"); from < day("2025-01-15"); from++)
        for (unsigned n = 1; n < 12; n++)
            if (yk_day_weekday(from) <= 5)
                assert_int_equal(yk_day_working_between(from, yk_day_add_working(from, n)), n);
}

static void months(void **state)
{
    (void)state;
    static const struct {
        const char *from;
        int months;
        const char *to;
    } cases[] = {
        {"2025-01-31", 1, "2025-02-28"},  {"2024-01-31", 1, "2024-02-29"},
        {"2025-03-15", 3, "2025-06-15"},  {"2025-11-30", 3, "2026-02-28"},
        {"2025-08-31", 6, "2026-02-28"},  {"2025-05-10", 12, "2026-05-10"},
        {"2025-03-31", -1, "2025-02-28"}, {"2025-01-15", -2, "2024-11-15"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[16];
        yk_day_format(got, yk_day_add_months(day(cases[i].from), cases[i].months));
        if (strcmp(got, cases[i].to) != 0)
            fail_msg("%s %+d months: %s, expected %s", cases[i].from, cases[i].months, got,
                     cases[i].to);
    }
}

/* --- declared formats --------------------------------------------------------------------- */

static void declared_formats(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *names; /* comma-separated, "" for none */
        unsigned flags;
        bool unknown, empty, clean;
    } cases[] = {
        {"CSV", "CSV", 0, false, false, true},
        {"GeoJSON", "GeoJSON", 0, false, false, true},
        {"GEOJSON", "GeoJSON", 0, false, false, true},
        {"csv", "CSV", YK_FMT_CASE, false, false, false},
        {" CSV ", "CSV", YK_FMT_SPACE, false, false, false},
        {".csv", "CSV", YK_FMT_DOT | YK_FMT_CASE, false, false, false},
        {".сsv", "CSV", YK_FMT_DOT | YK_FMT_CASE | YK_FMT_HOMOGLYPH, false, false, false},
        {"СSV", "CSV", YK_FMT_HOMOGLYPH, false, false, false},
        {"ХML", "XML", YK_FMT_HOMOGLYPH, false, false, false},
        {"xls xlsx", "XLS,XLSX", YK_FMT_CASE | YK_FMT_SEVERAL, false, false, false},
        {"CSV, JSON", "CSV,JSON", YK_FMT_SEVERAL, false, false, false},
        {"CSV/JSON", "CSV,JSON", YK_FMT_SEVERAL, false, false, false},
        {"CSV CSV", "CSV", 0, false, false, true},
        {"xlxs", "XLSX", YK_FMT_ALIAS, false, false, false},
        {"JPG", "JPEG", YK_FMT_ALIAS, false, false, false},
        {"text/csv", "CSV", YK_FMT_MIME, false, false, false},
        {"text/csv; charset=utf-8", "CSV", YK_FMT_MIME, false, false, false},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", YK_FMT_MIME,
         false, false, false},
        {"application/x-unknown", "", YK_FMT_MIME, true, false, false},
        {"http://publications.europa.eu/resource/authority/file-type/CSV", "CSV", YK_FMT_URI, false,
         false, false},
        {"https://www.iana.org/assignments/media-types/application/json", "JSON", YK_FMT_URI, false,
         false, false},
        {"Таблиця", "", 0, true, false, false},
        {"FOO", "", 0, true, false, false},
        {"", "", 0, false, true, false},
        {"  \" ", "", YK_FMT_SPACE, false, true, false},
        {NULL, "", 0, false, true, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct yk_fmt_reading r;
        char names[128] = "";
        yk_fmt_read(cases[i].text, &r);
        for (size_t k = 0; k < r.n; k++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? "," : "",
                     r.fmt[k]->name);
        if (strcmp(names, cases[i].names) != 0 || r.flags != cases[i].flags ||
            r.unknown != cases[i].unknown || r.empty != cases[i].empty ||
            yk_fmt_clean(&r) != cases[i].clean)
            fail_msg("\"%s\": %s flags %#x unknown %d empty %d clean %d", cases[i].text, names,
                     r.flags, r.unknown, r.empty, yk_fmt_clean(&r));
    }
    char huge[600];
    memset(huge, 'C', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    struct yk_fmt_reading r;
    yk_fmt_read(huge, &r);
    assert_true(r.unknown);
    assert_int_equal(r.n, 0);
}

static void format_classes(void **state)
{
    (void)state;
    struct yk_fmt_reading r;
    yk_fmt_read("xls xlsx", &r);
    assert_string_equal(yk_fmt_best(&r)->name, "XLS"); /* both 2 stars: the first */
    yk_fmt_read("PDF, CSV", &r);
    assert_string_equal(yk_fmt_best(&r)->name, "CSV");
    assert_int_equal(yk_fmt_find("CSV")->stars, 3);
    assert_int_equal(yk_fmt_find("RDF")->stars, 4);
    assert_int_equal(yk_fmt_find("XLS")->cls, YK_FCLASS_PROPRIETARY);
    assert_int_equal(yk_fmt_find("ODS")->cls, YK_FCLASS_SPREADSHEET);
    assert_int_equal(yk_fmt_find("PDF")->cls, YK_FCLASS_DOCUMENT);
    assert_null(yk_fmt_find("csv"));
    assert_string_equal(yk_fmt_of_content("json")->name, "JSON");
    assert_string_equal(yk_fmt_of_content("xml")->name, "XML");
    assert_null(yk_fmt_of_content("binary"));
    /* declared against sniffed */
    assert_true(yk_fmt_fits(yk_fmt_find("CSV"), "csv", NULL));
    assert_true(yk_fmt_fits(yk_fmt_find("CSV"), "tsv", NULL));
    assert_true(yk_fmt_fits(yk_fmt_find("GeoJSON"), "json", NULL));
    assert_true(yk_fmt_fits(yk_fmt_find("XLS"), "ole", NULL));
    assert_true(yk_fmt_fits(yk_fmt_find("ZIP"), "csv", "zip"));
    assert_true(yk_fmt_fits(yk_fmt_find("API"), "html", NULL));
    assert_false(yk_fmt_fits(yk_fmt_find("CSV"), "pdf", NULL));
    assert_false(yk_fmt_fits(yk_fmt_find("ZIP"), "csv", "gzip"));
    assert_false(yk_fmt_fits(yk_fmt_find("XLSX"), "html", NULL));
    assert_string_equal(yk_fclass_name(YK_FCLASS_ARCHIVE), "archive");
}

/* --- the passport ------------------------------------------------------------------------- */

static void slugs(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_slug verdict;
        size_t at;
    } cases[] = {
        {"chortkiv-budget-2025", YK_SLUG_OK, 0},
        {"ab", YK_SLUG_OK, 0},
        {"Chortkiv-budget", YK_SLUG_UPPER, 0},
        {"chortkiv_budget", YK_SLUG_CHARS, 8},
        {"бюджет", YK_SLUG_CHARS, 0},
        {"budget 2025", YK_SLUG_CHARS, 6},
        {"-budget", YK_SLUG_HYPHENS, 0},
        {"budget-", YK_SLUG_HYPHENS, 0},
        {"budget--2025", YK_SLUG_HYPHENS, 0},
        {"a", YK_SLUG_LENGTH, 0},
        {"", YK_SLUG_EMPTY, 0},
        {NULL, YK_SLUG_EMPTY, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t at = 0;
        enum yk_slug v = yk_slug_check(cases[i].text, &at);
        if (v != cases[i].verdict || at != cases[i].at)
            fail_msg("\"%s\": %d at %zu, expected %d at %zu", cases[i].text, v, at,
                     cases[i].verdict, cases[i].at);
    }
    char longer[120];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_int_equal(yk_slug_check(longer, NULL), YK_SLUG_LENGTH);
}

static void holder_codes(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum yk_code verdict;
    } cases[] = {
        {"04058611", YK_CODE_OK},      {" 35872005 ", YK_CODE_OK},  {"43315602", YK_CODE_OK},
        {"04058612", YK_CODE_CHECK},   {"35872001", YK_CODE_CHECK}, {"0405861", YK_CODE_LENGTH},
        {"040586111", YK_CODE_LENGTH}, {"0405861X", YK_CODE_CHARS}, {"ЄДРПОУ", YK_CODE_CHARS},
        {"", YK_CODE_EMPTY},           {"  ", YK_CODE_EMPTY},       {NULL, YK_CODE_EMPTY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (yk_edrpou_check(cases[i].text) != cases[i].verdict)
            fail_msg("\"%s\": %d, expected %d", cases[i].text, yk_edrpou_check(cases[i].text),
                     cases[i].verdict);
}

static void licences(void **state)
{
    (void)state;
    static const struct {
        const char *id, *title;
        enum yk_licence verdict;
        const char *canonical;
    } cases[] = {
        {"cc-by", NULL, YK_LICENCE_OPEN, "cc-by"},
        {"CC-BY-4.0", NULL, YK_LICENCE_OPEN, "cc-by"},
        {"CC BY 4.0", NULL, YK_LICENCE_OPEN, "cc-by"},
        {"cc_by", NULL, YK_LICENCE_OPEN, "cc-by"},
        {"https://creativecommons.org/licenses/by/4.0/", NULL, YK_LICENCE_OPEN, "cc-by"},
        {"cc-zero", NULL, YK_LICENCE_OPEN, "cc0"},
        {"CC0-1.0", NULL, YK_LICENCE_OPEN, "cc0"},
        {"odc-by", NULL, YK_LICENCE_OPEN, "odc-by"},
        {"odc-pddl", NULL, YK_LICENCE_OPEN, "odc-pddl"},
        {"other-open", NULL, YK_LICENCE_OPEN, "other-open"},
        {"other-pd", NULL, YK_LICENCE_OPEN, "other-pd"},
        {NULL, "Creative Commons Attribution", YK_LICENCE_OPEN, "cc-by"},
        {"", "Creative Commons Attribution 4.0 International", YK_LICENCE_OPEN, "cc-by"},
        {"cc-by-sa", NULL, YK_LICENCE_SHARE_ALIKE, NULL},
        {"odc-odbl", NULL, YK_LICENCE_SHARE_ALIKE, NULL},
        {"cc-nc", NULL, YK_LICENCE_RESTRICTED, NULL},
        {"CC-BY-NC-4.0", NULL, YK_LICENCE_RESTRICTED, NULL},
        {"cc-byx", NULL, YK_LICENCE_OTHER, NULL},
        {"other-closed", NULL, YK_LICENCE_OTHER, NULL},
        {"notspecified", NULL, YK_LICENCE_OTHER, NULL},
        {"other-open-ish", NULL, YK_LICENCE_OTHER, NULL},
        {NULL, NULL, YK_LICENCE_NONE, NULL},
        {" ", "", YK_LICENCE_NONE, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *canonical = "?";
        enum yk_licence v = yk_licence_classify(cases[i].id, cases[i].title, &canonical);
        bool same = canonical == cases[i].canonical ||
                    (canonical && cases[i].canonical && strcmp(canonical, cases[i].canonical) == 0);
        if (v != cases[i].verdict || !same)
            fail_msg("\"%s\"/\"%s\": %d (%s), expected %d", cases[i].id ? cases[i].id : "(null)",
                     cases[i].title ? cases[i].title : "(null)", v, canonical ? canonical : "-",
                     cases[i].verdict);
    }
}

static void titles(void **state)
{
    (void)state;
    char buf[256];
    yk_title_fold("2.49. Бюджет «Чортківської» громади — 2025 р.", buf, sizeof buf);
    assert_string_equal(buf, "бюджет чортківської громади 2025 р");
    yk_title_fold("Об’єкти комунальної власності", buf, sizeof buf);
    assert_string_equal(buf, "обєкти комунальної власності");
    yk_title_fold("Об'єкти  КОМУНАЛЬНОЇ власності", buf, sizeof buf);
    assert_string_equal(buf, "обєкти комунальної власності");
    assert_int_equal(yk_title_fold("", buf, sizeof buf), 0);
    assert_int_equal(yk_title_fold(NULL, buf, sizeof buf), 0);
    /* cut, never overrun */
    char tiny[8];
    yk_title_fold("Реєстр наборів даних", tiny, sizeof tiny);
    assert_true(strlen(tiny) < sizeof tiny);

    assert_true(
        yk_title_follows("Реєстр наборів даних Фінансового управління", "Реєстр наборів даних"));
    assert_true(yk_title_follows("1.6. РЕЄСТР НАБОРІВ ДАНИХ", "Реєстр наборів даних"));
    assert_false(yk_title_follows("Реєстр", "Реєстр наборів даних"));
    assert_false(yk_title_follows("Реєстр наборів даних", ""));
    assert_true(yk_text_blank(NULL));
    assert_true(yk_text_blank(" \t\n"));
    assert_false(yk_text_blank(" x"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(frequencies),    cmocka_unit_test(periods),
        cmocka_unit_test(date_parsing),   cmocka_unit_test(working_days),
        cmocka_unit_test(months),         cmocka_unit_test(declared_formats),
        cmocka_unit_test(format_classes), cmocka_unit_test(slugs),
        cmocka_unit_test(holder_codes),   cmocka_unit_test(licences),
        cmocka_unit_test(titles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
