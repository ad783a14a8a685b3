/* yakist — `schema` rules about cells against their field: the type, `required`, and with
 * fieldsMatch exact the cells a row lacks or has beyond the schema. As in Frictionless, a
 * missing value ("" and "null" unless the schema says) is checked only by `required`, and a
 * cell of the wrong type only by `type_error`. Each rule compiles its per-column checks once
 * from the header (schema.c) and on_cell runs the entry of its column: no lookup, no
 * allocation. The constraints are in schema_constraints.c. */
#include <string.h>

#include "schema_rules.h"

/* --- schema.type_error -------------------------------------------------------------------- */

static bool want_type(const struct yk_schema_field *f)
{
    return f->type != YK_TYPE_STRING && f->type != YK_TYPE_ANY;
}

static const struct yk_sr_spec type_spec = {want_type, NULL};

static int type_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                      const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    struct yk_value v;
    bool missing;
    if (yk_sr_parse(ctx, col, row, &missing, &v) || missing)
        return 0;
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    return yk_emit(ctx, &loc, "стовпець «%s»: «%s» — очікується %s%.0s",
                   "column \"%s\": \"%s\" is not %.0s%s", col->label,
                   yk_sr_snippet(text, c->data, c->len), col->parser.expect_uk,
                   col->parser.expect_en);
}

YK_SR_PLAN_CALLBACKS(type, type_spec, type_check)

const struct yk_rule yk_rule_schema_type_error = {
    .id = "schema.type_error",
    .title_uk = "Значення не того типу",
    .title_en = "Value of the wrong type",
    .rationale = "The structure gives each column a type: an integer, a number with a decimal "
                 "point, a date as YYYY-MM-DD, a date-time with a T, a URL, a boolean True/False. "
                 "A value that does not read as its type (12.05.2024 in a date column, 1 500,00 "
                 "in a number column) breaks sorting, sums and every program that loads the "
                 "column with its declared type. Missing values are not type errors.",
    .source = "Frictionless Data: Table Schema, field types, `type-error`; Мінцифри: дати за "
              "ISO 8601, десяткова крапка",
    .frictionless = "type-error",
    .example = "schema: date (date)\ndate\n12.05.2024",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 4,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = type_header,
    .on_row = type_row,
    .on_cell = type_cell,
};

/* --- schema.required ---------------------------------------------------------------------- */

struct required_state {
    struct yk_sr_plan plan; /* first: col_of reads it */
    size_t *beyond;         /* exact: required fields past the last label */
    size_t nbeyond;
};

static bool want_required(const struct yk_schema_field *f)
{
    return f->required;
}

static const struct yk_sr_spec required_spec = {want_required, NULL};

static int emit_required(struct yk_rule_ctx *ctx, const char *label, const struct yk_row *row,
                         size_t column)
{
    struct yk_loc loc = yk_sr_cell_loc(row, column);
    return yk_emit(ctx, &loc, "стовпець «%s»: бракує обов'язкового значення",
                   "column \"%s\": a required value is missing", label);
}

static int required_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                          const struct yk_row *row)
{
    if (!yk_sr_missing(col->f, &row->cells[col->column]))
        return 0;
    return emit_required(ctx, col->label, row, col->column);
}

static int required_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct required_state *st = yk_ctx_state(ctx);
    int rc = yk_sr_plan_build(ctx, &st->plan, &required_spec, header);
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    const struct yk_schema *s = sr->use.schema;
    if (rc < 0 || !s || sr->mode != YK_FIELDS_MATCH_EXACT || s->nfields <= header->ncells)
        return rc;
    st->beyond = yk_arena_alloc(yk_ctx_arena(ctx), s->nfields * sizeof *st->beyond);
    if (!st->beyond)
        return YK_ENOMEM;
    for (size_t f = header->ncells; f < s->nfields; f++)
        if (s->fields[f].required)
            st->beyond[st->nbeyond++] = f;
    return 0;
}

static int required_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column)
{
    return required_check(ctx, yk_sr_col_of(ctx, column), row);
}

/* A cell a short row lacks is a missing value too. */
static int required_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct required_state *st = yk_ctx_state(ctx);
    int rc = yk_sr_plan_headerless(ctx, &st->plan, &required_spec, row, required_check);
    if (rc < 0 || !yk_sr_data_row(row) || !st->plan.ready)
        return rc;
    for (size_t i = 0; i < st->plan.n && row->ncells < st->plan.ncols && rc == 0; i++)
        if (st->plan.cols[i].column >= row->ncells)
            rc = emit_required(ctx, st->plan.cols[i].label, row, st->plan.cols[i].column);
    const struct yk_schema *s = yk_ctx_schema(ctx);
    for (size_t i = 0; i < st->nbeyond && rc == 0; i++)
        if (st->beyond[i] >= row->ncells)
            rc = emit_required(ctx, s->fields[st->beyond[i]].name, row, st->beyond[i]);
    return rc;
}

