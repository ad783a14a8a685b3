/* yakist — the `schema` rule family: a file against its structure description (Frictionless
 * Table Schema, CSVW or the Ministry's CSV): the description itself, the header, cell types,
 * constraints and keys. The rules live in schema_*.c; this file holds the family table and the
 * per-column plan they share, built once from the header so the cell path does no lookup. */
#include "families.h"
#include "file_rules.h"
#include "schema_rules.h"

static const struct yk_rule *const schema_rules[] = {
    /* the structure description */
    &yk_rule_schema_no_structure,
    &yk_rule_schema_structure_invalid,
    &yk_rule_schema_quirk,
    /* the header */
    &yk_rule_schema_missing_label,
    &yk_rule_schema_extra_label,
    &yk_rule_schema_incorrect_label,
    &yk_rule_schema_unmatched_header,
    &yk_rule_schema_alias_label,
    /* cells */
    &yk_rule_schema_missing_cell,
    &yk_rule_schema_extra_cell,
    &yk_rule_schema_type_error,
    &yk_rule_schema_required,
    &yk_rule_schema_enum,
    &yk_rule_schema_range,
    &yk_rule_schema_length,
    &yk_rule_schema_pattern,
    /* keys */
    &yk_rule_schema_unique,
    &yk_rule_schema_primary_key,
};

const struct yk_family yk_family_schema = {
    .name = "schema",
    .title_uk = "Схема: структура, типи й обмеження значень",
    .title_en = "Schema: structure, types and constraints of values",
    .rules = schema_rules,
    .nrules = sizeof schema_rules / sizeof schema_rules[0],
    .needs_schema = true,
};

/* --- locations and text ------------------------------------------------------------------ */

struct yk_loc yk_sr_cell_loc(const struct yk_row *row, size_t column)
{
    return yk_file_row_loc(row, column + 1);
}

struct yk_loc yk_sr_label_loc(struct yk_rule_ctx *ctx, size_t field)
{
    const struct yk_row *header = yk_ctx_header(ctx);
    if (header)
        return yk_file_label_loc(header, field);
    return (struct yk_loc){.field = (uint32_t)field, .offset = YK_NO_OFFSET};
}

char *yk_sr_snippet(char *buf, const char *s, size_t len)
{
    return yk_file_snippet(buf, s, len);
}

bool yk_sr_parse(struct yk_rule_ctx *ctx, const struct yk_sr_col *col, const struct yk_row *row,
                 bool *missing, struct yk_value *v)
{
    (void)ctx;
    const struct yk_cell *c = &row->cells[col->column];
    struct yk_schema_parsed *p = col->parsed;
    if (p->number == row->number && p->data == c->data && p->len == c->len) {
        *missing = p->missing;
        if (p->ok)
            *v = p->v;
        return p->ok;
    }
    bool miss = yk_sr_missing(col->f, c);
    bool ok = !miss && col->parser.parse(&col->parser, c->data, c->len, v);
    if (row->number != 0) {
        p->number = row->number;
        p->data = c->data;
        p->len = c->len;
        p->missing = miss;
        if ((p->ok = ok))
            p->v = *v;
    }
    *missing = miss;
    return ok;
}

/* --- the plan ----------------------------------------------------------------------------- */

static const char *label_of(struct yk_rule_ctx *ctx, const struct yk_row *header, size_t column,
                            const struct yk_schema_field *f)
{
    if (!header || column >= header->ncells || header->cells[column].len == 0)
        return f->name;
    char buf[YK_SR_SNIPPET];
    const struct yk_cell *c = &header->cells[column];
    const char *s = yk_sr_snippet(buf, c->data, c->len);
    return yk_arena_strdup(yk_ctx_arena(ctx), s);
}

int yk_sr_plan_build(struct yk_rule_ctx *ctx, struct yk_sr_plan *plan,
                     const struct yk_sr_spec *spec, const struct yk_row *header)
{
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    struct yk_arena *arena = yk_ctx_arena(ctx);
    if (plan->ready || !sr->use.schema)
        return 0;
    plan->ready = true;
    plan->headerless = header == NULL;
    int rc = yk_schema_run_bind(sr, header);
    if (rc < 0)
        return rc;
    plan->ncols = sr->ncols;
    plan->cols = yk_arena_calloc(arena, sr->ncols ? sr->ncols : 1, sizeof *plan->cols);
    plan->by_col = yk_arena_calloc(arena, sr->ncols ? sr->ncols : 1, sizeof *plan->by_col);
    if (!plan->cols || !plan->by_col)
        return YK_ENOMEM;
    for (size_t c = 0; c < sr->ncols; c++) {
        const struct yk_schema_field *f = sr->col_field[c];
        if (!f || !spec->want(f))
            continue;
        struct yk_sr_col *col = &plan->cols[plan->n];
        char why[160];
        col->f = f;
        col->column = c;
        col->parsed = &sr->parsed[c];
        if (!(col->label = label_of(ctx, header, c, f)))
            return YK_ENOMEM;
        /* The loader checked the format, so only memory can fail here. */
        if ((rc = yk_parser_init(&col->parser, f, arena, why, sizeof why)) < 0)
            return rc == YK_ENOMEM ? rc : YK_EINTERNAL;
        if (spec->prepare && (rc = spec->prepare(ctx, col)) < 0)
            return rc;
        if (header && (rc = yk_ctx_watch_column(ctx, c)) < 0)
            return rc;
        plan->by_col[c] = col;
        plan->n++;
    }
    return 0;
}

int yk_sr_plan_headerless(struct yk_rule_ctx *ctx, struct yk_sr_plan *plan,
                          const struct yk_sr_spec *spec, const struct yk_row *row,
                          int (*check)(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                                       const struct yk_row *row))
{
    if (!yk_sr_data_row(row) || (plan->ready && !plan->headerless) || yk_ctx_header(ctx))
        return 0;
    int rc = yk_sr_plan_build(ctx, plan, spec, NULL);
    for (size_t i = 0; rc == 0 && i < plan->n; i++)
        if (plan->cols[i].column < row->ncells)
            rc = check(ctx, &plan->cols[i], row);
    return rc;
}
