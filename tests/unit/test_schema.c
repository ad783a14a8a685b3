/* yakist — unit tests of the schema model: reading a Frictionless Table Schema, CSVW, the
 * Ukrainian 2019 and 2025-draft variants and a CSV structure table; every tolerated quirk as a
 * warning; errors naming the key, line and column; the typed value parsers; discovery of a
 * structure file next to the data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>
#include <yakist/schema.h>

#include "schema_value.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct fixture {
    struct yk_arena *arena;
    struct yk_error err;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    if (!fx || !(fx->arena = yk_arena_create(0)))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    yk_arena_destroy(fx->arena);
    free(fx);
    return 0;
}

static const struct yk_schema *parse(void **state, const char *text)
{
    struct fixture *fx = *state;
    const struct yk_schema *s = NULL;
    yk_error_clear(&fx->err);
    int rc = yk_schema_parse(text, strlen(text), "test.json", fx->arena, &s, &fx->err);
    if (rc != 0)
        fprintf(stderr, "parse failed: %s\n", fx->err.message);
    assert_int_equal(rc, 0);
    assert_non_null(s);
    return s;
}

static const struct yk_schema_warning *warning(const struct yk_schema *s, const char *code)
{
    for (size_t i = 0; i < s->nwarnings; i++)
        if (strcmp(s->warnings[i].code, code) == 0)
            return &s->warnings[i];
    return NULL;
}

/* --- Frictionless Table Schema ------------------------------------------------------------ */

static void table_schema_fields(void **state)
{
    const struct yk_schema *s =
        parse(state,
              "{\"fields\": ["
              "{\"name\": \"id\", \"type\": \"integer\", \"title\": \"Код\","
              " \"constraints\": {\"required\": true, \"unique\": true, \"minimum\": 1}},"
              "{\"name\": \"name\", \"type\": \"string\", \"description\": \"Назва\","
              " \"constraints\": {\"minLength\": 2, \"maxLength\": 100, \"pattern\": \"[А-Я].*\"}},"
              "{\"name\": \"kind\", \"constraints\": {\"enum\": [\"a\", \"b\", 3]}},"
              "{\"name\": \"amount\", \"type\": \"number\", \"decimalChar\": \",\","
              " \"groupChar\": \" \", \"bareNumber\": false,"
              " \"constraints\": {\"exclusiveMaximum\": 1e6}},"
              "{\"name\": \"lat\", \"type\": \"number\", \"yakist:role\": \"lat\"}],"
              "\"primaryKey\": \"id\", \"fieldsMatch\": \"subset\"}");
    assert_int_equal(s->form, YK_SCHEMA_FORM_TABLE_SCHEMA);
    assert_int_equal(s->nfields, 5);
    assert_int_equal(s->nwarnings, 0);
    assert_int_equal(s->fields_match, YK_FIELDS_MATCH_SUBSET);
    const struct yk_schema_field *id = &s->fields[0], *name = &s->fields[1];
    assert_string_equal(id->name, "id");
    assert_string_equal(id->title, "Код");
    assert_int_equal(id->type, YK_TYPE_INTEGER);
    assert_true(id->required && id->unique);
    assert_string_equal(id->minimum, "1");
    assert_null(id->maximum);
    assert_int_equal(name->min_length, 2);
    assert_int_equal(name->max_length, 100);
    assert_string_equal(name->pattern, "[А-Я].*");
    assert_string_equal(name->description, "Назва");
    assert_int_equal(s->fields[2].type, YK_TYPE_STRING); /* no type: a string */
    assert_int_equal(s->fields[2].enum_values.n, 3);
    assert_string_equal(s->fields[2].enum_values.v[2], "3");
    assert_string_equal(s->fields[3].decimal_char, ",");
    assert_string_equal(s->fields[3].group_char, " ");
    assert_false(s->fields[3].bare_number);
    assert_true(s->fields[3].exclusive_maximum);
    assert_string_equal(s->fields[3].maximum, "1000000");
    assert_string_equal(s->fields[4].role, "lat");
    assert_int_equal(s->nprimary_key, 1);
    assert_int_equal(s->primary_key[0], 0);
    /* Missing values: "" and the Ministry's null. */
    assert_int_equal(s->missing_values.n, 2);
    assert_string_equal(s->missing_values.v[1], "null");
    assert_int_equal(id->missing_values.n, 2);
    assert_int_equal(id->true_values.n, 4);
    assert_string_equal(id->true_values.v[1], "True");
}

