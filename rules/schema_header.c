/* yakist — `schema` rules about the header against the schema, after Frictionless: labels
 * match fields by position (fieldsMatch exact, the default) or by name (equal, subset,
 * superset, partial). Near misses (capitals, spaces, look-alike letters, transliteration,
 * small typos) get a "did you mean" in the message. A label that is an alias the schema lists
 * for a field ("yakist:aliases") is that field, noted by schema.alias_label. */
#include <string.h>

#include "schema_rules.h"

/* The run's binding, made from the header; NULL when there is no schema. */
static struct yk_schema_run *bound(struct yk_rule_ctx *ctx, const struct yk_row *header, int *rc)
{
    struct yk_schema_run *sr = yk_ctx_schema_run(ctx);
    *rc = 0;
    if (!sr->use.schema)
        return NULL;
    if ((*rc = yk_schema_run_bind(sr, header)) < 0)
        return NULL;
    return sr;
}

static bool by_name(const struct yk_schema_run *sr)
{
    return sr->mode != YK_FIELDS_MATCH_EXACT;
}

static bool in_key(const struct yk_schema *s, size_t field)
{
    for (size_t i = 0; i < s->nprimary_key; i++)
        if (s->primary_key[i] == field)
            return true;
    return false;
}

static bool blank_label(const struct yk_cell *c)
{
    for (size_t i = 0; i < c->len; i++)
        if (c->data[i] != ' ' && c->data[i] != '\t')
            return false;
    return true;
}

/* The unbound label nearest to name, or -1; *near says how it is near. */
static long nearest_label(const struct yk_schema_run *sr, const struct yk_row *header,
                          const char *name, enum yk_near *near)
{
    long best = -1;
    *near = YK_NEAR_NONE;
    for (size_t c = 0; c < header->ncells; c++) {
        if (c < sr->ncols && sr->col_field[c] && !(sr->mode == YK_FIELDS_MATCH_EXACT))
            continue;
        enum yk_near n =
            yk_sr_near(header->cells[c].data, header->cells[c].len, name, strlen(name));
        if (n != YK_NEAR_NONE && (best < 0 || n < *near)) {
            best = (long)c;
            *near = n;
        }
    }
    return best;
}

/* The field nearest to a label among those with no column (all fields when all is set). */
static const struct yk_schema_field *nearest_field(const struct yk_schema_run *sr,
                                                   const struct yk_cell *label, bool all,
                                                   enum yk_near *near)
{
    const struct yk_schema *s = sr->use.schema;
    const struct yk_schema_field *best = NULL;
    *near = YK_NEAR_NONE;
    for (size_t f = 0; f < s->nfields; f++) {
        if (!all && sr->field_col[f] != YK_NO_COLUMN)
            continue;
        enum yk_near n =
            yk_sr_near(label->data, label->len, s->fields[f].name, strlen(s->fields[f].name));
        if (n != YK_NEAR_NONE && (!best || n < *near)) {
            best = &s->fields[f];
            *near = n;
        }
    }
    return best;
}

/* --- schema.missing_label ----------------------------------------------------------------- */

static int emit_missing(struct yk_rule_ctx *ctx, const struct yk_schema_run *sr,
                        const struct yk_row *header, const struct yk_schema_field *f, size_t number)
{
    struct yk_loc loc = yk_sr_label_loc(ctx, number);
    enum yk_near near;
    long c = nearest_label(sr, header, f->name, &near);
    if (c >= 0) {
        char text[YK_SR_SNIPPET];
        yk_sr_snippet(text, header->cells[c].data, header->cells[c].len);
        return yk_emit(ctx, &loc,
                       "у заголовку немає стовпця «%s» (поле %zu структури); можливо, це "
                       "стовпець %ld «%s»: назва %s%.0s",
                       "the header has no column \"%s\" (field %zu of the structure); did you "
                       "mean column %ld \"%s\"? its name %.0s%s",
                       f->name, f->index + 1, c + 1, text, yk_sr_near_uk(near),
                       yk_sr_near_en(near));
    }
    return yk_emit(ctx, &loc, "у заголовку немає стовпця «%s» (поле %zu структури)",
                   "the header has no column \"%s\" (field %zu of the structure)", f->name,
                   f->index + 1);
}

static int missing_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    int rc;
    struct yk_schema_run *sr = bound(ctx, header, &rc);
    if (!sr)
        return rc;
    const struct yk_schema *s = sr->use.schema;
    size_t k = 0;
    for (size_t f = 0; f < s->nfields && rc == 0; f++) {
        const struct yk_schema_field *fd = &s->fields[f];
        if (!by_name(sr)) {
            if (f >= sr->ncols)
                rc = emit_missing(ctx, sr, header, fd, f + 1);
            continue;
        }
        if (sr->field_col[f] != YK_NO_COLUMN)
            continue;
        bool loose = sr->mode == YK_FIELDS_MATCH_SUPERSET || sr->mode == YK_FIELDS_MATCH_PARTIAL;
        if (loose && !fd->required && !in_key(s, f))
            continue;
        rc = emit_missing(ctx, sr, header, fd, sr->ncols + ++k);
    }
    return rc;
}

