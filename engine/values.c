/* yakist — hand-written scanners for the value formats of the Ministry's recommendations. They
 * run on the per-cell hot path, so each is a single forward pass with early exits, no locale,
 * no allocation and no regular expressions; the formats are simple enough to spell out. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "values.h"

static bool is_digit(unsigned char c)
{
    return (unsigned char)(c - '0') <= 9;
}

static bool is_alpha(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') <= 25;
}

static bool is_alnum(unsigned char c)
{
    return is_digit(c) || is_alpha(c);
}

/* ASCII case-insensitive comparison of n bytes against a lower-case literal. */
static bool ci_eq(const char *s, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if (c != (unsigned char)lower[i])
            return false;
    }
    return true;
}

/* Length of a space character at p: ' ', tab, NBSP (U+00A0), thin (U+2009) or narrow no-break
 * space (U+202F); 0 when there is none. */
static size_t space_len(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[0] == ' ' || p[0] == '\t'))
        return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF))
        return 3;
    return 0;
}

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
        "", "", "null", "NULL", "Null", "-", "\xE2\x80\x94", "\xE2\x80\x93", "н/д", "n/a",
        "NaN", "None",
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

bool yk_katottg_valid(const char *s, size_t n)
{
    return n == 19 && s[0] == 'U' && s[1] == 'A' && yk_all_digits(s + 2, 17);
}

/* --- dates --------------------------------------------------------------------------------------- */

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
    if (read_num(s, n, i, 2, &hh) != 2)
        return false;
    if (*i < n && s[*i] == ':')
        (*i)++;
    if (*i < n && read_num(s, n, i, 2, &mm) != 2)
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
    if (*i + 1 < n && ((s[*i] == 0xD0 && s[*i + 1] == 0xA2) || (s[*i] == 0xD1 && s[*i + 1] == 0x82))) {
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
    "%",      "‰",        "грн",     "грн.",     "гривень", "гривні",  "гривня", "коп",
    "коп.",   "₴",        "$",       "€",        "UAH",     "USD",     "EUR",    "тис",
    "тис.",   "тис. грн", "тис.грн", "тис. грн.", "млн",    "млн.",    "млн грн", "млн. грн",
    "млрд",   "м",        "м2",      "м²",       "м.кв.",   "м.кв",    "кв.м",   "кв. м",
    "кв.м.",  "кв. м.",   "м3",      "м³",       "куб.м",   "км",      "см",     "мм",
    "га",     "кг",       "т",       "л",        "шт",      "шт.",     "од",     "од.",
    "осіб",   "чол",      "чол.",    "год",      "год.",    "хв",      "кВт",    "кВт·год",
    "МВт",    "Гкал",     "m",       "m2",       "km",      "kg",      "ha",     "pcs",
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
    double v = 0;
    while (i < n && is_digit(s[i]))
        v = v * 10 + (s[i++] - '0');
    if (i == start)
        return false;
    /* Thousands groups: only after 1-3 leading digits that do not start with 0. */
    size_t lead_end = i, groups = 0;
    double lead = v;
    char c;
    size_t k;
    if (i - start <= 3 && s[start] != '0') {
        while ((k = group_at(s + i, n - i, &c)) > 0 && (!r.group || c == r.group)) {
            r.group = c;
            groups++;
            i += k;
            for (int j = 0; j < 3; j++)
                v = v * 10 + (s[i++] - '0');
        }
    }
    /* A single ",ddd" or ".ddd" is a decimal part unless the other mark follows it. */
    if ((r.group == ',' || r.group == '.') && groups == 1) {
        char other = r.group == ',' ? '.' : ',';
        if (!(i + 1 < n && s[i] == (unsigned char)other && is_digit(s[i + 1])))
            r.group = 0, i = lead_end, v = lead;
    }
    if (i + 1 < n && (s[i] == '.' || s[i] == ',') && s[i] != (unsigned char)r.group &&
        is_digit(s[i + 1])) {
        r.decimal = (char)s[i++];
        double scale = 0.1;
        while (i < n && is_digit(s[i])) {
            v += (s[i++] - '0') * scale;
            scale /= 10;
        }
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
    r.value = neg ? -v : v;
    *out = r;
    return true;
}

/* --- phones --------------------------------------------------------------------------------- */

enum yk_phone yk_phone_check(const char *str, size_t n, char suggestion[14])
{
    const unsigned char *s = (const unsigned char *)str;
    char d[13];
    size_t nd = 0, k;
    bool plus = false, dressed = false;
    suggestion[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i])) {
            if (nd == 12)
                return YK_PHONE_BAD;
            d[nd++] = (char)s[i];
        } else if (s[i] == '+' && i == 0) {
            plus = true;
        } else if (s[i] == '(' || s[i] == ')' || s[i] == '-' || s[i] == '.') {
            dressed = true;
        } else if ((k = space_len(s + i, n - i)) > 0) {
            dressed = true;
            i += k - 1;
        } else {
            return YK_PHONE_BAD;
        }
    }
    const char *prefix = NULL;
    if (nd == 12 && memcmp(d, "380", 3) == 0) {
        if (plus && !dressed)
            return YK_PHONE_OK;
        prefix = "+";
    } else if (nd == 10 && d[0] == '0') {
        prefix = "+38";
    } else if (nd == 11 && d[0] == '8' && d[1] == '0') {
        prefix = "+3";
    } else if (nd == 9 && d[0] != '0' && !plus) {
        prefix = "+380";
    } else if (nd >= 5 && nd <= 7 && !plus) {
        return YK_PHONE_SHORT;
    } else {
        return YK_PHONE_BAD;
    }
    size_t pl = strlen(prefix);
    memcpy(suggestion, prefix, pl);
    memcpy(suggestion + pl, d, nd);
    suggestion[pl + nd] = '\0';
    return plus || dressed || nd != 12 ? YK_PHONE_FORMAT : YK_PHONE_NO_PLUS;
}

