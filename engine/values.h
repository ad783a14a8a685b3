/* yakist — hand-written scanners for the value formats the Ministry's recommendations prescribe:
 * missing-value spellings, ISO 8601 dates, numbers, ЄДРПОУ and РНОКПП check digits, КАТОТТГ,
 * phones, e-mail addresses, URLs, mixed scripts. Private to the library. None of them allocates;
 * each reads s[0..n) once (input need not be NUL-terminated) and expects it already trimmed. */
#ifndef YK_ENGINE_VALUES_H
#define YK_ENGINE_VALUES_H

#include <stdbool.h>
#include <stddef.h>

/* --- missing values ---------------------------------------------------------------------- */

/* How a missing value is spelt. 0 means "a value"; the order is the order messages list them. */
enum yk_null {
    YK_NULL_NOT = 0,
    YK_NULL_EMPTY,  /* "" (or only whitespace) */
    YK_NULL_LOWER,  /* null: the Ministry's spelling */
    YK_NULL_UPPER,  /* NULL */
    YK_NULL_MIXED,  /* Null, nULL ... */
    YK_NULL_HYPHEN, /* - */
    YK_NULL_EMDASH, /* — */
    YK_NULL_ENDASH, /* – */
    YK_NULL_ND,     /* н/д, Н/Д */
    YK_NULL_NA,     /* n/a, N/A, #N/A */
    YK_NULL_NAN,    /* NaN, nan */
    YK_NULL_NONE,   /* None, none */
    YK_NULL_COUNT
};

enum yk_null yk_null_kind(const char *s, size_t n);

/* The spelling as messages quote it: "null", "NULL", "-", "н/д" ...; "" for YK_NULL_EMPTY. */
const char *yk_null_text(enum yk_null kind);

/* --- codes with check digits ------------------------------------------------------------- */

static inline bool yk_all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)(s[i] - '0') > 9)
            return false;
    return n > 0;
}

/* The check digit (0-9) the ЄДРПОУ algorithm gives for the eight digits at s (the eighth is not
 * read): weights 1..7, or 7,1..6 for codes from 30000000 to 60000000; a sum of 10 mod 11 is
 * recomputed with every weight + 2, and a second 10 counts as 0. */
int yk_edrpou_check_digit(const char *s);

/* Eight digits whose last one is the check digit. */
bool yk_edrpou_valid(const char *s, size_t n);

/* The check digit of a 10-digit РНОКПП at s (the tenth is not read). */
int yk_rnokpp_check_digit(const char *s);

/* Ten digits whose last one is the check digit. */
bool yk_rnokpp_valid(const char *s, size_t n);

/* Does s[0..n) hold at least k ASCII digits? Counts 8 bytes at a time and stops at k. */
bool yk_digits_at_least(const char *s, size_t n, size_t k);

/* Ten digits that could be a person's РНОКПП: the check digit matches and the first five
 * digits, the days from 31.12.1899 to the birth date, give a birth from 1927 to 2036 (a leading
 * 0 is left out: numbers that start with 0 are mostly phones). */
bool yk_rnokpp_likely(const char *s, size_t n);

/* Find a standalone 10-digit number in running text that yk_rnokpp_likely accepts: not glued
 * to letters, not after a '+', and not part of a longer code such as a cadastral number
 * (6125510100:01:001:0001) or a date. Returns true with its offset. */
bool yk_rnokpp_find(const char *s, size_t n, size_t *at);

/* "UA" followed by 17 digits. */
bool yk_katottg_valid(const char *s, size_t n);

/* --- dates --------------------------------------------------------------------------------- */

enum yk_date_form {
    YK_DATE_NONE = 0,  /* not shaped like a date */
    YK_DATE_ISO,       /* 2024-01-05 */
    YK_DATE_ISO_T,     /* 2024-01-05T10:00[:00[.000]][Z|+02:00] */
    YK_DATE_ISO_SPACE, /* 2024-01-05 10:00: a space where ISO 8601 puts T */
    YK_DATE_ISO_BAD_T, /* 2024-01-05Т10:00 with a Cyrillic Т (or т, or a lower-case t) */
    YK_DATE_DMY,       /* 05.01.2024, 5/1/2024, 05-01-2024, optionally " р." and a time */
    YK_DATE_YMD        /* 2024.01.05, 2024/01/05, 2024-1-5 */
};

enum yk_date_fault {
    YK_DATE_OK = 0,
    YK_DATE_BAD_MONTH,
    YK_DATE_BAD_DAY, /* a day the month does not have */
    YK_DATE_BAD_TIME,
    YK_DATE_BAD_ZONE
};

struct yk_date {
    enum yk_date_form form;
    enum yk_date_fault fault;
    char sep; /* between the date parts: '-', '.' or '/' */
    int year, month, day;
    bool has_time;
    int hour, minute, second; /* second is -1 when absent */
};

/* Recognise a date or date-time that fills all of s[0..n); YK_DATE_NONE when it is not one.
 * Anything date-shaped is recognised even when the calendar rejects it (see fault). */
enum yk_date_form yk_date_scan(const char *s, size_t n, struct yk_date *out);

/* Days in a month of the proleptic Gregorian calendar (0 for a month outside 1-12). */
int yk_days_in_month(int year, int month);

/* The ISO 8601 spelling of d into buf (at least 32 bytes): YYYY-MM-DD[Thh:mm[:ss]]. */
char *yk_date_iso(char *buf, const struct yk_date *d);

