/* yakist — the finding collector shared by every scope (a file, a dataset, the catalog): rule
 * contexts, yk_emit with exact counts and capped examples, and the ordered result. The runner
 * of one file (run.c) and the audit (audit.c) both collect through it, so a finding looks and
 * counts the same wherever it comes from. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* --- what a rule may ask of its context ---------------------------------------------------- */

void *yk_ctx_state(struct yk_rule_ctx *ctx)
{
    return ctx->state;
}

struct yk_arena *yk_ctx_arena(struct yk_rule_ctx *ctx)
{
    return ctx->em->arena;
}

const struct yk_rule *yk_ctx_rule(const struct yk_rule_ctx *ctx)
{
    return ctx->rule;
}

const struct yk_source_info *yk_ctx_source(const struct yk_rule_ctx *ctx)
{
    return ctx->em->info;
}

struct yk_schema_run *yk_ctx_schema_run(struct yk_rule_ctx *ctx)
{
    return ctx->em->schema;
}

static const char *param_text(const struct yk_rule_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < ctx->rule->nparams; i++)
        if (strcmp(ctx->rule->params[i].name, name) == 0)
            return ctx->params[i];
    assert(!"rule asked for a parameter it does not declare");
    return "";
}

int64_t yk_ctx_param_int(const struct yk_rule_ctx *ctx, const char *name)
{
    const char *s = param_text(ctx, name);
    return s ? strtoll(s, NULL, 10) : 0;
}

bool yk_ctx_param_bool(const struct yk_rule_ctx *ctx, const char *name)
{
    const char *s = param_text(ctx, name);
    return s && strcmp(s, "true") == 0;
}

const char *yk_ctx_param_str(const struct yk_rule_ctx *ctx, const char *name)
{
    const char *s = param_text(ctx, name);
    return s ? s : "";
}

/* --- collecting ---------------------------------------------------------------------------- */

