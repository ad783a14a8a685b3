/* yakist — table-driven tests of the audit rule families (`coverage`, `meta`, `time`, `open`),
 * end to end: each case writes a tiny CKAN catalog (a package_search result), its resource
 * files and optionally council.json to a temporary folder and runs yk_audit_run on it at a fixed
 * as-of date. The first dataset is a well-formed passport that a case patches; the count of
 * every dataset rule of the four families on it is asserted exactly (a rule a case does not list
 * must stay silent); catalog rules are asserted when listed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include <yakist/arena.h>
#include <yakist/audit.h>
#include <yakist/registry.h>

#define MAX_WANT 6
#define MAX_FILES 3
#define AS_OF "2025-10-01"

struct want {
    const char *rule;
    uint64_t n;
};

struct file {
    const char *name, *text;
};

struct audit_case {
    const char *desc;
    const char *patch; /* JSON object merged into the first package (null deletes a key) */
    const char *more;  /* JSON array of further packages, or NULL */
    /* council.json: NULL for none; else the items that apply, "key" or "key:publisher",
     * separated by commas (every other item is declared not applicable) */
    const char *applicable;
    struct file files[MAX_FILES]; /* besides parks.csv and parks-structure.json */
    const char *as_of;            /* NULL: AS_OF */
    const char *fill;             /* a field set to fill_chars Cyrillic letters (2 bytes each) */
    size_t fill_chars;
    struct want ds[MAX_WANT];  /* dataset rules on the first dataset; the rest must be 0 */
    struct want cat[MAX_WANT]; /* catalog rules, when listed */
    const char *en;            /* substring of one finding's English message, or NULL */
    int stars;                 /* -1: not checked */
    int overdue;               /* -1: not checked */
    int match;                 /* enum yk_match_how of the first dataset, -1: not checked */
};

/* A passport that passes every rule: an invented dataset beyond the Перелік. */
static const char base_package[] =
    "{\"name\": \"chortkiv-monuments\","
    " \"title\": \"Пам'ятки архітектури Чортківської громади\","
    " \"notes\": \"Перелік пам'яток архітектури місцевого значення з адресами.\","
    " \"purpose_of_collecting_information\": \"Рішення міської ради № 12 від 15.01.2024\","
    " \"language\": \"uk\", \"update_frequency\": \"once a month\","
    " \"metadata_created\": \"2024-01-10T09:00:00\","
    " \"metadata_modified\": \"2025-09-20T10:00:00.123456\","
    " \"tags\": [{\"name\": \"культура\"}], \"license_id\": \"cc-by\","
    " \"maintainer\": \"Іваненко Олена\", \"maintainer_email\": \"opendata@chortkiv-rada.gov.ua\","
    " \"organization\": {\"title\": \"Управління благоустрою\", \"edrpou\": \"35872005\"},"
    " \"resources\": ["
    "   {\"name\": \"Пам'ятки\", \"format\": \"CSV\", \"url\": \"parks.csv\"},"
    "   {\"name\": \"Структура набору\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}"
    " ]}";

static const struct file base_files[] = {
    {"parks.csv", "id,name\n1,Костел Святого Станіслава\n2,Ратуша\n"},
    {"parks-structure.json", "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}, "
                             "{\"name\": \"name\", \"type\": \"string\"}]}"},
};

/* Four more datasets beyond the Перелік, so coverage.extra stays quiet where it matters. */
#define EXTRA(slug, title)                                                                         \
    "{\"name\": \"" slug "\", \"title\": \"" title "\", \"license_id\": \"cc-by\","                \
    " \"resources\": [{\"format\": \"CSV\", \"url\": \"parks.csv\"}]}"

static const char *const publishers =
    "[{\"id\": \"finance\", \"name\": \"Фінансове управління\", \"edrpou\": \"04058611\"},"
    " {\"id\": \"improvement\", \"name\": \"Управління благоустрою\", \"edrpou\": \"35872005\"}]";

/* --- the cases --------------------------------------------------------------------------- */

