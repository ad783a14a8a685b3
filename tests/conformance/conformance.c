/* frictionless conformance: runs `yakist check --format json` over the cases of
 * ../shared/conformance/frictionless/cases.json that need only the structural checks, compares
 * the (rowNumber, fieldNumber, type) multisets with Frictionless's, and fails when a case listed
 * in expected-match.txt stops matching. Cases needing features yakist lacks are skipped. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NO_NUMBER (-1L) /* a null rowNumber or fieldNumber */
#define MAX_REPORT (64u << 20)

/* Where a Frictionless error type sits; it decides the #tag groups and the report order. */
enum level { LV_TASK, LV_HEADER, LV_ROW, LV_CELL, LV_TABLE, LV_FILE };

struct fl_type {
    const char *name;
    enum level level;
    bool supported; /* yakist reports it in this issue */
};

static const struct fl_type fl_types[] = {
    {"blank-label", LV_HEADER, true},      {"duplicate-label", LV_HEADER, true},
    {"extra-label", LV_HEADER, true},      {"missing-label", LV_HEADER, true},
    {"incorrect-label", LV_HEADER, true},  {"unmatched-header", LV_HEADER, true},
    {"blank-row", LV_ROW, true},           {"primary-key", LV_ROW, true},
    {"foreign-key", LV_ROW, false},        {"duplicate-row", LV_ROW, false},
    {"row-constraint", LV_ROW, false},     {"extra-cell", LV_CELL, true},
    {"missing-cell", LV_CELL, true},       {"type-error", LV_CELL, true},
    {"constraint-error", LV_CELL, true},   {"unique-error", LV_CELL, true},
    {"ascii-value", LV_CELL, false},       {"forbidden-value", LV_CELL, false},
    {"sequential-value", LV_CELL, false},  {"truncated-value", LV_CELL, false},
    {"source-error", LV_TASK, true},       {"scheme-error", LV_TASK, true},
    {"encoding-error", LV_TASK, true},     {"error", LV_TASK, false},
    {"metadata-error", LV_TASK, false},    {"check-error", LV_TASK, false},
    {"hash-count", LV_FILE, false},        {"byte-count", LV_FILE, false},
    {"row-count", LV_TABLE, false},        {"table-dimensions", LV_TABLE, false},
    {"deviated-value", LV_TABLE, false},   {"deviated-cell", LV_TABLE, false},
    {"required-value", LV_TABLE, false},
};

#define NTYPES COUNT(fl_types)

/* The #tag groups of pick_errors / skip_errors, as sets of levels. */
struct tag {
    const char *name;
    unsigned levels; /* bit (1 << enum level) */
};

static const struct tag tags[] = {
    {"#header", 1u << LV_HEADER},
    {"#row", (1u << LV_ROW) | (1u << LV_CELL)},
    {"#cell", 1u << LV_CELL},
    {"#table", (1u << LV_HEADER) | (1u << LV_ROW) | (1u << LV_CELL) | (1u << LV_TABLE)},
    {"#file", 1u << LV_FILE},
};

/* Option values that are yakist's defaults anyway, so they need no flag. */
struct noop_option {
    const char *key;
    const char *value;
};

static const struct noop_option noop_options[] = {
    {"scheme", "file"},
};

/* Case options passed on as a yakist option with the same value. */
struct value_option {
    const char *key;
    const char *flag;
};

static const struct value_option value_options[] = {
    {"encoding", "--encoding"},
    {"format", "--input-format"},
};

struct triple {
    long row;   /* NO_NUMBER for null */
    long field; /* NO_NUMBER for null */
    int type;   /* index in fl_types */
    size_t seq; /* position in the report, keeps sorting stable */
};

struct triples {
    struct triple *v;
    size_t n, cap;
};

/* How one case is run and filtered. */
struct plan {
    const char *id;
    char source[4096];
    bool json_source;
    char delimiter[2]; /* empty: yakist sniffs */
    const char *values[COUNT(value_options)]; /* by value_options index; NULL: not given */
    bool header;
    char schema[4096];  /* empty: none given, so yakist must not look for one either */
    bool schema_sync;   /* fieldsMatch partial, unless the schema declares a mode */
    bool ignore_case;   /* header_case false */
    bool has_pick, has_skip;
    bool pick[NTYPES], skip[NTYPES];
    long limit; /* 0: none */
};

