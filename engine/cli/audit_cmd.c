/* yakist — `yakist audit CATALOG`: audits a council's whole catalog (the Перелік coverage, the
 * metadata, timeliness and openness rules, every resource through the file rules), shows a
 * progress line on a terminal, prints the summary on stdout and writes the complete result to
 * --out DIR/audit.json. Exit codes: 0 the audit ran, 1 the --fail-on gate failed, 2 usage,
 * 3 unreadable catalog, council or profile, 4 internal. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define CMD "audit"
#define MAX_FINDINGS_LIMIT 1000000000ull
#define PROGRESS_PATH_MAX 60 /* bytes of the current path shown */

struct audit_args {
    const char *catalog;
    const char *council;
    const char *as_of;
    const char *profile;
    const char *out;
    const char *cache;
    unsigned jobs;
    unsigned grace;
    bool has_grace;
    bool fetch;
    bool timing;
    enum yk_lang lang;
    bool gate;                /* --fail-on given */
    bool gate_kpis;           /* --fail-on kpis */
    enum yk_severity fail_on; /* --fail-on SEVERITY */
    bool has_max_findings;
    uint64_t max_findings;
    /* The history (history_cmd.c, fmt.c). */
    const char *history; /* --history FILE; NULL: DIR/yakist.db with --out, else none */
    bool record_time;    /* --record-time */
    /* The reports (reports/): the writer for stdout. */
    const char *format; /* --format; "text" by default */
};

#define HELP_SHOWN (-1)

void yk_cli_audit_help(FILE *out)
{
    fputs("usage: yakist audit [OPTIONS] CATALOG\n"
          "\n"
          "Audit a council's open data catalog: match every dataset to the Перелік of\n"
          "Resolution 835 (coverage), check the metadata of every dataset (п. 7), its\n"
          "timeliness and openness, and every local resource through the file rules, in\n"
          "parallel. Prints the plan's KPIs against their targets (coverage 6.2, datasets\n"
          "beyond the list 6.3, 85 % compliant 7.2), the publishers doing worst and the most\n"
          "frequent findings; --out writes the complete result as JSON.\n"
          "\n"
          "CATALOG is a CKAN API JSON file (package_show, package_search,\n"
          "current_package_list_with_resources), a folder of package files, a Data Package,\n"
          "a DCAT RDF/XML file, a register of datasets (CSV) or a folder of plain files.\n"
          "\n"
          "Options:\n"
          "  --council FILE         the council file (default: council.json next to the\n"
          "                         catalog, when there is one)\n"
          "  --as-of DATE           the audit date, YYYY-MM-DD (default: today, UTC)\n"
          "  --profile FILE         JSON profile: rules on or off, severities, weights, params\n"
          "  --out DIR              write DIR/audit.json, the complete result, and\n"
          "                         DIR/dashboard.html, DIR/findings.csv, DIR/rating.csv\n"
          "                         (DIR is made when missing)\n"
          "  --format FORMAT        the report on stdout: text (default), json, csv,\n"
          "                         markdown, html, sarif, junit or github\n"
          "  --jobs N               resources checked in parallel, 1 to 256 (default: the\n"
          "                         number of processors); the result does not depend on it\n"
          "  --fetch                download remote resources (http and https only) and check\n"
          "                         them too; without it they are reported as not checked\n"
          "  --cache DIR            keep downloads in DIR and reuse them (with --fetch)\n"
          "  --grace-days N         working days of grace before a dataset is overdue\n"
          "                         (default: 3)\n"
          "  --max-findings N       examples kept per rule, per dataset and per file\n"
          "                         (default: 100); counts stay exact\n"
          "  --fail-on GATE         exit 1 when the gate fails: error, warning or info (a\n"
          "                         finding at or above it anywhere in the audit) or kpis\n"
          "                         (a KPI misses its plan target); default: no gate\n"
          "  --lang uk|en           language of the summary and messages (default: uk)\n"
          "  --no-timing            report 0 seconds, for reproducible results\n"
          "  --history FILE         record the run of the quarter (its scores, findings and\n"
          "                         KPIs) in this history file (default: DIR/yakist.db with\n"
          "                         --out); an audited quarter is replaced ('yakist rating')\n"
          "  --record-time          also record when the run was recorded (off: the history\n"
          "                         holds no clock time)\n"
          "  -h, --help             show this help\n"
          "\n"
          "Examples:\n"
          "  yakist audit fixtures/chortkiv --as-of 2025-10-01\n"
          "  yakist audit --out report/ --lang en catalog.json\n"
          "  yakist audit --council council.json --jobs 4 --fail-on kpis export/\n"
          "  yakist audit --fetch --cache .yakist-cache package_search.json\n"
          "\n"
          "Exit codes:\n"
          "  0  the audit ran (and passed the --fail-on gate, when given)\n"
          "  1  the --fail-on gate failed\n"
          "  2  usage error\n"
          "  3  the catalog, the council file or the profile cannot be read or is invalid\n"
          "  4  internal error (also: the result cannot be written)\n",
          out);
}

