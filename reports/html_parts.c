/* yakist — the parts of the HTML dashboard drawn from the whole audit: the publishers' scores
 * as an SVG bar chart with the 85 % line, the quarter-by-quarter trends from the history, the
 * heatmap of rule families × publishers, and the drill-down per publisher and dataset whose
 * findings link to the reference of their rules. Everything from the data is escaped. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

#define NAME_CUT 42        /* code points of a name in a chart */
#define FINDINGS_SHOWN 100 /* findings listed per dataset */

/* --- the bar chart --------------------------------------------------------------------------- */

#define BAR_LABEL 372 /* right edge of the names */
#define BAR_X 384     /* where 0 is */
#define BAR_W 540     /* the width of 100 */
#define BAR_ROW 30
#define BAR_TOP 30

static size_t index_of_key(const struct yk_audit_result *a, const char *key)
{
    for (size_t i = 0; key && i < a->npublishers; i++) {
        const struct yk_publisher *p = a->publishers[i].publisher;
        if ((p->id && strcmp(p->id, key) == 0) || (!p->id && p->name && strcmp(p->name, key) == 0))
            return i;
    }
    return SIZE_MAX;
}

static const char *score_colour(unsigned pm)
{
    return pm >= 850 ? "#1e8a4c" : pm >= 600 ? "#d09a17" : "#c23b31";
}

static void put_bar(const struct html_page *pg, const struct yk_rating_entry *e, size_t row)
{
    char cut[4 * NAME_CUT + 8], buf[24];
    unsigned y = BAR_TOP + (unsigned)row * BAR_ROW;
    size_t k = index_of_key(pg->a, e->key);
    fputs("<g data-publisher=\"", pg->out);
    html_text(pg, e->key);
    fprintf(pg->out, "\" data-score=\"%d\">", e->scored ? (int)e->score_pm : -1);
    if (k != SIZE_MAX)
        fprintf(pg->out, "<a href=\"#pub-%zu\">", k);
    fputs("<title>", pg->out);
    html_text(pg, e->name);
    fprintf(pg->out, ": %s</title>", e->scored ? html_pm(pg, buf, e->score_pm) : pg->w->not_scored);
    fprintf(pg->out,
            "<text x=\"%d\" y=\"%u\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2430\">",
            BAR_LABEL, y + 19);
    html_text(pg, html_cut(cut, e->name, NAME_CUT));
    fputs("</text>", pg->out);
    if (e->scored) {
        unsigned wd = e->score_pm * BAR_W / 1000;
        fprintf(pg->out,
                "<rect x=\"%d\" y=\"%u\" width=\"%u\" height=\"20\" rx=\"3\" fill=\"%s\"/>", BAR_X,
                y + 5, wd ? wd : 1, score_colour(e->score_pm));
        fprintf(pg->out,
                "<text x=\"%u\" y=\"%u\" font-size=\"13\" font-weight=\"600\" "
                "fill=\"#1d2430\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">%s"
                "</text>",
                BAR_X + wd + 6, y + 19, html_pm(pg, buf, e->score_pm));
    } else {
        fprintf(pg->out, "<text x=\"%d\" y=\"%u\" font-size=\"13\" fill=\"#5b6678\">%s</text>",
                BAR_X + 4, y + 19, pg->w->not_scored);
    }
    fputs(k != SIZE_MAX ? "</a></g>\n" : "</g>\n", pg->out);
}

