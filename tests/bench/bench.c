/* yakist-bench: generates deterministic data files (the same rows as CSV, a JSON array of records
 * and XML), then times a bare libcsv parse of the CSV and `yakist check` on each (best wall time
 * of N runs, peak RSS from wait4), and prints a table.
 * It never fails on speed: only a crash, an unexpected exit status or a malformed report do. */
#define _DEFAULT_SOURCE /* wait4() */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "bench_peer.h"

#ifndef YK_BENCH_YAKIST
#define YK_BENCH_YAKIST "yakist"
#endif
#ifndef YK_BENCH_GEN
#define YK_BENCH_GEN "yakist-gen"
#endif
#ifndef YK_BENCH_BARE
#define YK_BENCH_BARE "yakist-csv-bare"
#endif
#ifndef YK_BENCH_SCHEMA
#define YK_BENCH_SCHEMA "bench-schema.json"
#endif
#ifndef YK_BENCH_STRUCTURE
#define YK_BENCH_STRUCTURE "structure-only.json"
#endif
#ifndef YK_BENCH_SCHEMA_ONLY
#define YK_BENCH_SCHEMA_ONLY "schema-only.json"
#endif

#define MAX_ARGS 12
#define INPUT_ARG "@input@"
#define SCHEMA_ARG "@schema@"           /* the Table Schema of the generated rows (--schema) */
#define STRUCTURE_ARG "@structure@"     /* the profile without the content and schema families */
#define SCHEMA_ONLY_ARG "@schema-only@" /* the profile without the content family */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Generated inputs: the same rows in each format; another is one line here (and a --format in
 * yakist-gen). */
enum input_id { INPUT_CSV, INPUT_JSON, INPUT_XML, INPUT_CSV_PEER, INPUT_COUNT };

struct input_desc {
    const char *file;       /* name inside the work directory */
    const char *gen_format; /* yakist-gen --format, also the "format" yakist must report */
    unsigned max_mb;        /* a cap on --size for a slow reader, 0 = none */
};

static const struct input_desc inputs[INPUT_COUNT] = {
    [INPUT_CSV] = {.file = "bench.csv", .gen_format = "csv"},
    [INPUT_JSON] = {.file = "bench.json", .gen_format = "json"},
    [INPUT_XML] = {.file = "bench.xml", .gen_format = "xml"},
    [INPUT_CSV_PEER] = {.file = "bench-peer.csv", .gen_format = "csv", .max_mb = 20},
};

enum tool { TOOL_BARE_CSV, TOOL_YAKIST, TOOL_NODE_PEER }; /* node: the script of bench_peer.h */

/* One timed command. Adding a case (a JSON check, a run with a schema) is one line below. */
struct bench_case {
    const char *name;
    enum input_id input;
    enum tool tool;
    const char *args[MAX_ARGS]; /* after the program name; INPUT_ARG stands for the input file */
    int ok_exit_max;            /* highest exit status that is a normal result */
    const char *baseline;       /* the case this one's speed is compared with, or NULL */
    double min_ratio;           /* target share of the baseline's speed, 0 = none */
    double min_mbs;             /* target speed in MB/s, 0 = none */
    double max_rss_mib;         /* target peak RSS, 0 = none */
};

static const struct bench_case cases[] = {
    {.name = "bare-csv", .input = INPUT_CSV, .tool = TOOL_BARE_CSV, .args = {INPUT_ARG}},
    {.name = "check-csv",
     .input = INPUT_CSV,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--quiet"},
     .ok_exit_max = 1,
     .baseline = "bare-csv",
     .max_rss_mib = 32.0},
    {.name = "check-csv-structure", /* issue 2: the structural check against the bare parse */
     .input = INPUT_CSV,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--quiet", "--profile", STRUCTURE_ARG},
     .ok_exit_max = 1,
     .baseline = "bare-csv",
     .min_ratio = 0.40,
     .max_rss_mib = 32.0},
    {.name = "check-json",
     .input = INPUT_JSON,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--quiet"},
     .ok_exit_max = 1,
     .min_mbs = 50.0,
     .max_rss_mib = 32.0},
    {.name = "check-xml",
     .input = INPUT_XML,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--quiet"},
     .ok_exit_max = 1,
     .min_mbs = 50.0,
     .max_rss_mib = 32.0},
    {.name = "check-schema", /* the unique id keeps one hash per row: no RSS target */
     .input = INPUT_CSV,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--schema", SCHEMA_ARG, "--quiet"},
     .ok_exit_max = 1,
     .baseline = "tableschema-js",
     .min_ratio = 15.0,
     .min_mbs = 150.0},
    {.name = "check-schema-only", /* what the peer does: structure and schema, no content rules */
     .input = INPUT_CSV,
     .tool = TOOL_YAKIST,
     .args = {"check", INPUT_ARG, "--schema", SCHEMA_ARG, "--quiet", "--profile", SCHEMA_ONLY_ARG},
     .ok_exit_max = 1,
     .baseline = "tableschema-js",
     .min_ratio = 15.0,
     .min_mbs = 150.0},
    {.name = "tableschema-js", /* the same schema, at most 20 MB: it is slow */
     .input = INPUT_CSV_PEER,
     .tool = TOOL_NODE_PEER,
     .args = {INPUT_ARG, SCHEMA_ARG}},
};

