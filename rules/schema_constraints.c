/* yakist — `schema` rules about the constraints of a field: enum, range (minimum, maximum),
 * length and pattern. They look only at values that are present and of their type (the type
 * and required rules report the others), through the per-column plan built from the header;
 * enum values become a hash set and patterns are JIT-compiled, both once per run. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "schema_rules.h"

/* --- schema.enum -------------------------------------------------------------------------- */

/* The allowed values as an open-addressing set of hashes; a hit is confirmed against the
 * value itself, so a hash collision never lets a wrong value through. */
struct enum_set {
    uint64_t *hash;
    uint32_t *item; /* index + 1 into the values; 0: empty slot */
    size_t mask;
    struct yk_value *values; /* typed fields: the parsed values */
    const char *listing;     /* the first values, for messages */
};

static uint64_t enum_hash(const struct yk_sr_col *col, const struct yk_value *v, const char *s,
                          size_t n)
{
    return yk_value_hash(col->parser.type, v, s, n, 0);
}

static bool enum_same(const struct yk_sr_col *col, const struct enum_set *set, size_t k,
                      const struct yk_value *v, const char *s, size_t n)
{
    if (yk_type_textual(col->parser.type)) {
        const char *e = col->f->enum_values.v[k];
        return strncmp(e, s, n) == 0 && e[n] == '\0';
    }
    return yk_value_cmp(col->parser.type, &set->values[k], v) == 0;
}

static const char *enum_listing(struct yk_arena *arena, const struct yk_strings *values)
{
    char buf[200];
    size_t o = 0;
    for (size_t i = 0; i < values->n && o < 120; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? ", " : "", values->v[i]);
    if (o >= 120 && values->n > 1)
        snprintf(buf + (o < sizeof buf - 4 ? o : sizeof buf - 4), 4, "…");
    return yk_arena_strdup(arena, buf);
}

static int enum_prepare(struct yk_rule_ctx *ctx, struct yk_sr_col *col)
{
    struct yk_arena *arena = yk_ctx_arena(ctx);
    const struct yk_strings *ev = &col->f->enum_values;
    struct enum_set *set = yk_arena_calloc(arena, 1, sizeof *set);
    size_t cap = 8;
    while (cap < ev->n * 2)
        cap *= 2;
    if (!set || !(set->hash = yk_arena_calloc(arena, cap, sizeof *set->hash)) ||
        !(set->item = yk_arena_calloc(arena, cap, sizeof *set->item)) ||
        !(set->values = yk_arena_calloc(arena, ev->n ? ev->n : 1, sizeof *set->values)) ||
        !(set->listing = enum_listing(arena, ev)))
        return YK_ENOMEM;
    set->mask = cap - 1;
    for (size_t k = 0; k < ev->n; k++) {
        const char *s = ev->v[k];
        size_t n = strlen(s);
        /* The loader checked that typed enum values parse. */
        col->parser.parse(&col->parser, s, n, &set->values[k]);
        uint64_t h = enum_hash(col, &set->values[k], s, n);
        size_t i = (size_t)h & set->mask;
        while (set->item[i])
            i = (i + 1) & set->mask;
        set->hash[i] = h;
        set->item[i] = (uint32_t)k + 1;
    }
    col->extra = set;
    return 0;
}

static bool want_enum(const struct yk_schema_field *f)
{
    return f->enum_values.n > 0 && f->type != YK_TYPE_ANY;
}

static const struct yk_sr_spec enum_spec = {want_enum, enum_prepare};

static int enum_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                      const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    const struct enum_set *set = col->extra;
    struct yk_value v;
    if (!yk_sr_typed(ctx, col, row, &v))
        return 0;
    uint64_t h = enum_hash(col, &v, c->data, c->len);
    for (size_t i = (size_t)h & set->mask; set->item[i]; i = (i + 1) & set->mask)
        if (set->hash[i] == h && enum_same(col, set, set->item[i] - 1, &v, c->data, c->len))
            return 0;
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    return yk_emit(ctx, &loc, "стовпець «%s»: «%s» немає серед дозволених значень (%s)",
                   "column \"%s\": \"%s\" is not one of the allowed values (%s)", col->label,
                   yk_sr_snippet(text, c->data, c->len), set->listing);
}

YK_SR_PLAN_CALLBACKS(enum, enum_spec, enum_check)

const struct yk_rule yk_rule_schema_enum = {
    .id = "schema.enum",
    .title_uk = "Значення поза переліком дозволених",
    .title_en = "Value outside the allowed list",
    .rationale = "A column with a closed list of values (a status, a kind of act, a currency "
                 "code) is only useful for filtering and counting when every row uses exactly "
                 "one of those spellings. Values are compared as their type: 01 equals 1 in an "
                 "integer column.",
    .source = "Frictionless Data: Table Schema, constraint `enum` (`constraint-error`)",
    .frictionless = "constraint-error",
    .example = "schema: currency enum [UAH, USD, EUR]\ncurrency\nгрн",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = enum_header,
    .on_row = enum_row,
    .on_cell = enum_cell,
};

