/* yakist — table-driven tests of the `schema` rule family. Each case is a schema and a small
 * CSV run through yk_check_memory with every built-in rule at its defaults; the count of every
 * `schema` rule is asserted exactly (a rule a case does not list must stay silent), and where a
 * case lists findings of a rule they must be all of that rule's findings, by row, field and
 * line. Separate tests cover discovery next to the data, near-miss names and descriptors. */
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
#include <yakist/schema.h>

#include "families.h"
#include "harness.h"
#include "schema_rules.h"

#define MAX_MESSAGE 480

struct rule_case {
    const char *name;
    const char *schema; /* JSON or CSV structure */
    const char *csv;
    char *(*build)(size_t *len); /* instead of csv: a large input made at run time (malloc) */
    int header;                  /* -1 sniff (0 in the table means sniff too), 1 yes, 2 no */
    enum yk_fields_match mode;   /* 0: as the schema says */
    bool ignore_case;
    HARNESS_WANT;
};

#define ID_NAME "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}, {\"name\": \"name\"}]}"

/* --- large inputs ------------------------------------------------------------------------- */

/* 3000 distinct ids and then one repeat: the value set grows past its first table. */
static char *many_ids(size_t *len)
{
    char *s = malloc(3001 * 16 + 32), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "id\n");
    for (int i = 0; i < 3000; i++)
        p += sprintf(p, "%d\n", i * 7919);
    p += sprintf(p, "%d\n", 1234 * 7919);
    *len = (size_t)(p - s);
    return s;
}

/* A 300 KiB Ukrainian cell under a maxLength and a pattern. */
static char *huge_cell(size_t *len)
{
    return harness_repeat("text\n", "Чортків", 300u * 1024u, "\n", len);
}

/* --- the cases ---------------------------------------------------------------------------- */