/* Codes of Ukraine's mobile operators (the two digits after the trunk 0). */
static bool mobile_code(char a, char b)
{
    static const char *const codes = "39 50 63 66 67 68 73 75 77 89 91 92 93 94 95 96 97 98 99";
    for (const char *c = codes; *c; c += 3)
        if (c[0] == a && c[1] == b)
            return true;
    return false;
}

static bool phone_mark(unsigned char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

bool yk_phone_find_mobile(const char *str, size_t n, size_t *at, size_t *len, size_t *head)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        bool opener = (c == '+' || c == '(') && i + 1 < n && is_digit(s[i + 1]);
        if (!is_digit(c) && !opener) {
            i++;
            continue;
        }
        if (i > 0 && is_alnum(s[i - 1])) { /* inside a word or a longer code: skip the run */
            while (i < n && is_alnum(s[i]))
                i++;
            continue;
        }
        size_t start = i, last = i, nd = 0;
        char d[13];
        i += opener;
        while (i < n) {
            if (is_digit(s[i])) {
                if (nd < 13)
                    d[nd] = (char)s[i];
                nd++;
                last = i++;
            } else if (phone_mark(s[i])) {
                size_t j = i + 1;
                if (j < n && phone_mark(s[j]))
                    j++;
                if (j >= n || !is_digit(s[j]))
                    break;
                i = j;
            } else {
                break;
            }
        }
        bool letter_after = last + 1 < n && is_alpha(s[last + 1]);
        if (!letter_after && nd == 10 && d[0] == '0' && mobile_code(d[1], d[2])) {
            *at = start, *len = last + 1 - start, *head = 3;
            return true;
        }
        if (!letter_after && nd == 12 && memcmp(d, "380", 3) == 0 && mobile_code(d[3], d[4])) {
            *at = start, *len = last + 1 - start, *head = 5;
            return true;
        }
        i = last + 1;
    }
    return false;
}

