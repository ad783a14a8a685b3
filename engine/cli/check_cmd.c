/* yakist — `yakist check FILE...`: parses the options, checks each file in turn with its own
 * arena (each table of a zip archive that holds several), feeds the results to the chosen
 * report writer and turns them into the exit code (0 passed, 1 gate failed, 2 usage,
 * 3 unreadable input, bad profile or schema, 4 internal). */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yakist/schema.h>

#include "cli.h"

#define CMD "check"
#define MAX_FINDINGS_LIMIT 1000000000ull

enum color_mode { COLOR_AUTO = 0, COLOR_ALWAYS, COLOR_NEVER };

struct check_args {
    const char *format;
    enum yk_severity fail_on;
    bool has_max_findings;
    uint64_t max_findings;
    const char *profile;
    bool quiet;
    enum yk_lang lang;
    char delimiter;           /* 0: sniff */
    char quote;               /* 0: sniff */
    int header;               /* -1: sniff */
    const char *encoding;     /* NULL: detect */
    const char *input_format; /* NULL: from the content */
    const char *record_path;  /* NULL: found by the loader */
    bool timing;
    enum color_mode color;
    const char *schema;      /* --schema FILE; NULL: look next to the data */
    const char *standard;    /* --standard ID: a shipped standard instead of a file */
    bool no_discover;        /* --no-discover */
    int fields_match;        /* enum yk_fields_match; 0: as the schema says */
    bool ignore_header_case; /* --ignore-header-case */
    const char **files;
    size_t nfiles;
    const char **plugins; /* --plugin PATH, repeatable */
    size_t nplugins;
};

/* Parsing stopped because --help was printed. */
#define HELP_SHOWN (-1)

void yk_cli_check_help(FILE *out)
{
    struct yk_check_options defaults;
    yk_check_options_init(&defaults, NULL);
    fputs("usage: yakist check [OPTIONS] FILE...\n"
          "\n"
          "Check CSV, JSON and XML files (also gzip'ed or zipped) for structural defects\n"
          "(encoding, delimiter, header, missing and extra cells, blank rows, stray quotes,\n"
          "whitespace, title rows ...) and report each problem as\n"
          "path:line:column: severity: message [rule.id], then a summary per file. A zip\n"
          "archive with several tables gives one result per table, as ARCHIVE!MEMBER.\n"
          "Use it as a gate before a dataset is published.\n"
          "\n"
          "Options:\n",
          out);
    fputs("  --format FORMAT        report format (default: text):\n", out);
    for (size_t i = 0; i < yk_report_writer_count(); i++) {
        const struct yk_report_writer *w = yk_report_writer_at(i);
        if (w->file) /* the formats of a check; the others are for audits */
            fprintf(out, "                           %-9s%s\n", w->name, w->description);
    }
    fprintf(
        out,
        "  --fail-on SEVERITY     fail (exit 1) on a finding at or above it: error, warning\n"
        "                         or info (default: error)\n"
        "  --max-findings N       examples kept per rule (default: %llu); counts stay exact\n"
        "  --profile FILE         JSON profile: rules on or off, severities, weights, params,\n"
        "                         column checks of its own\n"
        "  --plugin FILE          load a rule family from a shared-object plugin (repeatable)\n"
        "  --quiet                only the summary of each file, no individual findings\n"
        "  --lang uk|en           language of the report (default: uk)\n"
        "  --delimiter C          force the delimiter: , ; | or tab (default: sniffed)\n"
        "  --quote C|none         force the quote character: \" or ' or none (default: sniffed)\n"
        "  --header yes|no|auto   is the first row (after any title rows) a header?\n"
        "                         (default: auto)\n"
        "  --encoding NAME        read the text in this encoding: utf-8, windows-1251,\n"
        "                         koi8-u, cp866, utf-16 ... (default: detected)\n"
        "  --input-format csv|json|xml\n"
        "                         read the content as this format (default: sniffed)\n"
        "  --record-path PATH     JSON: the key path to the records (result.records);\n"
        "                         XML: the elements that are records (root/item)\n"
        "                         (default: found)\n"
        "  --schema FILE          check against this structure description: a Table Schema\n"
        "                         or CSVW (JSON), or a CSV with one row per column\n"
        "                         (default: a structure file found next to the data)\n"
        "  --standard ID          check against a shipped data standard: shelters, or\n"
        "                         ID.TABLE for one table of a standard of several\n"
        "                         ('yakist rules --standards' lists them)\n"
        "  --no-discover          do not look for a structure file next to the data\n"
        "  --fields-match MODE    match the header to the schema: exact (by position),\n"
        "                         equal, subset, superset or partial (by name)\n"
        "                         (default: as the schema says, else exact)\n"
        "  --ignore-header-case   column names match the schema whatever their case\n"
        "  --no-timing            report 0 seconds, for reproducible reports\n"
        "  --color auto|always|never\n"
        "                         colour the text report (default: auto, that is only on a\n"
        "                         terminal and only when NO_COLOR is not set)\n"
        "  -h, --help             show this help\n",
        (unsigned long long)defaults.limits.max_findings);
    fputs("\n"
          "Examples:\n"
          "  yakist check budget-2025.csv\n"
          "  yakist check --lang en --fail-on warning schools.csv kindergartens.csv\n"
          "  yakist check --format json --no-timing data/*.csv > report.json\n"
          "  yakist check --delimiter ';' --header yes export-1c.csv\n"
          "  yakist check --profile council.json --max-findings 10 registry.csv\n"
          "  yakist check --encoding windows-1251 --input-format csv export.txt\n"
          "  yakist check --record-path result.records datastore.json\n"
          "  yakist check --schema budget.schema.json budget-2025.csv\n"
          "  yakist check --standard voting_results.votes votes.csv\n"
          "\n"
          "Exit codes (with several files the highest wins):\n"
          "  0  every file passed the gate\n"
          "  1  a finding at or above --fail-on\n"
          "  2  usage error\n"
          "  3  a file could not be read, or the profile or the schema is invalid\n"
          "  4  internal error\n",
          out);
}