void html_bars(const struct html_page *pg)
{
    size_t n = pg->nrating;
    unsigned h = BAR_TOP + (unsigned)n * BAR_ROW + 26, bottom = BAR_TOP + (unsigned)n * BAR_ROW;
    unsigned line = BAR_X + 850 * BAR_W / 1000;
    fprintf(pg->out,
            "<svg class=\"chart\" viewBox=\"0 0 1000 %u\" role=\"img\" aria-label=\"%s\">\n", h,
            pg->w->bars);
    for (unsigned t = 0; t <= 100; t += 25) {
        unsigned x = BAR_X + t * BAR_W / 100;
        fprintf(pg->out,
                "<line x1=\"%u\" y1=\"%d\" x2=\"%u\" y2=\"%u\" stroke=\"#e6e9ef\"/>"
                "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\" font-size=\"11\" "
                "fill=\"#5b6678\">%u</text>\n",
                x, BAR_TOP, x, bottom, x, bottom + 16, t);
    }
    /* The target line under the bars, so the scores written beside them stay readable. */
    fprintf(pg->out,
            "<line x1=\"%u\" y1=\"%d\" x2=\"%u\" y2=\"%u\" stroke=\"#c23b31\" "
            "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            "<text x=\"%u\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
            "font-weight=\"600\" fill=\"#c23b31\">85 %%</text>\n",
            line, BAR_TOP - 6, line, bottom, line, BAR_TOP - 10);
    for (size_t i = 0; i < n; i++)
        put_bar(pg, &pg->rating[i], i);
    fputs("</svg>\n", pg->out);
}

/* --- trends ----------------------------------------------------------------------------------- */

#define TR_X0 70
#define TR_X1 900
#define TR_Y0 24  /* 100 % */
#define TR_Y1 254 /* 0 % */

struct series {
    const char *label_uk, *label_en, *colour;
    unsigned (*value)(const struct yk_history_run *r);
};

static unsigned v_coverage(const struct yk_history_run *r)
{
    return r->coverage_pm;
}
static unsigned v_compliant(const struct yk_history_run *r)
{
    return r->compliant_pm;
}
static unsigned v_on_time(const struct yk_history_run *r)
{
    return r->on_time_pm;
}
static unsigned v_score(const struct yk_history_run *r)
{
    return r->scored ? r->score_pm : 0;
}

static const struct series series[] = {
    {"Покриття Переліку", "List coverage", "#1f5fae", v_coverage},
    {"Відповідають стандартам", "Compliant", "#1e8a4c", v_compliant},
    {"Вчасно оновлені", "On time", "#d09a17", v_on_time},
    {"Оцінка ради", "Council score", "#7b3fa0", v_score},
};
#define NSERIES (sizeof series / sizeof series[0])

static unsigned tr_x(size_t i, size_t n)
{
    return n < 2 ? (TR_X0 + TR_X1) / 2 : TR_X0 + (unsigned)(i * (TR_X1 - TR_X0) / (n - 1));
}

static unsigned tr_y(unsigned pm)
{
    return TR_Y1 - (pm > 1000 ? 1000 : pm) * (TR_Y1 - TR_Y0) / 1000;
}

static void put_grid(const struct html_page *pg)
{
    for (unsigned t = 0; t <= 100; t += 25)
        fprintf(pg->out,
                "<line x1=\"%d\" y1=\"%u\" x2=\"%d\" y2=\"%u\" stroke=\"#e6e9ef\"/>"
                "<text x=\"%d\" y=\"%u\" text-anchor=\"end\" font-size=\"11\" "
                "fill=\"#5b6678\">%u %%</text>\n",
                TR_X0 - 20, tr_y(t * 10), TR_X1 + 20, tr_y(t * 10), TR_X0 - 26, tr_y(t * 10) + 4,
                t);
    fprintf(pg->out,
            "<line x1=\"%d\" y1=\"%u\" x2=\"%d\" y2=\"%u\" stroke=\"#c23b31\" "
            "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%u\" font-size=\"11\" "
            "fill=\"#c23b31\">85 %%</text>\n",
            TR_X0 - 20, tr_y(850), TR_X1 + 20, tr_y(850), TR_X0 - 16, tr_y(850) - 5);
    for (size_t i = 0; i < pg->nruns; i++)
        fprintf(pg->out,
                "<text x=\"%u\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                "fill=\"#1d2430\">%s</text>\n",
                tr_x(i, pg->nruns), TR_Y1 + 22, pg->runs[i].quarter ? pg->runs[i].quarter : "");
}

