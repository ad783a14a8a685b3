/* yakist — column roles from the schema or the column name, and the probe that confirms a
 * name-only guess from a column's first values. Names follow the Ministry's 2019 and 2025-draft
 * structures (camelCase Latin: authorityId, CATUTTC, contactPointTelephone, captureLat,
 * issuedDate) and the Ukrainian headers publishers write by hand (код ЄДРПОУ, дата_видачі). */
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "roles.h"
#include "values.h"

static const char *const role_names[YK_ROLE_COUNT] = {
    "none",     "record-id", "edrpou",    "id-code",    "tax-number",
    "katottg",  "latitude",  "longitude", "phone",      "email",
    "postcode", "date",      "url",       "settlement", "contact",
};

static bool ascii_case_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if ((x >= 'A' && x <= 'Z' ? x | 0x20 : x) != (y >= 'A' && y <= 'Z' ? y | 0x20 : y))
            return false;
    }
    return *a == *b;
}

const char *yk_role_name(enum yk_role role)
{
    return (unsigned)role < YK_ROLE_COUNT ? role_names[role] : "none";
}

int yk_role_parse(const char *name, enum yk_role *out)
{
    static const struct {
        const char *name;
        enum yk_role role;
    } aliases[] = {
        {"lat", YK_ROLE_LATITUDE},    {"lon", YK_ROLE_LONGITUDE},     {"lng", YK_ROLE_LONGITUDE},
        {"tin", YK_ROLE_TAX_NUMBER},  {"rnokpp", YK_ROLE_TAX_NUMBER}, {"id", YK_ROLE_RECORD_ID},
        {"uri", YK_ROLE_URL},         {"e-mail", YK_ROLE_EMAIL},      {"telephone", YK_ROLE_PHONE},
        {"catuttc", YK_ROLE_KATOTTG},
    };
    for (unsigned i = 0; i < YK_ROLE_COUNT; i++) {
        if (ascii_case_equal(name, role_names[i])) {
            *out = (enum yk_role)i;
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (ascii_case_equal(name, aliases[i].name)) {
            *out = aliases[i].role;
            return 0;
        }
    }
    return YK_EINVAL;
}

enum yk_role yk_role_from_field(const char *role, enum yk_field_type type)
{
    enum yk_role r;
    if (role && yk_role_parse(role, &r) == 0)
        return r;
    switch (type) {
    case YK_TYPE_DATE:
    case YK_TYPE_DATETIME:
        return YK_ROLE_DATE;
    case YK_TYPE_EMAIL:
        return YK_ROLE_EMAIL;
    case YK_TYPE_URL:
        return YK_ROLE_URL;
    default:
        return YK_ROLE_NONE;
    }
}

/* --- names --------------------------------------------------------------------------------- */

enum how {
    EXACT,  /* the whole normalised name */
    SUFFIX, /* a camel-case or separated ending of the name: authority|Id, contact_phone */
    PREFIX, /* a camel-case or separated beginning: date|From, settlement_name */
    WORD /* a word of the normalised name starts with it: «код ЄДРПОУ», «дата видачі» */
};

struct name_rule {
    enum how how;
    const char *word; /* lower case */
    enum yk_role role;
};

/* First match wins, so the specific entries come before the general ones. */
static const struct name_rule name_rules[] = {
    {EXACT, "id", YK_ROLE_RECORD_ID},
    {EXACT, "uid", YK_ROLE_RECORD_ID},
    {EXACT, "identifier", YK_ROLE_RECORD_ID},
    {EXACT, "ідентифікатор", YK_ROLE_RECORD_ID},
    {EXACT, "edrpou", YK_ROLE_EDRPOU},
    {EXACT, "tin", YK_ROLE_TAX_NUMBER},
    {EXACT, "rnokpp", YK_ROLE_TAX_NUMBER},
    {EXACT, "ipn", YK_ROLE_TAX_NUMBER},
    {EXACT, "catuttc", YK_ROLE_KATOTTG},
    {EXACT, "lat", YK_ROLE_LATITUDE},
    {EXACT, "lon", YK_ROLE_LONGITUDE},
    {EXACT, "lng", YK_ROLE_LONGITUDE},
    {EXACT, "long", YK_ROLE_LONGITUDE},
    {EXACT, "tel", YK_ROLE_PHONE},
    {EXACT, "тел", YK_ROLE_PHONE},
    {EXACT, "тел.", YK_ROLE_PHONE},
    {EXACT, "mobile", YK_ROLE_PHONE},
    {EXACT, "e-mail", YK_ROLE_EMAIL},
    {EXACT, "mail", YK_ROLE_EMAIL},
    {EXACT, "пошта", YK_ROLE_EMAIL},
    {EXACT, "zip", YK_ROLE_POSTCODE},
    {EXACT, "post code", YK_ROLE_POSTCODE},
    {EXACT, "postal code", YK_ROLE_POSTCODE},
    {EXACT, "uri", YK_ROLE_URL},
    {EXACT, "web", YK_ROLE_URL},
    {EXACT, "web site", YK_ROLE_URL},
    {EXACT, "landingpage", YK_ROLE_URL},
    {EXACT, "accessurl", YK_ROLE_URL},
    {EXACT, "сайт", YK_ROLE_URL},
    {EXACT, "city", YK_ROLE_SETTLEMENT},
    {EXACT, "town", YK_ROLE_SETTLEMENT},
    {EXACT, "village", YK_ROLE_SETTLEMENT},
    {EXACT, "місто", YK_ROLE_SETTLEMENT},
    {EXACT, "село", YK_ROLE_SETTLEMENT},
    /* endings of camel-case names */
    {SUFFIX, "identifier", YK_ROLE_ID_CODE},
    {SUFFIX, "id", YK_ROLE_ID_CODE},
    {SUFFIX, "edrpou", YK_ROLE_EDRPOU},
    {SUFFIX, "catuttc", YK_ROLE_KATOTTG},
    {SUFFIX, "cattutc", YK_ROLE_KATOTTG},
    {SUFFIX, "katottg", YK_ROLE_KATOTTG},
    {SUFFIX, "telephone", YK_ROLE_PHONE},
    {SUFFIX, "phone", YK_ROLE_PHONE},
    {SUFFIX, "email", YK_ROLE_EMAIL},
    {SUFFIX, "mbox", YK_ROLE_EMAIL},
    {SUFFIX, "postcode", YK_ROLE_POSTCODE},
    {SUFFIX, "zipcode", YK_ROLE_POSTCODE},
    {SUFFIX, "postname", YK_ROLE_SETTLEMENT},
    {SUFFIX, "settlement", YK_ROLE_SETTLEMENT},
    {SUFFIX, "locality", YK_ROLE_SETTLEMENT},
    {SUFFIX, "latitude", YK_ROLE_LATITUDE},
    {SUFFIX, "lat", YK_ROLE_LATITUDE},
    {SUFFIX, "longitude", YK_ROLE_LONGITUDE},
    {SUFFIX, "lon", YK_ROLE_LONGITUDE},
    {SUFFIX, "lng", YK_ROLE_LONGITUDE},
    {SUFFIX, "datetime", YK_ROLE_DATE},
    {SUFFIX, "date", YK_ROLE_DATE},
    {SUFFIX, "timestamp", YK_ROLE_DATE},
    {SUFFIX, "url", YK_ROLE_URL},
    {SUFFIX, "uri", YK_ROLE_URL},
    {SUFFIX, "homepage", YK_ROLE_URL},
    {SUFFIX, "website", YK_ROLE_URL},
    {SUFFIX, "link", YK_ROLE_URL},
    /* beginnings */
    {PREFIX, "date", YK_ROLE_DATE},
    {PREFIX, "email", YK_ROLE_EMAIL},
    {PREFIX, "phone", YK_ROLE_PHONE},
    {PREFIX, "telephone", YK_ROLE_PHONE},
    {PREFIX, "settlement", YK_ROLE_SETTLEMENT},
    {PREFIX, "contact", YK_ROLE_CONTACT},
    /* Ukrainian words (and Latin ones publishers put in Ukrainian headers) */
    {WORD, "єдрпоу", YK_ROLE_EDRPOU},
    {WORD, "edrpou", YK_ROLE_EDRPOU},
    {WORD, "рнокпп", YK_ROLE_TAX_NUMBER},
    {WORD, "іпн", YK_ROLE_TAX_NUMBER},
    {WORD, "індивідуальний податковий номер", YK_ROLE_TAX_NUMBER},
    {WORD, "катоттг", YK_ROLE_KATOTTG},
    {WORD, "широта", YK_ROLE_LATITUDE},
    {WORD, "довгота", YK_ROLE_LONGITUDE},
    {WORD, "телефон", YK_ROLE_PHONE},
    {WORD, "e-mail", YK_ROLE_EMAIL},
    {WORD, "email", YK_ROLE_EMAIL},
    {WORD, "електронна пошта", YK_ROLE_EMAIL},
    {WORD, "ел. пошта", YK_ROLE_EMAIL},
    {WORD, "ел.пошта", YK_ROLE_EMAIL},
    {WORD, "поштовий індекс", YK_ROLE_POSTCODE},
    {WORD, "індекс", YK_ROLE_POSTCODE},
    {WORD, "дата", YK_ROLE_DATE},
    {WORD, "населений пункт", YK_ROLE_SETTLEMENT},
    {WORD, "населеного пункту", YK_ROLE_SETTLEMENT},
    {WORD, "посилання", YK_ROLE_URL},
    {WORD, "вебсайт", YK_ROLE_URL},
    {WORD, "веб-сайт", YK_ROLE_URL},
    {WORD, "контакт", YK_ROLE_CONTACT},
};

#define NAME_MAX_BYTES 128

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower_or_digit(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_sep(unsigned char c)
{
    return c == '_' || c == ' ' || c == '-' || c == '.' || c == '\t';
}

/* A letter of any script starts at s[0] (ASCII letter or a multi-byte character). */
static bool letter_byte(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Does the name split into [0, at) and [at, len) at a word boundary: a separator before it, or
 * a lower-case letter or digit followed by a capital (camelCase)? */
static bool camel_boundary(const char *name, size_t at)
{
    const unsigned char *s = (const unsigned char *)name;
    return is_sep(s[at - 1]) || (is_upper(s[at]) && is_lower_or_digit(s[at - 1]));
}

/* Trim, lower-case, turn '_' into a space and squeeze whitespace, into buf. */
static size_t normalise(const char *s, size_t n, char *buf)
{
    char low[NAME_MAX_BYTES];
    n = yk_utf8_lower(s, n, low, sizeof low);
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)low[i];
        bool ws = c == ' ' || c == '\t' || c == '_' || c == '\n' || c == '\r';
        if (c == 0xC2 && i + 1 < n && (unsigned char)low[i + 1] == 0xA0) {
            ws = true;
            i++;
        }
        if (ws) {
            space = o > 0;
            continue;
        }
        if (space)
            buf[o++] = ' ';
        space = false;
        buf[o++] = (char)c;
    }
    return o;
}

static bool word_at(const char *norm, size_t n, const char *word, size_t *where)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(norm + i, word, k) != 0)
            continue;
        if (i == 0 || !letter_byte((unsigned char)norm[i - 1])) {
            *where = i;
            return true;
        }
    }
    return false;
}