struct input_state {
    char path[4096];
    uint64_t bytes;
    uint64_t rows; /* data rows, as the generator reports them */
    bool ready;
};

struct result {
    double best_s;     /* best wall time */
    double best_cpu_s; /* least CPU time (user + system): steadier on a busy machine */
    long peak_kib;     /* highest ru_maxrss seen over the runs */
    bool ok;           /* every run ended normally */
    bool skipped;      /* not run: the reason was printed */
    int runs;
};

struct options {
    unsigned size_mb;
    unsigned runs;
    const char *dir;
    const char *yakist;
    const char *gen;
    const char *bare;
    const char *schema;
    const char *structure;   /* the profile of check-csv-structure */
    const char *schema_only; /* the profile of check-schema-only */
    bool keep;
    bool no_peer;            /* --no-peer: no npm, no node (the smoke test stays offline) */
    struct bench_peer *peer; /* the JavaScript peer, when it could be installed */
};

struct run_stat {
    int status; /* as from wait4 */
    double wall_s;
    double cpu_s; /* user + system */
    long maxrss_kib;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void redirect(int fd, const char *path, int flags)
{
    int f = open(path, flags, 0644);
    if (f < 0 || dup2(f, fd) < 0)
        _exit(126);
    close(f);
}

/* Runs argv with stdout/stderr sent to files; measures wall time and the child's peak RSS. */
static int run(char *const argv[], const char *out, const char *err, struct run_stat *st)
{
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        redirect(STDIN_FILENO, "/dev/null", O_RDONLY);
        redirect(STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC);
        redirect(STDERR_FILENO, err, O_WRONLY | O_CREAT | O_TRUNC);
        execv(argv[0], argv);
        _exit(127);
    }
    struct rusage ru;
    int status;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR)
            return -1;
    }
    st->wall_s = now_s() - t0;
    st->status = status;
    st->maxrss_kib = ru.ru_maxrss;
    st->cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    return 0;
}

static void describe_status(int status, char *buf, size_t n)
{
    if (WIFSIGNALED(status))
        snprintf(buf, n, "killed by signal %d", WTERMSIG(status));
    else if (WIFEXITED(status))
        snprintf(buf, n, "exit status %d", WEXITSTATUS(status));
    else
        snprintf(buf, n, "status 0x%x", (unsigned)status);
}

static void show_file_tail(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512];
    int shown = 0;
    if (f == NULL)
        return;
    while (shown < 20 && fgets(line, sizeof line, f)) {
        fprintf(stderr, "    | %s", line);
        shown++;
    }
    fclose(f);
}

static void work_path(char *buf, size_t n, const char *dir, const char *name, const char *ext)
{
    snprintf(buf, n, "%s/%s%s", dir, name, ext);
}

