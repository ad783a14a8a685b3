/* yakist — the "columns" array of a profile: column checks declared without C. Each entry is
 * validated completely, every error naming its key ("columns[2].pattern: ..."), and compiled
 * into a rule descriptor of the `profile` family: patterns with JIT, an enum as a hash set,
 * bounds as numbers, messages as templates. rules/declarative.c runs them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "declarative.h"
#include "schema_value.h"

static const char *const check_names[YK_DECL_CHECK_COUNT] = {
    "pattern", "enum", "range", "length", "required", "unique",
};

/* What each check is called in titles: [check][0 uk, 1 en]. */
static const char *const check_titles[YK_DECL_CHECK_COUNT][2] = {
    {"відповідність шаблону", "matches a pattern"},
    {"значення з переліку", "value from a list"},
    {"число в межах", "number in range"},
    {"довжина в межах", "length in range"},
    {"обов’язкове значення", "value required"},
    {"значення не повторюються", "values do not repeat"},
};

static const char *const common_keys[] = {
    "id",    "column", "columnPattern", "check",       "severity",   "message",
    "title", "weight", "dimension",     "description", "compliance",
};

/* The parameters of each check; a parameter of another check is rejected. */
static const char *const check_keys[YK_DECL_CHECK_COUNT][2] = {
    {"pattern", NULL},          {"enum", NULL}, {"min", "max"},
    {"minLength", "maxLength"}, {NULL, NULL},   {NULL, NULL},
};

struct parse {
    const char *file;
    size_t i; /* the entry's index */
    struct yk_arena *arena;
    struct yk_error *err;
};

/* "columns[i].key: message" (key NULL: "columns[i]: message"). Returns YK_EINVAL. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
bad(const struct parse *ps, const char *key, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return yk_error_set(ps->err, YK_EINVAL, ps->file, 0, 0, "columns[%zu]%s%s: %s", ps->i,
                        key ? "." : "", key ? key : "", msg);
}

static int no_memory(const struct parse *ps)
{
    return yk_error_set(ps->err, YK_ENOMEM, ps->file, 0, 0, "out of memory");
}

static bool in_list(const char *const *list, size_t n, const char *key)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] && strcmp(list[k], key) == 0)
            return true;
    return false;
}

/* Unknown keys, and parameters that belong to another check. */
static int check_keys_of(const struct parse *ps, json_t *entry, enum yk_decl_check check)
{
    const char *k;
    json_t *v;
    json_object_foreach(entry, k, v) {
        if (in_list(common_keys, sizeof common_keys / sizeof *common_keys, k) ||
            in_list(check_keys[check], 2, k))
            continue;
        for (size_t c = 0; c < YK_DECL_CHECK_COUNT; c++)
            if (in_list(check_keys[c], 2, k))
                return bad(ps, k, "not a parameter of the %s check", check_names[check]);
        return bad(ps, k,
                   "unknown key (expected id, column or columnPattern, check, its "
                   "parameters, severity, message, title, description, weight, "
                   "dimension, compliance)");
    }
    return 0;
}

static bool lower_snake(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void free_code(void *p)
{
    pcre2_code_free(p);
}

/* Compile a pattern tied to the arena; the error names the key and the offset. */
static int compile(const struct parse *ps, const char *key, json_t *v, uint32_t options,
                   pcre2_code **out)
{
    if (!json_is_string(v) || json_string_length(v) == 0)
        return bad(ps, key, "expected a regular expression (a non-empty string)");
    if (json_string_length(v) > YK_DECL_MAX_PATTERN)
        return bad(ps, key, "longer than %d bytes", YK_DECL_MAX_PATTERN);
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)json_string_value(v), json_string_length(v),
                                   options | PCRE2_UTF, &code, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return bad(ps, key, "does not compile at offset %zu: %s", (size_t)offset,
                   (const char *)msg);
    }
    if (yk_arena_defer(ps->arena, free_code, re) < 0) {
        pcre2_code_free(re);
        return no_memory(ps);
    }
    *out = re;
    return 0;
}

/* --- the parameters of each check -------------------------------------------------------- */

