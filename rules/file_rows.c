/* yakist — `file` rules about data rows: blank rows, rows shorter or longer than the header,
 * whitespace around cell values, and columns that hold no value at all.
 * Preamble rows are not data; blank rows get file.blank_row and nothing else. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "file_rules.h"

/* --- file.blank_row --------------------------------------------------------------------- */

static int blank_row_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    if (!yk_file_is_data(row) || yk_file_is_filled(row))
        return 0;
    struct yk_loc loc = yk_file_row_loc(row, 0);
    return yk_emit(ctx, &loc, "рядок %" PRIu64 " порожній", "row %" PRIu64 " is blank",
                   row->number);
}

const struct yk_rule yk_rule_file_blank_row = {
    .id = "file.blank_row",
    .title_uk = "Порожній рядок",
    .title_en = "Blank row",
    .rationale = "An empty line or a row of empty cells inside a table is a record with no "
                 "data: it inflates row counts, becomes a row of nulls in a database and often "
                 "marks where two tables were pasted into one file. Empty lines at the end of a "
                 "file count too.",
    .source = "Frictionless Data: Table Schema, baseline check `blank-row`",
    .frictionless = "blank-row",
    .example = "id,name\n1,Київ\n,\n2,Львів\n",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_row = blank_row_row,
};

/* --- file.missing_cell and file.extra_cell ---------------------------------------------- */

struct width_state {
    size_t width; /* 0 until known */
};

static int missing_cell_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct width_state *st = yk_ctx_state(ctx);
    if (!yk_file_is_filled(row))
        return 0;
    size_t width = yk_file_width(ctx, &st->width, row);
    for (size_t i = row->ncells; i < width; i++) {
        struct yk_loc loc = yk_file_row_loc(row, i + 1);
        int rc = yk_emit(ctx, &loc,
                         "рядок %" PRIu64 ": немає клітинки для стовпця %zu (у рядку %zu "
                         "клітинок із %zu)",
                         "row %" PRIu64 ": no cell for column %zu (the row has %zu cells of %zu)",
                         row->number, i + 1, row->ncells, width);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_file_missing_cell = {
    .id = "file.missing_cell",
    .title_uk = "Бракує клітинок у рядку",
    .title_en = "Missing cell",
    .rationale = "A row with fewer cells than the header has lost values or delimiters, so "
                 "readers cannot tell which column each remaining value belongs to; usually a "
                 "value with an unquoted line break or delimiter split the row. Each missing "
                 "position is one finding, numbered as in Frictionless.",
    .source = "Frictionless Data: Table Schema, baseline check `missing-cell`; RFC 4180 §2, "
              "rule 4 (each line contains the same number of fields)",
    .frictionless = "missing-cell",
    .example = "id,name,age\n1,Київ\n",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct width_state),
    .on_row = missing_cell_row,
};

