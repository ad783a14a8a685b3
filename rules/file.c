/* yakist — the `file` rule family: encoding, dialect and structure of a delimited file, the
 * Frictionless baseline errors and the Ministry's "one table, no title rows" conventions.
 * The rules live in file_*.c; this file holds the family table and the helpers they share. */
#include <string.h>

#include "families.h"
#include "file_rules.h"

static const struct yk_rule *const file_rules[] = {
    /* the file as a whole */
    &yk_rule_file_empty,
    &yk_rule_file_invalid_utf8,
    &yk_rule_file_bom,
    &yk_rule_file_delimiter,
    &yk_rule_file_mixed_line_endings,
    &yk_rule_file_unclosed_quote,
    &yk_rule_file_stray_quote,
    &yk_rule_file_limit_reached,
    /* the header and what surrounds it */
    &yk_rule_file_title_row,
    &yk_rule_file_blank_label,
    &yk_rule_file_duplicate_label,
    &yk_rule_file_numbering_row,
    &yk_rule_file_header_only,
    /* data rows */
    &yk_rule_file_blank_row,
    &yk_rule_file_missing_cell,
    &yk_rule_file_extra_cell,
    &yk_rule_file_cell_whitespace,
    &yk_rule_file_empty_column,
};

const struct yk_family yk_family_file = {
    .name = "file",
    .title_uk = "Файл: кодування, діалект і структура таблиці",
    .title_en = "File: encoding, dialect and table structure",
    .rules = file_rules,
    .nrules = sizeof file_rules / sizeof file_rules[0],
};

/* --- text helpers ----------------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when the bytes there are not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4;
    else
        return 0;
    if (len > n)
        return 0;
    /* The second byte's range excludes overlong forms, surrogates and code points > U+10FFFF. */
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

char *yk_file_snippet(char *buf, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0, chars = 0;
    while (i < len && chars < YK_FILE_SNIPPET_CHARS) {
        size_t k = utf8_seq(p + i, len - i);
        if (k == 0) {
            buf[o++] = '?';
            i++;
        } else if (k == 1) {
            buf[o++] = (p[i] < 0x20 || p[i] == 0x7F) ? ' ' : (char)p[i];
            i++;
        } else if (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) {
            buf[o++] = ' '; /* a C1 control character */
            i += k;
        } else {
            memcpy(buf + o, p + i, k);
            o += k;
            i += k;
        }
        chars++;
    }
    if (i < len) {
        memcpy(buf + o, "\xE2\x80\xA6", 3); /* … */
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}

/* Unicode White_Space outside ASCII, plus U+FEFF (a BOM pasted into a cell), as UTF-8. */
static const struct {
    char bytes[4];
    unsigned char len;
} unicode_spaces[] = {
    {"\xC2\x85", 2},     {"\xC2\xA0", 2},     {"\xE1\x9A\x80", 3}, {"\xE2\x80\x80", 3},
    {"\xE2\x80\x81", 3}, {"\xE2\x80\x82", 3}, {"\xE2\x80\x83", 3}, {"\xE2\x80\x84", 3},
    {"\xE2\x80\x85", 3}, {"\xE2\x80\x86", 3}, {"\xE2\x80\x87", 3}, {"\xE2\x80\x88", 3},
    {"\xE2\x80\x89", 3}, {"\xE2\x80\x8A", 3}, {"\xE2\x80\xA8", 3}, {"\xE2\x80\xA9", 3},
    {"\xE2\x80\xAF", 3}, {"\xE2\x81\x9F", 3}, {"\xE3\x80\x80", 3}, {"\xEF\xBB\xBF", 3},
};

static bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

size_t yk_file_space_prefix(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return ascii_space(c) ? 1 : 0;
    /* Cells are mostly Cyrillic (lead bytes D0, D1): reject them before the table walk. */
    if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF)
        return 0;
    for (size_t i = 0; i < sizeof unicode_spaces / sizeof unicode_spaces[0]; i++) {
        size_t k = unicode_spaces[i].len;
        if (k <= n && memcmp(s, unicode_spaces[i].bytes, k) == 0)
            return k;
    }
    return 0;
}

size_t yk_file_space_suffix(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if ((unsigned char)s[n - 1] < 0x80)
        return ascii_space((unsigned char)s[n - 1]) ? 1 : 0;
    size_t k = 1; /* step back to the lead byte of the last character */
    while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xC0) == 0x80)
        k++;
    return yk_file_space_prefix(s + n - k, k) == k ? k : 0;
}

size_t yk_file_trim(const char *s, size_t n, size_t *start)
{
    size_t a = 0, k;
    while (a < n && (k = yk_file_space_prefix(s + a, n - a)) > 0)
        a += k;
    while (n > a && (k = yk_file_space_suffix(s + a, n - a)) > 0)
        n -= k;
    *start = a;
    return n - a;
}

/* --- row helpers ------------------------------------------------------------------------ */

bool yk_file_row_has_content(const struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    /* A tab delimiter is whitespace too: "\t\n" is two empty cells, but no content. */
    char d = yk_ctx_source(ctx)->dialect.delimiter;
    if (row->ncells > 1 && !ascii_space((unsigned char)d))
        return true;
    for (size_t i = 0; i < row->ncells; i++) {
        const struct yk_cell *c = &row->cells[i];
        size_t start;
        if (c->quoted || yk_file_trim(c->data, c->len, &start) > 0)
            return true;
    }
    return false;
}

size_t yk_file_width(struct yk_rule_ctx *ctx, size_t *width, const struct yk_row *row)
{
    if (*width)
        return *width;
    const struct yk_row *header = yk_ctx_header(ctx);
    if (header && header->ncells > 0) /* an empty line as the header sets no width */
        *width = header->ncells;
    else if (row && yk_file_is_filled(row))
        *width = row->ncells;
    return *width;
}

struct yk_loc yk_file_row_loc(const struct yk_row *row, size_t field)
{
    return (struct yk_loc){
        .row = row->number,
        .field = (uint32_t)field,
        .line = row->line,
        .offset = row->offset,
    };
}

struct yk_loc yk_file_label_loc(const struct yk_row *header, size_t field)
{
    return (struct yk_loc){
        .field = (uint32_t)field,
        .line = header->line,
        .offset = header->offset,
    };
}
