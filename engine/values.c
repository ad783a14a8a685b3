/* yakist — hand-written scanners for the value formats of the Ministry's recommendations:
 * missing values, codes with check digits, dates and numbers (values_text.c has contacts and
 * text). They run on the per-cell hot path, so each is a single forward pass with early exits,
 * no locale, no allocation and no regular expressions; the formats are simple enough to spell
 * out. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "values.h"
#include "values_priv.h"

/* --- missing values ------------------------------------------------------------------------- */

enum yk_null yk_null_kind(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return YK_NULL_EMPTY;
    switch (p[0]) {
    case '-':
        return n == 1 ? YK_NULL_HYPHEN : YK_NULL_NOT;
    case 0xE2:
        if (n == 3 && p[1] == 0x80 && p[2] == 0x94)
            return YK_NULL_EMDASH;
        if (n == 3 && p[1] == 0x80 && p[2] == 0x93)
            return YK_NULL_ENDASH;
        return YK_NULL_NOT;
    case '#':
        return n == 4 && ci_eq(s, "#n/a", 4) ? YK_NULL_NA : YK_NULL_NOT;
    case 'n':
    case 'N':
        if (n == 4 && ci_eq(s, "null", 4)) {
            if (memcmp(s, "null", 4) == 0)
                return YK_NULL_LOWER;
            return memcmp(s, "NULL", 4) == 0 ? YK_NULL_UPPER : YK_NULL_MIXED;
        }
        if (n == 3 && ci_eq(s, "n/a", 3))
            return YK_NULL_NA;
        if (n == 3 && ci_eq(s, "nan", 3))
            return YK_NULL_NAN;
        if (n == 4 && ci_eq(s, "none", 4))
            return YK_NULL_NONE;
        return YK_NULL_NOT;
    case 0xD0: /* н/д: н D0 BD or Н D0 9D, д D0 B4 or Д D0 94 */
        if (n == 5 && (p[1] == 0xBD || p[1] == 0x9D) && p[2] == '/' && p[3] == 0xD0 &&
            (p[4] == 0xB4 || p[4] == 0x94))
            return YK_NULL_ND;
        return YK_NULL_NOT;
    default:
        return YK_NULL_NOT;
    }
}

const char *yk_null_text(enum yk_null kind)
{
    static const char *const text[YK_NULL_COUNT] = {
        "",    "",    "null", "NULL", "Null", "-", "\xE2\x80\x94", "\xE2\x80\x93",
        "н/д", "n/a", "NaN",  "None",
    };
    return (unsigned)kind < YK_NULL_COUNT ? text[kind] : "";
}

/* --- codes with check digits ------------------------------------------------------------------ */

int yk_edrpou_check_digit(const char *s)
{
    static const int low[7] = {1, 2, 3, 4, 5, 6, 7}, mid[7] = {7, 1, 2, 3, 4, 5, 6};
    long value = 0;
    for (int i = 0; i < 8; i++)
        value = value * 10 + (s[i] - '0');
    const int *w = (value < 30000000L || value > 60000000L) ? low : mid;
    int sum = 0;
    for (int i = 0; i < 7; i++)
        sum += (s[i] - '0') * w[i];
    if (sum % 11 < 10)
        return sum % 11;
    sum = 0;
    for (int i = 0; i < 7; i++)
        sum += (s[i] - '0') * (w[i] + 2);
    return sum % 11 < 10 ? sum % 11 : 0;
}

bool yk_edrpou_valid(const char *s, size_t n)
{
    return n == 8 && yk_all_digits(s, n) && yk_edrpou_check_digit(s) == s[7] - '0';
}

int yk_rnokpp_check_digit(const char *s)
{
    static const int w[9] = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
    int sum = 0;
    for (int i = 0; i < 9; i++)
        sum += (s[i] - '0') * w[i];
    return ((sum % 11) + 11) % 11 % 10;
}

bool yk_rnokpp_valid(const char *s, size_t n)
{
    return n == 10 && yk_all_digits(s, n) && yk_rnokpp_check_digit(s) == s[9] - '0';
}