static const struct audit_case cases[] = {
    /* --- a good passport ---------------------------------------------------------------- */
    {.desc = "a good passport: every rule quiet, 3 stars, on time, beyond the Перелік",
     .stars = 3,
     .overdue = 0,
     .match = YK_MATCH_NONE},

    /* --- meta: text elements ------------------------------------------------------------ */
    {.desc = "identifier: no name, no id",
     .patch = "{\"name\": null}",
     .ds = {{"meta.identifier", 1}},
     .en = "no identifier",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "identifier form: Cyrillic and underscore",
     .patch = "{\"name\": \"пам_ятки\"}",
     .ds = {{"meta.identifier_form", 1}},
     .en = "is not a lower-case Latin letter",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "identifier form: double hyphen",
     .patch = "{\"name\": \"chortkiv--monuments\"}",
     .ds = {{"meta.identifier_form", 1}},
     .en = "two in a row",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "identifier form: capitals",
     .patch = "{\"name\": \"Chortkiv-Monuments\"}",
     .ds = {{"meta.identifier_form", 1}},
     .en = "upper-case",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "title: empty",
     .patch = "{\"title\": \"  \"}",
     .ds = {{"meta.title", 1}},
     .en = "`title` (title) is empty",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "title length: 255 characters",
     .fill = "title",
     .fill_chars = 255,
     .ds = {{"meta.title_length", 1}},
     .en = "255 characters, more than the limit of 254",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "title length: 254 characters (508 bytes) are within the limit",
     .fill = "title",
     .fill_chars = 254,
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "description length: 4001 characters",
     .fill = "notes",
     .fill_chars = 4001,
     .ds = {{"meta.description_length", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "description length: 4000 characters",
     .fill = "notes",
     .fill_chars = 4000,
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "purpose length: 513 characters",
     .fill = "purpose_of_collecting_information",
     .fill_chars = 513,
     .ds = {{"meta.purpose_length", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "title wording: an alias, not the official wording",
     .patch = "{\"title\": \"Громадський бюджет Чортківської громади\"}",
     .ds = {{"meta.title_wording", 1}},
     .en = "(local.18): \"Дані громадського бюджету",
     .stars = -1,
     .overdue = -1,
     .match = YK_MATCH_TITLE},
    {.desc = "title wording: official wording with the holder's name and numbering",
     .patch = "{\"title\": \"2.18. Дані громадського бюджету, бюджету участі тощо, у тому числі "
              "про проекти, результати голосування, реалізацію підтриманих проектів "
              "(Чортківська міська рада)\"}",
     .stars = -1,
     .overdue = -1,
     .match = YK_MATCH_TITLE},
    {.desc = "title wording: explicit mapping in the catalog, abbreviated title",
     .patch = "{\"title\": \"Петиції\", \"perelik_item\": \"local.17\"}",
     .ds = {{"meta.title_wording", 1}},
     .en = "(local.17)",
     .stars = -1,
     .overdue = -1,
     .match = YK_MATCH_CATALOG},
    {.desc = "description: missing",
     .patch = "{\"notes\": null}",
     .ds = {{"meta.description", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "purpose: empty",
     .patch = "{\"purpose_of_collecting_information\": \"\"}",
     .ds = {{"meta.purpose", 1}},
     .en = "`purpose_of_collecting_information`",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "language: a word, not a code",
     .patch = "{\"language\": \"українська\"}",
     .ds = {{"meta.language", 1}},
     .en = "not `uk`",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "language: missing",
     .patch = "{\"language\": null}",
     .ds = {{"meta.language", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "language: ua is information only",
     .patch = "{\"language\": \"ua\"}",
     .ds = {{"meta.language_code", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "language: a list with uk, and DCAT's URI",
     .patch = "{\"language\": \"en, uk\"}",
     .stars = -1,
     .overdue = -1,
     .match = -1},

    /* --- meta: resources, dates, frequency, keywords --------------------------------------- */
    {.desc = "format: lower case is meta.format's, not open.format_declared's",
     .patch =
         "{\"resources\": [{\"name\": \"Дані\", \"format\": \"csv\", \"url\": \"parks.csv\"},"
         " {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"meta.format", 1}},
     .en = "should be upper-case Latin: CSV",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "format: empty; the content still counts as CSV",
     .patch =
         "{\"resources\": [{\"name\": \"Дані\", \"url\": \"parks.csv\"},"
         " {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"meta.format", 1}},
     .en = "`format` is empty",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "dates: created missing, modified not ISO",
     .patch = "{\"metadata_created\": null, \"metadata_modified\": \"20.09.2025\"}",
     .ds = {{"meta.dates", 2}},
     .en = "is not an ISO 8601 date",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "date order: modified before created",
     .patch = "{\"metadata_created\": \"2025-09-25\", \"metadata_modified\": \"2025-09-20\"}",
     .ds = {{"meta.date_order", 1}},
     .en = "(2025-09-20) is before",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "frequency: empty (time does not judge it)",
     .patch = "{\"update_frequency\": \"\"}",
     .ds = {{"meta.frequency", 1}},
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "keywords: none",
     .patch = "{\"tags\": []}",
     .ds = {{"meta.keywords", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "link: no resources at all",
     .patch = "{\"resources\": []}",
     .ds = {{"meta.link", 1}},
     .en = "no resources",
     .stars = 0,
     .overdue = -1,
     .match = -1},
    {.desc = "link: a resource without url",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": \"parks.csv\"},"
              " {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"},"
              " {\"name\": \"Архів\", \"format\": \"CSV\", \"url\": \"\"}]}",
     .ds = {{"meta.link", 1}},
     .en = "\"Архів\": `url`",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "structure: only the data",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": "
              "\"monuments.csv\"}]}",
     .files = {{"monuments.csv", "id,name\n1,Ратуша\n"}},
     .ds = {{"meta.structure", 1}},
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "structure: a file named after the data lies next to it",
     .patch =
         "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": \"parks.csv\"}]}",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "structure: a schema named in English counts",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": \"parks.csv\"},"
              " {\"name\": \"Table Schema\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .stars = 3,
     .overdue = -1,
     .match = -1},

    /* --- meta: holder, person, licence -------------------------------------------------- */
    {.desc = "publisher: no organisation",
     .patch = "{\"organization\": null}",
     .ds = {{"meta.publisher", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "publisher code: wrong check digit",
     .patch = "{\"organization\": {\"title\": \"Управління благоустрою\", \"edrpou\": "
              "\"35872001\"}}",
     .ds = {{"meta.publisher_code", 1}},
     .en = "wrong check digit",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "publisher code: missing, council.json knows it",
     .patch = "{\"organization\": {\"title\": \"Управління благоустрою\"}}",
     .applicable = "",
     .ds = {{"meta.publisher_code", 1}},
     .en = "council.json says 35872005",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "publisher code: valid, but not the council's for the holder of that name",
     .patch = "{\"organization\": {\"title\": \"Управління благоустрою\", \"edrpou\": "
              "\"43315602\"}}",
     .applicable = "",
     .ds = {{"meta.publisher_code", 1}},
     .en = "but council.json says",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "maintainer: empty",
     .patch = "{\"maintainer\": \"\"}",
     .ds = {{"meta.maintainer", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "maintainer e-mail: (at) instead of @",
     .patch = "{\"maintainer_email\": \"opendata(at)chortkiv-rada.gov.ua\"}",
     .ds = {{"meta.maintainer_email", 1}},
     .en = "(no @)",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "maintainer e-mail: two good addresses",
     .patch = "{\"maintainer_email\": \"a@chortkiv-rada.gov.ua; b@chortkiv-rada.gov.ua\"}",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "maintainer e-mail: missing",
     .patch = "{\"maintainer_email\": null}",
     .ds = {{"meta.maintainer_email", 1}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "licence: non-commercial, no star",
     .patch = "{\"license_id\": \"cc-nc\"}",
     .ds = {{"meta.licence", 1}},
     .en = "forbids commercial use",
     .stars = 0,
     .overdue = -1,
     .match = -1},
    {.desc = "licence: none",
     .patch = "{\"license_id\": null}",
     .ds = {{"meta.licence", 1}},
     .stars = 0,
     .overdue = -1,
     .match = -1},
    {.desc = "licence: CC BY 4.0 by its title",
     .patch = "{\"license_id\": null, \"license_title\": \"Creative Commons Attribution 4.0\"}",
     .stars = 3,
     .overdue = -1,
     .match = -1},

    /* --- time ------------------------------------------------------------------------------ */
    {.desc = "frequency: unknown value",
     .patch = "{\"update_frequency\": \"за планом\"}",
     .ds = {{"time.frequency_unknown", 1}},
     .en = "\"за планом\"",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "frequency: a synonym is information, and still judged",
     .patch = "{\"update_frequency\": \"Щомісячно\", \"metadata_modified\": \"2025-06-01\"}",
     .ds = {{"time.frequency_nonstandard", 1}, {"time.overdue", 1}},
     .en = "read as \"Щомісяця\"",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "frequency: the portal's label in the API field is information, and still judged",
     .patch = "{\"update_frequency\": \"Щокварталу\", \"metadata_modified\": \"2025-05-01\"}",
     .ds = {{"time.frequency_nonstandard", 1}, {"time.overdue", 1}},
     .en = "is the portal's label, not the field's value; write \"once a quarter\"",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "frequency: the API value is exact",
     .patch = "{\"update_frequency\": \"once a quarter\", \"metadata_modified\": \"2025-08-01\"}",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "frequency: the EU word, exact API value with a stray quote",
     .patch = "{\"update_frequency\": \"once a month\\\"\"}",
     .ds = {{"time.frequency_nonstandard", 1}},
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "overdue: monthly, last change in June",
     .patch = "{\"metadata_modified\": \"2025-06-30\"}",
     .ds = {{"time.overdue", 1}},
     .en = "last change 2025-06-30 (`metadata_modified`)",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "overdue: the last day of grace is still on time (26.08 + 1 month + 3 working days)",
     .patch = "{\"metadata_modified\": \"2025-08-26\"}",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "overdue: one working day late",
     .patch = "{\"metadata_modified\": \"2025-08-25\"}",
     .ds = {{"time.overdue", 1}},
     .en = "due by 2025-09-30 — 1 working days late",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "overdue: a newer resource change counts",
     .patch =
         "{\"metadata_modified\": \"2025-01-01\", \"resources\": [{\"name\": \"Дані\", "
         "\"format\": \"CSV\", \"url\": \"parks.csv\", \"last_modified\": \"2025-09-25\"}, "
         "{\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "overdue: immediately after changes, a quarter by default",
     .patch = "{\"update_frequency\": \"Відразу після внесення змін\", "
              "\"metadata_modified\": \"2025-05-02\"}",
     .ds = {{"time.frequency_nonstandard", 1}, {"time.overdue", 1}},
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "overdue: immediately after changes, a known later change",
     .patch = "{\"update_frequency\": \"immediately after making changes\", "
              "\"metadata_modified\": \"2025-08-01\", \"data_as_of\": \"2025-09-10\"}",
     .ds = {{"time.overdue", 1}},
     .en = "(`data_as_of`)",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "overdue: no longer updated and unscheduled are not judged",
     .patch = "{\"update_frequency\": \"no longer updated\", "
              "\"metadata_created\": \"2019-05-01\", \"metadata_modified\": \"2020-01-01\"}",
     .stars = -1,
     .overdue = 0,
     .match = -1},
    {.desc = "future: a modification date after the audit date",
     .patch = "{\"metadata_modified\": \"2026-01-15\"}",
     .ds = {{"time.future", 1}, {"time.overdue", 1}},
     .en = "`metadata_modified`: 2026-01-15",
     .stars = -1,
     .overdue = 1,
     .match = -1},
    {.desc = "future: the same date is fine at a later audit",
     .as_of = "2026-01-20",
     .patch = "{\"metadata_modified\": \"2026-01-15\"}",
     .stars = -1,
     .overdue = 0,
     .match = -1},

    /* --- open -------------------------------------------------------------------------------- */
    {.desc = "declared format: a Cyrillic «с» and a dot",
     .patch =
         "{\"resources\": [{\"name\": \"Дані\", \"format\": \".сsv\", \"url\": \"parks.csv\"},"
         " {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.format_declared", 1}},
     .en = "a Cyrillic look-alike letter",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "declared format: a media type",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"text/csv\", \"url\": "
              "\"parks.csv\"}, {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .ds = {{"open.format_declared", 1}},
     .en = "should be CSV",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "declared format: two formats, neither the content",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"xls xlsx\", \"url\": "
              "\"parks.csv\"}, {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .ds = {{"open.format_declared", 1}, {"open.format_mismatch", 1}},
     .en = "should be XLS, XLSX",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "declared format: an unknown word",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"Таблиця\", \"url\": "
              "\"parks.csv\"}, {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .ds = {{"open.format_declared", 1}},
     .en = "names no known format",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "machine-readable: only a PDF (the declared CSV is a PDF)",
     .patch = "{\"resources\": [{\"name\": \"Звіт\", \"format\": \"CSV\", \"url\": "
              "\"report.csv\"}]}",
     .files = {{"report.csv", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"}},
     .ds = {{"open.machine_readable", 1}, {"open.format_mismatch", 1}, {"meta.structure", 1}},
     .en = "the file's content is PDF",
     .stars = 1,
     .overdue = -1,
     .match = -1},
    {.desc = "machine-readable: only XLS (remote, declared)",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"XLS\", \"url\": "
              "\"https://example.org/monuments.xls\"}, {\"name\": \"Структура\", \"format\": "
              "\"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.machine_readable", 1}, {"open.not_checked", 1}},
     .en = "only XLS; add CSV",
     .stars = 2,
     .overdue = -1,
     .match = -1},
    {.desc = "machine-readable: a remote archive is an archive of unknown content",
     .patch = "{\"resources\": [{\"name\": \"GTFS\", \"format\": \"ZIP\", \"url\": "
              "\"https://example.org/gtfs.zip\"}, {\"name\": \"Структура\", \"format\": "
              "\"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.machine_readable", 1}, {"open.not_checked", 1}},
     .en = "only ZIP (an archive whose content is unknown)",
     .stars = 1,
     .overdue = -1,
     .match = -1},
    {.desc = "stars: XLSX is accepted, but two stars",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"XLSX\", \"url\": "
              "\"https://example.org/monuments.xlsx\"}, {\"name\": \"Структура\", \"format\": "
              "\"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.stars", 1}, {"open.not_checked", 1}},
     .en = "the best resource is XLSX",
     .stars = 2,
     .overdue = -1,
     .match = -1},
    {.desc = "stars: RDF gives four",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"application/rdf+xml\", "
              "\"url\": \"https://example.org/monuments.rdf\"}, {\"name\": \"Структура\", "
              "\"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.format_declared", 1}, {"open.not_checked", 1}},
     .stars = 4,
     .overdue = -1,
     .match = -1},
    {.desc = "mismatch: a tab-separated file declared CSV is fine, GeoJSON fits JSON",
     .patch =
         "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": \"tabs.csv\"},"
         " {\"name\": \"Карта\", \"format\": \"GeoJSON\", \"url\": \"map.geojson\"},"
         " {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": \"parks-structure.json\"}]}",
     .files = {{"tabs.csv", "id\tname\n1\tРатуша\n"},
               {"map.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}"}},
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "broken: a local file that is not there",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": "
              "\"missing.csv\"}, {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .ds = {{"open.broken", 1}},
     .en = "\"missing.csv\" is not in the catalog",
     .stars = 0,
     .overdue = -1,
     .match = -1},
    {.desc = "escapes: a path out of the catalog is never read",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": "
              "\"../../etc/passwd\"}, {\"name\": \"Структура\", \"format\": \"JSON\", \"url\": "
              "\"parks-structure.json\"}]}",
     .ds = {{"open.escapes", 1}},
     .en = "leaves the catalog's folder",
     .stars = 0,
     .overdue = -1,
     .match = -1},
    {.desc = "not checked: a remote CSV is neither passed nor broken",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": "
              "\"https://example.org/monuments.csv\"}, {\"name\": \"Структура\", \"format\": "
              "\"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.not_checked", 1}},
     .en = "remote resources not checked: 1",
     .stars = 3,
     .overdue = -1,
     .match = -1},
    {.desc = "invalid link: ftp is neither http(s) nor a file",
     .patch = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\", \"url\": "
              "\"ftp://example.org/monuments.csv\"}, {\"name\": \"Структура\", \"format\": "
              "\"JSON\", \"url\": \"parks-structure.json\"}]}",
     .ds = {{"open.broken", 1}},
     .en = "neither an http(s) address",
     .stars = 0,
     .overdue = -1,
     .match = -1},

    /* --- coverage ------------------------------------------------------------------------------
     */
    {.desc = "not updated: a mandatory dataset marked no longer updated",
     .patch = "{\"perelik_item\": \"local.17\", \"title\": \"Дані про електронні петиції, у тому "
              "числі осіб, що їх підписали, та результати розгляду\", "
              "\"update_frequency\": \"no longer updated\"}",
     .ds = {{"coverage.not_updated", 1}},
     .en = "(local.17) is marked",
     .stars = -1,
     .overdue = 0,
     .match = YK_MATCH_CATALOG},
    {.desc = "low confidence: a title scored below the confident mark",
     .patch = "{\"title\": \"Інформація про петиції громадян\"}",
     .ds = {{"coverage.low_confidence", 1}},
     .en = "please confirm with an explicit mapping",
     .stars = -1,
     .overdue = -1,
     .match = YK_MATCH_TITLE},
    {.desc = "missing item: charged to its holder; a competence-only one is information",
     .applicable = "local.18:finance,local.11",
     .cat = {{"coverage.missing_item", 1},
             {"coverage.missing_competence_item", 1},
             {"coverage.extra", 1}},
     .en = "it is due from: Фінансове управління",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "missing item: covered, and extras enough",
     .applicable = "local.17:finance",
     .more = "[{\"name\": \"petitions\", \"title\": \"Дані про електронні петиції, у тому числі "
             "осіб, що їх підписали, та результати розгляду\", \"license_id\": \"cc-by\", "
             "\"resources\": [{\"format\": \"CSV\", \"url\": \"parks.csv\"}]}, " EXTRA(
                 "libraries", "Перелік бібліотек") ", " EXTRA("museums", "Музеї громади") "]",
     .cat = {{"coverage.missing_item", 0},
             {"coverage.missing_competence_item", 0},
             {"coverage.extra", 0},
             {"coverage.register_missing", 0}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "register: missing",
     .applicable = "all.6:improvement",
     .cat = {{"coverage.register_missing", 1}, {"coverage.missing_item", 0}},
     .en = "the register of datasets (all.6) is not published",
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "register: only a remote file, not compared",
     .applicable = "all.6",
     .more = "[{\"name\": \"register\", \"title\": \"Реєстр наборів даних\", \"license_id\": "
             "\"cc-by\", \"resources\": [{\"format\": \"CSV\", \"url\": "
             "\"https://example.org/register.csv\"}]}]",
     .cat = {{"coverage.register_missing", 0},
             {"coverage.register_unchecked", 1},
             {"coverage.register_mismatch", 0}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "register: consistent with the catalog",
     .applicable = "all.6",
     .more = "[{\"name\": \"register\", \"title\": \"Реєстр наборів даних\", \"license_id\": "
             "\"cc-by\", \"resources\": [{\"format\": \"CSV\", \"url\": \"register.csv\"}]}]",
     .files = {{"register.csv",
                "identifier,title,distributionFormat,landingPage\n"
                "chortkiv-monuments,Пам’ятки архітектури Чортківської громади,\"CSV, JSON\","
                "https://data.example.org/dataset/chortkiv-monuments\n"}},
     .cat = {{"coverage.register_unchecked", 0}, {"coverage.register_mismatch", 0}},
     .stars = -1,
     .overdue = -1,
     .match = -1},
    {.desc = "register: a stale row, a missing dataset, other formats, a wrong link",
     .applicable = "all.6",
     .more =
         "[{\"name\": \"register\", \"title\": \"Реєстр наборів даних\", \"license_id\": "
         "\"cc-by\", \"resources\": [{\"format\": \"CSV\", \"url\": \"register.csv\"}]}, " EXTRA(
             "libraries", "Перелік бібліотек") "]",
     .files = {{"register.csv",
                "uid,title,distributionFormat,url\n"
                "chortkiv-monuments,Пам'ятки архітектури Чортківської громади,PDF,"
                "https://data.example.org/dataset/elsewhere\n"
                "old-budget,Бюджет 2019,CSV,https://data.example.org/dataset/old-budget\n"}},
     .cat = {{"coverage.register_mismatch", 4}},
     .en = "the dataset \"libraries\" is missing from the register",
     .stars = -1,
     .overdue = -1,
     .match = -1},
};

/* --- the harness ----------------------------------------------------------------------------- */

struct tmp {
    char dir[64];
    char *names[MAX_FILES + 8];
    size_t n;
};

static void put(struct tmp *t, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", t->dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    t->names[t->n++] = strdup(path);
}

static void cleanup(struct tmp *t)
{
    for (size_t i = 0; i < t->n; i++) {
        unlink(t->names[i]);
        free(t->names[i]);
    }
    rmdir(t->dir);
}

static json_t *load_json(const char *text, const char *what)
{
    json_error_t e;
    json_t *v = json_loads(text, 0, &e);
    if (!v)
        fail_msg("%s: bad JSON at %d:%d: %s", what, e.line, e.column, e.text);
    return v;
}

static char *catalog_text(const struct audit_case *c)
{
    json_t *pkg = load_json(base_package, "base package");
    if (c->patch) {
        json_t *patch = load_json(c->patch, c->desc);
        const char *key;
        json_t *v;
        json_object_foreach(patch, key, v)
        {
            if (json_is_null(v))
                json_object_del(pkg, key);
            else
                json_object_set(pkg, key, v);
        }
        json_decref(patch);
    }
    if (c->fill) {
        char *text = malloc(c->fill_chars * 2 + 1);
        assert_non_null(text);
        for (size_t i = 0; i < c->fill_chars; i++)
            memcpy(text + 2 * i, "Ї", 2);
        text[c->fill_chars * 2] = '\0';
        json_object_set_new(pkg, c->fill, json_string(text));
        free(text);
    }
    json_t *results = json_array();
    json_array_append_new(results, pkg);
    if (c->more) {
        json_t *more = load_json(c->more, c->desc);
        json_array_extend(results, more);
        json_decref(more);
    }
    json_t *root = json_pack("{s:b, s:{s:I, s:o}}", "success", 1, "result", "count",
                             (json_int_t)json_array_size(results), "results", results);
    char *text = json_dumps(root, JSON_INDENT(1));
    json_decref(root);
    return text;
}

static char *council_text(const char *applicable)
{
    const struct yk_perelik *p = yk_perelik_city();
    json_t *resp = json_object(), *na = json_object();
    for (size_t i = 0; i < p->nitems; i++) {
        const char *key = p->items[i].key, *at = strstr(applicable, key);
        size_t n = strlen(key);
        bool listed = at && (at[n] == '\0' || at[n] == ',' || at[n] == ':') &&
                      (at == applicable || at[-1] == ',');
        if (!listed) {
            json_object_set_new(na, key, json_string("не застосовується в тесті"));
        } else if (at[n] == ':') {
            char pub[32];
            snprintf(pub, sizeof pub, "%.*s", (int)strcspn(at + n + 1, ","), at + n + 1);
            json_object_set_new(resp, key, json_string(pub));
        }
    }
    json_t *root =
        json_pack("{s:s, s:s, s:o, s:o, s:o}", "name", "Чортківська міська рада", "edrpou",
                  "04058623", "publishers", load_json(publishers, "publishers"), "responsibilities",
                  resp, "not_applicable", na);
    char *text = json_dumps(root, JSON_INDENT(1));
    json_decref(root);
    return text;
}

static uint64_t count_of(const struct yk_rule_count *counts, size_t n, const struct yk_rule *r)
{
    for (size_t i = 0; i < n; i++)
        if (counts[i].rule == r)
            return counts[i].count;
    return 0;
}

static bool audited_family(const struct yk_rule *r)
{
    static const char *const prefixes[] = {"coverage.", "meta.", "time.", "open."};
    for (size_t i = 0; i < 4; i++)
        if (strncmp(r->id, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

static bool has_message(const struct yk_finding *f, size_t n, const char *en)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(f[i].message_en, en))
            return true;
    return false;
}

static void dump(const struct yk_audit_result *res)
{
    const struct yk_dataset_result *dr = &res->datasets[0];
    for (size_t i = 0; i < dr->nfindings; i++)
        print_message("  dataset: %s: %s\n", dr->findings[i].rule->id, dr->findings[i].message_en);
    for (size_t i = 0; i < res->nfindings && i < 12; i++)
        print_message("  catalog: %s: %s\n", res->findings[i].rule->id,
                      res->findings[i].message_en);
}

static void check_case(const struct yk_registry *reg, const struct audit_case *c)
{
    struct tmp t = {.n = 0};
    snprintf(t.dir, sizeof t.dir, "/tmp/yk-audit-rules-XXXXXX");
    assert_non_null(mkdtemp(t.dir));
    for (size_t i = 0; i < sizeof base_files / sizeof base_files[0]; i++)
        put(&t, base_files[i].name, base_files[i].text);
    for (size_t i = 0; i < MAX_FILES && c->files[i].name; i++)
        put(&t, c->files[i].name, c->files[i].text);
    char *cat = catalog_text(c);
    put(&t, "catalog.json", cat);
    free(cat);
    if (c->applicable) {
        char *co = council_text(c->applicable);
        put(&t, "council.json", co);
        free(co);
    }

    struct yk_audit_options opt;
    struct yk_audit_result *res = NULL;
    struct yk_error err;
    struct yk_arena *arena = yk_arena_create(0);
    char path[128];
    yk_audit_options_init(&opt, reg);
    opt.as_of = c->as_of ? c->as_of : AS_OF;
    opt.jobs = 1;
    opt.check.timing = false;
    snprintf(path, sizeof path, "%s/catalog.json", t.dir);
    int rc = yk_audit_run(path, &opt, arena, &res, &err);
    if (rc != 0)
        fail_msg("%s: audit failed: %s", c->desc, err.message);
    assert_true(res->ndatasets >= 1);
    const struct yk_dataset_result *dr = &res->datasets[0];

    bool ok = true;
    for (size_t i = 0; i < yk_registry_count(reg); i++) {
        const struct yk_rule *r = yk_registry_rule(reg, i);
        if (!audited_family(r) || r->scope != YK_SCOPE_DATASET)
            continue;
        uint64_t want = 0, got = count_of(dr->counts, dr->ncounts, r);
        for (size_t k = 0; k < MAX_WANT && c->ds[k].rule; k++)
            if (strcmp(c->ds[k].rule, r->id) == 0)
                want = c->ds[k].n;
        if (got != want) {
            print_error("%s: %s fired %llu times, expected %llu\n", c->desc, r->id,
                        (unsigned long long)got, (unsigned long long)want);
            ok = false;
        }
    }
    for (size_t k = 0; k < MAX_WANT && c->cat[k].rule; k++) {
        const struct yk_rule *r = yk_registry_find(reg, c->cat[k].rule);
        assert_non_null(r);
        uint64_t got = count_of(res->counts, res->ncounts, r);
        if (got != c->cat[k].n) {
            print_error("%s: %s fired %llu times, expected %llu\n", c->desc, r->id,
                        (unsigned long long)got, (unsigned long long)c->cat[k].n);
            ok = false;
        }
    }
    if (c->en && !has_message(dr->findings, dr->nfindings, c->en) &&
        !has_message(res->findings, res->nfindings, c->en)) {
        print_error("%s: no finding says \"%s\"\n", c->desc, c->en);
        ok = false;
    }
    if (c->stars >= 0 && dr->stars != (unsigned)c->stars) {
        print_error("%s: %u stars, expected %d\n", c->desc, dr->stars, c->stars);
        ok = false;
    }
    if (c->overdue >= 0 && dr->overdue != (c->overdue != 0)) {
        print_error("%s: overdue %d, expected %d\n", c->desc, dr->overdue, c->overdue);
        ok = false;
    }
    if (c->match >= 0 && (int)dr->match.how != c->match) {
        print_error("%s: matched how=%d (%s, %u), expected how=%d\n", c->desc, dr->match.how,
                    dr->match.item ? dr->match.item->key : "-", dr->match.score, c->match);
        ok = false;
    }
    if (!ok)
        dump(res);
    yk_arena_destroy(arena);
    cleanup(&t);
    if (!ok)
        fail_msg("case \"%s\" failed", c->desc);
}

static void audit_cases(void **state)
{
    const struct yk_registry *reg = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(reg, &cases[i]);
}

/* Every descriptor of the four families is complete: the docs and reports are built from it. */
static void descriptors(void **state)
{
    const struct yk_registry *reg = *state;
    size_t n = 0;
    for (size_t i = 0; i < yk_registry_count(reg); i++) {
        const struct yk_rule *r = yk_registry_rule(reg, i);
        if (!audited_family(r))
            continue;
        n++;
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_non_null(r->rationale);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_true(r->scope == YK_SCOPE_DATASET || r->scope == YK_SCOPE_CATALOG);
        assert_true(r->on_dataset != NULL || r->on_catalog != NULL);
        assert_true(r->on_dataset == NULL || r->scope == YK_SCOPE_DATASET);
        assert_true(r->on_catalog == NULL || r->scope == YK_SCOPE_CATALOG);
        /* compliance is about datasets: catalog rules never carry it */
        assert_true(!r->compliance || r->scope == YK_SCOPE_DATASET);
        assert_true(r->dimension <= YK_DIM_OPENNESS);
    }
    assert_true(n >= 40);
}

static int setup(void **state)
{
    struct yk_registry *reg = NULL;
    struct yk_error err;
    if (yk_registry_create(&reg, &err) != 0)
        return -1;
    *state = reg;
    return 0;
}

static int teardown(void **state)
{
    yk_registry_destroy(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptors),
        cmocka_unit_test(audit_cases),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
