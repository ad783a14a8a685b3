/* yakist — `file` rules about the header row and what surrounds it: title rows above it, blank
 * and repeated column names, and a row of column numbers under it. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "file_rules.h"

/* --- file.title_row --------------------------------------------------------------------- */

static int title_row_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    if (!(row->flags & YK_ROW_PREAMBLE))
        return 0;
    for (size_t i = 0; i < row->ncells; i++) {
        size_t start, len = yk_file_trim(row->cells[i].data, row->cells[i].len, &start);
        if (len == 0)
            continue;
        char text[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_file_row_loc(row, 0);
        yk_file_snippet(text, row->cells[i].data + start, len);
        return yk_emit(ctx, &loc,
                       "рядок %" PRIu64 " над рядком заголовків схожий на назву таблиці або "
                       "реквізити: «%s»",
                       "row %" PRIu64 " above the header row looks like a title or requisites: "
                       "\"%s\"",
                       row->number, text);
    }
    return 0; /* an empty line above the header is harmless on its own */
}

const struct yk_rule yk_rule_file_title_row = {
    .id = "file.title_row",
    .title_uk = "Рядок назви над заголовками",
    .title_en = "Title row above the header",
    .rationale = "A table copied from a report often keeps the report's title, the publisher's "
                 "requisites or a date line above the real header. Every program that takes the "
                 "first row as the header then gets one column named after the title and shifts "
                 "the real names into the data. The name of a table belongs in the dataset's "
                 "metadata, and the file starts with the header row.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): one table "
              "per file, no title rows or requisites above the header",
    .frictionless = NULL,
    .example = "Перелік закладів освіти станом на 01.01.2024\nid,name\n1,Ліцей № 1\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_row = title_row_row,
};

/* --- file.blank_label ------------------------------------------------------------------- */

struct blank_label_state {
    bool blank_header; /* the header row is empty; said once data rows show it is no empty file */
};

static int blank_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct blank_label_state *st = yk_ctx_state(ctx);
    if (!yk_file_row_has_content(ctx, header)) {
        st->blank_header = true;
        return 0;
    }
    for (size_t i = 0; i < header->ncells; i++) {
        size_t start;
        if (yk_file_trim(header->cells[i].data, header->cells[i].len, &start) > 0)
            continue;
        struct yk_loc loc = yk_file_label_loc(header, i + 1);
        int rc = yk_emit(ctx, &loc, "стовпець %zu не має назви в рядку заголовків",
                         "column %zu has no name in the header row", i + 1);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int blank_label_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct blank_label_state *st = yk_ctx_state(ctx);
    const struct yk_row *header = yk_ctx_header(ctx);
    if (!st->blank_header || !header || !yk_file_is_filled(row) ||
        !yk_file_row_has_content(ctx, row))
        return 0;
    st->blank_header = false;
    struct yk_loc loc = yk_file_label_loc(header, 0);
    return yk_emit(ctx, &loc, "рядок заголовків порожній: жоден стовпець не має назви",
                   "the header row is empty: no column has a name");
}

const struct yk_rule yk_rule_file_blank_label = {
    .id = "file.blank_label",
    .title_uk = "Стовпець без назви",
    .title_en = "Blank column name",
    .rationale = "Every column needs a name: it is how users, the structure description and "
                 "programs refer to it. A blank header cell usually comes from a stray delimiter "
                 "at the end of the header, an empty spacer column or a merged cell in the "
                 "spreadsheet the table was exported from. A header row that is empty as a whole "
                 "(an empty line above the data) is one finding.",
    .source = "Frictionless Data: Table Schema, baseline check `blank-label`",
    .frictionless = "blank-label",
    .example = "id,,name\n1,x,Київ\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct blank_label_state),
    .on_header = blank_label_header,
    .on_row = blank_label_row,
};

/* --- file.duplicate_label --------------------------------------------------------------- */

struct label {
    const char *s;
    size_t len;
    size_t column; /* 0-based */
};

static int cmp_label(const void *a, const void *b)
{
    const struct label *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c != 0)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->column < y->column ? -1 : x->column > y->column;
}