static const struct rule_case cases[] = {
    {.name = "clean table",
     .schema = "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\", \"constraints\": "
               "{\"required\": true, \"unique\": true}}, {\"name\": \"date\", \"type\": \"date\"},"
               " {\"name\": \"amount\", \"type\": \"number\", \"constraints\": {\"minimum\": 0}}],"
               " \"primaryKey\": \"id\"}",
     .csv = "id,date,amount\n1,2024-01-01,10.5\n2,2024-02-01,0\n3,null,\n"},

    /* schema.type_error */
    {.name = "type: integer, date, boolean, url",
     .schema = "{\"fields\": [{\"name\": \"n\", \"type\": \"integer\"}, {\"name\": \"d\","
               " \"type\": \"date\"}, {\"name\": \"b\", \"type\": \"boolean\"}, {\"name\": \"u\","
               " \"type\": \"string\", \"format\": \"uri\"}]}",
     .csv = "n,d,b,u\n12,2024-05-01,True,https://data.gov.ua\nабв,01.05.2024,так,data.gov.ua\n",
     .counts = {{"schema.type_error", 4}},
     .locs = {{"schema.type_error", 3, 1, 3, "\"абв\" is not an integer"},
              {"schema.type_error", 3, 2, 3, "is not a date YYYY-MM-DD"},
              {"schema.type_error", 3, 3, 3, "is not a boolean"},
              {"schema.type_error", 3, 4, 3, "is not a URL"}}},
    {.name = "type: missing values are not type errors",
     .schema = "{\"fields\": [{\"name\": \"n\", \"type\": \"integer\"}, {\"name\": \"d\","
               " \"type\": \"date\"}]}",
     .csv = "n,d\n,null\nnull,\n"},
    {.name = "type: declared missing values and formats",
     .schema = "{\"fields\": [{\"name\": \"n\", \"type\": \"number\", \"decimalChar\": \",\"},"
               " {\"name\": \"d\", \"type\": \"date\", \"format\": \"%d.%m.%Y\"}],"
               " \"missingValues\": [\"н/д\"]}",
     .csv = "n,d\n\"3,5\",01.05.2024\nн/д,н/д\nnull,2024-05-01\n",
     .counts = {{"schema.type_error", 2}},
     .locs = {{"schema.type_error", 4, 1, 4, "\"null\" is not a number"},
              {"schema.type_error", 4, 2, 4, "in the format %d.%m.%Y"}}},

    /* schema.required */
    {.name = "required: empty, null and a short row",
     .schema = "{\"fields\": [{\"name\": \"id\", \"constraints\": {\"required\": true}},"
               " {\"name\": \"name\", \"constraints\": {\"required\": true}}]}",
     .csv = "id,name\n1,Київ\n,Львів\n3,null\n4\n",
     .counts = {{"schema.required", 3}},
     .locs = {{"schema.required", 3, 1, 3, "column \"id\": a required value is missing"},
              {"schema.required", 4, 2, 4, NULL},
              {"schema.required", 5, 2, 5, NULL}}},
    {.name = "required: an all-null column that is not required",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"note\"}]}",
     .csv = "id,note\n1,null\n2,null\n"},
    {.name = "required: a blank row is only a blank row",
     .schema = "{\"fields\": [{\"name\": \"id\", \"constraints\": {\"required\": true}}]}",
     .csv = "id\n1\n\n2\n"},

    /* schema.enum */
    {.name = "enum: text and typed values",
     .schema = "{\"fields\": [{\"name\": \"cur\", \"constraints\": {\"enum\": [\"UAH\", \"USD\","
               " \"EUR\"]}}, {\"name\": \"n\", \"type\": \"integer\", \"constraints\":"
               " {\"enum\": [1, 2, 3]}}]}",
     .csv = "cur,n\nUAH,01\nгрн,2\nuah,4\n,\n",
     .counts = {{"schema.enum", 3}},
     .locs = {{"schema.enum", 3, 1, 3, "\"грн\" is not one of the allowed values (UAH, USD, EUR)"},
              {"schema.enum", 4, 1, 4, NULL},
              {"schema.enum", 4, 2, 4, NULL}}},
    {.name = "enum: a long list",
     .schema = "{\"fields\": [{\"name\": \"m\", \"constraints\": {\"enum\": [\"січень\","
               " \"лютий\", \"березень\", \"квітень\", \"травень\", \"червень\", \"липень\","
               " \"серпень\", \"вересень\", \"жовтень\", \"листопад\", \"грудень\"]}}]}",
     .csv = "m\nгрудень\nсічень\nгрудня\n",
     .counts = {{"schema.enum", 1}},
     .locs = {{"schema.enum", 4, 1, 4, "січень, лютий"}}},

    /* schema.range */
    {.name = "range: numbers, exclusive bounds, dates",
     .schema = "{\"fields\": [{\"name\": \"lat\", \"type\": \"number\", \"constraints\":"
               " {\"minimum\": 44, \"maximum\": 52.5}}, {\"name\": \"n\", \"type\": \"integer\","
               " \"constraints\": {\"exclusiveMinimum\": 0}}, {\"name\": \"d\", \"type\":"
               " \"date\", \"constraints\": {\"minimum\": \"1991-08-24\"}}]}",
     .csv = "lat,n,d\n50.45,1,2024-01-01\n30.52,0,1991-08-23\n52.5,-1,1991-08-24\nx,y,z\n",
     .counts = {{"schema.range", 4}, {"schema.type_error", 3}},
     .locs = {{"schema.range", 3, 1, 3, "30.52 is below the minimum 44"},
              {"schema.range", 3, 2, 3, "(exclusive)"},
              {"schema.range", 3, 3, 3, NULL},
              {"schema.range", 4, 2, 4, NULL}}},

    /* schema.length */
    {.name = "length: characters, not bytes",
     .schema = "{\"fields\": [{\"name\": \"code\", \"constraints\": {\"minLength\": 8,"
               " \"maxLength\": 8}}, {\"name\": \"city\", \"constraints\": {\"maxLength\": 4}}]}",
     .csv = "code,city\n12345678,Київ\n1234567,Львів\n",
     .counts = {{"schema.length", 2}},
     .locs = {{"schema.length", 3, 1, 3, "has 7 characters, fewer than the minimum 8"},
              {"schema.length", 3, 2, 3, "has 5 characters, more than the maximum 4"}}},
    {.name = "length and pattern: a huge Unicode cell",
     .schema = "{\"fields\": [{\"name\": \"text\", \"constraints\": {\"maxLength\": 1000,"
               " \"pattern\": \"[А-ЯІЇЄҐа-яіїєґ']+\"}}]}",
     .build = huge_cell,
     .counts = {{"schema.length", 1}},
     .locs = {{"schema.length", 2, 1, 2, "more than the maximum 1000"}}},

    /* schema.pattern */
    {.name = "pattern: the whole value must match",
     .schema = "{\"fields\": [{\"name\": \"katottg\", \"constraints\": {\"pattern\":"
               " \"UA[0-9]{17}\"}}, {\"name\": \"phone\", \"constraints\": {\"pattern\":"
               " \"\\\\+380[0-9]{9}\"}}]}",
     .csv = "katottg,phone\nUA80000000000093317,+380441234567\nUA800000000000933171,"
            "+380 44 123 45 67\nxUA80000000000093317,null\n",
     .counts = {{"schema.pattern", 3}},
     .locs = {{"schema.pattern", 3, 1, 3, "does not match the pattern UA[0-9]{17}"},
              {"schema.pattern", 3, 2, 3, NULL},
              {"schema.pattern", 4, 1, 4, NULL}}},
    {.name = "pattern: Cyrillic classes",
     .schema = "{\"fields\": [{\"name\": \"name\", \"constraints\": {\"pattern\":"
               " \"[А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ'’ -]+\"}}]}",
     .csv = "name\nЧортків\nКам'янець-Подільський\nчортків\nChortkiv\n",
     .counts = {{"schema.pattern", 2}}},

    /* schema.unique */
    {.name = "unique: typed values, missing ones skipped",
     .schema = "{\"fields\": [{\"name\": \"n\", \"type\": \"integer\", \"constraints\":"
               " {\"unique\": true}}, {\"name\": \"code\", \"constraints\": {\"unique\": true}}]}",
     .csv = "n,code\n1,a\n01,A\n,b\n,b\nnull,c\n2,c\n",
     .counts = {{"schema.unique", 3}},
     .locs = {{"schema.unique", 3, 1, 3, "\"01\" repeats the value of row 2"},
              {"schema.unique", 5, 2, 5, "repeats the value of row 4"},
              {"schema.unique", 7, 2, 7, "repeats the value of row 6"}}},
    {.name = "unique: thousands of values",
     .schema = "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\", \"constraints\":"
               " {\"unique\": true}}]}",
     .build = many_ids,
     .counts = {{"schema.unique", 1}},
     .locs = {{"schema.unique", 3002, 1, 3002, "repeats the value of row 1236"}}},

    /* schema.primary_key */
    {.name = "primary key: composite, and all empty",
     .schema = "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}, {\"name\": \"name\"}],"
               " \"primaryKey\": [\"id\", \"name\"]}",
     .csv = "id,name\n1,Alex\n1,John\n,Paul\n01,John\n,\n",
     .counts = {{"schema.primary_key", 2}, {"file.blank_row", 1}},
     .locs = {{"schema.primary_key", 5, 0, 5, "the primary key (id, name) repeats row 3"},
              {"schema.primary_key", 6, 0, 6, "every field of the primary key (id, name) is"}}},
    {.name = "primary key: single, distinct",
     .schema = "{\"fields\": [{\"name\": \"id\"}], \"primaryKey\": \"id\"}",
     .csv = "id\na\nb\nc\n"},

    /* the header: schema.missing_label, extra_label, incorrect_label, unmatched_header */
    {.name = "labels exact: renamed, reordered, near misses",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"katottg\"}, {\"name\": \"lat\"},"
               " {\"name\": \"lon\"}, {\"name\": \"address\"}]}",
     .csv = "ID,katоttg,lon,lat,adress\n1,UA1,30,50,x\n",
     .counts = {{"schema.incorrect_label", 5}},
     .locs = {{"schema.incorrect_label", 0, 1, 1, "differs only in capital letters"},
              {"schema.incorrect_label", 0, 2, 1, "Cyrillic letters that look Latin"},
              {"schema.incorrect_label", 0, 3, 1, "the columns are in another order"},
              {"schema.incorrect_label", 0, 4, 1, "\"lat\" is field 3 of the structure"},
              {"schema.incorrect_label", 0, 5, 1, "did you mean \"address\"?"}}},
    {.name = "labels exact: ignoring case",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"Назва\"}]}",
     .csv = "ID,назва\n1,x\n",
     .ignore_case = true},
    {.name = "labels exact: missing field and extra column",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"name\"}, {\"name\": \"phone\","
               " \"constraints\": {\"required\": true}}]}",
     .csv = "id,name\n1,x\n2,y\n",
     .counts = {{"schema.missing_label", 1}, {"schema.missing_cell", 2}, {"schema.required", 2}},
     .locs = {{"schema.missing_label", 0, 3, 1, "the header has no column \"phone\""},
              {"schema.missing_cell", 2, 3, 2, "no cell for the field \"phone\""},
              {"schema.required", 2, 3, 2, NULL},
              {"schema.missing_cell", 3, 3, 3, NULL},
              {"schema.required", 3, 3, 3, NULL}}},
    {.name = "labels exact: a column beyond the schema",
     .schema = "{\"fields\": [{\"name\": \"id\"}]}",
     .csv = "id,Id\n1,x\n",
     .counts = {{"schema.extra_label", 1}, {"schema.extra_cell", 1}},
     .locs = {{"schema.extra_label", 0, 2, 1, "did you mean the field \"id\"?"},
              {"schema.extra_cell", 2, 2, 2, "cell 2 is beyond the fields"}}},
    {.name = "labels equal: by name, in any order",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"name\"}, {\"name\": \"phone\"}],"
               " \"fieldsMatch\": \"equal\"}",
     .csv = "name,id,Phone\nx,1,2\n",
     .counts = {{"schema.extra_label", 1}, {"schema.missing_label", 1}},
     .locs = {{"schema.extra_label", 0, 3, 1, "did you mean the field \"phone\"?"},
              {"schema.missing_label", 0, 4, 1, "did you mean column 3 \"Phone\"?"}}},
    {.name = "labels subset: extra columns allowed",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"name\"}]}",
     .mode = YK_FIELDS_MATCH_SUBSET,
     .csv = "id,note,name\n1,x,y\n"},
    {.name = "labels superset: only required and key fields must be there",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"name\"}, {\"name\": \"phone\","
               " \"constraints\": {\"required\": true}}, {\"name\": \"code\"}],"
               " \"primaryKey\": \"code\"}",
     .mode = YK_FIELDS_MATCH_SUPERSET,
     .csv = "id,note\n1,x\n",
     .counts = {{"schema.extra_label", 1}, {"schema.missing_label", 2}, {"schema.primary_key", 1}},
     .locs = {{"schema.missing_label", 0, 3, 1, "\"phone\""},
              {"schema.missing_label", 0, 4, 1, "\"code\""}}},
    {.name = "labels partial: nothing matches",
     .schema = "{\"fields\": [{\"name\": \"aa\"}, {\"name\": \"BB\"}]}",
     .mode = YK_FIELDS_MATCH_PARTIAL,
     .csv = "AA,bb\na,b\n",
     .counts = {{"schema.unmatched_header", 1}},
     .locs = {{"schema.unmatched_header", 0, 0, 1, "no column name matches"}}},
    {.name = "labels partial: ignoring case, all match",
     .schema = "{\"fields\": [{\"name\": \"aa\"}, {\"name\": \"BB\"}]}",
     .mode = YK_FIELDS_MATCH_PARTIAL,
     .ignore_case = true,
     .csv = "AA,bb\na,b\n"},

    /* schema.alias_label: a label that is an alias the schema lists is its field */
    {.name = "aliases by name: an older name is its field, checked as it",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"providedDate\", \"type\":"
               " \"date\", \"constraints\": {\"required\": true},"
               " \"yakist:aliases\": [\"providDate\"]}], \"fieldsMatch\": \"equal\"}",
     .csv = "providDate,id\n2025-03-04,1\n04.03.2025,2\n",
     .counts = {{"schema.alias_label", 1}, {"schema.type_error", 1}},
     .locs = {{"schema.alias_label", 0, 1, 1,
               "\"providDate\" is an older or alternative name of the field \"providedDate\""},
              {"schema.type_error", 3, 1, 3, NULL}}},
    {.name = "aliases by position: not an incorrect label",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"stopId\","
               " \"yakist:aliases\": [\"stop_id\", \"stopID\"]}]}",
     .csv = "id,stop_id\n1,A\n",
     .counts = {{"schema.alias_label", 1}},
     .locs = {{"schema.alias_label", 0, 2, 1, "the structure names the column \"stopId\""}}},
    {.name = "aliases by position: another field's alias is still incorrect",
     .schema = "{\"fields\": [{\"name\": \"id\", \"yakist:aliases\": [\"uid\"]},"
               " {\"name\": \"name\"}]}",
     .csv = "name,uid\nx,1\n",
     .counts = {{"schema.incorrect_label", 2}}},
    {.name = "aliases by name: a name wins over another field's alias",
     .schema = "{\"fields\": [{\"name\": \"cadastralId\", \"yakist:aliases\": [\"id\"]},"
               " {\"name\": \"id\"}], \"fieldsMatch\": \"equal\"}",
     .csv = "id,cadastralId\n1,2\n"},
    {.name = "aliases by name: ignoring case, once per field",
     .schema = "{\"fields\": [{\"name\": \"cadastralId\", \"yakist:aliases\": [\"id\"]},"
               " {\"name\": \"name\"}], \"fieldsMatch\": \"equal\"}",
     .ignore_case = true,
     .csv = "ID,name,id\n1,x,2\n",
     .counts = {{"schema.alias_label", 1}, {"schema.extra_label", 1}},
     .locs = {{"schema.alias_label", 0, 1, 1, "column 1 \"ID\" is an older"},
              {"schema.extra_label", 0, 3, 1, NULL}}},

    /* foreignKeys are documentation: read, not checked, and not reported on every run */
    {.name = "foreign keys: declared ones are quiet",
     .schema = "{\"fields\": [{\"name\": \"id\"}, {\"name\": \"parent\"}],"
               " \"foreignKeys\": [{\"fields\": \"parent\", \"reference\": {\"resource\":"
               " \"\", \"fields\": \"id\"}}]}",
     .csv = "id,parent\n1,\n2,9\n"},
    {.name = "foreign keys: a malformed declaration is a quirk",
     .schema = "{\"fields\": [{\"name\": \"id\"}], \"foreignKeys\": [{\"fields\": 7}]}",
     .csv = "id\n1\n",
     .counts = {{"schema.quirk", 1}},
     .locs = {{"schema.quirk", 0, 0, 0, "/foreignKeys: the foreign keys"}}},

    /* schema.quirk: the description's own defects, once per kind */
    {.name = "quirks of a 2025-draft structure",
     .schema = "{\"context\": {\"@context\": \"http://www.w3.org/ns/csvw\"}, \"tableSchema\":"
               " {\"columns\": [{\"name\": \"id \", \"title\": \"Код\", \"datatype\": \"integer\","
               " \"required\": true}, {\"name\": \"url\", \"title\": \"Посилання\","
               " \"datatype\": \"anyURL\", \"required\": false}]}}",
     .csv = "id,url\n1,https://example.gov.ua\n",
     .counts = {{"schema.quirk", 4}},
     .locs = {{"schema.quirk", 0, 0, 0, "/context: the CSVW context is wrapped"},
              {"schema.quirk", 0, 0, 0, "(and 1 more like it)"},
              {"schema.quirk", 0, 0, 0, "has stray spaces"},
              {"schema.quirk", 0, 0, 0, "anyURL"}}},
    {.name = "quirks of a CSV structure: by line",
     .schema = "name,title,datatype,required\nid,Код,integer,так\n",
     .csv = "id\n1\n",
     .counts = {{"schema.quirk", 1}},
     .locs = {{"schema.quirk", 0, 0, 0, "test:2: a boolean is written \"так\""}}},

    /* a file without a header: fields by position */
    {.name = "no header: checked by position",
     .schema = "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\", \"constraints\":"
               " {\"unique\": true}}, {\"name\": \"name\", \"constraints\": {\"required\":"
               " true}}], \"primaryKey\": \"id\"}",
     .header = 2,
     .csv = "1,Київ\nx,Львів\n1,\n",
     .counts = {{"schema.type_error", 1},
                {"schema.unique", 1},
                {"schema.required", 1},
                {"schema.primary_key", 1}},
     .locs = {{"schema.type_error", 2, 1, 2, NULL},
              {"schema.unique", 3, 1, 3, "repeats the value of row 1"},
              {"schema.required", 3, 2, 3, NULL}}},
};