struct outcome {
    struct triples got;
    int status;        /* from waitpid */
    char format[16];   /* the file's format as the report gives it, "" when absent */
    char problem[256]; /* why the run produced no usable report, "" when it did */
    char *errtext;     /* yakist's stderr */
};

struct expect_list {
    char **ids;
    bool *seen;
    size_t n;
};

struct totals {
    unsigned matched, supported, skipped, new_matches;
    bool failed;
};

/* Writes why a case is skipped; returns 1, the "skip" answer of the planning functions. */
static int reason(char *why, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
    return 1;
}

static int type_index(const char *name)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (strcmp(fl_types[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void triples_push(struct triples *t, long row, long field, int type)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        struct triple *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL) {
            fputs("conformance: out of memory\n", stderr);
            exit(99);
        }
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n] = (struct triple){.row = row, .field = field, .type = type, .seq = t->n};
    t->n++;
}

static long number_or_null(json_t *v)
{
    return json_is_integer(v) ? (long)json_integer_value(v) : NO_NUMBER;
}

/* ---- the case list -------------------------------------------------------------------- */

static int parse_selection(json_t *list, bool set[NTYPES], char *why, size_t n)
{
    size_t i;
    json_t *item;
    if (!json_is_array(list))
        return reason(why, n, "pick/skip_errors is not a list");
    json_array_foreach(list, i, item)
    {
        const char *s = json_string_value(item);
        int t = s ? type_index(s) : -1;
        if (t >= 0 && fl_types[t].supported) {
            set[t] = true;
            continue;
        }
        size_t k = 0;
        while (s && k < COUNT(tags) && strcmp(tags[k].name, s) != 0)
            k++;
        if (s == NULL || k == COUNT(tags))
            return reason(why, n, "selects %s", s ? s : "a non-string");
        for (size_t j = 0; j < NTYPES; j++)
            if (tags[k].levels & (1u << fl_types[j].level))
                set[j] = true;
    }
    return 0;
}

/* 1 when key is one of value_options and v a usable string (stored in p), else 0. */
static int value_option(const char *key, json_t *v, struct plan *p)
{
    const char *s = json_string_value(v);
    for (size_t i = 0; i < COUNT(value_options); i++)
        if (strcmp(key, value_options[i].key) == 0 && s && s[0] && s[0] != '-') {
            p->values[i] = s;
            return 1;
        }
    return 0;
}

static bool is_noop_option(const char *key, json_t *v)
{
    for (size_t i = 0; i < COUNT(noop_options); i++)
        if (strcmp(key, noop_options[i].key) == 0 && json_is_string(v) &&
            strcmp(json_string_value(v), noop_options[i].value) == 0)
            return true;
    return false;
}