static int parse_enum(const struct parse *ps, json_t *v, struct yk_decl *d)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 0;
    if (n == 0)
        return bad(ps, "enum", "expected a non-empty array of strings");
    if (n > YK_DECL_MAX_VALUES)
        return bad(ps, "enum", "more than %d values", YK_DECL_MAX_VALUES);
    size_t cap = 8;
    while (cap < n * 2)
        cap *= 2;
    const char **values = yk_arena_calloc(ps->arena, n, sizeof *values);
    d->vhash = yk_arena_calloc(ps->arena, cap, sizeof *d->vhash);
    d->vitem = yk_arena_calloc(ps->arena, cap, sizeof *d->vitem);
    if (!values || !d->vhash || !d->vitem)
        return no_memory(ps);
    d->vmask = cap - 1;
    for (size_t k = 0; k < n; k++) {
        json_t *x = json_array_get(v, k);
        char key[32];
        snprintf(key, sizeof key, "enum[%zu]", k);
        if (!json_is_string(x))
            return bad(ps, key, "expected a string");
        if (!(values[k] = yk_arena_strndup(ps->arena, json_string_value(x), json_string_length(x))))
            return no_memory(ps);
        uint64_t h = yk_hash_bytes(values[k], json_string_length(x), 0);
        size_t i = (size_t)h & d->vmask;
        while (d->vitem[i])
            i = (i + 1) & d->vmask;
        d->vhash[i] = h;
        d->vitem[i] = (uint32_t)k + 1;
    }
    d->values = values;
    return 0;
}

static int parse_range(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    json_t *lo = json_object_get(entry, "min"), *hi = json_object_get(entry, "max");
    if (lo && !json_is_number(lo))
        return bad(ps, "min", "expected a number");
    if (hi && !json_is_number(hi))
        return bad(ps, "max", "expected a number");
    if (!lo && !hi)
        return bad(ps, NULL, "the range check needs min, max or both");
    d->has_min = lo != NULL;
    d->has_max = hi != NULL;
    d->min = lo ? json_number_value(lo) : 0;
    d->max = hi ? json_number_value(hi) : 0;
    if (lo && hi && d->min > d->max)
        return bad(ps, "min", "%g is greater than max %g", d->min, d->max);
    return 0;
}

static int parse_length(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    static const char *const keys[2] = {"minLength", "maxLength"};
    int64_t *dst[2] = {&d->min_len, &d->max_len};
    for (size_t k = 0; k < 2; k++) {
        json_t *x = json_object_get(entry, keys[k]);
        *dst[k] = -1;
        if (!x)
            continue;
        if (!json_is_integer(x) || json_integer_value(x) < 0 || json_integer_value(x) > 1000000000)
            return bad(ps, keys[k], "expected an integer from 0 to 1000000000");
        *dst[k] = (int64_t)json_integer_value(x);
    }
    if (d->min_len < 0 && d->max_len < 0)
        return bad(ps, NULL, "the length check needs minLength, maxLength or both");
    if (d->max_len >= 0 && d->min_len > d->max_len)
        return bad(ps, "minLength", "%lld is greater than maxLength %lld", (long long)d->min_len,
                   (long long)d->max_len);
    return 0;
}

static int parse_params(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    switch (d->check) {
    case YK_DECL_PATTERN: {
        json_t *p = json_object_get(entry, "pattern");
        if (!p)
            return bad(ps, NULL, "the pattern check needs a pattern");
        int rc = compile(ps, "pattern", p,
                         PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF, &d->re);
        if (rc == 0)
            d->jit = pcre2_jit_compile(d->re, PCRE2_JIT_COMPLETE) == 0;
        return rc;
    }
    case YK_DECL_ENUM:
        if (!json_object_get(entry, "enum"))
            return bad(ps, NULL, "the enum check needs an enum (the allowed values)");
        return parse_enum(ps, json_object_get(entry, "enum"), d);
    case YK_DECL_RANGE:
        return parse_range(ps, entry, d);
    case YK_DECL_LENGTH:
        return parse_length(ps, entry, d);
    case YK_DECL_REQUIRED:
    case YK_DECL_UNIQUE:
    case YK_DECL_CHECK_COUNT:
        break;
    }
    return 0;
}

/* --- the common keys --------------------------------------------------------------------- */

static int parse_column(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    json_t *name = json_object_get(entry, "column"), *re = json_object_get(entry, "columnPattern");
    if (name && re)
        return bad(ps, "columnPattern", "give either column or columnPattern, not both");
    if (re)
        return compile(ps, "columnPattern", re, PCRE2_MATCH_INVALID_UTF, &d->column_re);
    if (!name)
        return bad(ps, NULL, "the column to check is missing (column or columnPattern)");
    if (!json_is_string(name) || json_string_length(name) == 0)
        return bad(ps, "column", "expected the column's name (a non-empty string)");
    if (!(d->column = yk_arena_strdup(ps->arena, json_string_value(name))))
        return no_memory(ps);
    return 0;
}

