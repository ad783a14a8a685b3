/* yakist — the runner: sets up the enabled rules for one file, feeds them the loader's row
 * stream through per-callback dispatch lists (cells through per-column watch lists built at
 * header time), collects findings with exact counts and capped examples, and orders them. */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yakist/check.h>

#include "loader.h"
#include "stack.h"

struct yk_rule_ctx {
    struct run *run;
    const struct yk_rule *rule;
    size_t index; /* registry index, for ordering */
    enum yk_severity severity;
    void *state;
    const char **params; /* resolved text, by descriptor index */
    uint64_t count, kept;
};

struct watch {
    struct yk_rule_ctx **ctx;
    size_t n, cap;
};

struct list {
    struct yk_rule_ctx **ctx;
    size_t n;
};

struct run {
    const struct yk_check_options *opt;
    struct yk_arena *arena;
    struct yk_source_info info;
    struct yk_rule_ctx *ctxs;
    size_t nctx;
    struct list header_rules, row_rules, event_rules, finish_rules;
    struct watch *cols; /* per column: rules watching it */
    size_t ncols;
    struct yk_row header;
    bool have_header;
    struct yk_finding *findings; /* malloc'ed while running */
    uint64_t *seq;               /* emission order, parallel to findings */
    size_t nfindings, cap;
    uint64_t total, rows;
    int rc; /* first hard failure (ENOMEM) from yk_emit */
    struct yk_error *err;
};

void yk_check_options_init(struct yk_check_options *opt, const struct yk_registry *registry)
{
    memset(opt, 0, sizeof *opt);
    opt->registry = registry;
    opt->header = -1;
    opt->timing = true;
    opt->limits.max_cell_bytes = 1u << 20;
    opt->limits.max_columns = 4096;
    opt->limits.max_findings = 100;
    opt->limits.max_total_findings = 100000;
    opt->limits.sniff_bytes = 64u * 1024u;
    opt->limits.max_depth = 64;
    opt->limits.max_decompressed_bytes = 4ull << 30;
    opt->limits.max_compression_ratio = 200;
}

/* --- the rule context ------------------------------------------------------------------- */

void *yk_ctx_state(struct yk_rule_ctx *ctx)
{
    return ctx->state;
}

struct yk_arena *yk_ctx_arena(struct yk_rule_ctx *ctx)
{
    return ctx->run->arena;
}

const struct yk_rule *yk_ctx_rule(const struct yk_rule_ctx *ctx)
{
    return ctx->rule;
}

const struct yk_source_info *yk_ctx_source(const struct yk_rule_ctx *ctx)
{
    return &ctx->run->info;
}

const struct yk_row *yk_ctx_header(const struct yk_rule_ctx *ctx)
{
    return ctx->run->have_header ? &ctx->run->header : NULL;
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

int yk_ctx_watch_column(struct yk_rule_ctx *ctx, size_t column)
{
    struct run *run = ctx->run;
    if (column >= run->ncols)
        return YK_EINVAL;
    struct watch *w = &run->cols[column];
    for (size_t i = 0; i < w->n; i++)
        if (w->ctx[i] == ctx)
            return 0;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 4;
        struct yk_rule_ctx **n = yk_arena_alloc(run->arena, cap * sizeof *n);
        if (!n)
            return YK_ENOMEM;
        if (w->n)
            memcpy(n, w->ctx, w->n * sizeof *n);
        w->ctx = n;
        w->cap = cap;
    }
    w->ctx[w->n++] = ctx;
    return 0;
}

int yk_emit(struct yk_rule_ctx *ctx, const struct yk_loc *loc, const char *fmt_uk,
            const char *fmt_en, ...)
{
    struct run *run = ctx->run;
    ctx->count++;
    run->total++;
    if (ctx->kept >= run->opt->limits.max_findings ||
        run->nfindings >= run->opt->limits.max_total_findings)
        return 0;
    if (run->nfindings == run->cap) {
        size_t cap = run->cap ? run->cap * 2 : 64;
        struct yk_finding *f = realloc(run->findings, cap * sizeof *f);
        if (!f)
            return run->rc = YK_ENOMEM;
        run->findings = f;
        uint64_t *s = realloc(run->seq, cap * sizeof *s);
        if (!s)
            return run->rc = YK_ENOMEM;
        run->seq = s;
        run->cap = cap;
    }
    va_list ap, ap2;
    va_start(ap, fmt_en);
    va_copy(ap2, ap);
    int nu = vsnprintf(NULL, 0, fmt_uk, ap);
    char *uk = nu < 0 ? NULL : yk_arena_alloc(run->arena, (size_t)nu + 1);
    if (uk)
        vsnprintf(uk, (size_t)nu + 1, fmt_uk, ap2);
    va_end(ap2);
    va_end(ap);
    va_start(ap, fmt_en);
    va_copy(ap2, ap);
    int ne = vsnprintf(NULL, 0, fmt_en, ap);
    char *en = ne < 0 ? NULL : yk_arena_alloc(run->arena, (size_t)ne + 1);
    if (en)
        vsnprintf(en, (size_t)ne + 1, fmt_en, ap2);
    va_end(ap2);
    va_end(ap);
    if (!uk || !en)
        return run->rc = YK_ENOMEM;
    struct yk_finding *f = &run->findings[run->nfindings];
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
    run->seq[run->nfindings] = ((uint64_t)ctx->index << 40) | ctx->kept;
    run->nfindings++;
    ctx->kept++;
    return 0;
}

