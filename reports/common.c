/* yakist — helpers the CI, CSV, Markdown and HTML writers share: words and numbers in both
 * languages, where a finding of an audit points, the walk over an audit's findings, totals
 * per rule and which rules ran on a file. */
#include <stdlib.h>
#include <string.h>

#include <yakist/profile.h>

#include "common.h"

/* --- words and numbers ------------------------------------------------------------------- */

const char *yk_rep_severity_word(enum yk_severity sev, enum yk_lang lang)
{
    static const char *const uk[] = {"вимкнено", "зауваження", "попередження", "помилка"};
    static const char *const en[] = {"off", "info", "warning", "error"};
    unsigned i = sev <= YK_SEV_ERROR ? (unsigned)sev : YK_SEV_ERROR;
    return lang == YK_LANG_EN ? en[i] : uk[i];
}

const char *yk_rep_plural(enum yk_lang lang, uint64_t n, const char *const forms[3])
{
    uint64_t d = n % 10, dd = n % 100;
    if (lang == YK_LANG_EN)
        return n == 1 ? forms[0] : forms[2];
    if (d == 1 && dd != 11)
        return forms[0];
    if (d >= 2 && d <= 4 && (dd < 12 || dd > 14))
        return forms[1];
    return forms[2];
}

const char *yk_rep_pm(char buf[24], unsigned pm, enum yk_lang lang)
{
    snprintf(buf, 24, "%u%c%u", pm / 10, lang == YK_LANG_EN ? '.' : ',', pm % 10);
    return buf;
}

const char *yk_rep_rule_title(const struct yk_rule *rule, enum yk_lang lang)
{
    const char *first = lang == YK_LANG_EN ? rule->title_en : rule->title_uk;
    const char *second = lang == YK_LANG_EN ? rule->title_uk : rule->title_en;
    if (first && first[0])
        return first;
    return second ? second : rule->id;
}

const char *yk_rep_rule_doc(const struct yk_rule *rule)
{
    static const struct {
        const char *family, *doc;
    } docs[] = {
        {"file", "docs/rules.md"},
        {"format", "docs/rules.md"},
        {"csv", "docs/rules.md"},
        {"json", "docs/formats.md"},
        {"xml", "docs/xml.md"},
        {"schema", "docs/schemas.md"},
        {"content", "docs/content-rules.md"},
        {"coverage", "docs/audit-rules.md"},
        {"meta", "docs/audit-rules.md"},
        {"time", "docs/audit-rules.md"},
        {"open", "docs/audit-rules.md"},
    };
    const char *dot = strchr(rule->id, '.');
    size_t len = dot ? (size_t)(dot - rule->id) : strlen(rule->id);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        if (strlen(docs[i].family) == len && strncmp(docs[i].family, rule->id, len) == 0)
            return docs[i].doc;
    return "docs/rules.md";
}

const char *yk_rep_publisher_ref(const struct yk_publisher *p)
{
    return !p ? NULL : p->id ? p->id : p->name;
}

const char *yk_rep_dataset_ref(const struct yk_dataset *d)
{
    return d->id ? d->id : d->name ? d->name : "";
}

/* --- an audit's findings ----------------------------------------------------------------- */

int yk_rep_walk_audit(const struct yk_audit_result *a, yk_rep_site_fn fn, void *ctx)
{
    struct yk_rep_site site = {0};
    int rc = 0;
    /* The catalog's own: the audit's counts cover every dataset too, so only the catalog
     * rules' counts belong here. */
    size_t n = 0;
    for (size_t i = 0; i < a->ncounts; i++)
        n += a->counts[i].rule && a->counts[i].rule->scope == YK_SCOPE_CATALOG;
    if (n) {
        struct yk_rule_count *own = malloc(n * sizeof *own);
        if (!own)
            return YK_ENOMEM;
        n = 0;
        for (size_t i = 0; i < a->ncounts; i++)
            if (a->counts[i].rule && a->counts[i].rule->scope == YK_SCOPE_CATALOG)
                own[n++] = a->counts[i];
        rc = fn(ctx, &site, a->findings, a->nfindings, own, n);
        free(own);
        if (rc != 0)
            return rc;
    }
    for (size_t i = 0; i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        site = (struct yk_rep_site){.dataset = dr};
        if (dr->ncounts &&
            (rc = fn(ctx, &site, dr->findings, dr->nfindings, dr->counts, dr->ncounts)) != 0)
            return rc;
        for (size_t j = 0; j < dr->dataset->nresources; j++) {
            const struct yk_file_result *f = dr->resources[j];
            if (!f || !f->readable || !f->ncounts)
                continue;
            site = (struct yk_rep_site){.dataset = dr, .file = f, .resource = j};
            if ((rc = fn(ctx, &site, f->findings, f->nfindings, f->counts, f->ncounts)) != 0)
                return rc;
        }
    }
    return 0;
}

void yk_rep_where(const struct yk_audit_result *a, const struct yk_rep_site *site,
                  const struct yk_finding *f, const char **path, uint64_t *line, uint64_t *column)
{
    *line = f ? f->loc.line : 0;
    *column = f ? f->loc.column : 0;
    if (site->file) {
        *path = site->file->path;
    } else if (site->dataset) {
        *path = site->dataset->dataset->source;
        if (!*line) {
            *line = site->dataset->dataset->source_line;
            *column = 0;
        }
    } else {
        *path = a->council && a->council->path ? a->council->path : a->catalog->root;
    }
    if (!*path)
        *path = a->catalog->root ? a->catalog->root : ".";
}

