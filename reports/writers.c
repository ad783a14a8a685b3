/* yakist — the table of report writers, looked up by their --format name, and the helpers
 * every writer shares. Adding a format is one line in the table below. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "writers.h"

static const struct yk_report_writer *const writers[] = {
    &yk_report_text,
    &yk_report_json,
    &yk_report_csv,
    &yk_report_markdown,
    &yk_report_html,
    &yk_report_sarif,
    &yk_report_junit,
    &yk_report_github,
};

#define NWRITERS (sizeof writers / sizeof writers[0])

const struct yk_report_writer *yk_report_writer_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < NWRITERS; i++)
        if (strcmp(writers[i]->name, name) == 0)
            return writers[i];
    return NULL;
}

size_t yk_report_writer_count(void)
{
    return NWRITERS;
}

const struct yk_report_writer *yk_report_writer_at(size_t index)
{
    return index < NWRITERS ? writers[index] : NULL;
}

/* A rule may leave one language out; the other one is better than nothing. */
const char *yk_finding_message(const struct yk_finding *f, enum yk_lang lang)
{
    const char *first = lang == YK_LANG_EN ? f->message_en : f->message_uk;
    const char *second = lang == YK_LANG_EN ? f->message_uk : f->message_en;
    if (first && first[0])
        return first;
    return second ? second : "";
}

size_t yk_report_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1Fu, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0Fu, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0u) != 0x80u)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* Characters that could rewrite the terminal or reorder the line: C0 and C1 controls, DEL and
 * the bidirectional embeddings, overrides and isolates. */
static int is_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Data ends up in messages (cell values, header names), so a line of the report must stay one
 * line and must not carry escape sequences: unsafe characters and bytes that are not UTF-8
 * are written as visible escapes. */
void yk_report_put_text(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (p[n])
        n++;
    while (n > 0) {
        uint32_t cp;
        size_t len = yk_report_utf8_decode(p, n, &cp);
        if (len == 0) {
            fprintf(out, "\\x%02X", p[0]);
            len = 1;
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\r') {
            fputs("\\r", out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (is_unsafe(cp)) {
            if (cp < 0x80)
                fprintf(out, "\\x%02" PRIX32, cp);
            else
                fprintf(out, "\\u%04" PRIX32, cp);
        } else {
            fwrite(p, 1, len, out);
        }
        p += len;
        n -= len;
    }
}

void yk_report_severity_totals(const struct yk_file_result *result, uint64_t totals[4])
{
    for (int i = 0; i < 4; i++)
        totals[i] = 0;
    for (size_t i = 0; i < result->ncounts; i++) {
        enum yk_severity sev = result->counts[i].severity;
        if (sev >= YK_SEV_OFF && sev <= YK_SEV_ERROR)
            totals[sev] += result->counts[i].count;
    }
}
