/* yakist — escaping data for each output syntax the writers produce (HTML, XML, CSV, GitHub
 * workflow commands, Markdown, URIs). One loop walks the UTF-8 and asks a per-syntax function
 * what to write for each character; runs that need nothing are written in one go. */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "writers.h"

/* A byte that is not UTF-8 reaches the per-syntax function as this plus the byte. */
#define INVALID_BASE 0x110000u

/* What to write instead of cp, or NULL to write it as it is. buf has room for 16 bytes. */
typedef const char *(*esc_fn)(uint32_t cp, char buf[16]);

/* Controls (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates: text that
 * moves, hides or reorders what a reader sees. */
static bool unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* "\x1B" for a control below U+0080, "\u202E" above; "\xFF" for a byte that is not UTF-8.
 * At most 9 bytes with the NUL. */
static const char *visible(uint32_t cp, char *buf, size_t size)
{
    if (cp >= INVALID_BASE)
        snprintf(buf, size, "\\x%02" PRIX32, cp - INVALID_BASE);
    else if (cp < 0x80)
        snprintf(buf, size, "\\x%02" PRIX32, cp);
    else
        snprintf(buf, size, "\\u%04" PRIX32, cp);
    return buf;
}

static void put_escaped(FILE *out, const char *s, esc_fn fn)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), run = 0;
    char buf[16];
    while (run < n) {
        uint32_t cp = p[run];
        size_t len = cp < 0x80 ? 1 : yk_report_utf8_decode(p + run, n - run, &cp);
        if (len == 0)
            cp = INVALID_BASE + p[run];
        const char *rep = fn(cp, buf);
        if (!rep) {
            run += len ? len : 1;
            continue;
        }
        fwrite(p, 1, run, out);
        fputs(rep, out);
        p += run + (len ? len : 1);
        n -= run + (len ? len : 1);
        run = 0;
    }
    fwrite(p, 1, run, out);
}

/* --- HTML and XML ------------------------------------------------------------------------- */

static const char *markup_common(uint32_t cp)
{
    switch (cp) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

static const char *html_fn(uint32_t cp, char buf[16])
{
    const char *m = markup_common(cp);
    if (m)
        return m;
    if (cp >= INVALID_BASE)
        return "\xEF\xBF\xBD";
    if (cp == '\n' || cp == '\t')
        return " ";
    /* U+FFFE and U+FFFF are noncharacters HTML parsers complain about. */
    if (unsafe(cp) || cp == 0xFFFE || cp == 0xFFFF)
        return visible(cp, buf, 16);
    return NULL;
}

void yk_esc_html(FILE *out, const char *s)
{
    put_escaped(out, s, html_fn);
}

static const char *xml_text_fn(uint32_t cp, char buf[16])
{
    const char *m = markup_common(cp);
    if (m)
        return m;
    if (cp >= INVALID_BASE)
        return "\xEF\xBF\xBD";
    if (cp == '\n' || cp == '\t')
        return NULL;
    if (cp == '\r')
        return "&#13;";
    if (unsafe(cp) || cp == 0xFFFE || cp == 0xFFFF)
        return visible(cp, buf, 16);
    return NULL;
}

static const char *xml_attr_fn(uint32_t cp, char buf[16])
{
    if (cp == '\n')
        return "&#10;";
    if (cp == '\t')
        return "&#9;";
    return xml_text_fn(cp, buf);
}

void yk_esc_xml(FILE *out, const char *s, bool attr)
{
    put_escaped(out, s, attr ? xml_attr_fn : xml_text_fn);
}

/* --- CSV ---------------------------------------------------------------------------------- */

static const char *csv_fn(uint32_t cp, char buf[16])
{
    (void)buf;
    if (cp == '"')
        return "\"\"";
    if (cp == 0)
        return "";
    if (cp >= INVALID_BASE)
        return "\xEF\xBF\xBD";
    return NULL;
}

void yk_esc_csv(FILE *out, const char *s)
{
    s = s ? s : "";
    bool formula = s[0] && strchr("=+-@\t\r", s[0]) != NULL;
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', out);
    if (formula)
        fputc('\'', out);
    put_escaped(out, s, csv_fn);
    if (quote)
        fputc('"', out);
}

/* --- GitHub workflow commands ------------------------------------------------------------- */

static const char *github_data_fn(uint32_t cp, char buf[16])
{
    switch (cp) {
    case '%':
        return "%25";
    case '\r':
        return "%0D";
    case '\n':
        return "%0A";
    default:
        break;
    }
    if (cp >= INVALID_BASE || unsafe(cp))
        return visible(cp, buf, 16);
    return NULL;
}

static const char *github_prop_fn(uint32_t cp, char buf[16])
{
    if (cp == ':')
        return "%3A";
    if (cp == ',')
        return "%2C";
    return github_data_fn(cp, buf);
}

void yk_esc_github_data(FILE *out, const char *s)
{
    put_escaped(out, s, github_data_fn);
}

void yk_esc_github_prop(FILE *out, const char *s)
{
    put_escaped(out, s, github_prop_fn);
}

/* --- Markdown ----------------------------------------------------------------------------- */

static const char *md_fn(uint32_t cp, char buf[16])
{
    switch (cp) {
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '&':
        return "&amp;";
    case '|':
        return "\\|";
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '#':
    case '!':
    case '~':
        buf[0] = '\\';
        buf[1] = (char)cp;
        buf[2] = 0;
        return buf;
    case '\n':
    case '\t':
        return " ";
    default:
        break;
    }
    if (cp >= INVALID_BASE || unsafe(cp)) {
        /* The visible escape starts with a backslash, which Markdown would eat. */
        visible(cp, buf + 1, 15);
        buf[0] = '\\';
        return buf;
    }
    return NULL;
}

void yk_esc_md(FILE *out, const char *s)
{
    put_escaped(out, s, md_fn);
}

/* --- URIs --------------------------------------------------------------------------------- */

void yk_esc_uri(FILE *out, const char *path)
{
    const unsigned char *p = (const unsigned char *)(path ? path : "");
    if (p[0] == '/')
        fputs("file://", out);
    for (; *p; p++) {
        unsigned c = *p;
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '!';
        if (c == '\\')
            fputc('/', out);
        else if (keep)
            fputc((int)c, out);
        else
            fprintf(out, "%%%02X", c);
    }
}