static bool match(const struct name_rule *r, const char *name, const char *low, size_t len,
                  const char *norm, size_t nlen, size_t *stem)
{
    size_t k = strlen(r->word);
    switch (r->how) {
    case EXACT:
        *stem = 0;
        return nlen == k && memcmp(norm, r->word, k) == 0;
    case SUFFIX:
        if (len < k || memcmp(low + len - k, r->word, k) != 0)
            return false;
        if (len > k && !camel_boundary(name, len - k))
            return false;
        *stem = len - k;
        while (*stem > 0 && is_sep((unsigned char)name[*stem - 1]))
            (*stem)--;
        return true;
    case PREFIX:
        *stem = 0;
        return len >= k && memcmp(low, r->word, k) == 0 && (len == k || camel_boundary(name, k));
    case WORD:
        return word_at(norm, nlen, r->word, stem);
    }
    return false;
}

enum yk_role yk_role_from_name(const char *label, size_t len, size_t *stem)
{
    size_t start = 0, dummy;
    if (!stem)
        stem = &dummy;
    *stem = 0;
    /* Names carry stray spaces and tabs in the published structures. */
    while (start < len && (label[start] == ' ' || label[start] == '\t'))
        start++;
    while (len > start && (label[len - 1] == ' ' || label[len - 1] == '\t'))
        len--;
    label += start;
    len -= start;
    if (len == 0 || len > NAME_MAX_BYTES)
        return YK_ROLE_NONE;
    char low[NAME_MAX_BYTES], norm[NAME_MAX_BYTES];
    yk_utf8_lower(label, len, low, sizeof low);
    size_t nlen = normalise(label, len, norm);
    for (size_t i = 0; i < sizeof name_rules / sizeof name_rules[0]; i++) {
        size_t at = 0;
        if (match(&name_rules[i], label, low, len, norm, nlen, &at)) {
            *stem = name_rules[i].how == WORD ? 0 : at;
            return name_rules[i].role;
        }
    }
    return YK_ROLE_NONE;
}