/* Runs yakist-gen for an input and reads the row count it reports on stderr. */
static int generate(const struct options *o, const char *dir, enum input_id id,
                    struct input_state *in)
{
    char size[24], log[4096], nul[] = "/dev/null";
    struct run_stat st;
    unsigned mb =
        inputs[id].max_mb && inputs[id].max_mb < o->size_mb ? inputs[id].max_mb : o->size_mb;
    snprintf(size, sizeof size, "%u", mb);
    work_path(in->path, sizeof in->path, dir, inputs[id].file, "");
    work_path(log, sizeof log, dir, inputs[id].file, ".gen.log");
    char *argv[] = {(char *)o->gen, "--size", size, "--format", (char *)inputs[id].gen_format,
                    "-o",           in->path, NULL};
    if (run(argv, nul, log, &st) != 0 || !WIFEXITED(st.status) || WEXITSTATUS(st.status) != 0) {
        fprintf(stderr, "yakist-bench: generating %s failed\n", in->path);
        show_file_tail(log);
        return -1;
    }
    FILE *f = fopen(log, "r");
    if (f == NULL ||
        fscanf(f, "yakist-gen: %" SCNu64 " rows, %" SCNu64, &in->rows, &in->bytes) != 2) {
        fprintf(stderr, "yakist-bench: cannot read the generator's summary in %s\n", log);
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    in->ready = true;
    printf("generated %s: %.1f MB, %" PRIu64 " rows in %.2f s\n", in->path, (double)in->bytes / 1e6,
           in->rows, st.wall_s);
    return 0;
}

static void build_argv(const struct options *o, const struct bench_case *c,
                       const struct input_state *in, char *argv[MAX_ARGS + 3])
{
    size_t n = 0;
    if (c->tool == TOOL_NODE_PEER) {
        argv[n++] = o->peer->node;
        argv[n++] = o->peer->script;
    } else {
        argv[n++] = (char *)(c->tool == TOOL_YAKIST ? o->yakist : o->bare);
    }
    for (size_t i = 0; i < MAX_ARGS && c->args[i]; i++) {
        const char *a = c->args[i];
        argv[n++] = strcmp(a, INPUT_ARG) == 0         ? (char *)in->path
                    : strcmp(a, SCHEMA_ARG) == 0      ? (char *)o->schema
                    : strcmp(a, STRUCTURE_ARG) == 0   ? (char *)o->structure
                    : strcmp(a, SCHEMA_ONLY_ARG) == 0 ? (char *)o->schema_only
                                                      : (char *)a;
    }
    argv[n] = NULL;
}

/* Times one case: `runs` runs, keeping the best wall time and the highest peak RSS. */
static void time_case(const struct options *o, const char *dir, const struct bench_case *c,
                      const struct input_state *in, struct result *r)
{
    char *argv[MAX_ARGS + 3], out[4096], err[4096], what[64];
    build_argv(o, c, in, argv);
    work_path(out, sizeof out, dir, c->name, ".out");
    work_path(err, sizeof err, dir, c->name, ".err");
    r->ok = true;
    for (unsigned i = 0; i < o->runs; i++) {
        struct run_stat st;
        if (run(argv, out, err, &st) != 0) {
            fprintf(stderr, "yakist-bench: %s: cannot start %s: %s\n", c->name, argv[0],
                    strerror(errno));
            r->ok = false;
            return;
        }
        if (!WIFEXITED(st.status) || WEXITSTATUS(st.status) > c->ok_exit_max) {
            describe_status(st.status, what, sizeof what);
            fprintf(stderr, "yakist-bench: %s: %s ended with %s\n", c->name, argv[0], what);
            show_file_tail(err);
            r->ok = false;
            return;
        }
        if (r->runs == 0 || st.wall_s < r->best_s)
            r->best_s = st.wall_s;
        if (r->runs == 0 || st.cpu_s < r->best_cpu_s)
            r->best_cpu_s = st.cpu_s;
        if (st.maxrss_kib > r->peak_kib)
            r->peak_kib = st.maxrss_kib;
        r->runs++;
    }
}

/* The bare parser counts records, header included: it must agree with the generator. */
static bool check_bare_output(const char *dir, const struct bench_case *c,
                              const struct input_state *in)
{
    char out[4096];
    uint64_t rows = 0;
    work_path(out, sizeof out, dir, c->name, ".out");
    FILE *f = fopen(out, "r");
    int got = f ? fscanf(f, "rows %" SCNu64, &rows) : 0;
    if (f)
        fclose(f);
    if (got != 1 || rows != in->rows + 1) {
        fprintf(stderr, "yakist-bench: %s counted %" PRIu64 " records, expected %" PRIu64 "\n",
                c->name, rows, in->rows + 1);
        return false;
    }
    return true;
}

/* The JavaScript peer prints "rows N errors M": it must have read every row. */
static bool check_peer_output(const char *dir, const struct bench_case *c,
                              const struct input_state *in)
{
    char out[4096];
    uint64_t rows = 0, errors = 0;
    work_path(out, sizeof out, dir, c->name, ".out");
    FILE *f = fopen(out, "r");
    int got = f ? fscanf(f, "rows %" SCNu64 " errors %" SCNu64, &rows, &errors) : 0;
    if (f)
        fclose(f);
    if (got != 2 || rows != in->rows) {
        fprintf(stderr, "yakist-bench: %s read %" PRIu64 " rows, expected %" PRIu64 "\n", c->name,
                rows, in->rows);
        return false;
    }
    printf("%s: %" PRIu64 " rows cast, %" PRIu64 " failed the schema\n", c->name, rows, errors);
    return true;
}

/* Finds "rows" inside the first "stats" object anywhere in the report. */
static json_t *find_stats_rows(json_t *j)
{
    const char *key;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        json_t *stats = json_object_get(j, "stats");
        if (json_is_object(stats) && json_is_integer(json_object_get(stats, "rows")))
            return json_object_get(stats, "rows");
        json_object_foreach(j, key, v)
        {
            json_t *r = find_stats_rows(v);
            if (r)
                return r;
        }
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v)
        {
            json_t *r = find_stats_rows(v);
            if (r)
                return r;
        }
    }
    return NULL;
}

