/* yakist — SARIF 2.1.0 for CI systems and code-scanning dashboards (`--format sarif`): one run
 * whose driver lists the rules that reported, with their titles, rationale and source as help,
 * and one result per kept finding with its file, line and column and a stable fingerprint.
 * Results are written to memory while files arrive, because the rules they refer to by index
 * come first in the document. The structure is documented in docs/report-format.md. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "json_writer.h"

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define FINGERPRINT_KEY "yakistFingerprint/v1"

/* The address the documentation is published at, for helpUri (SARIF wants an absolute URI
 * there, and code-scanning uploads reject anything else). Give it at build time, e.g.
 * -DYK_DOCS_URL="https://example.org/yakist/" ; without it helpUri is left out and the help
 * text names the page in the source tree. */
#ifndef YK_DOCS_URL
#define YK_DOCS_URL ""
#endif

/* Results and notifications are written into memory at the depth they take in the document:
 * {runs: [{results: [ ...  and  {runs: [{invocations: [{toolExecutionNotifications: [ ... */
#define RESULTS_DEPTH 4
#define NOTES_DEPTH 6

struct membuf {
    char *data;
    size_t len;
    FILE *f;
    struct yk_jw w;
};

struct sarif_state {
    struct membuf results, notes;
    const struct yk_rule **rules; /* in order of first appearance: ruleIndex */
    size_t nrules, cap;
    struct yk_rep_occurrences occ;
    bool unreadable;
    bool failed; /* out of memory on the way */
};

static int membuf_open(struct membuf *m, int depth)
{
    m->f = open_memstream(&m->data, &m->len);
    if (!m->f)
        return YK_ENOMEM;
    m->w.out = m->f;
    m->w.depth = depth;
    m->w.empty[depth] = true;
    return 0;
}

static void membuf_close(struct membuf *m)
{
    if (m->f)
        fclose(m->f);
    free(m->data);
    memset(m, 0, sizeof *m);
}

/* Write what was gathered as the elements of the array just opened in w. */
static int splice(struct yk_jw *w, struct membuf *m)
{
    if (fflush(m->f) != 0)
        return YK_ENOMEM;
    if (m->len) {
        fwrite(m->data, 1, m->len, w->out);
        w->empty[w->depth] = false;
    }
    return 0;
}

static void state_free(struct sarif_state *st)
{
    if (!st)
        return;
    membuf_close(&st->results);
    membuf_close(&st->notes);
    free(st->rules);
    yk_rep_occurrences_fini(&st->occ);
    free(st);
}

static int sarif_begin(struct yk_report *rep)
{
    struct sarif_state *st = calloc(1, sizeof *st);
    if (!st || membuf_open(&st->results, RESULTS_DEPTH) < 0 ||
        membuf_open(&st->notes, NOTES_DEPTH) < 0) {
        state_free(st);
        return YK_ENOMEM;
    }
    rep->state = st;
    return 0;
}

/* The rule's index in the driver, adding it on first sight; -1 when out of memory. */
static long rule_index(struct sarif_state *st, const struct yk_rule *rule)
{
    for (size_t i = 0; i < st->nrules; i++)
        if (st->rules[i] == rule)
            return (long)i;
    if (st->nrules == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 16;
        const struct yk_rule **v = realloc(st->rules, cap * sizeof *v);
        if (!v)
            return -1;
        st->rules = v;
        st->cap = cap;
    }
    st->rules[st->nrules] = rule;
    return (long)st->nrules++;
}

static const char *level_of(enum yk_severity sev)
{
    switch (sev) {
    case YK_SEV_ERROR:
        return "error";
    case YK_SEV_WARNING:
        return "warning";
    case YK_SEV_INFO:
        return "note";
    case YK_SEV_OFF:
        break;
    }
    return "none";
}

/* The URI of a path as text for the JSON writer (percent-encoded), in a heap string. */
static char *uri_of(const char *path)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f)
        return NULL;
    yk_esc_uri(f, path);
    if (fclose(f) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* {"physicalLocation": {"artifactLocation": {"uri"}, "region": {startLine, startColumn}}} */
static int put_location(struct yk_jw *w, const char *path, uint64_t line, uint64_t column,
                        const char *dataset)
{
    char *uri = uri_of(path);
    if (!uri)
        return YK_ENOMEM;
    yk_jw_open(w, NULL, '{');
    yk_jw_open(w, "physicalLocation", '{');
    yk_jw_open(w, "artifactLocation", '{');
    yk_jw_string(w, "uri", uri);
    yk_jw_close(w, '}');
    if (line > 0) {
        yk_jw_open(w, "region", '{');
        yk_jw_u64(w, "startLine", line);
        if (column > 0)
            yk_jw_u64(w, "startColumn", column);
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, '}');
    if (dataset) {
        yk_jw_open(w, "logicalLocations", '[');
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "name", dataset);
        yk_jw_string(w, "kind", "object");
        yk_jw_close(w, '}');
        yk_jw_close(w, ']');
    }
    yk_jw_close(w, '}');
    free(uri);
    return 0;
}