/* --- assignment ------------------------------------------------------------------------------ */

int yk_roles_assign(struct yk_rule_ctx *ctx, const struct yk_row *header, struct yk_roles *out)
{
    size_t n = header->ncells;
    struct yk_column_role *col = yk_arena_calloc(yk_ctx_arena(ctx), n ? n : 1, sizeof *col);
    if (!col)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const struct yk_schema_field *field = yk_ctx_schema_field(ctx, i);
        enum yk_role role = YK_ROLE_NONE;
        size_t stem = 0;
        if (field)
            role = yk_role_from_field(field->role, field->type);
        col[i].from_schema = role != YK_ROLE_NONE;
        if (role == YK_ROLE_NONE)
            role = yk_role_from_name(header->cells[i].data, header->cells[i].len, &stem);
        col[i].role = (uint8_t)role;
        col[i].stem = (uint16_t)stem;
        col[i].bound = field != NULL;
        /* Without a schema field only identifiers are known to be required. */
        col[i].required =
            field ? field->required : role == YK_ROLE_RECORD_ID || role == YK_ROLE_EDRPOU;
    }
    out->n = n;
    out->col = col;
    return 0;
}

/* --- probes ---------------------------------------------------------------------------------- */

void yk_probe_hold(struct yk_probe *p, const struct yk_loc *loc, int kind, const char *text,
                   size_t len)
{
    if (p->state != YK_PROBE_OPEN || p->nheld == YK_PROBE_VALUES)
        return;
    struct yk_probe_held *h = &p->held[p->nheld++];
    if (len > YK_PROBE_TEXT) {
        len = YK_PROBE_TEXT;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    h->loc = *loc;
    h->kind = (uint8_t)kind;
    h->len = (uint8_t)len;
    memcpy(h->text, text, len);
}

/* Enough fitting values among those seen: three quarters, half of them strongly. */
static bool probe_yes(const struct yk_probe *p)
{
    return (unsigned)p->hits * 4 >= (unsigned)p->seen * 3 && p->strong * 2 >= p->hits;
}

enum yk_probe_state yk_probe_count(struct yk_probe *p, enum yk_probe_fit fit)
{
    if (p->state != YK_PROBE_OPEN)
        return (enum yk_probe_state)p->state;
    p->seen++;
    p->hits += fit != YK_FIT_NO;
    p->strong += fit == YK_FIT_STRONG;
    /* More misses than a quarter of YK_PROBE_VALUES end it early. */
    if ((unsigned)(p->seen - p->hits) * 4 > YK_PROBE_VALUES)
        p->state = YK_PROBE_NO;
    else if (p->seen == YK_PROBE_VALUES)
        p->state = probe_yes(p) ? YK_PROBE_YES : YK_PROBE_NO;
    if (p->state == YK_PROBE_NO)
        p->nheld = 0;
    return (enum yk_probe_state)p->state;
}

enum yk_probe_state yk_probe_close(struct yk_probe *p)
{
    if (p->state == YK_PROBE_OPEN) {
        p->state = p->hits >= 2 && probe_yes(p) ? YK_PROBE_YES : YK_PROBE_NO;
        if (p->state == YK_PROBE_NO)
            p->nheld = 0;
    }
    return (enum yk_probe_state)p->state;
}