static void table_schema_formats_and_lists(void **state)
{
    const struct yk_schema *s =
        parse(state, "{\"fields\": ["
                     "{\"name\": \"mail\", \"type\": \"string\", \"format\": \"email\"},"
                     "{\"name\": \"site\", \"type\": \"string\", \"format\": \"uri\"},"
                     "{\"name\": \"ok\", \"type\": \"boolean\", \"trueValues\": [\"так\"],"
                     " \"falseValues\": [\"ні\"]},"
                     "{\"name\": \"when\", \"type\": \"date\", \"format\": \"%d.%m.%Y\"},"
                     "{\"name\": \"code\", \"type\": \"string\", \"missingValues\": [\"-\"]}],"
                     "\"missingValues\": [\"\", \"н/д\"], \"primaryKey\": [\"mail\", \"when\"]}");
    assert_int_equal(s->fields[0].type, YK_TYPE_EMAIL);
    assert_int_equal(s->fields[1].type, YK_TYPE_URL);
    assert_int_equal(s->fields[2].true_values.n, 1);
    assert_string_equal(s->fields[2].false_values.v[0], "ні");
    assert_string_equal(s->fields[3].format, "%d.%m.%Y");
    assert_int_equal(s->missing_values.n, 2);
    assert_string_equal(s->fields[0].missing_values.v[1], "н/д");
    assert_int_equal(s->fields[4].missing_values.n, 1);
    assert_string_equal(s->fields[4].missing_values.v[0], "-");
    assert_int_equal(s->nprimary_key, 2);
    assert_int_equal(s->primary_key[1], 3);
}

static void resource_descriptor(void **state)
{
    const struct yk_schema *s =
        parse(state, "{\"name\": \"budget\", \"path\": \"budget.csv\", \"schema\": "
                     "{\"fields\": [{\"name\": \"year\", \"type\": \"year\"}]}}");
    assert_int_equal(s->nfields, 1);
    assert_int_equal(s->fields[0].type, YK_TYPE_YEAR);
    assert_string_equal(s->fields[0].path, "/schema/fields/0");
}

/* --- CSVW --------------------------------------------------------------------------------- */

static void csvw_standard(void **state)
{
    const struct yk_schema *s = parse(
        state, "{\"@context\": [\"http://www.w3.org/ns/csvw\", {\"@language\": \"uk\"}],"
               " \"url\": \"acts.csv\", \"tableSchema\": {\"columns\": ["
               "{\"name\": \"identifier\", \"titles\": \"Ідентифікатор\","
               " \"dc:description\": \"Номер акта\", \"datatype\": \"string\", \"required\": true},"
               "{\"name\": \"issued\", \"titles\": [\"Дата\", \"Date\"], \"datatype\": \"date\"},"
               "{\"name\": \"url\", \"titles\": {\"uk\": \"Посилання\"}, \"datatype\": \"anyURI\"},"
               "{\"name\": \"amount\", \"datatype\": {\"base\": \"decimal\", \"minimum\": \"0\"}},"
               "{\"name\": \"code\", \"datatype\": {\"base\": \"string\", \"format\": \"[0-9]{8}\","
               " \"length\": 8}},"
               "{\"name\": \"count\", \"datatype\": \"nonNegativeInteger\", \"null\": \"-\"},"
               "{\"name\": \"hidden\", \"virtual\": true}],"
               " \"primaryKey\": \"identifier\"}}");
    assert_int_equal(s->form, YK_SCHEMA_FORM_CSVW);
    assert_int_equal(s->nwarnings, 0);
    assert_int_equal(s->nfields, 6); /* the virtual column is not in the data */
    assert_string_equal(s->fields[0].title, "Ідентифікатор");
    assert_string_equal(s->fields[0].description, "Номер акта");
    assert_true(s->fields[0].required);
    assert_string_equal(s->fields[1].title, "Дата");
    assert_int_equal(s->fields[1].type, YK_TYPE_DATE);
    assert_string_equal(s->fields[2].title, "Посилання");
    assert_int_equal(s->fields[2].type, YK_TYPE_URL);
    assert_int_equal(s->fields[3].type, YK_TYPE_NUMBER);
    assert_string_equal(s->fields[3].minimum, "0");
    assert_string_equal(s->fields[4].pattern, "[0-9]{8}");
    assert_int_equal(s->fields[4].min_length, 8);
    assert_int_equal(s->fields[4].max_length, 8);
    assert_string_equal(s->fields[5].minimum, "0"); /* implied by the type */
    assert_string_equal(s->fields[5].missing_values.v[0], "-");
    assert_int_equal(s->nprimary_key, 1);
}

