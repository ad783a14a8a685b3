/* yakist — JUnit XML for CI test dashboards (`--format junit`): one testsuite per file (check)
 * or per dataset (audit), one testcase per rule that ran there, a failure for a rule with
 * findings at or above --fail-on, an error for a file that could not be read. Suites are
 * written to memory while files arrive, because the root element carries the totals. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/profile.h>

#include "common.h"

#define MAX_LINES 50 /* finding lines shown in one failure or system-out */

struct junit_state {
    char *data;
    size_t len;
    FILE *mem;
    uint64_t tests, failures, errors, skipped;
    double seconds;
};

/* One suite while it is built: its testcases go to memory too, since the suite's element
 * carries its counts. */
struct suite {
    char *data;
    size_t len;
    FILE *mem;
    uint64_t tests, failures, errors, skipped;
};

static void put_attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    yk_esc_xml(out, value ? value : "", true);
    fputc('"', out);
}

static int junit_begin(struct yk_report *rep)
{
    struct junit_state *st = calloc(1, sizeof *st);
    if (!st)
        return YK_ENOMEM;
    st->mem = open_memstream(&st->data, &st->len);
    if (!st->mem) {
        free(st);
        return YK_ENOMEM;
    }
    rep->state = st;
    return 0;
}

static int suite_open(struct suite *s)
{
    memset(s, 0, sizeof *s);
    s->mem = open_memstream(&s->data, &s->len);
    return s->mem ? 0 : YK_ENOMEM;
}

static void suite_drop(struct suite *s)
{
    if (s->mem)
        fclose(s->mem);
    free(s->data);
    memset(s, 0, sizeof *s);
}

/* Write the suite element with its counts and testcases into the document's memory. */
static int suite_close(struct junit_state *st, struct suite *s, const char *name, double seconds,
                       const char *const *props, size_t nprops)
{
    if (fflush(s->mem) != 0) {
        suite_drop(s);
        return YK_ENOMEM;
    }
    fputs("  <testsuite", st->mem);
    put_attr(st->mem, "name", name);
    fprintf(st->mem,
            " tests=\"%" PRIu64 "\" failures=\"%" PRIu64 "\" errors=\"%" PRIu64
            "\" skipped=\"%" PRIu64 "\" time=\"%.3f\">\n",
            s->tests, s->failures, s->errors, s->skipped, seconds >= 0 ? seconds : 0.0);
    if (nprops) {
        fputs("    <properties>\n", st->mem);
        for (size_t i = 0; i + 1 < nprops; i += 2) {
            if (!props[i + 1])
                continue;
            fputs("      <property", st->mem);
            put_attr(st->mem, "name", props[i]);
            put_attr(st->mem, "value", props[i + 1]);
            fputs("/>\n", st->mem);
        }
        fputs("    </properties>\n", st->mem);
    }
    fwrite(s->data, 1, s->len, st->mem);
    fputs("  </testsuite>\n", st->mem);
    st->tests += s->tests;
    st->failures += s->failures;
    st->errors += s->errors;
    st->skipped += s->skipped;
    st->seconds += seconds >= 0 ? seconds : 0.0;
    suite_drop(s);
    return 0;
}

/* --- testcases ----------------------------------------------------------------------------- */

static const struct yk_rule_count *count_of(const struct yk_rule_count *counts, size_t n,
                                            const struct yk_rule *rule)
{
    for (size_t i = 0; i < n; i++)
        if (counts[i].rule == rule)
            return &counts[i];
    return NULL;
}

/* "path:line:column: severity: message" for each kept finding of the rule, then how many were
 * left out. */
static void put_lines(FILE *out, const struct yk_report *rep, const char *path,
                      const struct yk_finding *fs, size_t nfs, const struct yk_rule_count *c)
{
    size_t shown = 0;
    for (size_t i = 0; i < nfs && shown < MAX_LINES; i++) {
        const struct yk_finding *f = &fs[i];
        char pos[48] = "";
        if (f->rule != c->rule)
            continue;
        if (f->loc.line && f->loc.column)
            snprintf(pos, sizeof pos, ":%" PRIu64 ":%" PRIu64, f->loc.line, f->loc.column);
        else if (f->loc.line)
            snprintf(pos, sizeof pos, ":%" PRIu64, f->loc.line);
        yk_esc_xml(out, path, false);
        fprintf(out, "%s: %s: ", pos, yk_rep_severity_word(f->severity, rep->opt->lang));
        yk_esc_xml(out, yk_finding_message(f, rep->opt->lang), false);
        fputc('\n', out);
        shown++;
    }
    if (c->count > shown)
        fprintf(out,
                rep->opt->lang == YK_LANG_EN ? "… and %" PRIu64 " more\n" : "… і ще %" PRIu64 "\n",
                c->count - shown);
}

