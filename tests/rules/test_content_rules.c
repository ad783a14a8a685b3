/* yakist — table-driven tests of the `content` rule family. Each case is a small Ukrainian table
 * run through yk_check_memory with every built-in rule at its defaults (or a case's profile).
 * The count of every `content` rule is asserted exactly (a rule a case does not list must stay
 * silent), and where a case lists findings of a rule they must be all of that rule's findings,
 * by row, field and line, with a piece of the English message. A case may also name a text no
 * message may contain: the personal values the rules must never quote in full. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/schema.h>
#include <yakist/yakist.h>

#include "families.h"
#include "harness.h"

#define MAX_MESSAGE 600 /* bytes: messages quote at most ~40 characters of a cell */

struct rule_case {
    const char *name;
    const char *csv;
    char *(*build)(size_t *len); /* instead of csv: a large input made at run time (malloc) */
    const char *profile;         /* JSON, or NULL for the defaults */
    const char *schema;          /* a Table Schema (JSON) for the run, or NULL */
    const char *forbid;          /* no message may contain this, or NULL */
    bool no_header;              /* read the first row as data */
    HARNESS_WANT;
};

/* --- large inputs ------------------------------------------------------------------------ */

#define HUGE_CELL (300u * 1024u)

/* A 300 KiB cell in a date column, between two dates. */
static char *huge_date_cell(size_t *len)
{
    return harness_repeat("id,issuedDate\n1,2024-01-05\n2,", "Чортків ", HUGE_CELL,
                          "\n3,2024-01-06\n", len);
}

/* A 300 KiB note with a Latin letter in a Cyrillic word and a mobile number at its very end. */
static char *huge_text_cell(size_t *len)
{
    return harness_repeat("id,note\n1,\"", "Опис об'єкта торгівлі. ", HUGE_CELL,
                          "Чортkів, 067 123 45 67\"\n", len);
}

/* --- the cases ---------------------------------------------------------------------------- */

/* A clean list of trade objects of Chortkiv in the 2025 structure's columns. */
#define TRADE_HEADER                                                                               \
    "uid,name,entityName,entityId,CATUTTC,addressPostName,addressPostCode,addressThoroughfare,"    \
    "contactPointTelephone,contactPointEmail,url,lat,lon,registrationDate,area\n"

