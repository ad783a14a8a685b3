/* yakist — the `coverage` rule family: the Перелік of Resolution 835 against the catalog (plan
 * items 6.2, 6.3 and 5.2). Catalog rules read the item states the audit computed before the
 * rules ran (covered, missing, declared not applicable) and charge a missing item to the holder
 * that answers for it in council.json; dataset rules look at the match of each dataset. The
 * register of datasets is compared with the catalog in coverage_register.c. */
#include <string.h>

#include "audit_rules.h"
#include "families.h"
#include "frequency.h"

#define SOURCE_PERELIK "Постанова КМУ № 835, Перелік наборів даних (додаток)"

const struct yk_perelik_item *yk_audit_register_item(const struct yk_perelik *perelik)
{
    for (size_t i = 0; perelik && i < perelik->nitems; i++)
        if (perelik->items[i].standard &&
            strcmp(perelik->items[i].standard, "register_of_datasets") == 0)
            return &perelik->items[i];
    return NULL;
}

static const struct yk_audit_env *catalog_env(const struct yk_rule_ctx *ctx)
{
    const struct yk_audit_env *env = yk_ctx_audit(ctx);
    return env && env->audit && env->perelik ? env : NULL;
}

/* --- coverage.missing_item, coverage.missing_competence_item ------------------------------ */

/* Competence-only items that nobody answers for are information: the council may simply lack
 * the competence, and says so by naming no holder. */
static bool competence_open(const struct yk_item_status *st)
{
    return st->item->competence_only && !st->publisher;
}

static int report_missing(struct yk_rule_ctx *ctx, bool competence)
{
    const struct yk_audit_env *env = catalog_env(ctx);
    const struct yk_perelik_item *reg = env ? yk_audit_register_item(env->perelik) : NULL;
    int rc = 0;
    for (size_t i = 0; env && i < env->audit->nitems && rc == 0; i++) {
        const struct yk_item_status *st = &env->audit->items[i];
        char title[YK_AUDIT_WORDING_SIZE];
        if (st->state != YK_ITEM_MISSING || st->item == reg || competence_open(st) != competence)
            continue;
        yk_audit_cut(st->item->title, 80, title, sizeof title);
        if (competence)
            rc = yk_emit(ctx, NULL,
                         "набір «%s» (%s) за компетенцією не оприлюднено; "
                         "відповідального в council.json не визначено",
                         "the competence-only item \"%s\" (%s) is not published; council.json "
                         "names no holder for it",
                         title, st->item->key);
        else if (st->publisher && st->publisher->name)
            rc = yk_emit(ctx, NULL, "обов'язковий набір «%s» (%s) не оприлюднено; відповідає: %s",
                         "the mandatory dataset \"%s\" (%s) is not published; it is due from: %s",
                         title, st->item->key, st->publisher->name);
        else if (env->council)
            rc = yk_emit(ctx, NULL,
                         "обов'язковий набір «%s» (%s) не оприлюднено; відповідального "
                         "в council.json не визначено",
                         "the mandatory dataset \"%s\" (%s) is not published; council.json names "
                         "no holder for it",
                         title, st->item->key);
        else
            rc =
                yk_emit(ctx, NULL, "обов'язковий набір «%s» (%s) не оприлюднено",
                        "the mandatory dataset \"%s\" (%s) is not published", title, st->item->key);
    }
    return rc;
}

static int missing_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    (void)cat;
    return report_missing(ctx, false);
}

static const struct yk_rule missing_item = {
    .id = "coverage.missing_item",
    .title_uk = "Обов'язковий набір не оприлюднено",
    .title_en = "Mandatory dataset not published",
    .rationale = "Every item of the Перелік that applies to a city council must be published "
                 "(plan item 6.2). One finding per item with no published dataset, charged to "
                 "the holder that answers for it in council.json. Items the council declared not "
                 "applicable, with a reason, are shown in the audit result instead; the register "
                 "of datasets has a rule of its own (coverage.register_missing).",
    .source = SOURCE_PERELIK "; план заходів, п. 6.2",
    .example = "(no dataset matches «Бюджет територіальної громади»)",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_COVERAGE,
    .weight = 10,
    .on_catalog = missing_catalog,
};

static int competence_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    (void)cat;
    return report_missing(ctx, true);
}

static const struct yk_rule missing_competence_item = {
    .id = "coverage.missing_competence_item",
    .title_uk = "Набір «за компетенцією» не оприлюднено",
    .title_en = "Competence-only dataset not published",
    .rationale = "Some items apply only where the holder has the competence (medicines, urban "
                 "electric transport, national standards). When council.json names no holder "
                 "for such an item and does not declare it not applicable, yakist cannot tell "
                 "whether the council lacks the competence: it says so as information. Name a "
                 "holder in council.json to make it mandatory, or declare it not applicable.",
    .source = SOURCE_PERELIK ", «відповідно до компетенції»",
    .example = "(no dataset for the urban electric transport item, no holder named)",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_COVERAGE,
    .weight = 0,
    .on_catalog = competence_catalog,
};

/* --- coverage.not_updated ------------------------------------------------------------------- */

static int not_updated_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || !env->current->match.item ||
        yk_freq_parse(d->update_frequency, NULL) != YK_FREQ_NOT_UPDATED)
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "обов'язковий набір (%s) позначено «Більше не оновлюється»",
                   "a mandatory dataset (%s) is marked \"no longer updated\"",
                   env->current->match.item->key);
}