/* --- running a case ----------------------------------------------------------------------- */

static struct yk_registry *registry;

static void run_case(void **state)
{
    const struct rule_case *c = *state;
    size_t len = c->csv ? strlen(c->csv) : 0;
    char *built = c->build ? c->build(&len) : NULL;
    const char *data = built ? built : c->csv;
    assert_non_null(data);

    struct yk_arena *arena = yk_arena_create(0);
    assert_non_null(arena);
    struct yk_error err;
    const struct yk_schema *schema = NULL;
    yk_error_clear(&err);
    int rc = yk_schema_parse(c->schema, strlen(c->schema), "test", arena, &schema, &err);
    if (rc != 0)
        print_error("%s: schema: %s\n", c->name, err.message);
    assert_int_equal(rc, 0);

    struct yk_check_options opt;
    harness_options(&opt, registry);
    opt.header = c->header == 1 ? 1 : c->header == 2 ? 0 : -1;
    opt.schema = schema;
    opt.fields_match = (int)c->mode;
    opt.header_ignore_case = c->ignore_case;
    struct yk_file_result *res = harness_run(c->name, data, len, &opt, arena);
    assert_true(res->readable);
    assert_string_equal(res->schema, "test");
    assert_false(res->schema_discovered);

    /* Every schema rule exactly, other families only where a case lists them; messages of the
     * family in both languages, different, and short however large the cell. */
    const struct harness h = {.registry = registry,
                              .family = &yk_family_schema,
                              .other_counts = true,
                              .prefix = "schema.",
                              .max_message = MAX_MESSAGE};
    int bad = harness_check_counts(&h, c->name, c->counts, res) +
              harness_check_locs(c->name, c->locs, res) +
              harness_check_messages(&h, c->name, NULL, res);
    if (bad)
        harness_dump(NULL, res);
    yk_arena_destroy(arena);
    free(built);
    if (bad)
        fail_msg("%s: %d mismatches", c->name, bad);
}

