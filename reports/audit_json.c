/* yakist — the audit result as one JSON document (audit.json): the council, the KPIs against
 * the plan's targets, every Перелік item, publisher and dataset with its match, findings and
 * resources (each resource's check as in the check report). Keys in a fixed order, versioned
 * by YK_AUDIT_FORMAT_VERSION, documented in docs/report-format.md ("Audit result"). The
 * "scores" members are placeholders (null) for the scoring model. */
#include <string.h>

#include <yakist/audit.h>

#include "json_writer.h"

static const char *how_name(enum yk_match_how how)
{
    switch (how) {
    case YK_MATCH_CATALOG:
        return "catalog";
    case YK_MATCH_COUNCIL:
        return "council";
    case YK_MATCH_TITLE:
        return "title";
    case YK_MATCH_NONE:
        break;
    }
    return "none";
}

static const char *state_name(enum yk_item_state state)
{
    switch (state) {
    case YK_ITEM_COVERED:
        return "covered";
    case YK_ITEM_NOT_APPLICABLE:
        return "not-applicable";
    case YK_ITEM_MISSING:
        break;
    }
    return "missing";
}

static const char *location_name(enum yk_resource_location loc)
{
    switch (loc) {
    case YK_RES_LOCAL:
        return "local";
    case YK_RES_REMOTE:
        return "remote";
    case YK_RES_ESCAPES:
        return "escapes";
    case YK_RES_MISSING:
        return "missing";
    case YK_RES_INVALID:
        break;
    }
    return "invalid";
}

/* A publisher as the other objects refer to it: its id, or its name when the council file
 * does not list it. */
static const char *publisher_ref(const struct yk_publisher *p)
{
    return !p ? NULL : p->id ? p->id : p->name;
}

static const char *dataset_ref(const struct yk_dataset *d)
{
    return d->id ? d->id : d->name;
}

static void put_head(struct yk_jw *w, const struct yk_report *rep, const struct yk_audit_result *a)
{
    yk_jw_string(w, "reportVersion", YK_AUDIT_FORMAT_VERSION);
    yk_jw_string(w, "kind", "audit");
    yk_jw_open(w, "tool", '{');
    yk_jw_string(w, "name", "yakist");
    yk_jw_string(w, "version", rep->opt->tool_version);
    yk_jw_close(w, '}');
    yk_jw_string(w, "lang", rep->opt->lang == YK_LANG_EN ? "en" : "uk");
    yk_jw_string(w, "failOn", yk_severity_name(rep->opt->fail_on));
    yk_jw_string(w, "asOf", a->as_of);
    yk_jw_seconds(w, "seconds", a->seconds);
    if (!a->council) {
        yk_jw_null(w, "council");
    } else {
        yk_jw_open(w, "council", '{');
        yk_jw_string(w, "name", a->council->name);
        yk_jw_string(w, "edrpou", a->council->edrpou);
        yk_jw_string(w, "katottg", a->council->katottg);
        yk_jw_string(w, "portal", a->council->portal);
        yk_jw_string(w, "path", a->council->path);
        yk_jw_close(w, '}');
    }
    yk_jw_open(w, "perelik", '{');
    yk_jw_string(w, "name", a->perelik ? a->perelik->name : NULL);
    yk_jw_u64(w, "items", a->perelik ? a->perelik->nitems : 0);
    yk_jw_close(w, '}');
}

static void put_catalog(struct yk_jw *w, const struct yk_catalog *c)
{
    yk_jw_open(w, "catalog", '{');
    yk_jw_string(w, "kind", c->kind);
    yk_jw_string(w, "root", c->root);
    yk_jw_string(w, "digest", c->digest);
    yk_jw_u64(w, "datasets", c->ndatasets);
    yk_jw_open(w, "notes", '[');
    for (size_t i = 0; i < c->nnotes; i++) {
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "file", c->notes[i].file);
        yk_jw_pos(w, "line", c->notes[i].line);
        yk_jw_string(w, "message", c->notes[i].message);
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, ']');
    yk_jw_close(w, '}');
}