/* {value} and {column} are the only placeholders; a typo such as {valeu} is an error. */
static int check_template(const struct parse *ps, const char *key, const char *s)
{
    if (strlen(s) > YK_DECL_MAX_MESSAGE)
        return bad(ps, key, "longer than %d bytes", YK_DECL_MAX_MESSAGE);
    for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
        if (n == 0 || p[1 + n] != '}')
            continue;
        if (!(n == 5 && strncmp(p + 1, "value", 5) == 0) &&
            !(n == 6 && strncmp(p + 1, "column", 6) == 0))
            return bad(ps, key, "unknown placeholder {%.*s} (expected {value} or {column})", (int)n,
                       p + 1);
    }
    return 0;
}

/* {"uk": ..., "en": ...}, both required; out[0] uk, out[1] en. */
static int parse_pair(const struct parse *ps, const char *name, json_t *v, bool template,
                      const char *out[2])
{
    static const char *const langs[2] = {"uk", "en"};
    char key[48];
    if (!json_is_object(v))
        return bad(ps, name, "expected an object with uk and en texts");
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x) {
        if (strcmp(k, "uk") != 0 && strcmp(k, "en") != 0) {
            snprintf(key, sizeof key, "%s.%s", name, k);
            return bad(ps, key, "unknown key (expected uk and en)");
        }
    }
    for (size_t l = 0; l < 2; l++) {
        snprintf(key, sizeof key, "%s.%s", name, langs[l]);
        x = json_object_get(v, langs[l]);
        if (!x || !json_is_string(x) || json_string_length(x) == 0)
            return bad(ps, key, "expected a non-empty string");
        if (template && check_template(ps, key, json_string_value(x)) < 0)
            return YK_EINVAL;
        if (!(out[l] = yk_arena_strdup(ps->arena, json_string_value(x))))
            return no_memory(ps);
    }
    return 0;
}

static int parse_id(const struct parse *ps, json_t *v, const struct yk_decl_set *set,
                    struct yk_decl *d)
{
    if (!v)
        return bad(ps, NULL, "id is missing (it names the rule: profile.ID)");
    const char *id = json_is_string(v) ? json_string_value(v) : "";
    if (!lower_snake(id) || strlen(id) > YK_DECL_MAX_ID)
        return bad(ps, "id",
                   "expected lower_snake letters, digits and _ (at most %d), "
                   "starting with a letter",
                   YK_DECL_MAX_ID);
    for (size_t k = 0; k < set->n; k++)
        if (strcmp(set->decls[k].rule.id + sizeof YK_DECL_FAMILY, id) == 0)
            return bad(ps, "id", "'%s' is already the id of columns[%zu]", id, k);
    if (!(d->rule.id = yk_arena_printf(ps->arena, "%s.%s", YK_DECL_FAMILY, id)))
        return no_memory(ps);
    return 0;
}

static int parse_severity(const struct parse *ps, json_t *v, struct yk_decl *d)
{
    d->rule.severity = YK_SEV_ERROR;
    if (v && (!json_is_string(v) || yk_severity_parse(json_string_value(v), &d->rule.severity) < 0))
        return bad(ps, "severity", "expected one of off, info, warning, error");
    return 0;
}

static int parse_scoring(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    json_t *w = json_object_get(entry, "weight"), *dim = json_object_get(entry, "dimension"),
           *c = json_object_get(entry, "compliance");
    d->rule.weight = 1;
    d->rule.dimension = YK_DIM_CONTENT;
    if (w && (!json_is_integer(w) || json_integer_value(w) < 0 || json_integer_value(w) > 1000))
        return bad(ps, "weight", "expected an integer from 0 to 1000");
    if (w)
        d->rule.weight = (unsigned)json_integer_value(w);
    if (c && !json_is_boolean(c))
        return bad(ps, "compliance", "expected true or false");
    d->rule.compliance = c && json_is_true(c);
    if (!dim)
        return 0;
    for (int k = 0; k < YK_DIM_COUNT; k++) {
        if (json_is_string(dim) && strcmp(json_string_value(dim), yk_dimension_name(k)) == 0) {
            d->rule.dimension = (enum yk_dimension)k;
            return 0;
        }
    }
    return bad(ps, "dimension",
               "expected one of coverage, metadata, timeliness, openness, "
               "structure, content");
}

/* --- the descriptor ---------------------------------------------------------------------- */