/* --- numbers --------------------------------------------------------------------------------- */

struct yk_number {
    char decimal;   /* '.' or ',', 0 for an integer */
    char group;     /* thousands separator: ' ' (any space), ',', '.', '\'' or 0 */
    size_t unit_at; /* offset of a unit after the number ("грн", "м2", "%"), 0 when none */
    size_t unit_len;
    double value; /* the value, read with the separators above */
};

/* The fast path for plain decimals (coordinates, amounts): an optional sign, 1-18 digits, and
 * optionally a point or a comma and more digits, filling all of s[0..n). *mark gets '.', ','
 * or 0. False for anything else (grouped, with a unit, too long), which yk_number_scan judges. */
bool yk_decimal_parse(const char *s, size_t n, double *value, char *mark);

/* Is all of s[0..n) one number: an optional sign, digits (grouped by thousands or not), an
 * optional decimal part and an optional unit from a fixed list? A lone ",ddd" or ".ddd" is read
 * as a decimal part, never as a group. */
bool yk_number_scan(const char *s, size_t n, struct yk_number *out);

/* --- phones ---------------------------------------------------------------------------------- */

enum yk_phone {
    YK_PHONE_OK = 0,  /* +380 and nine digits */
    YK_PHONE_NO_PLUS, /* 380 and nine digits */
    YK_PHONE_FORMAT,  /* a Ukrainian number with spaces, brackets, dashes, 0XX or 80XX */
    YK_PHONE_SHORT,   /* a local number without the area code */
    YK_PHONE_BAD      /* not a phone number in any usual form */
};

/* Judge one phone number. For YK_PHONE_NO_PLUS and YK_PHONE_FORMAT, suggestion (14 bytes) gets
 * the +380XXXXXXXXX form; otherwise it is set to "". */
enum yk_phone yk_phone_check(const char *s, size_t n, char suggestion[14]);

/* Find the first Ukrainian mobile number in running text (0XX or 380XX with an operator's code,
 * digits grouped by spaces, dashes, dots or brackets). Returns true with its offset and length
 * (from the first digit or '+' to the last digit) and the length of its head (the digits up to
 * and including the operator code). */
bool yk_phone_find_mobile(const char *s, size_t n, size_t *at, size_t *len, size_t *head);

/* --- e-mail and URLs -------------------------------------------------------------------------- */

enum yk_email {
    YK_EMAIL_OK = 0,
    YK_EMAIL_NO_AT,
    YK_EMAIL_MANY_AT,
    YK_EMAIL_SPACE,
    YK_EMAIL_MAILTO,
    YK_EMAIL_LOCAL,     /* empty, bad characters, or dots at the ends or doubled */
    YK_EMAIL_NON_LATIN, /* letters other than Latin before the @ */
    YK_EMAIL_DOMAIN,    /* no dot, an empty or bad label, a top-level domain of fewer than 2 */
};

enum yk_email yk_email_check(const char *s, size_t n);

/* Is the e-mail address's domain (after the @) a free public mail service (gmail.com, ukr.net,
 * i.ua, meta.ua ...), where private persons keep their mailboxes? */
bool yk_email_free_domain(const char *domain, size_t n);

/* Find an address in running text: the offset and length of local@domain around the first
 * '@' that has a plausible address on both sides. */
bool yk_email_find(const char *s, size_t n, size_t *at, size_t *len);

enum yk_url {
    YK_URL_OK = 0,
    YK_URL_NO_SCHEME, /* www.example.gov.ua */
    YK_URL_SCHEME,    /* a scheme other than http or https */
    YK_URL_MALFORMED, /* http//, http:/, https:\\ */
    YK_URL_HOST,      /* no host, or one with characters a host cannot have */
    YK_URL_SPACE      /* whitespace inside */
};

enum yk_url yk_url_check(const char *s, size_t n);

/* --- text ------------------------------------------------------------------------------------ */

/* Lower-case ASCII and Cyrillic letters (both keep their byte length, so offsets carry over)
 * and copy other bytes as they are into buf; at most cap bytes. Returns the length written. */
size_t yk_utf8_lower(const char *s, size_t n, char *buf, size_t cap);

/* The script of the character at s[0..n): 1 Latin, 2 Cyrillic, 0 anything else (digits,
 * punctuation, other scripts); *len gets its length in bytes. */
int yk_script_at(const char *s, size_t n, size_t *len);

/* The number of words in s that mix Cyrillic and Latin letters, and the first of them. A word is
 * a run of letters; digits, punctuation and apostrophes end it. */
size_t yk_script_mixed(const char *s, size_t n, size_t *first_at, size_t *first_len);

/* The length of a settlement-type word at the start of a name ("м.", "с. ", "смт ", "село ",
 * "місто " ...) including what separates it from the name, or 0 when there is none. */
size_t yk_settlement_prefix(const char *s, size_t n);

/* The length of a council-type ending ("сільська рада", "с. р." ...) at the end of a name,
 * including the space before it, or 0. */
size_t yk_settlement_suffix(const char *s, size_t n);

/* Copy s into buf (size bytes) with every digit replaced by '*' except the first head and the
 * last tail digits; other characters are kept, the copy is cut to fit. Returns buf. */
char *yk_mask_digits(char *buf, size_t size, const char *s, size_t n, size_t head, size_t tail);

/* Copy an e-mail address into buf with the local part hidden but its first character:
 * "k***@gmail.com". Returns buf. */
char *yk_mask_email(char *buf, size_t size, const char *s, size_t n);

#endif