static void put_series(const struct html_page *pg, const struct series *s)
{
    char buf[24];
    const char *label = pg->lang == YK_LANG_EN ? s->label_en : s->label_uk;
    fprintf(pg->out, "<g data-series=\"%s\">", label);
    if (pg->nruns > 1) {
        fprintf(pg->out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"",
                s->colour);
        for (size_t i = 0; i < pg->nruns; i++)
            fprintf(pg->out, "%s%u,%u", i ? " " : "", tr_x(i, pg->nruns),
                    tr_y(s->value(&pg->runs[i])));
        fputs("\"/>", pg->out);
    }
    for (size_t i = 0; i < pg->nruns; i++) {
        unsigned v = s->value(&pg->runs[i]);
        fprintf(pg->out,
                "<circle cx=\"%u\" cy=\"%u\" r=\"4.5\" fill=\"%s\"><title>%s, %s: %s %%"
                "</title></circle>",
                tr_x(i, pg->nruns), tr_y(v), s->colour, label,
                pg->runs[i].quarter ? pg->runs[i].quarter : "", html_pm(pg, buf, v));
    }
    fputs("</g>\n", pg->out);
}

/* Labels at the last quarter, pushed apart so they do not overlap. */
static void put_last_labels(const struct html_page *pg, size_t nseries)
{
    unsigned y[NSERIES];
    size_t order[NSERIES];
    const struct yk_history_run *last = &pg->runs[pg->nruns - 1];
    char buf[24];
    for (size_t i = 0; i < nseries; i++) {
        y[i] = tr_y(series[i].value(last)) + 4;
        order[i] = i;
    }
    for (size_t i = 1; i < nseries; i++)
        for (size_t j = i; j > 0 && y[order[j]] < y[order[j - 1]]; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (size_t i = 1; i < nseries; i++)
        if (y[order[i]] < y[order[i - 1]] + 14)
            y[order[i]] = y[order[i - 1]] + 14;
    for (size_t i = 0; i < nseries; i++)
        fprintf(pg->out,
                "<text x=\"%u\" y=\"%u\" font-size=\"12\" font-weight=\"600\" "
                "fill=\"%s\">%s</text>\n",
                tr_x(pg->nruns - 1, pg->nruns) + 10, y[i], series[i].colour,
                html_pm(pg, buf, series[i].value(last)));
}

static void put_trend_table(const struct html_page *pg, size_t nseries)
{
    char buf[24];
    fprintf(pg->out, "<table class=\"trend\">\n<thead><tr><th>%s</th><th>%s</th>",
            pg->lang == YK_LANG_EN ? "Quarter" : "Квартал",
            pg->lang == YK_LANG_EN ? "As of" : "Станом на");
    for (size_t i = 0; i < nseries; i++)
        fprintf(pg->out, "<th class=\"n\">%s</th>",
                pg->lang == YK_LANG_EN ? series[i].label_en : series[i].label_uk);
    fprintf(pg->out, "<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
            pg->lang == YK_LANG_EN ? "Datasets" : "Наборів");
    for (size_t r = 0; r < pg->nruns; r++) {
        const struct yk_history_run *run = &pg->runs[r];
        fprintf(pg->out, "<tr data-quarter=\"%s\"><td>%s</td><td>%s</td>",
                run->quarter ? run->quarter : "", run->quarter ? run->quarter : "",
                run->as_of ? run->as_of : "");
        for (size_t i = 0; i < nseries; i++)
            fprintf(pg->out, "<td class=\"n\">%s %%</td>", html_pm(pg, buf, series[i].value(run)));
        fprintf(pg->out, "<td class=\"n\">%zu</td></tr>\n", run->datasets);
    }
    fputs("</tbody>\n</table>\n", pg->out);
}

void html_trends(const struct html_page *pg)
{
    size_t nseries = NSERIES;
    fprintf(pg->out, "<section id=\"trends\">\n<h2>%s</h2>\n", pg->w->trends);
    if (!pg->nruns) {
        fprintf(pg->out, "<p class=\"note\" data-history=\"none\">%s</p>\n</section>\n",
                pg->w->no_history);
        return;
    }
    for (size_t i = 0; i < pg->nruns; i++)
        if (!pg->runs[i].scored)
            nseries = NSERIES - 1; /* the score series is last: left out when not known */
    if (pg->nruns == 1)
        fprintf(pg->out, "<p class=\"note\" data-history=\"one\">%s</p>\n", pg->w->one_run);
    fprintf(pg->out,
            "<svg class=\"chart\" viewBox=\"0 0 1000 290\" role=\"img\" "
            "aria-label=\"%s\">\n",
            pg->w->trends);
    put_grid(pg);
    for (size_t i = 0; i < nseries; i++)
        put_series(pg, &series[i]);
    put_last_labels(pg, nseries);
    fputs("</svg>\n<ul class=\"legend\">", pg->out);
    for (size_t i = 0; i < nseries; i++)
        fprintf(pg->out, "<li><i style=\"background:%s\"></i>%s</li>", series[i].colour,
                pg->lang == YK_LANG_EN ? series[i].label_en : series[i].label_uk);
    fputs("</ul>\n", pg->out);
    put_trend_table(pg, nseries);
    fputs("</section>\n", pg->out);
}

/* --- the heatmap ------------------------------------------------------------------------------ */

static size_t family_of(const struct yk_registry *reg, const struct yk_rule *rule)
{
    for (size_t i = 0; i < yk_registry_family_count(reg); i++) {
        const char *name = yk_registry_family(reg, i)->name;
        size_t n = strlen(name);
        if (strncmp(rule->id, name, n) == 0 && rule->id[n] == '.')
            return i;
    }
    return SIZE_MAX;
}

static void add_counts(const struct yk_registry *reg, uint64_t *row, const struct yk_rule_count *c,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t f = c[i].rule ? family_of(reg, c[i].rule) : SIZE_MAX;
        if (f != SIZE_MAX)
            row[f] += c[i].count;
    }
}

