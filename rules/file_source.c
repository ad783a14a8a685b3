/* yakist — `file` rules about the file as a whole: empty file, header without data, byte-order
 * mark, delimiter and line endings. They decide in on_finish, when the source facts are final. */
#include <inttypes.h>
#include <string.h>

#include "file_rules.h"

/* State of the rules that must know whether the file holds anything but whitespace. */
struct content_state {
    bool content;
};

static int track_content(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct content_state *st = yk_ctx_state(ctx);
    if (!st->content && yk_file_row_has_content(ctx, row))
        st->content = true;
    return 0;
}

/* --- file.empty ------------------------------------------------------------------------- */

static int empty_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct content_state *st = yk_ctx_state(ctx);
    if (info->bytes == 0)
        return yk_emit(ctx, NULL, "файл порожній: 0 байтів", "the file is empty: 0 bytes");
    if (st->content)
        return 0;
    if (!info->format || strcmp(info->format, "csv") != 0) /* JSON "[]", XML without records */
        return yk_emit(ctx, NULL, "у файлі немає даних: ні заголовків, ні записів",
                       "the file holds no data: no header and no records");
    return yk_emit(
        ctx, NULL,
        "файл порожній: у ньому лише пробіли, порожні рядки або BOM (%" PRIu64 " байтів)",
        "the file is empty: it holds only whitespace, empty lines or a BOM (%" PRIu64 " bytes)",
        info->bytes);
}

const struct yk_rule yk_rule_file_empty = {
    .id = "file.empty",
    .title_uk = "Порожній файл",
    .title_en = "Empty file",
    .rationale = "A file of zero bytes, or of nothing but whitespace, empty lines and a byte-order "
                 "mark (for JSON and XML: without a single record or field name), publishes no "
                 "data at all: a reader either fails to open it as a table or gets a table without "
                 "even a header. The resource link works, so the emptiness is easy to miss in a "
                 "catalog, and the dataset counts as published while it is not.",
    .source = "Frictionless Data: validation task error `source-error` (empty source)",
    .frictionless = "source-error",
    .example = "(a file of 0 bytes)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 10,
    .compliance = true,
    .state_size = sizeof(struct content_state),
    .on_header = track_content,
    .on_row = track_content,
    .on_finish = empty_finish,
};

/* --- file.header_only ------------------------------------------------------------------- */

struct header_only_state {
    uint64_t filled; /* data rows that are not blank */
};

static int header_only_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct header_only_state *st = yk_ctx_state(ctx);
    if (yk_file_is_filled(row))
        st->filled++;
    return 0;
}

static int header_only_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    const struct header_only_state *st = yk_ctx_state(ctx);
    const struct yk_row *header = yk_ctx_header(ctx);
    if (!header || st->filled > 0 || !yk_file_row_has_content(ctx, header))
        return 0;
    struct yk_loc loc = yk_file_label_loc(header, 0);
    return yk_emit(ctx, &loc, "у файлі є рядок заголовків, але немає жодного рядка даних",
                   "the file has a header row but no data rows");
}

const struct yk_rule yk_rule_file_header_only = {
    .id = "file.header_only",
    .title_uk = "Лише заголовки, без даних",
    .title_en = "Header row only, no data",
    .rationale = "A table that stops after its header row is structurally valid (Frictionless "
                 "accepts it), but it publishes no records: usually an export went wrong or the "
                 "data were removed and the empty template was uploaded in their place. The "
                 "dataset then looks published in the catalog while users get nothing.",
    .source = "yakist's own check (a dataset file must hold its records); Frictionless treats a "
              "header-only table as valid",
    .frictionless = NULL,
    .example = "id,name\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .compliance = false,
    .state_size = sizeof(struct header_only_state),
    .on_row = header_only_row,
    .on_finish = header_only_finish,
};

/* --- file.bom --------------------------------------------------------------------------- */

static int bom_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct content_state *st = yk_ctx_state(ctx);
    if (!info->bom || !st->content) /* an otherwise empty file is file.empty's finding */
        return 0;
    struct yk_loc loc = {.line = 1, .column = 1, .offset = 0};
    return yk_emit(ctx, &loc,
                   "файл починається з позначки порядку байтів (BOM, EF BB BF); більшість програм "
                   "її пропускають, але деякі читають як частину першої назви стовпця",
                   "the file starts with a byte-order mark (BOM, EF BB BF); most tools skip it, "
                   "but some read it as part of the first column name");
}

const struct yk_rule yk_rule_file_bom = {
    .id = "file.bom",
    .title_uk = "Позначка порядку байтів (BOM) на початку файлу",
    .title_en = "Byte-order mark at the start of the file",
    .rationale = "UTF-8 has no byte order, so a byte-order mark carries no information. "
                 "Spreadsheet programs often write one and rely on it, and most CSV readers skip "
                 "it, but some command-line tools, databases and parsers keep the three bytes as "
                 "part of the first column name, so a lookup of that column by name fails.",
    .source = "The Unicode Standard §2.6 and RFC 3629 §6: a BOM in UTF-8 is neither required nor "
              "recommended; Мінцифри: open data files in UTF-8",
    .frictionless = NULL,
    .example = "\\xEF\\xBB\\xBFid,name\n1,Київ\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct content_state),
    .on_header = track_content,
    .on_row = track_content,
    .on_finish = bom_finish,
};

