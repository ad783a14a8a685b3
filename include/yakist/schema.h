/* yakist — the schema model: what a structure description (Frictionless Table Schema, CSVW table
 * schema, or the Ministry's one-row-per-column CSV) says about a table's columns, how to read
 * one, and how a rule finds the field bound to a column of the file being checked.
 * Every quirk the reader tolerates is kept as a warning in the schema, never silently fixed. */
#ifndef YAKIST_SCHEMA_H
#define YAKIST_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/rule.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits on what a structure document may hold; beyond them it is rejected (YK_ELIMIT). */
#define YK_SCHEMA_MAX_BYTES (16u << 20) /* the document */
#define YK_SCHEMA_MAX_FIELDS 4096       /* columns */
#define YK_SCHEMA_MAX_VALUES 65536      /* items of one enum / missingValues / trueValues list */
#define YK_SCHEMA_MAX_PATTERN 4096      /* bytes of one pattern */

/* Types a cell is checked against. Frictionless and CSVW spellings map onto these (see
 * yk_field_type_name); YK_TYPE_ANY is a type yakist does not check (object, array, geojson ...). */
enum yk_field_type {
    YK_TYPE_STRING = 0,
    YK_TYPE_INTEGER,
    YK_TYPE_NUMBER, /* also CSVW decimal, double, float */
    YK_TYPE_BOOLEAN,
    YK_TYPE_DATE,
    YK_TYPE_DATETIME,
    YK_TYPE_TIME,
    YK_TYPE_YEAR,
    YK_TYPE_YEARMONTH,
    YK_TYPE_URL,   /* CSVW anyURI, Frictionless string with format uri */
    YK_TYPE_EMAIL, /* Frictionless string with format email */
    YK_TYPE_ANY,
    YK_TYPE_COUNT
};

/* How header labels are matched to fields (Frictionless `fieldsMatch`). */
enum yk_fields_match {
    YK_FIELDS_MATCH_DEFAULT = 0, /* in options: as the schema says; in a schema: not declared,
                                    which means exact */
    YK_FIELDS_MATCH_EXACT,       /* by position; every field and every label */
    YK_FIELDS_MATCH_EQUAL,       /* by name; every field and every label */
    YK_FIELDS_MATCH_SUBSET,      /* by name; extra labels allowed */
    YK_FIELDS_MATCH_SUPERSET,    /* by name; only required and key fields must be present */
    YK_FIELDS_MATCH_PARTIAL      /* by name; both, and at least one label must match */
};

/* The kind of document a schema was read from. */
enum yk_schema_form {
    YK_SCHEMA_FORM_TABLE_SCHEMA = 0, /* Frictionless Table Schema (JSON `fields`) */
    YK_SCHEMA_FORM_CSVW,             /* CSVW metadata (JSON `tableSchema.columns`) */
    YK_SCHEMA_FORM_CSV               /* one row per column: name,title,description,datatype,... */
};

/* A list of strings as written in the schema (numbers and booleans in JSON as their text). */
struct yk_strings {
    const char *const *v;
    size_t n;
};

struct yk_schema_field {
    const char *name;        /* the name labels are matched against, stray whitespace removed */
    const char *title;       /* NULL when absent */
    const char *description; /* NULL when absent */
    enum yk_field_type type;
    const char *type_name; /* as written ("anyURL", "decimal" ...); "string" when absent */
    const char *format;    /* NULL: the type's default format */
    const char *role;      /* "edrpou", "katottg", "lat" ... from "yakist:role" or "role"; NULL */
    bool required;
    bool unique;
    const char *minimum; /* NULL: none; as written, in the field's type */
    const char *maximum;
    bool exclusive_minimum; /* the bound itself is not allowed (exclusiveMinimum) */
    bool exclusive_maximum;
    int64_t min_length; /* characters; -1: none */
    int64_t max_length;
    const char *pattern;           /* NULL: none; matched against the whole cell (pcre2) */
    struct yk_strings enum_values; /* n = 0: none */
    struct yk_strings true_values; /* booleans: the schema's, or the defaults */
    struct yk_strings false_values;
    struct yk_strings missing_values; /* this field's, or the schema's */
    const char *decimal_char;         /* numbers: "." unless declared */
    const char *group_char;           /* numbers: NULL unless declared */
    bool bare_number;                 /* numbers: no text around the digits (default true) */
    size_t index;                     /* 0-based position in the schema */
    const char *path;                 /* JSON Pointer (or "row N") of the field in the document */
    /* Other names a header may give the column ("yakist:aliases": an older structure's name, a
     * draft spelling); n = 0: none. */
    struct yk_strings aliases;
};

/* A Frictionless foreign key: the values of fields must appear in ref_fields of resource.
 * yakist reads and shows foreign keys but does not check them (a check sees one table). */
struct yk_schema_foreign_key {
    struct yk_strings fields;     /* in this table */
    const char *resource;         /* the table referred to; "" for this same table */
    struct yk_strings ref_fields; /* in the table referred to */
};

/* Something the reader tolerated or ignored. The same kind of quirk is kept once, with the
 * place of its first occurrence and how often it occurred. */
struct yk_schema_warning {
    const char *code; /* stable short id: "anyurl", "name-whitespace", "pseudo-column" ... */
    const char *path; /* JSON Pointer ("/tableSchema/columns/3/datatype") or "row 4" */
    uint64_t line;    /* 1-based line in the document when known (CSV), else 0 */
    uint64_t count;   /* occurrences of this kind */
    const char *message_uk;
    const char *message_en;
};

