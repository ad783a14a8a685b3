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

/* Could whitespace (as yk_file_trim removes it) start or end s[0..n), n > 0? Exact for ASCII and
 * two-byte characters, the usual case; a three-byte character other than a known non-space
 * answers "maybe", and the full trim decides. */
static inline bool yk_content_space_e2(const unsigned char *p)
{
    /* U+2000-U+200A, U+2028, U+2029, U+202F, U+205F */
    return (p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF)) ||
           (p[1] == 0x81 && p[2] == 0x9F);
}

static inline bool yk_content_space_start(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (c == 0xC2)
        return n >= 2 && (s[1] == 0x85 || s[1] == 0xA0);
    if (c == 0xE2)
        return n < 3 || yk_content_space_e2(s);
    return c == 0xE1 || c == 0xE3 || c == 0xEF;
}

static inline bool yk_content_space_end(const unsigned char *s, size_t n)
{
    unsigned char z = s[n - 1];
    if (z < 0x80)
        return z == ' ' || (z >= '\t' && z <= '\r');
    if (n >= 2 && s[n - 2] >= 0xC2 && s[n - 2] <= 0xDF)
        return s[n - 2] == 0xC2 && (z == 0x85 || z == 0xA0);
    if (n >= 3 && s[n - 3] == 0xE2)
        return yk_content_space_e2(s + n - 3);
    return true;
}

/* A cell's value without surrounding whitespace (file.cell_whitespace reports that). */
static inline const char *yk_content_value(const struct yk_cell *cell, size_t *len)
{
    const unsigned char *s = (const unsigned char *)cell->data;
    size_t n = cell->len, start;
    if (n == 0 || (!yk_content_space_start(s, n) && !yk_content_space_end(s, n))) {
        *len = n;
        return cell->data;
    }
    *len = yk_file_trim(cell->data, n, &start);
    return cell->data + start;
}

/* Can the cell's value start with a digit or a sign, after any whitespace? The first byte
 * answers for almost every cell, so rules about numbers and dates leave text cells at once. */
static inline bool yk_content_numeric_start(const struct yk_cell *cell)
{
    if (cell->len == 0)
        return false;
    unsigned char c = (unsigned char)cell->data[0];
    if ((unsigned char)(c - '0') <= 9 || c == '-' || c == '+')
        return true;
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c < 0xC3 || c > 0xDF; /* a two-byte letter cannot; a space or U+2212 may */
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