/* Runs `yakist check --format json` once on an input and checks that the report parses, names
 * the input's format (so the right loader read it) and counts the rows the generator wrote. */
static bool check_json_report(const struct options *o, const char *dir, enum input_id id,
                              const struct input_state *in)
{
    char out[4096], err[4096], what[64];
    struct run_stat st;
    work_path(out, sizeof out, dir, inputs[id].file, ".report.json");
    work_path(err, sizeof err, dir, inputs[id].file, ".report.err");
    char *argv[] = {(char *)o->yakist, "check", (char *)in->path, "--format", "json",
                    "--no-timing",     NULL};
    if (run(argv, out, err, &st) != 0 || !WIFEXITED(st.status) || WEXITSTATUS(st.status) > 1) {
        describe_status(st.status, what, sizeof what);
        fprintf(stderr, "yakist-bench: yakist check --format json ended with %s\n", what);
        show_file_tail(err);
        return false;
    }
    json_error_t jerr;
    json_t *report = json_load_file(out, 0, &jerr);
    if (report == NULL) {
        fprintf(stderr, "yakist-bench: malformed JSON report %s:%d: %s\n", out, jerr.line,
                jerr.text);
        return false;
    }
    json_t *rows = find_stats_rows(report);
    json_t *file = json_array_get(json_object_get(report, "files"), 0);
    const char *format = json_string_value(json_object_get(file, "format"));
    bool ok = true;
    if (format == NULL || strcmp(format, inputs[id].gen_format) != 0) {
        fprintf(stderr, "yakist-bench: the JSON report on %s says format %s, not %s\n", in->path,
                format ? format : "(none)", inputs[id].gen_format);
        ok = false;
    } else if (rows == NULL) {
        fprintf(stderr, "yakist-bench: the JSON report has no stats.rows\n");
        ok = false;
    } else if ((uint64_t)json_integer_value(rows) != in->rows) {
        fprintf(stderr,
                "yakist-bench: the JSON report counts %" JSON_INTEGER_FORMAT
                " rows, the file has %" PRIu64 "\n",
                json_integer_value(rows), in->rows);
        ok = false;
    } else {
        printf("JSON report on %s: well-formed, %" PRIu64 " rows counted\n", inputs[id].file,
               in->rows);
    }
    json_decref(report);
    return ok;
}

static const struct bench_case *find_case(const char *name)
{
    for (size_t i = 0; i < COUNT(cases); i++)
        if (strcmp(cases[i].name, name) == 0)
            return &cases[i];
    return NULL;
}

static double speed_mbs(const struct input_state *in, const struct result *r)
{
    return r->best_s > 0 ? (double)in->bytes / 1e6 / r->best_s : 0.0;
}

/* This case's MB/s over its baseline's (each on its own input), or 0 when either did not run. */
static double base_ratio(const struct bench_case *c, const struct input_state *ins,
                         const struct result *res)
{
    const struct bench_case *base = c->baseline ? find_case(c->baseline) : NULL;
    const struct result *r = &res[c - cases];
    if (base == NULL || !r->ok || r->runs == 0 || !res[base - cases].ok ||
        res[base - cases].runs == 0)
        return 0.0;
    return speed_mbs(&ins[c->input], r) / speed_mbs(&ins[base->input], &res[base - cases]);
}

/* A share below 1 reads best as a percentage, a multiple above it as "12.3x". */
static void print_ratio(double ratio, const char *base)
{
    if (ratio < 1.5)
        printf("%.1f %% of %s", 100.0 * ratio, base);
    else
        printf("%.1fx %s", ratio, base);
}

