/* yakist — the schema model: reading a structure file (the readers are schema_json.c and
 * schema_csv.c), the builder they fill, and the checks that turn what was read into a usable,
 * complete schema: defaults, the primary key, bounds, enum values, patterns and date formats. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "schema_priv.h"
#include "schema_value.h"

static const char *const default_missing[] = {"", "null"};
static const char *const default_true[] = {"true", "True", "TRUE", "1"};
static const char *const default_false[] = {"false", "False", "FALSE", "0"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- names ------------------------------------------------------------------------------ */

static const char *const type_names[YK_TYPE_COUNT] = {
    [YK_TYPE_STRING] = "string",   [YK_TYPE_INTEGER] = "integer", [YK_TYPE_NUMBER] = "number",
    [YK_TYPE_BOOLEAN] = "boolean", [YK_TYPE_DATE] = "date",       [YK_TYPE_DATETIME] = "datetime",
    [YK_TYPE_TIME] = "time",       [YK_TYPE_YEAR] = "year",       [YK_TYPE_YEARMONTH] = "yearmonth",
    [YK_TYPE_URL] = "url",         [YK_TYPE_EMAIL] = "email",     [YK_TYPE_ANY] = "any",
};

const char *yk_field_type_name(enum yk_field_type type)
{
    return (unsigned)type < YK_TYPE_COUNT ? type_names[type] : "?";
}

static const char *const match_names[] = {"default", "exact",    "equal",
                                          "subset",  "superset", "partial"};

const char *yk_fields_match_name(enum yk_fields_match mode)
{
    return (unsigned)mode < COUNT(match_names) ? match_names[mode] : "?";
}

int yk_fields_match_parse(const char *text, enum yk_fields_match *out)
{
    for (size_t i = 1; i < COUNT(match_names); i++) {
        if (strcmp(text, match_names[i]) == 0) {
            *out = (enum yk_fields_match)i;
            return 0;
        }
    }
    return YK_EINVAL;
}

/* --- text helpers ----------------------------------------------------------------------- */

size_t yk_schema_fold(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c;
    size_t k;
    if (p[0] < 0x80) {
        c = p[0];
        k = 1;
    } else if ((p[0] & 0xE0) == 0xC0 && n >= 2 && (p[1] & 0xC0) == 0x80) {
        c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        k = 2;
    } else if ((p[0] & 0xF0) == 0xE0 && n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        k = 3;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x410 && c <= 0x42F))
        c += 32;
    else if (c >= 0x400 && c <= 0x40F)
        c += 80;
    else if (c == 0x490)
        c = 0x491;
    *cp = c;
    return k;
}

bool yk_schema_mixed_script(const char *s)
{
    bool latin = false, cyrillic = false;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += yk_schema_fold(s + i, n - i, &c);
        latin = latin || (c >= 'a' && c <= 'z');
        cyrillic = cyrillic || (c >= 0x400 && c <= 0x4FF);
    }
    return latin && cyrillic;
}

static bool equal_folded(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        uint32_t x, y;
        i += yk_schema_fold(a + i, an - i, &x);
        j += yk_schema_fold(b + j, bn - j, &y);
        if (x != y)
            return false;
    }
    return i == an && j == bn;
}

const struct yk_schema_field *yk_schema_field_find(const struct yk_schema *schema, const char *name,
                                                   size_t len, bool ignore_case)
{
    if (!schema)
        return NULL;
    for (size_t i = 0; i < schema->nfields; i++) {
        const struct yk_schema_field *f = &schema->fields[i];
        if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
            return f;
    }
    for (size_t i = 0; ignore_case && i < schema->nfields; i++) {
        const struct yk_schema_field *f = &schema->fields[i];
        if (equal_folded(f->name, strlen(f->name), name, len))
            return f;
    }
    return NULL;
}

const char *yk_schema_field_alias(const struct yk_schema_field *field, const char *name, size_t len,
                                  bool ignore_case)
{
    for (size_t i = 0; i < field->aliases.n; i++) {
        const char *a = field->aliases.v[i];
        size_t n = strlen(a);
        if (n == len && memcmp(a, name, len) == 0)
            return a;
    }
    for (size_t i = 0; ignore_case && i < field->aliases.n; i++) {
        const char *a = field->aliases.v[i];
        if (equal_folded(a, strlen(a), name, len))
            return a;
    }
    return NULL;
}

