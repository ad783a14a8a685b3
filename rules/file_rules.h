/* yakist — the `file` rule family, private: the descriptors the sub-files define (file.c lists
 * them in the family table) and the small text and row helpers they share. */
#ifndef YK_RULES_FILE_RULES_H
#define YK_RULES_FILE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/rule.h>
#include <yakist/table.h>

/* file_source.c: facts about the file as a whole, decided when it has been read. */
extern const struct yk_rule yk_rule_file_empty;
extern const struct yk_rule yk_rule_file_header_only;
extern const struct yk_rule yk_rule_file_bom;
extern const struct yk_rule yk_rule_file_delimiter;
extern const struct yk_rule yk_rule_file_mixed_line_endings;

/* file_events.c: what the loader observed while parsing. */
extern const struct yk_rule yk_rule_file_invalid_utf8;
extern const struct yk_rule yk_rule_file_unclosed_quote;
extern const struct yk_rule yk_rule_file_stray_quote;
extern const struct yk_rule yk_rule_file_limit_reached;

/* file_header.c: the header row and what surrounds it. */
extern const struct yk_rule yk_rule_file_title_row;
extern const struct yk_rule yk_rule_file_blank_label;
extern const struct yk_rule yk_rule_file_duplicate_label;
extern const struct yk_rule yk_rule_file_numbering_row;

/* file_rows.c: the shape and cells of data rows. */
extern const struct yk_rule yk_rule_file_blank_row;
extern const struct yk_rule yk_rule_file_missing_cell;
extern const struct yk_rule yk_rule_file_extra_cell;
extern const struct yk_rule yk_rule_file_cell_whitespace;
extern const struct yk_rule yk_rule_file_empty_column;

/* Characters of a cell value a message may quote; longer values are cut with "…". */
#define YK_FILE_SNIPPET_CHARS 40
#define YK_FILE_SNIPPET_SIZE (YK_FILE_SNIPPET_CHARS * 4 + 4)

/* Copy at most YK_FILE_SNIPPET_CHARS characters of s into buf (YK_FILE_SNIPPET_SIZE bytes) for a
 * one-line message: control characters become spaces, invalid UTF-8 bytes become '?'.
 * Returns buf. */
char *yk_file_snippet(char *buf, const char *s, size_t len);

/* Byte length of the whitespace character (ASCII or Unicode White_Space, or U+FEFF) that starts
 * s[0..n), or that ends it; 0 when there is none. */
size_t yk_file_space_prefix(const char *s, size_t n);
size_t yk_file_space_suffix(const char *s, size_t n);

/* s[0..n) without leading and trailing whitespace: *start and the returned length. */
size_t yk_file_trim(const char *s, size_t n, size_t *start);

/* Does the row hold anything but whitespace: a delimiter that is not itself whitespace (so a
 * second cell), a quoted cell or a cell with a non-whitespace character? */
bool yk_file_row_has_content(const struct yk_rule_ctx *ctx, const struct yk_row *row);

/* A data row: not a preamble row before the header. */
static inline bool yk_file_is_data(const struct yk_row *row)
{
    return !(row->flags & YK_ROW_PREAMBLE);
}

/* A data row that is neither blank nor empty. */
static inline bool yk_file_is_filled(const struct yk_row *row)
{
    return yk_file_is_data(row) && !(row->flags & YK_ROW_BLANK) && row->ncells > 0;
}

/* The number of cells a row should have: the header's, or without a header (or with an empty
 * line for one) the first filled data row's. *width caches it (0 = not known yet); row may be NULL.
 * Returns 0 while unknown. */
size_t yk_file_width(struct yk_rule_ctx *ctx, size_t *width, const struct yk_row *row);

/* Is the row 1, 2, 3 … N with N >= YK_FILE_NUMBERING_MIN (a column-numbering row)? */
#define YK_FILE_NUMBERING_MIN 3
bool yk_file_is_numbering(const struct yk_row *row);

/* A location pointing at a row (field 0 = the whole row). */
struct yk_loc yk_file_row_loc(const struct yk_row *row, size_t field);

/* A location pointing at a header label: Frictionless gives label errors no row number. */
struct yk_loc yk_file_label_loc(const struct yk_row *header, size_t field);

#endif
