/* yakist — a Markdown summary that fits a pull-request comment (`--format markdown`): the
 * verdict, counts by severity, the files, the rules that fired most and the first findings
 * with their places; for an audit, the plan's KPIs against their targets and the publishers
 * doing worst. Everything from the data is escaped for Markdown and the HTML it allows. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/score.h>

#include "common.h"

#define TOP_RULES 10
#define FIRST_FINDINGS 20
#define MAX_FILES 50
#define WORST_PUBLISHERS 5

struct words {
    const char *check, *audit, *passed, *failed, *gate, *files[3], *unreadable, *file, *rows,
        *errors, *warnings, *infos, *result, *total, *top, *rule, *severity, *findings, *places,
        *in_datasets, *first, *more, *not_shown, *kpis, *indicator, *value, *target, *met, *not_met,
        *coverage, *beyond, *compliant, *on_time, *score, *worst, *publisher, *rank, *comply,
        *missing, *overdue, *change, *as_of, *none, *of, *targets_met, *catalog_level,
        *missing_list;
};

static const struct words uk = {
    .check = "yakist check",
    .audit = "Аудит відкритих даних",
    .passed = "пройдено",
    .failed = "не пройдено",
    .gate = "поріг",
    .files = {"файл", "файли", "файлів"},
    .unreadable = "не прочитано",
    .file = "файл",
    .rows = "рядків",
    .errors = "помилки",
    .warnings = "попередження",
    .infos = "зауваження",
    .result = "результат",
    .total = "усього",
    .top = "Найчастіші порушення",
    .rule = "правило",
    .severity = "серйозність",
    .findings = "знахідок",
    .places = "файлів",
    .in_datasets = "наборів",
    .first = "Перші знахідки",
    .more = "… і ще",
    .not_shown = "не показано",
    .kpis = "Показники плану",
    .indicator = "показник",
    .value = "значення",
    .target = "ціль",
    .met = "виконано",
    .not_met = "не виконано",
    .coverage = "Покриття Переліку (постанова № 835)",
    .beyond = "Набори даних понад Перелік",
    .compliant = "Відповідають рекомендаціям і стандартам",
    .on_time = "Оновлюються вчасно",
    .score = "Оцінка ради (0–100)",
    .worst = "Розпорядники з найнижчою оцінкою",
    .publisher = "розпорядник",
    .rank = "місце",
    .comply = "відповідають",
    .missing = "відсутні пункти",
    .overdue = "прострочені",
    .change = "зміна від",
    .as_of = "станом на",
    .none = "немає",
    .of = "з",
    .targets_met = "цілей плану виконано",
    .catalog_level = "каталог",
    .missing_list = "Відсутні пункти Переліку",
};

static const struct words en = {
    .check = "yakist check",
    .audit = "Open data audit",
    .passed = "passed",
    .failed = "failed",
    .gate = "gate",
    .files = {"file", "files", "files"},
    .unreadable = "unreadable",
    .file = "file",
    .rows = "rows",
    .errors = "errors",
    .warnings = "warnings",
    .infos = "info",
    .result = "result",
    .total = "total",
    .top = "Most frequent findings",
    .rule = "rule",
    .severity = "severity",
    .findings = "findings",
    .places = "files",
    .in_datasets = "datasets",
    .first = "First findings",
    .more = "… and",
    .not_shown = "not shown",
    .kpis = "Plan targets",
    .indicator = "indicator",
    .value = "value",
    .target = "target",
    .met = "met",
    .not_met = "not met",
    .coverage = "Coverage of the Resolution 835 list",
    .beyond = "Datasets beyond the list",
    .compliant = "Meet the recommendations and standards",
    .on_time = "Updated on time",
    .score = "Council score (0–100)",
    .worst = "Publishers with the lowest scores",
    .publisher = "publisher",
    .rank = "rank",
    .comply = "comply",
    .missing = "missing items",
    .overdue = "overdue",
    .change = "change since",
    .as_of = "as of",
    .none = "none",
    .of = "of",
    .targets_met = "plan targets met",
    .catalog_level = "catalog",
    .missing_list = "Missing items of the list",
};

static const struct words *words_of(const struct yk_report *rep)
{
    return rep->opt->lang == YK_LANG_EN ? &en : &uk;
}

/* A finding kept for the list at the end (the file's arena is gone by then). */
struct kept {
    char *where; /* path:line:column */
    const struct yk_rule *rule;
    enum yk_severity severity;
    char *message;
};