/* --- e-mail ----------------------------------------------------------------------------------- */

static bool local_char(unsigned char c)
{
    return is_alnum(c) || (c && strchr("!#$%&'*+/=?^_`{|}~-.", c));
}

/* A domain: dot-separated labels of letters, digits, hyphens (not at the ends) and non-ASCII
 * bytes (internationalised names), at least two labels, the last of two or more letters. */
static bool domain_ok(const unsigned char *s, size_t n)
{
    size_t labels = 0, label = 0, tld_letters = 0;
    bool tld_other = false;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            if (label == 0 || s[i - 1] == '-')
                return false;
            labels++;
            if (i < n)
                label = 0, tld_letters = 0, tld_other = false;
            continue;
        }
        if (label == 0 && s[i] == '-')
            return false;
        if (is_alpha(s[i]) || s[i] >= 0x80)
            tld_letters++;
        else if (is_digit(s[i]) || s[i] == '-')
            tld_other = true;
        else
            return false;
        label++;
    }
    return labels >= 2 && tld_letters >= 2 && (!tld_other || (label > 4 && ci_eq((const char *)s + n - label, "xn--", 4)));
}

enum yk_email yk_email_check(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n >= 7 && ci_eq(str, "mailto:", 7))
        return YK_EMAIL_MAILTO;
    size_t at = n, ats = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '@')
            at = ats++ ? at : i;
        else if (space_len(s + i, n - i))
            return YK_EMAIL_SPACE;
    }
    if (ats == 0)
        return YK_EMAIL_NO_AT;
    if (ats > 1)
        return YK_EMAIL_MANY_AT;
    if (at == 0 || s[0] == '.' || s[at - 1] == '.')
        return YK_EMAIL_LOCAL;
    bool non_latin = false;
    for (size_t i = 0; i < at; i++) {
        if (s[i] >= 0x80)
            non_latin = true;
        else if (!local_char(s[i]) || (s[i] == '.' && s[i + 1] == '.'))
            return YK_EMAIL_LOCAL;
    }
    if (non_latin)
        return YK_EMAIL_NON_LATIN;
    return domain_ok(s + at + 1, n - at - 1) ? YK_EMAIL_OK : YK_EMAIL_DOMAIN;
}

bool yk_email_free_domain(const char *domain, size_t n)
{
    static const char *const free_mail[] = {
        "gmail.com",   "googlemail.com", "ukr.net",     "i.ua",       "meta.ua",   "email.ua",
        "bigmir.net",  "online.ua",      "mail.ua",     "yahoo.com",  "hotmail.com", "outlook.com",
        "live.com",    "icloud.com",     "me.com",      "proton.me",  "protonmail.com", "gmx.com",
        "gmx.net",     "aol.com",        "mail.ru",     "yandex.ru",  "yandex.ua", "rambler.ru",
        "inbox.ru",    "list.ru",        "bk.ru",       "ya.ru",      "tut.by",    "i.com.ua",
    };
    for (size_t i = 0; i < sizeof free_mail / sizeof free_mail[0]; i++)
        if (strlen(free_mail[i]) == n && ci_eq(domain, free_mail[i], n))
            return true;
    return false;
}

bool yk_email_find(const char *str, size_t n, size_t *at, size_t *len)
{
    const unsigned char *s = (const unsigned char *)str;
    const unsigned char *p = s;
    while ((p = memchr(p, '@', n - (size_t)(p - s))) != NULL) {
        size_t a = (size_t)(p - s), b = a, e = a + 1;
        while (b > 0 && (is_alnum(s[b - 1]) || (s[b - 1] && strchr("._%+-", s[b - 1]))))
            b--;
        while (b < a && s[b] == '.')
            b++;
        while (e < n && (is_alnum(s[e]) || s[e] == '.' || s[e] == '-'))
            e++;
        while (e > a + 1 && s[e - 1] == '.')
            e--;
        if (b < a && memchr(s + a + 1, '.', e - a - 1) && domain_ok(s + a + 1, e - a - 1)) {
            *at = b;
            *len = e - b;
            return true;
        }
        p++;
        if ((size_t)(p - s) >= n)
            break;
    }
    return false;
}