/* Where a result points, and what identifies its subject. */
struct place {
    const char *path;
    uint64_t line, column;
    const char *subject;   /* for the fingerprint */
    const char *dataset;   /* audit: the dataset's id, NULL for a file of `yakist check` */
    const char *publisher; /* audit: the holder, or NULL */
};

static int put_result(struct sarif_state *st, const struct yk_report *rep,
                      const struct yk_finding *f, const struct place *pl)
{
    struct yk_jw *w = &st->results.w;
    const char *id = f->rule ? f->rule->id : "yakist.unknown";
    long index = f->rule ? rule_index(st, f->rule) : -1;
    const char *en = yk_finding_message(f, YK_LANG_EN);
    unsigned occ = yk_rep_occurrence(&st->occ, id, pl->subject, f->loc.field, en);
    char fp[33];
    if ((f->rule && index < 0) || occ == 0)
        return YK_ENOMEM;
    yk_rep_fingerprint(id, pl->subject, f->loc.field, en, occ, fp);
    yk_jw_open(w, NULL, '{');
    yk_jw_string(w, "ruleId", id);
    if (index >= 0)
        yk_jw_u64(w, "ruleIndex", (uint64_t)index);
    yk_jw_string(w, "level", level_of(f->severity));
    yk_jw_open(w, "message", '{');
    yk_jw_string(w, "text", yk_finding_message(f, rep->opt->lang));
    yk_jw_close(w, '}');
    yk_jw_open(w, "locations", '[');
    if (put_location(w, pl->path, pl->line, pl->column, pl->dataset) < 0)
        return YK_ENOMEM;
    yk_jw_close(w, ']');
    yk_jw_open(w, "partialFingerprints", '{');
    yk_jw_string(w, FINGERPRINT_KEY, fp);
    yk_jw_close(w, '}');
    yk_jw_open(w, "properties", '{');
    yk_jw_pos(w, "rowNumber", f->loc.row);
    yk_jw_pos(w, "fieldNumber", f->loc.field);
    if (pl->dataset) {
        yk_jw_string(w, "dataset", pl->dataset);
        yk_jw_string(w, "publisher", pl->publisher);
    }
    yk_jw_close(w, '}');
    yk_jw_close(w, '}');
    return 0;
}

/* A notification: an unreadable file (error) or examples left out by --max-findings (note). */
static int put_note(struct sarif_state *st, const char *level, const char *text, const char *path,
                    const char *rule_id)
{
    struct yk_jw *w = &st->notes.w;
    yk_jw_open(w, NULL, '{');
    yk_jw_string(w, "level", level);
    yk_jw_open(w, "message", '{');
    yk_jw_string(w, "text", text);
    yk_jw_close(w, '}');
    yk_jw_open(w, "locations", '[');
    if (put_location(w, path, 0, 0, NULL) < 0)
        return YK_ENOMEM;
    yk_jw_close(w, ']');
    if (rule_id) {
        yk_jw_open(w, "associatedRule", '{');
        yk_jw_string(w, "id", rule_id);
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, '}');
    return 0;
}

static int put_capped(struct sarif_state *st, const struct yk_report *rep, const char *path,
                      const struct yk_rule_count *counts, size_t n)
{
    bool en = rep->opt->lang == YK_LANG_EN;
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule_count *c = &counts[i];
        char text[160];
        if (c->count <= c->kept || !c->rule)
            continue;
        snprintf(text, sizeof text,
                 en ? "%" PRIu64 " more findings of %s were not kept (--max-findings)"
                    : "ще %" PRIu64 " знахідок правила %s не збережено (--max-findings)",
                 c->count - c->kept, c->rule->id);
        if (put_note(st, "note", text, path, c->rule->id) < 0)
            return YK_ENOMEM;
    }
    return 0;
}

/* A file that could not be read: the run failed for `yakist check` (exit 3); an audit reports
 * it and goes on, so there it is a warning and the run still succeeded. */
