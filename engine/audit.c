/* yakist — the audit of a council's catalog: read the catalog and council.json, match every
 * dataset to the Перелік, check the resources (audit_pool.c), run the dataset rules per
 * dataset and the catalog rules once through the shared collector (emit.c), then sum up
 * (audit_sum.c). The order of everything follows the catalog, never the threads. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <libxml/parser.h>

#include "audit_priv.h"
#include "match.h"

void yk_audit_options_init(struct yk_audit_options *opt, const struct yk_registry *registry)
{
    memset(opt, 0, sizeof *opt);
    opt->registry = registry;
    opt->grace_days = 3;
    yk_check_options_init(&opt->check, registry);
}

/* --- what dataset and catalog rules may ask ---------------------------------------------- */

const struct yk_audit_env *yk_ctx_audit(const struct yk_rule_ctx *ctx)
{
    return ctx->em->audit;
}

int yk_ctx_set_stars(struct yk_rule_ctx *ctx, unsigned stars)
{
    if (!ctx->em->current)
        return YK_EINVAL;
    ctx->em->current->stars = stars > 5 ? 5 : stars;
    return 0;
}

int yk_ctx_set_overdue(struct yk_rule_ctx *ctx, bool overdue)
{
    if (!ctx->em->current)
        return YK_EINVAL;
    ctx->em->current->overdue = overdue;
    return 0;
}

/* --- options ------------------------------------------------------------------------------- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD naming a real day. */
static bool valid_date(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    if (s[10])
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= days[m - 1] + (m == 2 && leap(y));
}

static const char *today(struct yk_arena *arena)
{
    time_t now = time(NULL);
    struct tm tm;
    char buf[16];
    if (!gmtime_r(&now, &tm) || strftime(buf, sizeof buf, "%Y-%m-%d", &tm) != 10)
        return NULL;
    return yk_arena_strdup(arena, buf);
}

static int check_options(const struct yk_audit_options *opt, struct yk_error *err)
{
    if (!opt || !opt->registry)
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "audit: no rule registry given");
    if (opt->as_of && !valid_date(opt->as_of))
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                            "as-of: \"%s\" is not a date in the form YYYY-MM-DD", opt->as_of);
    if (opt->jobs > YK_AUDIT_JOBS_MAX)
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "jobs: at most %u", YK_AUDIT_JOBS_MAX);
    return yk_check_options_validate(&opt->check, err);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- reading the inputs -------------------------------------------------------------------- */

/* opt->council_path, else council.json in the catalog's folder when there is one. */
static int load_council(struct audit *a)
{
    const char *path = a->opt->council_path;
    if (!path) {
        const char *root = a->res->catalog->root;
        char *p = yk_arena_printf(a->arena, "%s/council.json", root ? root : ".");
        struct stat st;
        if (!p)
            return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        path = p;
    }
    struct yk_council *co = NULL;
    int rc = yk_council_load(path, a->arena, &co, a->err);
    if (rc == 0)
        a->res->council = co;
    return rc;
}

static bool is_published(const struct yk_dataset *d)
{
    return !d->is_private && (!d->state || !d->state[0] || strcmp(d->state, "active") == 0);
}

static int match_datasets(struct audit *a)
{
    struct yk_audit_result *res = a->res;
    struct yk_matcher *m = NULL;
    if (yk_matcher_create(res->perelik, res->council, a->arena, &m) < 0)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < res->ndatasets; i++) {
        struct yk_dataset_result *dr = &res->datasets[i];
        yk_matcher_dataset(m, dr->dataset, &dr->match);
    }
    return 0;
}

