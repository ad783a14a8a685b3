/* yakist — the quarterly audit of a council's catalog: catalog rules once, dataset rules per
 * dataset, every local resource through the file, schema and content rules (in parallel), and
 * the council's KPIs against the plan's targets. One result model feeds every report. */
#ifndef YAKIST_AUDIT_H
#define YAKIST_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/catalog.h>
#include <yakist/check.h>
#include <yakist/error.h>
#include <yakist/profile.h>
#include <yakist/registry.h>
#include <yakist/score.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_audit_options {
    const struct yk_registry *registry; /* required */
    const struct yk_profile *profile;   /* NULL: defaults */
    const char *council_path; /* NULL: <catalog>/council.json when present */
    const char *as_of;        /* YYYY-MM-DD; NULL: today (tests always pass it) */
    unsigned jobs;            /* resource checks in parallel; 0: the number of cores */
    bool fetch;               /* download remote resources (http/https only) */
    const char *cache_dir;    /* where downloads are kept; NULL: no cache */
    unsigned grace_days;      /* working days of grace before a dataset is overdue (default 3) */
    struct yk_check_options check; /* template for every resource check (its registry and
                                      profile are replaced by the two above) */
    /* Called from the calling thread after each resource; may be NULL. */
    void (*progress)(void *ctx, size_t done, size_t total, const char *current);
    void *progress_ctx;
};

/* Defaults: jobs 0, grace 3 working days, check options from yk_check_options_init. */
void yk_audit_options_init(struct yk_audit_options *opt, const struct yk_registry *registry);

enum yk_match_how {
    YK_MATCH_NONE = 0,  /* beyond the Перелік */
    YK_MATCH_CATALOG,   /* an explicit field in the catalog */
    YK_MATCH_COUNCIL,   /* an explicit mapping in council.json */
    YK_MATCH_TITLE      /* normalised fuzzy title matching */
};

struct yk_item_match {
    enum yk_match_how how;
    const struct yk_perelik_item *item; /* NULL when none */
    unsigned score;                     /* 0..1000 title similarity (1000 for explicit) */
    const struct yk_perelik_item *runner_up;
    unsigned runner_up_score;
};

struct yk_dataset_result {
    const struct yk_dataset *dataset;
    /* Resolved against the council (ЄДРПОУ, then name or alias); a holder the council file does
     * not list gets a publisher of its own with id NULL and the name the catalog gives, so it
     * is still rated; NULL only when the catalog names no holder. */
    const struct yk_publisher *publisher;
    struct yk_item_match match;
    const struct yk_finding *findings;    /* dataset-level findings (meta, time, open, coverage) */
    size_t nfindings;
    const struct yk_rule_count *counts;
    size_t ncounts;
    struct yk_file_result *const *resources; /* parallel to dataset->resources; NULL: not checked */
    unsigned stars;                       /* five-star openness of the best resource, 0..5 */
    bool overdue;
    enum yk_severity worst;               /* over its own and its resources' findings */
    bool compliant;                       /* no error from a compliance rule remains */
    /* Public and active (not private, state absent or "active"): only published datasets
     * cover Перелік items and count in the KPIs; the others are reported all the same. */
    bool published;
    struct yk_score score; /* set by yk_audit_score (<yakist/score.h>) */
};

enum yk_item_state { YK_ITEM_MISSING = 0, YK_ITEM_COVERED, YK_ITEM_NOT_APPLICABLE };

struct yk_item_status {
    const struct yk_perelik_item *item;
    enum yk_item_state state;
    const struct yk_publisher *publisher; /* who answers for it, when known */
    const char *reason;                   /* for NOT_APPLICABLE */
    size_t ndatasets;                     /* datasets matched to it */
};

struct yk_publisher_result {
    const struct yk_publisher *publisher;
    size_t ndatasets;
    size_t ncompliant;
    size_t nmissing; /* mandatory items it answers for with no dataset */
    size_t noverdue;
    struct yk_score score; /* mean of its published datasets, a missing one counting 0 */
};

/* Shares are per mille (0..1000), rounded down so a target is met only when it really is
 * (84.99 % is 849, short of 850); integers, so every machine prints the same numbers. A share
 * of nothing (no applicable item, no dataset) is 1000. */
struct yk_kpis {
    size_t items_total, items_applicable, items_covered;
    unsigned coverage_pm;   /* target 1000 (plan 6.2) */
    size_t extra_datasets;  /* target >= 3 (plan 6.3) */
    size_t datasets, compliant;
    unsigned compliant_pm;  /* target >= 850 (plan 7.2) */
    size_t on_time;
    unsigned on_time_pm;
    unsigned score_pm;      /* the council's score, 0..1000 (docs/scoring.md) */
};

struct yk_audit_result {
    const char *as_of;
    const struct yk_catalog *catalog;
    const struct yk_council *council; /* NULL when none was given or found */
    const struct yk_perelik *perelik;
    struct yk_dataset_result *datasets;
    size_t ndatasets;
    struct yk_item_status *items;
    size_t nitems;
    struct yk_publisher_result *publishers;
    size_t npublishers;
    const struct yk_finding *findings; /* catalog-level findings */
    size_t nfindings;
    const struct yk_rule_count *counts; /* over the whole audit, in registry order */
    size_t ncounts;
    struct yk_kpis kpis;
    double seconds; /* wall time of the run; 0 unless opt->check.timing */
    struct yk_score score; /* the council: mean over published datasets and missing items */
};

/* Run the audit. The result lives in arena; the output is identical whatever opt->jobs is. */
int yk_audit_run(const char *catalog_path, const struct yk_audit_options *opt,
                 struct yk_arena *arena, struct yk_audit_result **out, struct yk_error *err);

/* What a dataset or catalog rule may ask of its context during an audit (NULL otherwise). */
struct yk_audit_env {
    const char *as_of;
    const struct yk_catalog *catalog;
    const struct yk_council *council;
    const struct yk_perelik *perelik;
    const struct yk_audit_result *audit;     /* matches and resource results so far */
    const struct yk_dataset_result *current; /* the dataset being checked (dataset scope) */
    unsigned grace_days;
};

struct yk_rule_ctx;
const struct yk_audit_env *yk_ctx_audit(const struct yk_rule_ctx *ctx);

/* What the dataset rules tell the audit about the current dataset (dataset scope only): its
 * five-star openness level (0..5; more is read as 5), set by the `open` rules, and whether it
 * is overdue at the audit date, set by the `time` rules. Both start at 0 / false. Return 0, or
 * YK_EINVAL outside the dataset scope of an audit. */
int yk_ctx_set_stars(struct yk_rule_ctx *ctx, unsigned stars);
int yk_ctx_set_overdue(struct yk_rule_ctx *ctx, bool overdue);

#ifdef __cplusplus
}
#endif
#endif