static void quirks_2019(void **state)
{
    const struct yk_schema *s = parse(
        state, "{\"@context\": [\"http://www.w3.org/ns/csvw\", {\"@language\": \"uk\"}],"
               " \"tableSchema\": {\"columns\": ["
               "{\"name\": \"name\", \"titles\": \"title\", \"dc:description\": \"description\","
               " \"datatype\": \"datatype\", \"required\": \"required\"},"
               "{\"name\": \"identifier\", \"titles\": \"Ідентифікатор\","
               " \"datatype\": \"string\", \"required\": true},"
               "{\"name\": \"validFrom\", \"titles\": \"Чинний з\", \"datatype\": \"date\","
               " \"required\": \"false\"}]}}");
    assert_int_equal(s->nfields, 2);
    assert_string_equal(s->fields[0].name, "identifier");
    const struct yk_schema_warning *w = warning(s, "pseudo-column");
    assert_non_null(w);
    assert_string_equal(w->path, "/tableSchema/columns/0");
    assert_non_null(strstr(w->message_en, "repeats the header"));
    assert_non_null(warning(s, "required-text"));
    assert_false(s->fields[1].required);
    assert_int_equal(s->nwarnings, 2);
}

static void quirks_2025(void **state)
{
    const struct yk_schema *s = parse(
        state, "{\"context\": {\"@context\": \"http://www.w3.org/ns/csvw\", \"@language\": \"uk\"},"
               " \"tableSchema\": {\"columns\": ["
               "{\"name\": \"uId\", \"title\": \"Ідентифікатор\", \"description\": \"Код\","
               " \"datatype\": \"string\", \"required\": true},"
               "{\"name\": \" buildingTitle\", \"title\": \"Назва \", \"datatype\": \"string\","
               " \"required\": true},"
               "{\"name\": \"text\\t\", \"title\": \"Текст\", \"datatype\": \"string\","
               " \"required\": false},"
               "{\"name\": \"url\", \"title\": \"Посилання\", \"datatype\": \"anyURL\","
               " \"required\": false},"
               "{\"name\": \"legalActІd\", \"title\": \"Код акта\", \"datatype\": \"string\","
               " \"required\": false},"
               "{\"name\": \"site\", \"title\": \"Сайт\", \"datatype\": \"anyURL\","
               " \"required\": false}]},"
               " \"primaryKey\": \"uid\"}");
    assert_int_equal(s->nfields, 6);
    assert_string_equal(s->fields[1].name, "buildingTitle");
    assert_string_equal(s->fields[2].name, "text");
    assert_int_equal(s->fields[3].type, YK_TYPE_URL);
    assert_string_equal(s->fields[3].type_name, "anyURL");
    assert_string_equal(s->fields[0].title, "Ідентифікатор");
    assert_string_equal(s->fields[0].description, "Код");
    static const char *const codes[] = {"context-wrapper", "title-key", "description-key",
                                        "name-whitespace", "anyurl",    "name-mixed-script",
                                        "key-outside",     "key-case"};
    for (size_t i = 0; i < COUNT(codes); i++) {
        const struct yk_schema_warning *w = warning(s, codes[i]);
        if (!w)
            fprintf(stderr, "no warning %s\n", codes[i]);
        assert_non_null(w);
    }
    assert_int_equal(s->nwarnings, COUNT(codes));
    assert_int_equal(warning(s, "anyurl")->count, 2);
    assert_string_equal(warning(s, "anyurl")->path, "/tableSchema/columns/3/datatype");
    assert_int_equal(warning(s, "title-key")->count, 6);
    assert_non_null(strstr(warning(s, "name-whitespace")->message_en, "\" buildingTitle\""));
    assert_int_equal(warning(s, "name-whitespace")->count, 2);
    assert_int_equal(s->nprimary_key, 1);
    assert_int_equal(s->primary_key[0], 0);
}

static void quirks_key_dropped(void **state)
{
    const struct yk_schema *s =
        parse(state, "{\"context\": {}, \"tableSchema\": {\"columns\": [{\"name\": \"a\"}]},"
                     " \"primaryKey\": \"\"}");
    assert_int_equal(s->nprimary_key, 0);
    assert_non_null(warning(s, "key-empty"));
    s = parse(state, "{\"fields\": [{\"name\": \"a\"}], \"primaryKey\": [\"a\", \"b\"]}");
    assert_int_equal(s->nprimary_key, 0);
    assert_non_null(warning(s, "key-unknown"));
    /* A tab around a name is shown, not printed raw. */
    s = parse(state, "{\"fields\": [{\"name\": \"text\\t\"}]}");
    assert_string_equal(s->fields[0].name, "text");
    assert_non_null(strstr(warning(s, "name-whitespace")->message_en, "\"text\\t\""));
}