static int set_format(void *args, const char *v)
{
    struct check_args *a = args;
    const struct yk_report_writer *w = yk_report_writer_find(v);
    if (!w || !w->file)
        return -1;
    a->format = v;
    return 0;
}

static int set_fail_on(void *args, const char *v)
{
    struct check_args *a = args;
    enum yk_severity sev;
    if (yk_severity_parse(v, &sev) < 0 || sev == YK_SEV_OFF)
        return -1;
    a->fail_on = sev;
    return 0;
}

/* Decimal digits only: no sign, no spaces, at most MAX_FINDINGS_LIMIT. */
static int set_max_findings(void *args, const char *v)
{
    struct check_args *a = args;
    if (v[0] < '0' || v[0] > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || n > MAX_FINDINGS_LIMIT)
        return -1;
    a->max_findings = n;
    a->has_max_findings = true;
    return 0;
}

static int add_plugin(void *args, const char *v)
{
    struct check_args *a = args;
    if (!v[0])
        return -1;
    a->plugins[a->nplugins++] = v;
    return 0;
}

static int set_lang(void *args, const char *v)
{
    struct check_args *a = args;
    return yk_cli_parse_lang(v, &a->lang);
}

static int set_delimiter(void *args, const char *v)
{
    struct check_args *a = args;
    if (strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0 || strcmp(v, "\t") == 0)
        a->delimiter = '\t';
    else if (strcmp(v, ",") == 0 || strcmp(v, ";") == 0 || strcmp(v, "|") == 0)
        a->delimiter = v[0];
    else
        return -1;
    return 0;
}

static int set_quote(void *args, const char *v)
{
    struct check_args *a = args;
    if (strcmp(v, "none") == 0)
        a->quote = YK_QUOTE_NONE;
    else if (strcmp(v, "\"") == 0 || strcmp(v, "'") == 0)
        a->quote = v[0];
    else
        return -1;
    return 0;
}

