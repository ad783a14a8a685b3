/* yakist — the text summary of an audit, for the people who run it: the plan's KPIs against
 * their targets (Перелік coverage 6.2, datasets beyond it 6.3, compliance 7.2, timeliness),
 * the publishers that do worst, the findings that occur most and the Перелік items still
 * missing. Ukrainian by default, English on request; the complete result is the JSON one. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yakist/audit.h>

#include "writers.h"

#define TOP_PUBLISHERS 5
#define TOP_RULES 10
#define TOP_MISSING 10
#define NAME_WIDTH 44  /* code points of a publisher name or KPI label */
#define TITLE_WIDTH 64 /* code points of an item title */

struct words {
    const char *title, *as_of, *no_council, *catalog, *datasets[3], *published, *publishers[3],
        *resources, *checked, *unreadable, *not_checked, *notes, *kpis, *of, *target, *met,
        *not_met, *coverage, *beyond, *compliant, *on_time, *worst, *none_worse, *comply_of[3],
        *missing_items[3], *overdue[3], *top, *in_datasets[3], *catalog_level, *missing, *more,
        *severity[4], *seconds, decimal;
};

static const struct words uk = {
    .title = "Аудит відкритих даних",
    .as_of = "станом на",
    .no_council = "без council.json",
    .catalog = "Каталог",
    .datasets = {"набір даних", "набори даних", "наборів даних"},
    .published = "оприлюднено",
    .publishers = {"розпорядник", "розпорядники", "розпорядників"},
    .resources = "Ресурси",
    .checked = "перевірено",
    .unreadable = "не прочитано",
    .not_checked = "не перевірено",
    .notes = "Примітки до каталогу (поля, які не вдалося прочитати)",
    .kpis = "Показники плану",
    .of = "з",
    .target = "ціль",
    .met = "виконано",
    .not_met = "не виконано",
    .coverage = "Покриття Переліку (постанова № 835)",
    .beyond = "Набори даних понад Перелік",
    .compliant = "Відповідають рекомендаціям і стандартам",
    .on_time = "Оновлюються вчасно",
    .worst = "Розпорядники з найгіршими показниками",
    .none_worse = "усі розпорядники без зауважень",
    .comply_of = {"набору відповідає", "наборів відповідають", "наборів відповідають"},
    .missing_items = {"пункт Переліку відсутній", "пункти Переліку відсутні",
                      "пунктів Переліку відсутні"},
    .overdue = {"прострочений", "прострочені", "прострочених"},
    .top = "Найчастіші порушення",
    .in_datasets = {"набір", "набори", "наборів"},
    .catalog_level = "каталог",
    .missing = "Відсутні пункти Переліку",
    .more = "… і ще",
    .severity = {"вимкнено", "зауваження", "попередження", "помилка"},
    .seconds = "с",
    .decimal = ',',
};

static const struct words en = {
    .title = "Open data audit",
    .as_of = "as of",
    .no_council = "no council.json",
    .catalog = "Catalog",
    .datasets = {"dataset", "datasets", "datasets"},
    .published = "published",
    .publishers = {"publisher", "publishers", "publishers"},
    .resources = "Resources",
    .checked = "checked",
    .unreadable = "unreadable",
    .not_checked = "not checked",
    .notes = "Catalog notes (fields that could not be read)",
    .kpis = "Plan targets",
    .of = "of",
    .target = "target",
    .met = "met",
    .not_met = "not met",
    .coverage = "Coverage of the Resolution 835 list",
    .beyond = "Datasets beyond the list",
    .compliant = "Meet the recommendations and standards",
    .on_time = "Updated on time",
    .worst = "Publishers doing worst",
    .none_worse = "no publisher has anything to fix",
    .comply_of = {"dataset complies", "datasets comply", "datasets comply"},
    .missing_items = {"list item missing", "list items missing", "list items missing"},
    .overdue = {"overdue", "overdue", "overdue"},
    .top = "Most frequent findings",
    .in_datasets = {"dataset", "datasets", "datasets"},
    .catalog_level = "catalog",
    .missing = "Missing items of the list",
    .more = "… and",
    .severity = {"off", "info", "warning", "error"},
    .seconds = "s",
    .decimal = '.',
};

