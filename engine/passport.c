/* yakist — п. 7 metadata checks beyond presence: slug form, ЄДРПОУ of the holder, licence
 * classes, and folded titles. */
#include <string.h>

#include "passport.h"
#include "values.h"

#define TITLE_FOLD_MAX 4096 /* bytes of a folded title compared; the rest is not looked at */

/* --- the identifier ----------------------------------------------------------------------- */

enum yk_slug yk_slug_check(const char *s, size_t *bad)
{
    size_t n = s ? strlen(s) : 0, at = 0;
    enum yk_slug v = YK_SLUG_OK;
    if (n == 0)
        return YK_SLUG_EMPTY;
    for (size_t i = 0; i < n && v == YK_SLUG_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            v = YK_SLUG_UPPER, at = i;
        else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            v = YK_SLUG_CHARS, at = i;
    }
    if (v == YK_SLUG_OK && (s[0] == '-' || s[n - 1] == '-' || strstr(s, "--")))
        v = YK_SLUG_HYPHENS;
    if (v == YK_SLUG_OK && (n < 2 || n > 100))
        v = YK_SLUG_LENGTH;
    if (bad)
        *bad = at;
    return v;
}

/* --- the holder's code -------------------------------------------------------------------- */

enum yk_code yk_edrpou_check(const char *s)
{
    if (!s)
        return YK_CODE_EMPTY;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0)
        return YK_CODE_EMPTY;
    if (!yk_all_digits(s, n))
        return YK_CODE_CHARS;
    if (n != 8)
        return YK_CODE_LENGTH;
    return yk_edrpou_valid(s, n) ? YK_CODE_OK : YK_CODE_CHECK;
}

/* --- the licence -------------------------------------------------------------------------- */

struct licence {
    const char *text; /* normalised: lower-case, spaces and '_' as '-' */
    enum yk_licence verdict;
    const char *canonical;
    bool prefix; /* text may be followed by a version ("-4.0", "/4.0/") or more */
};

/* Longer entries first where one is the prefix of another (cc-by-sa before cc-by). */
static const struct licence licences[] = {
    {"cc-by-sa", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"cc-by-nc", YK_LICENCE_RESTRICTED, NULL, true},
    {"cc-by-nd", YK_LICENCE_RESTRICTED, NULL, true},
    {"cc-nc", YK_LICENCE_RESTRICTED, NULL, true},
    {"cc-by", YK_LICENCE_OPEN, "cc-by", true},
    {"cc0", YK_LICENCE_OPEN, "cc0", true},
    {"cc-zero", YK_LICENCE_OPEN, "cc0", true},
    {"odc-by", YK_LICENCE_OPEN, "odc-by", true},
    {"odc-pddl", YK_LICENCE_OPEN, "odc-pddl", true},
    {"pddl", YK_LICENCE_OPEN, "odc-pddl", true},
    {"odc-odbl", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"odbl", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"other-open", YK_LICENCE_OPEN, "other-open", false},
    {"other-pd", YK_LICENCE_OPEN, "other-pd", false},
    /* URLs, after the scheme and "www." are cut */
    {"creativecommons.org/licenses/by-sa/", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"creativecommons.org/licenses/by-nc", YK_LICENCE_RESTRICTED, NULL, true},
    {"creativecommons.org/licenses/by-nd", YK_LICENCE_RESTRICTED, NULL, true},
    {"creativecommons.org/licenses/by/", YK_LICENCE_OPEN, "cc-by", true},
    {"creativecommons.org/publicdomain/zero/", YK_LICENCE_OPEN, "cc0", true},
    {"opendatacommons.org/licenses/by", YK_LICENCE_OPEN, "odc-by", true},
    {"opendatacommons.org/licenses/pddl", YK_LICENCE_OPEN, "odc-pddl", true},
    {"opendatacommons.org/licenses/odbl", YK_LICENCE_SHARE_ALIKE, NULL, true},
    /* titles */
    {"creative-commons-attribution-share-alike", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"creative-commons-attribution-sharealike", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"creative-commons-non-commercial", YK_LICENCE_RESTRICTED, NULL, true},
    {"creative-commons-attribution-non", YK_LICENCE_RESTRICTED, NULL, true},
    {"creative-commons-attribution-no", YK_LICENCE_RESTRICTED, NULL, true},
    {"creative-commons-attribution", YK_LICENCE_OPEN, "cc-by", true},
    {"creative-commons-cczero", YK_LICENCE_OPEN, "cc0", true},
    {"creative-commons-zero", YK_LICENCE_OPEN, "cc0", true},
    {"open-data-commons-attribution", YK_LICENCE_OPEN, "odc-by", true},
    {"open-data-commons-public-domain", YK_LICENCE_OPEN, "odc-pddl", true},
    {"open-data-commons-open-database", YK_LICENCE_SHARE_ALIKE, NULL, true},
    {"other-(open)", YK_LICENCE_OPEN, "other-open", false},
    {"other-(public-domain)", YK_LICENCE_OPEN, "other-pd", false},
};