static void put_share(struct yk_jw *w, unsigned pm, unsigned target)
{
    yk_jw_u64(w, "perMille", pm);
    yk_jw_u64(w, "target", target);
    yk_jw_bool(w, "met", pm >= target);
}

static void put_kpis(struct yk_jw *w, const struct yk_kpis *k)
{
    yk_jw_open(w, "kpis", '{');
    yk_jw_open(w, "coverage", '{');
    yk_jw_string(w, "plan", "6.2");
    yk_jw_u64(w, "items", k->items_total);
    yk_jw_u64(w, "applicable", k->items_applicable);
    yk_jw_u64(w, "covered", k->items_covered);
    put_share(w, k->coverage_pm, 1000);
    yk_jw_close(w, '}');
    yk_jw_open(w, "beyondPerelik", '{');
    yk_jw_string(w, "plan", "6.3");
    yk_jw_u64(w, "datasets", k->extra_datasets);
    yk_jw_u64(w, "target", 3);
    yk_jw_bool(w, "met", k->extra_datasets >= 3);
    yk_jw_close(w, '}');
    yk_jw_open(w, "compliance", '{');
    yk_jw_string(w, "plan", "7.2");
    yk_jw_u64(w, "datasets", k->datasets);
    yk_jw_u64(w, "compliant", k->compliant);
    put_share(w, k->compliant_pm, 850);
    yk_jw_close(w, '}');
    yk_jw_open(w, "onTime", '{');
    yk_jw_u64(w, "datasets", k->datasets);
    yk_jw_u64(w, "onTime", k->on_time);
    yk_jw_u64(w, "perMille", k->on_time_pm);
    yk_jw_close(w, '}');
    yk_jw_close(w, '}');
}

static void put_items(struct yk_jw *w, const struct yk_audit_result *a)
{
    yk_jw_open(w, "items", '[');
    for (size_t i = 0; i < a->nitems; i++) {
        const struct yk_item_status *st = &a->items[i];
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "key", st->item->key);
        yk_jw_string(w, "title", st->item->title);
        yk_jw_bool(w, "competenceOnly", st->item->competence_only);
        yk_jw_string(w, "state", state_name(st->state));
        yk_jw_string(w, "publisher", publisher_ref(st->publisher));
        yk_jw_string(w, "reason", st->reason);
        yk_jw_open(w, "datasets", '[');
        for (size_t j = 0; st->ndatasets && j < a->ndatasets; j++)
            if (a->datasets[j].published && a->datasets[j].match.item == st->item)
                yk_jw_string(w, NULL, dataset_ref(a->datasets[j].dataset));
        yk_jw_close(w, ']');
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, ']');
}

static void put_publishers(struct yk_jw *w, const struct yk_audit_result *a)
{
    yk_jw_open(w, "publishers", '[');
    for (size_t i = 0; i < a->npublishers; i++) {
        const struct yk_publisher_result *pr = &a->publishers[i];
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "id", pr->publisher->id);
        yk_jw_string(w, "name", pr->publisher->name);
        yk_jw_string(w, "edrpou", pr->publisher->edrpou);
        yk_jw_bool(w, "inCouncil", pr->publisher->id != NULL);
        yk_jw_u64(w, "datasets", pr->ndatasets);
        yk_jw_u64(w, "compliant", pr->ncompliant);
        yk_jw_u64(w, "missing", pr->nmissing);
        yk_jw_u64(w, "overdue", pr->noverdue);
        yk_jw_null(w, "scores");
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, ']');
}

static void put_match(struct yk_jw *w, const struct yk_item_match *m)
{
    yk_jw_open(w, "match", '{');
    yk_jw_string(w, "how", how_name(m->how));
    yk_jw_string(w, "item", m->item ? m->item->key : NULL);
    yk_jw_u64(w, "score", m->score);
    yk_jw_string(w, "runnerUp", m->runner_up ? m->runner_up->key : NULL);
    yk_jw_u64(w, "runnerUpScore", m->runner_up_score);
    yk_jw_close(w, '}');
}