static int start(struct audit *a, const char *catalog_path)
{
    struct yk_audit_result *res = a->res;
    const struct yk_catalog *cat = NULL;
    struct yk_catalog *loaded = NULL;
    int rc;
    res->as_of = a->opt->as_of ? yk_arena_strdup(a->arena, a->opt->as_of) : today(a->arena);
    res->perelik = yk_perelik_city();
    if (!res->as_of)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (!res->perelik)
        return yk_error_set(a->err, YK_EINTERNAL, NULL, 0, 0,
                            "the Перелік compiled into yakist cannot be read");
    if ((rc = yk_catalog_load(catalog_path, a->arena, &loaded, a->err)) < 0)
        return rc;
    res->catalog = cat = loaded;
    if ((rc = load_council(a)) < 0)
        return rc;
    res->ndatasets = cat->ndatasets;
    res->datasets =
        yk_arena_calloc(a->arena, cat->ndatasets ? cat->ndatasets : 1, sizeof *res->datasets);
    if (!res->datasets)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < cat->ndatasets; i++) {
        struct yk_dataset_result *dr = &res->datasets[i];
        const struct yk_dataset *d = &cat->datasets[i];
        dr->dataset = d;
        dr->published = is_published(d);
        dr->resources =
            yk_arena_calloc(a->arena, d->nresources ? d->nresources : 1, sizeof *dr->resources);
        if (!dr->resources)
            return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    a->env = (struct yk_audit_env){
        .as_of = res->as_of,
        .catalog = cat,
        .council = res->council,
        .perelik = res->perelik,
        .audit = res,
        .grace_days = a->opt->grace_days,
    };
    if ((rc = yk_audit_resolve_publishers(a)) < 0 || (rc = match_datasets(a)) < 0)
        return rc;
    return yk_audit_item_states(a);
}

/* --- dataset and catalog rules ------------------------------------------------------------- */

static bool dataset_rule(const struct yk_rule *r)
{
    return r->on_dataset != NULL;
}

static bool catalog_rule(const struct yk_rule *r)
{
    return r->on_catalog != NULL;
}

static void emitter_init(struct audit *a, struct yk_emitter *em)
{
    memset(em, 0, sizeof *em);
    em->registry = a->opt->registry;
    em->profile = a->opt->profile;
    em->limits = &a->check.limits;
    em->arena = a->arena;
    em->err = a->err;
    em->info = &a->no_source;
    em->schema = &a->no_schema;
    em->audit = &a->env;
}

/* A rule of the `schema` family: its findings against a shipped standard applied as a
 * fallback say how far the data is from the standard, not that it breaks its own structure. */
static bool schema_rule(const struct yk_rule *r)
{
    return strncmp(r->id, "schema.", 7) == 0;
}

/* Compliant: no error from a compliance rule, neither the dataset's nor its resources'. */
static bool breaks_compliance(const struct yk_rule_count *c, size_t n, bool standard)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].severity == YK_SEV_ERROR && c[i].rule && c[i].rule->compliance &&
            !(standard && schema_rule(c[i].rule)))
            return true;
    return false;
}

static void judge_dataset(struct yk_dataset_result *dr)
{
    bool broken = breaks_compliance(dr->counts, dr->ncounts, false);
    for (size_t j = 0; j < dr->dataset->nresources; j++) {
        const struct yk_file_result *r = dr->resources[j];
        if (!r)
            continue;
        broken |= breaks_compliance(r->counts, r->ncounts, r->schema_standard);
        if (r->worst > dr->worst)
            dr->worst = r->worst;
    }
    dr->compliant = !broken;
}

static int one_dataset(struct audit *a, struct yk_emitter *em, struct yk_dataset_result *dr)
{
    const struct yk_dataset *d = dr->dataset;
    struct yk_emitted out;
    yk_emitter_reset(em);
    em->current = dr;
    a->env.current = dr;
    for (size_t i = 0; i < em->nctx; i++) {
        struct yk_rule_ctx *c = &em->ctxs[i];
        int rc = c->rule->on_dataset(c, d);
        if (rc < 0 || em->rc < 0)
            return yk_emitter_fail(em, c, "on_dataset", rc, d->source, d->source_line);
    }
    em->current = NULL;
    a->env.current = NULL;
    if (yk_emitter_result(em, &out) < 0)
        return yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    dr->findings = out.findings;
    dr->nfindings = out.nfindings;
    dr->counts = out.counts;
    dr->ncounts = out.ncounts;
    dr->worst = out.worst;
    yk_audit_add_counts(a, out.counts, out.ncounts);
    judge_dataset(dr);
    return 0;
}