static const char *heat_class(uint64_t v, uint64_t max)
{
    uint64_t pc = max ? v * 100 / max : 0;
    return !v ? "h0" : pc <= 10 ? "h1" : pc <= 25 ? "h2" : pc <= 50 ? "h3" : pc <= 75 ? "h4" : "h5";
}

static void put_heat_row(const struct html_page *pg, const char *name, const uint64_t *row,
                         const bool *used, size_t nf, uint64_t max)
{
    const struct yk_registry *reg = pg->rep->registry;
    uint64_t total = 0;
    fputs("<tr><th>", pg->out);
    html_text(pg, name);
    fputs("</th>", pg->out);
    for (size_t f = 0; f < nf; f++) {
        if (!used[f])
            continue;
        total += row[f];
        fprintf(pg->out, "<td class=\"h %s\" title=\"", heat_class(row[f], max));
        html_text(pg, name);
        fprintf(pg->out, " · %s: %" PRIu64 "\">%" PRIu64 "</td>", yk_registry_family(reg, f)->name,
                row[f], row[f]);
    }
    fprintf(pg->out, "<td class=\"n\"><strong>%" PRIu64 "</strong></td></tr>\n", total);
}

int html_heatmap(const struct html_page *pg)
{
    const struct yk_audit_result *a = pg->a;
    const struct yk_registry *reg = pg->rep->registry;
    size_t nf = reg ? yk_registry_family_count(reg) : 0, np = a->npublishers + 1;
    fprintf(pg->out, "<section id=\"heatmap\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n",
            pg->w->heatmap, pg->w->heatmap_note);
    uint64_t *m = calloc(np * (nf ? nf : 1), sizeof *m);
    bool *used = calloc(nf ? nf : 1, sizeof *used);
    if (!m || !used) {
        free(m);
        free(used);
        return YK_ENOMEM;
    }
    for (size_t i = 0; nf && i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        size_t p = html_publisher_index(a, dr->publisher);
        uint64_t *row = m + (p == SIZE_MAX ? a->npublishers : p) * nf;
        add_counts(reg, row, dr->counts, dr->ncounts);
        for (size_t j = 0; j < dr->dataset->nresources; j++)
            if (dr->resources[j])
                add_counts(reg, row, dr->resources[j]->counts, dr->resources[j]->ncounts);
    }
    uint64_t max = 0;
    bool any = false, orphans = false;
    for (size_t p = 0; p < np; p++)
        for (size_t f = 0; f < nf; f++) {
            uint64_t v = m[p * nf + f];
            used[f] |= v > 0;
            any |= v > 0;
            orphans |= p == a->npublishers && v > 0;
            max = v > max ? v : max;
        }
    if (!any) {
        fprintf(pg->out, "<p>%s</p>\n", pg->w->no_findings);
    } else {
        fprintf(pg->out, "<table class=\"heat\">\n<thead><tr><th>%s</th>", pg->w->publisher);
        for (size_t f = 0; f < nf; f++) {
            const struct yk_family *fam = yk_registry_family(reg, f);
            if (!used[f])
                continue;
            fputs("<th class=\"n\" title=\"", pg->out);
            html_text(pg, pg->lang == YK_LANG_EN ? fam->title_en : fam->title_uk);
            fputs("\"><code>", pg->out);
            html_text(pg, fam->name);
            fputs("</code></th>", pg->out);
        }
        fprintf(pg->out, "<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
                pg->lang == YK_LANG_EN ? "Total" : "Усього");
        for (size_t i = 0; i < pg->nrating; i++) {
            size_t p = index_of_key(a, pg->rating[i].key);
            if (p != SIZE_MAX)
                put_heat_row(pg, pg->rating[i].name, m + p * nf, used, nf, max);
        }
        if (orphans)
            put_heat_row(pg, pg->w->no_publisher, m + a->npublishers * nf, used, nf, max);
        fputs("</tbody>\n</table>\n", pg->out);
    }
    fputs("</section>\n", pg->out);
    free(m);
    free(used);
    return 0;
}