static int set_header(void *args, const char *v)
{
    struct check_args *a = args;
    if (strcmp(v, "yes") == 0)
        a->header = 1;
    else if (strcmp(v, "no") == 0)
        a->header = 0;
    else if (strcmp(v, "auto") == 0)
        a->header = -1;
    else
        return -1;
    return 0;
}

/* The library says whether a value is usable, so the CLI and the engine cannot disagree. */
static bool valid_check_option(const char *encoding, const char *format)
{
    struct yk_check_options o;
    yk_check_options_init(&o, NULL);
    o.encoding = encoding;
    o.format = format;
    return yk_check_options_validate(&o, NULL) == 0;
}

static int set_encoding(void *args, const char *v)
{
    struct check_args *a = args;
    if (!valid_check_option(v, NULL))
        return -1;
    a->encoding = v;
    return 0;
}

static int set_input_format(void *args, const char *v)
{
    struct check_args *a = args;
    if (!valid_check_option(NULL, v))
        return -1;
    a->input_format = v;
    return 0;
}

static int set_fields_match(void *args, const char *v)
{
    struct check_args *a = args;
    enum yk_fields_match mode;
    if (yk_fields_match_parse(v, &mode) < 0)
        return -1;
    a->fields_match = (int)mode;
    return 0;
}

static int set_color(void *args, const char *v)
{
    struct check_args *a = args;
    if (strcmp(v, "auto") == 0)
        a->color = COLOR_AUTO;
    else if (strcmp(v, "always") == 0)
        a->color = COLOR_ALWAYS;
    else if (strcmp(v, "never") == 0)
        a->color = COLOR_NEVER;
    else
        return -1;
    return 0;
}

/* The options that take a value: name, what it accepts (for the message), setter. */
static const struct yk_cli_value_option value_options[] = {
    {"--format", "a format listed by 'yakist help check'", set_format, 0},
    {"--fail-on", "error, warning or info", set_fail_on, 0},
    {"--max-findings", "a number from 0 to 1000000000", set_max_findings, 0},
    {"--profile", "a file name", NULL, offsetof(struct check_args, profile)},
    {"--plugin", "a file name", add_plugin, 0},
    {"--lang", "uk or en", set_lang, 0},
    {"--delimiter", ", ; | or tab", set_delimiter, 0},
    {"--quote", "\" or ' or none", set_quote, 0},
    {"--header", "yes, no or auto", set_header, 0},
    {"--encoding", "an encoding name iconv knows (utf-8, windows-1251, koi8-u, cp866, utf-16 ...)",
     set_encoding, 0},
    {"--input-format", "csv, json or xml", set_input_format, 0},
    {"--record-path", "a path such as result.records or root/item", NULL,
     offsetof(struct check_args, record_path)},
    {"--schema", "a file name", NULL, offsetof(struct check_args, schema)},
    {"--standard", "a standard id ('yakist rules --standards' lists them)", NULL,
     offsetof(struct check_args, standard)},
    {"--fields-match", "exact, equal, subset, superset or partial", set_fields_match, 0},
    {"--color", "auto, always or never", set_color, 0},
};

/* 0 to go on, HELP_SHOWN, or an exit code (the message is printed). */
static int parse_args(int argc, char **argv, struct check_args *a)
{
    bool only_files = false;
    a->format = "text";
    a->fail_on = YK_SEV_ERROR;
    a->header = -1;
    a->timing = true;
    a->files = malloc((size_t)argc * sizeof *a->files);
    a->plugins = malloc((size_t)argc * sizeof *a->plugins);
    if (!a->files || !a->plugins) {
        fputs("yakist: error: out of memory\n", stderr);
        return CLI_EXIT_INTERNAL;
    }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || arg[1] == '\0') {
            a->files[a->nfiles++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_files = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            yk_cli_check_help(stdout);
            return HELP_SHOWN;
        } else if (strcmp(arg, "--quiet") == 0) {
            a->quiet = true;
        } else if (strcmp(arg, "--no-timing") == 0) {
            a->timing = false;
        } else if (strcmp(arg, "--no-discover") == 0) {
            a->no_discover = true;
        } else if (strcmp(arg, "--ignore-header-case") == 0) {
            a->ignore_header_case = true;
        } else {
            int m = yk_cli_value_option(CMD, argc, argv, &i, value_options,
                                        sizeof value_options / sizeof value_options[0], a);
            if (m < 0)
                return -m;
            if (m == 0)
                return yk_cli_usage(CMD, "unknown option '%s'", arg);
        }
    }
    if (a->nfiles == 0)
        return yk_cli_usage(CMD, "no files to check");
    if (a->schema && a->standard)
        return yk_cli_usage(CMD, "--schema and --standard both name a schema; give one");
    return 0;
}