/* --- the builder ------------------------------------------------------------------------ */

void yk_sb_init(struct yk_sb *b, struct yk_arena *arena, const char *name, struct yk_error *err)
{
    memset(b, 0, sizeof *b);
    b->arena = arena;
    b->name = name;
    b->err = err;
}

int yk_sb_fail(struct yk_sb *b, int code, const char *path, uint64_t line, const char *fmt, ...)
{
    char msg[YK_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (path && path[0])
        return yk_error_set(b->err, (enum yk_err)code, b->name, line, 0, "%s: %s", path, msg);
    return yk_error_set(b->err, (enum yk_err)code, b->name, line, 0, "%s", msg);
}

int yk_sb_warn(struct yk_sb *b, const char *code, const char *path, uint64_t line,
               const char *fmt_uk, const char *fmt_en, ...)
{
    for (size_t i = 0; i < b->nwarnings; i++) {
        if (strcmp(b->warnings[i].code, code) == 0) {
            b->warnings[i].count++;
            return 0;
        }
    }
    if (b->nwarnings == b->wcap) {
        size_t cap = b->wcap ? b->wcap * 2 : 8;
        struct yk_schema_warning *w = yk_arena_alloc(b->arena, cap * sizeof *w);
        if (!w)
            return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
        if (b->nwarnings)
            memcpy(w, b->warnings, b->nwarnings * sizeof *w);
        b->warnings = w;
        b->wcap = cap;
    }
    char uk[512], en[512];
    va_list ap, ap2;
    va_start(ap, fmt_en);
    va_copy(ap2, ap);
    vsnprintf(uk, sizeof uk, fmt_uk, ap);
    vsnprintf(en, sizeof en, fmt_en, ap2);
    va_end(ap2);
    va_end(ap);
    struct yk_schema_warning *w = &b->warnings[b->nwarnings];
    w->code = code;
    w->path = yk_arena_strdup(b->arena, path ? path : "");
    w->line = line;
    w->count = 1;
    w->message_uk = yk_arena_strdup(b->arena, uk);
    w->message_en = yk_arena_strdup(b->arena, en);
    if (!w->path || !w->message_uk || !w->message_en)
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    b->nwarnings++;
    return 0;
}

static int grow(struct yk_sb *b)
{
    size_t cap = b->cap ? b->cap * 2 : 16;
    struct yk_schema_field *f = yk_arena_alloc(b->arena, cap * sizeof *f);
    bool *fm = yk_arena_calloc(b->arena, cap, sizeof *fm);
    bool *fb = yk_arena_calloc(b->arena, cap, sizeof *fb);
    if (!f || !fm || !fb)
        return YK_ENOMEM;
    if (b->nfields) {
        memcpy(f, b->fields, b->nfields * sizeof *f);
        memcpy(fm, b->has_field_missing, b->nfields * sizeof *fm);
        memcpy(fb, b->has_field_bools, b->nfields * sizeof *fb);
    }
    b->fields = f;
    b->has_field_missing = fm;
    b->has_field_bools = fb;
    b->cap = cap;
    return 0;
}

struct yk_schema_field *yk_sb_field(struct yk_sb *b, const char *path)
{
    if (b->nfields >= YK_SCHEMA_MAX_FIELDS) {
        yk_sb_fail(b, YK_ELIMIT, path, 0, "more than %d fields", YK_SCHEMA_MAX_FIELDS);
        return NULL;
    }
    if (b->nfields == b->cap && grow(b) < 0) {
        yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    struct yk_schema_field *f = &b->fields[b->nfields];
    memset(f, 0, sizeof *f);
    f->name = "";
    f->type = YK_TYPE_STRING;
    f->type_name = "string";
    f->min_length = -1;
    f->max_length = -1;
    f->bare_number = true;
    f->index = b->nfields;
    f->path = yk_arena_strdup(b->arena, path);
    if (!f->path) {
        yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    b->nfields++;
    return f;
}

static bool ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whitespace around a name, ASCII or a no-break space (U+00A0), is a copy-paste artefact. */
static size_t space_at(const char *s, size_t n)
{
    if (n >= 1 && ascii_space(s[0]))
        return 1;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    return 0;
}

static size_t space_before(const char *s, size_t n)
{
    if (n >= 1 && ascii_space(s[n - 1]))
        return 1;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
        return 2;
    return 0;
}

/* The name as written, with tabs and line breaks made visible, for a message. */
static const char *visible(struct yk_arena *arena, const char *raw)
{
    size_t n = strlen(raw), o = 0;
    char *s = yk_arena_alloc(arena, 2 * n + 1);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = raw[i];
        if (c == '\t' || c == '\n' || c == '\r') {
            s[o++] = '\\';
            s[o++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        } else {
            s[o++] = c;
        }
    }
    s[o] = '\0';
    return s;
}

int yk_sb_name(struct yk_sb *b, struct yk_schema_field *f, const char *raw, const char *path,
               uint64_t line)
{
    size_t n = strlen(raw), a = 0, k;
    while (a < n && (k = space_at(raw + a, n - a)) > 0)
        a += k;
    while (n > a && (k = space_before(raw + a, n - a)) > 0)
        n -= k;
    if (n == a)
        return yk_sb_fail(b, YK_EINVAL, path, line, "a field without a name");
    f->name = yk_arena_strndup(b->arena, raw + a, n - a);
    if (!f->name)
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    int rc = 0;
    const char *shown;
    if ((a > 0 || n < strlen(raw)) && !(shown = visible(b->arena, raw)))
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    if (a > 0 || n < strlen(raw))
        rc = yk_sb_warn(b, "name-whitespace", path, line,
                        "назва поля «%s» має зайві пробіли або табуляцію навколо; порівнюється "
                        "як «%s»",
                        "the field name \"%s\" has stray spaces or tabs around it; it is matched "
                        "as \"%s\"",
                        shown, f->name);
    if (rc == 0 && yk_schema_mixed_script(f->name))
        rc = yk_sb_warn(b, "name-mixed-script", path, line,
                        "назва поля «%s» змішує латинські й кириличні літери (схожі на вигляд "
                        "літери різні для програм)",
                        "the field name \"%s\" mixes Latin and Cyrillic letters (letters that "
                        "look alike are different to programs)",
                        f->name);
    return rc < 0 ? yk_sb_fail(b, rc, NULL, 0, "out of memory") : 0;
}

/* --- type names ------------------------------------------------------------------------- */

enum { STD_TS = 1, STD_CSVW = 2 };

struct type_name {
    const char *name;
    enum yk_field_type type;
    unsigned std;          /* which vocabularies define it */
    const char *min, *max; /* bounds the CSVW type implies */
};

static const struct type_name type_table[] = {
    {"string", YK_TYPE_STRING, STD_TS | STD_CSVW, NULL, NULL},
    {"integer", YK_TYPE_INTEGER, STD_TS | STD_CSVW, NULL, NULL},
    {"number", YK_TYPE_NUMBER, STD_TS | STD_CSVW, NULL, NULL},
    {"boolean", YK_TYPE_BOOLEAN, STD_TS | STD_CSVW, NULL, NULL},
    {"date", YK_TYPE_DATE, STD_TS | STD_CSVW, NULL, NULL},
    {"time", YK_TYPE_TIME, STD_TS | STD_CSVW, NULL, NULL},
    {"datetime", YK_TYPE_DATETIME, STD_TS | STD_CSVW, NULL, NULL},
    {"year", YK_TYPE_YEAR, STD_TS, NULL, NULL},
    {"yearmonth", YK_TYPE_YEARMONTH, STD_TS, NULL, NULL},
    {"any", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"object", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"array", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"list", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"duration", YK_TYPE_ANY, STD_TS | STD_CSVW, NULL, NULL},
    {"geopoint", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"geojson", YK_TYPE_ANY, STD_TS, NULL, NULL},
    {"decimal", YK_TYPE_NUMBER, STD_CSVW, NULL, NULL},
    {"double", YK_TYPE_NUMBER, STD_CSVW, NULL, NULL},
    {"float", YK_TYPE_NUMBER, STD_CSVW, NULL, NULL},
    {"dateTime", YK_TYPE_DATETIME, STD_CSVW, NULL, NULL},
    {"dateTimeStamp", YK_TYPE_DATETIME, STD_CSVW, NULL, NULL},
    {"gYear", YK_TYPE_YEAR, STD_CSVW, NULL, NULL},
    {"gYearMonth", YK_TYPE_YEARMONTH, STD_CSVW, NULL, NULL},
    {"anyURI", YK_TYPE_URL, STD_CSVW, NULL, NULL},
    {"long", YK_TYPE_INTEGER, STD_CSVW, NULL, NULL},
    {"int", YK_TYPE_INTEGER, STD_CSVW, NULL, NULL},
    {"short", YK_TYPE_INTEGER, STD_CSVW, "-32768", "32767"},
    {"byte", YK_TYPE_INTEGER, STD_CSVW, "-128", "127"},
    {"nonNegativeInteger", YK_TYPE_INTEGER, STD_CSVW, "0", NULL},
    {"positiveInteger", YK_TYPE_INTEGER, STD_CSVW, "1", NULL},
    {"nonPositiveInteger", YK_TYPE_INTEGER, STD_CSVW, NULL, "0"},
    {"negativeInteger", YK_TYPE_INTEGER, STD_CSVW, NULL, "-1"},
    {"unsignedLong", YK_TYPE_INTEGER, STD_CSVW, "0", NULL},
    {"unsignedInt", YK_TYPE_INTEGER, STD_CSVW, "0", "4294967295"},
    {"unsignedShort", YK_TYPE_INTEGER, STD_CSVW, "0", "65535"},
    {"unsignedByte", YK_TYPE_INTEGER, STD_CSVW, "0", "255"},
    {"normalizedString", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"token", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"language", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"Name", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"NMTOKEN", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"xml", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"html", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"json", YK_TYPE_ANY, STD_CSVW, NULL, NULL},
    {"anyAtomicType", YK_TYPE_ANY, STD_CSVW, NULL, NULL},
    {"dayTimeDuration", YK_TYPE_ANY, STD_CSVW, NULL, NULL},
    {"yearMonthDuration", YK_TYPE_ANY, STD_CSVW, NULL, NULL},
    {"hexBinary", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    {"base64Binary", YK_TYPE_STRING, STD_CSVW, NULL, NULL},
    /* Spellings seen in the wild; always reported. */
    {"anyURL", YK_TYPE_URL, 0, NULL, NULL},
    {"url", YK_TYPE_URL, 0, NULL, NULL},
    {"uri", YK_TYPE_URL, 0, NULL, NULL},
    {"email", YK_TYPE_EMAIL, 0, NULL, NULL},
    {"text", YK_TYPE_STRING, 0, NULL, NULL},
    {"int64", YK_TYPE_INTEGER, 0, NULL, NULL},
    {"bool", YK_TYPE_BOOLEAN, 0, NULL, NULL},
};

static const struct type_name *find_type(const char *name, bool ignore_case)
{
    for (size_t i = 0; i < COUNT(type_table); i++) {
        const char *t = type_table[i].name;
        if (ignore_case ? equal_folded(t, strlen(t), name, strlen(name)) : strcmp(t, name) == 0)
            return &type_table[i];
    }
    return NULL;
}

static const char *form_word_en(enum yk_schema_form form)
{
    return form == YK_SCHEMA_FORM_CSVW ? "a CSVW datatype" : "a Table Schema type";
}

static const char *form_word_uk(enum yk_schema_form form)
{
    return form == YK_SCHEMA_FORM_CSVW ? "типом даних CSVW" : "типом Table Schema";
}

int yk_sb_type(struct yk_sb *b, struct yk_schema_field *f, const char *type_name, const char *path,
               uint64_t line)
{
    const struct type_name *t = find_type(type_name, false);
    bool exact = t != NULL;
    if (!t)
        t = find_type(type_name, true);
    f->type_name = yk_arena_strdup(b->arena, type_name);
    if (!f->type_name)
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    int rc = 0;
    if (!t) {
        f->type = YK_TYPE_ANY;
        rc = yk_sb_warn(b, "unknown-type", path, line,
                        "тип «%s» невідомий: значення поля «%s» за типом не перевіряються",
                        "the type \"%s\" is unknown: the values of the field \"%s\" are not "
                        "checked against a type",
                        type_name, f->name);
    } else {
        f->type = t->type;
        if (t->min && !f->minimum)
            f->minimum = t->min;
        if (t->max && !f->maximum)
            f->maximum = t->max;
        unsigned want = b->form == YK_SCHEMA_FORM_CSVW           ? STD_CSVW
                        : b->form == YK_SCHEMA_FORM_TABLE_SCHEMA ? STD_TS
                                                                 : STD_TS | STD_CSVW;
        if (strcmp(type_name, "anyURL") == 0)
            rc = yk_sb_warn(b, "anyurl", path, line,
                            "тип «anyURL» не існує (описка в «anyURI»): прочитано як anyURI",
                            "the type \"anyURL\" does not exist (a misspelling of \"anyURI\"): "
                            "read as anyURI");
        else if (!exact)
            rc = yk_sb_warn(b, "type-case", path, line,
                            "тип «%s» написано з іншими великими/малими літерами: прочитано як "
                            "«%s»",
                            "the type \"%s\" is spelt with different capitals: read as \"%s\"",
                            type_name, t->name);
        else if (!(t->std & want))
            rc = yk_sb_warn(
                b, "type-vocabulary", path, line, "тип «%s» не є %s%.0s: прочитано як %s",
                "the type \"%s\" is not %.0s%s: read as %s", type_name, form_word_uk(b->form),
                form_word_en(b->form), yk_field_type_name(t->type));
        if (t->type == YK_TYPE_ANY && rc == 0)
            rc = yk_sb_warn(b, "unchecked-type", path, line,
                            "значення типу «%s» (поле «%s») yakist не перевіряє",
                            "yakist does not check values of the type \"%s\" (field \"%s\")",
                            type_name, f->name);
    }
    return rc < 0 ? yk_sb_fail(b, rc, NULL, 0, "out of memory") : 0;
}

const char *const *yk_sb_strings(struct yk_sb *b, const char *const *v, size_t n)
{
    const char **out = yk_arena_alloc(b->arena, (n ? n : 1) * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = yk_arena_strdup(b->arena, v[i])))
            return NULL;
    return out;
}

void yk_sb_field_missing(struct yk_sb *b, struct yk_schema_field *f, struct yk_strings values)
{
    f->missing_values = values;
    b->has_field_missing[f->index] = true;
}

void yk_sb_field_bools(struct yk_sb *b, struct yk_schema_field *f, struct yk_strings truev,
                       struct yk_strings falsev)
{
    if (truev.n)
        f->true_values = truev;
    if (falsev.n)
        f->false_values = falsev;
    b->has_field_bools[f->index] = true;
}

/* --- finishing: checks that need the whole field ----------------------------------------- */

static int check_pattern(struct yk_sb *b, const struct yk_schema_field *f)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)f->pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &offset, NULL);
    if (re) {
        pcre2_code_free(re);
        return 0;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    return yk_sb_fail(b, YK_EINVAL, f->path, 0,
                      "the pattern of \"%s\" does not compile at offset %zu: %s", f->name,
                      (size_t)offset, (const char *)msg);
}

/* A bound or an enum value must be a value of the field's type. */
static int check_value(struct yk_sb *b, const struct yk_schema_field *f, const struct yk_parser *p,
                       const char *what, const char *text)
{
    struct yk_value v;
    if (p->parse(p, text, strlen(text), &v))
        return 0;
    return yk_sb_fail(b, YK_EINVAL, f->path, 0, "%s \"%s\" of \"%s\" is not %s", what, text,
                      f->name, p->expect_en);
}

static int check_bounds(struct yk_sb *b, struct yk_schema_field *f, const struct yk_parser *p)
{
    if (!f->minimum && !f->maximum)
        return 0;
    if (!yk_type_ordered(f->type)) {
        int rc = yk_sb_warn(b, "bound-on-unordered", f->path, 0,
                            "мінімум або максимум поля «%s» типу «%s» не застосовується",
                            "the minimum or maximum of the field \"%s\" of type \"%s\" does not "
                            "apply and is ignored",
                            f->name, f->type_name);
        f->minimum = f->maximum = NULL;
        return rc;
    }
    int rc = 0;
    if (f->minimum)
        rc = check_value(b, f, p, "the minimum", f->minimum);
    if (rc == 0 && f->maximum)
        rc = check_value(b, f, p, "the maximum", f->maximum);
    return rc;
}

static int finish_field(struct yk_sb *b, struct yk_schema_field *f)
{
    if (!b->has_field_missing[f->index])
        f->missing_values = b->missing;
    if (!b->has_field_bools[f->index] || !f->true_values.n)
        f->true_values = (struct yk_strings){default_true, COUNT(default_true)};
    if (!b->has_field_bools[f->index] || !f->false_values.n)
        f->false_values = (struct yk_strings){default_false, COUNT(default_false)};
    if (f->pattern && strlen(f->pattern) > YK_SCHEMA_MAX_PATTERN)
        return yk_sb_fail(b, YK_ELIMIT, f->path, 0, "a pattern longer than %d bytes",
                          YK_SCHEMA_MAX_PATTERN);
    if (f->pattern && check_pattern(b, f) < 0)
        return b->err ? (int)b->err->code : YK_EINVAL;
    struct yk_parser p;
    char why[160] = "";
    int rc = yk_parser_init(&p, f, b->arena, why, sizeof why);
    if (rc == YK_ENOMEM)
        return yk_sb_fail(b, rc, NULL, 0, "out of memory");
    if (rc < 0)
        return yk_sb_fail(b, rc, f->path, 0, "the format \"%s\" of \"%s\": %s", f->format, f->name,
                          why);
    if ((rc = check_bounds(b, f, &p)) < 0)
        return rc;
    for (size_t i = 0; i < f->enum_values.n && !yk_type_textual(f->type); i++)
        if ((rc = check_value(b, f, &p, "the enum value", f->enum_values.v[i])) < 0)
            return rc;
    return 0;
}

static int warn_duplicates(struct yk_sb *b)
{
    for (size_t i = 1; i < b->nfields; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(b->fields[i].name, b->fields[j].name) != 0)
                continue;
            int rc = yk_sb_warn(b, "duplicate-name", b->fields[i].path, 0,
                                "поле «%s» описано двічі (поля %zu і %zu); за назвою "
                                "зіставляється лише перше",
                                "the field \"%s\" is described twice (fields %zu and %zu); only "
                                "the first is matched by name",
                                b->fields[i].name, j + 1, i + 1);
            if (rc < 0)
                return rc;
            break;
        }
    }
    return 0;
}