const struct yk_rule yk_rule_schema_required = {
    .id = "schema.required",
    .title_uk = "Бракує обов'язкового значення",
    .title_en = "Required value missing",
    .rationale = "A column the structure marks as required has a value in every row; only "
                 "columns that are not required may hold a missing value (null). An empty cell, "
                 "null or a cell the row lacks altogether in a required column leaves the record "
                 "incomplete: a register entry without its code, an act without its date.",
    .source = "Frictionless Data: Table Schema, constraint `required` (`constraint-error`); "
              "Мінцифри: обов'язкові поля структури не мають пропусків",
    .frictionless = "constraint-error",
    .example = "schema: id (required)\nid,name\n,Київ",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 4,
    .compliance = true,
    .state_size = sizeof(struct required_state),
    .on_header = required_header,
    .on_row = required_row,
    .on_cell = required_cell,
};

/* --- schema.missing_cell and schema.extra_cell -------------------------------------------- */

/* With fieldsMatch exact a row is read against the schema's width, not the header's: the
 * fields past the last label are cells the row lacks, the labels past the last field are cells
 * it has too many. Frictionless reports both on every row. */
struct shape_state {
    bool active;
    size_t labels, fields;
};

static int shape_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct shape_state *st = yk_ctx_state(ctx);
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    if (!sr->use.schema || sr->mode != YK_FIELDS_MATCH_EXACT)
        return 0;
    st->labels = header->ncells;
    st->fields = sr->use.schema->nfields;
    st->active = st->labels != st->fields;
    return 0;
}

static int missing_cell_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    const struct shape_state *st = yk_ctx_state(ctx);
    if (!st->active || !yk_sr_data_row(row))
        return 0;
    const struct yk_schema *s = yk_ctx_schema(ctx);
    size_t from = row->ncells > st->labels ? row->ncells : st->labels;
    for (size_t f = from; f < st->fields; f++) {
        struct yk_loc loc = yk_sr_cell_loc(row, f);
        int rc = yk_emit(ctx, &loc, "у рядку немає клітинки для поля «%s» (поле %zu структури)",
                         "the row has no cell for the field \"%s\" (field %zu of the structure)",
                         s->fields[f].name, f + 1);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_schema_missing_cell = {
    .id = "schema.missing_cell",
    .title_uk = "Бракує клітинки для поля структури",
    .title_en = "Cell missing for a field of the structure",
    .rationale = "When columns are matched by position and the structure has more fields than "
                 "the header has columns, every row lacks the cells of the last fields. The "
                 "header finding (schema.missing_label) names the column; this one counts the "
                 "rows affected, as Frictionless does.",
    .source = "Frictionless Data: Table Schema, `missing-cell`",
    .frictionless = "missing-cell",
    .example = "schema: id, name, phone\nid,name\n1,Київ",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct shape_state),
    .on_header = shape_header,
    .on_row = missing_cell_row,
};

static int extra_cell_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    const struct shape_state *st = yk_ctx_state(ctx);
    if (!st->active || !yk_sr_data_row(row))
        return 0;
    size_t to = row->ncells < st->labels ? row->ncells : st->labels;
    for (size_t c = st->fields; c < to; c++) {
        struct yk_loc loc = yk_sr_cell_loc(row, c);
        int rc = yk_emit(ctx, &loc, "клітинка %zu поза полями структури (їх %zu)",
                         "cell %zu is beyond the fields of the structure (it has %zu)", c + 1,
                         st->fields);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_schema_extra_cell = {
    .id = "schema.extra_cell",
    .title_uk = "Клітинка поза полями структури",
    .title_en = "Cell beyond the fields of the structure",
    .rationale = "When columns are matched by position and the header has more columns than "
                 "the structure has fields, the cells of the extra columns are not described. "
                 "The header finding (schema.extra_label) names the column; this one counts the "
                 "rows affected, as Frictionless does.",
    .source = "Frictionless Data: Table Schema, `extra-cell`",
    .frictionless = "extra-cell",
    .example = "schema: id\nid,name\n1,Київ",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct shape_state),
    .on_header = shape_header,
    .on_row = extra_cell_row,
};