/* --- schema.range ------------------------------------------------------------------------- */

struct bounds {
    bool has_min, has_max;
    struct yk_value min, max;
};

static int range_prepare(struct yk_rule_ctx *ctx, struct yk_sr_col *col)
{
    struct bounds *b = yk_arena_calloc(yk_ctx_arena(ctx), 1, sizeof *b);
    const struct yk_schema_field *f = col->f;
    if (!b)
        return YK_ENOMEM;
    if (f->minimum)
        b->has_min = col->parser.parse(&col->parser, f->minimum, strlen(f->minimum), &b->min);
    if (f->maximum)
        b->has_max = col->parser.parse(&col->parser, f->maximum, strlen(f->maximum), &b->max);
    col->extra = b;
    return 0;
}

static bool want_range(const struct yk_schema_field *f)
{
    return (f->minimum || f->maximum) && yk_type_ordered(f->type);
}

static const struct yk_sr_spec range_spec = {want_range, range_prepare};

static int range_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                       const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    const struct bounds *b = col->extra;
    const struct yk_schema_field *f = col->f;
    struct yk_value v;
    if (!yk_sr_typed(ctx, col, row, &v))
        return 0;
    enum yk_field_type t = col->parser.type;
    int lo = b->has_min ? yk_value_cmp(t, &v, &b->min) : 1;
    int hi = b->has_max ? yk_value_cmp(t, &v, &b->max) : -1;
    bool below = lo < 0 || (lo == 0 && f->exclusive_minimum);
    bool above = hi > 0 || (hi == 0 && f->exclusive_maximum);
    if (!below && !above)
        return 0;
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    yk_sr_snippet(text, c->data, c->len);
    if (below)
        return yk_emit(ctx, &loc, "стовпець «%s»: %s менше за мінімум %s%s%.0s",
                       "column \"%s\": %s is below the minimum %s%.0s%s", col->label, text,
                       f->minimum, f->exclusive_minimum ? " (не включно)" : "",
                       f->exclusive_minimum ? " (exclusive)" : "");
    return yk_emit(ctx, &loc, "стовпець «%s»: %s більше за максимум %s%s%.0s",
                   "column \"%s\": %s is above the maximum %s%.0s%s", col->label, text, f->maximum,
                   f->exclusive_maximum ? " (не включно)" : "",
                   f->exclusive_maximum ? " (exclusive)" : "");
}

YK_SR_PLAN_CALLBACKS(range, range_spec, range_check)

const struct yk_rule yk_rule_schema_range = {
    .id = "schema.range",
    .title_uk = "Значення поза допустимими межами",
    .title_en = "Value out of range",
    .rationale = "Bounds catch values that read as their type but cannot be true: a negative "
                 "amount, a latitude outside Ukraine, a date before the register existed. They "
                 "apply to numbers, dates, times and years, compared as values.",
    .source = "Frictionless Data: Table Schema, constraints `minimum`, `maximum`, "
              "`exclusiveMinimum`, `exclusiveMaximum` (`constraint-error`)",
    .frictionless = "constraint-error",
    .example = "schema: lat (number, minimum 44, maximum 52.5)\nlat\n30.52",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = range_header,
    .on_row = range_row,
    .on_cell = range_cell,
};

/* --- schema.length ------------------------------------------------------------------------ */

static bool want_length(const struct yk_schema_field *f)
{
    return (f->min_length >= 0 || f->max_length >= 0) && f->type != YK_TYPE_ANY;
}

static const struct yk_sr_spec length_spec = {want_length, NULL};

static int length_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                        const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    const struct yk_schema_field *f = col->f;
    struct yk_value v;
    if (!yk_sr_typed(ctx, col, row, &v))
        return 0;
    /* A character is 1 to 4 bytes: most values are settled by their byte length alone. */
    int64_t bytes = (int64_t)c->len;
    if ((f->min_length < 0 || bytes / 4 >= f->min_length) &&
        (f->max_length < 0 || bytes <= f->max_length))
        return 0;
    int64_t n = (int64_t)yk_utf8_chars(c->data, c->len);
    bool shorter = f->min_length >= 0 && n < f->min_length;
    if (!shorter && !(f->max_length >= 0 && n > f->max_length))
        return 0;
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    yk_sr_snippet(text, c->data, c->len);
    if (shorter)
        return yk_emit(ctx, &loc,
                       "стовпець «%s»: «%s» має %" PRId64 " символів, менше за мінімум %" PRId64,
                       "column \"%s\": \"%s\" has %" PRId64 " characters, fewer than the minimum "
                       "%" PRId64,
                       col->label, text, n, f->min_length);
    return yk_emit(ctx, &loc,
                   "стовпець «%s»: «%s» має %" PRId64 " символів, більше за максимум %" PRId64,
                   "column \"%s\": \"%s\" has %" PRId64 " characters, more than the maximum "
                   "%" PRId64,
                   col->label, text, n, f->max_length);
}