static int dataset_rules(struct audit *a)
{
    struct yk_emitter em;
    emitter_init(a, &em);
    int rc = yk_emitter_start(&em, dataset_rule, a->res->catalog->root);
    for (size_t i = 0; rc == 0 && i < a->res->ndatasets; i++)
        rc = one_dataset(a, &em, &a->res->datasets[i]);
    yk_emitter_fini(&em);
    return rc;
}

static int catalog_rules(struct audit *a)
{
    struct yk_emitter em;
    struct yk_emitted out;
    const struct yk_catalog *cat = a->res->catalog;
    emitter_init(a, &em);
    int rc = yk_emitter_start(&em, catalog_rule, cat->root);
    for (size_t i = 0; rc == 0 && i < em.nctx; i++) {
        struct yk_rule_ctx *c = &em.ctxs[i];
        int r = c->rule->on_catalog(c, cat);
        if (r < 0 || em.rc < 0)
            rc = yk_emitter_fail(&em, c, "on_catalog", r, cat->root, 0);
    }
    if (rc == 0 && yk_emitter_result(&em, &out) < 0)
        rc = yk_error_set(a->err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0) {
        a->res->findings = out.findings;
        a->res->nfindings = out.nfindings;
        yk_audit_add_counts(a, out.counts, out.ncounts);
    }
    yk_emitter_fini(&em);
    return rc;
}

/* --- the run ------------------------------------------------------------------------------- */

static int setup(struct audit *a, const struct yk_audit_options *opt, struct yk_arena *arena,
                 struct yk_error *err)
{
    size_t n = yk_registry_count(opt->registry);
    a->opt = opt;
    a->arena = arena;
    a->err = err;
    a->check = opt->check;
    a->check.registry = opt->registry;
    a->check.profile = opt->profile;
    a->no_source.path = "";
    a->no_source.format = "";
    a->no_source.encoding = "";
    a->no_schema.arena = arena;
    a->res = yk_arena_calloc(arena, 1, sizeof *a->res);
    a->count = yk_arena_calloc(arena, n ? n : 1, sizeof *a->count);
    a->kept = yk_arena_calloc(arena, n ? n : 1, sizeof *a->kept);
    if (!a->res || !a->count || !a->kept)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

int yk_audit_run(const char *catalog_path, const struct yk_audit_options *opt,
                 struct yk_arena *arena, struct yk_audit_result **out, struct yk_error *err)
{
    struct audit a;
    int rc;
    yk_error_clear(err);
    if ((rc = check_options(opt, err)) < 0)
        return rc;
    double t0 = opt->check.timing ? now_seconds() : 0;
    memset(&a, 0, sizeof a);
    /* libxml2 sets up its globals on first use; do it here, before any worker thread. */
    xmlInitParser();
    if ((rc = setup(&a, opt, arena, err)) < 0 || (rc = start(&a, catalog_path)) < 0 ||
        (rc = yk_audit_plan_schemas(&a)) < 0 || (rc = yk_audit_check_resources(&a)) < 0 ||
        (rc = dataset_rules(&a)) < 0 || (rc = catalog_rules(&a)) < 0 ||
        (rc = yk_audit_summarise(&a)) < 0 ||
        (rc = yk_audit_score(a.res, opt->registry, opt->profile, err)) < 0)
        return rc;
    a.res->seconds = opt->check.timing ? now_seconds() - t0 : 0;
    *out = a.res;
    return 0;
}