/* --- discovery next to the data ----------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static struct yk_file_result *check_in(const char *dir, const char *name, bool discover,
                                       struct yk_arena *arena)
{
    char path[512];
    struct yk_check_options opt;
    struct yk_file_result *res = NULL;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    harness_options(&opt, registry);
    opt.schema_discover = discover;
    assert_int_equal(yk_check_file(path, &opt, arena, &res, NULL), 0);
    return res;
}

static void discovery(void **state)
{
    (void)state;
    char dir[] = "/tmp/yakist-rules-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct yk_arena *arena = yk_arena_create(0);
    write_file(dir, "parks.csv", "id,name\n1,Топільче\nx,Сквер\n");
    /* Nothing next to it: reported, and only when asked to look. */
    struct yk_file_result *res = check_in(dir, "parks.csv", true, arena);
    assert_int_equal(harness_count(res, "schema.no_structure"), 1);
    assert_null(res->schema);
    res = check_in(dir, "parks.csv", false, arena);
    assert_int_equal(harness_count(res, "schema.no_structure"), 0);
    /* A broken one: reported with its line, the data checked without it. */
    write_file(dir, "parks.schema.json", "{\"fields\": [\n{\"name\": \"id\"\n]}\n");
    res = check_in(dir, "parks.csv", true, arena);
    assert_int_equal(harness_count(res, "schema.structure_invalid"), 1);
    assert_non_null(strstr(harness_nth(res, "schema.structure_invalid", 0)->message_en,
                           "parks.schema.json cannot be used (line 3"));
    assert_null(res->schema);
    /* A good one: used, and said so. */
    write_file(dir, "parks.schema.json",
               "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}, {\"name\": \"name\"}]}");
    res = check_in(dir, "parks.csv", true, arena);
    assert_int_equal(harness_count(res, "schema.no_structure"), 0);
    assert_int_equal(harness_count(res, "schema.type_error"), 1);
    assert_non_null(strstr(res->schema, "/parks.schema.json"));
    assert_true(res->schema_discovered);
    /* A generic description beside two data files belongs to neither. */
    write_file(dir, "streets.csv", "id\n1\n");
    write_file(dir, "Structure.json", "{\"fields\": [{\"name\": \"id\"}]}");
    res = check_in(dir, "streets.csv", true, arena);
    assert_int_equal(harness_count(res, "schema.no_structure"), 1);
    assert_non_null(strstr(harness_nth(res, "schema.no_structure", 0)->message_en,
                           "Structure.json lies next to it"));
    static const char *const names[] = {"parks.csv", "parks.schema.json", "streets.csv",
                                        "Structure.json"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    yk_arena_destroy(arena);
}

