/* yakist — command-line helpers shared by the subcommands: long options with values,
 * usage errors and the printing of library errors. POSIX getopt has no long options, so the
 * few we need are matched here. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"

int yk_cli_option(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *arg = argv[*i];
    size_t len = strlen(name);
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '\0') {
        if (!value)
            return 1;
        if (*i + 1 >= argc) {
            yk_cli_usage(argv[0], "option %s needs a value", name);
            return -CLI_EXIT_USAGE;
        }
        *value = argv[++*i];
        return 1;
    }
    if (arg[len] == '=') {
        if (!value) {
            yk_cli_usage(argv[0], "option %s takes no value", name);
            return -CLI_EXIT_USAGE;
        }
        *value = arg + len + 1;
        return 1;
    }
    return 0;
}

int yk_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "yakist %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nRun 'yakist help %s' for the options.\n", cmd);
    return CLI_EXIT_USAGE;
}

int yk_cli_parse_lang(const char *text, enum yk_lang *out)
{
    if (strcmp(text, "uk") == 0)
        *out = YK_LANG_UK;
    else if (strcmp(text, "en") == 0)
        *out = YK_LANG_EN;
    else
        return -1;
    return 0;
}

void yk_cli_print_error(const struct yk_error *err, enum yk_lang lang)
{
    if (err->file[0]) {
        fputs(err->file, stderr);
        if (err->line > 0) {
            fprintf(stderr, ":%" PRIu64, err->line);
            if (err->column > 0)
                fprintf(stderr, ":%" PRIu64, err->column);
        }
    } else {
        fputs("yakist", stderr);
    }
    fprintf(stderr, ": %s: %s\n", lang == YK_LANG_EN ? "error" : "помилка",
            err->message[0] ? err->message : yk_err_name(err->code));
}

size_t yk_cli_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[65];
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
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
    return row[lb];
}