static void put_resources(struct yk_jw *w, const struct yk_report *rep,
                          const struct yk_dataset_result *dr)
{
    const struct yk_dataset *d = dr->dataset;
    yk_jw_open(w, "resources", '[');
    for (size_t i = 0; i < d->nresources; i++) {
        const struct yk_resource *r = &d->resources[i];
        yk_jw_open(w, NULL, '{');
        yk_jw_string(w, "id", r->id);
        yk_jw_string(w, "name", r->name);
        yk_jw_string(w, "format", r->format);
        yk_jw_string(w, "url", r->url);
        yk_jw_string(w, "path", r->path);
        yk_jw_string(w, "location", location_name(r->location));
        if (dr->resources[i])
            yk_jw_file(w, "check", rep, dr->resources[i]);
        else
            yk_jw_null(w, "check");
        yk_jw_close(w, '}');
    }
    yk_jw_close(w, ']');
}

static void put_dataset(struct yk_jw *w, const struct yk_report *rep,
                        const struct yk_dataset_result *dr)
{
    const struct yk_dataset *d = dr->dataset;
    yk_jw_open(w, NULL, '{');
    yk_jw_string(w, "id", dataset_ref(d));
    yk_jw_string(w, "name", d->name);
    yk_jw_string(w, "title", d->title);
    yk_jw_string(w, "source", d->source);
    yk_jw_pos(w, "line", d->source_line);
    yk_jw_string(w, "publisher", publisher_ref(dr->publisher));
    yk_jw_bool(w, "published", dr->published);
    put_match(w, &dr->match);
    yk_jw_bool(w, "compliant", dr->compliant);
    yk_jw_u64(w, "stars", dr->stars);
    yk_jw_bool(w, "overdue", dr->overdue);
    yk_jw_string(w, "worst", yk_jw_severity(dr->worst));
    yk_jw_counts(w, dr->counts, dr->ncounts);
    yk_jw_open(w, "findings", '[');
    for (size_t i = 0; i < dr->nfindings; i++)
        yk_jw_finding(w, &dr->findings[i], rep->opt->lang);
    yk_jw_close(w, ']');
    put_resources(w, rep, dr);
    yk_jw_null(w, "scores");
    yk_jw_close(w, '}');
}

static void put_summary(struct yk_jw *w, const struct yk_audit_result *a)
{
    uint64_t published = 0, resources = 0, checked = 0, unreadable = 0;
    for (size_t i = 0; i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        published += dr->published;
        resources += dr->dataset->nresources;
        for (size_t j = 0; j < dr->dataset->nresources; j++) {
            checked += dr->resources[j] != NULL;
            unreadable += dr->resources[j] && !dr->resources[j]->readable;
        }
    }
    yk_jw_open(w, "summary", '{');
    yk_jw_u64(w, "datasets", a->ndatasets);
    yk_jw_u64(w, "published", published);
    yk_jw_u64(w, "publishers", a->npublishers);
    yk_jw_u64(w, "resources", resources);
    yk_jw_u64(w, "checked", checked);
    yk_jw_u64(w, "unreadable", unreadable);
    yk_jw_u64(w, "notChecked", resources - checked);
    yk_jw_close(w, '}');
}

int yk_report_json_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    struct yk_jw w = {.out = rep->out};
    yk_jw_open(&w, NULL, '{');
    put_head(&w, rep, a);
    put_catalog(&w, a->catalog);
    put_kpis(&w, &a->kpis);
    yk_jw_null(&w, "scores");
    put_items(&w, a);
    put_publishers(&w, a);
    yk_jw_open(&w, "datasets", '[');
    for (size_t i = 0; i < a->ndatasets; i++)
        put_dataset(&w, rep, &a->datasets[i]);
    yk_jw_close(&w, ']');
    yk_jw_open(&w, "findings", '[');
    for (size_t i = 0; i < a->nfindings; i++)
        yk_jw_finding(&w, &a->findings[i], rep->opt->lang);
    yk_jw_close(&w, ']');
    yk_jw_counts(&w, a->counts, a->ncounts);
    put_summary(&w, a);
    yk_jw_close(&w, '}');
    fputc('\n', rep->out);
    return ferror(rep->out) ? YK_EIO : 0;
}
