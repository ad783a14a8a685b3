/* yakist — the `profile` rule family, private: column checks a profile declares in its
 * "columns" array. engine/profile_columns.c validates and compiles them when the profile is
 * loaded; rules/declarative.c runs them. Each rule's descriptor is the first member of its
 * struct yk_decl, so a callback reaches its compiled check through yk_ctx_rule alone. */
#ifndef YK_RULES_DECLARATIVE_H
#define YK_RULES_DECLARATIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/rule.h>

#define YK_DECL_FAMILY "profile"

/* Input-controlled limits of the "columns" array. */
#define YK_DECL_MAX_RULES 1000
#define YK_DECL_MAX_ID 64         /* bytes of an id, without "profile." */
#define YK_DECL_MAX_PATTERN 4096  /* bytes of a pattern or columnPattern */
#define YK_DECL_MAX_VALUES 100000 /* values of an enum */
#define YK_DECL_MAX_MESSAGE 500   /* bytes of a message template */

enum yk_decl_check {
    YK_DECL_PATTERN = 0,
    YK_DECL_ENUM,
    YK_DECL_RANGE,
    YK_DECL_LENGTH,
    YK_DECL_REQUIRED,
    YK_DECL_UNIQUE,
    YK_DECL_CHECK_COUNT
};

/* Which way a value failed; selects the message. */
enum yk_decl_fail { YK_DECL_FAIL = 0, YK_DECL_LOW, YK_DECL_HIGH, YK_DECL_FAIL_COUNT };

struct yk_decl {
    struct yk_rule rule; /* first: what the registry lists and the engine runs */
    enum yk_decl_check check;
    const char *column;    /* the exact name of the column, or NULL */
    pcre2_code *column_re; /* or the columns whose names this pattern finds */
    pcre2_code *re;        /* pattern: must match the whole value */
    bool jit;
    /* enum: an open-addressing set of the values' hashes, confirmed against the values */
    const char *const *values;
    uint64_t *vhash;
    uint32_t *vitem; /* value index + 1; 0: empty slot */
    size_t vmask;
    /* range (numbers) and length (characters) */
    bool has_min, has_max;
    double min, max;
    int64_t min_len, max_len; /* -1: none */
    /* message templates with {value} and {column}: [fail][0 uk, 1 en] */
    const char *msg[YK_DECL_FAIL_COUNT][2];
};

struct yk_decl_set {
    struct yk_family family; /* "profile": the rules below, in the order of the file */
    const struct yk_rule **rules;
    struct yk_decl *decls;
    size_t n;
};

/* Validate and compile a profile's "columns" array into set, everything in arena (pcre2 code
 * is deferred to it). file names the profile in errors, which also name the key
 * ("columns[2].pattern: ..."). Returns 0 or a negative enum yk_err. */
int yk_decl_parse(json_t *columns, const char *file, struct yk_arena *arena,
                  struct yk_decl_set **out, struct yk_error *err);

/* The callbacks every declared rule shares (rules/declarative.c). */
int yk_decl_on_header(struct yk_rule_ctx *ctx, const struct yk_row *header);
int yk_decl_on_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t column);
void yk_decl_teardown(struct yk_rule_ctx *ctx);

/* Bytes of a declared rule's per-run state. */
extern const size_t yk_decl_state_size;

#endif