/* Resolve the primary key names to field indexes. A name that only matches after folding case
 * or trimming is a tolerated quirk; an empty or unknown name drops the key (reported). */
static int resolve_key(struct yk_sb *b, struct yk_schema *s)
{
    if (b->npk == 0)
        return 0;
    size_t *idx = yk_arena_alloc(b->arena, b->npk * sizeof *idx);
    if (!idx)
        return YK_ENOMEM;
    for (size_t i = 0; i < b->npk; i++) {
        const char *name = b->pk[i];
        size_t n = strlen(name), a = 0, k;
        while (a < n && (k = space_at(name + a, n - a)) > 0)
            a += k;
        while (n > a && (k = space_before(name + a, n - a)) > 0)
            n -= k;
        if (n == a)
            return yk_sb_warn(b, "key-empty", b->pk_path, 0,
                              "первинний ключ порожній: його не перевірено",
                              "the primary key is empty: it is not checked");
        struct yk_schema s2 = {.fields = b->fields, .nfields = b->nfields};
        const struct yk_schema_field *f = yk_schema_field_find(&s2, name + a, n - a, false);
        if (!f && (f = yk_schema_field_find(&s2, name + a, n - a, true)) != NULL) {
            int rc = yk_sb_warn(b, "key-case", b->pk_path, 0,
                                "первинний ключ «%s» відрізняється від назви поля «%s» великими "
                                "й малими літерами",
                                "the primary key \"%s\" differs from the field name \"%s\" in "
                                "capitals",
                                name, f->name);
            if (rc < 0)
                return rc;
        } else if (f && (a > 0 || n < strlen(name))) {
            int rc = yk_sb_warn(b, "key-whitespace", b->pk_path, 0,
                                "первинний ключ «%s» має зайві пробіли",
                                "the primary key \"%s\" has stray spaces", f->name);
            if (rc < 0)
                return rc;
        }
        if (!f)
            return yk_sb_warn(b, "key-unknown", b->pk_path, 0,
                              "первинний ключ називає поле «%s», якого немає: ключ не перевірено",
                              "the primary key names the field \"%s\", which does not exist: the "
                              "key is not checked",
                              name);
        idx[i] = f->index;
    }
    s->primary_key = idx;
    s->nprimary_key = b->npk;
    return 0;
}