/* --- the sink the loader pushes into --------------------------------------------------- */

static int fail_rule(struct run *run, struct yk_rule_ctx *ctx, const char *cb, int rc)
{
    if (run->rc < 0)
        return run->rc;
    return yk_error_set(run->err, rc == YK_ENOMEM ? YK_ENOMEM : YK_EINTERNAL, run->info.path, 0,
                        0, "rule %s failed in %s: %s", ctx->rule->id, cb, yk_err_name(rc));
}

static int sink_header(void *p, const struct yk_row *hdr)
{
    struct run *run = p;
    struct yk_cell *cells = yk_arena_calloc(run->arena, hdr->ncells ? hdr->ncells : 1,
                                            sizeof *cells);
    run->cols = yk_arena_calloc(run->arena, hdr->ncells ? hdr->ncells : 1, sizeof *run->cols);
    if (!cells || !run->cols)
        return YK_ENOMEM;
    for (size_t i = 0; i < hdr->ncells; i++) {
        cells[i] = hdr->cells[i];
        cells[i].data = yk_arena_strndup(run->arena, hdr->cells[i].data, hdr->cells[i].len);
        if (!cells[i].data)
            return YK_ENOMEM;
    }
    run->ncols = hdr->ncells;
    run->header = *hdr;
    run->header.cells = cells;
    run->have_header = true;
    for (size_t i = 0; i < run->header_rules.n; i++) {
        struct yk_rule_ctx *c = run->header_rules.ctx[i];
        int rc = c->rule->on_header(c, &run->header);
        if (rc < 0 || run->rc < 0)
            return fail_rule(run, c, "on_header", rc);
    }
    return 0;
}

static int sink_row(void *p, const struct yk_row *row)
{
    struct run *run = p;
    if (!(row->flags & YK_ROW_PREAMBLE))
        run->rows++;
    for (size_t i = 0; i < run->row_rules.n; i++) {
        struct yk_rule_ctx *c = run->row_rules.ctx[i];
        int rc = c->rule->on_row(c, row);
        if (rc < 0 || run->rc < 0)
            return fail_rule(run, c, "on_row", rc);
    }
    if (row->flags & (YK_ROW_PREAMBLE | YK_ROW_BLANK))
        return 0;
    size_t n = row->ncells < run->ncols ? row->ncells : run->ncols;
    for (size_t col = 0; col < n; col++) {
        const struct watch *w = &run->cols[col];
        for (size_t i = 0; i < w->n; i++) {
            int rc = w->ctx[i]->rule->on_cell(w->ctx[i], row, col);
            if (rc < 0 || run->rc < 0)
                return fail_rule(run, w->ctx[i], "on_cell", rc);
        }
    }
    return 0;
}

static int sink_event(void *p, const struct yk_event *ev)
{
    struct run *run = p;
    for (size_t i = 0; i < run->event_rules.n; i++) {
        struct yk_rule_ctx *c = run->event_rules.ctx[i];
        int rc = c->rule->on_event(c, ev);
        if (rc < 0 || run->rc < 0)
            return fail_rule(run, c, "on_event", rc);
    }
    return 0;
}

/* --- setup, ordering, result ---------------------------------------------------------- */

static int list_add(struct run *run, struct list *l, struct yk_rule_ctx *ctx)
{
    if (!l->ctx) {
        l->ctx = yk_arena_calloc(run->arena, run->nctx ? run->nctx : 1, sizeof *l->ctx);
        if (!l->ctx)
            return YK_ENOMEM;
    }
    l->ctx[l->n++] = ctx;
    return 0;
}