bool yk_rnokpp_likely(const char *s, size_t n)
{
    /* Day 10000 after 31.12.1899 is 19.05.1927; day 49999 falls in 2036. */
    return n == 10 && s[0] >= '1' && s[0] <= '4' && yk_rnokpp_valid(s, n);
}

/* Bytes 8..15 are kept: loading 8 bytes from keep_last + r gives a mask of the last r bytes of
 * a word in memory order, whatever the byte order of the machine. */
static const unsigned char keep_last[16] = {0,    0,    0,    0,    0,    0,    0,    0,
                                            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* The digits among eight bytes, one 0x80 bit each. */
static uint64_t digit_bits(uint64_t x)
{
    return swar_between(x, '0' - 1, '9' + 1);
}

bool yk_digits_at_least(const char *str, size_t n, size_t k)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t count = 0, i = 0;
    /* 16 bytes a step: text holds a digit in few of them, and the count waits for one. */
    for (; i + 16 <= n; i += 16) {
        uint64_t a = digit_bits(swar_load(s + i)), b = digit_bits(swar_load(s + i + 8));
        if (!(a | b))
            continue;
        /* one per digit, summed in the top byte (at most 16) */
        count += (size_t)((((a >> 7) + (b >> 7)) * SWAR_ONES) >> 56);
        if (count >= k)
            return true;
    }
    if (i + 8 <= n) {
        uint64_t m = digit_bits(swar_load(s + i));
        count += (size_t)(((m >> 7) * SWAR_ONES) >> 56);
        i += 8;
    }
    if (i < n && n >= 8) {
        /* The last 8 bytes, keeping only the n - i not yet counted. */
        uint64_t m = digit_bits(swar_load(s + n - 8)) & swar_load(keep_last + (n - i));
        count += (size_t)(((m >> 7) * SWAR_ONES) >> 56);
        i = n;
    }
    for (; i < n; i++)
        count += is_digit(s[i]);
    return count >= k;
}

/* A character that joins digit groups into one code: 12.34, 6125510100:01, 12/34, 12-34. */
static bool code_joint(unsigned char c)
{
    return c == '.' || c == ',' || c == ':' || c == '/' || c == '-';
}

