/* yakist — the runner: sets up the enabled rules for one file, feeds them the loader's row
 * stream through per-callback dispatch lists (cells through per-column watch lists built at
 * header time); findings are collected and ordered by the shared collector (emit.c). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yakist/check.h>

#include "emit.h"
#include "loader.h"
#include "schema_run.h"
#include "stack.h"

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
    struct yk_emitter em; /* the rules' contexts and their findings */
    struct list header_rules, row_rules, event_rules, finish_rules;
    struct watch *cols; /* per column: rules watching it */
    size_t ncols;
    struct yk_row header;
    bool have_header;
    uint64_t rows;
    struct yk_error *err;
    struct yk_schema_run schema; /* the structure file checked against (schema_run.c) */
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

/* --- what only a file run can answer ------------------------------------------------------ */

/* The file run a context belongs to; NULL for the dataset and catalog scopes of an audit. */
static struct run *run_of(const struct yk_rule_ctx *ctx)
{
    return ctx->em->owner;
}

const struct yk_row *yk_ctx_header(const struct yk_rule_ctx *ctx)
{
    struct run *run = run_of(ctx);
    return run && run->have_header ? &run->header : NULL;
}

int yk_ctx_watch_column(struct yk_rule_ctx *ctx, size_t column)
{
    struct run *run = run_of(ctx);
    if (!run || column >= run->ncols)
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

/* --- the sink the loader pushes into --------------------------------------------------- */

static int fail_rule(struct run *run, struct yk_rule_ctx *ctx, const char *cb, int rc)
{
    return yk_emitter_fail(&run->em, ctx, cb, rc, run->info.path, 0);
}

static int sink_header(void *p, const struct yk_row *hdr)
{
    struct run *run = p;
    struct yk_cell *cells =
        yk_arena_calloc(run->arena, hdr->ncells ? hdr->ncells : 1, sizeof *cells);
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
        if (rc < 0 || run->em.rc < 0)
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
        c->checked++;
        int rc = c->rule->on_row(c, row);
        if (rc < 0 || run->em.rc < 0)
            return fail_rule(run, c, "on_row", rc);
    }
    if (row->flags & (YK_ROW_PREAMBLE | YK_ROW_BLANK))
        return 0;
    size_t n = row->ncells < run->ncols ? row->ncells : run->ncols;
    for (size_t col = 0; col < n; col++) {
        const struct watch *w = &run->cols[col];
        for (size_t i = 0; i < w->n; i++) {
            w->ctx[i]->checked++;
            int rc = w->ctx[i]->rule->on_cell(w->ctx[i], row, col);
            if (rc < 0 || run->em.rc < 0)
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
        if (rc < 0 || run->em.rc < 0)
            return fail_rule(run, c, "on_event", rc);
    }
    return 0;
}

/* --- setup, ordering, result ---------------------------------------------------------- */

static int list_add(struct run *run, struct list *l, struct yk_rule_ctx *ctx)
{
    if (!l->ctx) {
        size_t n = run->em.nctx;
        l->ctx = yk_arena_calloc(run->arena, n ? n : 1, sizeof *l->ctx);
        if (!l->ctx)
            return YK_ENOMEM;
    }
    l->ctx[l->n++] = ctx;
    return 0;
}

static bool file_level(const struct yk_rule *r)
{
    return r->on_header || r->on_row || r->on_cell || r->on_event || r->on_finish;
}

static int setup_rules(struct run *run)
{
    struct yk_emitter *em = &run->em;
    em->registry = run->opt->registry;
    em->profile = run->opt->profile;
    em->limits = &run->opt->limits;
    em->arena = run->arena;
    em->err = run->err;
    em->info = &run->info;
    em->schema = &run->schema;
    em->owner = run;
    int rc = yk_emitter_start(em, file_level, run->info.path);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < em->nctx; i++) {
        struct yk_rule_ctx *c = &em->ctxs[i];
        if ((c->rule->on_header && (rc = list_add(run, &run->header_rules, c)) < 0) ||
            (c->rule->on_row && (rc = list_add(run, &run->row_rules, c)) < 0) ||
            (c->rule->on_event && (rc = list_add(run, &run->event_rules, c)) < 0) ||
            (c->rule->on_finish && (rc = list_add(run, &run->finish_rules, c)) < 0))
            return rc;
    }
    return 0;
}

/* The rows or cells each row and cell rule was given: the denominators of the score. */
static int build_checked(struct run *run, struct yk_file_result *res)
{
    size_t n = 0;
    for (size_t i = 0; i < run->em.nctx; i++)
        n += run->em.ctxs[i].checked > 0;
    struct yk_rule_checked *c = yk_arena_calloc(run->arena, n ? n : 1, sizeof *c);
    if (!c)
        return YK_ENOMEM;
    n = 0;
    for (size_t i = 0; i < run->em.nctx; i++)
        if (run->em.ctxs[i].checked)
            c[n++] = (struct yk_rule_checked){run->em.ctxs[i].rule, run->em.ctxs[i].checked};
    res->checked = c;
    res->nchecked = n;
    return 0;
}

static int build_result(struct run *run, struct yk_file_result *res)
{
    struct yk_emitted e;
    int rc = yk_emitter_result(&run->em, &e);
    if (rc < 0 || (rc = build_checked(run, res)) < 0)
        return rc;
    res->findings = e.findings;
    res->nfindings = e.nfindings;
    res->counts = e.counts;
    res->ncounts = e.ncounts;
    res->worst = e.worst;
    res->total = e.total;
    return 0;
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

/* When nothing is loaded (a PDF, an image, a workbook ...), only families that report on the
 * input itself (the descriptor's without_rows) have anything to say; row-level rules would
 * only list the absence of rows. */
static bool runs_unloaded(const struct yk_registry *reg, const struct yk_rule *rule)
{
    const struct yk_family *fam = yk_registry_family_of(reg, rule);
    return fam && fam->without_rows;
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
    if (yk_schema_run_init(&run.schema, path, in->fd >= 0, opt, arena, err) < 0)
        return YK_ENOMEM;
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
        if (!run.info.input.loaded && !runs_unloaded(opt->registry, c->rule))
            continue;
        int r = c->rule->on_finish(c, &run.info);
        if (r < 0 || run.em.rc < 0)
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
    yk_schema_run_result(&run.schema, res);
    res->rows = run.rows;
    res->columns = run.info.columns;
    res->seconds = opt->timing ? now_seconds() - t0 : 0;
    *out = res;
done:
    yk_emitter_fini(&run.em);
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
        return rc == YK_ENOMEM || rc == YK_ENOTFOUND ? rc : YK_EIO;
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
