/* yakist — a JSON scanner over a document held in memory: where a value ends, object members
 * and array elements one at a time, strings unescaped into a reused buffer, and a full check of
 * a value by JSON's grammar (as strict as jansson: control characters, escapes, surrogates,
 * UTF-8, number syntax and range). It allocates nothing per value, which is what lets a
 * catalog of tens of thousands of packages be read without building a tree of each. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_priv.h"
#include "utf8.h"

void yk_scan_init(struct yk_scan *s, const char *file, const char *b, size_t n,
                  struct yk_error *err)
{
    *s = (struct yk_scan){.err = err, .file = file, .b = b, .n = n, .line = 1};
}

void yk_scan_fini(struct yk_scan *s)
{
    free(s->text);
    s->text = NULL;
    s->textcap = 0;
}

int yk_scan_fail(struct yk_scan *s, size_t at, const char *why)
{
    s->bad = at;
    s->bad_line = 0;
    snprintf(s->why, sizeof s->why, "%s", why);
    return YK_SCAN_FAIL;
}

int yk_scan_error(struct yk_scan *s)
{
    uint64_t line = s->bad_line, col = s->bad_col;
    if (!line)
        yk_cat_position(s->b, s->bad, &line, &col);
    return yk_error_set(s->err, YK_EPARSE, s->file, line, col, "JSON syntax error: %s", s->why);
}

uint64_t yk_scan_line(struct yk_scan *s, size_t off)
{
    if (off < s->line_off) {
        s->line_off = 0;
        s->line = 1;
    }
    for (const char *p = s->b + s->line_off, *end = s->b + off;
         p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        s->line++;
    s->line_off = off;
    return s->line;
}

size_t yk_scan_ws(const struct yk_scan *s, size_t i)
{
    while (i < s->n && (s->b[i] == ' ' || s->b[i] == '\t' || s->b[i] == '\n' || s->b[i] == '\r'))
        i++;
    return i;
}

/* b[i] is '"': the offset just past the closing quote. */
static int str_end(struct yk_scan *s, size_t i, size_t *end)
{
    const char *p = s->b + i + 1, *stop = s->b + s->n;
    while (p < stop && (p = memchr(p, '"', (size_t)(stop - p))) != NULL) {
        size_t slashes = 0;
        while (p - slashes > s->b + i + 1 && p[-1 - (ptrdiff_t)slashes] == '\\')
            slashes++;
        if (slashes % 2 == 0) {
            *end = (size_t)(p - s->b) + 1;
            return 0;
        }
        p++;
    }
    return yk_scan_fail(s, i, "unterminated string");
}

static bool delim(char ch)
{
    return ch == ',' || ch == ']' || ch == '}' || ch == ':' || ch == '"' || ch == ' ' ||
           ch == '\t' || ch == '\n' || ch == '\r' || ch == '[' || ch == '{';
}

static size_t scalar_end(const struct yk_scan *s, size_t i)
{
    while (i < s->n && !delim(s->b[i]))
        i++;
    return i;
}

int yk_scan_span(struct yk_scan *s, size_t i, size_t *end)
{
    char stack[YK_CAT_JSON_DEPTH];
    size_t depth = 0, j = i;
    for (;;) {
        j = yk_scan_ws(s, j);
        if (j >= s->n)
            return yk_scan_fail(s, j, "unexpected end of input");
        char ch = s->b[j];
        if (ch == '"') {
            if (str_end(s, j, &j) < 0)
                return YK_SCAN_FAIL;
        } else if (ch == '{' || ch == '[') {
            if (depth == sizeof stack)
                return yk_scan_fail(s, j, "nested too deeply");
            stack[depth++] = ch == '{' ? '}' : ']';
            j++;
            continue;
        } else if (ch == '}' || ch == ']') {
            if (depth == 0 || stack[depth - 1] != ch)
                return yk_scan_fail(s, j, ch == '}' ? "unexpected '}'" : "unexpected ']'");
            depth--;
            j++;
        } else if ((ch == ',' || ch == ':') && depth > 0) {
            j++;
            continue;
        } else if (ch && strchr("tfn-0123456789", ch)) {
            j = scalar_end(s, j);
        } else {
            return yk_scan_fail(s, j, "unexpected character");
        }
        if (depth == 0) {
            *end = j;
            return 0;
        }
    }
}

/* --- strings -------------------------------------------------------------------------------- */