struct yk_schema {
    const char *source; /* the path or name it was read from */
    enum yk_schema_form form;
    const struct yk_schema_field *fields;
    size_t nfields;
    const size_t *primary_key; /* field indexes, in key order */
    size_t nprimary_key;
    enum yk_fields_match fields_match; /* YK_FIELDS_MATCH_DEFAULT when not declared */
    struct yk_strings missing_values;  /* default: "" and "null" */
    const struct yk_schema_warning *warnings;
    size_t nwarnings;
    const struct yk_schema_foreign_key *foreign_keys; /* as declared; not checked */
    size_t nforeign_keys;
};

/* Read a structure file: JSON (Frictionless Table Schema, CSVW, the 2019 and 2025 Ukrainian
 * variants, a resource descriptor with a "schema") or CSV (one row per column). Everything
 * lives in arena. On error err names the file, the line and column where known, and the key;
 * returns 0, YK_EIO (cannot read), YK_EPARSE (not JSON or CSV), YK_EINVAL (not a usable
 * schema), YK_ELIMIT or YK_ENOMEM. *out is written only on success. */
int yk_schema_load(const char *path, struct yk_arena *arena, const struct yk_schema **out,
                   struct yk_error *err);

/* The same over text in memory; name stands for the path in messages and in schema->source. */
int yk_schema_parse(const char *text, size_t len, const char *name, struct yk_arena *arena,
                    const struct yk_schema **out, struct yk_error *err);

/* The field with this name, or NULL; ignore_case folds Latin and Cyrillic letters. Aliases
 * are not names: see yk_schema_field_alias. */
const struct yk_schema_field *yk_schema_field_find(const struct yk_schema *schema, const char *name,
                                                   size_t len, bool ignore_case);

/* The alias of field that name[0..len) is (compared as yk_schema_field_find compares), or NULL. */
const char *yk_schema_field_alias(const struct yk_schema_field *field, const char *name, size_t len,
                                  bool ignore_case);

/* "string", "integer" ... for a type; "?" when out of range. */
const char *yk_field_type_name(enum yk_field_type type);

/* "exact", "equal" ... ; "default" for YK_FIELDS_MATCH_DEFAULT. yk_fields_match_parse returns
 * 0 or YK_EINVAL. */
const char *yk_fields_match_name(enum yk_fields_match mode);
int yk_fields_match_parse(const char *text, enum yk_fields_match *out);

/* --- finding a structure file next to the data --------------------------------------------- */

enum yk_schema_found {
    YK_SCHEMA_FOUND_NONE = 0,  /* no candidate in the folder */
    YK_SCHEMA_FOUND_ONE,       /* *path is the structure file to use */
    YK_SCHEMA_FOUND_AMBIGUOUS, /* candidates not named after the data: several of them, or one
                                  beside other data files; *path lists them */
    YK_SCHEMA_FOUND_SELF       /* the data file is itself a structure file: nothing to look for */
};

/* Look in the folder of data_path for its structure description, in this order: a file named
 * after the data (NAME.schema.json, NAME-structure.csv ...), then Structure.json/.csv or
 * schema.json, then any one *structure* / *schema* / *структура* .json or .csv file (JSON
 * preferred over CSV of the same name). A file not named after the data is used only when the
 * data file is the one data file of the folder. *path (in arena) is the file, or for AMBIGUOUS
 * the candidates joined by ", ". Returns 0 and *found, or YK_ENOMEM. An unreadable folder is
 * NONE. */
int yk_schema_discover(const char *data_path, struct yk_arena *arena, enum yk_schema_found *found,
                       const char **path);

/* --- what a rule may ask about the schema of the run ---------------------------------------- */

/* How the schema of the run was chosen. */
enum yk_schema_origin {
    YK_SCHEMA_ORIGIN_NONE = 0,   /* none given and none looked for */
    YK_SCHEMA_ORIGIN_GIVEN,      /* from the options (yakist check --schema) */
    YK_SCHEMA_ORIGIN_DISCOVERED, /* found next to the data and read */
    YK_SCHEMA_ORIGIN_NOT_FOUND,  /* looked for next to the data; none there */
    YK_SCHEMA_ORIGIN_AMBIGUOUS,  /* candidates next to the data, none surely its own; none used */
    YK_SCHEMA_ORIGIN_UNUSABLE,   /* found next to the data (or declared), but cannot be read */
    YK_SCHEMA_ORIGIN_STANDARD    /* the audit's fallback: the shipped standard of the matched
                                    Перелік item, for a dataset with no structure of its own */
};

struct yk_schema_use {
    enum yk_schema_origin origin;
    const struct yk_schema *schema; /* NULL unless GIVEN, DISCOVERED or STANDARD */
    const char *path;               /* the structure file (or the candidates), or NULL */
    struct yk_error error;          /* UNUSABLE: why */
};

/* The schema the run checks against, or NULL. */
const struct yk_schema *yk_ctx_schema(struct yk_rule_ctx *ctx);

/* How it was chosen (never NULL). */
const struct yk_schema_use *yk_ctx_schema_use(struct yk_rule_ctx *ctx);

/* The field bound to this 0-based column of the file, or NULL (no schema, an unknown label, or
 * a column beyond the schema). Binding follows fieldsMatch: by position for exact (and for a
 * file without a header), else by name. Computed once per run, on first use after the header. */
const struct yk_schema_field *yk_ctx_schema_field(struct yk_rule_ctx *ctx, size_t column);

/* The effective fieldsMatch of the run (the options' override, else the schema's, else exact)
 * and whether labels match names case-insensitively. */
enum yk_fields_match yk_ctx_fields_match(struct yk_rule_ctx *ctx);
bool yk_ctx_header_ignore_case(struct yk_rule_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