/* --- options ------------------------------------------------------------------------------- */

/* A decimal number from lo to hi, digits only. */
static int parse_uint(const char *v, unsigned long long lo, unsigned long long hi,
                      unsigned long long *out)
{
    char *end;
    if (v[0] < '0' || v[0] > '9')
        return -1;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        return -1;
    *out = n;
    return 0;
}

static int set_as_of(void *args, const char *v)
{
    struct audit_args *a = args;
    if (!yk_cli_valid_date(v))
        return -1;
    a->as_of = v;
    return 0;
}

static int set_jobs(void *args, const char *v)
{
    struct audit_args *a = args;
    unsigned long long n;
    if (parse_uint(v, 1, 256, &n) < 0)
        return -1;
    a->jobs = (unsigned)n;
    return 0;
}

static int set_grace(void *args, const char *v)
{
    struct audit_args *a = args;
    unsigned long long n;
    if (parse_uint(v, 0, 365, &n) < 0)
        return -1;
    a->grace = (unsigned)n;
    a->has_grace = true;
    return 0;
}

static int set_max_findings(void *args, const char *v)
{
    struct audit_args *a = args;
    unsigned long long n;
    if (parse_uint(v, 0, MAX_FINDINGS_LIMIT, &n) < 0)
        return -1;
    a->max_findings = n;
    a->has_max_findings = true;
    return 0;
}

static int set_fail_on(void *args, const char *v)
{
    struct audit_args *a = args;
    enum yk_severity sev;
    a->gate = true;
    if (strcmp(v, "kpis") == 0) {
        a->gate_kpis = true;
        return 0;
    }
    if (yk_severity_parse(v, &sev) < 0 || sev == YK_SEV_OFF)
        return -1;
    a->fail_on = sev;
    return 0;
}

static int set_lang(void *args, const char *v)
{
    struct audit_args *a = args;
    return yk_cli_parse_lang(v, &a->lang);
}

/* A report format that can write an audit. */
static int set_format(void *args, const char *v)
{
    struct audit_args *a = args;
    const struct yk_report_writer *w = yk_report_writer_find(v);
    if (!w || !w->audit)
        return -1;
    a->format = v;
    return 0;
}

static const struct yk_cli_value_option value_options[] = {
    {"--council", "a file name", NULL, offsetof(struct audit_args, council)},
    {"--as-of", "a date YYYY-MM-DD", set_as_of, 0},
    {"--profile", "a file name", NULL, offsetof(struct audit_args, profile)},
    {"--out", "a folder name", NULL, offsetof(struct audit_args, out)},
    {"--jobs", "a number from 1 to 256", set_jobs, 0},
    {"--cache", "a folder name", NULL, offsetof(struct audit_args, cache)},
    {"--grace-days", "a number from 0 to 365", set_grace, 0},
    {"--max-findings", "a number from 0 to 1000000000", set_max_findings, 0},
    {"--fail-on", "error, warning, info or kpis", set_fail_on, 0},
    {"--lang", "uk or en", set_lang, 0},
    {"--history", "a file name", NULL, offsetof(struct audit_args, history)},
    {"--format", "text, json, csv, markdown, html, sarif, junit or github", set_format, 0},
};

/* 0 to go on, HELP_SHOWN, or an exit code (the message is printed). */
static int parse_args(int argc, char **argv, struct audit_args *a)
{
    bool only_args = false;
    a->format = "text";
    a->timing = true;
    a->fail_on = YK_SEV_ERROR;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_args || arg[0] != '-' || arg[1] == '\0') {
            if (a->catalog)
                return yk_cli_usage(CMD, "one catalog at a time: '%s' and '%s'", a->catalog, arg);
            a->catalog = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_args = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            yk_cli_audit_help(stdout);
            return HELP_SHOWN;
        } else if (strcmp(arg, "--fetch") == 0) {
            a->fetch = true;
        } else if (strcmp(arg, "--no-timing") == 0) {
            a->timing = false;
        } else if (strcmp(arg, "--record-time") == 0) {
            a->record_time = true;
        } else {
            int m = yk_cli_value_option(CMD, argc, argv, &i, value_options,
                                        sizeof value_options / sizeof value_options[0], a);
            if (m < 0)
                return -m;
            if (m == 0)
                return yk_cli_usage(CMD, "unknown option '%s'", arg);
        }
    }
    if (!a->catalog)
        return yk_cli_usage(CMD, "no catalog to audit");
    if (a->cache && !a->fetch)
        return yk_cli_usage(CMD, "--cache is for downloads: add --fetch");
    return 0;
}