/* Maps the case's options to yakist flags and filters; 1 with a reason when unsupported. */
static int plan_options(json_t *opts, struct plan *p, char *why, size_t n)
{
    const char *key;
    json_t *v;
    json_object_foreach(opts, key, v)
    {
        const char *s = json_string_value(v);
        if (strcmp(key, "delimiter") == 0 && s && strlen(s) == 1)
            p->delimiter[0] = s[0];
        else if (strcmp(key, "header") == 0 && json_is_boolean(v))
            p->header = json_is_true(v);
        else if (strcmp(key, "schema_sync") == 0 && json_is_boolean(v))
            p->schema_sync = json_is_true(v);
        else if (strcmp(key, "header_case") == 0 && json_is_boolean(v))
            p->ignore_case = json_is_false(v);
        else if (strcmp(key, "limit_errors") == 0 && json_is_integer(v) &&
                 json_integer_value(v) > 0)
            p->limit = (long)json_integer_value(v);
        else if (strcmp(key, "pick_errors") == 0) {
            p->has_pick = true;
            if (parse_selection(v, p->pick, why, n))
                return 1;
        } else if (strcmp(key, "skip_errors") == 0) {
            p->has_skip = true;
            if (parse_selection(v, p->skip, why, n))
                return 1;
        } else if (!value_option(key, v, p) && !is_noop_option(key, v))
            return reason(why, n, "option %s", key);
    }
    return 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Reads the expected triples; 1 with a reason when one has a type yakist does not report. */
static int parse_expected(json_t *list, struct triples *out, char *why, size_t n)
{
    size_t i;
    json_t *e;
    if (!json_is_array(list))
        return reason(why, n, "no expected list");
    json_array_foreach(list, i, e)
    {
        const char *type = json_string_value(json_array_get(e, 2));
        int t = type ? type_index(type) : -1;
        if (t < 0 || !fl_types[t].supported)
            return reason(why, n, "expects %s", type ? type : "an unknown error");
        triples_push(out, number_or_null(json_array_get(e, 0)),
                     number_or_null(json_array_get(e, 1)), t);
    }
    return 0;
}

/* Decides whether yakist can run a case; 0 = run it, 1 = skip it (reason in `why`). */
static int plan_case(json_t *c, const char *base, struct plan *p, struct triples *expected,
                     char *why, size_t n)
{
    const char *source = json_string_value(json_object_get(c, "source"));
    json_t *opts = json_object_get(c, "options");
    memset(p, 0, sizeof *p);
    p->id = json_string_value(json_object_get(c, "id"));
    p->header = true; /* Frictionless never guesses: row 1 is the header unless told */
    if (p->id == NULL || source == NULL)
        return reason(why, n, "malformed case");
    const char *schema = json_string_value(json_object_get(c, "schema"));
    if (schema && (size_t)snprintf(p->schema, sizeof p->schema, "%s/%s", base, schema) >=
                      sizeof p->schema)
        return reason(why, n, "path too long");
    p->json_source = ends_with(source, ".json");
    if (!p->json_source && !ends_with(source, ".csv"))
        return reason(why, n, "source format of %s", source);
    if ((size_t)snprintf(p->source, sizeof p->source, "%s/%s", base, source) >= sizeof p->source)
        return reason(why, n, "path too long");
    if (opts && !json_is_object(opts))
        return reason(why, n, "malformed options");
    if (opts && plan_options(opts, p, why, n))
        return 1;
    if (p->schema_sync && schema) { /* the deprecated option yields to a declared mode */
        json_t *doc = json_load_file(p->schema, 0, NULL);
        p->schema_sync = json_object_get(doc, "fieldsMatch") == NULL;
        json_decref(doc);
    }
    return parse_expected(json_object_get(c, "expected"), expected, why, n);
}

/* ---- running yakist ------------------------------------------------------------------- */

static char *read_all(int fd, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
        if (n == cap && cap < MAX_REPORT) {
            char *bigger = realloc(buf, cap * 2 + 1);
            if (bigger == NULL)
                break;
            buf = bigger;
            cap *= 2;
        } else if (n == cap) {
            break;
        }
    }
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static char *read_stream(FILE *f)
{
    size_t len;
    fflush(f);
    rewind(f);
    return read_all(fileno(f), &len);
}

/* Runs yakist with argv; its stdout comes back in *out, its stderr in *err. */
static int spawn_capture(char *const argv[], char **out, size_t *out_len, char **err, int *status)
{
    int fds[2];
    FILE *errf = tmpfile();
    if (errf == NULL || pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fileno(errf), STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    *out = pid > 0 ? read_all(fds[0], out_len) : NULL;
    close(fds[0]);
    while (pid > 0 && waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    *err = read_stream(errf);
    fclose(errf);
    return pid > 0 && *out ? 0 : -1;
}

/* Frictionless raises a task error (encoding-error, source-error ...) once, without a place,
 * and stops; yakist reports each occurrence where it is. Such a type counts once, unplaced. */
static void push_finding(struct outcome *o, long row, long field, int t)
{
    if (fl_types[t].level == LV_TASK) {
        for (size_t i = 0; i < o->got.n; i++)
            if (o->got.v[i].type == t)
                return;
        row = field = NO_NUMBER;
    }
    triples_push(&o->got, row, field, t);
}

static void collect_findings(json_t *file, struct outcome *o)
{
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(file, "findings"), i, f)
    {
        const char *type = json_string_value(json_object_get(f, "type"));
        int t = type ? type_index(type) : -1;
        if (t >= 0)
            push_finding(o, number_or_null(json_object_get(f, "rowNumber")),
                         number_or_null(json_object_get(f, "fieldNumber")), t);
    }
    const char *fmt = json_string_value(json_object_get(file, "format"));
    if (fmt == NULL)
        fmt = json_string_value(json_object_get(json_object_get(file, "stats"), "format"));
    if (fmt && o->format[0] == '\0')
        snprintf(o->format, sizeof o->format, "%s", fmt);
}

/* A file that could not be read carries an "error" object instead of findings; it counts when
 * that object names a Frictionless type (a task error such as scheme-error). */
static void collect_file_error(json_t *file, struct outcome *o)
{
    const char *type = json_string_value(json_object_get(json_object_get(file, "error"), "type"));
    int t = type ? type_index(type) : -1;
    if (t >= 0)
        push_finding(o, NO_NUMBER, NO_NUMBER, t);
}

/* Visits every per-file result: an object with a "findings" array or an "error" object. */
static void walk_report(json_t *j, struct outcome *o)
{
    const char *key;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        bool findings = json_is_array(json_object_get(j, "findings"));
        if (findings || json_is_object(json_object_get(j, "error"))) {
            if (findings)
                collect_findings(j, o);
            collect_file_error(j, o);
            return;
        }
        json_object_foreach(j, key, v) walk_report(v, o);
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v) walk_report(v, o);
    }
}