struct file_row {
    char *path;
    bool readable, passed;
    uint64_t rows, totals[4];
};

struct md_state {
    struct yk_rep_totals totals;
    struct kept kept[FIRST_FINDINGS];
    size_t nkept;
    uint64_t findings; /* over every file, exact */
    struct file_row files[MAX_FILES];
    size_t nfiles, more_files;
    uint64_t passed, failed, unreadable, sum[4];
    bool oom;
};

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s ? s : "", n);
    return p;
}

/* "path:line:column" with the parts known. */
static char *where_of(const char *path, uint64_t line, uint64_t column)
{
    size_t n = strlen(path) + 48;
    char *s = malloc(n);
    if (!s)
        return NULL;
    if (line && column)
        snprintf(s, n, "%s:%" PRIu64 ":%" PRIu64, path, line, column);
    else if (line)
        snprintf(s, n, "%s:%" PRIu64, path, line);
    else
        snprintf(s, n, "%s", path);
    return s;
}

static void keep(struct md_state *st, const struct yk_report *rep, const struct yk_finding *f,
                 const char *path, uint64_t line, uint64_t column)
{
    if (st->nkept == FIRST_FINDINGS)
        return;
    struct kept *k = &st->kept[st->nkept];
    k->where = where_of(path ? path : "", line, column);
    k->message = dup(yk_finding_message(f, rep->opt->lang));
    k->rule = f->rule;
    k->severity = f->severity;
    if (!k->where || !k->message) {
        free(k->where);
        free(k->message);
        st->oom = true;
        return;
    }
    st->nkept++;
}

static int md_begin(struct yk_report *rep)
{
    rep->state = calloc(1, sizeof(struct md_state));
    return rep->state ? 0 : YK_ENOMEM;
}

static int md_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct md_state *st = rep->state;
    struct file_row row = {.readable = r->readable};
    if (r->readable) {
        row.passed = yk_file_result_passes(r, rep->opt->fail_on);
        row.rows = r->rows;
        yk_rep_severity_sum(r->counts, r->ncounts, row.totals);
        for (int i = 0; i < 4; i++)
            st->sum[i] += row.totals[i];
        st->findings += r->total;
        if (yk_rep_totals_add(&st->totals, r->counts, r->ncounts) < 0)
            st->oom = true;
        for (size_t i = 0; i < r->nfindings; i++)
            keep(st, rep, &r->findings[i], r->path, r->findings[i].loc.line,
                 r->findings[i].loc.column);
    }
    st->unreadable += !r->readable;
    st->passed += r->readable && row.passed;
    st->failed += r->readable && !row.passed;
    if (st->nfiles == MAX_FILES) {
        st->more_files++;
        return 0;
    }
    row.path = dup(r->path);
    if (!row.path)
        return YK_ENOMEM;
    st->files[st->nfiles++] = row;
    return 0;
}

/* --- shared pieces ------------------------------------------------------------------------- */

static void put_code(FILE *out, const char *s)
{
    /* Inside a code span only a backtick matters; rule ids and paths rarely hold one. */
    fputc('`', out);
    for (; s && *s; s++)
        fputc(*s == '`' || *s == '\n' || *s == '\r' || *s == '|' ? '\'' : *s, out);
    fputc('`', out);
}