static void quirks_types_and_keys(void **state)
{
    const struct yk_schema *s =
        parse(state, "\xEF\xBB\xBF{\"fields\": ["
                     "{\"name\": \"a\", \"type\": \"Date\"},"
                     "{\"name\": \"b\", \"type\": \"decimal\"},"
                     "{\"name\": \"c\", \"type\": \"geopoint\"},"
                     "{\"name\": \"d\", \"type\": \"blob\"},"
                     "{\"name\": \"e\", \"datatype\": \"integer\", \"required\": true},"
                     "{\"name\": \"a\", \"type\": \"string\"}],"
                     " \"foreignKeys\": []}");
    assert_int_equal(s->fields[0].type, YK_TYPE_DATE);
    assert_int_equal(s->fields[1].type, YK_TYPE_NUMBER);
    assert_int_equal(s->fields[2].type, YK_TYPE_ANY);
    assert_int_equal(s->fields[3].type, YK_TYPE_ANY);
    assert_int_equal(s->fields[4].type, YK_TYPE_INTEGER);
    assert_true(s->fields[4].required);
    assert_null(warning(s, "foreign-keys")); /* declared foreign keys are kept, not warned of */
    assert_int_equal(s->nforeign_keys, 0);
    static const char *const codes[] = {
        "bom",          "type-case",        "type-vocabulary", "unchecked-type", "unknown-type",
        "datatype-key", "required-outside", "duplicate-name"};
    for (size_t i = 0; i < COUNT(codes); i++) {
        if (!warning(s, codes[i]))
            fprintf(stderr, "no warning %s\n", codes[i]);
        assert_non_null(warning(s, codes[i]));
    }
}

/* --- the CSV structure table -------------------------------------------------------------- */

static void csv_structure(void **state)
{
    const struct yk_schema *s =
        parse(state, "\xEF\xBB\xBFname,title,description,datatype,required\r\n"
                     "name,title,description,datatype,required\r\n"
                     "identifier,Ідентифікатор,\"Код, що \"\"унікальний\"\"\",string,true\r\n"
                     "\r\n"
                     "issued,Дата,\"Дата\r\nоприлюднення\",date,так\r\n"
                     " url ,Посилання,,anyURL,false\r\n");
    assert_int_equal(s->form, YK_SCHEMA_FORM_CSV);
    assert_int_equal(s->nfields, 3);
    assert_string_equal(s->fields[0].description, "Код, що \"унікальний\"");
    assert_true(s->fields[0].required);
    assert_string_equal(s->fields[1].description, "Дата\r\nоприлюднення");
    assert_true(s->fields[1].required);
    assert_string_equal(s->fields[2].name, "url");
    assert_int_equal(s->fields[2].type, YK_TYPE_URL);
    assert_null(s->fields[2].description);
    static const char *const codes[] = {"bom", "pseudo-column", "required-spelling",
                                        "name-whitespace", "anyurl"};
    for (size_t i = 0; i < COUNT(codes); i++)
        assert_non_null(warning(s, codes[i]));
    /* The line of a warning counts the line break inside the quoted description. */
    assert_int_equal(warning(s, "name-whitespace")->line, 7);
    assert_string_equal(warning(s, "required-spelling")->path, "row 5");
}

static void csv_structure_extended(void **state)
{
    const struct yk_schema *s =
        parse(state, "name;Type;Required;Pattern;Enum;Minimum;Role;MaxLength\n"
                     "code;string;1;[0-9]{8};;;edrpou;8\n"
                     "kind;string;0;;a|b|c;;;\n"
                     "year;integer;no;;;1991;;\n");
    assert_int_equal(s->nfields, 3);
    assert_string_equal(s->fields[0].pattern, "[0-9]{8}");
    assert_string_equal(s->fields[0].role, "edrpou");
    assert_int_equal(s->fields[0].max_length, 8);
    assert_int_equal(s->fields[1].enum_values.n, 3);
    assert_string_equal(s->fields[1].enum_values.v[2], "c");
    assert_string_equal(s->fields[2].minimum, "1991");
    assert_false(s->fields[2].required);
}

/* --- errors ------------------------------------------------------------------------------- */

struct error_case {
    const char *name;
    const char *text;
    int code;
    const char *message; /* a substring */
    uint64_t line, column;
};