static void run_case(const char *yakist, const struct plan *p, struct outcome *o)
{
    char *argv[32];
    size_t n = 0, len = 0;
    char *out = NULL;
    argv[n++] = (char *)yakist;
    argv[n++] = "check";
    argv[n++] = (char *)p->source;
    argv[n++] = "--format";
    argv[n++] = "json";
    argv[n++] = "--no-timing";
    argv[n++] = "--header";
    argv[n++] = p->header ? "yes" : "no";
    if (p->delimiter[0]) {
        argv[n++] = "--delimiter";
        argv[n++] = (char *)p->delimiter;
    }
    for (size_t i = 0; i < COUNT(value_options); i++)
        if (p->values[i]) {
            argv[n++] = (char *)value_options[i].flag;
            argv[n++] = (char *)p->values[i];
        }
    argv[n++] = p->schema[0] ? "--schema" : "--no-discover";
    if (p->schema[0])
        argv[n++] = (char *)p->schema;
    if (p->schema_sync) {
        argv[n++] = "--fields-match";
        argv[n++] = "partial";
    }
    if (p->ignore_case)
        argv[n++] = "--ignore-header-case";
    argv[n] = NULL;
    memset(o, 0, sizeof *o);
    if (spawn_capture(argv, &out, &len, &o->errtext, &o->status) != 0) {
        snprintf(o->problem, sizeof o->problem, "cannot run %s", yakist);
    } else if (WIFSIGNALED(o->status)) {
        snprintf(o->problem, sizeof o->problem, "yakist was killed by signal %d",
                 WTERMSIG(o->status));
    } else {
        json_error_t jerr;
        json_t *report = json_loadb(out, len, 0, &jerr);
        if (report == NULL)
            snprintf(o->problem, sizeof o->problem, "no JSON report (exit %d): %s",
                     WEXITSTATUS(o->status), len ? jerr.text : "empty output");
        walk_report(report, o);
        json_decref(report);
    }
    free(out);
}

/* ---- filtering and comparing ---------------------------------------------------------- */

/* Frictionless's order: task errors, header errors, rows in ascending order, then
 * end-of-table errors; within a row the row error comes before cell errors by field. */