bool yk_rnokpp_find(const char *str, size_t n, size_t *at)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (!yk_digits_at_least(str, n, 10))
        return false;
    while (i + 10 <= n) {
        if (i + 8 <= n && !swar_has_digit(swar_load(s + i))) {
            i += 8;
            continue;
        }
        if (!is_digit(s[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i - b != 10)
            continue;
        if (b > 0 && (is_alpha(s[b - 1]) || s[b - 1] == '+' ||
                      (code_joint(s[b - 1]) && b > 1 && is_digit(s[b - 2]))))
            continue;
        if (i < n && (is_alpha(s[i]) || (code_joint(s[i]) && i + 1 < n && is_digit(s[i + 1]))))
            continue;
        if (yk_rnokpp_likely(str + b, 10)) {
            *at = b;
            return true;
        }
    }
    return false;
}

bool yk_katottg_valid(const char *s, size_t n)
{
    return n == 19 && s[0] == 'U' && s[1] == 'A' && yk_all_digits(s + 2, 17);
}

/* --- dates ---------------------------------------------------------------------------------------
 */

int yk_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* Read up to max digits at s[*i]; returns how many were read (0 when none, or when more than
 * max digits follow, which no date part has). */
static size_t read_num(const unsigned char *s, size_t n, size_t *i, size_t max, int *out)
{
    size_t k = 0;
    int v = 0;
    while (*i + k < n && is_digit(s[*i + k])) {
        if (k == max)
            return 0;
        v = v * 10 + (s[*i + k] - '0');
        k++;
    }
    *i += k;
    *out = v;
    return k;
}

/* Exactly two digits at s[*i], whatever follows (±hhmm). */
static bool two_digits(const unsigned char *s, size_t n, size_t *i, int *out)
{
    if (*i + 2 > n || !is_digit(s[*i]) || !is_digit(s[*i + 1]))
        return false;
    *out = (s[*i] - '0') * 10 + (s[*i + 1] - '0');
    *i += 2;
    return true;
}

/* hh:mm[:ss[.fraction]] at s[*i]; hour_min is the fewest hour digits accepted. */
static bool read_time(const unsigned char *s, size_t n, size_t *i, size_t hour_min,
                      struct yk_date *d)
{
    size_t k = read_num(s, n, i, 2, &d->hour);
    if (k < hour_min || *i >= n || s[*i] != ':')
        return false;
    (*i)++;
    if (read_num(s, n, i, 2, &d->minute) != 2)
        return false;
    if (*i < n && s[*i] == ':') {
        (*i)++;
        if (read_num(s, n, i, 2, &d->second) != 2)
            return false;
        if (*i < n && (s[*i] == '.' || s[*i] == ',')) {
            size_t j = *i + 1;
            while (j < n && is_digit(s[j]))
                j++;
            if (j == *i + 1)
                return false;
            *i = j;
        }
    }
    d->has_time = true;
    if (d->hour > 23 || d->minute > 59 || d->second > 60)
        d->fault = YK_DATE_BAD_TIME;
    return true;
}

/* Z, ±hh, ±hhmm or ±hh:mm at s[*i]. */
static bool read_zone(const unsigned char *s, size_t n, size_t *i, struct yk_date *d)
{
    if (s[*i] == 'Z') {
        (*i)++;
        return true;
    }
    if (s[*i] != '+' && s[*i] != '-')
        return false;
    (*i)++;
    int hh = 0, mm = 0;
    if (!two_digits(s, n, i, &hh))
        return false;
    if (*i < n && s[*i] == ':')
        (*i)++;
    if (*i < n && !two_digits(s, n, i, &mm))
        return false;
    if ((hh > 14 || mm > 59) && d->fault == YK_DATE_OK)
        d->fault = YK_DATE_BAD_ZONE;
    return true;
}

/* What separates the date from the time at s[*i]: the form it gives an ISO date, or NONE. */
static enum yk_date_form time_mark(const unsigned char *s, size_t n, size_t *i)
{
    if (s[*i] == 'T') {
        (*i)++;
        return YK_DATE_ISO_T;
    }
    if (s[*i] == 't') {
        (*i)++;
        return YK_DATE_ISO_BAD_T;
    }
    if (*i + 1 < n &&
        ((s[*i] == 0xD0 && s[*i + 1] == 0xA2) || (s[*i] == 0xD1 && s[*i + 1] == 0x82))) {
        *i += 2; /* Cyrillic Т or т */
        return YK_DATE_ISO_BAD_T;
    }
    if (s[*i] == ' ') {
        (*i)++;
        return YK_DATE_ISO_SPACE;
    }
    return YK_DATE_NONE;
}

/* The date part: Y-M-D (four-digit year first) or D.M.Y. */
static enum yk_date_form read_date(const unsigned char *s, size_t n, size_t *i, struct yk_date *d)
{
    int a, b, c;
    size_t la = read_num(s, n, i, 4, &a);
    if (la == 0 || la == 3 || *i >= n)
        return YK_DATE_NONE;
    char sep = (char)s[*i];
    if (sep != '-' && sep != '.' && sep != '/')
        return YK_DATE_NONE;
    (*i)++;
    size_t lb = read_num(s, n, i, 2, &b);
    if (lb == 0 || *i >= n || s[*i] != (unsigned char)sep)
        return YK_DATE_NONE;
    (*i)++;
    d->sep = sep;
    if (la == 4) {
        size_t lc = read_num(s, n, i, 2, &c);
        if (lc == 0)
            return YK_DATE_NONE;
        d->year = a, d->month = b, d->day = c;
        return sep == '-' && lb == 2 && lc == 2 ? YK_DATE_ISO : YK_DATE_YMD;
    }
    if (read_num(s, n, i, 4, &c) != 4)
        return YK_DATE_NONE;
    d->day = a, d->month = b, d->year = c;
    return YK_DATE_DMY;
}

enum yk_date_form yk_date_scan(const char *str, size_t n, struct yk_date *out)
{
    const unsigned char *s = (const unsigned char *)str;
    struct yk_date d = {.second = -1};
    size_t i = 0;
    if (n < 8 || n > 64 || !is_digit(s[0]))
        return YK_DATE_NONE;
    enum yk_date_form form = read_date(s, n, &i, &d);
    if (form == YK_DATE_NONE)
        return YK_DATE_NONE;
    if (form == YK_DATE_ISO && i < n) {
        form = time_mark(s, n, &i);
        if (form == YK_DATE_NONE || !read_time(s, n, &i, 2, &d))
            return YK_DATE_NONE;
        if (i < n && !read_zone(s, n, &i, &d))
            return YK_DATE_NONE;
    } else if (form != YK_DATE_ISO && i < n) {
        /* 05.01.2024 10:00, 05.01.2024р., 05.01.2024 р. */
        size_t j = i + (s[i] == ' ');
        if (j + 1 < n && s[j] == 0xD1 && s[j + 1] == 0x80) { /* р */
            j += 2;
            i = j + (j < n && s[j] == '.');
        } else if (s[i] == ' ') {
            i++;
            if (!read_time(s, n, &i, 1, &d))
                return YK_DATE_NONE;
        }
    }
    if (i != n)
        return YK_DATE_NONE;
    d.form = form;
    if (d.fault == YK_DATE_OK || d.fault == YK_DATE_BAD_ZONE) {
        enum yk_date_fault f = d.fault;
        if (d.month < 1 || d.month > 12)
            f = YK_DATE_BAD_MONTH;
        else if (d.day < 1 || d.day > yk_days_in_month(d.year, d.month))
            f = YK_DATE_BAD_DAY;
        d.fault = f;
    }
    *out = d;
    return form;
}

char *yk_date_iso(char *buf, const struct yk_date *d)
{
    int k = snprintf(buf, 32, "%04d-%02d-%02d", d->year % 10000, d->month % 100, d->day % 100);
    if (d->has_time && k > 0)
        k += snprintf(buf + k, 32 - (size_t)k, "T%02d:%02d", d->hour % 100, d->minute % 100);
    if (d->has_time && d->second >= 0 && k > 0 && k < 32)
        snprintf(buf + k, 32 - (size_t)k, ":%02d", d->second % 100);
    return buf;
}

/* --- numbers ---------------------------------------------------------------------------------- */

/* Units seen glued to numbers in Ukrainian tables. Only a number's remainder is compared. */
static const char *const units[] = {
    "%",     "‰",        "грн",     "грн.",      "гривень", "гривні", "гривня",  "коп",
    "коп.",  "₴",        "$",       "€",         "UAH",     "USD",    "EUR",     "тис",
    "тис.",  "тис. грн", "тис.грн", "тис. грн.", "млн",     "млн.",   "млн грн", "млн. грн",
    "млрд",  "м",        "м2",      "м²",        "м.кв.",   "м.кв",   "кв.м",    "кв. м",
    "кв.м.", "кв. м.",   "м3",      "м³",        "куб.м",   "км",     "см",      "мм",
    "га",    "кг",       "т",       "л",         "шт",      "шт.",    "од",      "од.",
    "осіб",  "чол",      "чол.",    "год",       "год.",    "хв",     "кВт",     "кВт·год",
    "МВт",   "Гкал",     "m",       "m2",        "km",      "kg",     "ha",      "pcs",
};

static bool is_unit(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strlen(units[i]) == n && memcmp(units[i], s, n) == 0)
            return true;
    return false;
}

