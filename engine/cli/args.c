/* yakist — command-line helpers shared by the subcommands: long options with values, usage
 * errors, the printing of library errors, and the checks of date and path option values. POSIX
 * getopt has no long options, so the few we need are matched here. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
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

int yk_cli_value_option(const char *cmd, int argc, char **argv, int *i,
                        const struct yk_cli_value_option *opts, size_t n, void *args)
{
    for (size_t k = 0; k < n; k++) {
        const char *v = NULL;
        int m = yk_cli_option(argc, argv, i, opts[k].name, &v);
        if (m == 0)
            continue;
        if (m < 0)
            return m;
        bool bad = opts[k].set ? opts[k].set(args, v) < 0 : !v[0];
        if (!bad && !opts[k].set)
            *(const char **)((char *)args + opts[k].path_offset) = v;
        if (bad)
            return -yk_cli_usage(cmd, "%s takes %s, not '%s'", opts[k].name, opts[k].accepts, v);
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

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool yk_cli_valid_date(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    return !(m == 2 && d == 29 && !leap);
}