/* Without a schema the family is silent, whatever the data. */
static void silent_without_schema(void **state)
{
    (void)state;
    const char *csv = "id,id\n1\n,\n1,2,3\n";
    struct yk_check_options opt;
    yk_check_options_init(&opt, registry);
    opt.timing = false;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL;
    assert_int_equal(yk_check_memory(csv, strlen(csv), "plain", &opt, arena, &res, NULL), 0);
    for (size_t i = 0; i < res->ncounts; i++)
        assert_int_not_equal(strncmp(res->counts[i].rule->id, "schema.", 7), 0);
    assert_null(res->schema);
    yk_arena_destroy(arena);
}

/* --- near-miss names ---------------------------------------------------------------------- */

static void near_misses(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        enum yk_near want;
    } pairs[] = {
        {"id", "ID", YK_NEAR_CASE},
        {"Назва", "назва", YK_NEAR_CASE},
        {"checkDate ", "checkDate", YK_NEAR_SPACE},
        {"\tuid", "UID", YK_NEAR_SPACE},
        {"katоttg", "katottg", YK_NEAR_SCRIPT}, /* Cyrillic о */
        {"СATUTTC", "CATUTTC", YK_NEAR_SCRIPT}, /* Cyrillic С */
        {"nazva", "назва", YK_NEAR_TRANSLIT},
        {"shchodennyk", "щоденник", YK_NEAR_TRANSLIT},
        {"adress", "address", YK_NEAR_SPELLING},
        {"date_reg", "dateReg", YK_NEAR_SPELLING},
        {"phone", "phone", YK_NEAR_NONE},
        {"id", "name", YK_NEAR_NONE},
        {"lat", "lon", YK_NEAR_NONE}, /* short names: no typo tolerance */
        {"amount", "currency", YK_NEAR_NONE},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        enum yk_near got =
            yk_sr_near(pairs[i].a, strlen(pairs[i].a), pairs[i].b, strlen(pairs[i].b));
        if (got != pairs[i].want)
            fail_msg("\"%s\" ~ \"%s\": %d, expected %d", pairs[i].a, pairs[i].b, got,
                     pairs[i].want);
        assert_true(yk_sr_near_en(got)[0] != '\0' || got == YK_NEAR_NONE);
        assert_true(yk_sr_near_uk(got)[0] != '\0' || got == YK_NEAR_NONE);
    }
}