static int hex4(const char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char ch = p[k];
        int d = ch >= '0' && ch <= '9'   ? ch - '0'
                : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                         : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *dst, unsigned long cp)
{
    if (cp < 0x80) {
        dst[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        dst[0] = (char)(0xC0 | (cp >> 6));
        dst[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        dst[0] = (char)(0xE0 | (cp >> 12));
        dst[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        dst[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    dst[0] = (char)(0xF0 | (cp >> 18));
    dst[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    dst[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    dst[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Unescape the string b[start..end) (quotes included) into dst, or only check it when dst is
 * NULL. The text never grows: an escape is at least as long as what it stands for. */
static int unescape(struct yk_scan *s, size_t start, size_t end, char *dst, size_t *len)
{
    const char *p = s->b + start + 1, *stop = s->b + end - 1;
    size_t k = 0;
    while (p < stop) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\\') {
            const char *esc = strchr("\"\\/bfnrtu", p[1]);
            if (!p[1] || !esc)
                return yk_scan_fail(s, (size_t)(p - s->b), "invalid escape");
            if (p[1] != 'u') {
                static const char out[] = "\"\\/\b\f\n\r\t";
                if (dst)
                    dst[k] = out[esc - "\"\\/bfnrtu"];
                k++;
                p += 2;
                continue;
            }
            int hi = stop - p >= 6 ? hex4(p + 2) : -1;
            unsigned long cp = (unsigned long)hi;
            p += 6;
            if (hi < 0 || hi == 0 || (hi >= 0xDC00 && hi <= 0xDFFF))
                return yk_scan_fail(s, (size_t)(p - s->b) - 6, "invalid \\u escape");
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                int lo = stop - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return yk_scan_fail(s, (size_t)(p - s->b) - 6, "invalid surrogate pair");
                cp = 0x10000 + (((unsigned long)hi - 0xD800) << 10) + ((unsigned long)lo - 0xDC00);
                p += 6;
            }
            char tmp[4];
            size_t m = put_utf8(dst ? dst + k : tmp, cp);
            k += m;
        } else if (ch < 0x20) {
            return yk_scan_fail(s, (size_t)(p - s->b), "control character in a string");
        } else if (ch < 0x80) {
            if (dst)
                dst[k] = (char)ch;
            k++;
            p++;
        } else {
            int m = yk_utf8_next((const unsigned char *)p, (size_t)(stop - p));
            if (m <= 0)
                return yk_scan_fail(s, (size_t)(p - s->b), "invalid UTF-8");
            if (dst)
                memcpy(dst + k, p, (size_t)m);
            k += (size_t)m;
            p += m;
        }
    }
    if (dst)
        dst[k] = '\0';
    *len = k;
    return 0;
}

int yk_scan_string(struct yk_scan *s, size_t start, size_t end, size_t *len)
{
    if (end - start < 2 || s->b[start] != '"') {
        yk_scan_fail(s, start, "expected a string");
        return YK_EPARSE;
    }
    size_t need = end - start; /* >= the unescaped length + 1 */
    if (need > s->textcap) {
        size_t cap = s->textcap ? s->textcap : 4096;
        while (cap < need)
            cap *= 2;
        char *t = realloc(s->text, cap);
        if (!t)
            return YK_ENOMEM;
        s->text = t;
        s->textcap = cap;
    }
    return unescape(s, start, end, s->text, len) < 0 ? YK_EPARSE : 0;
}

int yk_scan_string_at(struct yk_scan *s, size_t i, size_t *end, size_t *len)
{
    if (str_end(s, i, end) < 0)
        return YK_EPARSE;
    return yk_scan_string(s, i, *end, len);
}

size_t yk_scan_scalar_end(const struct yk_scan *s, size_t i)
{
    return scalar_end(s, i);
}

/* --- members and elements ------------------------------------------------------------------- */

int yk_scan_key(struct yk_scan *s, size_t *j, bool *first, char key[YK_SCAN_KEY_MAX])
{
    size_t i = yk_scan_ws(s, *j), kend, klen;
    if (i < s->n && s->b[i] == '}') {
        *j = i + 1;
        return YK_SCAN_END;
    }
    if (!*first) {
        if (i >= s->n || s->b[i] != ',')
            return yk_scan_fail(s, i, "expected ',' or '}'");
        i = yk_scan_ws(s, i + 1);
    }
    *first = false;
    if (i >= s->n || s->b[i] != '"')
        return yk_scan_fail(s, i, "expected a key");
    if (str_end(s, i, &kend) < 0 || unescape(s, i, kend, NULL, &klen) < 0)
        return YK_SCAN_FAIL;
    if (klen < YK_SCAN_KEY_MAX && !memchr(s->b + i + 1, '\\', kend - i - 2)) {
        memcpy(key, s->b + i + 1, klen);
        key[klen] = '\0';
    } else {
        if (yk_scan_string(s, i, kend, &klen) < 0)
            return yk_scan_fail(s, i, "out of memory"); /* the text itself was checked above */
        klen = yk_utf8_floor((const unsigned char *)s->text, klen,
                             klen < YK_SCAN_KEY_MAX ? klen : YK_SCAN_KEY_MAX - 1);
        memcpy(key, s->text, klen);
        key[klen] = '\0';
    }
    i = yk_scan_ws(s, kend);
    if (i >= s->n || s->b[i] != ':')
        return yk_scan_fail(s, i, "expected ':'");
    *j = yk_scan_ws(s, i + 1);
    return YK_SCAN_MORE;
}

int yk_scan_elem(struct yk_scan *s, size_t *j, bool *first)
{
    size_t i = yk_scan_ws(s, *j);
    if (i < s->n && s->b[i] == ']') {
        *j = i + 1;
        return YK_SCAN_END;
    }
    if (!*first) {
        if (i >= s->n || s->b[i] != ',')
            return yk_scan_fail(s, i, "expected ',' or ']'");
        i = yk_scan_ws(s, i + 1);
    }
    *first = false;
    *j = i;
    return YK_SCAN_MORE;
}

int yk_scan_decode(struct yk_scan *s, size_t start, size_t end, json_t **out)
{
    json_error_t je;
    json_t *v = json_loadb(s->b + start, end - start, JSON_DECODE_ANY, &je);
    if (!v && strstr(je.text, "too big"))
        v = json_loadb(s->b + start, end - start, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &je);
    if (v) {
        *out = v;
        return 0;
    }
    uint64_t line, col;
    yk_cat_position(s->b, start, &line, &col);
    s->bad = start;
    s->bad_line = line + (uint64_t)(je.line > 0 ? je.line - 1 : 0);
    s->bad_col = je.line <= 1 ? col + (uint64_t)(je.column > 0 ? je.column - 1 : 0)
                              : (uint64_t)(je.column > 0 ? je.column : 1);
    snprintf(s->why, sizeof s->why, "%s", je.text);
    return YK_SCAN_FAIL;
}

/* --- the grammar ------------------------------------------------------------------------------ */

bool yk_scan_scalar_ok(const struct yk_scan *s, size_t start, size_t end)
{
    const char *p = s->b + start, *e = s->b + end;
    size_t n = end - start;
    if ((n == 4 && memcmp(p, "true", 4) == 0) || (n == 5 && memcmp(p, "false", 5) == 0) ||
        (n == 4 && memcmp(p, "null", 4) == 0))
        return true;
    bool real = false;
    if (p < e && *p == '-')
        p++;
    if (p < e && *p == '0')
        p++;
    else if (p < e && *p >= '1' && *p <= '9')
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    else
        return false;
    if (p < e && *p == '.') {
        real = true;
        if (++p >= e || *p < '0' || *p > '9')
            return false;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        real = true;
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || *p < '0' || *p > '9')
            return false;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p != e)
        return false;
    if (!real || n > 400)
        return n <= 400; /* jansson reads a big integer as a real; an absurd length is refused */
    char num[401];
    memcpy(num, s->b + start, n);
    num[n] = '\0';
    errno = 0;
    double v = strtod(num, NULL);
    return isfinite(v) && !(errno == ERANGE && fabs(v) > 1.0);
}

static int check(struct yk_scan *s, size_t *i, unsigned depth)
{
    char key[YK_SCAN_KEY_MAX];
    size_t j = yk_scan_ws(s, *i), end, len;
    bool first = true;
    int r;
    if (j >= s->n)
        return yk_scan_fail(s, j, "unexpected end of input");
    if (depth > YK_CAT_JSON_DEPTH)
        return yk_scan_fail(s, j, "nested too deeply");
    switch (s->b[j]) {
    case '"':
        if (str_end(s, j, &end) < 0 || unescape(s, j, end, NULL, &len) < 0)
            return YK_SCAN_FAIL;
        *i = end;
        return 0;
    case '{':
        j++;
        while ((r = yk_scan_key(s, &j, &first, key)) == YK_SCAN_MORE)
            if (check(s, &j, depth + 1) < 0)
                return YK_SCAN_FAIL;
        *i = j;
        return r;
    case '[':
        j++;
        while ((r = yk_scan_elem(s, &j, &first)) == YK_SCAN_MORE)
            if (check(s, &j, depth + 1) < 0)
                return YK_SCAN_FAIL;
        *i = j;
        return r;
    default:
        end = scalar_end(s, j);
        if (end == j || !yk_scan_scalar_ok(s, j, end))
            return yk_scan_fail(s, j, "invalid value");
        *i = end;
        return 0;
    }
}

int yk_scan_skip(struct yk_scan *s, size_t *i, unsigned depth)
{
    return check(s, i, depth);
}