static const struct rule_case cases[] = {
    {.name = "clean trade objects",
     .csv = TRADE_HEADER
     "1,Магазин «Продукти»,ТОВ «Чортків-Торг»,43315602,UA61040470010030542,Чортків,48500,"
     "вулиця Шевченка,+380355221234,torg@chortkiv-torg.com.ua,https://chortkiv-torg.com.ua,"
     "49.0167,25.7936,2024-01-05,120.5\n"
     "2,Кіоск «Преса»,КП «Чортківські ринки»,38975126,UA61040470010030542,Чортків,48500,"
     "вулиця Ринкова,\"+380355221234,+380671234567\",rynky@chortkiv-rada.gov.ua,null,49.0181,"
     "25.7899,2023-12-31T10:00:00+02:00,12\n"},
    {.name = "empty file", .csv = ""},
    {.name = "header only", .csv = TRADE_HEADER},
    {.name = "no header row: nothing to assign roles from",
     .csv = "1,05.01.2024,1 234\n",
     .no_header = true},

    /* content.date_format */
    {.name = "date: ISO dates and date-times pass",
     .csv = "id,issuedDate,dateModified\n1,2024-01-05,2024-01-05T10:00\n2,2024-02-29,"
            "2024-01-05T10:00:00.5Z\n"},
    {.name = "date: dotted, slashed and wordy dates in a date column",
     .csv = "id,issuedDate\n1,05.01.2024\n2,2024/01/05\n3,5 січня 2024\n4,5.1.2024 р.\n",
     .counts = {{"content.date_format", 4}},
     .locs = {{"content.date_format", 2, 2, 2,
               "\"05.01.2024\" is not in ISO 8601 form: write "
               "2024-01-05"},
              {"content.date_format", 3, 2, 3, "write 2024-01-05"},
              {"content.date_format", 4, 2, 4, "\"5 січня 2024\" in a column of dates"},
              {"content.date_format", 5, 2, 5, "write 2024-01-05"}}},
    {.name = "date: a dotted date with a time in a column without a role",
     .csv = "id,note\n1,05.01.2024 10:30\n2,текст\n",
     .counts = {{"content.date_format", 1}},
     .locs = {{"content.date_format", 2, 2, 2, "write 2024-01-05T10:30"}}},
    {.name = "date: a column of dates by its values reports the odd value out",
     .csv = "id,opened\n1,2024-01-01\n2,2024-01-02\n3,невідомо\n4,2024-01-04\n5,2024-01-05\n"
            "6,2024-01-06\n7,2024-01-07\n8,2024-01-08\n9,вчора\n",
     .counts = {{"content.date_format", 2}},
     .locs = {{"content.date_format", 4, 2, 4, "\"невідомо\" in a column of dates"},
              {"content.date_format", 10, 2, 10, "\"вчора\""}}},
    {.name = "date: a short column of dates, decided at the end",
     .csv = "id,opened\n1,2024-01-01\n2,2024-01-02\n3,2024-01-03\n4,?\n",
     .counts = {{"content.date_format", 1}},
     .locs = {{"content.date_format", 5, 2, 5, "\"?\""}}},
    {.name = "date: a text column with one date is not a column of dates",
     .csv = "id,note\n1,2024-01-01\n2,склад\n3,кіоск\n4,павільйон\n"},
    {.name = "date: an all-null date column", .csv = "id,issuedDate\n1,null\n2,null\n3,null\n"},
    {.name = "date: a 300 KiB value in a date column",
     .build = huge_date_cell,
     .counts = {{"content.date_format", 1}},
     .locs = {{"content.date_format", 3, 2, 3, "\"Чортків Чортків"}}},

    /* content.date_invalid */
    {.name = "impossible dates",
     .csv = "id,issuedDate\n1,2023-02-30\n2,31.04.2024\n3,2024-13-01\n4,2024-01-05T25:00\n"
            "5,1900-02-29\n",
     .counts = {{"content.date_invalid", 5}},
     .locs = {{"content.date_invalid", 2, 2, 2, "February 2023 has 28 days"},
              {"content.date_invalid", 3, 2, 3, "April 2024 has 30 days"},
              {"content.date_invalid", 4, 2, 4, "there is no month 13"},
              {"content.date_invalid", 5, 2, 5, "not a real time of day"},
              {"content.date_invalid", 6, 2, 6, "February 1900 has 28 days"}}},
    {.name = "impossible dates: leap days that exist",
     .csv = "id,issuedDate\n1,2024-02-29\n2,2000-02-29\n3,29.02.2024\n",
     .counts = {{"content.date_format", 1}}},
    {.name = "impossible dates: in a text column too",
     .csv = "id,note\n1,2023-02-29\n",
     .counts = {{"content.date_invalid", 1}},
     .locs = {{"content.date_invalid", 2, 2, 2, NULL}}},

    /* content.datetime_format */
    {.name = "date-time with a space, a Cyrillic Т and a lower-case t",
     .csv = "id,registrationDateTime\n1,2024-01-05 10:00\n2,2019-05-30Т10:45\n"
            "3,2024-01-05t10:00:30\n4,2024-01-05T10:00\n",
     .counts = {{"content.datetime_format", 3}},
     .locs = {{"content.datetime_format", 2, 2, 2,
               "separated by a space, not \"T\": write "
               "2024-01-05T10:00"},
              {"content.datetime_format", 3, 2, 3, "a Cyrillic \"Т\""},
              {"content.datetime_format", 4, 2, 4, "write 2024-01-05T10:00:30"}}},
    {.name = "date-time with a space and an impossible hour is only impossible",
     .csv = "id,registrationDateTime\n1,2024-01-05 24:00\n",
     .counts = {{"content.date_invalid", 1}}},

    /* content.decimal_mixed */
    {.name = "decimals: one separator throughout",
     .csv = "id,amount,area\n1,12.5,40.2\n2,13.5,41.0\n"},
    {.name = "decimals: points and one comma",
     .csv = "id,amount,area\n1,12.5,\"40,2\"\n2,13.5,41.0\n",
     .counts = {{"content.decimal_mixed", 1}},
     .locs = {{"content.decimal_mixed", 2, 3, 2,
               "3 numbers with a point, 1 with a comma; the "
               "first with a comma is in column \"area\""}}},
    {.name = "decimals: commas in amounts, points in coordinates",
     .csv = "id,amount,lat,lon\n1,\"12,5\",49.0167,25.7936\n2,\"7,25\",49.0181,25.7899\n",
     .counts = {{"content.decimal_mixed", 1}},
     .locs = {{"content.decimal_mixed", 2, 2, 2, "4 numbers with a point, 2 with a comma"}}},

    /* content.thousands_separator */
    {.name = "thousands separators: space, comma groups, no-break space",
     .csv = "id,amount\n1,1 234 567\n2,\"1,234,567.50\"\n3,1\xC2\xA0"
            "000\n4,1234567\n5,\"1,5\"\n",
     .counts = {{"content.thousands_separator", 3}, {"content.decimal_mixed", 1}},
     .locs = {{"content.thousands_separator", 2, 2, 2, "(space): write 1234567"},
              {"content.thousands_separator", 3, 2, 3, "(comma): write 1234567.50"},
              {"content.thousands_separator", 4, 2, 4, "write 1000"}}},
    {.name = "thousands separators: a single comma group is a decimal comma",
     .csv = "id,amount\n1,\"1,234\"\n"},
    {.name = "thousands separators: not in postcodes or phones",
     .csv = "id,addressPostCode,telephone\n1,48 500,+380 35 522 12 34\n",
     .counts = {{"content.postcode", 1}, {"content.phone_format", 1}}},

    /* content.number_unit */
    {.name = "units inside numbers",
     .csv = "id,price,area,share,budget\n1,100 грн,25 м2,15%,\"1 250,5 тис. грн\"\n",
     .counts = {{"content.number_unit", 4},
                {"content.thousands_separator", 1},
                {"content.decimal_mixed", 0}},
     .locs = {{"content.number_unit", 2, 2, 2,
               "\"100 грн\": the unit belongs in a column of its "
               "own (unitName), the cell holds only 100"},
              {"content.number_unit", 2, 3, 2, "only 25"},
              {"content.number_unit", 2, 4, 2, "only 15"},
              {"content.number_unit", 2, 5, 2, "only 1250.5"}}},
    {.name = "units: words after a number are not units",
     .csv = "id,note\n1,12 квітня\n2,2024 р.\n3,5 поверх\n"},

    /* content.coordinate_format */
    {.name = "coordinates: a decimal comma and degrees-minutes",
     .csv = "id,lat,lon\n1,\"49,0167\",25.7936\n2,49°01′N,25.79\n3,null,null\n",
     .counts = {{"content.coordinate_format", 2}, {"content.decimal_mixed", 1}},
     .locs = {{"content.coordinate_format", 2, 2, 2, "has a decimal comma: write 49.0167"},
              {"content.coordinate_format", 3, 2, 3, "not a decimal number of degrees"}}},

    /* content.coordinate_range and content.coordinate_swapped */
    {.name = "coordinates: outside Ukraine and zero",
     .csv = "id,lat,lon\n1,55.7558,37.6173\n2,0,0\n3,49.0167,25.7936\n",
     .counts = {{"content.coordinate_range", 3}},
     .locs = {{"content.coordinate_range", 2, 2, 2, "latitude 55.7558 is outside Ukraine"},
              {"content.coordinate_range", 3, 2, 3, "latitude 0 stands in for an unknown place"},
              {"content.coordinate_range", 3, 3, 3, "longitude 0 stands in"}}},
    {.name = "coordinates: swapped",
     .csv = "id,lat,lon\n1,25.7936,49.0167\n",
     .counts = {{"content.coordinate_swapped", 1}},
     .locs = {{"content.coordinate_swapped", 2, 2, 2, "latitude 25.7936, longitude 49.0167"}}},
    {.name = "coordinates: pairs by name stem, one swapped",
     .csv = "id,captureLat,captureLon,releaseLat,releaseLon\n1,49.01,25.79,25.79,49.01\n",
     .counts = {{"content.coordinate_swapped", 1}},
     .locs = {{"content.coordinate_swapped", 2, 4, 2, NULL}}},
    {.name = "coordinates: a lone latitude column (Ukrainian name)",
     .csv = "id,широта\n1,48.0\n2,53.1\n",
     .counts = {{"content.coordinate_range", 1}},
     .locs = {{"content.coordinate_range", 3, 2, 3, "latitude 53.1"}}},

    /* content.edrpou */
    {.name = "ЄДРПОУ: valid codes", .csv = "id,edrpou\n1,04058611\n2,21155735\n3,00022473\n"},
    {.name = "ЄДРПОУ: check digit, lost zero, letters, length, ten digits",
     .csv = "id,код ЄДРПОУ\n1,04058612\n2,4058611\n3,0405861X\n4,123456\n5,0405861100\n",
     .forbid = "0405861100",
     .counts = {{"content.edrpou", 5}},
     .locs = {{"content.edrpou", 2, 2, 2,
               "\"04058612\" fails the check digit (the algorithm "
               "gives 1"},
              {"content.edrpou", 3, 2, 3, "the leading zero was lost, write 04058611"},
              {"content.edrpou", 4, 2, 4, "is not an ЄДРПОУ code"},
              {"content.edrpou", 5, 2, 5, "has 6 digits instead of 8"},
              {"content.edrpou", 6, 2, 6, "\"04******00\" has 10 digits"}}},
    {.name = "ЄДРПОУ: an *Id column of codes, decided after eight values",
     .csv = "id,authorityId\n1,04058611\n2,02143689\n3,21155735\n4,35872001\n5,43315602\n"
            "6,25754912\n7,44238791\n8,03254333\n9,3897512\n",
     .counts = {{"content.edrpou", 2}},
     .locs = {{"content.edrpou", 5, 2, 5, "\"35872001\" fails the check digit"},
              {"content.edrpou", 10, 2, 10, "has 7 digits instead of 8"}}},
    {.name = "ЄДРПОУ: an *Id column of other codes is left alone",
     .csv = "id,routeId,cadastralId\n1,12,6125510100:01:001:0001\n2,13А,6125510100:01:001:0002\n"
            "3,14,6125510100:01:001:0003\n"},
    {.name = "ЄДРПОУ: a missing code is a missing required value",
     .csv = "id,edrpou\n1,null\n2,\n",
     .counts = {{"content.required_missing", 2}, {"content.null_spelling", 1}}},

    /* content.katottg */
    {.name = "КАТОТТГ: valid", .csv = "id,CATUTTC\n1,UA61040470010030542\n"},
    {.name = "КАТОТТГ: case, prefix, КОАТУУ, length, Cyrillic",
     .csv = "id,CATUTTC\n1,ua61040470010030542\n2,61040470010030542\n3,6125510100\n"
            "4,UA6104047001\n5,УА61040470010030542\n",
     .counts = {{"content.katottg", 5}},
     .locs = {{"content.katottg", 2, 2, 2, "write UA in Latin capitals"},
              {"content.katottg", 3, 2, 3, "lacks its prefix: write UA61040470010030542"},
              {"content.katottg", 4, 2, 4, "looks like a КОАТУУ code"},
              {"content.katottg", 5, 2, 5, "has 10 digits after UA instead of 17"},
              {"content.katottg", 6, 2, 6, "a Cyrillic \"УА\""}}},

    /* content.postcode */
    {.name = "postcodes",
     .csv = "id,addressPostCode\n1,48500\n2,1001\n3,48 500\n4,48500-1\n",
     .counts = {{"content.postcode", 3}},
     .locs = {{"content.postcode", 3, 2, 3, "the leading zero was lost, write 01001"},
              {"content.postcode", 4, 2, 4, "contains a space: write 48500"},
              {"content.postcode", 5, 2, 5, "is not a postcode"}}},

    /* content.phone_format */
    {.name = "phones: the +380 form, one or several",
     .csv = "id,telephone\n1,+380355221234\n2,\"+380355221234, +380671234567\"\n"},
    {.name = "phones: brackets, no plus, local, words, a bad second number",
     .csv = "id,telephone\n1,(03552) 2-12-34\n2,380355221234\n3,2-12-34\n4,тел. 21234\n"
            "5,\"+380355221234, 067 123 45 67\"\n",
     .counts = {{"content.phone_format", 5}},
     .locs = {{"content.phone_format", 2, 2, 2, "write +380355221234"},
              {"content.phone_format", 3, 2, 3, "lacks the \"+\""},
              {"content.phone_format", 4, 2, 4, "lacks the area or operator code"},
              {"content.phone_format", 5, 2, 5, "is not a phone number"},
              {"content.phone_format", 6, 2, 6,
               "\"067 123 45 67\" is not in the form "
               "+380XXXXXXXXX without spaces or brackets: "
               "write +380671234567"}}},
    {.name = "phones: 380 without the plus, allowed by a profile",
     .csv = "id,telephone\n1,380355221234\n2,0355221234\n",
     .profile = "{\"rules\": {\"content.phone_format\": {\"params\": {\"allow_380\": true}}}}",
     .counts = {{"content.phone_format", 1}},
     .locs = {{"content.phone_format", 3, 2, 3, NULL}}},

    /* content.email_format */
    {.name = "e-mail: valid, and two in a cell",
     .csv =
         "id,email\n1,rada@chortkiv-rada.gov.ua\n2,\"torg@chortkiv.ua; info@xn--80a.xn--j1amh\"\n"},
    {.name = "e-mail: no @, mailto, no dot, a Cyrillic і",
     .csv = "id,contactPointEmail\n1,rada.chortkiv.gov.ua\n2,mailto:rada@chortkiv.gov.ua\n"
            "3,rada@chortkiv\n4,іnfo@chortkiv.gov.ua\n5,rada @chortkiv.gov.ua\n",
     .counts = {{"content.email_format", 5}, {"content.mixed_script", 1}},
     .locs = {{"content.email_format", 2, 2, 2, "no @ sign"},
              {"content.email_format", 3, 2, 3, "a stray mailto: prefix"},
              {"content.email_format", 4, 2, 4, "an invalid domain"},
              {"content.email_format", 5, 2, 5, "non-Latin letters"},
              {"content.email_format", 6, 2, 6, "a space inside"}}},

    /* content.url_format */
    {.name = "links: valid",
     .csv = "id,url,decisionUrl\n1,https://chortkiv-rada.gov.ua/docs?id=5,"
            "http://192.168.0.1:8080/x\n"},
    {.name = "links: no scheme, broken scheme, ftp, a space",
     .csv = "id,url\n1,www.chortkiv-rada.gov.ua\n2,http//chortkiv-rada.gov.ua\n"
            "3,ftp://chortkiv-rada.gov.ua/file.csv\n4,https://chortkiv rada.gov.ua\n"
            "5,https://chortkiv\n",
     .counts = {{"content.url_format", 5}},
     .locs = {{"content.url_format", 2, 2, 2, "no scheme"},
              {"content.url_format", 3, 2, 3, "a broken scheme"},
              {"content.url_format", 4, 2, 4, "neither http nor https"},
              {"content.url_format", 5, 2, 5, "whitespace inside"},
              {"content.url_format", 6, 2, 6, "no valid host name"}}},

    /* content.null_spelling */
    {.name = "missing values spelt three ways",
     .csv = "id,telephone\n1,null\n2,-\n3,\n4,+380355221234\n5,null\n",
     .counts = {{"content.null_spelling", 1}},
     .locs = {{"content.null_spelling", 0, 2, 1, "(empty: 1, \"null\": 2, \"-\": 1)"}}},
    {.name = "missing values: one spelling, and an all-null column",
     .csv = "id,note,other\n1,null,null\n2,Кіоск,null\n3,null,null\n"},
    {.name = "missing values: н/д and NULL",
     .csv = "id,note\n1,н/д\n2,NULL\n3,Н/Д\n",
     .counts = {{"content.null_spelling", 1}},
     .locs = {{"content.null_spelling", 0, 2, 1, "(\"NULL\": 1, \"н/д\": 2)"}}},

    /* content.required_missing */
    {.name = "required identifiers missing",
     .csv = "uid,name\n,Магазин\nnull,Кіоск\n3,Павільйон\n",
     .counts = {{"content.required_missing", 2}, {"content.null_spelling", 1}},
     .locs = {{"content.required_missing", 2, 1, 2, "the cell is empty"},
              {"content.required_missing", 3, 1, 3, "it reads \"null\""}}},

    /* content.mixed_script */
    {.name = "mixed scripts in words",
     .csv = "id,name\n1,Чортkів\n2,Нiколаєва вулиця та ТОВ «Nova»\n3,ТОВ «Нова Пошта» Wi-Fi\n"
            "4,iPhone-ом\n",
     .counts = {{"content.mixed_script", 2}},
     .locs = {{"content.mixed_script", 2, 2, 2,
               "\"Чортkів\" mixes Cyrillic and Latin letters "
               "(the odd ones: k); such words in the cell: 1"},
              {"content.mixed_script", 3, 2, 3, "\"Нiколаєва\""}}},
    {.name = "mixed scripts in a column name",
     .csv = "id,назвa,вулиця\n1,Кіоск,Шевченка\n",
     .counts = {{"content.mixed_script", 1}},
     .locs = {{"content.mixed_script", 0, 2, 1, "column name \"назвa\""}}},
    {.name = "mixed scripts: a Latin word in a 300 KiB cell",
     .build = huge_text_cell,
     .counts = {{"content.mixed_script", 1}, {"content.personal_contact", 1}},
     .locs = {{"content.mixed_script", 2, 2, 2, "\"Чортkів\""}}},

    /* content.settlement_type */
    {.name = "settlement names with their type",
     .csv = "id,addressPostName\n1,м. Чортків\n2,с.Білобожниця\n3,смт Заводське\n"
            "4,Білобожницька сільська рада\n5,Смільне\n6,Чортків\n",
     .counts = {{"content.settlement_type", 4}},
     .locs = {{"content.settlement_type", 2, 2, 2, "write \"Чортків\""},
              {"content.settlement_type", 3, 2, 3, "write \"Білобожниця\""},
              {"content.settlement_type", 4, 2, 4, "write \"Заводське\""},
              {"content.settlement_type", 5, 2, 5, "write \"Білобожницька\""}}},
    {.name = "settlement type words in an address column are not checked",
     .csv = "id,address\n1,\"м. Чортків, вул. Шевченка, 1\"\n"},

    /* content.personal_tax_number */
    {.name = "personal tax numbers in an entity column and in text",
     .csv = "id,entityName,entityId,note\n1,ФОП Коваль С. В.,3012345670,\n"
            "2,ТОВ «Чортків-Торг»,43315602,\"власник: РНОКПП 2876543211, договір\"\n",
     .forbid = "3012345670",
     .counts = {{"content.personal_tax_number", 2}},
     .locs = {{"content.personal_tax_number", 2, 3, 2, "\"30******70\" in column \"entityId\""},
              {"content.personal_tax_number", 3, 4, 3, "\"28******11\""}}},
    {.name = "personal tax numbers: cadastral numbers, bad check digits, codes",
     .csv = "id,note\n1,6125510100:01:001:0001\n2,3012345671\n3,5012345678\n4,+3012345670\n"
            "5,UA3012345670\n"},
    {.name = "personal tax numbers: entity columns left out by a profile",
     .csv = "id,entityId\n1,3012345670\n",
     .profile = "{\"rules\": {\"content.personal_tax_number\": {\"params\": "
                "{\"entity_columns\": false}}}}"},

    /* content.personal_contact */
    {.name = "private phone and e-mail outside contact columns",
     .csv = "id,applicantName,note,contactPointEmail\n"
            "1,\"Коваль С. В., 067 123 45 67\",ivan.koval@gmail.com,rada@gmail.com\n",
     .forbid = "123 45",
     .counts = {{"content.personal_contact", 2}},
     .locs = {{"content.personal_contact", 2, 2, 2,
               "\"067 *** ** 67\" in column "
               "\"applicantName\""},
              {"content.personal_contact", 2, 3, 2, "\"i***@gmail.com\""}}},
    {.name = "private contacts: official address, landline, +380 mobile in a contact column",
     .csv = "id,note,telephone\n1,rada@chortkiv-rada.gov.ua (03552) 2-12-34,+380671234567\n"
            "2,+38 (067) 123-45-67,null\n",
     .forbid = "123-45",
     .counts = {{"content.personal_contact", 1}},
     .locs = {{"content.personal_contact", 3, 2, 3, "\"+38 (067) ***-**-67\""}}},

    /* a column of codes full of the usual defects is still a column of codes */
    {.name = "ЄДРПОУ: an entityId column with a lost zero, a bad check digit and a ФОП number",
     .csv = "id,entityId\n1,43315602\n2,3187654322\n3,2541109\n4,39300151\n",
     .forbid = "3187654322",
     .counts = {{"content.edrpou", 2}, {"content.personal_tax_number", 1}},
     .locs = {{"content.edrpou", 4, 2, 4, "has 7 digits"},
              {"content.edrpou", 5, 2, 5, "fails the check digit"},
              {"content.personal_tax_number", 3, 2, 3, "\"31******22\""}}},

    /* roles from a schema */
    {.name = "schema: a role names a column the name does not",
     .csv = "id,code,opened\n1,04058612,05.01.2024\n2,04058611,2024-01-05\n",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"code\", \"role\": \"edrpou\"}, "
               "{\"name\": \"opened\", \"type\": \"date\"}]}",
     .counts = {{"content.edrpou", 1}, {"content.date_format", 1}},
     .locs = {{"content.edrpou", 2, 2, 2, "fails the check digit"}}},
    {.name = "schema: a bound column's required value is schema.required's",
     .csv = "uid,name\n,Магазин\n",
     .schema = "{\"fields\": [{\"name\": \"uid\", \"constraints\": {\"required\": true}}, "
               "{\"name\": \"name\"}]}"},
    {.name = "schema: a field without a role keeps the name's",
     .csv = "id,authorityId,lat,lon\n1,04058612,25.79,49.01\n2,04058611,49.01,25.79\n"
            "3,21155735,49.02,25.80\n",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"authorityId\"}, "
               "{\"name\": \"lat\", \"type\": \"number\"}, "
               "{\"name\": \"lon\", \"type\": \"number\"}]}",
     .counts = {{"content.edrpou", 1}, {"content.coordinate_swapped", 1}}},
};