static const struct error_case error_cases[] = {
    {"not JSON", "{\"fields\": [\n  {\"name\": \"a\",}\n]}", YK_EPARSE, "not valid JSON", 2, 16},
    {"no fields", "{\"title\": \"x\"}", YK_EINVAL, "not a structure description", 0, 0},
    {"empty fields", "{\"fields\": []}", YK_EINVAL, "describes no fields", 0, 0},
    {"fields not a list", "{\"fields\": {}}", YK_EINVAL, "/fields", 0, 0},
    {"field without name", "{\"fields\": [{\"type\": \"string\"}]}", YK_EINVAL,
     "/fields/0/name: a field without a name", 0, 0},
    {"blank name", "{\"fields\": [{\"name\": \" \\t\"}]}", YK_EINVAL, "without a name", 0, 0},
    {"bad required", "{\"fields\": [{\"name\": \"a\", \"constraints\": {\"required\": 1}}]}",
     YK_EINVAL, "/fields/0/constraints/required", 0, 0},
    {"bad pattern", "{\"fields\": [{\"name\": \"a\", \"constraints\": {\"pattern\": \"(\"}}]}",
     YK_EINVAL, "does not compile", 0, 0},
    {"bad minimum",
     "{\"fields\": [{\"name\": \"a\", \"type\": \"integer\","
     " \"constraints\": {\"minimum\": \"один\"}}]}",
     YK_EINVAL, "the minimum \"один\" of \"a\" is not an integer", 0, 0},
    {"bad enum",
     "{\"fields\": [{\"name\": \"d\", \"type\": \"date\","
     " \"constraints\": {\"enum\": [\"2024-13-01\"]}}]}",
     YK_EINVAL, "enum value", 0, 0},
    {"bad format", "{\"fields\": [{\"name\": \"d\", \"type\": \"date\", \"format\": \"%Q\"}]}",
     YK_EINVAL, "%Q is not supported", 0, 0},
    {"bad fieldsMatch", "{\"fields\": [{\"name\": \"a\"}], \"fieldsMatch\": \"loose\"}", YK_EINVAL,
     "fieldsMatch", 0, 0},
    {"remote table schema", "{\"tableSchema\": \"schema.json\"}", YK_EUNSUPPORTED, "another file",
     0, 0},
    {"package of two", "{\"resources\": [{\"schema\": {}}, {\"schema\": {}}]}", YK_EINVAL,
     "2 schemas", 0, 0},
    {"csv without name", "title,datatype\nКод,string\n", YK_EINVAL, "no \"name\" column", 1, 0},
    {"csv not UTF-8", "name,title\nid,\xCA\xEE\xE4\n", YK_EPARSE, "not UTF-8", 0, 0},
    {"csv blank name", "name,datatype\nid,string\n ,string\n", YK_EINVAL, "row 3", 3, 0},
};

static void errors_name_the_key(void **state)
{
    struct fixture *fx = *state;
    for (size_t i = 0; i < COUNT(error_cases); i++) {
        const struct error_case *c = &error_cases[i];
        const struct yk_schema *s = NULL;
        yk_error_clear(&fx->err);
        int rc = yk_schema_parse(c->text, strlen(c->text), "bad.json", fx->arena, &s, &fx->err);
        if (rc != c->code || !strstr(fx->err.message, c->message) || fx->err.line != c->line ||
            fx->err.column != c->column)
            fprintf(stderr, "case %s: rc %d, %s:%llu:%llu %s\n", c->name, rc, fx->err.file,
                    (unsigned long long)fx->err.line, (unsigned long long)fx->err.column,
                    fx->err.message);
        assert_int_equal(rc, c->code);
        assert_null(s);
        assert_string_equal(fx->err.file, "bad.json");
        assert_non_null(strstr(fx->err.message, c->message));
        assert_int_equal(fx->err.line, c->line);
        assert_int_equal(fx->err.column, c->column);
    }
}

static void limits(void **state)
{
    struct fixture *fx = *state;
    size_t n = YK_SCHEMA_MAX_FIELDS + 1, len = 0;
    char *text = malloc(n * 24 + 32);
    assert_non_null(text);
    len += (size_t)sprintf(text, "{\"fields\": [");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s{\"name\": \"f%zu\"}", i ? "," : "", i);
    len += (size_t)sprintf(text + len, "]}");
    const struct yk_schema *s = NULL;
    assert_int_equal(yk_schema_parse(text, len, "wide.json", fx->arena, &s, &fx->err), YK_ELIMIT);
    assert_non_null(strstr(fx->err.message, "more than 4096 fields"));
    free(text);
    assert_int_equal(
        yk_schema_parse("{}", YK_SCHEMA_MAX_BYTES + 1, "huge.json", fx->arena, &s, &fx->err),
        YK_ELIMIT);
}