static int order_class(const struct triple *t)
{
    switch (fl_types[t->type].level) {
    case LV_TASK:
        return 0;
    case LV_HEADER:
        return 1;
    case LV_ROW:
    case LV_CELL:
        return 2;
    default:
        return 3;
    }
}

static int cmp_long(long a, long b)
{
    return (a > b) - (a < b);
}

static int cmp_report_order(const void *pa, const void *pb)
{
    const struct triple *a = pa, *b = pb;
    int c = order_class(a) - order_class(b);
    if (c == 0)
        c = cmp_long(a->row, b->row);
    if (c == 0)
        c = cmp_long(a->field, b->field);
    return c ? c : cmp_long((long)a->seq, (long)b->seq);
}

static int cmp_triple(const void *pa, const void *pb)
{
    const struct triple *a = pa, *b = pb;
    int c = strcmp(fl_types[a->type].name, fl_types[b->type].name);
    if (c == 0)
        c = cmp_long(a->row, b->row);
    return c ? c : cmp_long(a->field, b->field);
}

/* pick_errors / skip_errors, then limit_errors. Task errors always stay. */
static void apply_options(const struct plan *p, struct triples *t)
{
    size_t kept = 0;
    for (size_t i = 0; i < t->n; i++) {
        int ty = t->v[i].type;
        bool task = fl_types[ty].level == LV_TASK;
        if (task || ((!p->has_pick || p->pick[ty]) && !(p->has_skip && p->skip[ty])))
            t->v[kept++] = t->v[i];
    }
    t->n = kept;
    if (p->limit > 0 && t->n > (size_t)p->limit) {
        qsort(t->v, t->n, sizeof *t->v, cmp_report_order);
        t->n = (size_t)p->limit;
    }
}

static void print_triple(const char *label, const struct triple *t)
{
    printf("    %s [", label);
    if (t->row == NO_NUMBER)
        printf("null, ");
    else
        printf("%ld, ", t->row);
    if (t->field == NO_NUMBER)
        printf("null, ");
    else
        printf("%ld, ", t->field);
    printf("\"%s\"]\n", fl_types[t->type].name);
}

/* Compares the multisets; prints the difference when `show`. Returns true when equal. */
static bool compare(struct triples *want, struct triples *got, bool show)
{
    size_t i = 0, j = 0;
    bool equal = true;
    if (want->n > 1)
        qsort(want->v, want->n, sizeof *want->v, cmp_triple);
    if (got->n > 1)
        qsort(got->v, got->n, sizeof *got->v, cmp_triple);
    while (i < want->n || j < got->n) {
        int c = i == want->n ? 1 : j == got->n ? -1 : cmp_triple(&want->v[i], &got->v[j]);
        if (c == 0) {
            i++;
            j++;
            continue;
        }
        equal = false;
        if (show && c < 0)
            print_triple("missing:   ", &want->v[i]);
        else if (show)
            print_triple("unexpected:", &got->v[j]);
        if (c < 0)
            i++;
        else
            j++;
    }
    return equal;
}

/* ---- the expected-to-match list ------------------------------------------------------- */

static int load_expect_list(const char *path, struct expect_list *l)
{
    char line[1024];
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f)) {
        char *s = line, *e;
        while (*s == ' ' || *s == '\t')
            s++;
        e = s + strcspn(s, "\r\n");
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        *e = '\0';
        if (*s == '\0' || *s == '#')
            continue;
        char **ids = realloc(l->ids, (l->n + 1) * sizeof *ids);
        bool *seen = realloc(l->seen, (l->n + 1) * sizeof *seen);
        if (ids)
            l->ids = ids;
        if (seen)
            l->seen = seen;
        if (ids == NULL || seen == NULL || (l->ids[l->n] = strdup(s)) == NULL)
            break;
        l->seen[l->n++] = false;
    }
    fclose(f);
    return 0;
}

static bool expect_listed(struct expect_list *l, const char *id)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->ids[i], id) == 0) {
            l->seen[i] = true;
            return true;
        }
    return false;
}

static void expect_list_fini(struct expect_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->ids[i]);
    free(l->ids);
    free(l->seen);
}

/* ---- driver --------------------------------------------------------------------------- */