/* One testcase: passed, failed (findings at or above the gate), or passed with the findings
 * below the gate in system-out. */
static void put_case(struct suite *s, const struct yk_report *rep, const struct yk_rule *rule,
                     const char *classname, const char *path, const struct yk_finding *fs,
                     size_t nfs, const struct yk_rule_count *c)
{
    FILE *out = s->mem;
    enum yk_lang lang = rep->opt->lang;
    s->tests++;
    fputs("    <testcase", out);
    put_attr(out, "name", rule->id);
    put_attr(out, "classname", classname);
    if (!c || !c->count) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    bool failed = c->severity >= rep->opt->fail_on && c->severity != YK_SEV_OFF;
    if (failed) {
        char msg[512];
        snprintf(msg, sizeof msg, "%" PRIu64 " × %s (%s)", c->count, yk_rep_rule_title(rule, lang),
                 yk_rep_severity_word(c->severity, lang));
        s->failures++;
        fputs("      <failure", out);
        put_attr(out, "message", msg);
        put_attr(out, "type", yk_severity_name(c->severity));
        fputs(">", out);
        put_lines(out, rep, path, fs, nfs, c);
        fputs("</failure>\n", out);
    } else {
        fputs("      <system-out>", out);
        put_lines(out, rep, path, fs, nfs, c);
        fputs("</system-out>\n", out);
    }
    fputs("    </testcase>\n", out);
}

static void put_error_case(struct suite *s, const char *classname, const struct yk_error *err)
{
    s->tests++;
    s->errors++;
    fputs("    <testcase name=\"read\"", s->mem);
    put_attr(s->mem, "classname", classname);
    fputs(">\n      <error", s->mem);
    put_attr(s->mem, "message", err->message[0] ? err->message : yk_err_name(err->code));
    put_attr(s->mem, "type", yk_err_name(err->code));
    fputs("/>\n    </testcase>\n", s->mem);
}

/* The testcases of one readable file: every rule that ran, in registry order (without a
 * registry: the rules that reported or were handed rows, in the result's order). */
static void put_file_cases(struct suite *s, const struct yk_report *rep,
                           const struct yk_file_result *r, const char *classname)
{
    const char *path = r->path ? r->path : "";
    if (rep->registry) {
        for (size_t i = 0; i < yk_registry_count(rep->registry); i++) {
            const struct yk_rule *rule = yk_registry_rule(rep->registry, i);
            if (yk_rep_rule_ran(rule, rep->profile, r))
                put_case(s, rep, rule, classname, path, r->findings, r->nfindings,
                         count_of(r->counts, r->ncounts, rule));
        }
        return;
    }
    for (size_t i = 0; i < r->ncounts; i++)
        put_case(s, rep, r->counts[i].rule, classname, path, r->findings, r->nfindings,
                 &r->counts[i]);
    for (size_t i = 0; i < r->nchecked; i++)
        if (!count_of(r->counts, r->ncounts, r->checked[i].rule))
            put_case(s, rep, r->checked[i].rule, classname, path, NULL, 0, NULL);
}

static int junit_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct junit_state *st = rep->state;
    struct suite s;
    const char *path = r->path ? r->path : "";
    if (suite_open(&s) < 0)
        return YK_ENOMEM;
    if (!r->readable) {
        put_error_case(&s, path, &r->error);
        return suite_close(st, &s, path, 0, NULL, 0);
    }
    put_file_cases(&s, rep, r, path);
    const char *props[] = {"format",         r->info.format, "encoding",
                           r->info.encoding, "schema",       r->schema};
    return suite_close(st, &s, path, r->seconds, props, sizeof props / sizeof props[0]);
}

