/* yakist — the command: picks the subcommand, prints the general help and the version.
 * This directory is the only code that prints to the terminal or chooses an exit code. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    void (*help)(FILE *out);
};

static int run_version(int argc, char **argv);
static int unknown_command(const char *name);
static int run_help(int argc, char **argv);
static void version_help(FILE *out);
static void help_help(FILE *out);

static const struct command commands[] = {
    {"audit", "audit a council's catalog against Resolution 835", yk_cli_audit, yk_cli_audit_help},
    {"check", "check CSV files and gate on the findings", yk_cli_check, yk_cli_check_help},
    {"rules", "list the rules, or explain one", yk_cli_rules, yk_cli_rules_help},
    {"rating", "rank the information holders of a quarter", yk_cli_rating, yk_cli_rating_help},
    {"history", "list the audits recorded in the history", yk_cli_history, yk_cli_history_help},
    {"card", "fill the assessment card of the council for a year", yk_cli_card, yk_cli_card_help},
    {"version", "print the version", run_version, version_help},
    {"help", "show help for a command", run_help, help_help},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void general_help(FILE *out)
{
    fputs("usage: yakist COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "yakist audits the quality of open datasets: it checks files against the\n"
          "rules of Resolution 835 and the Ministry's recommendations and reports every\n"
          "problem with its place in the file.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Examples:\n"
          "  yakist audit fixtures/chortkiv --as-of 2025-10-01 --out report/\n"
          "  yakist rating --history report/yakist.db\n"
          "  yakist card fixtures/chortkiv --year 2025 --out report/\n"
          "  yakist check budget-2025.csv\n"
          "  yakist check --format json --fail-on warning data/*.csv > report.json\n"
          "  yakist rules\n"
          "  yakist rules file.blank_row\n"
          "\n"
          "Run 'yakist help COMMAND' or 'yakist COMMAND --help' for a command's options.\n"
          "\n"
          "Exit codes:\n"
          "  0  passed          1  a finding at or above --fail-on    2  usage error\n"
          "  3  unreadable input or bad profile                      4  internal error\n",
          out);
}

static void version_help(FILE *out)
{
    fputs("usage: yakist version\n"
          "\n"
          "Print the version of yakist, of its JSON report format and of the plugin ABI.\n"
          "'yakist --version' prints the first line only.\n"
          "\n"
          "Exit codes: 0 always, 2 on a usage error.\n",
          out);
}

static void help_help(FILE *out)
{
    fputs("usage: yakist help [COMMAND]\n"
          "\n"
          "Show the list of commands, or the options, examples and exit codes of one.\n"
          "\n"
          "Exit codes: 0, or 2 for an unknown command.\n",
          out);
}

static int run_version(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            version_help(stdout);
            return CLI_EXIT_PASSED;
        }
        return yk_cli_usage("version", "unexpected argument '%s'", argv[i]);
    }
    printf("yakist %s\n", yk_version());
    printf("report format %s\n", YK_REPORT_FORMAT_VERSION);
    printf("plugin ABI %d\n", YK_PLUGIN_ABI);
    return CLI_EXIT_PASSED;
}

static int run_help(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        if (argc >= 2)
            help_help(stdout);
        else
            general_help(stdout);
        return CLI_EXIT_PASSED;
    }
    if (argc > 2)
        return yk_cli_usage("help", "unexpected argument '%s'", argv[2]);
    const struct command *cmd = find_command(argv[1]);
    if (!cmd)
        return unknown_command(argv[1]);
    cmd->help(stdout);
    return CLI_EXIT_PASSED;
}

/* A usage error means the user needs the help; stdout may be a report file, so it goes to
 * stderr. */
static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "yakist: %s", what);
    if (arg)
        fprintf(stderr, " '%s'", arg);
    fputs("\nusage: yakist COMMAND [OPTIONS] [ARGS]\n"
          "commands: audit, check, rating, history, card, rules, version, help\n"
          "Run 'yakist help' for more.\n",
          stderr);
    return CLI_EXIT_USAGE;
}

/* "yakist: unknown command 'chek'; did you mean 'check'?" */
static int unknown_command(const char *name)
{
    const struct command *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < NCOMMANDS; i++) {
        size_t d = yk_cli_distance(name, commands[i].name);
        if (d < best_d) {
            best_d = d;
            best = &commands[i];
        }
    }
    if (best && best_d <= 2) {
        fprintf(stderr, "yakist: unknown command '%s'; did you mean '%s'?\n", name, best->name);
        fputs("Run 'yakist help' for the list of commands.\n", stderr);
        return CLI_EXIT_USAGE;
    }
    return usage_error("unknown command", name);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("no command given", NULL);
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        general_help(stdout);
        return CLI_EXIT_PASSED;
    }
    if (strcmp(name, "--version") == 0) {
        printf("yakist %s\n", yk_version());
        return CLI_EXIT_PASSED;
    }
    if (name[0] == '-')
        return usage_error("options follow the command; unknown option", name);
    const struct command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(name);
    int rc = cmd->run(argc - 1, argv + 1);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("yakist: error: cannot write the output\n", stderr);
        return CLI_EXIT_INTERNAL;
    }
    return rc;
}