static bool use_color(enum color_mode mode)
{
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if ((no_color && no_color[0]) || (term && strcmp(term, "dumb") == 0))
        return false;
    return isatty(STDOUT_FILENO) == 1;
}

/* The library's message already says what failed ("cannot open: ..."); drop a repeated verb. */
static void print_unreadable(const char *path, const struct yk_error *err, enum yk_lang lang)
{
    const char *msg = err->message[0] ? err->message : yk_err_name(err->code);
    static const char *const prefixes[] = {"cannot read: ", "cannot open: "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(msg, prefixes[i], n) == 0)
            msg += n;
    }
    if (lang == YK_LANG_EN)
        fprintf(stderr, "%s: error: cannot read: %s\n", path, msg);
    else
        fprintf(stderr, "%s: помилка: не вдалося прочитати: %s\n", path, msg);
}

static int out_of_memory(const char *path, enum yk_lang lang)
{
    struct yk_error err;
    yk_error_set(&err, YK_ENOMEM, path, 0, 0, "out of memory");
    yk_cli_print_error(&err, lang);
    return CLI_EXIT_INTERNAL;
}

/* Check one file (or one member of an archive, opt->member) and report it under the name
 * shown; returns its exit code. */
static int check_one(const char *path, const char *shown, const struct yk_check_options *opt,
                     const struct yk_report_writer *writer, struct yk_report *rep)
{
    enum yk_lang lang = rep->opt->lang;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL, failed = {0};
    struct yk_error err;
    int code;

    yk_error_clear(&err);
    if (!arena)
        return out_of_memory(shown, lang);
    int rc = yk_check_file(path, opt, arena, &res, &err);
    if (rc == 0) {
        code = yk_file_result_passes(res, rep->opt->fail_on) ? CLI_EXIT_PASSED : CLI_EXIT_GATE;
    } else if (rc == YK_EIO || rc == YK_ENOTFOUND) {
        print_unreadable(shown, &err, lang);
        code = CLI_EXIT_INPUT;
    } else {
        if (!err.file[0] || shown != path)
            snprintf(err.file, sizeof err.file, "%s", shown);
        yk_cli_print_error(&err, lang);
        code = rc == YK_EPARSE || rc == YK_EUNSUPPORTED ? CLI_EXIT_INPUT : CLI_EXIT_INTERNAL;
    }
    if (!res) {
        failed.error = err;
        res = &failed;
    }
    res->path = shown;
    res->info.path = shown;
    if (writer->file(rep, res) < 0)
        code = CLI_EXIT_INTERNAL;
    rep->files++;
    yk_arena_destroy(arena);
    return code;
}

/* A zip archive holding several tables gives one result per table, named ARCHIVE!MEMBER;
 * anything else (one table, no table, not an archive, unreadable) gives one result under its
 * own path. Returns the highest exit code. */