/* --- URLs ------------------------------------------------------------------------------------- */

static bool host_ok(const unsigned char *s, size_t n)
{
    if (n > 0 && s[0] == '[') /* an IPv6 literal */
        return n > 2 && s[n - 1] == ']';
    size_t port = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':')
            port = i;
    for (size_t i = port + 1; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    if (port + 1 == n || port + 6 < n)
        return false;
    return domain_ok(s, port) || (port > 0 && yk_all_digits((const char *)s, 1) &&
                                  strspn((const char *)s, "0123456789.") == port);
}

enum yk_url yk_url_check(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n; i++)
        if (space_len(s + i, n - i) || s[i] == '\n' || s[i] == '\r')
            return YK_URL_SPACE;
    size_t k = 0;
    while (k < n && (is_alnum(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-'))
        k++;
    bool http = (k == 4 && ci_eq(str, "http", 4)) || (k == 5 && ci_eq(str, "https", 5));
    if (k == n || s[k] != ':' || !is_alpha(s[0])) {
        if (n >= 4 && ci_eq(str, "http", 4))
            return YK_URL_MALFORMED;
        size_t end = 0;
        while (end < n && s[end] != '/' && s[end] != '?' && s[end] != '#')
            end++;
        return host_ok(s, end) ? YK_URL_NO_SCHEME : YK_URL_HOST;
    }
    if (!http)
        return YK_URL_SCHEME;
    if (n < k + 3 || s[k + 1] != '/' || s[k + 2] != '/')
        return YK_URL_MALFORMED;
    size_t h = k + 3, end = h;
    while (end < n && s[end] != '/' && s[end] != '?' && s[end] != '#')
        end++;
    for (size_t i = end; i-- > h;) /* user:password@ before the host */
        if (s[i] == '@') {
            h = i + 1;
            break;
        }
    return host_ok(s + h, end - h) ? YK_URL_OK : YK_URL_HOST;
}

/* --- text ------------------------------------------------------------------------------------- */

enum script { SC_OTHER = 0, SC_LATIN, SC_CYRILLIC };

/* The script of the character at s and its length in bytes. */
static enum script script_at(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    *len = 1;
    if (c < 0x80)
        return is_alpha(c) ? SC_LATIN : SC_OTHER;
    if (c < 0xC2 || n < 2)
        return SC_OTHER;
    if (c < 0xE0) {
        *len = 2;
        if (c == 0xC3)
            return s[1] == 0x97 || s[1] == 0xB7 ? SC_OTHER : SC_LATIN; /* × ÷ */
        if (c >= 0xC4 && c <= 0xC9)
            return SC_LATIN; /* Latin Extended-A and -B */
        if ((c >= 0xD0 && c <= 0xD3) || (c == 0xD4 && s[1] <= 0xAF))
            return SC_CYRILLIC; /* U+0400-U+052F */
        return SC_OTHER;
    }
    *len = c < 0xF0 ? 3 : 4;
    if (*len > n)
        *len = n;
    return SC_OTHER;
}

size_t yk_script_mixed(const char *str, size_t n, size_t *first_at, size_t *first_len)
{
    const unsigned char *s = (const unsigned char *)str;
    bool latin = false, cyrillic = false;
    for (size_t i = 0; i < n; i++) { /* most cells are one script: decide that cheaply */
        unsigned char c = s[i];
        latin |= is_alpha(c) || (c >= 0xC3 && c <= 0xC9);
        cyrillic |= c >= 0xD0 && c <= 0xD4;
    }
    if (!latin || !cyrillic)
        return 0;
    size_t count = 0, i = 0;
    while (i < n) {
        size_t start = i, k;
        unsigned seen = 0;
        enum script sc;
        while (i < n && (sc = script_at(s + i, n - i, &k)) != SC_OTHER) {
            seen |= 1u << sc;
            i += k;
        }
        if (seen == ((1u << SC_LATIN) | (1u << SC_CYRILLIC))) {
            if (count++ == 0)
                *first_at = start, *first_len = i - start;
        }
        if (i == start) {
            script_at(s + i, n - i, &k);
            i += k;
        }
    }
    return count;
}

size_t yk_utf8_lower(const char *str, size_t n, char *buf, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char *o = (unsigned char *)buf;
    size_t i = 0;
    if (n > cap)
        n = cap;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            o[i] = c | 0x20;
            i++;
        } else if (c == 0xD0 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xAF) {
            unsigned cp = 0x400u + (s[i + 1] - 0x80u); /* U+0400-U+042F */
            cp += cp < 0x410 ? 0x50 : 0x20;
            o[i] = (unsigned char)(0xC0 | (cp >> 6));
            o[i + 1] = (unsigned char)(0x80 | (cp & 0x3F));
            i += 2;
        } else if (c == 0xD2 && i + 1 < n && s[i + 1] == 0x90) { /* Ґ */
            o[i] = 0xD2, o[i + 1] = 0x91;
            i += 2;
        } else {
            o[i] = c;
            i++;
        }
    }
    return n;
}