int yk_sb_finish(struct yk_sb *b, const struct yk_schema **out)
{
    struct yk_schema *s = yk_arena_calloc(b->arena, 1, sizeof *s);
    if (!s)
        return yk_sb_fail(b, YK_ENOMEM, NULL, 0, "out of memory");
    if (b->nfields == 0)
        return yk_sb_fail(b, YK_EINVAL, NULL, 0, "the schema describes no fields");
    if (!b->has_missing)
        b->missing = (struct yk_strings){default_missing, COUNT(default_missing)};
    int rc = 0;
    for (size_t i = 0; i < b->nfields && rc == 0; i++)
        rc = finish_field(b, &b->fields[i]);
    if (rc == 0)
        rc = warn_duplicates(b);
    if (rc == 0)
        rc = resolve_key(b, s);
    if (rc == YK_ENOMEM)
        return yk_sb_fail(b, rc, NULL, 0, "out of memory");
    if (rc < 0)
        return rc;
    s->source = b->name;
    s->form = b->form;
    s->fields = b->fields;
    s->nfields = b->nfields;
    s->fields_match = b->fields_match;
    s->missing_values = b->missing;
    s->warnings = b->warnings;
    s->nwarnings = b->nwarnings;
    s->foreign_keys = b->fks;
    s->nforeign_keys = b->nfks;
    *out = s;
    return 0;
}