/* --- running a case ------------------------------------------------------------------------- */

static struct yk_registry *registry;

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    size_t len = c->csv ? strlen(c->csv) : 0;
    char *built = c->build ? c->build(&len) : NULL;
    const char *data = built ? built : c->csv;
    assert_non_null(data);

    struct yk_profile *profile = NULL;
    struct yk_error err;
    yk_error_clear(&err);
    if (c->profile) {
        int prc =
            yk_profile_parse(c->profile, strlen(c->profile), c->name, registry, &profile, &err);
        if (prc != 0)
            print_error("%s: profile: %s\n", c->name, err.message);
        assert_int_equal(prc, 0);
    }
    const struct yk_schema *schema = NULL;
    struct yk_arena *schema_arena = yk_arena_create(0);
    assert_non_null(schema_arena);
    if (c->schema) {
        int src = yk_schema_parse(c->schema, strlen(c->schema), "schema.json", schema_arena,
                                  &schema, &err);
        if (src != 0)
            print_error("%s: schema: %s\n", c->name, err.message);
        assert_int_equal(src, 0);
    }
    struct yk_check_options opt;
    harness_options(&opt, registry);
    opt.profile = profile;
    opt.schema = schema;
    opt.format = "csv";
    if (c->no_header)
        opt.header = 0;

    struct yk_arena *arena = yk_arena_create(0);
    assert_non_null(arena);
    struct yk_file_result *res = harness_run("test.csv", data, len, &opt, arena);
    assert_true(res->readable);

    /* Every content message in both languages, short however large the cell, different in the
     * two languages, and free of the case's forbidden text. */
    const struct harness h = {.registry = registry,
                              .family = &yk_family_content,
                              .prefix = "content.",
                              .max_message = MAX_MESSAGE};
    int bad = harness_check_counts(&h, c->name, c->counts, res) +
              harness_check_locs(c->name, c->locs, res) +
              harness_check_messages(&h, c->name, c->forbid, res);
    if (bad)
        harness_dump(&h, res);
    yk_arena_destroy(arena);
    yk_arena_destroy(schema_arena);
    yk_profile_destroy(profile);
    free(built);
    if (bad)
        fail_msg("%s: %d mismatches", c->name, bad);
}