const struct yk_rule yk_rule_schema_missing_label = {
    .id = "schema.missing_label",
    .title_uk = "Бракує стовпця зі структури",
    .title_en = "Column of the structure missing",
    .rationale = "The structure description lists the columns a dataset has; one that is absent "
                 "from the header leaves every row without that value and breaks programs that "
                 "read the column by name. By position (fieldsMatch exact, the default) the "
                 "fields past the last column are missing; by name, a field no label names is "
                 "missing (for superset and partial only a required or key field). The finding "
                 "is numbered after the last label, as in Frictionless.",
    .source = "Frictionless Data: Table Schema, `missing-label`; Мінцифри: структура набору даних",
    .frictionless = "missing-label",
    .example = "schema: id, name, phone\nheader: id,name",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 4,
    .compliance = true,
    .on_header = missing_label_header,
};

/* --- schema.extra_label ------------------------------------------------------------------- */

static int emit_extra(struct yk_rule_ctx *ctx, const struct yk_schema_run *sr,
                      const struct yk_row *header, size_t c)
{
    struct yk_loc loc = yk_sr_label_loc(ctx, c + 1);
    char text[YK_SR_SNIPPET];
    enum yk_near near;
    const struct yk_cell *label = &header->cells[c];
    const struct yk_schema_field *f = nearest_field(sr, label, !by_name(sr), &near);
    yk_sr_snippet(text, label->data, label->len);
    if (f)
        return yk_emit(ctx, &loc,
                       "стовпця %zu «%s» немає в структурі; можливо, це поле «%s»: назва "
                       "%s%.0s",
                       "column %zu \"%s\" is not in the structure; did you mean the field "
                       "\"%s\"? the name %.0s%s",
                       c + 1, text, f->name, yk_sr_near_uk(near), yk_sr_near_en(near));
    return yk_emit(ctx, &loc, "стовпця %zu «%s» немає в структурі (у ній %zu полів)",
                   "column %zu \"%s\" is not in the structure (it describes %zu fields)", c + 1,
                   text, sr->use.schema->nfields);
}

static int extra_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    int rc;
    struct yk_schema_run *sr = bound(ctx, header, &rc);
    if (!sr)
        return rc;
    size_t nfields = sr->use.schema->nfields;
    if (sr->mode == YK_FIELDS_MATCH_SUBSET || sr->mode == YK_FIELDS_MATCH_PARTIAL)
        return 0;
    for (size_t c = 0; c < header->ncells && rc == 0; c++) {
        bool extra = by_name(sr) ? !sr->col_field[c] : c >= nfields;
        if (extra)
            rc = emit_extra(ctx, sr, header, c);
    }
    return rc;
}

const struct yk_rule yk_rule_schema_extra_label = {
    .id = "schema.extra_label",
    .title_uk = "Стовпець, якого немає в структурі",
    .title_en = "Column not in the structure",
    .rationale = "A column the structure description does not list is undocumented: users do "
                 "not know what it holds and its values are not checked. Often it is a column "
                 "of the structure under a slightly different name, which the message points "
                 "out. By position, every label past the last field is extra; by name, every "
                 "label no field names (subset and partial allow extra labels).",
    .source = "Frictionless Data: Table Schema, `extra-label`",
    .frictionless = "extra-label",
    .example = "schema: id, name\nheader: id,name,note",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_header = extra_label_header,
};

/* --- schema.incorrect_label --------------------------------------------------------------- */

static int emit_incorrect(struct yk_rule_ctx *ctx, const struct yk_schema_run *sr,
                          const struct yk_cell *label, size_t c)
{
    const struct yk_schema *s = sr->use.schema;
    const struct yk_schema_field *want = &s->fields[c];
    struct yk_loc loc = yk_sr_label_loc(ctx, c + 1);
    char text[YK_SR_SNIPPET];
    yk_sr_snippet(text, label->data, label->len);
    const struct yk_schema_field *other =
        yk_schema_field_find(s, label->data, label->len, sr->ignore_case);
    if (other)
        return yk_emit(ctx, &loc,
                       "стовпець %zu називається «%s», а за структурою тут має бути «%s»; "
                       "«%s» — поле %zu структури: порядок стовпців інший",
                       "column %zu is named \"%s\" where the structure has \"%s\"; \"%s\" is "
                       "field %zu of the structure: the columns are in another order",
                       c + 1, text, want->name, other->name, other->index + 1);
    enum yk_near near = yk_sr_near(label->data, label->len, want->name, strlen(want->name));
    if (near != YK_NEAR_NONE)
        return yk_emit(ctx, &loc,
                       "стовпець %zu називається «%s», а за структурою — «%s»: назва %s%.0s",
                       "column %zu is named \"%s\"; did you mean \"%s\"? the name %.0s%s", c + 1,
                       text, want->name, yk_sr_near_uk(near), yk_sr_near_en(near));
    return yk_emit(ctx, &loc, "стовпець %zu називається «%s», а за структурою тут має бути «%s»",
                   "column %zu is named \"%s\" where the structure has \"%s\"", c + 1, text,
                   want->name);
}

