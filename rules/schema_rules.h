/* yakist — the `schema` rule family, private: the descriptors the sub-files define (schema.c
 * lists them in the family table) and the per-column check plan they share. A plan is built
 * once from the header: the columns whose field has something to check, each with its
 * compiled parser; on_cell then runs the plan entry of its column and nothing else. */
#ifndef YK_RULES_SCHEMA_RULES_H
#define YK_RULES_SCHEMA_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <yakist/rule.h>
#include <yakist/schema.h>
#include <yakist/table.h>

#include "schema_run.h"
#include "schema_value.h"

/* schema_source.c: the structure description itself. */
extern const struct yk_rule yk_rule_schema_no_structure;
extern const struct yk_rule yk_rule_schema_structure_invalid;
extern const struct yk_rule yk_rule_schema_quirk;

/* schema_header.c: the header against the schema. */
extern const struct yk_rule yk_rule_schema_missing_label;
extern const struct yk_rule yk_rule_schema_extra_label;
extern const struct yk_rule yk_rule_schema_incorrect_label;
extern const struct yk_rule yk_rule_schema_unmatched_header;
extern const struct yk_rule yk_rule_schema_alias_label;

/* schema_cells.c: cells against their field's type and required, and the row's width. */
extern const struct yk_rule yk_rule_schema_type_error;
extern const struct yk_rule yk_rule_schema_required;
extern const struct yk_rule yk_rule_schema_missing_cell;
extern const struct yk_rule yk_rule_schema_extra_cell;

/* schema_constraints.c: cells against their field's constraints. */
extern const struct yk_rule yk_rule_schema_enum;
extern const struct yk_rule yk_rule_schema_range;
extern const struct yk_rule yk_rule_schema_length;
extern const struct yk_rule yk_rule_schema_pattern;

/* schema_keys.c: values that must not repeat. */
extern const struct yk_rule yk_rule_schema_unique;
extern const struct yk_rule yk_rule_schema_primary_key;

/* --- the per-column plan ------------------------------------------------------------------ */

struct yk_sr_col {
    const struct yk_schema_field *f;
    struct yk_parser parser;
    size_t column;     /* 0-based in the file */
    const char *label; /* the column's name for messages: its label, else the field's name */
    void *extra;       /* the rule's own compiled data for this column */
    struct yk_schema_parsed *parsed; /* the run's last parsed cell of this column (schema_run.h) */
};

struct yk_sr_plan {
    bool ready;
    bool headerless; /* no header row: the rule walks the cells of each row itself */
    struct yk_sr_col *cols;
    size_t n;
    struct yk_sr_col **by_col; /* [ncols]: the entry of a column, or NULL */
    size_t ncols;
};

/* Which fields a rule checks; prepare fills col->extra (may be NULL). */
struct yk_sr_spec {
    bool (*want)(const struct yk_schema_field *f);
    int (*prepare)(struct yk_rule_ctx *ctx, struct yk_sr_col *col);
};

/* Build the plan (once): bind the header (NULL: by position), keep the wanted columns with
 * their parsers and have on_cell called for them. Returns 0 or a negative enum yk_err. */
int yk_sr_plan_build(struct yk_rule_ctx *ctx, struct yk_sr_plan *plan,
                     const struct yk_sr_spec *spec, const struct yk_row *header);

/* From on_row: for a file without a header, build the plan on the first data row and run
 * check over the planned cells of every data row (with a header, on_cell does it). */
int yk_sr_plan_headerless(struct yk_rule_ctx *ctx, struct yk_sr_plan *plan,
                          const struct yk_sr_spec *spec, const struct yk_row *row,
                          int (*check)(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                                       const struct yk_row *row));

/* Is the cell one of the field's missing values ("" and "null" unless the schema says)? */
static inline bool yk_sr_missing(const struct yk_schema_field *f, const struct yk_cell *c)
{
    const struct yk_strings *m = &f->missing_values;
    for (size_t i = 0; i < m->n; i++) {
        const char *v = m->v[i];
        if (c->len == 0
                ? v[0] == '\0'
                : v[0] == c->data[0] && strncmp(v, c->data, c->len) == 0 && v[c->len] == '\0')
            return true;
    }
    return false;
}