/* The example of every descriptor (shown by `yakist rules ID`) triggers its rule. */
static void examples_trigger(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < yk_family_content.nrules; i++) {
        const struct yk_rule *r = yk_family_content.rules[i];
        struct yk_check_options opt;
        yk_check_options_init(&opt, registry);
        opt.timing = false;
        opt.format = "csv";
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_file_result *res = NULL;
        struct yk_error err;
        assert_int_equal(
            yk_check_memory(r->example, strlen(r->example), "example.csv", &opt, arena, &res, &err),
            0);
        if (harness_count(res, r->id) == 0) {
            print_error("the example of %s does not trigger it\n", r->id);
            bad++;
        }
        yk_arena_destroy(arena);
    }
    assert_int_equal(bad, 0);
}

/* The fixtures: the clean list passes every content rule, the list with defects has exactly
 * these findings (fixtures/content/README.md lists the defects). */
static void fixtures(void **state)
{
    (void)state;
    static const struct want_count defects[] = {
        {"content.date_format", 1},
        {"content.date_invalid", 1},
        {"content.datetime_format", 1},
        {"content.decimal_mixed", 1},
        {"content.thousands_separator", 1},
        {"content.number_unit", 2},
        {"content.coordinate_format", 1},
        {"content.coordinate_range", 3},
        {"content.coordinate_swapped", 1},
        {"content.edrpou", 2},
        {"content.katottg", 2},
        {"content.postcode", 1},
        {"content.phone_format", 2},
        {"content.email_format", 1},
        {"content.url_format", 1},
        {"content.null_spelling", 1},
        {"content.required_missing", 1},
        {"content.mixed_script", 1},
        {"content.settlement_type", 3},
        {"content.personal_tax_number", 2},
        {"content.personal_contact", 2},
    };
    static const char *const files[] = {YK_CONTENT_FIXTURES "/trade-objects-clean.csv",
                                        YK_CONTENT_FIXTURES "/trade-objects-defects.csv"};
    for (size_t f = 0; f < 2; f++) {
        struct yk_check_options opt;
        yk_check_options_init(&opt, registry);
        opt.timing = false;
        struct yk_arena *arena = yk_arena_create(0);
        struct yk_file_result *res = NULL;
        struct yk_error err;
        assert_int_equal(yk_check_file(files[f], &opt, arena, &res, &err), 0);
        for (size_t i = 0; i < yk_family_content.nrules; i++) {
            const char *id = yk_family_content.rules[i]->id;
            uint64_t want = 0, got = harness_count(res, id);
            for (size_t k = 0; f == 1 && k < sizeof defects / sizeof defects[0]; k++)
                if (strcmp(defects[k].rule, id) == 0)
                    want = defects[k].n;
            if (want != got)
                fail_msg("%s: %s: expected %llu findings, got %llu", files[f], id,
                         (unsigned long long)want, (unsigned long long)got);
        }
        /* Neither the sole proprietor's number nor the private contacts appear in full. */
        for (size_t i = 0; i < res->nfindings; i++) {
            const char *m = res->findings[i].message_en;
            assert_null(strstr(m, "3187654322"));
            assert_null(strstr(m, "2654321099"));
            assert_null(strstr(m, "123 45"));
            assert_null(strstr(m, "oksana"));
        }
        yk_arena_destroy(arena);
    }
}