static void put_top(const struct yk_report *rep, struct yk_rep_totals *t, const char *places)
{
    const struct words *w = words_of(rep);
    if (!t->n)
        return;
    yk_rep_totals_sort(t);
    fprintf(rep->out, "\n### %s\n\n| %s | | %s | %s | %s |\n|---|---|---|---:|---:|\n", w->top,
            w->rule, w->severity, w->findings, places);
    for (size_t i = 0; i < t->n && i < TOP_RULES; i++) {
        const struct yk_rep_total *e = &t->v[i];
        fputs("| ", rep->out);
        put_code(rep->out, e->rule->id);
        fputs(" | ", rep->out);
        yk_esc_md(rep->out, yk_rep_rule_title(e->rule, rep->opt->lang));
        fprintf(rep->out, " | %s | %" PRIu64 " | ",
                yk_rep_severity_word(e->severity, rep->opt->lang), e->count);
        if (e->places || e->rule->scope != YK_SCOPE_CATALOG)
            fprintf(rep->out, "%zu |\n", e->places);
        else
            fprintf(rep->out, "%s |\n", w->catalog_level);
    }
    static const char *const rules_uk[] = {"правило", "правила", "правил"};
    static const char *const rules_en[] = {"more rule", "more rules", "more rules"};
    if (t->n > TOP_RULES)
        fprintf(rep->out, "\n%s %zu %s\n", w->more, t->n - TOP_RULES,
                yk_rep_plural(rep->opt->lang, t->n - TOP_RULES,
                              rep->opt->lang == YK_LANG_EN ? rules_en : rules_uk));
}

static void put_kept(const struct yk_report *rep, struct md_state *st, uint64_t total)
{
    const struct words *w = words_of(rep);
    if (!st->nkept)
        return;
    fprintf(rep->out, "\n### %s\n\n", w->first);
    for (size_t i = 0; i < st->nkept; i++) {
        const struct kept *k = &st->kept[i];
        fputs("- ", rep->out);
        put_code(rep->out, k->where);
        fprintf(rep->out, " **%s** ", yk_rep_severity_word(k->severity, rep->opt->lang));
        put_code(rep->out, k->rule ? k->rule->id : "?");
        fputs(" — ", rep->out);
        yk_esc_md(rep->out, k->message);
        fputc('\n', rep->out);
    }
    if (total > st->nkept)
        fprintf(rep->out, "\n%s %" PRIu64 " %s\n", w->more, total - st->nkept, w->not_shown);
}

static void state_free(struct md_state *st)
{
    for (size_t i = 0; i < st->nkept; i++) {
        free(st->kept[i].where);
        free(st->kept[i].message);
    }
    for (size_t i = 0; i < st->nfiles; i++)
        free(st->files[i].path);
    yk_rep_totals_fini(&st->totals);
    free(st);
}

static void put_files(const struct yk_report *rep, const struct md_state *st)
{
    const struct words *w = words_of(rep);
    fprintf(rep->out, "\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---|\n", w->file,
            w->rows, w->errors, w->warnings, w->infos, w->result);
    for (size_t i = 0; i < st->nfiles; i++) {
        const struct file_row *f = &st->files[i];
        fputs("| ", rep->out);
        put_code(rep->out, f->path);
        if (!f->readable) {
            fprintf(rep->out, " | | | | | ⚠️ %s |\n", w->unreadable);
            continue;
        }
        fprintf(rep->out, " | %" PRIu64 " | %" PRIu64 " | %" PRIu64 " | %" PRIu64 " | %s %s |\n",
                f->rows, f->totals[YK_SEV_ERROR], f->totals[YK_SEV_WARNING], f->totals[YK_SEV_INFO],
                f->passed ? "✅" : "❌", f->passed ? w->passed : w->failed);
    }
    if (st->more_files)
        fprintf(rep->out, "\n%s %zu %s\n", w->more, st->more_files,
                yk_rep_plural(rep->opt->lang, st->more_files, w->files));
}

