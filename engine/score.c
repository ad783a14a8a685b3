/* yakist — scoring an audit (docs/scoring.md): every applicable rule earns its weight times its
 * pass ratio, per dataset; publishers and the council take the mean of their datasets, a
 * missing mandatory dataset counting 0. Integers only, so every machine gets the same numbers. */
#include <stdlib.h>
#include <string.h>

#include <yakist/audit.h>
#include <yakist/score.h>

/* How a rule takes part in a dataset's score. */
enum kind {
    KIND_NONE = 0, /* off, weight 0, or catalog scope: not in dataset scores */
    KIND_DATASET,  /* runs once per dataset: passes (1) or not (0) */
    KIND_FILE      /* runs per file: pass ratio per file, averaged over the files it applies to */
};

/* Families named after a table format apply only to files of that format. */
struct rule_info {
    const struct yk_rule *rule;
    enum kind kind;
    unsigned weight, tolerance;
    bool share;              /* row or cell scope: the share of rows or cells that pass */
    const char *only_format; /* only files of this format (the family's only_format) */
    bool needs_schema;       /* schema rules on the data: only files checked against a structure */
    bool unloaded_too;       /* the family's without_rows: also files no loader read */
};

/* Per rule, while one dataset is scored. */
struct acc {
    uint64_t failed, checked; /* the current file's; then the sums over files */
    uint64_t sum_failed, sum_checked, ratio_sum;
    unsigned files;
};

struct by_ptr {
    const void *ptr;
    size_t index;
};

struct scorer {
    size_t n;
    struct rule_info *info; /* by registry index */
    struct by_ptr *index;   /* rules sorted by address, to find a count's registry index */
    struct acc *acc;
};

/* --- arithmetic ------------------------------------------------------------------------------ */

/* floor(a * b / c) for a <= c, b <= YK_SCORE_UNIT: exact while c * b fits in 64 bits (c below
 * 1.8e13), then approximated the same way on every machine. */
static uint64_t mul_div(uint64_t a, uint64_t b, uint64_t c)
{
    if (c == 0)
        return 0;
    if (c <= UINT64_MAX / b)
        return a / c * b + a % c * b / c;
    return a / (c / b);
}

/* The pass ratio of a row or cell rule in one file. */
static uint32_t share_ratio(uint64_t failed, uint64_t checked, unsigned tolerance)
{
    if (failed > checked)
        failed = checked;
    bool within = checked <= UINT64_MAX / 1000u ? failed * 1000u <= (uint64_t)tolerance * checked
                                                : mul_div(failed, 1000u, checked) <= tolerance;
    if (within)
        return YK_SCORE_UNIT;
    return (uint32_t)mul_div(checked - failed, YK_SCORE_UNIT, checked);
}

int yk_score_dim_pm(const struct yk_score *s, enum yk_dimension d)
{
    if ((unsigned)d >= YK_DIM_COUNT || !s->dim_possible[d])
        return -1;
    return (int)mul_div(s->dim_earned[d], 1000u, s->dim_possible[d]);
}

static void score_finish(struct yk_score *s)
{
    s->scored = s->possible > 0;
    s->pm = s->scored ? (unsigned)mul_div(s->earned, 1000u, s->possible) : 0;
}

/* --- the rules, once per audit -------------------------------------------------------------- */

static bool file_level(const struct yk_rule *r)
{
    return r->on_header || r->on_row || r->on_cell || r->on_event || r->on_finish;
}

static void describe(struct rule_info *ri, const struct yk_registry *reg, const struct yk_rule *r,
                     const struct yk_profile *p)
{
    const struct yk_family *fam = yk_registry_family_of(reg, r);
    ri->rule = r;
    ri->weight = yk_profile_weight(p, r);
    ri->tolerance = yk_profile_tolerance(p, r);
    ri->share = r->scope == YK_SCOPE_ROW || r->scope == YK_SCOPE_CELL;
    if (!yk_profile_enabled(p, r) || ri->weight == 0)
        ri->kind = KIND_NONE;
    else if (r->on_dataset)
        ri->kind = KIND_DATASET;
    else if (file_level(r))
        ri->kind = KIND_FILE;
    ri->only_format = fam ? fam->only_format : NULL;
    ri->needs_schema = fam && fam->needs_schema && r->dimension != YK_DIM_METADATA;
    ri->unloaded_too = fam && fam->without_rows;
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct by_ptr *)a)->ptr;
    uintptr_t y = (uintptr_t)((const struct by_ptr *)b)->ptr;
    return x < y ? -1 : x > y;
}