static int put_unreadable(struct sarif_state *st, const struct yk_file_result *r, bool fatal)
{
    const char *msg = r->error.message[0] ? r->error.message : yk_err_name(r->error.code);
    st->unreadable |= fatal;
    return put_note(st, fatal ? "error" : "warning", msg, r->path ? r->path : "", NULL);
}

static int sarif_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct sarif_state *st = rep->state;
    const char *path = r->path ? r->path : "";
    if (!r->readable)
        return put_unreadable(st, r, true);
    for (size_t i = 0; i < r->nfindings; i++) {
        const struct yk_finding *f = &r->findings[i];
        struct place pl = {path, f->loc.line, f->loc.column, path, NULL, NULL};
        if (put_result(st, rep, f, &pl) < 0)
            return YK_ENOMEM;
    }
    return put_capped(st, rep, path, r->counts, r->ncounts);
}

/* --- the document -------------------------------------------------------------------------- */

/* "file.blank_label" -> "FileBlankLabel": the display name SARIF viewers show. */
static void put_name(struct yk_jw *w, const char *id)
{
    char name[128];
    size_t n = 0;
    bool up = true;
    for (const char *p = id; *p && n + 1 < sizeof name; p++) {
        if (*p == '.' || *p == '_' || *p == '-') {
            up = true;
            continue;
        }
        name[n++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        up = false;
    }
    name[n] = 0;
    yk_jw_string(w, "name", name);
}

static void put_help(struct yk_jw *w, const struct yk_rule *r, enum yk_lang lang)
{
    const char *title = yk_rep_rule_title(r, lang);
    const char *why = r->rationale ? r->rationale : "";
    const char *src = r->source ? r->source : "";
    const char *doc = yk_rep_rule_doc(r);
    char *text = NULL, *md = NULL;
    size_t n;
    FILE *f = open_memstream(&text, &n);
    if (f) {
        fprintf(f, "%s\n\n%s\n\n%s: %s\n\n%s: yakist rules %s (%s)", title, why,
                lang == YK_LANG_EN ? "Source" : "Джерело", src,
                lang == YK_LANG_EN ? "More" : "Докладніше", r->id, doc);
        fclose(f);
    }
    f = open_memstream(&md, &n);
    if (f) {
        fprintf(f, "**%s**\n\n%s\n\n**%s:** %s\n\n%s: `yakist rules %s` ([%s](%s))", title, why,
                lang == YK_LANG_EN ? "Source" : "Джерело", src,
                lang == YK_LANG_EN ? "More" : "Докладніше", r->id, doc, doc);
        fclose(f);
    }
    yk_jw_open(w, "help", '{');
    yk_jw_string(w, "text", text ? text : title);
    yk_jw_string(w, "markdown", md ? md : title);
    yk_jw_close(w, '}');
    free(text);
    free(md);
}

static void put_rule(struct yk_jw *w, const struct yk_rule *r, enum yk_lang lang)
{
    static const char docs_url[] = YK_DOCS_URL;
    yk_jw_open(w, NULL, '{');
    yk_jw_string(w, "id", r->id);
    put_name(w, r->id);
    yk_jw_open(w, "shortDescription", '{');
    yk_jw_string(w, "text", yk_rep_rule_title(r, lang));
    yk_jw_close(w, '}');
    yk_jw_open(w, "fullDescription", '{');
    yk_jw_string(w, "text", r->rationale ? r->rationale : yk_rep_rule_title(r, lang));
    yk_jw_close(w, '}');
    put_help(w, r, lang);
    if (docs_url[0]) {
        char uri[512];
        snprintf(uri, sizeof uri, "%s%s", docs_url, yk_rep_rule_doc(r) + strlen("docs/"));
        yk_jw_string(w, "helpUri", uri);
    }
    yk_jw_open(w, "defaultConfiguration", '{');
    yk_jw_string(w, "level", level_of(r->severity));
    yk_jw_close(w, '}');
    yk_jw_open(w, "properties", '{');
    yk_jw_open(w, "tags", '[');
    yk_jw_string(w, NULL, yk_scope_name(r->scope));
    yk_jw_string(w, NULL, yk_dimension_name(r->dimension));
    yk_jw_close(w, ']');
    yk_jw_u64(w, "weight", r->weight);
    yk_jw_bool(w, "compliance", r->compliance);
    yk_jw_string(w, "frictionless", r->frictionless);
    yk_jw_string(w, "source", r->source);
    yk_jw_string(w, "docs", yk_rep_rule_doc(r));
    yk_jw_close(w, '}');
    yk_jw_close(w, '}');
}

static int sarif_end(struct yk_report *rep)
{
    struct sarif_state *st = rep->state;
    struct yk_jw w = {.out = rep->out};
    int rc = 0;
    if (!st)
        return 0;
    yk_jw_open(&w, NULL, '{');
    yk_jw_string(&w, "$schema", SARIF_SCHEMA);
    yk_jw_string(&w, "version", "2.1.0");
    yk_jw_open(&w, "runs", '[');
    yk_jw_open(&w, NULL, '{');
    yk_jw_open(&w, "tool", '{');
    yk_jw_open(&w, "driver", '{');
    yk_jw_string(&w, "name", "yakist");
    yk_jw_string(&w, "version", rep->opt->tool_version);
    yk_jw_string(&w, "semanticVersion", rep->opt->tool_version);
    yk_jw_open(&w, "rules", '[');
    for (size_t i = 0; i < st->nrules; i++)
        put_rule(&w, st->rules[i], rep->opt->lang);
    yk_jw_close(&w, ']');
    yk_jw_close(&w, '}');
    yk_jw_close(&w, '}');
    yk_jw_open(&w, "invocations", '[');
    yk_jw_open(&w, NULL, '{');
    yk_jw_bool(&w, "executionSuccessful", !st->unreadable);
    yk_jw_open(&w, "toolExecutionNotifications", '[');
    rc = splice(&w, &st->notes);
    yk_jw_close(&w, ']');
    yk_jw_close(&w, '}');
    yk_jw_close(&w, ']');
    yk_jw_string(&w, "columnKind", "unicodeCodePoints");
    yk_jw_open(&w, "results", '[');
    if (rc == 0)
        rc = splice(&w, &st->results);
    yk_jw_close(&w, ']');
    yk_jw_open(&w, "properties", '{');
    yk_jw_string(&w, "lang", rep->opt->lang == YK_LANG_EN ? "en" : "uk");
    yk_jw_string(&w, "failOn", yk_severity_name(rep->opt->fail_on));
    yk_jw_close(&w, '}');
    yk_jw_close(&w, '}');
    yk_jw_close(&w, ']');
    yk_jw_close(&w, '}');
    fputc('\n', rep->out);
    state_free(st);
    rep->state = NULL;
    if (rc == 0 && ferror(rep->out))
        rc = YK_EIO;
    return rc;
}

/* --- an audit ------------------------------------------------------------------------------ */

struct audit_walk {
    struct sarif_state *st;
    const struct yk_report *rep;
    const struct yk_audit_result *a;
};

static int audit_site(void *ctx, const struct yk_rep_site *site, const struct yk_finding *fs,
                      size_t nfs, const struct yk_rule_count *counts, size_t ncounts)
{
    struct audit_walk *aw = ctx;
    char subject[1024];
    struct place pl = {0};
    yk_rep_subject(site, subject, sizeof subject);
    pl.subject = subject;
    if (site->dataset) {
        pl.dataset = yk_rep_dataset_ref(site->dataset->dataset);
        pl.publisher = yk_rep_publisher_ref(site->dataset->publisher);
    }
    for (size_t i = 0; i < nfs; i++) {
        yk_rep_where(aw->a, site, &fs[i], &pl.path, &pl.line, &pl.column);
        if (put_result(aw->st, aw->rep, &fs[i], &pl) < 0)
            return YK_ENOMEM;
    }
    yk_rep_where(aw->a, site, NULL, &pl.path, &pl.line, &pl.column);
    return put_capped(aw->st, aw->rep, pl.path, counts, ncounts);
}

static int sarif_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    int rc = sarif_begin(rep);
    if (rc < 0)
        return rc;
    struct audit_walk aw = {rep->state, rep, a};
    rc = yk_rep_walk_audit(a, audit_site, &aw);
    for (size_t i = 0; rc == 0 && i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        for (size_t j = 0; rc == 0 && j < dr->dataset->nresources; j++)
            if (dr->resources[j] && !dr->resources[j]->readable)
                rc = put_unreadable(aw.st, dr->resources[j], false);
    }
    int end = sarif_end(rep);
    return rc < 0 ? rc : end;
}

const struct yk_report_writer yk_report_sarif = {
    .name = "sarif",
    .description = "SARIF 2.1.0 for code scanning",
    .begin = sarif_begin,
    .file = sarif_file,
    .audit = sarif_audit,
    .end = sarif_end,
};