/* Every descriptor of the family is complete, and its id belongs to the family. */
static void descriptors_complete(void **state)
{
    (void)state;
    assert_int_equal(yk_family_content.nrules, 21);
    for (size_t i = 0; i < yk_family_content.nrules; i++) {
        const struct yk_rule *r = yk_family_content.rules[i];
        assert_non_null(r->id);
        assert_int_equal(strncmp(r->id, "content.", 8), 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_true(strlen(r->rationale) > 80);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_int_equal(r->dimension, YK_DIM_CONTENT);
        assert_true(r->severity >= YK_SEV_INFO && r->severity <= YK_SEV_ERROR);
        assert_true(r->weight > 0);
        /* Only errors make a dataset non-compliant, so a compliance rule is an error. */
        assert_true(!r->compliance || r->severity == YK_SEV_ERROR);
        assert_true(r->on_header != NULL);
        assert_ptr_equal(yk_registry_find(registry, r->id), r);
    }
}

/* Every rule of the family is exercised by some case that expects a finding from it. */
static void every_rule_fails_somewhere(void **state)
{
    (void)state;
    for (size_t i = 0; i < yk_family_content.nrules; i++) {
        const char *id = yk_family_content.rules[i]->id;
        bool found = false;
        for (size_t k = 0; k < sizeof cases / sizeof cases[0] && !found; k++)
            found = harness_wanted(cases[k].counts, id) > 0;
        if (!found)
            print_error("no failing case for %s\n", id);
        assert_true(found);
    }
}

static int setup(void **state)
{
    (void)state;
    struct yk_error err;
    return yk_registry_create(&registry, &err) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    yk_registry_destroy(registry);
    return 0;
}

int main(void)
{
    enum { N = sizeof cases / sizeof cases[0] };
    struct CMUnitTest tests[N + 4];
    for (size_t i = 0; i < N; i++)
        tests[i] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
    tests[N] = (struct CMUnitTest){"every rule has a failing case", every_rule_fails_somewhere,
                                   NULL, NULL, NULL};
    tests[N + 1] =
        (struct CMUnitTest){"descriptors complete", descriptors_complete, NULL, NULL, NULL};
    tests[N + 2] = (struct CMUnitTest){"fixtures", fixtures, NULL, NULL, NULL};
    tests[N + 3] = (struct CMUnitTest){"examples trigger", examples_trigger, NULL, NULL, NULL};
    return _cmocka_run_group_tests("content rules", tests, N + 4, setup, teardown);
}
