/* yakist — private declarations shared by the files of the yakist command: exit codes, the
 * subcommands and the small option-parsing helpers they all use. */
#ifndef YK_CLI_H
#define YK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <yakist/yakist.h>

/* The exit codes every subcommand uses; when several files are checked the highest wins. */
enum cli_exit {
    CLI_EXIT_PASSED = 0,  /* nothing at or above the gate */
    CLI_EXIT_GATE = 1,    /* a finding at or above --fail-on */
    CLI_EXIT_USAGE = 2,   /* bad command line */
    CLI_EXIT_INPUT = 3,   /* unreadable input or bad profile */
    CLI_EXIT_INTERNAL = 4 /* a bug, out of memory, output that cannot be written */
};

/* Subcommands: argv[0] is the subcommand's own name. Each returns an enum cli_exit. */
int yk_cli_audit(int argc, char **argv);
int yk_cli_check(int argc, char **argv);
int yk_cli_rules(int argc, char **argv);
int yk_cli_rating(int argc, char **argv);
int yk_cli_history(int argc, char **argv);
int yk_cli_card(int argc, char **argv);

/* Full help of a subcommand, to out. */
void yk_cli_audit_help(FILE *out);
void yk_cli_check_help(FILE *out);
void yk_cli_rules_help(FILE *out);
void yk_cli_rating_help(FILE *out);
void yk_cli_history_help(FILE *out);
void yk_cli_card_help(FILE *out);

/* Is argv[*i] the long option name ("--format")? When it takes a value (value != NULL), the
 * value comes from "--name=value" or from the next argument, and *i moves past it.
 * Returns 1 when matched, 0 when argv[*i] is another option, CLI_EXIT_USAGE negated (-2) when
 * the value is missing (the message is printed). */
int yk_cli_option(int argc, char **argv, int *i, const char *name, const char **value);

/* An option that takes a value, and the setter that checks it and stores it in the command's
 * arguments (passed through as void *); the setter returns a negative number for a bad value.
 * A file-name option needs no setter: with set NULL, the non-empty value is stored in the
 * `const char *` member at path_offset (offsetof the arguments' struct). */
struct yk_cli_value_option {
    const char *name;
    const char *accepts; /* what the usage message says it takes: "a file name" */
    int (*set)(void *args, const char *value);
    size_t path_offset;
};

/* 1 when argv[*i] was one of the n options and its value was set, 0 when it is none of them,
 * CLI_EXIT_USAGE negated when the value is missing or wrong (the message is printed). */
int yk_cli_value_option(const char *cmd, int argc, char **argv, int *i,
                        const struct yk_cli_value_option *opts, size_t n, void *args);

/* Print "yakist CMD: message" and a pointer to the help on stderr; returns CLI_EXIT_USAGE. */
int yk_cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Edit distance between two short ASCII names, for "did you mean"; SIZE_MAX when either is
 * longer than 64 bytes (not worth a suggestion). */
size_t yk_cli_distance(const char *a, const char *b);

/* "uk" or "en". 0, or -1 when text is neither. */
int yk_cli_parse_lang(const char *text, enum yk_lang *out);

/* Is s a YYYY-MM-DD date naming a real day (year 1900 or later)? */
bool yk_cli_valid_date(const char *s);

/* Print an error object on stderr as "file:line:column: error: message" with the parts known;
 * the word "error" follows lang, the message is the library's (English). */
void yk_cli_print_error(const struct yk_error *err, enum yk_lang lang);

/* --- engine.c: the registry, plugins and profile a command runs with ------------------------- */

struct yk_cli_engine {
    struct yk_registry *reg;
    struct yk_profile *profile; /* NULL without --profile */
    struct yk_plugin **plugins;
    size_t nplugins;
};

/* Create the registry, load the plugins into it (--plugin, in order), then load the profile
 * (NULL: none) against it and register the column checks it declares. Returns an enum
 * cli_exit: CLI_EXIT_INPUT for a bad plugin or profile (the message, naming the file, is
 * printed), with everything already closed. */
int yk_cli_engine_open(struct yk_cli_engine *e, const char *const *plugins, size_t nplugins,
                       const char *profile, enum yk_lang lang);

/* Destroy the registry, then the profile, then unload the plugins; accepts a zeroed one. */
void yk_cli_engine_close(struct yk_cli_engine *e);

/* --- standards_cmd.c: the shipped standards ------------------------------------------------ */

/* `yakist rules --standards`: the table of the standards; `--standards NAME`: one standard
 * (an id, or ID.TABLE for one table) with its fields and keys. Return an enum cli_exit; an
 * unknown name is a usage error with a close name suggested. */
int yk_cli_standards_list(enum yk_lang lang);
int yk_cli_standards_show(const char *name, enum yk_lang lang);

/* `yakist check --standard NAME`: the standard's schema, read into a new *arena (the caller
 * destroys it, also on failure). Returns 0 or an enum cli_exit (the message is printed):
 * CLI_EXIT_USAGE for an unknown name or a standard of several tables named without one. */
int yk_cli_standard_load(const char *name, enum yk_lang lang, struct yk_arena **arena,
                         const struct yk_schema **out);

/* --- fmt.c: output of the rating and history commands --------------------------------------- */

/* A per mille number as "92,4" (uk) or "92.4" (en), into buf; returns buf. */
const char *yk_cli_pm(char buf[16], unsigned pm, enum yk_lang lang);

/* s in a table cell of width characters (not bytes), padded on the left when right is true;
 * a longer s is cut with "…". width 0: s as it is. */
void yk_cli_cell(FILE *out, const char *s, size_t width, bool right);

/* s as a JSON string ("null" for NULL); a CSV field, quoted, with a leading formula character
 * neutralised by an apostrophe. */
void yk_cli_json_string(FILE *out, const char *s);
void yk_cli_csv_field(FILE *out, const char *s);

/* Record a scored audit in the history: into history when given, else into OUT_DIR/yakist.db
 * when out_dir is given, else nowhere. Prints what went wrong; returns an enum cli_exit. */
int yk_cli_record_history(const char *history, const char *out_dir,
                          const struct yk_audit_result *res, const struct yk_profile *profile,
                          bool timestamps, enum yk_lang lang);

#endif