static int incorrect_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    int rc;
    struct yk_schema_run *sr = bound(ctx, header, &rc);
    if (!sr || by_name(sr))
        return rc;
    const struct yk_schema *s = sr->use.schema;
    for (size_t c = 0; c < header->ncells && c < s->nfields && rc == 0; c++) {
        const struct yk_cell *label = &header->cells[c];
        struct yk_schema one = {.fields = &s->fields[c], .nfields = 1};
        if (blank_label(label) ||
            yk_schema_field_find(&one, label->data, label->len, sr->ignore_case) ||
            yk_schema_run_alias(sr, label, &s->fields[c]))
            continue; /* the field's name, or an alias of it (schema.alias_label) */
        rc = emit_incorrect(ctx, sr, label, c);
    }
    return rc;
}

const struct yk_rule yk_rule_schema_incorrect_label = {
    .id = "schema.incorrect_label",
    .title_uk = "Назва стовпця не та, що в структурі",
    .title_en = "Column name differs from the structure",
    .rationale = "When columns are matched by position (fieldsMatch exact, the default), each "
                 "label must be the name the structure gives that position. A different name "
                 "means a renamed column, a typo, a name in the other alphabet, or columns in "
                 "another order; the message says which when it can tell. Blank labels are "
                 "file.blank_label's; an alias the structure lists for the field is "
                 "schema.alias_label's.",
    .source = "Frictionless Data: Table Schema, `incorrect-label`",
    .frictionless = "incorrect-label",
    .example = "schema: id, name\nheader: id,Name",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_header = incorrect_label_header,
};

/* --- schema.unmatched_header -------------------------------------------------------------- */

static int unmatched_header_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    int rc;
    struct yk_schema_run *sr = bound(ctx, header, &rc);
    if (!sr || sr->mode != YK_FIELDS_MATCH_PARTIAL || header->ncells == 0)
        return rc;
    for (size_t c = 0; c < sr->ncols; c++)
        if (sr->col_field[c])
            return 0;
    struct yk_loc loc = {.line = header->line, .offset = header->offset};
    return yk_emit(ctx, &loc, "жодна назва стовпця не збігається з полем структури",
                   "no column name matches a field of the structure");
}

const struct yk_rule yk_rule_schema_unmatched_header = {
    .id = "schema.unmatched_header",
    .title_uk = "Заголовок не відповідає структурі",
    .title_en = "Header matches no field",
    .rationale = "With fieldsMatch partial, extra and missing columns are allowed, but a header "
                 "in which no label names any field means the file does not follow the "
                 "structure at all (or the header row is not where it should be).",
    .source = "Frictionless Data: Table Schema, `unmatched-header`",
    .frictionless = "unmatched-header",
    .example = "schema (partial): id, name\nheader: код,назва",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 4,
    .compliance = true,
    .on_header = unmatched_header_header,
};

/* --- schema.alias_label ------------------------------------------------------------------- */

static int alias_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    int rc;
    struct yk_schema_run *sr = bound(ctx, header, &rc);
    if (!sr)
        return rc;
    for (size_t c = 0; c < header->ncells && c < sr->ncols && rc == 0; c++) {
        const struct yk_schema_field *f = sr->col_field[c];
        const char *alias = f ? yk_schema_run_alias(sr, &header->cells[c], f) : NULL;
        if (!alias)
            continue;
        struct yk_loc loc = yk_sr_label_loc(ctx, c + 1);
        char text[YK_SR_SNIPPET];
        yk_sr_snippet(text, header->cells[c].data, header->cells[c].len);
        rc = yk_emit(ctx, &loc,
                     "стовпець %zu «%s» — давніша або інша назва поля «%s», яку структура "
                     "допускає; за структурою стовпець називається «%s»",
                     "column %zu \"%s\" is an older or alternative name of the field \"%s\" that "
                     "the structure accepts; the structure names the column \"%s\"",
                     c + 1, text, f->name, f->name);
    }
    return rc;
}

const struct yk_rule yk_rule_schema_alias_label = {
    .id = "schema.alias_label",
    .title_uk = "Стовпець названо іншою назвою поля",
    .title_en = "Column named by an alias of its field",
    .rationale = "A structure may list other names of a column (\"yakist:aliases\" in the "
                 "shipped standards): the name an older structure gave it, the 2025 draft's "
                 "spelling of a corrected name, the GTFS name of a transport column. Such a "
                 "column is matched to its field and checked as that field, not reported as "
                 "missing or unknown; this note says which name the structure prefers, so the "
                 "next edition of the file can use it.",
    .source = "yakist: shipped standards, docs/standards.md",
    .frictionless = NULL,
    .example = "schema: {\"name\": \"providedDate\", \"yakist:aliases\": [\"providDate\"]}\n"
               "header: providDate",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_header = alias_label_header,
};
