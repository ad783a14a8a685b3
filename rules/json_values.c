/* yakist — `json` rules about values that do not fit a column: a column whose records hold
 * values of different JSON types, and nested arrays or objects where a cell expects a scalar.
 * Counted per column, reported once each. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "json_rules.h"

/* --- json.mixed_types -------------------------------------------------------------------- */

enum { T_NUMBER, T_STRING, T_BOOLEAN, T_COUNT };

struct mixed_state {
    struct yk_json_tally (*cols)[T_COUNT];
    size_t ncols;
};

static int mixed_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct mixed_state *st = yk_ctx_state(ctx);
    if (!yk_json_source_is_json(ctx) || header->ncells == 0)
        return 0;
    st->cols = yk_arena_calloc(yk_ctx_arena(ctx), header->ncells, sizeof *st->cols);
    if (!st->cols)
        return YK_ENOMEM;
    st->ncols = header->ncells;
    for (size_t i = 0; i < st->ncols; i++) {
        int rc = yk_ctx_watch_column(ctx, i);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The JSON type of a cell: strings are quoted, null and missing values empty, nested values
 * start with a bracket (json.nested_value reports those). */
static int cell_type(const struct yk_cell *c)
{
    if (c->quoted)
        return T_STRING;
    if (c->len == 0 || c->data[0] == '[' || c->data[0] == '{')
        return -1;
    if ((c->len == 4 && memcmp(c->data, "true", 4) == 0) ||
        (c->len == 5 && memcmp(c->data, "false", 5) == 0))
        return T_BOOLEAN;
    return T_NUMBER;
}

static int mixed_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    struct mixed_state *st = yk_ctx_state(ctx);
    int type = cell_type(&row->cells[col]);
    if (type < 0 || col >= st->ncols)
        return 0;
    struct yk_loc loc = {
        .row = row->number, .field = (uint32_t)(col + 1), .line = row->line, .offset = row->offset};
    yk_json_tally_add(&st->cols[col][type], &loc);
    return 0;
}

static int mixed_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct mixed_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct yk_json_tally *t = st->cols[i];
        int kinds = 0, rare = -1;
        for (int k = 0; k < T_COUNT; k++) {
            if (!t[k].count)
                continue;
            kinds++;
            if (rare < 0 || t[k].count < t[rare].count)
                rare = k;
        }
        if (kinds < 2)
            continue;
        const char *name = yk_json_label(ctx, i);
        /* The finding points at the first value of the rarest type: most likely the odd one. */
        if (yk_emit(ctx, &t[rare].first,
                    "стовпець «%.*s» має значення різних типів: чисел — %" PRIu64
                    ", рядків — %" PRIu64 ", логічних — %" PRIu64,
                    "column '%.*s' mixes value types: numbers %" PRIu64 ", strings %" PRIu64
                    ", booleans %" PRIu64,
                    yk_json_name_len(name), name, t[T_NUMBER].count, t[T_STRING].count,
                    t[T_BOOLEAN].count) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

const struct yk_rule yk_rule_json_mixed_types = {
    .id = "json.mixed_types",
    .title_uk = "Різні типи значень у стовпці",
    .title_en = "Mixed value types in a column",
    .rationale =
        "Each column of a dataset has one data type in its structure description. In "
        "JSON the type is visible: 50 and \"50\" differ, and so do true and \"так\". A "
        "column that holds numbers in some records and strings in others breaks typed "
        "imports and sums, and often hides units or comments typed into a numeric field "
        "(\"50 місць\"). The finding counts each type and points at the first value of the "
        "rarest one. Null values are not counted.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): опис структури — "
              "тип даних (datatype) для кожного стовпця",
    .frictionless = NULL,
    .example = "[{\"місткість\": 50}, {\"місткість\": \"120 осіб\"}]",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct mixed_state),
    .on_header = mixed_header,
    .on_cell = mixed_cell,
    .on_finish = mixed_finish,
};

/* --- json.nested_value ------------------------------------------------------------------- */

static int nested_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (!yk_json_tallies_event(ctx, ev, YK_EV_JSON_NESTED))
        return 0;
    /* A cell beyond the header (array-of-rows layout) has no column to count against. */
    const char *uk, *en;
    yk_json_type_names(ev->detail, &uk, &en);
    return yk_emit(ctx, &ev->loc, "вкладене значення (%s%.0s) замість простого",
                   "a nested value (%.0s%s) instead of a plain one", uk, en);
}

static int nested_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct yk_json_tallies *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < st->ncols; i++) {
        const struct yk_json_tally *t = &st->cols[i];
        const char *name = yk_json_label(ctx, i);
        if (t->count &&
            yk_emit(ctx, &t->first,
                    "стовпець «%.*s» містить вкладений масив чи об'єкт замість простого значення "
                    "в записах: %" PRIu64 " (уперше в рядку %" PRIu64 ")",
                    "column '%.*s' holds a nested array or object instead of a plain value in "
                    "records: %" PRIu64 " (first at row %" PRIu64 ")",
                    yk_json_name_len(name), name, t->count, t->first.row) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

const struct yk_rule yk_rule_json_nested_value = {
    .id = "json.nested_value",
    .title_uk = "Вкладений масив замість значення",
    .title_en = "Nested value where a scalar is expected",
    .rationale = "A dataset's cells hold single values: the structure description gives each "
                 "column a scalar type (string, number, date). yakist flattens nested objects into "
                 "dotted columns (`адреса.вулиця`), but an array inside a record — several phones, "
                 "a list of services — has no place in a table: CSV exports and portals show it as "
                 "raw text. It is kept as compact JSON in its cell and counted per column; put "
                 "the items into separate columns or a related table.",
    .source = "Мінцифри, методичні рекомендації щодо наборів даних (2019): одна сутність на "
              "запис, значення стовпця відповідає його типу даних",
    .frictionless = NULL,
    .example = "[{\"назва\": \"Укриття №1\", \"телефони\": [\"+380355221234\", "
               "\"+380355225678\"]}]",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_json_tallies),
    .on_header = yk_json_tallies_header,
    .on_event = nested_event,
    .on_finish = nested_finish,
};