/* What the rule demands, as an English clause for its rationale. */
static const char *demand(struct yk_arena *arena, const struct yk_decl *d, json_t *entry)
{
    switch (d->check) {
    case YK_DECL_PATTERN:
        return yk_arena_printf(arena,
                               "every value must match the pattern %s (PCRE2, the whole "
                               "value)",
                               json_string_value(json_object_get(entry, "pattern")));
    case YK_DECL_ENUM:
        return yk_arena_printf(arena, "every value must be one of %zu listed values, exactly",
                               json_array_size(json_object_get(entry, "enum")));
    case YK_DECL_RANGE:
        return yk_arena_printf(arena, "every value must be a number%s%.15g%s%.15g",
                               d->has_min ? " from " : "", d->has_min ? d->min : 0.0,
                               d->has_max ? " up to " : "", d->has_max ? d->max : 0.0);
    case YK_DECL_LENGTH:
        return yk_arena_printf(
            arena, "every value must have%s%lld%s%lld characters",
            d->min_len >= 0 ? " at least " : "", (long long)(d->min_len >= 0 ? d->min_len : 0),
            d->max_len >= 0 ? " and at most " : "", (long long)(d->max_len >= 0 ? d->max_len : 0));
    case YK_DECL_REQUIRED:
        return "every row must have a value that is not blank";
    case YK_DECL_UNIQUE:
        return "no value may appear twice";
    case YK_DECL_CHECK_COUNT:
        break;
    }
    return "";
}

/* The default messages of a check; a "message" replaces every variant. */
static int default_messages(const struct parse *ps, struct yk_decl *d)
{
    struct yk_arena *a = ps->arena;
    const char *(*m)[2] = d->msg;
    static const char *const plain[YK_DECL_CHECK_COUNT][2] = {
        {"стовпець «{column}»: «{value}» не відповідає шаблону",
         "column \"{column}\": \"{value}\" does not match the pattern"},
        {"стовпець «{column}»: «{value}» немає серед дозволених значень",
         "column \"{column}\": \"{value}\" is not one of the allowed values"},
        {"стовпець «{column}»: «{value}» не є числом",
         "column \"{column}\": \"{value}\" is not a number"},
        {"стовпець «{column}»: «{value}» має неприпустиму довжину",
         "column \"{column}\": \"{value}\" has a length out of range"},
        {"стовпець «{column}»: немає значення", "column \"{column}\": the value is missing"},
        {"стовпець «{column}»: «{value}» повторюється", "column \"{column}\": \"{value}\" repeats"},
    };
    for (int f = 0; f < YK_DECL_FAIL_COUNT; f++) {
        m[f][0] = plain[d->check][0];
        m[f][1] = plain[d->check][1];
    }
    if (d->check == YK_DECL_RANGE) {
        m[YK_DECL_LOW][0] =
            yk_arena_printf(a, "стовпець «{column}»: {value} менше за %.15g", d->min);
        m[YK_DECL_LOW][1] =
            yk_arena_printf(a, "column \"{column}\": {value} is below %.15g", d->min);
        m[YK_DECL_HIGH][0] =
            yk_arena_printf(a, "стовпець «{column}»: {value} більше за %.15g", d->max);
        m[YK_DECL_HIGH][1] =
            yk_arena_printf(a, "column \"{column}\": {value} is above %.15g", d->max);
    } else if (d->check == YK_DECL_LENGTH) {
        long long lo = (long long)d->min_len, hi = (long long)d->max_len;
        m[YK_DECL_LOW][0] =
            yk_arena_printf(a, "стовпець «{column}»: «{value}» коротше за %lld символів", lo);
        m[YK_DECL_LOW][1] = yk_arena_printf(
            a, "column \"{column}\": \"{value}\" is shorter than %lld characters", lo);
        m[YK_DECL_HIGH][0] =
            yk_arena_printf(a, "стовпець «{column}»: «{value}» довше за %lld символів", hi);
        m[YK_DECL_HIGH][1] = yk_arena_printf(
            a, "column \"{column}\": \"{value}\" is longer than %lld characters", hi);
    }
    for (int f = 0; f < YK_DECL_FAIL_COUNT; f++)
        if (!m[f][0] || !m[f][1])
            return no_memory(ps);
    return 0;
}