/* --- reading ---------------------------------------------------------------------------- */

/* JSON starts with '{' or '[' after whitespace (and a BOM, reported by the reader). */
static bool looks_like_json(const char *text, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && ascii_space(text[i]))
        i++;
    return i < len && (text[i] == '{' || text[i] == '[');
}

int yk_schema_parse(const char *text, size_t len, const char *name, struct yk_arena *arena,
                    const struct yk_schema **out, struct yk_error *err)
{
    struct yk_sb b;
    const char *nm = yk_arena_strdup(arena, name ? name : "<schema>");
    if (!nm)
        return yk_error_set(err, YK_ENOMEM, name, 0, 0, "out of memory");
    yk_sb_init(&b, arena, nm, err);
    if (len > YK_SCHEMA_MAX_BYTES)
        return yk_sb_fail(&b, YK_ELIMIT, NULL, 0, "the structure file is larger than %u bytes",
                          YK_SCHEMA_MAX_BYTES);
    /* The readers want a terminated copy (jansson stops at NUL; the CSV reader keeps
     * pointers into it). */
    char *copy = yk_arena_alloc(arena, len + 1);
    if (!copy)
        return yk_sb_fail(&b, YK_ENOMEM, NULL, 0, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    int rc = looks_like_json(copy, len) ? yk_schema_read_json(&b, copy, len)
                                        : yk_schema_read_csv(&b, copy, len);
    if (rc < 0)
        return rc;
    return yk_sb_finish(&b, out);
}

int yk_schema_load(const char *path, struct yk_arena *arena, const struct yk_schema **out,
                   struct yk_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return yk_error_set(err, YK_EIO, path, 0, 0, "cannot open the structure file: %s",
                            strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            if (cap > YK_SCHEMA_MAX_BYTES) {
                rc =
                    yk_error_set(err, YK_ELIMIT, path, 0, 0,
                                 "the structure file is larger than %u bytes", YK_SCHEMA_MAX_BYTES);
                goto out;
            }
            char *nb = realloc(buf, ncap);
            if (!nb) {
                rc = yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
                goto out;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = yk_error_set(err, YK_EIO, path, 0, 0, "cannot read the structure file");
        goto out;
    }
    rc = yk_schema_parse(buf ? buf : "", len, path, arena, out, err);
out:
    free(buf);
    fclose(f);
    return rc;
}