const char *yk_rep_subject(const struct yk_rep_site *site, char *buf, size_t size)
{
    if (site->file)
        snprintf(buf, size, "%s", site->file->path ? site->file->path : "");
    else if (site->dataset)
        snprintf(buf, size, "dataset:%s", yk_rep_dataset_ref(site->dataset->dataset));
    else
        snprintf(buf, size, "catalog");
    return buf;
}

/* --- totals per rule ------------------------------------------------------------------------ */

int yk_rep_totals_add(struct yk_rep_totals *t, const struct yk_rule_count *counts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule_count *c = &counts[i];
        size_t k = 0;
        if (!c->rule || !c->count)
            continue;
        while (k < t->n && t->v[k].rule != c->rule)
            k++;
        if (k == t->n) {
            if (t->n == t->cap) {
                size_t cap = t->cap ? t->cap * 2 : 32;
                struct yk_rep_total *v = realloc(t->v, cap * sizeof *v);
                if (!v)
                    return YK_ENOMEM;
                t->v = v;
                t->cap = cap;
            }
            t->v[t->n++] = (struct yk_rep_total){.rule = c->rule, .severity = c->severity};
        }
        t->v[k].count += c->count;
        t->v[k].places++;
        if (c->severity > t->v[k].severity)
            t->v[k].severity = c->severity;
    }
    return 0;
}

static int cmp_total(const void *x, const void *y)
{
    const struct yk_rep_total *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->places != b->places)
        return a->places > b->places ? -1 : 1;
    return strcmp(a->rule->id, b->rule->id);
}

void yk_rep_totals_sort(struct yk_rep_totals *t)
{
    if (t->n > 1)
        qsort(t->v, t->n, sizeof *t->v, cmp_total);
}

void yk_rep_totals_fini(struct yk_rep_totals *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* A dataset's own counts and its resources' counts, each rule once: one place per dataset. */
static int add_dataset(struct yk_rep_totals *t, const struct yk_dataset_result *dr)
{
    struct yk_rep_totals one = {0};
    int rc = yk_rep_totals_add(&one, dr->counts, dr->ncounts);
    for (size_t j = 0; rc == 0 && j < dr->dataset->nresources; j++)
        if (dr->resources[j])
            rc = yk_rep_totals_add(&one, dr->resources[j]->counts, dr->resources[j]->ncounts);
    for (size_t k = 0; rc == 0 && k < one.n; k++) {
        struct yk_rule_count c = {one.v[k].rule, one.v[k].severity, one.v[k].count, 0};
        rc = yk_rep_totals_add(t, &c, 1);
    }
    yk_rep_totals_fini(&one);
    return rc;
}

int yk_rep_audit_totals(const struct yk_audit_result *a, struct yk_rep_totals *t)
{
    for (size_t i = 0; i < a->ndatasets; i++)
        if (add_dataset(t, &a->datasets[i]) < 0)
            return YK_ENOMEM;
    /* Catalog rules fire outside any dataset: their counts come from the audit's, no place. */
    for (size_t i = 0; i < a->ncounts; i++) {
        const struct yk_rule_count *c = &a->counts[i];
        if (!c->rule || c->rule->scope != YK_SCOPE_CATALOG || !c->count)
            continue;
        if (yk_rep_totals_add(t, c, 1) < 0)
            return YK_ENOMEM;
        for (size_t k = 0; k < t->n; k++)
            if (t->v[k].rule == c->rule)
                t->v[k].places--;
    }
    return 0;
}

void yk_rep_severity_sum(const struct yk_rule_count *counts, size_t n, uint64_t totals[4])
{
    for (int i = 0; i < 4; i++)
        totals[i] = 0;
    for (size_t i = 0; i < n; i++)
        if (counts[i].severity <= YK_SEV_ERROR)
            totals[counts[i].severity] += counts[i].count;
}

/* --- rules that ran --------------------------------------------------------------------- */

static bool family_is(const struct yk_rule *rule, const char *family)
{
    size_t n = strlen(family);
    return strncmp(rule->id, family, n) == 0 && rule->id[n] == '.';
}

bool yk_rep_rule_ran(const struct yk_rule *rule, const struct yk_profile *profile,
                     const struct yk_file_result *f)
{
    static const char *const formats[] = {"csv", "json", "xml"};
    if (rule->scope != YK_SCOPE_RESOURCE && rule->scope != YK_SCOPE_ROW &&
        rule->scope != YK_SCOPE_CELL)
        return false;
    if (!f->readable || !yk_profile_enabled(profile, rule))
        return false;
    for (size_t i = 0; i < f->ncounts; i++)
        if (f->counts[i].rule == rule && f->counts[i].count)
            return true;
    for (size_t i = 0; i < f->nchecked; i++)
        if (f->checked[i].rule == rule && f->checked[i].checked)
            return true;
    if (rule->scope != YK_SCOPE_RESOURCE)
        return false;
    if (!f->info.input.loaded && !family_is(rule, "format"))
        return false;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (family_is(rule, formats[i]) &&
            !(f->info.format && strcmp(f->info.format, formats[i]) == 0))
            return false;
    if (family_is(rule, "schema") && rule->dimension != YK_DIM_METADATA && !f->schema)
        return false;
    return true;
}