/* A thousands separator at p followed by exactly three digits and no fourth: its length, with
 * the separator's class in *c (' ' for every kind of space). */
static size_t group_at(const unsigned char *p, size_t n, char *c)
{
    size_t k = space_len(p, n);
    if (k)
        *c = ' ';
    else if (n > 0 && (p[0] == ',' || p[0] == '.' || p[0] == '\''))
        k = 1, *c = (char)p[0];
    else
        return 0;
    if (n < k + 3 || !is_digit(p[k]) || !is_digit(p[k + 1]) || !is_digit(p[k + 2]))
        return 0;
    if (n > k + 3 && is_digit(p[k + 3]))
        return 0;
    return k;
}

static const double tens[20] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};

bool yk_decimal_parse(const char *str, size_t n, double *value, char *mark)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, digits = 0, frac = 0;
    bool neg = false;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    } else if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) {
        neg = true;
        i = 3;
    }
    uint64_t m = 0;
    for (; i < n && is_digit(s[i]); i++, digits++)
        m = m * 10 + (s[i] - '0');
    if (digits == 0 || digits > 18)
        return false;
    *mark = 0;
    if (i < n) {
        if ((s[i] != '.' && s[i] != ',') || i + 1 == n)
            return false;
        *mark = (char)s[i++];
        for (; i < n && is_digit(s[i]); i++, frac++)
            m = m * 10 + (s[i] - '0');
        if (i < n || frac == 0 || digits + frac > 18)
            return false;
    }
    double v = (double)m / tens[frac];
    *value = neg ? -v : v;
    return true;
}