static int setup_rules(struct run *run)
{
    const struct yk_check_options *opt = run->opt;
    size_t n = yk_registry_count(opt->registry);
    run->ctxs = yk_arena_calloc(run->arena, n ? n : 1, sizeof *run->ctxs);
    if (!run->ctxs)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule *r = yk_registry_rule(opt->registry, i);
        bool file_level = r->on_header || r->on_row || r->on_cell || r->on_event || r->on_finish;
        if (!file_level || !yk_profile_enabled(opt->profile, r))
            continue;
        struct yk_rule_ctx *c = &run->ctxs[run->nctx++];
        c->run = run;
        c->rule = r;
        c->index = i;
        c->severity = yk_profile_severity(opt->profile, r);
        if (r->state_size && !(c->state = yk_arena_calloc(run->arena, 1, r->state_size)))
            return YK_ENOMEM;
        if (r->nparams) {
            c->params = yk_arena_calloc(run->arena, r->nparams, sizeof *c->params);
            if (!c->params)
                return YK_ENOMEM;
            for (size_t k = 0; k < r->nparams; k++)
                c->params[k] = yk_profile_param(opt->profile, r, r->params[k].name);
        }
    }
    for (size_t i = 0; i < run->nctx; i++) {
        struct yk_rule_ctx *c = &run->ctxs[i];
        int rc = 0;
        if (c->rule->setup && ((rc = c->rule->setup(c)) < 0 || run->rc < 0))
            return fail_rule(run, c, "setup", rc);
        if ((c->rule->on_header && (rc = list_add(run, &run->header_rules, c)) < 0) ||
            (c->rule->on_row && (rc = list_add(run, &run->row_rules, c)) < 0) ||
            (c->rule->on_event && (rc = list_add(run, &run->event_rules, c)) < 0) ||
            (c->rule->on_finish && (rc = list_add(run, &run->finish_rules, c)) < 0))
            return rc;
    }
    return 0;
}

static void teardown_rules(struct run *run)
{
    for (size_t i = 0; i < run->nctx; i++)
        if (run->ctxs[i].rule->teardown)
            run->ctxs[i].rule->teardown(&run->ctxs[i]);
}

/* Position first (file-level findings lead), then rule order, then emission order. */
static int cmp_finding(const void *a, const void *b, const struct run *run)
{
    const struct yk_finding *x = a, *y = b;
    if (x->loc.line != y->loc.line)
        return x->loc.line < y->loc.line ? -1 : 1;
    if (x->loc.row != y->loc.row)
        return x->loc.row < y->loc.row ? -1 : 1;
    if (x->loc.field != y->loc.field)
        return x->loc.field < y->loc.field ? -1 : 1;
    uint64_t sx = run->seq[x - run->findings], sy = run->seq[y - run->findings];
    return sx < sy ? -1 : sx > sy;
}

