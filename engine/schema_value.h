/* yakist — private: typed cell values for the schema checks. A parser is compiled once from a
 * field (type, format, decimal and group characters, true and false values) and then turns a
 * cell into a comparable value with no allocation; the loader uses the same parsers to check
 * the bounds and enum values a schema declares. */
#ifndef YK_ENGINE_SCHEMA_VALUE_H
#define YK_ENGINE_SCHEMA_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/schema.h>

/* A parsed cell. Which member is meaningful depends on the type: d for numbers; i for the
 * rest (integer; days since 1970-01-01 for dates; milliseconds since the epoch (UTC) for
 * date-times; milliseconds of the day for times; the year; year*12+month-1; 0/1 for
 * booleans). Strings, URLs, e-mails and untyped values have no value: their text is compared. */
struct yk_value {
    int64_t i;
    double d;
    bool big; /* an integer beyond int64: i is saturated, compare the text instead */
};

/* One piece of an explicit date/time format: a field to read or literal text to match. */
struct yk_date_token {
    char kind; /* 'Y' 'y' 'm' 'd' 'H' 'M' 'S' 'f' (fraction) 'z' (zone) 'b' (month name), 0 */
    const char *text; /* literal, kind == 0 */
    size_t len;
};

struct yk_parser {
    enum yk_field_type type;
    bool (*parse)(const struct yk_parser *p, const char *s, size_t n, struct yk_value *out);
    /* numbers */
    char decimal_char;
    const char *group; /* NULL: no group separator */
    size_t group_len;
    bool bare;
    /* booleans */
    struct yk_strings true_values, false_values;
    /* date, time, datetime with an explicit format; ntokens == 0: the ISO default */
    const struct yk_date_token *tokens;
    size_t ntokens;
    bool any_format; /* format "any": a few common date spellings are accepted */
    /* what a valid cell looks like, for messages */
    const char *expect_uk, *expect_en;
};

/* Compile the parser of a field. Returns 0; YK_EINVAL when the format cannot be understood
 * (why gets a short English reason); YK_ENOMEM. Memory comes from arena. */
int yk_parser_init(struct yk_parser *p, const struct yk_schema_field *f, struct yk_arena *arena,
                   char *why, size_t why_size);

/* Does the type carry a value that can be ordered (minimum, maximum)? */
bool yk_type_ordered(enum yk_field_type type);

/* Does the type compare by its text (string, url, email, any)? */
bool yk_type_textual(enum yk_field_type type);

/* -1, 0, 1 comparing two values of an ordered type. */
int yk_value_cmp(enum yk_field_type type, const struct yk_value *a, const struct yk_value *b);

/* Characters (UTF-8 code points) in s[0..n). */
size_t yk_utf8_chars(const char *s, size_t n);

/* A 64-bit hash of bytes, and one of a typed value (text used for textual types and big
 * integers). seed distinguishes the columns of a composite key. */
uint64_t yk_hash_bytes(const void *data, size_t n, uint64_t seed);
uint64_t yk_value_hash(enum yk_field_type type, const struct yk_value *v, const char *s, size_t n,
                       uint64_t seed);

/* Days since 1970-01-01 of a proleptic Gregorian date; month 1-12. */
int64_t yk_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
