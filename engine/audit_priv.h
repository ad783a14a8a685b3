/* yakist — private: the state of one audit, shared by the files of the audit runner:
 * audit.c (the flow and the dataset and catalog rules), audit_pool.c (resource checks in
 * parallel), audit_sum.c (publishers, Перелік item states, KPIs, totals) and fetch.c. */
#ifndef YK_ENGINE_AUDIT_PRIV_H
#define YK_ENGINE_AUDIT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/audit.h>
#include <yakist/schema.h>

#include "emit.h"

/* Bounds on what a catalog makes the audit hold. */
#define YK_AUDIT_JOBS_MAX 256u /* worker threads */

/* How one resource is checked (audit_schema.c). */
struct yk_audit_plan {
    bool structure;           /* its dataset's structure description: not checked as data */
    bool discover;            /* no schema of its own, but structure files lie next to it */
    struct yk_schema_use use; /* the schema chosen for it; origin NONE: none (or discover) */
};

struct audit {
    const struct yk_audit_options *opt;
    struct yk_arena *arena;
    struct yk_error *err;
    struct yk_audit_result *res;
    struct yk_audit_env env;
    struct yk_check_options check;   /* every resource check: opt->check with the registry */
    struct yk_source_info no_source; /* what yk_ctx_source gives outside a file */
    struct yk_schema_run no_schema;  /* what yk_ctx_schema_run gives outside a file */
    uint64_t *count, *kept;          /* per registry index, over the whole audit */
    size_t *publisher_of;            /* per dataset: index in res->publishers, or SIZE_MAX */
    struct yk_audit_plan **plans;    /* per dataset, per resource */
};

/* audit_pool.c: check every local resource (and, with opt->fetch, every remote one) with
 * opt->jobs threads, each with its own arena tied to a->arena; results are stored by index,
 * so they do not depend on the number of threads. Progress is reported from the calling
 * thread. Returns 0 or a negative enum yk_err (a->err set). */
int yk_audit_check_resources(struct audit *a);

/* audit_schema.c: choose the structure of every resource (declared schema, the dataset's
 * structure resource, a file next to it, the matched item's standard) and mark structure
 * resources. In the calling thread, before the checks. Returns 0 or YK_ENOMEM (a->err set). */
int yk_audit_plan_schemas(struct audit *a);

/* audit_sum.c: resolve each dataset's holder against the council (or give it one of its own). */
int yk_audit_resolve_publishers(struct audit *a);

/* audit_sum.c: the state of every Перелік item (after matching, before the rules). */
int yk_audit_item_states(struct audit *a);

/* audit_sum.c: per-publisher results, KPIs and the audit-wide counts (after the rules). */
int yk_audit_summarise(struct audit *a);

/* audit_sum.c: add a scope's counts to the audit-wide ones. */
void yk_audit_add_counts(struct audit *a, const struct yk_rule_count *counts, size_t n);

/* fetch.c: download url (http or https only) to a local file, within the time and size
 * limits; with cache_dir the file is kept there and reused by later runs, else it is a
 * temporary file the caller removes (*temporary true). *path lives in arena. Returns 0,
 * YK_EIO (the download failed: err says why), YK_EUNSUPPORTED (built without libcurl) or
 * YK_ENOMEM. Thread-safe once yk_fetch_init has run. */
int yk_fetch(const char *url, const char *cache_dir, struct yk_arena *arena, const char **path,
             bool *temporary, struct yk_error *err);

/* fetch.c: one-time global set-up, from one thread before any yk_fetch. 0 or YK_EUNSUPPORTED
 * (no libcurl in this build) or YK_EINTERNAL. */
int yk_fetch_init(struct yk_error *err);

#endif