/* printf into the arena from a va_list the caller may use again. */
static char *vformat(struct yk_arena *arena, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *s = n < 0 ? NULL : yk_arena_alloc(arena, (size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

int yk_emit(struct yk_rule_ctx *ctx, const struct yk_loc *loc, const char *fmt_uk,
            const char *fmt_en, ...)
{
    struct yk_emitter *em = ctx->em;
    ctx->count++;
    em->total++;
    if (ctx->kept >= em->limits->max_findings || em->nfindings >= em->limits->max_total_findings)
        return 0;
    if (em->nfindings == em->cap) {
        size_t cap = em->cap ? em->cap * 2 : 64;
        struct yk_finding *f = realloc(em->findings, cap * sizeof *f);
        if (!f)
            return em->rc = YK_ENOMEM;
        em->findings = f;
        uint64_t *s = realloc(em->seq, cap * sizeof *s);
        if (!s)
            return em->rc = YK_ENOMEM;
        em->seq = s;
        em->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt_en);
    char *uk = vformat(em->arena, fmt_uk, ap);
    va_end(ap);
    va_start(ap, fmt_en);
    char *en = vformat(em->arena, fmt_en, ap);
    va_end(ap);
    if (!uk || !en)
        return em->rc = YK_ENOMEM;
    struct yk_finding *f = &em->findings[em->nfindings];
    f->rule = ctx->rule;
    f->severity = ctx->severity;
    if (loc) {
        f->loc = *loc;
    } else {
        memset(&f->loc, 0, sizeof f->loc);
        f->loc.offset = YK_NO_OFFSET;
    }
    f->message_uk = uk;
    f->message_en = en;
    em->seq[em->nfindings] = ((uint64_t)ctx->index << 40) | ctx->kept;
    em->nfindings++;
    ctx->kept++;
    return 0;
}

int yk_emitter_fail(struct yk_emitter *em, const struct yk_rule_ctx *ctx, const char *cb, int rc,
                    const char *file, uint64_t line)
{
    if (em->rc < 0)
        return em->rc;
    return yk_error_set(em->err, rc == YK_ENOMEM ? YK_ENOMEM : YK_EINTERNAL, file, line, 0,
                        "rule %s failed in %s: %s", ctx->rule->id, cb, yk_err_name(rc));
}

/* --- setup and teardown -------------------------------------------------------------------- */

static int make_ctx(struct yk_emitter *em, struct yk_rule_ctx *c, const struct yk_rule *r,
                    size_t index)
{
    c->em = em;
    c->rule = r;
    c->index = index;
    c->severity = yk_profile_severity(em->profile, r);
    if (r->state_size && !(c->state = yk_arena_calloc(em->arena, 1, r->state_size)))
        return YK_ENOMEM;
    if (!r->nparams)
        return 0;
    c->params = yk_arena_calloc(em->arena, r->nparams, sizeof *c->params);
    if (!c->params)
        return YK_ENOMEM;
    for (size_t k = 0; k < r->nparams; k++)
        c->params[k] = yk_profile_param(em->profile, r, r->params[k].name);
    return 0;
}

int yk_emitter_start(struct yk_emitter *em, bool (*takes_part)(const struct yk_rule *rule),
                     const char *where)
{
    size_t n = yk_registry_count(em->registry);
    em->ctxs = yk_arena_calloc(em->arena, n ? n : 1, sizeof *em->ctxs);
    if (!em->ctxs)
        return yk_error_set(em->err, YK_ENOMEM, where, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule *r = yk_registry_rule(em->registry, i);
        if (!takes_part(r) || !yk_profile_enabled(em->profile, r))
            continue;
        if (make_ctx(em, &em->ctxs[em->nctx], r, i) < 0)
            return yk_error_set(em->err, YK_ENOMEM, where, 0, 0, "out of memory");
        em->nctx++;
    }
    for (size_t i = 0; i < em->nctx; i++) {
        struct yk_rule_ctx *c = &em->ctxs[i];
        int rc = c->rule->setup ? c->rule->setup(c) : 0;
        if (rc < 0 || em->rc < 0) {
            em->nctx = i + 1; /* only the rules set up so far are torn down */
            return yk_emitter_fail(em, c, "setup", rc, where, 0);
        }
    }
    return 0;
}

void yk_emitter_reset(struct yk_emitter *em)
{
    for (size_t i = 0; i < em->nctx; i++)
        em->ctxs[i].count = em->ctxs[i].kept = 0;
    em->nfindings = 0;
    em->total = 0;
}

void yk_emitter_fini(struct yk_emitter *em)
{
    if (!em)
        return;
    for (size_t i = 0; i < em->nctx; i++)
        if (em->ctxs[i].rule->teardown)
            em->ctxs[i].rule->teardown(&em->ctxs[i]);
    em->nctx = 0;
    free(em->findings);
    free(em->seq);
    em->findings = NULL;
    em->seq = NULL;
    em->nfindings = em->cap = 0;
}

/* --- the result ---------------------------------------------------------------------------- */

/* Position first (findings about the input as a whole lead), then rule order, then emission
 * order. */
static int cmp_finding(const struct yk_emitter *em, size_t a, size_t b)
{
    const struct yk_loc *x = &em->findings[a].loc, *y = &em->findings[b].loc;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->field != y->field)
        return x->field < y->field ? -1 : 1;
    return em->seq[a] < em->seq[b] ? -1 : em->seq[a] > em->seq[b];
}

/* A merge sort over an index, since qsort has no context argument in C11. */
static void sort_findings(const struct yk_emitter *em, size_t *idx, size_t *tmp, size_t lo,
                          size_t hi)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2;
    sort_findings(em, idx, tmp, lo, mid);
    sort_findings(em, idx, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = cmp_finding(em, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    memcpy(idx + lo, tmp + lo, (hi - lo) * sizeof *idx);
}

static int order_findings(struct yk_emitter *em, struct yk_emitted *out)
{
    size_t n = em->nfindings;
    struct yk_finding *f = yk_arena_calloc(em->arena, n ? n : 1, sizeof *f);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    int rc = 0;
    if (!f || !idx || !tmp) {
        rc = YK_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_findings(em, idx, tmp, 0, n);
    for (size_t i = 0; i < n; i++)
        f[i] = em->findings[idx[i]];
    out->findings = f;
    out->nfindings = n;
done:
    free(idx);
    free(tmp);
    return rc;
}

int yk_emitter_result(struct yk_emitter *em, struct yk_emitted *out)
{
    struct yk_emitted r = {0};
    if (order_findings(em, &r) < 0)
        return YK_ENOMEM;
    size_t nc = 0;
    for (size_t i = 0; i < em->nctx; i++)
        nc += em->ctxs[i].count > 0;
    struct yk_rule_count *counts = yk_arena_calloc(em->arena, nc ? nc : 1, sizeof *counts);
    if (!counts)
        return YK_ENOMEM;
    nc = 0;
    r.worst = YK_SEV_OFF;
    for (size_t i = 0; i < em->nctx; i++) {
        const struct yk_rule_ctx *c = &em->ctxs[i];
        if (!c->count)
            continue;
        counts[nc++] = (struct yk_rule_count){c->rule, c->severity, c->count, c->kept};
        if (c->severity > r.worst)
            r.worst = c->severity;
    }
    r.counts = counts;
    r.ncounts = nc;
    r.total = em->total;
    *out = r;
    return 0;
}