/* A digit into a mantissa that stops growing at 19 digits (the value is then approximate).
 * Returns false when the digit was dropped. */
static bool mantissa_add(uint64_t *m, unsigned char digit)
{
    if (*m >= UINT64_C(1000000000000000000))
        return false;
    *m = *m * 10 + (digit - '0');
    return true;
}

bool yk_number_scan(const char *str, size_t n, struct yk_number *out)
{
    const unsigned char *s = (const unsigned char *)str;
    struct yk_number r = {0};
    size_t i = 0;
    bool neg = false;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    } else if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) { /* U+2212 minus */
        neg = true;
        i = 3;
    }
    size_t start = i;
    uint64_t m = 0;
    int up = 0, frac = 0; /* integer digits dropped, fraction digits kept */
    while (i < n && is_digit(s[i]))
        up += !mantissa_add(&m, s[i++]);
    if (i == start)
        return false;
    /* Thousands groups: only after 1-3 leading digits that do not start with 0. */
    size_t lead_end = i, groups = 0;
    uint64_t lead = m;
    int lead_up = up;
    char c;
    size_t k;
    if (i - start <= 3 && s[start] != '0') {
        while ((k = group_at(s + i, n - i, &c)) > 0 && (!r.group || c == r.group)) {
            r.group = c;
            groups++;
            i += k;
            for (int j = 0; j < 3; j++)
                up += !mantissa_add(&m, s[i++]);
        }
    }
    /* A single ",ddd" or ".ddd" is a decimal part unless the other mark follows it. */
    if ((r.group == ',' || r.group == '.') && groups == 1) {
        char other = r.group == ',' ? '.' : ',';
        if (!(i + 1 < n && s[i] == (unsigned char)other && is_digit(s[i + 1]))) {
            r.group = 0;
            i = lead_end;
            m = lead;
            up = lead_up;
        }
    }
    if (i + 1 < n && (s[i] == '.' || s[i] == ',') && s[i] != (unsigned char)r.group &&
        is_digit(s[i + 1])) {
        r.decimal = (char)s[i++];
        while (i < n && is_digit(s[i]))
            frac += mantissa_add(&m, s[i++]);
    }
    if (i < n) {
        size_t j = i, sp;
        while ((sp = space_len(s + j, n - j)) > 0)
            j += sp;
        if (j == n || !is_unit(str + j, n - j))
            return false;
        r.unit_at = j;
        r.unit_len = n - j;
    }
    double v = (double)m;
    while (up > 0) {
        int e = up < 19 ? up : 19;
        v *= tens[e];
        up -= e;
    }
    v /= tens[frac]; /* at most 19 fraction digits fit the mantissa */
    r.value = neg ? -v : v;
    *out = r;
    return true;
}