/* --- progress ------------------------------------------------------------------------------ */

struct progress {
    int width; /* digits of the total */
    bool shown;
};

/* "\r[ 12/87] …/data/rozklad.csv": the tail of the path, cut at a character boundary. */
static void on_progress(void *p, size_t done, size_t total, const char *current)
{
    struct progress *pr = p;
    size_t len = strlen(current ? current : "");
    const char *tail = current ? current : "";
    if (!pr->width)
        for (size_t t = total; t; t /= 10)
            pr->width++;
    if (len > PROGRESS_PATH_MAX) {
        tail = current + len - PROGRESS_PATH_MAX;
        while (((unsigned char)*tail & 0xC0u) == 0x80u)
            tail++;
    }
    fprintf(stderr, "\r[%*zu/%zu] %s%s\033[K", pr->width, done, total, tail == current ? "" : "…",
            tail);
    fflush(stderr);
    pr->shown = true;
}

/* --- running ------------------------------------------------------------------------------- */

static int exit_for(int rc)
{
    switch (rc) {
    case YK_ENOMEM:
    case YK_EINTERNAL:
        return CLI_EXIT_INTERNAL;
    default:
        return CLI_EXIT_INPUT;
    }
}

/* DIR/audit.json through the JSON writer. 0 or an exit code (the message is printed). */
static int write_json(const char *dir, const struct yk_audit_result *res,
                      const struct yk_report_options *ropt, const struct yk_registry *reg)
{
    char path[4096];
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "yakist audit: cannot make %s: %s\n", dir, strerror(errno));
        return CLI_EXIT_INTERNAL;
    }
    if (snprintf(path, sizeof path, "%s/audit.json", dir) >= (int)sizeof path) {
        fprintf(stderr, "yakist audit: the folder name is too long: %s\n", dir);
        return CLI_EXIT_INTERNAL;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "yakist audit: cannot write %s: %s\n", path, strerror(errno));
        return CLI_EXIT_INTERNAL;
    }
    struct yk_report rep = {.out = f, .opt = ropt, .registry = reg};
    int rc = yk_report_writer_find("json")->audit(&rep, res);
    if (fclose(f) != 0 || rc < 0) {
        fprintf(stderr, "yakist audit: cannot write %s\n", path);
        return CLI_EXIT_INTERNAL;
    }
    return 0;
}

/* --- reports: --format on stdout; the dashboard and the tables in --out ---------------------- */

/* The history this run was recorded in: --history, else DIR/yakist.db, else NULL. */
static const char *history_of(const struct audit_args *a, char *buf, size_t size)
{
    if (a->history)
        return a->history;
    if (!a->out || snprintf(buf, size, "%s/yakist.db", a->out) >= (int)size)
        return NULL;
    return buf;
}

typedef int (*audit_writer)(struct yk_report *rep, const struct yk_audit_result *audit);

/* DIR/NAME through one writer. 0 or an exit code (the message is printed). */
static int write_out(const char *dir, const char *name, audit_writer write,
                     const struct yk_report *rep, const struct yk_audit_result *res)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        fprintf(stderr, "yakist audit: the folder name is too long: %s\n", dir);
        return CLI_EXIT_INTERNAL;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "yakist audit: cannot write %s: %s\n", path, strerror(errno));
        return CLI_EXIT_INTERNAL;
    }
    struct yk_report to_file = *rep;
    to_file.out = f;
    int rc = write(&to_file, res);
    if (fclose(f) != 0 || rc < 0) {
        fprintf(stderr, "yakist audit: cannot write %s\n", path);
        return CLI_EXIT_INTERNAL;
    }
    return 0;
}