static void load_files(void **state)
{
    struct fixture *fx = *state;
    const struct yk_schema *s = NULL;
    assert_int_equal(yk_schema_load("/nonexistent/Structure.json", fx->arena, &s, &fx->err),
                     YK_EIO);
    assert_string_equal(fx->err.file, "/nonexistent/Structure.json");
    assert_null(s);
    char path[] = "/tmp/yakist-schema-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "{\"fields\": [{\"name\": \"id\", \"type\": \"integer\"}]}";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    assert_int_equal(yk_schema_load(path, fx->arena, &s, &fx->err), 0);
    assert_string_equal(s->source, path);
    assert_int_equal(s->fields[0].type, YK_TYPE_INTEGER);
    unlink(path);
}

static void field_find(void **state)
{
    const struct yk_schema *s =
        parse(state, "{\"fields\": [{\"name\": \"Назва\"}, {\"name\": \"CATUTTC\"},"
                     " {\"name\": \"ЄДРПОУ\"}]}");
    assert_ptr_equal(yk_schema_field_find(s, "Назва", strlen("Назва"), false), &s->fields[0]);
    assert_null(yk_schema_field_find(s, "назва", strlen("назва"), false));
    assert_ptr_equal(yk_schema_field_find(s, "назва", strlen("назва"), true), &s->fields[0]);
    assert_ptr_equal(yk_schema_field_find(s, "catuttc", 7, true), &s->fields[1]);
    assert_ptr_equal(yk_schema_field_find(s, "єдрпоу", strlen("єдрпоу"), true), &s->fields[2]);
    assert_null(yk_schema_field_find(s, "CATUTTC ", 8, true));
    assert_null(yk_schema_field_find(NULL, "a", 1, true));
    enum yk_fields_match m;
    assert_int_equal(yk_fields_match_parse("superset", &m), 0);
    assert_int_equal(m, YK_FIELDS_MATCH_SUPERSET);
    assert_int_equal(yk_fields_match_parse("default", &m), YK_EINVAL);
    assert_string_equal(yk_fields_match_name(YK_FIELDS_MATCH_PARTIAL), "partial");
    assert_string_equal(yk_field_type_name(YK_TYPE_URL), "url");
    assert_string_equal(yk_field_type_name(YK_TYPE_COUNT), "?");
}

/* --- typed values ------------------------------------------------------------------------- */

struct value_case {
    enum yk_field_type type;
    const char *format;
    const char *text;
    bool valid;
};

static const struct value_case value_cases[] = {
    {YK_TYPE_INTEGER, NULL, "42", true},
    {YK_TYPE_INTEGER, NULL, "-7", true},
    {YK_TYPE_INTEGER, NULL, "+0012", true},
    {YK_TYPE_INTEGER, NULL, "99999999999999999999999", true}, /* beyond int64: still one */
    {YK_TYPE_INTEGER, NULL, "1.0", false},
    {YK_TYPE_INTEGER, NULL, " 1", false},
    {YK_TYPE_INTEGER, NULL, "-", false},
    {YK_TYPE_INTEGER, NULL, "", false},
    {YK_TYPE_NUMBER, NULL, "3.14", true},
    {YK_TYPE_NUMBER, NULL, "-0.5e3", true},
    {YK_TYPE_NUMBER, NULL, ".5", true},
    {YK_TYPE_NUMBER, NULL, "NaN", true},
    {YK_TYPE_NUMBER, NULL, "-INF", true},
    {YK_TYPE_NUMBER, NULL, "3,14", false},
    {YK_TYPE_NUMBER, NULL, "1 500", false},
    {YK_TYPE_NUMBER, NULL, "1.2.3", false},
    {YK_TYPE_NUMBER, NULL, "12 грн", false},
    {YK_TYPE_NUMBER, NULL, "e5", false},
    {YK_TYPE_BOOLEAN, NULL, "True", true},
    {YK_TYPE_BOOLEAN, NULL, "false", true},
    {YK_TYPE_BOOLEAN, NULL, "1", true},
    {YK_TYPE_BOOLEAN, NULL, "так", false},
    {YK_TYPE_BOOLEAN, NULL, "yes", false},
    {YK_TYPE_DATE, NULL, "2024-02-29", true},
    {YK_TYPE_DATE, NULL, "2023-02-29", false},
    {YK_TYPE_DATE, NULL, "2024-13-01", false},
    {YK_TYPE_DATE, NULL, "01.03.2024", false},
    {YK_TYPE_DATE, NULL, "2024-3-1", false},
    {YK_TYPE_DATE, "%d.%m.%Y", "01.03.2024", true},
    {YK_TYPE_DATE, "%d.%m.%Y", "31.04.2024", false},
    {YK_TYPE_DATE, "dd/MM/yyyy", "05/06/2024", true},
    {YK_TYPE_DATE, "any", "5.6.2024", true},
    {YK_TYPE_DATE, "any", "2024/06/05", true},
    {YK_TYPE_DATE, "any", "вчора", false},
    {YK_TYPE_DATETIME, NULL, "2023-04-09T10:45", true},
    {YK_TYPE_DATETIME, NULL, "2023-04-09T10:45:30Z", true},
    {YK_TYPE_DATETIME, NULL, "2023-04-09T10:45:30.123+03:00", true},
    {YK_TYPE_DATETIME, NULL, "2023-04-09 10:45", false},
    {YK_TYPE_DATETIME, NULL, "2023-04-09T25:00", false},
    {YK_TYPE_DATETIME, NULL, "2023-04-09", false},
    {YK_TYPE_TIME, NULL, "10:45", true},
    {YK_TYPE_TIME, NULL, "23:59:59", true},
    {YK_TYPE_TIME, NULL, "24:00", false},
    {YK_TYPE_TIME, NULL, "10.45", false},
    {YK_TYPE_YEAR, NULL, "2024", true},
    {YK_TYPE_YEAR, NULL, "24", false},
    {YK_TYPE_YEARMONTH, NULL, "2024-05", true},
    {YK_TYPE_YEARMONTH, NULL, "2024-13", false},
    {YK_TYPE_URL, NULL, "https://data.gov.ua/dataset/1", true},
    {YK_TYPE_URL, NULL, "mailto:info@example.gov.ua", true},
    {YK_TYPE_URL, NULL, "www.example.gov.ua", false},
    {YK_TYPE_URL, NULL, "https://", false},
    {YK_TYPE_URL, NULL, "https://example.gov.ua/a b", false},
    {YK_TYPE_URL, NULL, "http:/example.gov.ua", false},
    {YK_TYPE_EMAIL, NULL, "info@rada.example.gov.ua", true},
    {YK_TYPE_EMAIL, NULL, "info@localhost", false},
    {YK_TYPE_EMAIL, NULL, "info at rada.gov.ua", false},
    {YK_TYPE_EMAIL, NULL, "a@b..ua", false},
    {YK_TYPE_STRING, NULL, "будь-що", true},
};

static void values(void **state)
{
    struct fixture *fx = *state;
    static const char *const tv[] = {"true", "True", "TRUE", "1"};
    static const char *const fv[] = {"false", "False", "FALSE", "0"};
    for (size_t i = 0; i < COUNT(value_cases); i++) {
        const struct value_case *c = &value_cases[i];
        struct yk_schema_field f = {.name = "f",
                                    .type = c->type,
                                    .format = c->format,
                                    .bare_number = true,
                                    .true_values = {tv, COUNT(tv)},
                                    .false_values = {fv, COUNT(fv)}};
        struct yk_parser p;
        struct yk_value v;
        char why[160];
        assert_int_equal(yk_parser_init(&p, &f, fx->arena, why, sizeof why), 0);
        bool ok = p.parse(&p, c->text, strlen(c->text), &v);
        if (ok != c->valid)
            fprintf(stderr, "value case %zu: %s \"%s\" gave %d\n", i, yk_field_type_name(c->type),
                    c->text, ok);
        assert_int_equal(ok, c->valid);
    }
}

static struct yk_value value_of(struct fixture *fx, struct yk_schema_field *f, const char *s)
{
    struct yk_parser p;
    struct yk_value v;
    char why[160];
    assert_int_equal(yk_parser_init(&p, f, fx->arena, why, sizeof why), 0);
    assert_true(p.parse(&p, s, strlen(s), &v));
    return v;
}

static void value_order_and_hash(void **state)
{
    struct fixture *fx = *state;
    struct yk_schema_field date = {.type = YK_TYPE_DATE};
    struct yk_value a = value_of(fx, &date, "2023-12-31"), b = value_of(fx, &date, "2024-01-01");
    assert_int_equal(b.i - a.i, 1);
    assert_int_equal(value_of(fx, &date, "1970-01-01").i, 0);
    assert_int_equal(yk_value_cmp(YK_TYPE_DATE, &a, &b), -1);
    struct yk_schema_field dt = {.type = YK_TYPE_DATETIME};
    struct yk_value z = value_of(fx, &dt, "2024-01-01T12:00Z");
    struct yk_value kyiv = value_of(fx, &dt, "2024-01-01T14:00+02:00");
    assert_int_equal(yk_value_cmp(YK_TYPE_DATETIME, &z, &kyiv), 0);
    struct yk_schema_field num = {
        .type = YK_TYPE_NUMBER, .decimal_char = ",", .group_char = " ", .bare_number = true};
    struct yk_value n1 = value_of(fx, &num, "1 500,25"), n2 = value_of(fx, &num, "1500,250");
    assert_true(n1.d == 1500.25);
    assert_int_equal(yk_value_hash(YK_TYPE_NUMBER, &n1, "1 500,25", 8, 0),
                     yk_value_hash(YK_TYPE_NUMBER, &n2, "1500,250", 8, 0));
    struct yk_schema_field loose = {.type = YK_TYPE_INTEGER, .bare_number = false};
    assert_int_equal(value_of(fx, &loose, "12 осіб").i, 12);
    struct yk_schema_field in = {.type = YK_TYPE_INTEGER, .bare_number = true};
    struct yk_value i1 = value_of(fx, &in, "01"), i2 = value_of(fx, &in, "1");
    assert_int_equal(yk_value_hash(YK_TYPE_INTEGER, &i1, "01", 2, 0),
                     yk_value_hash(YK_TYPE_INTEGER, &i2, "1", 1, 0));
    assert_true(yk_hash_bytes("a", 1, 0) != yk_hash_bytes("b", 1, 0));
    assert_true(yk_hash_bytes("a", 1, 0) != yk_hash_bytes("a", 1, 1));
    assert_int_equal(yk_utf8_chars("Київ", strlen("Київ")), 4);
}

/* --- discovery ---------------------------------------------------------------------------- */

static void touch(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
}

static void remove_dir(const char *dir, const char *const *names, size_t n)
{
    char path[512];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

static enum yk_schema_found discover(struct fixture *fx, const char *dir, const char *data,
                                     const char **found_path)
{
    char path[512];
    enum yk_schema_found found;
    snprintf(path, sizeof path, "%s/%s", dir, data);
    assert_int_equal(yk_schema_discover(path, fx->arena, &found, found_path), 0);
    return found;
}

static void discovery(void **state)
{
    struct fixture *fx = *state;
    char dir[] = "/tmp/yakist-discover-XXXXXX";
    const char *p;
    assert_non_null(mkdtemp(dir));
    static const char *const names[] = {"budget.csv",    "budget.schema.json", "Structure.json",
                                        "Structure.csv", "streets.csv",        "Структура.csv"};
    touch(dir, "budget.csv");
    assert_int_equal(discover(fx, dir, "budget.csv", &p), YK_SCHEMA_FOUND_NONE);
    assert_null(p);
    /* A generic name, the folder's one data file: JSON preferred to the CSV of the same name. */
    touch(dir, "Structure.csv");
    touch(dir, "Structure.json");
    assert_int_equal(discover(fx, dir, "budget.csv", &p), YK_SCHEMA_FOUND_ONE);
    assert_non_null(strstr(p, "/Structure.json"));
    /* Named after the data wins over generic names. */
    touch(dir, "budget.schema.json");
    assert_int_equal(discover(fx, dir, "budget.csv", &p), YK_SCHEMA_FOUND_ONE);
    assert_non_null(strstr(p, "/budget.schema.json"));
    /* Another data file: the generic description is no longer surely budget's own... */
    touch(dir, "streets.csv");
    assert_int_equal(discover(fx, dir, "streets.csv", &p), YK_SCHEMA_FOUND_AMBIGUOUS);
    assert_non_null(strstr(p, "Structure.json"));
    /* ...but budget's named one still is. */
    assert_int_equal(discover(fx, dir, "budget.csv", &p), YK_SCHEMA_FOUND_ONE);
    /* A structure file checked as data looks for nothing; a Cyrillic name is a keyword too. */
    assert_int_equal(discover(fx, dir, "Structure.csv", &p), YK_SCHEMA_FOUND_SELF);
    touch(dir, "Структура.csv");
    assert_int_equal(discover(fx, dir, "Структура.csv", &p), YK_SCHEMA_FOUND_SELF);
    remove_dir(dir, names, COUNT(names));
    /* A folder that cannot be read: nothing found. */
    enum yk_schema_found found;
    assert_int_equal(yk_schema_discover("/nonexistent/dir/data.csv", fx->arena, &found, &p), 0);
    assert_int_equal(found, YK_SCHEMA_FOUND_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(table_schema_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(table_schema_formats_and_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(resource_descriptor, setup, teardown),
        cmocka_unit_test_setup_teardown(csvw_standard, setup, teardown),
        cmocka_unit_test_setup_teardown(quirks_2019, setup, teardown),
        cmocka_unit_test_setup_teardown(quirks_2025, setup, teardown),
        cmocka_unit_test_setup_teardown(quirks_key_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(quirks_types_and_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(csv_structure, setup, teardown),
        cmocka_unit_test_setup_teardown(csv_structure_extended, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_name_the_key, setup, teardown),
        cmocka_unit_test_setup_teardown(limits, setup, teardown),
        cmocka_unit_test_setup_teardown(load_files, setup, teardown),
        cmocka_unit_test_setup_teardown(field_find, setup, teardown),
        cmocka_unit_test_setup_teardown(values, setup, teardown),
        cmocka_unit_test_setup_teardown(value_order_and_hash, setup, teardown),
        cmocka_unit_test_setup_teardown(discovery, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