static int describe(const struct parse *ps, json_t *entry, struct yk_decl *d)
{
    struct yk_rule *r = &d->rule;
    json_t *title = json_object_get(entry, "title"), *msg = json_object_get(entry, "message"),
           *desc = json_object_get(entry, "description");
    int rc = default_messages(ps, d);
    const char *pair[2];
    if (rc == 0 && msg && (rc = parse_pair(ps, "message", msg, true, pair)) == 0) {
        for (int f = 0; f < YK_DECL_FAIL_COUNT; f++) {
            d->msg[f][0] = pair[0];
            d->msg[f][1] = pair[1];
        }
    }
    if (rc < 0)
        return rc;
    if (desc && !json_is_string(desc))
        return bad(ps, "description", "expected a string");
    const char *col =
        d->column ? d->column : json_string_value(json_object_get(entry, "columnPattern"));
    const char *open = d->column ? "«" : "/", *close = d->column ? "»" : "/";
    if (title && (rc = parse_pair(ps, "title", title, false, pair)) < 0)
        return rc;
    r->title_uk = title ? pair[0]
                        : yk_arena_printf(ps->arena, "%s%s%s: %s", open, col, close,
                                          check_titles[d->check][0]);
    r->title_en = title ? pair[1]
                        : yk_arena_printf(ps->arena, "%s%s%s: %s", d->column ? "\"" : "/", col,
                                          d->column ? "\"" : "/", check_titles[d->check][1]);
    r->rationale = yk_arena_printf(ps->arena, "%s%sDeclared in the profile: in %s %s, %s.",
                                   desc ? json_string_value(desc) : "", desc ? " " : "",
                                   d->column ? "the column" : "every column matching", col,
                                   demand(ps->arena, d, entry));
    r->source = yk_arena_printf(ps->arena, "profile %s, columns[%zu]", ps->file, ps->i);
    if (!r->title_uk || !r->title_en || !r->rationale || !r->source)
        return no_memory(ps);
    return 0;
}

/* One entry into d (zeroed), after the entries before it in set. */
static int parse_entry(const struct parse *ps, json_t *entry, const struct yk_decl_set *set,
                       struct yk_decl *d)
{
    if (!json_is_object(entry))
        return bad(ps, NULL, "expected an object describing one column check");
    int rc = parse_id(ps, json_object_get(entry, "id"), set, d);
    if (rc < 0)
        return rc;
    json_t *check = json_object_get(entry, "check");
    const char *name = json_is_string(check) ? json_string_value(check) : "";
    d->check = YK_DECL_CHECK_COUNT;
    for (size_t c = 0; c < YK_DECL_CHECK_COUNT; c++)
        if (strcmp(name, check_names[c]) == 0)
            d->check = (enum yk_decl_check)c;
    if (d->check == YK_DECL_CHECK_COUNT)
        return bad(ps, "check", "expected one of pattern, enum, range, length, required, unique");
    if ((rc = check_keys_of(ps, entry, d->check)) < 0 || (rc = parse_column(ps, entry, d)) < 0 ||
        (rc = parse_params(ps, entry, d)) < 0 ||
        (rc = parse_severity(ps, json_object_get(entry, "severity"), d)) < 0 ||
        (rc = parse_scoring(ps, entry, d)) < 0 || (rc = describe(ps, entry, d)) < 0)
        return rc;
    d->rule.scope = YK_SCOPE_CELL;
    d->rule.state_size = yk_decl_state_size;
    d->rule.on_header = yk_decl_on_header;
    d->rule.on_cell = yk_decl_on_cell;
    d->rule.teardown = yk_decl_teardown;
    return 0;
}

int yk_decl_parse(json_t *columns, const char *file, struct yk_arena *arena,
                  struct yk_decl_set **out, struct yk_error *err)
{
    if (!json_is_array(columns))
        return yk_error_set(err, YK_EINVAL, file, 0, 0,
                            "columns: expected an array of column checks");
    size_t n = json_array_size(columns);
    if (n > YK_DECL_MAX_RULES)
        return yk_error_set(err, YK_ELIMIT, file, 0, 0, "columns: more than %d column checks",
                            YK_DECL_MAX_RULES);
    struct yk_decl_set *set = yk_arena_calloc(arena, 1, sizeof *set);
    if (!set || !(set->decls = yk_arena_calloc(arena, n ? n : 1, sizeof *set->decls)) ||
        !(set->rules = yk_arena_calloc(arena, n ? n : 1, sizeof *set->rules)))
        return yk_error_set(err, YK_ENOMEM, file, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        struct parse ps = {file, i, arena, err};
        int rc = parse_entry(&ps, json_array_get(columns, i), set, &set->decls[i]);
        if (rc < 0)
            return rc;
        set->rules[i] = &set->decls[i].rule;
        set->n++;
    }
    set->family = (struct yk_family){
        .name = YK_DECL_FAMILY,
        .title_uk = "Перевірки стовпців, оголошені в профілі",
        .title_en = "Column checks declared in the profile",
        .rules = (const struct yk_rule *const *)set->rules,
        .nrules = set->n,
    };
    *out = set;
    return 0;
}