static int md_end(struct yk_report *rep)
{
    struct md_state *st = rep->state;
    const struct words *w = words_of(rep);
    if (!st)
        return 0;
    bool ok = !st->failed && !st->unreadable;
    uint64_t n = st->passed + st->failed + st->unreadable;
    fprintf(rep->out, "## %s %s: %s\n\n", ok ? "✅" : "❌", w->check, ok ? w->passed : w->failed);
    fprintf(rep->out, "%" PRIu64 " %s: %s %" PRIu64 ", %s %" PRIu64 ", %s %" PRIu64 " (%s: %s)\n",
            n, yk_rep_plural(rep->opt->lang, n, w->files), w->passed, st->passed, w->failed,
            st->failed, w->unreadable, st->unreadable, w->gate,
            yk_rep_severity_word(rep->opt->fail_on, rep->opt->lang));
    fprintf(rep->out, "\n| | %s | %s | %s |\n|---|---:|---:|---:|\n", w->errors, w->warnings,
            w->infos);
    fprintf(rep->out, "| %s | %" PRIu64 " | %" PRIu64 " | %" PRIu64 " |\n", w->total,
            st->sum[YK_SEV_ERROR], st->sum[YK_SEV_WARNING], st->sum[YK_SEV_INFO]);
    put_files(rep, st);
    put_top(rep, &st->totals, w->places);
    put_kept(rep, st, st->findings);
    int rc = st->oom ? YK_ENOMEM : ferror(rep->out) ? YK_EIO : 0;
    state_free(st);
    rep->state = NULL;
    return rc;
}

/* --- an audit ------------------------------------------------------------------------------ */

static void put_kpi(const struct yk_report *rep, const char *plan, const char *label,
                    const char *value, const char *target, int met)
{
    const struct words *w = words_of(rep);
    fprintf(rep->out, "| %s | %s | %s | %s | %s%s |\n", plan, label, value, target,
            met < 0 ? ""
            : met   ? "✅ "
                    : "❌ ",
            met < 0 ? ""
            : met   ? w->met
                    : w->not_met);
}

static void put_kpis(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    const struct yk_kpis *k = &a->kpis;
    enum yk_lang lang = rep->opt->lang;
    char v[96], pm[24];
    int met = (k->coverage_pm >= 1000) + (k->extra_datasets >= 3) + (k->compliant_pm >= 850);
    fprintf(rep->out, "%s %d %s 3 %s\n\n", met == 3 ? "✅" : "❌", met, w->of, w->targets_met);
    fprintf(rep->out, "| | %s | %s | %s | |\n|---|---|---:|---:|---|\n", w->indicator, w->value,
            w->target);
    snprintf(v, sizeof v, "%zu %s %zu (%s %%)", k->items_covered, w->of, k->items_applicable,
             yk_rep_pm(pm, k->coverage_pm, lang));
    put_kpi(rep, "6.2", w->coverage, v, "100 %", k->coverage_pm >= 1000);
    snprintf(v, sizeof v, "%zu", k->extra_datasets);
    put_kpi(rep, "6.3", w->beyond, v, "≥ 3", k->extra_datasets >= 3);
    snprintf(v, sizeof v, "%zu %s %zu (%s %%)", k->compliant, w->of, k->datasets,
             yk_rep_pm(pm, k->compliant_pm, lang));
    put_kpi(rep, "7.2", w->compliant, v, "≥ 85 %", k->compliant_pm >= 850);
    snprintf(v, sizeof v, "%zu %s %zu (%s %%)", k->on_time, w->of, k->datasets,
             yk_rep_pm(pm, k->on_time_pm, lang));
    put_kpi(rep, "", w->on_time, v, "", -1);
    if (a->score.scored) {
        snprintf(v, sizeof v, "%s", yk_rep_pm(pm, a->score.pm, lang));
        put_kpi(rep, "", w->score, v, "", -1);
    }
}