/* A row that holds data (not before the header, not blank). */
static inline bool yk_sr_data_row(const struct yk_row *row)
{
    return !(row->flags & (YK_ROW_PREAMBLE | YK_ROW_BLANK));
}

/* Location of a cell: the row and the 1-based field. */
struct yk_loc yk_sr_cell_loc(const struct yk_row *row, size_t column);

/* A location pointing at a header label (no row number, as in Frictionless). */
struct yk_loc yk_sr_label_loc(struct yk_rule_ctx *ctx, size_t field);

/* Copy a value for a message into buf (YK_SR_SNIPPET bytes): at most 40 characters. */
#define YK_SR_SNIPPET 168
char *yk_sr_snippet(char *buf, const char *s, size_t len);

/* --- what the cell rules share ------------------------------------------------------------ */

/* The state of a rule that only needs its plan (a state may also start with one). */
struct yk_sr_plan_state {
    struct yk_sr_plan plan;
};

/* The entry of a watched column (on_cell is only called for planned columns); the rule's
 * state must start with its plan. */
static inline const struct yk_sr_col *yk_sr_col_of(struct yk_rule_ctx *ctx, size_t column)
{
    const struct yk_sr_plan *plan = yk_ctx_state(ctx);
    return plan->by_col[column];
}

/* Read the cell of col in row as its field's type, once per row for all the cell rules:
 * sets *missing (one of the field's missing values) and returns whether the cell is present
 * and of its type, with its value in *v. */
bool yk_sr_parse(struct yk_rule_ctx *ctx, const struct yk_sr_col *col, const struct yk_row *row,
                 bool *missing, struct yk_value *v);

/* A value that is present and of its type: the one the constraints look at. */
static inline bool yk_sr_typed(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                               const struct yk_row *row, struct yk_value *v)
{
    bool missing;
    return yk_sr_parse(ctx, col, row, &missing, v);
}

/* The three callbacks of a rule made of one spec and one check function: on_header builds
 * the plan, on_cell runs the check on its column, on_row serves files without a header. */
#define YK_SR_PLAN_CALLBACKS(prefix, spec, check)                                                  \
    static int prefix##_header(struct yk_rule_ctx *ctx, const struct yk_row *header)               \
    {                                                                                              \
        struct yk_sr_plan_state *st = yk_ctx_state(ctx);                                           \
        return yk_sr_plan_build(ctx, &st->plan, &spec, header);                                    \
    }                                                                                              \
    static int prefix##_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column)     \
    {                                                                                              \
        return check(ctx, yk_sr_col_of(ctx, column), row);                                         \
    }                                                                                              \
    static int prefix##_row(struct yk_rule_ctx *ctx, const struct yk_row *row)                     \
    {                                                                                              \
        struct yk_sr_plan_state *st = yk_ctx_state(ctx);                                           \
        return yk_sr_plan_headerless(ctx, &st->plan, &spec, row, check);                           \
    }

/* --- near-miss names (schema_names.c) ---------------------------------------------------- */

enum yk_near {
    YK_NEAR_NONE = 0,
    YK_NEAR_CASE,     /* only capital letters differ */
    YK_NEAR_SPACE,    /* only whitespace around it (and perhaps case) differs */
    YK_NEAR_SCRIPT,   /* Cyrillic letters that look like Latin ones, or the reverse */
    YK_NEAR_TRANSLIT, /* one is the transliteration of the other */
    YK_NEAR_SPELLING  /* a small edit distance */
};

/* How close two names are. */
enum yk_near yk_sr_near(const char *a, size_t an, const char *b, size_t bn);

/* The reason as a phrase: "differs only in capital letters" / "відрізняється лише …". */
const char *yk_sr_near_uk(enum yk_near near);
const char *yk_sr_near_en(enum yk_near near);

#endif