/* --- the drill-down --------------------------------------------------------------------------- */

static void put_stars(const struct html_page *pg, unsigned stars)
{
    fprintf(pg->out, "<span class=\"stars\" title=\"%u/5\">", stars);
    for (unsigned i = 0; i < 5; i++)
        fputs(i < stars ? "★" : "☆", pg->out);
    fputs("</span>", pg->out);
}

static void put_rule_link(const struct html_page *pg, const struct yk_rule *r)
{
    fputs("<a class=\"rule\" href=\"#rule-", pg->out);
    html_text(pg, r ? r->id : "");
    fputs("\">", pg->out);
    html_text(pg, r ? r->id : "?");
    fputs("</a>", pg->out);
}

static void put_finding(const struct html_page *pg, const struct yk_rep_site *site,
                        const struct yk_finding *f)
{
    const char *path;
    uint64_t line, column;
    unsigned sev = f->severity <= YK_SEV_ERROR ? f->severity : YK_SEV_ERROR;
    yk_rep_where(pg->a, site, f, &path, &line, &column);
    fprintf(pg->out, "<li><span class=\"sev sev-%s\">%s</span> ", yk_severity_name(sev),
            pg->w->sev[sev]);
    put_rule_link(pg, f->rule);
    fputs(" <span class=\"loc\">", pg->out);
    html_text(pg, path);
    if (line)
        fprintf(pg->out, ":%" PRIu64, line);
    if (line && column)
        fprintf(pg->out, ":%" PRIu64, column);
    fputs("</span> ", pg->out);
    html_text(pg, yk_finding_message(f, pg->lang));
    fputs("</li>\n", pg->out);
}