static const struct words *words_of(const struct yk_report *rep)
{
    return rep->opt->lang == YK_LANG_EN ? &en : &uk;
}

static const char *plural(const struct yk_report *rep, uint64_t n, const char *const forms[3])
{
    uint64_t d = n % 10, dd = n % 100;
    if (rep->opt->lang == YK_LANG_EN)
        return n == 1 ? forms[0] : forms[2];
    if (d == 1 && dd != 11)
        return forms[0];
    if (d >= 2 && d <= 4 && (dd < 12 || dd > 14))
        return forms[1];
    return forms[2];
}

/* --- layout -------------------------------------------------------------------------------- */

/* s cut to at most width code points (an ellipsis marks a cut), written safely, then padded
 * with spaces to width when pad is set. */
static void put_cell(FILE *out, const char *s, size_t width, bool pad)
{
    char buf[4 * TITLE_WIDTH + 8];
    size_t n = 0, cps = 0, i = 0;
    s = s ? s : "";
    if (width > TITLE_WIDTH)
        width = TITLE_WIDTH;
    while (s[i] && cps < width) {
        size_t len = 1;
        while (s[i + len] && ((unsigned char)s[i + len] & 0xC0u) == 0x80u)
            len++;
        if (cps + 1 == width && s[i + len]) {
            memcpy(buf + n, "\xE2\x80\xA6", 3); /* … */
            n += 3;
            cps++;
            break;
        }
        memcpy(buf + n, s + i, len);
        n += len;
        i += len;
        cps++;
    }
    buf[n] = 0;
    yk_report_put_text(out, buf);
    for (; pad && cps < width; cps++)
        fputc(' ', out);
}

/* "58,5 %" or "58.5 %" */
static void put_share(const struct yk_report *rep, unsigned pm)
{
    fprintf(rep->out, "%5u%c%u %%", pm / 10, words_of(rep)->decimal, pm % 10);
}

/* --- the parts ----------------------------------------------------------------------------- */

static void put_head(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    uint64_t published = 0, resources = 0, checked = 0, unreadable = 0;
    for (size_t i = 0; i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        published += dr->published;
        resources += dr->dataset->nresources;
        for (size_t j = 0; j < dr->dataset->nresources; j++) {
            checked += dr->resources[j] != NULL;
            unreadable += dr->resources[j] && !dr->resources[j]->readable;
        }
    }
    fprintf(rep->out, "%s — ", w->title);
    yk_report_put_text(rep->out, a->council ? a->council->name : w->no_council);
    fprintf(rep->out, ", %s %s\n%s: ", w->as_of, a->as_of, w->catalog);
    yk_report_put_text(rep->out, a->catalog->root);
    fprintf(rep->out, " (%s), %zu %s (%s %" PRIu64 "), %zu %s\n", a->catalog->kind, a->ndatasets,
            plural(rep, a->ndatasets, w->datasets), w->published, published, a->npublishers,
            plural(rep, a->npublishers, w->publishers));
    fprintf(rep->out, "%s: %" PRIu64 ", %s %" PRIu64 " (%s %" PRIu64 "), %s %" PRIu64 "\n",
            w->resources, resources, w->checked, checked, w->unreadable, unreadable, w->not_checked,
            resources - checked);
    if (a->catalog->nnotes)
        fprintf(rep->out, "%s: %zu\n", w->notes, a->catalog->nnotes);
    if (a->seconds > 0)
        fprintf(rep->out, "%.3f %s\n", a->seconds, w->seconds);
}

static void put_kpi(const struct yk_report *rep, const char *plan, const char *label, size_t part,
                    size_t whole, unsigned pm, const char *target, int met)
{
    const struct words *w = words_of(rep);
    fprintf(rep->out, "  %-4s ", plan);
    put_cell(rep->out, label, NAME_WIDTH, true);
    if (whole != (size_t)-1) {
        char frac[64];
        snprintf(frac, sizeof frac, "%zu %s %zu", part, w->of, whole);
        fprintf(rep->out, " %-12s", frac);
        put_share(rep, pm);
    } else {
        fprintf(rep->out, " %-12zu%8s", part, "");
    }
    if (target) {
        fprintf(rep->out, "   %s ", w->target);
        put_cell(rep->out, target, 8, true);
        fprintf(rep->out, "%s", met ? w->met : w->not_met);
    }
    fputc('\n', rep->out);
}

