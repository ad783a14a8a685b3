/* yakist — typed cell values for the schema checks: one parse function per type, chosen when
 * the parser is compiled, so the per-cell path is a call through a pointer with no allocation,
 * no lookup and no strcmp of type names. Dates follow ISO 8601 unless a format is declared. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/error.h>

#include "schema_value.h"

#define MAX_NUMBER_TEXT 128 /* longer numbers are rejected: nobody writes those by hand */

/* --- small helpers ---------------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Exactly k digits at s[*i]; the value in *v. */
static bool digits(const char *s, size_t n, size_t *i, unsigned k, unsigned *v)
{
    if (*i + k > n)
        return false;
    unsigned x = 0;
    for (unsigned j = 0; j < k; j++) {
        char c = s[*i + j];
        if (!is_digit(c))
            return false;
        x = x * 10 + (unsigned)(c - '0');
    }
    *i += k;
    *v = x;
    return true;
}

/* From lo to hi digits at s[*i]. */
static bool digits_range(const char *s, size_t n, size_t *i, unsigned lo, unsigned hi, unsigned *v)
{
    unsigned x = 0, k = 0;
    while (k < hi && *i + k < n && is_digit(s[*i + k]))
        x = x * 10 + (unsigned)(s[*i + k++] - '0');
    if (k < lo)
        return false;
    *i += k;
    *v = x;
    return true;
}

static bool leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && leap(y));
}

int64_t yk_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    /* Shift the year to start in March so the leap day is the last day of the year. */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool valid_date(int64_t y, unsigned m, unsigned d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

size_t yk_utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* --- hashing ---------------------------------------------------------------------------- */

static uint64_t rotl(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h;
}

static uint64_t mix_block(uint64_t h, uint64_t k)
{
    k *= UINT64_C(0x87c37b91114253d5);
    k = rotl(k, 31);
    k *= UINT64_C(0x4cf5ad432745937f);
    h ^= k;
    return rotl(h, 27) * 5 + UINT64_C(0x52dce729);
}

uint64_t yk_hash_bytes(const void *data, size_t n, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed ^ UINT64_C(0x9e3779b97f4a7c15);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t k;
        memcpy(&k, p + i, 8);
        h = mix_block(h, k);
    }
    if (i < n) {
        uint64_t k = 0;
        memcpy(&k, p + i, n - i);
        h = mix_block(h, k);
    }
    return fmix(h ^ (uint64_t)n);
}

uint64_t yk_value_hash(enum yk_field_type type, const struct yk_value *v, const char *s, size_t n,
                       uint64_t seed)
{
    if (yk_type_textual(type) || (type == YK_TYPE_INTEGER && v->big))
        return yk_hash_bytes(s, n, seed);
    if (type == YK_TYPE_NUMBER) {
        double d = v->d == 0 ? 0.0 : v->d; /* -0 and 0 are the same number */
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return fmix(mix_block(seed ^ UINT64_C(0x2545f4914f6cdd1d), bits));
    }
    return fmix(mix_block(seed ^ UINT64_C(0x6a09e667f3bcc909), (uint64_t)v->i));
}

bool yk_type_ordered(enum yk_field_type type)
{
    switch (type) {
    case YK_TYPE_INTEGER:
    case YK_TYPE_NUMBER:
    case YK_TYPE_DATE:
    case YK_TYPE_DATETIME:
    case YK_TYPE_TIME:
    case YK_TYPE_YEAR:
    case YK_TYPE_YEARMONTH:
        return true;
    default:
        return false;
    }
}

bool yk_type_textual(enum yk_field_type type)
{
    return type == YK_TYPE_STRING || type == YK_TYPE_URL || type == YK_TYPE_EMAIL ||
           type == YK_TYPE_ANY || type >= YK_TYPE_COUNT;
}

int yk_value_cmp(enum yk_field_type type, const struct yk_value *a, const struct yk_value *b)
{
    if (type == YK_TYPE_NUMBER)
        return (a->d > b->d) - (a->d < b->d);
    return (a->i > b->i) - (a->i < b->i);
}

/* --- strings, booleans, URLs, e-mails ---------------------------------------------------- */

static bool parse_text(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    (void)p, (void)s, (void)n;
    v->i = 0;
    return true;
}