static uint64_t total_of(const struct yk_rule_count *c, size_t n)
{
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++)
        t += c[i].count;
    return t;
}

/* The dataset's own findings, then each resource's, at most FINDINGS_SHOWN in all. */
static void put_findings(const struct html_page *pg, const struct yk_dataset_result *dr)
{
    const struct yk_dataset *d = dr->dataset;
    uint64_t total = total_of(dr->counts, dr->ncounts);
    size_t shown = 0;
    struct yk_rep_site site = {.dataset = dr};
    for (size_t j = 0; j < d->nresources; j++)
        if (dr->resources[j] && dr->resources[j]->readable)
            total += total_of(dr->resources[j]->counts, dr->resources[j]->ncounts);
    fprintf(pg->out, "<h3>%s: %" PRIu64 "</h3>\n", pg->w->findings, total);
    if (!total)
        return;
    fputs("<ul class=\"findings\">\n", pg->out);
    for (size_t i = 0; i < dr->nfindings && shown < FINDINGS_SHOWN; i++, shown++)
        put_finding(pg, &site, &dr->findings[i]);
    for (size_t j = 0; j < d->nresources; j++) {
        const struct yk_file_result *f = dr->resources[j];
        if (!f || !f->readable)
            continue;
        site = (struct yk_rep_site){.dataset = dr, .file = f, .resource = j};
        for (size_t i = 0; i < f->nfindings && shown < FINDINGS_SHOWN; i++, shown++)
            put_finding(pg, &site, &f->findings[i]);
    }
    fputs("</ul>\n", pg->out);
    if (total > shown)
        fprintf(pg->out, "<p class=\"note\">%s %" PRIu64 "</p>\n", pg->w->more, total - shown);
}

static const char *location_word(const struct html_words *w, enum yk_resource_location loc)
{
    switch (loc) {
    case YK_RES_LOCAL:
        return w->local;
    case YK_RES_REMOTE:
        return w->remote;
    case YK_RES_ESCAPES:
        return w->escapes;
    case YK_RES_MISSING:
        return w->absent;
    case YK_RES_INVALID:
        break;
    }
    return w->invalid;
}

static void put_resource(const struct html_page *pg, const struct yk_resource *r,
                         const struct yk_file_result *f)
{
    fputs("<tr><td>", pg->out);
    html_text(pg, r->name ? r->name : r->id);
    fputs("</td><td>", pg->out);
    html_text(pg, r->format);
    fputs("</td><td class=\"loc\">", pg->out);
    html_text(pg, r->path ? r->path : r->url);
    fprintf(pg->out, "</td><td>%s</td><td>", location_word(pg->w, r->location));
    if (!f) {
        fputs(pg->w->not_checked, pg->out);
    } else if (!f->readable) {
        fprintf(pg->out, "<span class=\"bad\">%s</span>: ", pg->w->unreadable);
        html_text(pg, f->error.message);
    } else {
        uint64_t t[4];
        yk_rep_severity_sum(f->counts, f->ncounts, t);
        fprintf(pg->out,
                "%" PRIu64 " × %" PRIu32 " · <span class=\"sev-error\">%" PRIu64
                "</span> / <span class=\"sev-warning\">%" PRIu64 "</span> / "
                "<span class=\"sev-info\">%" PRIu64 "</span>",
                f->rows, f->columns, t[YK_SEV_ERROR], t[YK_SEV_WARNING], t[YK_SEV_INFO]);
    }
    fputs("</td></tr>\n", pg->out);
}