static void print_row(const struct bench_case *c, const struct input_state *in,
                      const struct result *r, double ratio)
{
    if (r->skipped) {
        printf("%-19s %10s\n", c->name, "skipped");
        return;
    }
    if (!r->ok || r->runs == 0) {
        printf("%-19s %10s\n", c->name, "FAILED");
        return;
    }
    printf("%-19s %8.3f %10.1f %12.0f %8.3f %10.1f", c->name, r->best_s, speed_mbs(in, r),
           r->best_s > 0 ? (double)in->rows / r->best_s : 0.0, r->best_cpu_s,
           (double)r->peak_kib / 1024.0);
    if (ratio > 0) {
        printf("   ");
        print_ratio(ratio, c->baseline);
    }
    printf("\n");
}

/* The verdict against the targets: printed, never turned into a failure. */
static void print_targets(const struct bench_case *c, const struct input_state *in,
                          const struct result *r, double ratio)
{
    if (!r->ok || r->runs == 0)
        return;
    if (c->min_mbs > 0) {
        double mbs = speed_mbs(in, r);
        printf("target %s: speed >= %.0f MB/s: %.1f MB/s (%s)\n", c->name, c->min_mbs, mbs,
               mbs >= c->min_mbs ? "met" : "NOT met");
    }
    if (c->min_ratio > 0 && ratio > 0) {
        printf("target %s: speed >= ", c->name);
        print_ratio(c->min_ratio, c->baseline);
        printf(": ");
        print_ratio(ratio, c->baseline);
        printf(" (%s)\n", ratio >= c->min_ratio ? "met" : "NOT met");
    }
    if (c->max_rss_mib > 0) {
        double mib = (double)r->peak_kib / 1024.0;
        printf("target %s: peak RSS < %.0f MiB: %.1f MiB (%s)\n", c->name, c->max_rss_mib, mib,
               mib < c->max_rss_mib ? "met" : "NOT met");
    }
}

static void report(const struct options *o, const struct input_state *ins, const struct result *res)
{
    printf("\nbest of %u runs; MB = 10^6 bytes, rows = data rows, CPU = least user + system time,\n"
           "RSS = peak resident set\n",
           o->runs);
    if (o->peer && o->peer->ready)
        printf("tableschema-js: tableschema %s on Node.js, on a file of at most %u MB\n",
               o->peer->version, inputs[INPUT_CSV_PEER].max_mb);
    printf("%-19s %8s %10s %12s %8s %10s   %s\n", "case", "best s", "MB/s", "rows/s", "CPU s",
           "RSS MiB", "vs baseline");
    for (size_t i = 0; i < COUNT(cases); i++)
        print_row(&cases[i], &ins[cases[i].input], &res[i], base_ratio(&cases[i], ins, res));
    for (size_t i = 0; i < COUNT(cases); i++)
        print_targets(&cases[i], &ins[cases[i].input], &res[i], base_ratio(&cases[i], ins, res));
}

static int usage(void)
{
    fputs("usage: yakist-bench [--size MB] [--runs N] [--dir DIR] [--keep]\n"
          "                    [--yakist PATH] [--gen PATH] [--bare PATH] [--schema PATH]\n"
          "                    [--no-peer]\n"
          "Generates a CSV, a JSON array of records and an XML file of about MB megabytes\n"
          "each (default 200), the same rows in each, and times a bare libcsv parse of the\n"
          "CSV and `yakist check --quiet` on each file, best of N runs (default 3).\n"
          "Without --dir the data goes to a temporary directory that is removed afterwards;\n"
          "--dir DIR (created when missing) keeps it. It also checks the CSV against a Table\n"
          "Schema and, unless --no-peer, installs tableschema from npm into a temporary folder\n"
          "and times it on the same schema (skipped, with the reason, without node or npm).\n",
          stderr);
    return 2;
}

static bool parse_uint(const char *s, unsigned *v)
{
    char *end;
    errno = 0;
    unsigned long x = s ? strtoul(s, &end, 10) : 0;
    if (s == NULL || errno != 0 || end == s || *end != '\0' || x == 0 || x > 100000)
        return false;
    *v = (unsigned)x;
    return true;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--size") == 0 && parse_uint(v, &o->size_mb))
            i++;
        else if (strcmp(a, "--runs") == 0 && parse_uint(v, &o->runs))
            i++;
        else if (strcmp(a, "--dir") == 0 && v)
            o->dir = argv[++i];
        else if (strcmp(a, "--yakist") == 0 && v)
            o->yakist = argv[++i];
        else if (strcmp(a, "--gen") == 0 && v)
            o->gen = argv[++i];
        else if (strcmp(a, "--bare") == 0 && v)
            o->bare = argv[++i];
        else if (strcmp(a, "--schema") == 0 && v)
            o->schema = argv[++i];
        else if (strcmp(a, "--no-peer") == 0)
            o->no_peer = true;
        else if (strcmp(a, "--keep") == 0)
            o->keep = true;
        else
            return -1;
    }
    return 0;
}

