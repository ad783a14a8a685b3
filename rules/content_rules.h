/* yakist — the `content` rule family, private: the descriptors the sub-files define (content.c
 * lists them in the family table) and the helpers they share for choosing columns by role and
 * for reading and quoting cell values. */
#ifndef YK_RULES_CONTENT_RULES_H
#define YK_RULES_CONTENT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/rule.h>
#include <yakist/table.h>

#include "file_rules.h"
#include "roles.h"
#include "values.h"

/* content_dates.c: ISO 8601 dates and date-times. */
extern const struct yk_rule yk_rule_content_date_format;
extern const struct yk_rule yk_rule_content_date_invalid;
extern const struct yk_rule yk_rule_content_datetime_format;

/* content_numbers.c: decimal and thousands separators, units, coordinates written as numbers. */
extern const struct yk_rule yk_rule_content_decimal_mixed;
extern const struct yk_rule yk_rule_content_thousands_separator;
extern const struct yk_rule yk_rule_content_number_unit;
extern const struct yk_rule yk_rule_content_coordinate_format;

/* content_geo.c: where the coordinates point. */
extern const struct yk_rule yk_rule_content_coordinate_range;
extern const struct yk_rule yk_rule_content_coordinate_swapped;

/* content_codes.c: ЄДРПОУ, КАТОТТГ and postcodes. */
extern const struct yk_rule yk_rule_content_edrpou;
extern const struct yk_rule yk_rule_content_katottg;
extern const struct yk_rule yk_rule_content_postcode;

/* content_contacts.c: phones, e-mail addresses and links. */
extern const struct yk_rule yk_rule_content_phone_format;
extern const struct yk_rule yk_rule_content_email_format;
extern const struct yk_rule yk_rule_content_url_format;

/* content_text.c: missing values, mixed scripts, settlement names. */
extern const struct yk_rule yk_rule_content_null_spelling;
extern const struct yk_rule yk_rule_content_required_missing;
extern const struct yk_rule yk_rule_content_mixed_script;
extern const struct yk_rule yk_rule_content_settlement_type;

/* content_personal.c: personal data of private persons. */
extern const struct yk_rule yk_rule_content_personal_tax_number;
extern const struct yk_rule yk_rule_content_personal_contact;

/* The state every content rule starts with: the roles of the header's columns. */
struct yk_content_state {
    struct yk_roles roles;
};

/* From on_header: assign the columns' roles into *roles and watch every column whose role is in
 * the set `watch` (YK_ROLE_BIT values). Returns 0 or a negative enum yk_err. */
int yk_content_begin(struct yk_rule_ctx *ctx, const struct yk_row *header, struct yk_roles *roles,
                     unsigned watch);

/* A cell's value without surrounding whitespace (file.cell_whitespace reports that). */
static inline const char *yk_content_value(const struct yk_cell *cell, size_t *len)
{
    size_t start;
    *len = yk_file_trim(cell->data, cell->len, &start);
    return cell->data + start;
}

/* A location pointing at one cell of a data row. */
static inline struct yk_loc yk_content_loc(const struct yk_row *row, size_t column)
{
    return (struct yk_loc){
        .row = row->number,
        .field = (uint32_t)(column + 1),
        .line = row->line,
        .offset = row->offset,
    };
}

/* The column's name for a message (YK_FILE_SNIPPET_SIZE bytes), or its number when the header
 * has no name for it. Returns buf. */
char *yk_content_label(struct yk_rule_ctx *ctx, size_t column, char *buf);

/* Quote a value for a message; a shorthand for yk_file_snippet. */
static inline char *yk_content_quote(char *buf, const char *s, size_t n)
{
    return yk_file_snippet(buf, s, n);
}

#endif