static void put_dims(const struct html_page *pg, const struct yk_score *s)
{
    char buf[24];
    const char *sep = "";
    for (int d = 0; d < YK_DIM_COUNT; d++) {
        int pm = yk_score_dim_pm(s, (enum yk_dimension)d);
        if (pm < 0)
            continue;
        fprintf(pg->out, "%s%s %s", sep, pg->w->dimension_names[d], html_pm(pg, buf, (unsigned)pm));
        sep = " · ";
    }
}

static void put_dataset(const struct html_page *pg, const struct yk_dataset_result *dr, size_t i)
{
    const struct html_words *w = pg->w;
    const struct yk_dataset *d = dr->dataset;
    char buf[24];
    fprintf(pg->out, "<details class=\"ds\" id=\"ds-%zu\" data-dataset=\"", i);
    html_text(pg, yk_rep_dataset_ref(d));
    fputs("\"><summary>", pg->out);
    html_text(pg, d->title ? d->title : yk_rep_dataset_ref(d));
    fprintf(pg->out,
            "<span class=\"meta\">%s · %s</span></summary>\n<div class=\"body\">\n"
            "<dl class=\"kv\"><dt>id</dt><dd>",
            dr->score.scored ? html_pm(pg, buf, dr->score.pm) : w->not_scored,
            dr->compliant ? "✓" : "✗");
    html_text(pg, yk_rep_dataset_ref(d));
    fprintf(pg->out, "</dd><dt>%s</dt><dd class=\"loc\">", w->source);
    html_text(pg, d->source);
    if (d->source_line)
        fprintf(pg->out, ":%" PRIu64, d->source_line);
    fprintf(pg->out, "</dd><dt>%s</dt><dd>%s", w->match,
            w->how[dr->match.how <= 3 ? dr->match.how : 0]);
    if (dr->match.item) {
        fputs(": <strong>", pg->out);
        html_text(pg, dr->match.item->key);
        fputs("</strong> ", pg->out);
        html_text(pg, dr->match.item->title);
    } else {
        fprintf(pg->out, " (%s)", w->beyond_item);
    }
    fprintf(pg->out, "</dd><dt>%s</dt><dd>", w->stars);
    put_stars(pg, dr->stars);
    fprintf(pg->out, "</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>", w->comply,
            dr->compliant ? w->yes : w->no, w->overdue, dr->overdue ? w->yes : w->no, w->dims);
    put_dims(pg, &dr->score);
    fprintf(pg->out, "</dd></dl>\n<h3>%s</h3>\n<table>\n<tbody>\n", w->resources);
    for (size_t j = 0; j < d->nresources; j++)
        put_resource(pg, &d->resources[j], dr->resources[j]);
    fputs("</tbody>\n</table>\n", pg->out);
    put_findings(pg, dr);
    fputs("</div>\n</details>\n", pg->out);
}

static void put_dataset_row(const struct html_page *pg, const struct yk_dataset_result *dr,
                            size_t i)
{
    char buf[24];
    uint64_t t[4] = {0}, r[4];
    yk_rep_severity_sum(dr->counts, dr->ncounts, t);
    for (size_t j = 0; j < dr->dataset->nresources; j++) {
        if (!dr->resources[j])
            continue;
        yk_rep_severity_sum(dr->resources[j]->counts, dr->resources[j]->ncounts, r);
        for (int k = 0; k < 4; k++)
            t[k] += r[k];
    }
    fprintf(pg->out, "<tr><td><a href=\"#ds-%zu\">", i);
    html_text(pg, dr->dataset->title ? dr->dataset->title : yk_rep_dataset_ref(dr->dataset));
    fputs("</a></td><td>", pg->out);
    html_text(pg, dr->match.item ? dr->match.item->key : pg->w->beyond_item);
    fprintf(pg->out, "</td><td class=\"n\">%s</td><td class=\"n %s\">%s</td><td>",
            dr->score.scored ? html_pm(pg, buf, dr->score.pm) : pg->w->not_scored,
            dr->compliant ? "ok" : "bad", dr->compliant ? "✓" : "✗");
    put_stars(pg, dr->stars);
    fprintf(pg->out,
            "</td><td class=\"n\"><span class=\"sev-error\">%" PRIu64 "</span> / "
            "<span class=\"sev-warning\">%" PRIu64 "</span> / <span class=\"sev-info\">%" PRIu64
            "</span></td></tr>\n",
            t[YK_SEV_ERROR], t[YK_SEV_WARNING], t[YK_SEV_INFO]);
}