static int duplicate_label_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    size_t n = header->ncells, nl = 0;
    struct yk_arena *arena = yk_ctx_arena(ctx);
    struct label *labels = yk_arena_alloc(arena, (n ? n : 1) * sizeof *labels);
    size_t *first = yk_arena_calloc(arena, n ? n : 1, sizeof *first); /* 1-based, 0 = unique */
    if (!labels || !first)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        size_t start, len = yk_file_trim(header->cells[i].data, header->cells[i].len, &start);
        if (len > 0) /* blank names are file.blank_label's */
            labels[nl++] = (struct label){header->cells[i].data + start, len, i};
    }
    qsort(labels, nl, sizeof *labels, cmp_label);
    for (size_t i = 1; i < nl; i++) {
        const struct label *a = &labels[i - 1], *b = &labels[i];
        if (a->len == b->len && memcmp(a->s, b->s, a->len) == 0)
            first[b->column] = first[a->column] ? first[a->column] : a->column + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!first[i])
            continue;
        char text[YK_FILE_SNIPPET_SIZE];
        size_t start, len = yk_file_trim(header->cells[i].data, header->cells[i].len, &start);
        struct yk_loc loc = yk_file_label_loc(header, i + 1);
        int rc = yk_emit(ctx, &loc, "назва стовпця %zu «%s» повторює назву стовпця %zu",
                         "the name of column %zu \"%s\" repeats the name of column %zu", i + 1,
                         yk_file_snippet(text, header->cells[i].data + start, len), first[i]);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_file_duplicate_label = {
    .id = "file.duplicate_label",
    .title_uk = "Повторювана назва стовпця",
    .title_en = "Duplicate column name",
    .rationale = "Two columns with the same name cannot both be addressed by name: databases "
                 "refuse the table, data frames rename or drop one of them silently, and a schema "
                 "cannot describe them apart. Names are compared after trimming surrounding "
                 "whitespace and are case-sensitive, as in Frictionless.",
    .source = "Frictionless Data: Table Schema, baseline check `duplicate-label`",
    .frictionless = "duplicate-label",
    .example = "id,name,name\n1,Київ,Kyiv\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = true,
    .on_header = duplicate_label_header,
};

/* --- file.numbering_row ----------------------------------------------------------------- */

/* Is the cell, trimmed, the decimal number n without leading zeros? */
static bool cell_is_number(const struct yk_cell *cell, size_t n)
{
    size_t start, len = yk_file_trim(cell->data, cell->len, &start);
    const char *s = cell->data + start;
    if (len == 0 || len > 9 || s[0] == '0')
        return false;
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    return v == n;
}

bool yk_file_is_numbering(const struct yk_row *row)
{
    if (row->ncells < YK_FILE_NUMBERING_MIN)
        return false;
    for (size_t i = 0; i < row->ncells; i++)
        if (!cell_is_number(&row->cells[i], i + 1))
            return false;
    return true;
}

struct numbering_state {
    bool seen; /* the first filled data row has been looked at */
};

static int numbering_row_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct numbering_state *st = yk_ctx_state(ctx);
    if (st->seen || !yk_file_is_filled(row))
        return 0;
    st->seen = true;
    if (!yk_file_is_numbering(row))
        return 0;
    struct yk_loc loc = yk_file_row_loc(row, 0);
    return yk_emit(ctx, &loc, "рядок %" PRIu64 " містить лише номери стовпців 1…%zu, а не дані",
                   "row %" PRIu64 " holds only the column numbers 1…%zu, not data", row->number,
                   row->ncells);
}

const struct yk_rule yk_rule_file_numbering_row = {
    .id = "file.numbering_row",
    .title_uk = "Рядок нумерації стовпців",
    .title_en = "Column-numbering row",
    .rationale = "Tables laid out as paper forms often number their columns 1, 2, 3 … in a row "
                 "under the header. In a data file that row is a record of nonsense: it breaks the "
                 "type of every column (a date column starting with 3), and counts and sums "
                 "include it. Only the first data row is checked, and only when it has at least "
                 "three cells, so a real record such as 1,2 is not taken for numbering.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): no "
              "column-numbering rows in the table",
    .frictionless = NULL,
    .example = "id,name,date\n1,2,3\n1,Київ,2024-01-01\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct numbering_state),
    .on_row = numbering_row_row,
};