static const struct yk_rule not_updated = {
    .id = "coverage.not_updated",
    .title_uk = "Обов'язковий набір більше не оновлюється",
    .title_en = "Mandatory dataset no longer updated",
    .rationale = "A dataset the Перелік requires must be kept current; marking it «Більше не "
                 "оновлюється» publishes it once and abandons it. Datasets beyond the Перелік "
                 "may be closed that way.",
    .source = SOURCE_PERELIK "; Постанова КМУ № 835, Положення, п. 7 (частота оновлення)",
    .example = "{\"title\": \"Бюджет …\", \"update_frequency\": \"no longer updated\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_COVERAGE,
    .weight = 5,
    .compliance = true,
    .on_dataset = not_updated_dataset,
};

/* --- coverage.extra --------------------------------------------------------------------------- */

static const struct yk_param_desc extra_params[] = {
    {.name = "min",
     .type = YK_PARAM_INT,
     .default_value = "3",
     .min = 0,
     .max = 1000,
     .help = "published datasets beyond the Перелік the plan asks for (plan item 6.3: 3)"},
};

static int extra_catalog(struct yk_rule_ctx *ctx, const struct yk_catalog *cat)
{
    const struct yk_audit_env *env = catalog_env(ctx);
    size_t n = 0, min = (size_t)yk_ctx_param_int(ctx, "min");
    (void)cat;
    if (!env)
        return 0;
    for (size_t i = 0; i < env->audit->ndatasets; i++)
        n += env->audit->datasets[i].published && !env->audit->datasets[i].match.item;
    if (n >= min)
        return 0;
    return yk_emit(ctx, NULL,
                   "поза Переліком оприлюднено наборів: %zu, а план вимагає щонайменше "
                   "%zu",
                   "datasets published beyond the Перелік: %zu; the plan asks for at least %zu", n,
                   min);
}

static const struct yk_rule extra = {
    .id = "coverage.extra",
    .title_uk = "Замало наборів понад Перелік",
    .title_en = "Too few datasets beyond the Перелік",
    .rationale = "The plan asks the council to publish at least three datasets that the "
                 "Перелік does not require (plan item 6.3): data people ask for, not only what "
                 "the law demands. A published dataset matched to no item counts; a dataset "
                 "council.json maps to \"none\" counts too.",
    .source = "план заходів з оприлюднення відкритих даних, п. 6.3",
    .example = "(a catalog where every dataset matches a Перелік item)",
    .scope = YK_SCOPE_CATALOG,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_COVERAGE,
    .weight = 3,
    .params = extra_params,
    .nparams = 1,
    .on_catalog = extra_catalog,
};

/* --- coverage.low_confidence ------------------------------------------------------------------ */

static const struct yk_param_desc confidence_params[] = {
    {.name = "confident",
     .type = YK_PARAM_INT,
     .default_value = "850",
     .min = 0,
     .max = 1000,
     .help = "title matches scored below this (0..1000) ask for an explicit mapping"},
};

static int low_confidence_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env)
        return 0;
    const struct yk_item_match *m = &env->current->match;
    if (m->how != YK_MATCH_TITLE || !m->item ||
        m->score >= (unsigned)yk_ctx_param_int(ctx, "confident"))
        return 0;
    char title[YK_AUDIT_WORDING_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    yk_audit_cut(m->item->title, 80, title, sizeof title);
    if (m->runner_up)
        return yk_emit(ctx, &loc,
                       "назву зіставлено з %s «%s» із певністю %u/1000 (наступний — "
                       "%s, %u): підтвердьте відповідністю в council.json",
                       "the title was matched to %s \"%s\" with a score of %u/1000 (next: %s, "
                       "%u): please confirm with an explicit mapping in council.json",
                       m->item->key, title, m->score, m->runner_up->key, m->runner_up_score);
    return yk_emit(ctx, &loc,
                   "назву зіставлено з %s «%s» із певністю %u/1000: підтвердьте "
                   "відповідністю в council.json",
                   "the title was matched to %s \"%s\" with a score of %u/1000: please confirm "
                   "with an explicit mapping in council.json",
                   m->item->key, title, m->score);
}

static const struct yk_rule low_confidence = {
    .id = "coverage.low_confidence",
    .title_uk = "Непевне зіставлення з Переліком",
    .title_en = "Uncertain match to the Перелік",
    .rationale = "Without an explicit mapping a dataset is matched to a Перелік item by its "
                 "title. A match that clears the threshold but is not clear-cut (an abbreviated "
                 "or unusual title) may be wrong, and coverage with it. The message gives the "
                 "item, the score and the runner-up; an entry in council.json's mappings "
                 "settles it.",
    .source = SOURCE_PERELIK "; docs/audit.md (зіставлення назв)",
    .example = "{\"title\": \"Ремонти доріг\"} (matched with a score of 640)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_COVERAGE,
    .weight = 0,
    .params = confidence_params,
    .nparams = 1,
    .on_dataset = low_confidence_dataset,
};

static const struct yk_rule *const coverage_rules[] = {
    &missing_item,
    &missing_competence_item,
    &not_updated,
    &extra,
    &yk_rule_coverage_register_missing,
    &yk_rule_coverage_register_unchecked,
    &yk_rule_coverage_register_mismatch,
    &low_confidence,
};

const struct yk_family yk_family_coverage = {
    .name = "coverage",
    .title_uk = "Покриття Переліку (постанова № 835) і реєстр наборів даних",
    .title_en = "Coverage of the Перелік (Resolution 835) and the register of datasets",
    .rules = coverage_rules,
    .nrules = sizeof coverage_rules / sizeof coverage_rules[0],
};