static int write_reports(const struct audit_args *a, const struct yk_audit_result *res,
                         struct yk_report *rep, bool recorded)
{
    char path[4096], quarter[7];
    const char *history = recorded ? history_of(a, path, sizeof path) : NULL;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_error err;
    int code = CLI_EXIT_PASSED;
    if (!arena)
        return CLI_EXIT_INTERNAL;
    yk_error_clear(&err);
    /* Without its history a report still shows everything but the trends. */
    if (history && yk_quarter_of(res->as_of, quarter) == 0 &&
        yk_report_use_history(rep, history, quarter, arena, &err) < 0)
        yk_cli_print_error(&err, a->lang);
    if (yk_report_writer_find(a->format)->audit(rep, res) < 0)
        code = CLI_EXIT_INTERNAL;
    if (code == 0 && recorded && a->out)
        code = write_out(a->out, "dashboard.html", yk_report_writer_find("html")->audit, rep, res);
    if (code == 0 && recorded && a->out)
        code = write_out(a->out, "findings.csv", yk_report_writer_find("csv")->audit, rep, res);
    if (code == 0 && recorded && a->out)
        code = write_out(a->out, "rating.csv", yk_report_rating_csv, rep, res);
    yk_arena_destroy(arena);
    return code;
}

static bool gate_fails(const struct audit_args *a, const struct yk_audit_result *res)
{
    if (!a->gate)
        return false;
    if (a->gate_kpis)
        return res->kpis.coverage_pm < 1000 || res->kpis.extra_datasets < 3 ||
               res->kpis.compliant_pm < 850;
    for (size_t i = 0; i < res->ncounts; i++)
        if (res->counts[i].count && res->counts[i].severity >= a->fail_on)
            return true;
    return false;
}

static void set_options(const struct audit_args *a, struct yk_audit_options *opt,
                        const struct yk_registry *reg, const struct yk_profile *profile,
                        struct progress *pr)
{
    yk_audit_options_init(opt, reg);
    opt->profile = profile;
    opt->council_path = a->council;
    opt->as_of = a->as_of;
    opt->jobs = a->jobs;
    opt->fetch = a->fetch;
    opt->cache_dir = a->cache;
    if (a->has_grace)
        opt->grace_days = a->grace;
    opt->check.profile = profile;
    opt->check.timing = a->timing;
    if (a->has_max_findings)
        opt->check.limits.max_findings = a->max_findings;
    if (isatty(STDERR_FILENO) == 1) {
        opt->progress = on_progress;
        opt->progress_ctx = pr;
    }
}

static int run(const struct audit_args *a, const struct yk_registry *reg,
               const struct yk_profile *profile)
{
    struct yk_audit_options opt;
    struct progress pr = {0};
    struct yk_audit_result *res = NULL;
    struct yk_error err;
    struct yk_arena *arena = yk_arena_create(0);
    int code = CLI_EXIT_PASSED;
    set_options(a, &opt, reg, profile, &pr);
    yk_error_clear(&err);
    int rc = arena ? yk_audit_run(a->catalog, &opt, arena, &res, &err)
                   : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (pr.shown)
        fputs("\r\033[K", stderr);
    if (rc < 0) {
        yk_cli_print_error(&err, a->lang);
        yk_arena_destroy(arena);
        return exit_for(rc);
    }
    struct yk_report_options ropt = {
        .lang = a->lang,
        .fail_on = a->gate && !a->gate_kpis ? a->fail_on : YK_SEV_ERROR,
        .tool_version = yk_version(),
    };
    struct yk_report rep = {.out = stdout, .opt = &ropt, .registry = reg, .profile = profile};
    if (code == 0 && a->out)
        code = write_json(a->out, res, &ropt, reg);
    if (code == 0)
        code = yk_cli_record_history(a->history, a->out, res, profile, a->record_time, a->lang);
    /* The report on stdout (written even when the history failed), then the dashboard: after
     * the history, so both show this quarter's trends. */
    int reports = write_reports(a, res, &rep, code == CLI_EXIT_PASSED);
    if (reports > code)
        code = reports;
    if (code == 0 && gate_fails(a, res))
        code = CLI_EXIT_GATE;
    yk_arena_destroy(arena);
    return code;
}

int yk_cli_audit(int argc, char **argv)
{
    struct audit_args a = {0};
    struct yk_registry *reg = NULL;
    struct yk_profile *profile = NULL;
    struct yk_error err;
    int code = parse_args(argc, argv, &a);

    yk_error_clear(&err);
    if (code != 0)
        return code == HELP_SHOWN ? CLI_EXIT_PASSED : code;
    if (yk_registry_create(&reg, &err) < 0) {
        yk_cli_print_error(&err, a.lang);
        return CLI_EXIT_INTERNAL;
    }
    if (a.profile && (yk_profile_load(a.profile, reg, &profile, &err) < 0 ||
                      yk_profile_register(profile, reg, &err) < 0)) {
        yk_cli_print_error(&err, a.lang);
        code = err.code == YK_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    } else {
        code = run(&a, reg, profile);
    }
    yk_registry_destroy(reg); /* borrows the profile's declared rules: first */
    yk_profile_destroy(profile);
    return code;
}