static int extra_cell_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct width_state *st = yk_ctx_state(ctx);
    if (!yk_file_is_filled(row))
        return 0;
    size_t width = yk_file_width(ctx, &st->width, row);
    for (size_t i = width; i < row->ncells; i++) {
        char text[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_file_row_loc(row, i + 1);
        int rc = yk_emit(
            ctx, &loc, "рядок %" PRIu64 ": зайва клітинка %zu, а стовпців лише %zu: «%s»",
            "row %" PRIu64 ": extra cell %zu, but there are only %zu columns: \"%s\"", row->number,
            i + 1, width, yk_file_snippet(text, row->cells[i].data, row->cells[i].len));
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_file_extra_cell = {
    .id = "file.extra_cell",
    .title_uk = "Зайві клітинки в рядку",
    .title_en = "Extra cell",
    .rationale = "A row with more cells than the header has values no column describes; usually "
                 "a value containing the delimiter was not quoted (an address with a comma, a "
                 "decimal comma in a comma-separated file), which also shifts the values after "
                 "it into the wrong columns. Each extra position is one finding, numbered as in "
                 "Frictionless.",
    .source = "Frictionless Data: Table Schema, baseline check `extra-cell`; RFC 4180 §2, rule 4 "
              "(each line contains the same number of fields)",
    .frictionless = "extra-cell",
    .example = "id,name\n1,Чортків, вул. Шевченка\n",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct width_state),
    .on_row = extra_cell_row,
};

/* --- file.cell_whitespace --------------------------------------------------------------- */

static int check_whitespace(struct yk_rule_ctx *ctx, const struct yk_cell *cell,
                            const struct yk_loc *loc)
{
    size_t lead = yk_file_space_prefix(cell->data, cell->len);
    size_t trail = yk_file_space_suffix(cell->data, cell->len);
    if (!lead && !trail)
        return 0;
    size_t start, len = yk_file_trim(cell->data, cell->len, &start);
    char text[YK_FILE_SNIPPET_SIZE];
    yk_file_snippet(text, cell->data, cell->len);
    if (len == 0)
        return yk_emit(ctx, loc, "клітинка містить лише пробіли: «%s»",
                       "the cell holds only whitespace: \"%s\"", text);
    if (lead && trail)
        return yk_emit(ctx, loc, "пробіли на початку й у кінці значення: «%s»",
                       "whitespace at the start and the end of the value: \"%s\"", text);
    if (lead)
        return yk_emit(ctx, loc, "пробіли на початку значення: «%s»",
                       "whitespace at the start of the value: \"%s\"", text);
    return yk_emit(ctx, loc, "пробіли в кінці значення: «%s»",
                   "whitespace at the end of the value: \"%s\"", text);
}

static int whitespace_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    for (size_t i = 0; i < header->ncells; i++) {
        struct yk_loc loc = yk_file_label_loc(header, i + 1);
        int rc = check_whitespace(ctx, &header->cells[i], &loc);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int whitespace_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    if (!yk_file_is_filled(row))
        return 0;
    for (size_t i = 0; i < row->ncells; i++) {
        const struct yk_cell *cell = &row->cells[i];
        if (cell->len == 0)
            continue;
        struct yk_loc loc = yk_file_row_loc(row, i + 1);
        int rc = check_whitespace(ctx, cell, &loc);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_file_cell_whitespace = {
    .id = "file.cell_whitespace",
    .title_uk = "Пробіли на початку або в кінці значення",
    .title_en = "Leading or trailing whitespace",
    .rationale = "Spaces, tabs, line breaks and no-break spaces around a value are invisible in "
                 "a spreadsheet but make \"Київ \" differ from \"Київ\": joins, filters, "
                 "deduplication and code lookups fail, and numbers and dates stop parsing. Column "
                 "names are checked too, since a name with a stray space does not match its "
                 "structure description. Each affected cell is one finding.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): values "
              "without extra characters; CSVW (W3C): `trim` of cell values",
    .frictionless = NULL,
    .example = "id,name\n1, Київ \n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_header = whitespace_header,
    .on_row = whitespace_row,
};

/* --- file.empty_column ------------------------------------------------------------------ */

struct empty_column_state {
    size_t width;
    unsigned char *has_value; /* per column, allocated when the width is known */
    size_t remaining;         /* columns still without a value */
    uint64_t rows;            /* filled data rows, a numbering row excluded */
    bool first_seen;
};

/* A value: anything but empty, whitespace and the Ministry's missing-value mark `null`. */
static bool is_value(const struct yk_cell *cell)
{
    size_t start, len = yk_file_trim(cell->data, cell->len, &start);
    if (len == 0)
        return false;
    if (len != 4)
        return true;
    const char *s = cell->data + start;
    const char *null = "null";
    for (size_t i = 0; i < 4; i++)
        if ((s[i] | 0x20) != null[i])
            return true;
    return false;
}

static int empty_column_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct empty_column_state *st = yk_ctx_state(ctx);
    if (!yk_file_is_filled(row))
        return 0;
    if (!st->first_seen) {
        st->first_seen = true;
        if (yk_file_is_numbering(row)) /* file.numbering_row's; its numbers are no values */
            return 0;
    }
    st->rows++;
    if (!st->has_value) {
        size_t width = yk_file_width(ctx, &st->width, row);
        if (width == 0)
            return 0;
        st->has_value = yk_arena_calloc(yk_ctx_arena(ctx), width, 1);
        if (!st->has_value)
            return YK_ENOMEM;
        st->remaining = width;
    }
    size_t n = row->ncells < st->width ? row->ncells : st->width;
    for (size_t i = 0; st->remaining > 0 && i < n; i++) {
        if (!st->has_value[i] && is_value(&row->cells[i])) {
            st->has_value[i] = 1;
            st->remaining--;
        }
    }
    return 0;
}

static int empty_column_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct empty_column_state *st = yk_ctx_state(ctx);
    const struct yk_row *header = yk_ctx_header(ctx);
    if (st->rows == 0 || !st->has_value || st->remaining == 0)
        return 0; /* no data rows is file.header_only's finding */
    for (size_t i = 0; i < st->width; i++) {
        if (st->has_value[i])
            continue;
        struct yk_loc loc = {.field = (uint32_t)(i + 1), .offset = YK_NO_OFFSET};
        size_t start = 0, len = 0;
        if (header) {
            loc = yk_file_label_loc(header, i + 1);
            if (i < header->ncells)
                len = yk_file_trim(header->cells[i].data, header->cells[i].len, &start);
        }
        char text[YK_FILE_SNIPPET_SIZE];
        int rc;
        if (len > 0)
            rc = yk_emit(
                ctx, &loc,
                "стовпець %zu «%s» порожній: у жодному з %" PRIu64 " рядків даних немає значення",
                "column %zu \"%s\" is empty: none of the %" PRIu64 " data rows has a value", i + 1,
                yk_file_snippet(text, header->cells[i].data + start, len), st->rows);
        else
            rc = yk_emit(ctx, &loc,
                         "стовпець %zu порожній: у жодному з %" PRIu64
                         " рядків даних немає значення",
                         "column %zu is empty: none of the %" PRIu64 " data rows has a value",
                         i + 1, st->rows);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_file_empty_column = {
    .id = "file.empty_column",
    .title_uk = "Порожній стовпець",
    .title_en = "Empty column",
    .rationale = "A column that has a header but no value in any data row (only empty cells, "
                 "whitespace or `null`) carries no information: it is a spacer column left from "
                 "a spreadsheet, a field the publisher never fills, or values that were lost in "
                 "export. Either fill it or drop it and say so in the structure description.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "missing values as `null`, a table without empty spacer columns",
    .frictionless = NULL,
    .example = "id,name,note\n1,Київ,\n2,Львів,null\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct empty_column_state),
    .on_row = empty_column_row,
    .on_finish = empty_column_finish,
};