YK_SR_PLAN_CALLBACKS(length, length_spec, length_check)

const struct yk_rule yk_rule_schema_length = {
    .id = "schema.length",
    .title_uk = "Довжина значення поза межами",
    .title_en = "Value length out of range",
    .rationale = "Codes have a fixed length and free text a sensible maximum: a ЄДРПОУ code of "
                 "7 characters lost its leading zero, a name of 3000 characters is a paragraph "
                 "pasted into the wrong column. Length counts characters, not bytes.",
    .source = "Frictionless Data: Table Schema, constraints `minLength`, `maxLength` "
              "(`constraint-error`)",
    .frictionless = "constraint-error",
    .example = "schema: edrpou (string, minLength 8, maxLength 8)\nedrpou\n1234567",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = length_header,
    .on_row = length_row,
    .on_cell = length_cell,
};

/* --- schema.pattern ----------------------------------------------------------------------- */

struct regex {
    pcre2_code *code;
    pcre2_match_data *md;
    bool jit;
};

static void free_code(void *p)
{
    pcre2_code_free(p);
}

static void free_match_data(void *p)
{
    pcre2_match_data_free(p);
}

/* Compiled once per run with JIT; the pattern must match the whole value. */
static int pattern_prepare(struct yk_rule_ctx *ctx, struct yk_sr_col *col)
{
    struct yk_arena *arena = yk_ctx_arena(ctx);
    struct regex *re = yk_arena_calloc(arena, 1, sizeof *re);
    int code;
    PCRE2_SIZE offset;
    if (!re)
        return YK_ENOMEM;
    re->code =
        pcre2_compile((PCRE2_SPTR)col->f->pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
                      &code, &offset, NULL);
    if (!re->code)
        return YK_EINTERNAL; /* the loader compiled it already */
    if (yk_arena_defer(arena, free_code, re->code) < 0)
        return YK_ENOMEM;
    re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!re->md || yk_arena_defer(arena, free_match_data, re->md) < 0)
        return YK_ENOMEM;
    col->extra = re;
    return 0;
}

static bool want_pattern(const struct yk_schema_field *f)
{
    return f->pattern != NULL && f->type != YK_TYPE_ANY;
}

static const struct yk_sr_spec pattern_spec = {want_pattern, pattern_prepare};

static int pattern_check(struct yk_rule_ctx *ctx, const struct yk_sr_col *col,
                         const struct yk_row *row)
{
    const struct yk_cell *c = &row->cells[col->column];
    const struct regex *re = col->extra;
    struct yk_value v;
    if (!yk_sr_typed(ctx, col, row, &v))
        return 0;
    int rc = re->jit ? pcre2_jit_match(re->code, (PCRE2_SPTR)c->data, c->len, 0, 0, re->md, NULL)
                     : pcre2_match(re->code, (PCRE2_SPTR)c->data, c->len, 0, 0, re->md, NULL);
    if (rc != PCRE2_ERROR_NOMATCH)
        return 0; /* a match, or a match limit: not a finding */
    char text[YK_SR_SNIPPET];
    struct yk_loc loc = yk_sr_cell_loc(row, col->column);
    return yk_emit(ctx, &loc, "стовпець «%s»: «%s» не відповідає шаблону %s",
                   "column \"%s\": \"%s\" does not match the pattern %s", col->label,
                   yk_sr_snippet(text, c->data, c->len), col->f->pattern);
}

YK_SR_PLAN_CALLBACKS(pattern, pattern_spec, pattern_check)

const struct yk_rule yk_rule_schema_pattern = {
    .id = "schema.pattern",
    .title_uk = "Значення не відповідає шаблону",
    .title_en = "Value does not match the pattern",
    .rationale = "A pattern pins down the form of a code: КАТОТТГ is UA and 17 digits, a phone "
                 "is +380 and 9 digits, a postcode 5 digits. The regular expression (PCRE2) must "
                 "match the whole value.",
    .source = "Frictionless Data: Table Schema, constraint `pattern` (`constraint-error`)",
    .frictionless = "constraint-error",
    .example = "schema: phone pattern \\+380[0-9]{9}\nphone\n(044) 123-45-67",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_sr_plan_state),
    .on_header = pattern_header,
    .on_row = pattern_row,
    .on_cell = pattern_cell,
};
