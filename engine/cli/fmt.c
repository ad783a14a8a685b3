/* yakist — output helpers of the rating and history commands: per mille numbers in the
 * reader's language, table cells padded by characters (not bytes), JSON strings and CSV fields
 * with spreadsheet formulas neutralised; and the recording of an audit into the history. */
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

const char *yk_cli_pm(char buf[16], unsigned pm, enum yk_lang lang)
{
    snprintf(buf, 16, "%u%c%u", pm / 10, lang == YK_LANG_EN ? '.' : ',', pm % 10);
    return buf;
}

/* Characters in s (UTF-8 lead bytes); what a terminal shows for Cyrillic and Latin text. */
static size_t width_of(const char *s, size_t bytes)
{
    size_t w = 0;
    for (size_t i = 0; i < bytes; i++)
        w += ((unsigned char)s[i] & 0xC0u) != 0x80u;
    return w;
}

void yk_cli_cell(FILE *out, const char *s, size_t width, bool right)
{
    s = s ? s : "";
    size_t len = strlen(s), w = width_of(s, len);
    if (w > width && width > 0) {
        /* Cut at a character boundary, leaving room for the ellipsis. */
        size_t keep = 0, chars = 0;
        while (keep < len && chars < width - 1) {
            keep++;
            while (keep < len && ((unsigned char)s[keep] & 0xC0u) == 0x80u)
                keep++;
            chars++;
        }
        fprintf(out, "%.*s…", (int)keep, s);
        return;
    }
    for (size_t i = w; right && i < width; i++)
        fputc(' ', out);
    fputs(s, out);
    for (size_t i = w; !right && i < width; i++)
        fputc(' ', out);
}

void yk_cli_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

void yk_cli_csv_field(FILE *out, const char *s)
{
    s = s ? s : "";
    /* A leading = + - @ (or tab, CR) makes a spreadsheet run the cell as a formula. */
    bool formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
    fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* --- recording an audit ------------------------------------------------------------------- */

int yk_cli_record_history(const char *history, const char *out_dir,
                          const struct yk_audit_result *res, const struct yk_profile *profile,
                          bool timestamps, enum yk_lang lang)
{
    char path[4096];
    if (!history) {
        if (!out_dir)
            return CLI_EXIT_PASSED;
        if (snprintf(path, sizeof path, "%s/yakist.db", out_dir) >= (int)sizeof path) {
            fprintf(stderr, "yakist: the folder name is too long: %s\n", out_dir);
            return CLI_EXIT_INTERNAL;
        }
        mkdir(out_dir, 0777); /* the audit's own --out handling reports a failure */
        history = path;
    }
    struct yk_history *h = NULL;
    struct yk_error err;
    struct yk_history_record_options opt = {
        .profile = yk_profile_name(profile),
        .timestamps = timestamps,
    };
    yk_error_clear(&err);
    int rc = yk_history_open(history, true, &h, &err);
    if (rc == 0)
        rc = yk_history_record(h, res, &opt, &err);
    yk_history_close(h);
    if (rc < 0) {
        yk_cli_print_error(&err, lang);
        return rc == YK_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    }
    return CLI_EXIT_PASSED;
}