/* --- file.delimiter --------------------------------------------------------------------- */

struct delimiter_name {
    char c;
    const char *uk, *en;
};

static const struct delimiter_name delimiter_names[] = {
    {';', "«;» (крапка з комою)", "';' (semicolon)"},
    {'\t', "табуляція", "tab"},
    {'|', "«|» (вертикальна риска)", "'|' (vertical bar)"},
};

static int delimiter_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    char d = info->dialect.delimiter;
    if (!info->format || strcmp(info->format, "csv") != 0 || d == ',' || d == '\0' ||
        info->columns < 2) /* a one-column file shows no delimiter at all */
        return 0;
    /* Both formats read the same arguments; "%.0s" consumes the other language's name unprinted. */
    for (size_t i = 0; i < sizeof delimiter_names / sizeof delimiter_names[0]; i++)
        if (delimiter_names[i].c == d)
            return yk_emit(ctx, NULL, "роздільник полів — %s%.0s, а не кома",
                           "the field delimiter is %.0s%s, not a comma", delimiter_names[i].uk,
                           delimiter_names[i].en);
    return yk_emit(ctx, NULL, "роздільник полів — «%c», а не кома",
                   "the field delimiter is '%c', not a comma", d);
}

const struct yk_rule yk_rule_file_delimiter = {
    .id = "file.delimiter",
    .title_uk = "Роздільник полів — не кома",
    .title_en = "Delimiter other than comma",
    .rationale = "CSV means comma-separated: RFC 4180 and the Frictionless CSV dialect default to "
                 "the comma, and a portal, a harvester or a program that assumes it reads a "
                 "semicolon- or tab-separated file as one long column. Semicolons are common in "
                 "Ukrainian exports because spreadsheets use the decimal comma; publish with "
                 "commas and decimal points instead.",
    .source = "RFC 4180 §2; Frictionless Data: CSV Dialect (`delimiter` defaults to \",\")",
    .frictionless = NULL,
    .example = "id;name\n1;Київ\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_finish = delimiter_finish,
};

/* --- file.mixed_line_endings ------------------------------------------------------------ */

/* info->eol_count counts every physical line ending, those inside quoted cells too. A line break
 * inside a cell is data (spreadsheets write LF there even in CRLF files), so the rule counts
 * them from the cells and compares only the line endings that end records. */
struct eol_state {
    uint64_t in_cells[4]; /* by enum yk_line_ending */
};

static void count_cell_eols(const struct yk_cell *cell, uint64_t *n)
{
    const char *s = cell->data, *end = s + cell->len;
    const char *lf = memchr(s, '\n', cell->len), *cr = memchr(s, '\r', cell->len);
    if (!lf && !cr)
        return;
    for (const char *p = lf && (!cr || lf < cr) ? lf : cr; p < end; p++) {
        if (*p == '\n') {
            n[YK_EOL_LF]++;
        } else if (*p == '\r' && p + 1 < end && p[1] == '\n') {
            n[YK_EOL_CRLF]++;
            p++;
        } else if (*p == '\r') {
            n[YK_EOL_CR]++;
        }
    }
}

static int mixed_eol_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct eol_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; i < row->ncells; i++)
        if (row->cells[i].quoted) /* only a quoted cell can hold a line break */
            count_cell_eols(&row->cells[i], st->in_cells);
    return 0;
}

static int mixed_eol_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct eol_state *st = yk_ctx_state(ctx);
    uint64_t n[4] = {0};
    int kinds = 0;
    for (int k = YK_EOL_LF; k <= YK_EOL_CR; k++) {
        uint64_t all = info->eol_count[k], in = st->in_cells[k];
        n[k] = all > in ? all - in : 0; /* a cell cut at a limit lost some of its breaks */
        kinds += n[k] > 0;
    }
    if (kinds < 2)
        return 0;
    return yk_emit(ctx, NULL,
                   "у файлі змішано кінці рядків: LF — %" PRIu64 ", CRLF — %" PRIu64
                   ", CR — %" PRIu64,
                   "the file mixes line endings: LF %" PRIu64 ", CRLF %" PRIu64 ", CR %" PRIu64,
                   n[YK_EOL_LF], n[YK_EOL_CRLF], n[YK_EOL_CR]);
}

const struct yk_rule yk_rule_file_mixed_line_endings = {
    .id = "file.mixed_line_endings",
    .title_uk = "Змішані кінці рядків",
    .title_en = "Mixed line endings",
    .rationale = "A file whose records end partly in LF, partly in CRLF or CR was usually glued "
                 "together from several exports or edited by hand on different systems. Readers "
                 "that split on one kind leave stray carriage returns in the last cell of a row, "
                 "or see one long line, and line numbers stop agreeing between tools. Line breaks "
                 "inside quoted cells are data and do not count.",
    .source = "RFC 4180 §2 (records end with one line break, CRLF)",
    .frictionless = NULL,
    .example = "id,name\r\n1,Київ\n2,Львів\r\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct eol_state),
    .on_header = mixed_eol_row,
    .on_row = mixed_eol_row,
    .on_finish = mixed_eol_finish,
};