static void put_kpis(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    const struct yk_kpis *k = &a->kpis;
    fprintf(rep->out, "\n%s\n", w->kpis);
    put_kpi(rep, "6.2", w->coverage, k->items_covered, k->items_applicable, k->coverage_pm, "100 %",
            k->coverage_pm >= 1000);
    put_kpi(rep, "6.3", w->beyond, k->extra_datasets, (size_t)-1, 0, "≥ 3", k->extra_datasets >= 3);
    put_kpi(rep, "7.2", w->compliant, k->compliant, k->datasets, k->compliant_pm, "≥ 85 %",
            k->compliant_pm >= 850);
    put_kpi(rep, "", w->on_time, k->on_time, k->datasets, k->on_time_pm, NULL, 0);
}

struct pub_rank {
    size_t index;
    unsigned share; /* compliant per mille; 0 for a publisher with missing items only */
    size_t missing, overdue;
};

static int cmp_pub(const void *x, const void *y)
{
    const struct pub_rank *a = x, *b = y;
    if (a->share != b->share)
        return a->share < b->share ? -1 : 1;
    if (a->missing != b->missing)
        return a->missing > b->missing ? -1 : 1;
    if (a->overdue != b->overdue)
        return a->overdue > b->overdue ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void put_publisher(const struct yk_report *rep, const struct yk_publisher_result *p)
{
    const struct words *w = words_of(rep);
    const char *sep = "";
    fputs("  ", rep->out);
    put_cell(rep->out, p->publisher->name, NAME_WIDTH, true);
    if (p->ndatasets) {
        fprintf(rep->out, " %zu %s %zu %s", p->ncompliant, w->of, p->ndatasets,
                plural(rep, p->ndatasets, w->comply_of));
        sep = ", ";
    }
    if (p->nmissing) {
        fprintf(rep->out, "%s%zu %s", sep, p->nmissing, plural(rep, p->nmissing, w->missing_items));
        sep = ", ";
    }
    if (p->noverdue)
        fprintf(rep->out, "%s%zu %s", sep, p->noverdue, plural(rep, p->noverdue, w->overdue));
    fputc('\n', rep->out);
}

static int put_worst(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    struct pub_rank *r = malloc((a->npublishers ? a->npublishers : 1) * sizeof *r);
    size_t n = 0;
    if (!r)
        return YK_ENOMEM;
    for (size_t i = 0; i < a->npublishers; i++) {
        const struct yk_publisher_result *p = &a->publishers[i];
        unsigned share = p->ndatasets ? (unsigned)(p->ncompliant * 1000u / p->ndatasets) : 0;
        if (share < 1000 || p->nmissing || p->noverdue)
            if (p->ndatasets || p->nmissing)
                r[n++] = (struct pub_rank){i, share, p->nmissing, p->noverdue};
    }
    qsort(r, n, sizeof *r, cmp_pub);
    fprintf(rep->out, "\n%s\n", w->worst);
    if (!n)
        fprintf(rep->out, "  %s\n", w->none_worse);
    for (size_t i = 0; i < n && i < TOP_PUBLISHERS; i++)
        put_publisher(rep, &a->publishers[r[i].index]);
    free(r);
    return 0;
}

struct rule_rank {
    size_t index; /* in a->counts */
    uint64_t count;
    size_t datasets;
};

static int cmp_rule(const void *x, const void *y)
{
    const struct rule_rank *a = x, *b = y;
    if (a->datasets != b->datasets)
        return a->datasets > b->datasets ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static size_t count_index(const struct yk_audit_result *a, const struct yk_rule *rule)
{
    for (size_t i = 0; i < a->ncounts; i++)
        if (a->counts[i].rule == rule)
            return i;
    return (size_t)-1;
}

/* Datasets in which each rule fired, in their own findings or in a resource's. */
static void datasets_per_rule(const struct yk_audit_result *a, struct rule_rank *r, size_t *seen)
{
    for (size_t i = 0; i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        for (size_t j = 0; j <= dr->dataset->nresources; j++) {
            const struct yk_rule_count *c = j == 0 ? dr->counts : NULL;
            size_t n = j == 0 ? dr->ncounts : 0;
            if (j > 0 && dr->resources[j - 1])
                c = dr->resources[j - 1]->counts, n = dr->resources[j - 1]->ncounts;
            for (size_t k = 0; k < n; k++) {
                size_t x = count_index(a, c[k].rule);
                if (x != (size_t)-1 && seen[x] != i + 1) {
                    seen[x] = i + 1;
                    r[x].datasets++;
                }
            }
        }
    }
}

static int put_top(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    size_t n = a->ncounts;
    struct rule_rank *r = calloc(n ? n : 1, sizeof *r);
    size_t *seen = calloc(n ? n : 1, sizeof *seen);
    if (!r || !seen) {
        free(r);
        free(seen);
        return YK_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        r[i] = (struct rule_rank){i, a->counts[i].count, 0};
    datasets_per_rule(a, r, seen);
    qsort(r, n, sizeof *r, cmp_rule);
    size_t idw = 0;
    for (size_t i = 0; i < n && i < TOP_RULES; i++) {
        size_t len = strlen(a->counts[r[i].index].rule->id);
        idw = len > idw ? len : idw;
    }
    fprintf(rep->out, "\n%s\n", w->top);
    for (size_t i = 0; i < n && i < TOP_RULES; i++) {
        const struct yk_rule_count *c = &a->counts[r[i].index];
        enum yk_severity sev = c->severity <= YK_SEV_ERROR ? c->severity : YK_SEV_ERROR;
        char where[64];
        if (r[i].datasets)
            snprintf(where, sizeof where, "%zu %s", r[i].datasets,
                     plural(rep, r[i].datasets, w->in_datasets));
        else
            snprintf(where, sizeof where, "%s", w->catalog_level);
        fputs("  ", rep->out);
        put_cell(rep->out, where, 14, true);
        fprintf(rep->out, " %6" PRIu64 "  ", c->count);
        put_cell(rep->out, w->severity[sev], 12, true);
        fprintf(rep->out, " %-*s  ", (int)idw, c->rule->id);
        put_cell(rep->out, rep->opt->lang == YK_LANG_EN ? c->rule->title_en : c->rule->title_uk,
                 TITLE_WIDTH, false);
        fputc('\n', rep->out);
    }
    free(r);
    free(seen);
    return 0;
}

static void put_missing(const struct yk_report *rep, const struct yk_audit_result *a)
{
    const struct words *w = words_of(rep);
    size_t n = 0, shown = 0;
    for (size_t i = 0; i < a->nitems; i++)
        n += a->items[i].state == YK_ITEM_MISSING;
    if (!n)
        return;
    fprintf(rep->out, "\n%s: %zu\n", w->missing, n);
    for (size_t i = 0; i < a->nitems && shown < TOP_MISSING; i++) {
        const struct yk_item_status *st = &a->items[i];
        if (st->state != YK_ITEM_MISSING)
            continue;
        fprintf(rep->out, "  %-9s ", st->item->key);
        put_cell(rep->out, st->item->title, TITLE_WIDTH, !!st->publisher);
        if (st->publisher) {
            fputs("  ", rep->out);
            yk_report_put_text(rep->out, st->publisher->name);
        }
        fputc('\n', rep->out);
        shown++;
    }
    if (n > shown)
        fprintf(rep->out, "  %s %zu\n", w->more, n - shown);
}

int yk_report_text_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    put_head(rep, a);
    put_kpis(rep, a);
    if (put_worst(rep, a) < 0 || put_top(rep, a) < 0)
        return YK_ENOMEM;
    put_missing(rep, a);
    return ferror(rep->out) ? YK_EIO : 0;
}