/* --- descriptors -------------------------------------------------------------------------- */

static void descriptors_complete(void **state)
{
    (void)state;
    assert_int_equal(yk_family_schema.nrules, 18);
    for (size_t i = 0; i < yk_family_schema.nrules; i++) {
        const struct yk_rule *r = yk_family_schema.rules[i];
        assert_int_equal(strncmp(r->id, "schema.", 7), 0);
        assert_non_null(r->title_uk);
        assert_non_null(r->title_en);
        assert_true(strlen(r->rationale) > 80);
        assert_non_null(r->source);
        assert_non_null(r->example);
        assert_true(r->severity >= YK_SEV_INFO && r->severity <= YK_SEV_ERROR);
        assert_true(r->weight > 0);
        assert_ptr_equal(yk_registry_find(registry, r->id), r);
    }
    static const char *const types[] = {"type-error",       "unique-error", "primary-key",
                                        "missing-label",    "extra-label",  "incorrect-label",
                                        "unmatched-header", "missing-cell", "extra-cell"};
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
        size_t n = 0;
        for (size_t i = 0; i < yk_family_schema.nrules; i++) {
            const char *f = yk_family_schema.rules[i]->frictionless;
            n += f && strcmp(f, types[t]) == 0;
        }
        if (n != 1)
            fail_msg("Frictionless type %s maps to %zu schema rules", types[t], n);
    }
}

int main(void)
{
    struct yk_error err;
    if (yk_registry_create(&registry, &err) != 0) {
        fprintf(stderr, "registry: %s\n", err.message);
        return 1;
    }
    size_t ncases = sizeof cases / sizeof cases[0], n = 0;
    struct CMUnitTest *tests = calloc(ncases + 4, sizeof *tests);
    if (!tests)
        return 1;
    tests[n++] =
        (struct CMUnitTest){"descriptors_complete", descriptors_complete, NULL, NULL, NULL};
    tests[n++] = (struct CMUnitTest){"near_misses", near_misses, NULL, NULL, NULL};
    tests[n++] = (struct CMUnitTest){"discovery", discovery, NULL, NULL, NULL};
    tests[n++] =
        (struct CMUnitTest){"silent_without_schema", silent_without_schema, NULL, NULL, NULL};
    for (size_t i = 0; i < ncases; i++)
        tests[n++] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
    int failed = _cmocka_run_group_tests("schema rules", tests, n, NULL, NULL);
    free(tests);
    yk_registry_destroy(registry);
    return failed ? 1 : 0;
}
