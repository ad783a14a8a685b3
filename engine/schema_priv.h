/* yakist — private to the schema readers: the builder the JSON and CSV readers fill field by
 * field, which then checks, completes and freezes the schema (yk_sb_finish). Quirks go through
 * yk_sb_warn, so every one of them ends up in the schema's warning list. */
#ifndef YK_ENGINE_SCHEMA_PRIV_H
#define YK_ENGINE_SCHEMA_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/schema.h>

struct yk_sb {
    struct yk_arena *arena;
    const char *name; /* the document, for messages */
    struct yk_error *err;
    enum yk_schema_form form;
    struct yk_schema_field *fields;
    size_t nfields, cap;
    struct yk_schema_warning *warnings;
    size_t nwarnings, wcap;
    const char **pk; /* primary key names as written */
    size_t npk;
    const char *pk_path;
    enum yk_fields_match fields_match;
    struct yk_strings missing;
    bool has_missing;
    bool *has_field_missing; /* per field: its own missing values were declared */
    bool *has_field_bools;   /* per field: trueValues or falseValues were declared */
    /* foreignKeys as declared, in the arena */
    struct yk_schema_foreign_key *fks;
    size_t nfks;
};

void yk_sb_init(struct yk_sb *b, struct yk_arena *arena, const char *name, struct yk_error *err);

/* Record a tolerated quirk or an ignored part of the document. A code seen before only adds to
 * the count of the first one. Two printf formats over the same arguments: Ukrainian, English.
 * Returns 0 or YK_ENOMEM. */
int yk_sb_warn(struct yk_sb *b, const char *code, const char *path, uint64_t line,
               const char *fmt_uk, const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 7)))
#endif
    ;

/* A schema error naming the document and the key path: fills err and returns code. */
int yk_sb_fail(struct yk_sb *b, int code, const char *path, uint64_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A new field at the end, with the defaults; NULL when out of memory or over the limit (err is
 * set). path (copied) is where it sits in the document. */
struct yk_schema_field *yk_sb_field(struct yk_sb *b, const char *path);

/* Set the field's name from the document: stray whitespace is removed and reported. */
int yk_sb_name(struct yk_sb *b, struct yk_schema_field *f, const char *raw, const char *path,
               uint64_t line);

/* Set the field's type from a Frictionless or CSVW type name; misspellings and names of the
 * other vocabulary are reported, unknown names leave the field unchecked (reported). */
int yk_sb_type(struct yk_sb *b, struct yk_schema_field *f, const char *type_name, const char *path,
               uint64_t line);

/* Declare the field's own missing values / true and false values (copied into the arena). */
void yk_sb_field_missing(struct yk_sb *b, struct yk_schema_field *f, struct yk_strings values);
void yk_sb_field_bools(struct yk_sb *b, struct yk_schema_field *f, struct yk_strings truev,
                       struct yk_strings falsev);

/* Check and complete the schema (defaults, primary key, bounds, patterns, formats, enums) and
 * hand it out. Returns 0, YK_EINVAL naming the key, or YK_ENOMEM. */
int yk_sb_finish(struct yk_sb *b, const struct yk_schema **out);

/* Copy a string list into the arena (NULL on ENOMEM). */
const char *const *yk_sb_strings(struct yk_sb *b, const char *const *v, size_t n);

/* The readers of the two document kinds. text is NUL-terminated (len excludes the NUL). */
int yk_schema_read_json(struct yk_sb *b, const char *text, size_t len);
int yk_schema_read_csv(struct yk_sb *b, const char *text, size_t len);

/* Does the name mix Latin and Cyrillic letters? (a homoglyph waiting to break a match) */
bool yk_schema_mixed_script(const char *s);

/* Fold one UTF-8 character of s[0..n) to lower case (ASCII, Latin-1 letters, Cyrillic):
 * writes the folded code point and returns the bytes consumed (1 for a byte that is not UTF-8). */
size_t yk_schema_fold(const char *s, size_t n, uint32_t *cp);

#endif