size_t yk_settlement_prefix(const char *str, size_t n)
{
    /* Longest first; "." ends an abbreviation, the full words need a space after them. */
    static const char *const words[] = {
        "селище міського типу ", "селище ", "село ", "місто ", "с-ще ", "смт. ", "смт.",
        "смт ", "сел. ", "сел.", "м. ", "м.", "с. ", "с.", "м ", "с ",
    };
    char low[48];
    size_t len = yk_utf8_lower(str, n, low, sizeof low);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        if (k < len && memcmp(low, words[i], k) == 0) {
            size_t sp;
            while (k < n && (sp = space_len((const unsigned char *)str + k, n - k)) > 0)
                k += sp;
            return k < n ? k : 0;
        }
    }
    return 0;
}

size_t yk_settlement_suffix(const char *str, size_t n)
{
    static const char *const words[] = {
        " сільська рада", " селищна рада", " міська рада", " с. р.", " с.р.", " с/р",
    };
    char low[48];
    if (n < 5)
        return 0;
    size_t from = n > sizeof low ? n - sizeof low : 0;
    while (from < n && ((unsigned char)str[from] & 0xC0) == 0x80)
        from++;
    size_t len = yk_utf8_lower(str + from, n - from, low, sizeof low);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        if (k < len && memcmp(low + len - k, words[i], k) == 0)
            return k;
    }
    return 0;
}

char *yk_mask_digits(char *buf, size_t size, const char *s, size_t n, size_t head, size_t tail)
{
    size_t digits = 0, o = 0, seen = 0;
    for (size_t i = 0; i < n; i++)
        digits += is_digit((unsigned char)s[i]);
    if (digits < head + tail + 2)
        head = tail = 0;
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        char c = s[i];
        if (is_digit((unsigned char)c)) {
            seen++;
            if (seen > head && seen <= digits - tail)
                c = '*';
        }
        buf[o++] = c;
    }
    buf[o] = '\0';
    return buf;
}

char *yk_mask_email(char *buf, size_t size, const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    size_t dl = at ? n - (size_t)(at - s) : 0;
    if (!at || at == s || size < 6) {
        snprintf(buf, size, "***");
        return buf;
    }
    size_t first = 1;
    while (first < (size_t)(at - s) && ((unsigned char)s[first] & 0xC0) == 0x80)
        first++;
    snprintf(buf, size, "%.*s***%.*s", (int)first, s, (int)dl, at);
    return buf;
}