static int junit_end(struct yk_report *rep)
{
    struct junit_state *st = rep->state;
    if (!st)
        return 0;
    int rc = fflush(st->mem) != 0 ? YK_ENOMEM : 0;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"yakist\"", rep->out);
    fprintf(rep->out,
            " tests=\"%" PRIu64 "\" failures=\"%" PRIu64 "\" errors=\"%" PRIu64
            "\" skipped=\"%" PRIu64 "\" time=\"%.3f\">\n",
            st->tests, st->failures, st->errors, st->skipped, st->seconds);
    if (rc == 0)
        fwrite(st->data, 1, st->len, rep->out);
    fputs("</testsuites>\n", rep->out);
    fclose(st->mem);
    free(st->data);
    free(st);
    rep->state = NULL;
    return rc < 0 ? rc : ferror(rep->out) ? YK_EIO : 0;
}

/* --- an audit ------------------------------------------------------------------------------ */

/* A dataset: its own rules, then each resource (checked, unreadable, or not checked). */
static void put_dataset_cases(struct suite *s, const struct yk_report *rep,
                              const struct yk_dataset_result *dr)
{
    const char *id = yk_rep_dataset_ref(dr->dataset);
    for (size_t i = 0; rep->registry && i < yk_registry_count(rep->registry); i++) {
        const struct yk_rule *rule = yk_registry_rule(rep->registry, i);
        if (rule->scope == YK_SCOPE_DATASET && yk_profile_enabled(rep->profile, rule))
            put_case(s, rep, rule, id, dr->dataset->source, dr->findings, dr->nfindings,
                     count_of(dr->counts, dr->ncounts, rule));
    }
    for (size_t j = 0; j < dr->dataset->nresources; j++) {
        const struct yk_resource *res = &dr->dataset->resources[j];
        const struct yk_file_result *f = dr->resources[j];
        const char *where = f && f->path ? f->path : res->path ? res->path : res->url;
        if (f && !f->readable) {
            put_error_case(s, where, &f->error);
        } else if (f) {
            put_file_cases(s, rep, f, where);
        } else {
            s->tests++;
            s->skipped++;
            fputs("    <testcase name=\"check\"", s->mem);
            put_attr(s->mem, "classname", where ? where : "");
            fputs("><skipped", s->mem);
            put_attr(s->mem, "message",
                     rep->opt->lang == YK_LANG_EN ? "not checked" : "не перевірено");
            fputs("/></testcase>\n", s->mem);
        }
    }
}

static int put_catalog_suite(struct junit_state *st, const struct yk_report *rep,
                             const struct yk_audit_result *a)
{
    struct suite s;
    if (suite_open(&s) < 0)
        return YK_ENOMEM;
    const char *where = a->council && a->council->path ? a->council->path : a->catalog->root;
    for (size_t i = 0; rep->registry && i < yk_registry_count(rep->registry); i++) {
        const struct yk_rule *rule = yk_registry_rule(rep->registry, i);
        if (rule->scope == YK_SCOPE_CATALOG && yk_profile_enabled(rep->profile, rule))
            put_case(&s, rep, rule, "catalog", where, a->findings, a->nfindings,
                     count_of(a->counts, a->ncounts, rule));
    }
    const char *props[] = {"root", a->catalog->root, "kind", a->catalog->kind, "asOf", a->as_of};
    return suite_close(st, &s, "catalog", 0, props, sizeof props / sizeof props[0]);
}

static int junit_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    int rc = junit_begin(rep);
    struct junit_state *st = rep->state;
    if (rc == 0)
        rc = put_catalog_suite(st, rep, a);
    for (size_t i = 0; rc == 0 && i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        struct suite s;
        double seconds = 0;
        if ((rc = suite_open(&s)) < 0)
            break;
        put_dataset_cases(&s, rep, dr);
        for (size_t j = 0; j < dr->dataset->nresources; j++)
            seconds += dr->resources[j] ? dr->resources[j]->seconds : 0;
        const char *props[] = {"title",     dr->dataset->title,
                               "publisher", dr->publisher ? dr->publisher->name : NULL,
                               "compliant", dr->compliant ? "true" : "false"};
        rc = suite_close(st, &s, yk_rep_dataset_ref(dr->dataset), seconds, props,
                         sizeof props / sizeof props[0]);
    }
    int end = junit_end(rep);
    return rc < 0 ? rc : end;
}

const struct yk_report_writer yk_report_junit = {
    .name = "junit",
    .description = "JUnit XML for CI test reports",
    .begin = junit_begin,
    .file = junit_file,
    .audit = junit_audit,
    .end = junit_end,
};