/* One publisher (p an index into the audit's publishers, SIZE_MAX for datasets without one). */
static void put_publisher(const struct html_page *pg, size_t p, const char *name)
{
    const struct html_words *w = pg->w;
    const struct yk_audit_result *a = pg->a;
    const struct yk_publisher_result *pr = p == SIZE_MAX ? NULL : &a->publishers[p];
    char buf[24];
    if (p == SIZE_MAX)
        fputs("<details class=\"pub\" id=\"pub-none\"><summary>", pg->out);
    else
        fprintf(pg->out, "<details class=\"pub\" id=\"pub-%zu\"><summary>", p);
    html_text(pg, name);
    if (pr)
        fprintf(pg->out, "<span class=\"meta\">%s · %s %zu %s %zu · %s %zu</span>",
                pr->score.scored ? html_pm(pg, buf, pr->score.pm) : w->not_scored, w->comply,
                pr->ncompliant, w->of, pr->ndatasets, w->missing, pr->nmissing);
    fprintf(pg->out,
            "</summary>\n<div class=\"body\">\n<table>\n<thead><tr><th>%s</th><th>%s</th>"
            "<th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th><th class=\"n\">%s"
            "</th></tr></thead>\n<tbody>\n",
            w->dataset, w->item, pg->lang == YK_LANG_EN ? "Score" : "Оцінка", w->comply, w->stars,
            w->findings);
    for (size_t i = 0; i < a->ndatasets; i++)
        if (html_publisher_index(a, a->datasets[i].publisher) == p)
            put_dataset_row(pg, &a->datasets[i], i);
    fputs("</tbody>\n</table>\n", pg->out);
    if (pr && pr->nmissing) {
        fprintf(pg->out, "<p><strong>%s:</strong> ", w->missing_items);
        const char *sep = "";
        for (size_t i = 0; i < a->nitems; i++) {
            const struct yk_item_status *st = &a->items[i];
            if (st->state != YK_ITEM_MISSING || st->publisher != pr->publisher)
                continue;
            fprintf(pg->out, "%s<span title=\"", sep);
            html_text(pg, st->item->title);
            fputs("\">", pg->out);
            html_text(pg, st->item->key);
            fputs("</span>", pg->out);
            sep = ", ";
        }
        fputs("</p>\n", pg->out);
    }
    for (size_t i = 0; i < a->ndatasets; i++)
        if (html_publisher_index(a, a->datasets[i].publisher) == p)
            put_dataset(pg, &a->datasets[i], i);
    fputs("</div>\n</details>\n", pg->out);
}

int html_details(const struct html_page *pg)
{
    const struct yk_audit_result *a = pg->a;
    bool orphans = false;
    fprintf(pg->out, "<section id=\"details\" class=\"long\">\n<h2>%s</h2>\n", pg->w->details);
    for (size_t i = 0; i < pg->nrating; i++) {
        size_t p = index_of_key(a, pg->rating[i].key);
        if (p != SIZE_MAX)
            put_publisher(pg, p, a->publishers[p].publisher->name);
    }
    for (size_t i = 0; i < a->ndatasets; i++)
        orphans |= html_publisher_index(a, a->datasets[i].publisher) == SIZE_MAX;
    if (orphans)
        put_publisher(pg, SIZE_MAX, pg->w->no_publisher);
    fputs("</section>\n", pg->out);
    return ferror(pg->out) ? YK_EIO : 0;
}