static void show_stderr(const char *text)
{
    const char *s = text;
    for (int lines = 0; s && *s && lines < 5; lines++) {
        size_t len = strcspn(s, "\n");
        printf("    stderr: %.*s\n", (int)len, s);
        s += len + (s[len] == '\n');
    }
}

/* Runs one supported case and prints its verdict. */
static void check_case(const char *yakist, const struct plan *p, struct triples *expected,
                       struct expect_list *list, struct totals *tot)
{
    struct outcome o;
    bool listed = expect_listed(list, p->id);
    run_case(yakist, p, &o);
    if (p->json_source && o.problem[0] == '\0' && strcmp(o.format, "json") != 0) {
        /* The hook for JSON tables: counted once yakist reports it read the file as JSON. */
        printf("skip      %s: JSON source (yakist does not load JSON tables yet)\n", p->id);
        tot->skipped++;
        if (listed)
            tot->failed = true;
        goto out;
    }
    tot->supported++;
    apply_options(p, &o.got);
    if (o.problem[0] == '\0' && compare(expected, &o.got, false)) {
        tot->matched++;
        tot->new_matches += !listed;
        printf("match     %s%s\n", p->id, listed ? "" : "   (new match — add to the list)");
        goto out;
    }
    printf("MISMATCH  %s%s\n", p->id, listed ? "   (REGRESSION: listed as matching)" : "");
    if (o.problem[0])
        printf("    %s\n", o.problem);
    else
        compare(expected, &o.got, true);
    show_stderr(o.errtext);
    if (listed || WIFSIGNALED(o.status))
        tot->failed = true;
out:
    free(o.got.v);
    free(o.errtext);
}

static int run_cases(json_t *cases, const char *yakist, const char *base, struct expect_list *list,
                     struct totals *tot)
{
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c)
    {
        struct plan p;
        struct triples expected = {0};
        char why[256];
        if (plan_case(c, base, &p, &expected, why, sizeof why) != 0) {
            printf("skip      %s: %s\n", p.id ? p.id : "?", why);
            tot->skipped++;
            if (p.id && expect_listed(list, p.id))
                tot->failed = true;
        } else {
            check_case(yakist, &p, &expected, list, tot);
        }
        free(expected.v);
    }
    for (size_t k = 0; k < list->n; k++)
        if (!list->seen[k]) {
            printf("LISTED CASE NOT FOUND  %s\n", list->ids[k]);
            tot->failed = true;
        }
    return 0;
}

int main(int argc, char **argv)
{
    char base[4096], cases_path[4200];
    struct expect_list list = {0};
    struct totals tot = {0};
    json_error_t jerr;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc != 4) {
        fputs("usage: conformance YAKIST SHARED_DIR EXPECTED_MATCH_LIST\n", stderr);
        return 2;
    }
    snprintf(base, sizeof base, "%s/conformance/frictionless", argv[2]);
    snprintf(cases_path, sizeof cases_path, "%s/cases.json", base);
    if (access(cases_path, R_OK) != 0) {
        printf("skipped: %s is absent (the shared folder is not beside the project)\n", cases_path);
        return 77;
    }
    json_t *cases = json_load_file(cases_path, 0, &jerr);
    if (!json_is_array(cases)) {
        printf("conformance: cannot read %s:%d: %s\n", cases_path, jerr.line, jerr.text);
        return 1;
    }
    if (load_expect_list(argv[3], &list) != 0) {
        printf("conformance: cannot read %s: %s\n", argv[3], strerror(errno));
        json_decref(cases);
        return 1;
    }
    run_cases(cases, argv[1], base, &list, &tot);
    printf("conformance: %u matched of %u supported (%u skipped)\n", tot.matched, tot.supported,
           tot.skipped);
    if (tot.new_matches)
        printf("%u new match(es): add them to %s\n", tot.new_matches, argv[3]);
    if (tot.failed)
        printf("FAILED: a listed case no longer matches, is no longer run, or yakist crashed\n");
    expect_list_fini(&list);
    json_decref(cases);
    return tot.failed ? 1 : 0;
}