/* What may follow a prefix entry: nothing, a version, a '/', or more words of a title. A
 * letter glued to it ("cc-byx") makes it another licence. */
static bool boundary(const char *rest, const char *entry)
{
    size_t e = strlen(entry);
    return *rest == '\0' || *rest == '-' || *rest == '/' || *rest == '.' || *rest == '(' ||
           (*rest >= '0' && *rest <= '9') || entry[e - 1] == '/';
}

static enum yk_licence classify(const char *s, const char **canonical)
{
    char t[256];
    size_t n = 0;
    while (*s == ' ')
        s++;
    for (const char *p = s; *p && n < sizeof t - 1; p++)
        t[n++] = *p == ' ' || *p == '_' ? '-' : (*p >= 'A' && *p <= 'Z' ? (char)(*p | 0x20) : *p);
    while (n > 0 && t[n - 1] == '-')
        n--;
    t[n] = '\0';
    const char *u = t;
    if (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)
        u = strchr(u, '/') + 2;
    if (strncmp(u, "www.", 4) == 0)
        u += 4;
    for (size_t i = 0; i < sizeof licences / sizeof licences[0]; i++) {
        const struct licence *l = &licences[i];
        size_t k = strlen(l->text);
        if (strncmp(u, l->text, k) != 0)
            continue;
        if (l->prefix ? !boundary(u + k, l->text) : u[k] != '\0')
            continue;
        if (canonical)
            *canonical = l->canonical;
        return l->verdict;
    }
    return YK_LICENCE_OTHER;
}

enum yk_licence yk_licence_classify(const char *id, const char *title, const char **canonical)
{
    if (canonical)
        *canonical = NULL;
    if (!yk_text_blank(id))
        return classify(id, canonical);
    if (!yk_text_blank(title))
        return classify(title, canonical);
    return YK_LICENCE_NONE;
}

/* --- titles ------------------------------------------------------------------------------- */

static bool apostrophe(const unsigned char *p, size_t n, size_t *len)
{
    static const char *const marks[] = {"'", "`", "’", "ʼ", "‘"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t k = strlen(marks[i]);
        if (k <= n && memcmp(p, marks[i], k) == 0) {
            *len = k;
            return true;
        }
    }
    return false;
}

size_t yk_title_fold(const char *s, char *buf, size_t cap)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), o = 0, k;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n && o + 3 < cap;) {
        unsigned char c = p[i];
        bool cyr = (c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xD3) && i + 1 < n;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            i++;
        } else if (cyr) {
            o += yk_utf8_lower((const char *)p + i, 2, buf + o, 2);
            i += 2;
        } else if (apostrophe(p + i, n - i, &k)) {
            i += k;
        } else {
            if (o > 0 && buf[o - 1] != ' ')
                buf[o++] = ' ';
            i++;
            while (i < n && (p[i] & 0xC0) == 0x80)
                i++; /* the rest of a multi-byte punctuation mark */
        }
    }
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
    /* A leading numbering: "2 49 назва" after folding "2.49. Назва". */
    size_t start = 0;
    for (;;) {
        size_t d = start;
        while (d < o && buf[d] >= '0' && buf[d] <= '9')
            d++;
        if (d == start || d >= o || buf[d] != ' ')
            break;
        start = d + 1;
    }
    if (start) {
        memmove(buf, buf + start, o - start + 1);
        o -= start;
    }
    return o;
}

bool yk_title_follows(const char *title, const char *official)
{
    char t[TITLE_FOLD_MAX], w[TITLE_FOLD_MAX];
    yk_title_fold(title, t, sizeof t);
    size_t n = yk_title_fold(official, w, sizeof w);
    return n > 0 && strstr(t, w) != NULL;
}

bool yk_text_blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return false;
    return true;
}