static size_t find_index(const struct by_ptr *index, size_t n, const void *ptr)
{
    struct by_ptr key = {ptr, 0};
    const struct by_ptr *hit = bsearch(&key, index, n, sizeof *index, cmp_ptr);
    return hit ? hit->index : SIZE_MAX;
}

static void scorer_fini(struct scorer *s)
{
    free(s->info);
    free(s->index);
    free(s->acc);
}

static int scorer_init(struct scorer *s, const struct yk_registry *reg, const struct yk_profile *p)
{
    memset(s, 0, sizeof *s);
    s->n = yk_registry_count(reg);
    size_t n = s->n ? s->n : 1;
    s->info = calloc(n, sizeof *s->info);
    s->index = calloc(n, sizeof *s->index);
    s->acc = calloc(n, sizeof *s->acc);
    if (!s->info || !s->index || !s->acc) {
        scorer_fini(s);
        return YK_ENOMEM;
    }
    for (size_t i = 0; i < s->n; i++) {
        describe(&s->info[i], reg, yk_registry_rule(reg, i), p);
        s->index[i] = (struct by_ptr){s->info[i].rule, i};
    }
    qsort(s->index, s->n, sizeof *s->index, cmp_ptr);
    return 0;
}

/* --- one dataset ---------------------------------------------------------------------------- */

static bool applies(const struct rule_info *ri, const struct yk_file_result *f, const struct acc *a)
{
    if (!f->info.input.loaded && !ri->unloaded_too)
        return false;
    if (ri->only_format && !(f->info.format && strcmp(ri->only_format, f->info.format) == 0))
        return false;
    if (ri->needs_schema && !f->schema)
        return false;
    return !ri->share || a->checked > 0 || a->failed > 0;
}

/* Add one file's pass ratios to the rules that apply to it. */
static void add_file(struct scorer *s, const struct yk_file_result *f)
{
    for (size_t i = 0; i < f->ncounts; i++) {
        size_t k = find_index(s->index, s->n, f->counts[i].rule);
        if (k != SIZE_MAX)
            s->acc[k].failed += f->counts[i].count;
    }
    for (size_t i = 0; i < f->nchecked; i++) {
        size_t k = find_index(s->index, s->n, f->checked[i].rule);
        if (k != SIZE_MAX)
            s->acc[k].checked += f->checked[i].checked;
    }
    for (size_t k = 0; k < s->n; k++) {
        const struct rule_info *ri = &s->info[k];
        struct acc *a = &s->acc[k];
        if (ri->kind == KIND_FILE && applies(ri, f, a)) {
            uint32_t ratio = !ri->share || !a->checked
                                 ? (a->failed ? 0 : YK_SCORE_UNIT)
                                 : share_ratio(a->failed, a->checked, ri->tolerance);
            a->ratio_sum += ratio;
            a->sum_failed += a->failed;
            a->sum_checked += a->checked;
            a->files++;
        }
        a->failed = a->checked = 0;
    }
}

static void add_line(struct yk_score *out, const struct rule_info *ri, const struct acc *a,
                     uint32_t ratio, struct yk_score_line *lines, size_t *nlines)
{
    uint64_t earned = (uint64_t)ri->weight * ratio, possible = (uint64_t)ri->weight * YK_SCORE_UNIT;
    enum yk_dimension d = ri->rule->dimension;
    out->earned += earned;
    out->possible += possible;
    out->members++;
    if ((unsigned)d < YK_DIM_COUNT) {
        out->dim_earned[d] += earned;
        out->dim_possible[d] += possible;
    }
    if (lines)
        lines[(*nlines)++] = (struct yk_score_line){
            .rule = ri->rule,
            .weight = ri->weight,
            .tolerance = ri->share ? ri->tolerance : 0,
            .ratio = ratio,
            .earned = earned,
            .checked = a->sum_checked,
            .failed = a->sum_failed,
            .files = a->files,
        };
}