/* Removes what this run wrote into a temporary directory, then the directory. */
static void cleanup(const char *dir, const struct input_state *ins)
{
    char p[4096];
    static const char *const exts[] = {".out", ".err"};
    for (size_t i = 0; i < INPUT_COUNT; i++) {
        if (ins[i].ready)
            unlink(ins[i].path);
        work_path(p, sizeof p, dir, inputs[i].file, ".gen.log");
        unlink(p);
        work_path(p, sizeof p, dir, inputs[i].file, ".report.json");
        unlink(p);
        work_path(p, sizeof p, dir, inputs[i].file, ".report.err");
        unlink(p);
    }
    for (size_t i = 0; i < COUNT(cases); i++)
        for (size_t e = 0; e < COUNT(exts); e++) {
            work_path(p, sizeof p, dir, cases[i].name, exts[e]);
            unlink(p);
        }
    rmdir(dir);
}

static bool run_all(const struct options *o, const char *dir, struct input_state *ins,
                    struct result *res)
{
    bool ok = true;
    for (size_t i = 0; i < COUNT(cases); i++) {
        const struct bench_case *c = &cases[i];
        struct input_state *in = &ins[c->input];
        if (c->tool == TOOL_NODE_PEER && (o->peer == NULL || !o->peer->ready)) {
            res[i].skipped = true;
            continue;
        }
        if (!in->ready && generate(o, dir, c->input, in) != 0)
            return false;
        time_case(o, dir, c, in, &res[i]);
        ok = ok && res[i].ok;
        if (res[i].ok && c->tool == TOOL_BARE_CSV)
            ok = check_bare_output(dir, c, in) && ok;
        if (res[i].ok && c->tool == TOOL_NODE_PEER)
            ok = check_peer_output(dir, c, in) && ok;
    }
    for (size_t i = 0; i < INPUT_COUNT; i++)
        if (ins[i].ready)
            ok = check_json_report(o, dir, (enum input_id)i, &ins[i]) && ok;
    return ok;
}

int main(int argc, char **argv)
{
    struct options o = {.size_mb = 200,
                        .runs = 3,
                        .yakist = YK_BENCH_YAKIST,
                        .gen = YK_BENCH_GEN,
                        .bare = YK_BENCH_BARE,
                        .schema = YK_BENCH_SCHEMA,
                        .structure = YK_BENCH_STRUCTURE,
                        .schema_only = YK_BENCH_SCHEMA_ONLY};
    static struct bench_peer peer;
    struct input_state ins[INPUT_COUNT] = {0};
    struct result res[COUNT(cases)] = {0};
    char tmpl[4096], why[4400];
    const char *tmp = getenv("TMPDIR");

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (parse_args(argc, argv, &o) != 0)
        return usage();
    const char *dir = o.dir;
    if (dir && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "yakist-bench: mkdir %s: %s\n", dir, strerror(errno));
        return 1;
    }
    tmp = tmp && *tmp ? tmp : "/tmp";
    if (dir == NULL) {
        snprintf(tmpl, sizeof tmpl, "%s/yakist-bench-XXXXXX", tmp);
        dir = mkdtemp(tmpl);
        if (dir == NULL) {
            fprintf(stderr, "yakist-bench: mkdtemp %s: %s\n", tmpl, strerror(errno));
            return 1;
        }
    }
    if (o.no_peer)
        printf("tableschema-js: skipped: --no-peer\n");
    else if (bench_peer_init(&peer, tmp, why, sizeof why) == 0)
        printf("tableschema-js: tableschema %s installed in %s\n", peer.version, peer.dir);
    else
        printf("tableschema-js: skipped: %s\n", why);
    o.peer = &peer;
    bool ok = run_all(&o, dir, ins, res);
    report(&o, ins, res);
    bench_peer_fini(&peer, o.keep);
    if (o.dir == NULL && !o.keep)
        cleanup(dir, ins);
    else
        printf("files kept in %s\n", dir);
    printf("bench: %s\n", ok ? "ok" : "FAILED (a run crashed or its output was malformed)");
    return ok ? 0 : 1;
}