static int check_path(const char *path, const struct yk_check_options *opt,
                      const struct yk_report_writer *writer, struct yk_report *rep)
{
    struct yk_arena *arena = yk_arena_create(0);
    const char *const *names = NULL;
    size_t n = 0;
    int code = CLI_EXIT_PASSED;

    if (!arena)
        return out_of_memory(path, rep->opt->lang);
    if (opt->member || yk_archive_tables(path, arena, &names, &n, NULL) < 0 || n < 2)
        n = 0;
    if (n == 0)
        code = check_one(path, path, opt, writer, rep);
    for (size_t i = 0; i < n; i++) {
        struct yk_check_options member = *opt;
        const char *shown = yk_arena_printf(arena, "%s!%s", path, names[i]);
        int c;
        member.member = names[i];
        c = shown ? check_one(path, shown, &member, writer, rep)
                  : out_of_memory(path, rep->opt->lang);
        code = c > code ? c : code;
    }
    yk_arena_destroy(arena);
    return code;
}

static void set_check_options(const struct check_args *a, struct yk_check_options *opt,
                              const struct yk_registry *reg, const struct yk_profile *profile)
{
    yk_check_options_init(opt, reg);
    opt->profile = profile;
    opt->delimiter = a->delimiter;
    opt->quote = a->quote;
    opt->header = a->header;
    opt->encoding = a->encoding;
    opt->format = a->input_format;
    opt->record_path = a->record_path;
    opt->timing = a->timing;
    if (a->has_max_findings)
        opt->limits.max_findings = a->max_findings;
    opt->schema_discover = !a->schema && !a->standard && !a->no_discover;
    opt->fields_match = a->fields_match;
    opt->header_ignore_case = a->ignore_header_case;
}

/* The structure file given with --schema, read once for all the files. 0 or an exit code
 * (the message is printed). */
static int load_schema(const char *path, enum yk_lang lang, struct yk_arena **arena,
                       const struct yk_schema **out)
{
    struct yk_error err;
    yk_error_clear(&err);
    *arena = yk_arena_create(0);
    int rc = *arena ? yk_schema_load(path, *arena, out, &err)
                    : yk_error_set(&err, YK_ENOMEM, path, 0, 0, "out of memory");
    if (rc == 0)
        return 0;
    yk_cli_print_error(&err, lang);
    return rc == YK_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
}

int yk_cli_check(int argc, char **argv)
{
    struct check_args a = {0};
    struct yk_cli_engine eng = {0};
    struct yk_arena *schema_arena = NULL;
    const struct yk_schema *schema = NULL;
    struct yk_error err;
    int code = parse_args(argc, argv, &a);

    yk_error_clear(&err);
    if (code != 0) {
        code = code == HELP_SHOWN ? CLI_EXIT_PASSED : code;
        goto out;
    }
    if (a.standard &&
        (code = yk_cli_standard_load(a.standard, a.lang, &schema_arena, &schema)) != 0)
        goto out;
    if ((code = yk_cli_engine_open(&eng, a.plugins, a.nplugins, a.profile, a.lang)) != 0)
        goto out;
    const struct yk_registry *reg = eng.reg;
    const struct yk_profile *profile = eng.profile;
    if (a.schema && (code = load_schema(a.schema, a.lang, &schema_arena, &schema)) != 0)
        goto out;

    struct yk_check_options opt;
    set_check_options(&a, &opt, reg, profile);
    opt.schema = schema;
    const struct yk_report_writer *writer = yk_report_writer_find(a.format);
    struct yk_report_options ropt = {
        .lang = a.lang,
        .color = use_color(a.color),
        .quiet = a.quiet,
        .fail_on = a.fail_on,
        .tool_version = yk_version(),
    };
    struct yk_report rep = {.out = stdout, .opt = &ropt, .registry = reg, .profile = profile};
    if (writer->begin && writer->begin(&rep) < 0) {
        code = CLI_EXIT_INTERNAL;
        goto out;
    }
    for (size_t i = 0; i < a.nfiles; i++) {
        int c = check_path(a.files[i], &opt, writer, &rep);
        if (c > code)
            code = c;
    }
    if (writer->end && writer->end(&rep) < 0 && code < CLI_EXIT_INTERNAL)
        code = CLI_EXIT_INTERNAL;
out:
    yk_arena_destroy(schema_arena);
    yk_cli_engine_close(&eng);
    free(a.files);
    free(a.plugins);
    return code;
}