static void score_one(struct scorer *s, const struct yk_dataset_result *dr, struct yk_score *out,
                      struct yk_score_line *lines, size_t *nlines)
{
    memset(out, 0, sizeof *out);
    memset(s->acc, 0, s->n * sizeof *s->acc);
    if (nlines)
        *nlines = 0;
    for (size_t j = 0; dr->resources && j < dr->dataset->nresources; j++)
        if (dr->resources[j] && dr->resources[j]->readable)
            add_file(s, dr->resources[j]);
    for (size_t i = 0; i < dr->ncounts; i++) {
        size_t k = find_index(s->index, s->n, dr->counts[i].rule);
        if (k != SIZE_MAX)
            s->acc[k].sum_failed += dr->counts[i].count;
    }
    for (size_t k = 0; k < s->n; k++) {
        const struct rule_info *ri = &s->info[k];
        const struct acc *a = &s->acc[k];
        if (ri->kind == KIND_DATASET)
            add_line(out, ri, a, a->sum_failed ? 0 : YK_SCORE_UNIT, lines, nlines);
        else if (ri->kind == KIND_FILE && a->files)
            add_line(out, ri, a, (uint32_t)(a->ratio_sum / a->files), lines, nlines);
    }
    score_finish(out);
}

int yk_score_dataset(const struct yk_dataset_result *dr, const struct yk_registry *reg,
                     const struct yk_profile *profile, struct yk_score *out,
                     struct yk_score_line *lines, size_t *nlines, struct yk_error *err)
{
    struct scorer s;
    if (scorer_init(&s, reg, profile) < 0)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    size_t n = 0;
    score_one(&s, dr, out, lines, &n);
    if (nlines)
        *nlines = n;
    scorer_fini(&s);
    return 0;
}

/* --- publishers and the council ------------------------------------------------------------- */

/* Add a member's score to a mean: a missing dataset is a member with nothing earned. */
static void mean_add(struct yk_score *m, const struct yk_score *member)
{
    m->members++;
    m->possible += 1000u;
    for (int d = 0; d < YK_DIM_COUNT; d++) {
        int pm = member ? yk_score_dim_pm(member, (enum yk_dimension)d) : 0;
        if (pm < 0)
            continue;
        m->dim_earned[d] += (unsigned)pm;
        m->dim_possible[d] += 1000u;
    }
    if (member)
        m->earned += member->pm;
}

static void mean_add_missing(struct yk_score *m, size_t missing)
{
    for (size_t i = 0; i < missing; i++)
        mean_add(m, NULL);
}

/* Each dataset's publisher result, by the publisher's address. */
static int publisher_index(const struct yk_audit_result *res, struct by_ptr **out)
{
    size_t n = res->npublishers;
    struct by_ptr *idx = calloc(n ? n : 1, sizeof *idx);
    if (!idx)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++)
        idx[i] = (struct by_ptr){res->publishers[i].publisher, i};
    qsort(idx, n, sizeof *idx, cmp_ptr);
    *out = idx;
    return 0;
}

static void score_means(struct yk_audit_result *res, const struct by_ptr *pidx)
{
    memset(&res->score, 0, sizeof res->score);
    for (size_t i = 0; i < res->npublishers; i++)
        memset(&res->publishers[i].score, 0, sizeof res->publishers[i].score);
    for (size_t i = 0; i < res->ndatasets; i++) {
        const struct yk_dataset_result *dr = &res->datasets[i];
        if (!dr->published || !dr->score.scored)
            continue;
        mean_add(&res->score, &dr->score);
        size_t p = dr->publisher ? find_index(pidx, res->npublishers, dr->publisher) : SIZE_MAX;
        if (p != SIZE_MAX)
            mean_add(&res->publishers[p].score, &dr->score);
    }
    for (size_t i = 0; i < res->npublishers; i++) {
        struct yk_publisher_result *pr = &res->publishers[i];
        mean_add_missing(&pr->score, pr->nmissing);
        score_finish(&pr->score);
    }
    for (size_t i = 0; i < res->nitems; i++)
        mean_add_missing(&res->score, res->items[i].state == YK_ITEM_MISSING);
    score_finish(&res->score);
    res->kpis.score_pm = res->score.pm;
}

int yk_audit_score(struct yk_audit_result *res, const struct yk_registry *reg,
                   const struct yk_profile *profile, struct yk_error *err)
{
    struct scorer s;
    struct by_ptr *pidx = NULL;
    if (scorer_init(&s, reg, profile) < 0)
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (publisher_index(res, &pidx) < 0) {
        scorer_fini(&s);
        return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < res->ndatasets; i++)
        score_one(&s, &res->datasets[i], &res->datasets[i].score, NULL, NULL);
    score_means(res, pidx);
    free(pidx);
    scorer_fini(&s);
    return 0;
}