/* A merge sort over an index, since qsort has no context argument in C11. */
static void sort_findings(struct run *run, size_t *idx, size_t *tmp, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2;
    sort_findings(run, idx, tmp, lo, mid);
    sort_findings(run, idx, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = cmp_finding(&run->findings[idx[j]], &run->findings[idx[i]], run) < 0 ? idx[j++]
                                                                                         : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    memcpy(idx + lo, tmp + lo, (hi - lo) * sizeof *idx);
}

static int build_result(struct run *run, struct yk_file_result *res)
{
    size_t n = run->nfindings;
    struct yk_finding *out = yk_arena_calloc(run->arena, n ? n : 1, sizeof *out);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    int rc = 0;
    if (!out || !idx || !tmp) {
        rc = YK_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_findings(run, idx, tmp, 0, n);
    for (size_t i = 0; i < n; i++)
        out[i] = run->findings[idx[i]];
    res->findings = out;
    res->nfindings = n;

    size_t nc = 0;
    for (size_t i = 0; i < run->nctx; i++)
        nc += run->ctxs[i].count > 0;
    struct yk_rule_count *counts = yk_arena_calloc(run->arena, nc ? nc : 1, sizeof *counts);
    if (!counts) {
        rc = YK_ENOMEM;
        goto done;
    }
    nc = 0;
    res->worst = YK_SEV_OFF;
    for (size_t i = 0; i < run->nctx; i++) {
        const struct yk_rule_ctx *c = &run->ctxs[i];
        if (!c->count)
            continue;
        counts[nc++] = (struct yk_rule_count){c->rule, c->severity, c->count, c->kept};
        if (c->severity > res->worst)
            res->worst = c->severity;
    }
    res->counts = counts;
    res->ncounts = nc;
    res->total = run->total;
done:
    free(idx);
    free(tmp);
    return rc;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The loader the input stack chose from the content (or opt->format), NULL when the content
 * is not a table this build reads. The stack has already stacked the decoders on in. */
static const struct yk_loader *choose_loader(const struct yk_stack *stack)
{
    return stack->loader ? yk_loader_find(stack->loader) : NULL;
}

/* When nothing is loaded (a PDF, an image, a workbook ...), only the `format` family, which
 * reports on the input stack itself, has anything to say; row-level rules would only list
 * the absence of rows. */
static bool runs_unloaded(const struct yk_rule *rule)
{
    return strncmp(rule->id, "format.", 7) == 0;
}

static int check_input(struct yk_input *in, const char *path, const struct yk_check_options *opt,
                       struct yk_arena *arena, struct yk_file_result **out, struct yk_error *err)
{
    double t0 = opt->timing ? now_seconds() : 0;
    struct yk_file_result *res = yk_arena_calloc(arena, 1, sizeof *res);
    char *p = yk_arena_strdup(arena, path);
    if (!res || !p)
        return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
    res->path = p;
    res->readable = true;
    struct run run = {.opt = opt, .arena = arena, .err = err};
    run.info.path = p;
    run.info.format = "csv";
    run.info.encoding = "UTF-8";
    struct yk_stack stack;
    const struct yk_loader *loader = NULL;
    int rc = yk_stack_open(&stack, in, path, opt, &run.info, arena, err);
    if (rc < 0 && rc != YK_EIO)
        goto done;
    if (rc == 0 && !(loader = choose_loader(&stack)) && opt->format) {
        rc = yk_error_set(err, YK_EUNSUPPORTED, path, 0, 0, "no loader for format '%s'",
                          opt->format);
        goto done;
    }
    int src = rc;
    if ((rc = setup_rules(&run)) < 0)
        goto done;
    struct yk_sink sink = {&run, sink_header, sink_row, sink_event};
    rc = src < 0 ? src : loader ? loader->load(in, opt, &run.info, &sink, arena, err) : 0;
    run.info.input.loaded = loader && rc == 0;
    yk_stack_finish(&stack, &run.info);
    if (rc == YK_EIO) {
        res->readable = false;
        res->error = *err;
    } else if (rc < 0) {
        goto done;
    }
    for (size_t i = 0; rc == 0 && i < run.finish_rules.n; i++) {
        struct yk_rule_ctx *c = run.finish_rules.ctx[i];
        if (!run.info.input.loaded && !runs_unloaded(c->rule))
            continue;
        int r = c->rule->on_finish(c, &run.info);
        if (r < 0 || run.rc < 0)
            rc = fail_rule(&run, c, "on_finish", r);
    }
    if (rc < 0 && rc != YK_EIO)
        goto done;
    int brc = build_result(&run, res);
    if (brc < 0) {
        rc = yk_error_set(err, brc, path, 0, 0, "out of memory");
        goto done;
    }
    res->info = run.info;
    res->rows = run.rows;
    res->columns = run.info.columns;
    res->seconds = opt->timing ? now_seconds() - t0 : 0;
    *out = res;
done:
    teardown_rules(&run);
    free(run.findings);
    free(run.seq);
    return rc;
}

int yk_check_file(const char *path, const struct yk_check_options *opt, struct yk_arena *arena,
                  struct yk_file_result **out, struct yk_error *err)
{
    struct yk_input in;
    int rc = yk_input_open_file(&in, path, err);
    if (rc < 0) {
        struct yk_file_result *res = yk_arena_calloc(arena, 1, sizeof *res);
        if (!res || !(res->path = yk_arena_strdup(arena, path)))
            return yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        res->readable = false;
        res->error = *err;
        res->info.path = res->path;
        *out = res;
        return rc == YK_ENOMEM ? rc : YK_EIO;
    }
    rc = check_input(&in, path, opt, arena, out, err);
    yk_input_close(&in);
    return rc;
}

int yk_check_memory(const void *data, size_t len, const char *name,
                    const struct yk_check_options *opt, struct yk_arena *arena,
                    struct yk_file_result **out, struct yk_error *err)
{
    struct yk_input in;
    yk_input_open_memory(&in, data, len, name);
    int rc = check_input(&in, name, opt, arena, out, err);
    yk_input_close(&in);
    return rc;
}

bool yk_file_result_passes(const struct yk_file_result *r, enum yk_severity fail_on)
{
    if (!r->readable)
        return false;
    return fail_on == YK_SEV_OFF || r->worst < fail_on;
}
