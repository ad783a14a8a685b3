/* yakist — private to reports/: the pieces of the HTML dashboard (html.c writes the page and
 * its tables, html_parts.c the SVG charts, the heatmap and the drill-down) and what they
 * share: the words of the page in both languages and the context of one page. */
#ifndef YK_REPORTS_HTML_H
#define YK_REPORTS_HTML_H

#include <yakist/history.h>
#include <yakist/score.h>

#include "common.h"

struct html_words {
    const char *lang, *title, *as_of, *quarter, *catalog, *datasets[3], *publishers[3], *nav_kpis,
        *nav_publishers, *nav_trends, *nav_heatmap, *nav_details, *nav_missing, *nav_rules, *kpis,
        *coverage, *beyond, *compliant, *on_time, *score, *target, *met, *not_met, *no_target, *of,
        *items, *since, *bars, *bars_note, *trends, *no_history, *one_run, *heatmap, *heatmap_note,
        *family, *publisher, *rating, *rank, *comply, *missing, *overdue, *change, *new_entry,
        *details, *dataset, *item, *beyond_item, *stars, *findings, *resources, *not_checked,
        *unreadable, *source, *match, *dims, *more, *missing_items, *none_missing, *responsible,
        *catalog_findings, *rules, *rules_note, *severity, *dimension, *weight, *compliance_rule,
        *rationale, *rule_source, *footer, *yes, *no, *not_scored, *no_publisher, *no_findings,
        *local, *remote, *escapes, *absent, *invalid, *dimension_names[YK_DIM_COUNT], *how[4],
        *sev[4];
    char decimal;
};

/* One page being written. */
struct html_page {
    FILE *out;
    const struct yk_report *rep;
    const struct yk_audit_result *a;
    const struct html_words *w;
    enum yk_lang lang;
    const struct yk_rating_entry *rating; /* sorted, with changes when the history gave them */
    size_t nrating;
    const struct yk_history_run *runs; /* oldest first, at most HTML_MAX_RUNS */
    size_t nruns;
    const struct yk_history_run *previous; /* the run before this audit's quarter, or NULL */
    char quarter[8];
};

#define HTML_MAX_RUNS 12

/* Text from the data, escaped (html_esc); a per mille share as "42,0". */
void html_text(const struct html_page *pg, const char *s);
const char *html_pm(const struct html_page *pg, char buf[24], unsigned pm);

/* s cut to at most n code points, "…" marking a cut, into buf (4 * n + 4 bytes). */
const char *html_cut(char *buf, const char *s, size_t n);

/* The index of a publisher in the audit's publishers, or SIZE_MAX. */
size_t html_publisher_index(const struct yk_audit_result *a, const struct yk_publisher *p);

/* The sections that html_parts.c writes. */
void html_bars(const struct html_page *pg);
void html_trends(const struct html_page *pg);
int html_heatmap(const struct html_page *pg);
int html_details(const struct html_page *pg);

#endif
