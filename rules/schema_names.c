/* yakist — near-miss column names, for the "did you mean" of the header rules: the same name
 * with other capitals, with spaces around it, with Cyrillic letters that look Latin (or the
 * reverse), transliterated (Ukrainian national system, 2010), or spelt a little differently. */
#include <stdint.h>
#include <string.h>

#include "schema_priv.h"
#include "schema_rules.h"

#define MAX_NAME 64   /* characters; longer names are compared only for equality */
#define SKEL_SIZE 256 /* bytes of a skeleton */

/* Cyrillic letters (folded) that look like Latin ones. */
static const struct {
    uint32_t cp;
    char latin;
} homoglyphs[] = {
    {0x430, 'a'}, {0x432, 'b'}, {0x435, 'e'}, {0x456, 'i'}, {0x458, 'j'},
    {0x43A, 'k'}, {0x43C, 'm'}, {0x43D, 'h'}, {0x43E, 'o'}, {0x440, 'p'},
    {0x441, 'c'}, {0x442, 't'}, {0x443, 'y'}, {0x445, 'x'}, {0x455, 's'},
};

/* Ukrainian letters (folded), U+0430..U+044F, to Latin; then і ї є ґ. */
static const char *const translit_basic[32] = {
    "a", "b", "v", "h", "d", "e",  "zh", "z",  "y",  "i",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "iu", "ia",
};

static const char *translit(uint32_t c)
{
    if (c >= 0x430 && c <= 0x44F)
        return translit_basic[c - 0x430];
    switch (c) {
    case 0x456:
        return "i"; /* і */
    case 0x457:
        return "i"; /* ї */
    case 0x454:
        return "ie"; /* є */
    case 0x491:
        return "g"; /* ґ */
    case 0x451:
        return "io"; /* ё */
    case 0x2019:
    case 0x2BC:
    case '\'':
        return ""; /* apostrophes */
    default:
        return NULL;
    }
}

static bool separator(uint32_t c)
{
    return c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t' || c == 0xA0;
}

enum skel { SK_FOLD, SK_PLAIN, SK_VISUAL, SK_TRANSLIT };

/* The name reduced for comparison: folded; then without separators; then with look-alike
 * Cyrillic letters as Latin; or transliterated. Returns the length, or SIZE_MAX when the
 * name is too long to be worth it. */
static size_t skeleton(const char *s, size_t n, enum skel kind, char *out)
{
    size_t o = 0, chars = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += yk_schema_fold(s + i, n - i, &c);
        if (++chars > MAX_NAME)
            return SIZE_MAX;
        if (kind != SK_FOLD && separator(c))
            continue;
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (kind == SK_VISUAL) {
            for (size_t k = 0; k < sizeof homoglyphs / sizeof homoglyphs[0] && !rep; k++)
                if (homoglyphs[k].cp == c)
                    one[0] = homoglyphs[k].latin, rep = one;
        } else if (kind == SK_TRANSLIT) {
            rep = translit(c);
        }
        if (rep) {
            size_t k = strlen(rep);
            memcpy(out + o, rep, k);
            o += k;
        } else if (c < 0x80) {
            out[o++] = (char)c;
        } else { /* keep the code point as three bytes, so it still compares */
            out[o++] = (char)(0xE0 | ((c >> 12) & 0x0F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = '\0';
    return o;
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && separator((unsigned char)(*s)[0]) && (*s)[0] != '_' && (*s)[0] != '-')
        (*s)++, (*n)--;
    while (*n > 0 && separator((unsigned char)(*s)[*n - 1]) && (*s)[*n - 1] != '_' &&
           (*s)[*n - 1] != '-')
        (*n)--;
}

static size_t distance(const char *a, size_t an, const char *b, size_t bn)
{
    size_t row[SKEL_SIZE + 1];
    for (size_t j = 0; j <= bn; j++)
        row[j] = j;
    for (size_t i = 1; i <= an; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= bn; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[bn];
}

static bool same(enum skel kind, const char *a, size_t an, const char *b, size_t bn, char *x,
                 char *y)
{
    size_t xn = skeleton(a, an, kind, x), yn = skeleton(b, bn, kind, y);
    return xn != SIZE_MAX && xn == yn && memcmp(x, y, xn) == 0;
}

enum yk_near yk_sr_near(const char *a, size_t an, const char *b, size_t bn)
{
    char x[SKEL_SIZE * 2], y[SKEL_SIZE * 2];
    if (an == bn && memcmp(a, b, an) == 0)
        return YK_NEAR_NONE;
    size_t tan = an, tbn = bn;
    const char *ta = a, *tb = b;
    trim(&ta, &tan);
    trim(&tb, &tbn);
    bool trimmed = tan != an || tbn != bn;
    if (same(SK_FOLD, ta, tan, tb, tbn, x, y))
        return trimmed ? YK_NEAR_SPACE : YK_NEAR_CASE;
    if (same(SK_PLAIN, ta, tan, tb, tbn, x, y))
        return YK_NEAR_SPELLING;
    if (same(SK_VISUAL, ta, tan, tb, tbn, x, y))
        return YK_NEAR_SCRIPT;
    size_t xn = skeleton(ta, tan, SK_TRANSLIT, x), yn = skeleton(tb, tbn, SK_TRANSLIT, y);
    if (xn == SIZE_MAX || yn == SIZE_MAX || xn > SKEL_SIZE || yn > SKEL_SIZE)
        return YK_NEAR_NONE;
    if (xn == yn && memcmp(x, y, xn) == 0)
        return YK_NEAR_TRANSLIT;
    size_t shorter = xn < yn ? xn : yn;
    size_t allowed = shorter < 4 ? 0 : shorter < 8 ? 1 : shorter < 16 ? 2 : 3;
    if (allowed && distance(x, xn, y, yn) <= allowed)
        return YK_NEAR_SPELLING;
    return YK_NEAR_NONE;
}

const char *yk_sr_near_uk(enum yk_near near)
{
    switch (near) {
    case YK_NEAR_CASE:
        return "відрізняється лише великими й малими літерами";
    case YK_NEAR_SPACE:
        return "відрізняється пробілами навколо";
    case YK_NEAR_SCRIPT:
        return "має кириличні літери, схожі на латинські (або навпаки)";
    case YK_NEAR_TRANSLIT:
        return "є транслітерацією";
    case YK_NEAR_SPELLING:
        return "написана трохи інакше";
    default:
        return "";
    }
}

const char *yk_sr_near_en(enum yk_near near)
{
    switch (near) {
    case YK_NEAR_CASE:
        return "differs only in capital letters";
    case YK_NEAR_SPACE:
        return "differs in the spaces around it";
    case YK_NEAR_SCRIPT:
        return "has Cyrillic letters that look Latin (or the reverse)";
    case YK_NEAR_TRANSLIT:
        return "is its transliteration";
    case YK_NEAR_SPELLING:
        return "is spelt slightly differently";
    default:
        return "";
    }
}
