/* yakist — hand-written scanners for contact details and text: phones, e-mail addresses, URLs,
 * mixed scripts, settlement names, and the masks that keep personal values out of messages.
 * Same rules as values.c: one forward pass, no locale, no allocation. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "values.h"
#include "values_priv.h"

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
    static const char codes[][2] = {{'3', '9'}, {'5', '0'}, {'6', '3'}, {'6', '6'}, {'6', '7'},
                                    {'6', '8'}, {'7', '3'}, {'7', '5'}, {'7', '7'}, {'8', '9'},
                                    {'9', '1'}, {'9', '2'}, {'9', '3'}, {'9', '4'}, {'9', '5'},
                                    {'9', '6'}, {'9', '7'}, {'9', '8'}, {'9', '9'}};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i][0] == a && codes[i][1] == b)
            return true;
    return false;
}

/* What groups the digits of a phone in text. Dots are left out: with them dates and times
 * (05.01.2024 10:30) would read as numbers. */
static bool phone_mark(unsigned char c)
{
    return c == ' ' || c == '-' || c == '(' || c == ')';
}

/* A character that glues a digit run to more digits: the run is part of a longer code, a date
 * or a time. */
static bool glued(const unsigned char *s, size_t n, size_t i)
{
    return i < n && (s[i] == ':' || s[i] == '.' || s[i] == '/' || s[i] == ',') && i + 1 < n &&
           is_digit(s[i + 1]);
}

bool yk_phone_find_mobile(const char *str, size_t n, size_t *at, size_t *len, size_t *head)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (!yk_digits_at_least(str, n, 10))
        return false;
    while (i < n) {
        /* Skip 8 bytes at a time while they hold no digit, '(' or '+'. */
        while (i + 8 <= n) {
            uint64_t x = swar_load(s + i);
            if (swar_has_digit(x) || swar_between(x, '(' - 1, '+' + 1))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        bool opener = (c == '+' || c == '(') && i + 1 < n && is_digit(s[i + 1]);
        if (!is_digit(c) && !opener) {
            i++;
            continue;
        }
        if (i > 0 && is_alnum(s[i - 1])) { /* inside a word or a longer code: skip the run */
            i++;
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
        bool glued_on = (last + 1 < n && is_alpha(s[last + 1])) || glued(s, n, last + 1) ||
                        (start >= 2 && glued(s, n, start - 1) && is_digit(s[start - 2]));
        if (!glued_on && nd == 10 && d[0] == '0' && mobile_code(d[1], d[2])) {
            *at = start, *len = last + 1 - start, *head = 3;
            return true;
        }
        if (!glued_on && nd == 12 && memcmp(d, "380", 3) == 0 && mobile_code(d[3], d[4])) {
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
    return labels >= 2 && tld_letters >= 2 &&
           (!tld_other || (label > 4 && ci_eq((const char *)s + n - label, "xn--", 4)));
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
        "gmail.com",  "googlemail.com", "ukr.net", "i.ua",      "meta.ua",        "email.ua",
        "bigmir.net", "online.ua",      "mail.ua", "yahoo.com", "hotmail.com",    "outlook.com",
        "live.com",   "icloud.com",     "me.com",  "proton.me", "protonmail.com", "gmx.com",
        "gmx.net",    "aol.com",        "mail.ru", "yandex.ru", "yandex.ua",      "rambler.ru",
        "inbox.ru",   "list.ru",        "bk.ru",   "ya.ru",     "tut.by",         "i.com.ua",
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

/* host[:port], the host a domain, dotted IPv4 digits or a bracketed IPv6 literal. */
static bool host_ok(const unsigned char *s, size_t n)
{
    size_t end = n; /* where the host ends and ":port" may start */
    bool ipv6 = n > 0 && s[0] == '[';
    if (ipv6) {
        const unsigned char *close = memchr(s, ']', n);
        if (!close || close == s + 1)
            return false;
        end = (size_t)(close - s) + 1;
    } else {
        const unsigned char *colon = memchr(s, ':', n);
        end = colon ? (size_t)(colon - s) : n;
    }
    if (end < n) {
        if (s[end] != ':' || n - end - 1 == 0 || n - end - 1 > 5)
            return false;
        for (size_t i = end + 1; i < n; i++)
            if (!is_digit(s[i]))
                return false;
    }
    if (ipv6 || domain_ok(s, end))
        return true;
    if (end == 0 || !is_digit(s[0]))
        return false;
    for (size_t i = 0; i < end; i++)
        if (!is_digit(s[i]) && s[i] != '.')
            return false;
    return true;
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

/* Does s hold a letter of the script, 8 bytes at a time? Latin: an ASCII letter or a lead byte
 * C3-C9 (Latin-1, Extended-A/B); Cyrillic: a lead byte D0-D4. Ukrainian text seldom holds a
 * Latin letter, so the Latin pass usually ends the work alone. */
static bool has_script(const unsigned char *s, size_t n, bool latin)
{
    unsigned char pad[8] = {0};
    for (size_t j = 0; j < n; j += 8) {
        uint64_t x;
        if (j + 8 <= n) {
            x = swar_load(s + j);
        } else if (n >= 8) {
            x = swar_load(s + n - 8); /* the last 8 bytes, overlapping the previous step */
        } else {
            memcpy(pad, s, n);
            x = swar_load(pad);
        }
        uint64_t flipped = x ^ SWAR_HIGHS;
        uint64_t hit = latin ? swar_between(x | SWAR_ONES * 0x20, 'a' - 1, 'z' + 1) |
                                   swar_between(flipped, 0x42, 0x4A)
                             : swar_between(flipped, 0x4F, 0x55);
        if (hit)
            return true;
    }
    return false;
}

int yk_script_at(const char *s, size_t n, size_t *len)
{
    return (int)script_at((const unsigned char *)s, n, len);
}

size_t yk_script_mixed(const char *str, size_t n, size_t *first_at, size_t *first_len)
{
    const unsigned char *s = (const unsigned char *)str;
    /* Most cells are in one script: decide that first, 8 bytes at a time. Latin: an ASCII
     * letter or a lead byte C3-C9 (Latin-1, Extended-A/B); Cyrillic: a lead byte D0-D4. */
    if (n < 2 || !has_script(s, n, true) || !has_script(s, n, false))
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
        "селище міського типу ",
        "селище ",
        "село ",
        "місто ",
        "с-ще ",
        "смт. ",
        "смт.",
        "смт ",
        "сел. ",
        "сел.",
        "м. ",
        "м.",
        "с. ",
        "с.",
        "м ",
        "с ",
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
