/* yakist — private: the schema of one run. The runner holds a struct yk_schema_run, fills it
 * before the rules are set up (the schema from the options, or one found next to the data) and
 * copies what was used into the result; rules reach it through the yk_ctx_schema* calls of
 * <yakist/schema.h>, and the `schema` family also through the binding below. */
#ifndef YK_ENGINE_SCHEMA_RUN_H
#define YK_ENGINE_SCHEMA_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/check.h>
#include <yakist/schema.h>

#include "schema_value.h"

#define YK_NO_COLUMN ((size_t)-1)

/* The last cell of a column read as its field's type: the cell rules of one row (type, enum,
 * range, length, pattern, unique) share it, so each cell is parsed once. The key is the row
 * number (unique within a run) with the cell's bytes; number 0 is no row. */
struct yk_schema_parsed {
    uint64_t number;
    const char *data;
    size_t len;
    bool missing; /* one of the field's missing values */
    bool ok;      /* present and of its type: v holds the value */
    struct yk_value v;
};

struct yk_schema_run {
    struct yk_schema_use use;
    enum yk_fields_match mode; /* effective: options, else schema, else exact */
    bool ignore_case;
    struct yk_arena *arena;
    /* The binding of header columns to fields, made on first use once the header is known. */
    bool bound;
    size_t ncols;                             /* header labels */
    const struct yk_schema_field **col_field; /* [ncols]: the field of a column, or NULL */
    size_t *field_col;                        /* [nfields]: the column of a field, YK_NO_COLUMN */
    struct yk_schema_parsed *parsed;          /* [ncols] */
    /* [nfields], NULL until used: the set of a field's values, shared by the rules that keep
     * one (schema.unique and a one-field schema.primary_key), so each value is hashed and
     * stored once per run. */
    void **value_sets;
};

/* Choose the schema of a run: opt->schema, else (when opt->schema_discover and the data is a
 * file on disk) the structure file found next to it. A discovered file that cannot be read is
 * recorded (origin UNUSABLE), not an error. Returns 0 or YK_ENOMEM (err set). */
int yk_schema_run_init(struct yk_schema_run *sr, const char *path, bool on_disk,
                       const struct yk_check_options *opt, struct yk_arena *arena,
                       struct yk_error *err);

/* The run's schema state; defined by the runner (engine/run.c). */
struct yk_schema_run *yk_ctx_schema_run(struct yk_rule_ctx *ctx);

/* Bind the header's columns to the schema's fields (once; later calls return the first
 * result). header NULL: a file without a header row, bound by position and not cached.
 * Returns 0 or YK_ENOMEM. */
int yk_schema_run_bind(struct yk_schema_run *sr, const struct yk_row *header);

/* The alias of f that the label is, when the label is not f's name; else NULL. */
const char *yk_schema_run_alias(const struct yk_schema_run *sr, const struct yk_cell *label,
                                const struct yk_schema_field *f);

/* Record in the result which structure file was used. */
void yk_schema_run_result(const struct yk_schema_run *sr, struct yk_file_result *res);

#endif