/* The bottom of the rating: scored publishers, lowest first. */
static int put_worst(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    enum yk_lang lang = rep->opt->lang;
    const struct yk_rating_entry *e = rep->rating;
    size_t n = rep->nrating, shown = 0;
    struct yk_arena *arena = NULL;
    char pm[24], cpm[24];
    if (!e) {
        struct yk_rating_entry *own = NULL;
        arena = yk_arena_create(0);
        if (!arena || yk_audit_rating(a, arena, &own, &n, NULL) < 0) {
            yk_arena_destroy(arena);
            return YK_ENOMEM;
        }
        e = own;
    }
    bool changes = rep->previous_quarter != NULL; /* the history has a quarter before */
    fprintf(rep->out, "\n### %s\n\n| %s | %s | %s | %s | %s | %s |", w->worst, w->rank,
            w->publisher, lang == YK_LANG_EN ? "score" : "оцінка", w->comply, w->missing,
            w->overdue);
    if (changes)
        fprintf(rep->out, " %s %s |", w->change, rep->previous_quarter);
    fprintf(rep->out, "\n|---:|---|---:|---:|---:|---:|%s\n", changes ? "---:|" : "");
    for (size_t i = n; i-- > 0 && shown < WORST_PUBLISHERS;) {
        if (!e[i].scored)
            continue;
        fprintf(rep->out, "| %u | ", e[i].rank);
        yk_esc_md(rep->out, e[i].name);
        fprintf(rep->out, " | %s | %zu %s %zu (%s %%) | %zu | %zu |",
                yk_rep_pm(pm, e[i].score_pm, lang), e[i].compliant, w->of, e[i].datasets,
                yk_rep_pm(cpm, e[i].compliant_pm, lang), e[i].missing, e[i].overdue);
        if (changes && !e[i].has_previous)
            fprintf(rep->out, " %s |", lang == YK_LANG_EN ? "new" : "нове");
        if (changes && e[i].has_previous) {
            int d = e[i].delta_pm;
            fprintf(rep->out, " %s%s |",
                    d > 0   ? "▲ +"
                    : d < 0 ? "▼ −"
                            : "= ",
                    yk_rep_pm(pm, (unsigned)(d < 0 ? -d : d), lang));
        }
        fputc('\n', rep->out);
        shown++;
    }
    yk_arena_destroy(arena);
    return 0;
}

struct audit_walk {
    struct md_state *st;
    const struct yk_report *rep;
    const struct yk_audit_result *a;
};

static int audit_site(void *ctx, const struct yk_rep_site *site, const struct yk_finding *fs,
                      size_t nfs, const struct yk_rule_count *counts, size_t ncounts)
{
    struct audit_walk *aw = ctx;
    if (!site->dataset)
        return 0; /* the catalog's own: the missing items, listed on their own */
    for (size_t i = 0; i < ncounts; i++)
        aw->st->findings += counts[i].count;
    for (size_t i = 0; i < nfs && aw->st->nkept < FIRST_FINDINGS; i++) {
        const char *path;
        uint64_t line, column;
        yk_rep_where(aw->a, site, &fs[i], &path, &line, &column);
        keep(aw->st, aw->rep, &fs[i], path, line, column);
    }
    return 0;
}

/* "Missing items of the list: 40 — all.1, all.3 … and 30 more" */
static void put_missing(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    size_t n = 0, shown = 0;
    for (size_t i = 0; i < a->nitems; i++)
        n += a->items[i].state == YK_ITEM_MISSING;
    if (!n)
        return;
    fprintf(rep->out, "\n**%s: %zu** — ", w->missing_list, n);
    for (size_t i = 0; i < a->nitems && shown < TOP_RULES; i++) {
        if (a->items[i].state != YK_ITEM_MISSING)
            continue;
        fputs(shown++ ? ", " : "", rep->out);
        put_code(rep->out, a->items[i].item->key);
    }
    if (n > shown)
        fprintf(rep->out, " %s %zu", w->more, n - shown);
    fputc('\n', rep->out);
}

static int md_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    struct md_state *st = calloc(1, sizeof *st);
    if (!st)
        return YK_ENOMEM;
    struct audit_walk aw = {st, rep, a};
    fprintf(rep->out, "## %s — ", w->audit);
    yk_esc_md(rep->out, a->council ? a->council->name : a->catalog->root);
    fprintf(rep->out, ", %s %s\n\n", w->as_of, a->as_of);
    put_kpis(rep, a);
    int rc = put_worst(rep, a);
    if (rc == 0)
        rc = yk_rep_audit_totals(a, &st->totals);
    if (rc == 0) {
        put_top(rep, &st->totals, w->in_datasets);
        put_missing(rep, a);
        rc = yk_rep_walk_audit(a, audit_site, &aw);
    }
    if (rc == 0)
        put_kept(rep, st, st->findings);
    if (rc == 0 && st->oom)
        rc = YK_ENOMEM;
    state_free(st);
    return rc < 0 ? rc : ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_markdown = {
    .name = "markdown",
    .description = "a summary for a pull-request comment",
    .begin = md_begin,
    .file = md_file,
    .audit = md_audit,
    .end = md_end,
};