static bool in_list(const struct yk_strings *l, const char *s, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (strncmp(l->v[i], s, n) == 0 && l->v[i][n] == '\0')
            return true;
    return false;
}

static bool parse_boolean(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    if (in_list(&p->true_values, s, n)) {
        v->i = 1;
        return true;
    }
    v->i = 0;
    return in_list(&p->false_values, s, n);
}

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool has_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_space_byte(s[i]))
            return true;
    return false;
}

/* scheme ":" rest, no whitespace; http and https need "//" and a host. */
static bool parse_url(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    (void)p;
    v->i = 0;
    size_t i = 0;
    if (n == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') || has_space(s, n))
        return false;
    while (i < n && s[i] != ':') {
        char c = s[i];
        if (!(((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || is_digit(c) || c == '+' || c == '-' ||
              c == '.'))
            return false;
        i++;
    }
    if (i == n || i + 1 == n)
        return false;
    bool web = (i == 4 && strncmp(s, "http", 4) == 0) || (i == 5 && strncmp(s, "https", 5) == 0);
    if (!web)
        return true;
    if (n < i + 4 || s[i + 1] != '/' || s[i + 2] != '/')
        return false;
    char h = s[i + 3];
    return h != '/' && h != '?' && h != '#' && h != ':';
}

static bool parse_email(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    (void)p;
    v->i = 0;
    const char *at = memchr(s, '@', n);
    if (!at || at == s || n > 254 || has_space(s, n))
        return false;
    const char *dom = at + 1;
    size_t dn = n - (size_t)(dom - s);
    if (dn < 3 || memchr(dom, '@', dn) || dom[0] == '.' || dom[dn - 1] == '.')
        return false;
    bool dot = false;
    for (size_t i = 0; i < dn; i++) {
        if (dom[i] == '.') {
            if (dom[i + 1] == '.')
                return false;
            dot = true;
        }
    }
    return dot && s[0] != '.' && at[-1] != '.';
}

/* --- numbers ---------------------------------------------------------------------------- */

/* Frictionless bareNumber: false lets text surround the number ("12 грн", "€ 5"). */
static void strip_non_numeric(const char *s, size_t n, size_t *a, size_t *b)
{
    size_t i = 0, j = n;
    while (i < j && !is_digit(s[i]) && s[i] != '-' && s[i] != '+')
        i++;
    while (j > i && !is_digit(s[j - 1]))
        j--;
    *a = i;
    *b = j;
}

static bool parse_integer(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0, end = n;
    if (!p->bare)
        strip_non_numeric(s, n, &i, &end);
    bool neg = false;
    if (i < end && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i == end)
        return false;
    uint64_t x = 0;
    bool big = false;
    size_t nd = 0;
    while (i < end) {
        char c = s[i];
        if (is_digit(c)) {
            unsigned d = (unsigned)(c - '0');
            if (x > (UINT64_MAX - d) / 10)
                big = true;
            else
                x = x * 10 + d;
            nd++;
            i++;
        } else if (p->group && nd > 0 && end - i > p->group_len &&
                   memcmp(s + i, p->group, p->group_len) == 0) {
            i += p->group_len;
        } else {
            return false;
        }
    }
    if (nd == 0)
        return false;
    if (big || x > (uint64_t)INT64_MAX + neg) {
        v->big = true;
        v->i = neg ? INT64_MIN : INT64_MAX;
    } else {
        v->big = false;
        v->i = neg ? (int64_t)(0 - x) : (int64_t)x;
    }
    v->d = (double)v->i;
    return true;
}

static bool special_number(const char *s, size_t n, struct yk_value *v)
{
    if (n == 3 && memcmp(s, "NaN", 3) == 0)
        v->d = NAN;
    else if ((n == 3 && memcmp(s, "INF", 3) == 0) || (n == 4 && memcmp(s, "+INF", 4) == 0))
        v->d = INFINITY;
    else if (n == 4 && memcmp(s, "-INF", 4) == 0)
        v->d = -INFINITY;
    else
        return false;
    return true;
}

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* [sign] digits [decimal digits] [e [sign] digits], with group characters between digits.
 * Short plain numbers are converted exactly by integer arithmetic; the rest by strtod on a
 * normalised copy. */
static bool parse_number(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0, end = n;
    v->big = false;
    v->i = 0;
    if (!p->bare)
        strip_non_numeric(s, n, &i, &end);
    if (end - i >= 3 && special_number(s + i, end - i, v))
        return true;
    char buf[MAX_NUMBER_TEXT];
    size_t o = 0, nd = 0, frac = 0;
    bool dot = false, exp = false;
    uint64_t mant = 0;
    if (i < end && (s[i] == '-' || s[i] == '+'))
        buf[o++] = s[i++];
    while (i < end && o + 2 < sizeof buf) {
        char c = s[i];
        if (is_digit(c)) {
            if (!exp) {
                nd++;
                frac += dot;
                if (nd <= 15)
                    mant = mant * 10 + (uint64_t)(c - '0');
            }
            buf[o++] = c;
            i++;
        } else if (c == p->decimal_char && !dot && !exp) {
            dot = true;
            buf[o++] = '.';
            i++;
        } else if ((c == 'e' || c == 'E') && nd > 0 && !exp) {
            exp = true;
            buf[o++] = 'e';
            i++;
            if (i < end && (s[i] == '-' || s[i] == '+'))
                buf[o++] = s[i++];
            if (i == end || !is_digit(s[i]))
                return false;
        } else if (p->group && nd > 0 && !dot && !exp && end - i > p->group_len &&
                   memcmp(s + i, p->group, p->group_len) == 0) {
            i += p->group_len;
        } else {
            return false;
        }
    }
    if (i < end || nd == 0)
        return false;
    if (!exp && nd <= 15) {
        double d = (double)mant / pow10_exact[frac];
        v->d = buf[0] == '-' ? -d : d;
        return true;
    }
    buf[o] = '\0';
    v->d = strtod(buf, NULL);
    return true;
}

/* --- dates and times (ISO 8601) ---------------------------------------------------------- */

/* Z, +hh:mm, +hhmm or +hh; the offset in minutes east of UTC. */
static bool zone(const char *s, size_t n, size_t *i, int *minutes)
{
    *minutes = 0;
    if (*i < n && s[*i] == 'Z') {
        (*i)++;
        return true;
    }
    if (*i >= n || (s[*i] != '+' && s[*i] != '-'))
        return false;
    int sign = s[*i] == '-' ? -1 : 1;
    unsigned hh, mm = 0;
    (*i)++;
    if (!digits(s, n, i, 2, &hh) || hh > 23)
        return false;
    if (*i < n && s[*i] == ':')
        (*i)++;
    if (*i < n && (!digits(s, n, i, 2, &mm) || mm > 59))
        return false;
    *minutes = sign * (int)(hh * 60 + mm);
    return true;
}

/* hh:mm[:ss[.fff]] then an optional zone; milliseconds of the day (UTC when zoned). */
static bool iso_time(const char *s, size_t n, size_t *i, int64_t *ms, int *zone_minutes)
{
    unsigned hh, mm, ss = 0, frac = 0, scale = 1000;
    if (!digits(s, n, i, 2, &hh) || *i >= n || s[*i] != ':')
        return false;
    (*i)++;
    if (!digits(s, n, i, 2, &mm) || hh > 23 || mm > 59)
        return false;
    if (*i < n && s[*i] == ':') {
        (*i)++;
        if (!digits(s, n, i, 2, &ss) || ss > 60)
            return false;
        if (*i < n && (s[*i] == '.' || s[*i] == ',')) {
            (*i)++;
            size_t k = 0;
            while (*i < n && is_digit(s[*i])) {
                if (k < 3)
                    frac = frac * 10 + (unsigned)(s[*i] - '0'), scale /= 10;
                k++, (*i)++;
            }
            if (k == 0)
                return false;
        }
    }
    *zone_minutes = 0;
    if (*i < n && !zone(s, n, i, zone_minutes))
        return false;
    *ms = ((int64_t)hh * 3600 + mm * 60 + ss) * 1000 + (int64_t)frac * scale;
    return *i == n;
}

static bool iso_date(const char *s, size_t n, size_t *i, int64_t *days)
{
    unsigned y, m, d;
    if (!digits(s, n, i, 4, &y) || *i >= n || s[*i] != '-')
        return false;
    (*i)++;
    if (!digits(s, n, i, 2, &m) || *i >= n || s[*i] != '-')
        return false;
    (*i)++;
    if (!digits(s, n, i, 2, &d) || !valid_date(y, m, d))
        return false;
    *days = yk_days_from_civil(y, m, d);
    return true;
}

/* The date spellings format "any" accepts besides ISO: d.m.yyyy, d/m/yyyy, yyyy/m/d. */
static bool any_date(const char *s, size_t n, int64_t *days)
{
    size_t i = 0;
    unsigned a, b, c;
    if (!digits_range(s, n, &i, 1, 4, &a) || i >= n)
        return false;
    char sep = s[i++];
    if (sep != '.' && sep != '/' && sep != '-')
        return false;
    if (!digits_range(s, n, &i, 1, 2, &b) || i >= n || s[i++] != sep ||
        !digits_range(s, n, &i, 1, 4, &c) || i != n)
        return false;
    unsigned y = a > 31 ? a : c, m = b, d = a > 31 ? c : a;
    if (y < 1000 || !valid_date(y, m, d))
        return false;
    *days = yk_days_from_civil(y, m, d);
    return true;
}

/* --- dates and times with an explicit format --------------------------------------------- */

struct parts {
    int64_t y;
    unsigned m, d, hh, mm, ss, ms;
    int zone;
};

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

static bool month_name(const char *s, size_t n, size_t *i, unsigned *m)
{
    for (unsigned k = 0; k < 12; k++) {
        if (*i + 3 > n)
            return false;
        bool eq = true;
        for (size_t j = 0; j < 3; j++)
            eq = eq && ((s[*i + j] | 0x20) == month_names[k][j]);
        if (eq) {
            *i += 3;
            *m = k + 1;
            return true;
        }
    }
    return false;
}

static bool read_token(const struct yk_date_token *t, const char *s, size_t n, size_t *i,
                       struct parts *pt)
{
    unsigned x;
    switch (t->kind) {
    case 0:
        if (*i + t->len > n || memcmp(s + *i, t->text, t->len) != 0)
            return false;
        *i += t->len;
        return true;
    case 'Y':
        if (!digits(s, n, i, 4, &x))
            return false;
        pt->y = x;
        return true;
    case 'y':
        if (!digits(s, n, i, 2, &x))
            return false;
        pt->y = x < 69 ? 2000 + x : 1900 + x;
        return true;
    case 'm':
        return digits_range(s, n, i, 1, 2, &pt->m);
    case 'd':
        return digits_range(s, n, i, 1, 2, &pt->d);
    case 'H':
        return digits_range(s, n, i, 1, 2, &pt->hh) && pt->hh < 24;
    case 'M':
        return digits_range(s, n, i, 1, 2, &pt->mm) && pt->mm < 60;
    case 'S':
        return digits_range(s, n, i, 1, 2, &pt->ss) && pt->ss <= 60;
    case 'f': {
        size_t k = 0;
        pt->ms = 0;
        while (*i < n && is_digit(s[*i]) && k < 9) {
            if (k < 3)
                pt->ms = pt->ms * 10 + (unsigned)(s[*i] - '0');
            k++, (*i)++;
        }
        for (size_t j = k; j < 3; j++)
            pt->ms *= 10;
        return k > 0;
    }
    case 'z':
        return zone(s, n, i, &pt->zone);
    case 'b':
        return month_name(s, n, i, &pt->m);
    default:
        return false;
    }
}

static bool parse_formatted(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    struct parts pt = {.y = 1900, .m = 1, .d = 1};
    size_t i = 0;
    for (size_t k = 0; k < p->ntokens; k++)
        if (!read_token(&p->tokens[k], s, n, &i, &pt))
            return false;
    if (i != n || !valid_date(pt.y, pt.m, pt.d))
        return false;
    int64_t tod = ((int64_t)pt.hh * 3600 + pt.mm * 60 + pt.ss) * 1000 + pt.ms;
    int64_t days = yk_days_from_civil(pt.y, pt.m, pt.d);
    if (p->type == YK_TYPE_DATE)
        v->i = days;
    else if (p->type == YK_TYPE_TIME)
        v->i = tod - (int64_t)pt.zone * 60000;
    else
        v->i = days * 86400000 + tod - (int64_t)pt.zone * 60000;
    return true;
}

static bool parse_date(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0;
    if (p->ntokens)
        return parse_formatted(p, s, n, v);
    if (n == 10 && iso_date(s, n, &i, &v->i))
        return true;
    return p->any_format && any_date(s, n, &v->i);
}

static bool parse_datetime(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0;
    int64_t days, ms;
    int z;
    if (p->ntokens)
        return parse_formatted(p, s, n, v);
    if (!iso_date(s, n, &i, &days) || i >= n || (s[i] != 'T' && !(p->any_format && s[i] == ' ')))
        return false;
    i++;
    if (!iso_time(s, n, &i, &ms, &z))
        return false;
    v->i = days * 86400000 + ms - (int64_t)z * 60000;
    return true;
}

static bool parse_time(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0;
    int z;
    if (p->ntokens)
        return parse_formatted(p, s, n, v);
    if (!iso_time(s, n, &i, &v->i, &z))
        return false;
    v->i -= (int64_t)z * 60000;
    return true;
}

static bool parse_year(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0;
    unsigned y;
    (void)p;
    if (n != 4 || !digits(s, n, &i, 4, &y))
        return false;
    v->i = y;
    return true;
}

static bool parse_yearmonth(const struct yk_parser *p, const char *s, size_t n, struct yk_value *v)
{
    size_t i = 0;
    unsigned y, m;
    (void)p;
    if (n != 7 || !digits(s, n, &i, 4, &y) || s[i++] != '-' || !digits(s, n, &i, 2, &m) || m < 1 ||
        m > 12)
        return false;
    v->i = (int64_t)y * 12 + m - 1;
    return true;
}

/* --- compiling a parser ------------------------------------------------------------------ */

static int push_token(struct yk_date_token *t, size_t *nt, size_t cap, char kind, const char *text,
                      size_t len)
{
    if (*nt == cap)
        return YK_EINVAL;
    if (kind == 0 && *nt > 0 && t[*nt - 1].kind == 0 && t[*nt - 1].text + t[*nt - 1].len == text) {
        t[*nt - 1].len += len; /* adjacent literal text */
        return 0;
    }
    t[(*nt)++] = (struct yk_date_token){kind, text, len};
    return 0;
}

/* A strptime directive (%Y) to a token kind, or 0. */
static char strptime_kind(char c)
{
    switch (c) {
    case 'Y':
    case 'y':
    case 'm':
    case 'd':
    case 'H':
    case 'M':
    case 'S':
    case 'f':
    case 'z':
    case 'b':
        return c;
    case 'B':
        return 'b';
    default:
        return 0;
    }
}

/* A CSVW / Unicode pattern run (yyyy, MM, dd, HH, mm, ss, SSS, X) to a token kind, or 0. */
static char uts35_kind(char c, size_t run)
{
    switch (c) {
    case 'y':
        return run == 2 ? 'y' : run == 4 ? 'Y' : 0;
    case 'M':
        return run <= 2 ? 'm' : run == 3 ? 'b' : 0;
    case 'd':
        return run <= 2 ? 'd' : 0;
    case 'H':
        return run <= 2 ? 'H' : 0;
    case 'm':
        return run <= 2 ? 'M' : 0;
    case 's':
        return run <= 2 ? 'S' : 0;
    case 'S':
        return 'f';
    case 'X':
    case 'x':
        return 'z';
    default:
        return 0;
    }
}

static bool uts35_letter(char c)
{
    return c == 'y' || c == 'M' || c == 'd' || c == 'H' || c == 'm' || c == 's' || c == 'S' ||
           c == 'X' || c == 'x';
}

static int compile_format(struct yk_parser *p, const char *fmt, struct yk_arena *arena, char *why,
                          size_t why_size)
{
    size_t n = strlen(fmt), nt = 0, cap = n + 1;
    if (strncmp(fmt, "fmt:", 4) == 0) /* the old Table Schema spelling */
        fmt += 4, n -= 4;
    struct yk_date_token *t = yk_arena_alloc(arena, cap * sizeof *t);
    if (!t)
        return YK_ENOMEM;
    bool percent = strchr(fmt, '%') != NULL;
    for (size_t i = 0; i < n;) {
        char c = fmt[i], kind;
        if (percent && c == '%' && i + 1 < n) {
            if (fmt[i + 1] == '%') {
                push_token(t, &nt, cap, 0, fmt + i + 1, 1);
            } else if (!(kind = strptime_kind(fmt[i + 1]))) {
                snprintf(why, why_size, "format directive %%%c is not supported", fmt[i + 1]);
                return YK_EINVAL;
            } else {
                push_token(t, &nt, cap, kind, NULL, 0);
            }
            i += 2;
        } else if (!percent && uts35_letter(c)) {
            size_t run = 1;
            while (i + run < n && fmt[i + run] == c)
                run++;
            if (!(kind = uts35_kind(c, run))) {
                snprintf(why, why_size, "format pattern '%.*s' is not supported", (int)run,
                         fmt + i);
                return YK_EINVAL;
            }
            push_token(t, &nt, cap, kind, NULL, 0);
            i += run;
        } else {
            push_token(t, &nt, cap, 0, fmt + i, 1);
            i++;
        }
    }
    p->tokens = t;
    p->ntokens = nt;
    return 0;
}

static const struct {
    bool (*parse)(const struct yk_parser *, const char *, size_t, struct yk_value *);
    const char *uk, *en;             /* what a valid cell looks like */
    const char *plain_uk, *plain_en; /* the type alone, before an explicit format */
} type_table[YK_TYPE_COUNT] = {
    [YK_TYPE_STRING] = {parse_text, "рядок", "a string", NULL, NULL},
    [YK_TYPE_INTEGER] = {parse_integer, "ціле число", "an integer", NULL, NULL},
    [YK_TYPE_NUMBER] = {parse_number, "число", "a number", NULL, NULL},
    [YK_TYPE_BOOLEAN] = {parse_boolean, "логічне значення", "a boolean", NULL, NULL},
    [YK_TYPE_DATE] = {parse_date, "дата РРРР-ММ-ДД", "a date YYYY-MM-DD", "дата", "a date"},
    [YK_TYPE_DATETIME] = {parse_datetime, "дата й час РРРР-ММ-ДДTгг:хх[:сс]",
                          "a date-time YYYY-MM-DDThh:mm[:ss]", "дата й час", "a date-time"},
    [YK_TYPE_TIME] = {parse_time, "час гг:хх[:сс]", "a time hh:mm[:ss]", "час", "a time"},
    [YK_TYPE_YEAR] = {parse_year, "рік РРРР", "a year YYYY", NULL, NULL},
    [YK_TYPE_YEARMONTH] = {parse_yearmonth, "місяць РРРР-ММ", "a month YYYY-MM", NULL, NULL},
    [YK_TYPE_URL] = {parse_url, "посилання (URL)", "a URL", NULL, NULL},
    [YK_TYPE_EMAIL] = {parse_email, "адреса електронної пошти", "an e-mail address", NULL, NULL},
    [YK_TYPE_ANY] = {parse_text, "будь-яке значення", "any value", NULL, NULL},
};

int yk_parser_init(struct yk_parser *p, const struct yk_schema_field *f, struct yk_arena *arena,
                   char *why, size_t why_size)
{
    memset(p, 0, sizeof *p);
    p->type = (unsigned)f->type < YK_TYPE_COUNT ? f->type : YK_TYPE_ANY;
    p->parse = type_table[p->type].parse;
    p->expect_uk = type_table[p->type].uk;
    p->expect_en = type_table[p->type].en;
    p->decimal_char = f->decimal_char && f->decimal_char[0] ? f->decimal_char[0] : '.';
    if (f->group_char && f->group_char[0]) {
        p->group = f->group_char;
        p->group_len = strlen(f->group_char);
    }
    p->bare = f->bare_number;
    p->true_values = f->true_values;
    p->false_values = f->false_values;
    bool dated = p->type == YK_TYPE_DATE || p->type == YK_TYPE_DATETIME || p->type == YK_TYPE_TIME;
    const char *fmt = f->format;
    if (!dated || !fmt || strcmp(fmt, "default") == 0)
        return 0;
    if (strcmp(fmt, "any") == 0) {
        p->any_format = true;
        p->expect_uk = type_table[p->type].plain_uk;
        p->expect_en = type_table[p->type].plain_en;
        return 0;
    }
    int rc = compile_format(p, fmt, arena, why, why_size);
    if (rc == 0) {
        p->expect_uk = yk_arena_printf(arena, "%s у форматі %s", type_table[p->type].plain_uk, fmt);
        p->expect_en =
            yk_arena_printf(arena, "%s in the format %s", type_table[p->type].plain_en, fmt);
        if (!p->expect_uk || !p->expect_en)
            return YK_ENOMEM;
    }
    return rc;
}
