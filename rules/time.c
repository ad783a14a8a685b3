/* yakist — the `time` rule family: the update frequency a dataset promises (п. 7, element 11),
 * read from whatever spelling the catalog uses, and whether the dataset kept the promise at the
 * audit's as-of date, with the Ministry's grace of a few working days. All dates are compared as
 * days; the wall clock is never read. */
#include "audit_rules.h"
#include "dates.h"
#include "families.h"
#include "frequency.h"
#include "passport.h"

#define SOURCE_FREQ "Постанова КМУ № 835, Положення про набори даних, п. 7 (частота оновлення)"

/* --- time.frequency_unknown, time.frequency_nonstandard ----------------------------------- */

static int unknown_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx) || yk_freq_parse(d->update_frequency, NULL) != YK_FREQ_UNKNOWN)
        return 0;
    char given[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "`update_frequency` «%s» — не значення зі словника частот",
                   "`update_frequency` \"%s\" is not a value of the frequency vocabulary",
                   yk_audit_quote(d->update_frequency, given));
}

static const struct yk_rule frequency_unknown = {
    .id = "time.frequency_unknown",
    .title_uk = "Невідома частота оновлення",
    .title_en = "Unknown update frequency",
    .rationale = "The update frequency is one of a closed list on data.gov.ua («Щодня», "
                 "«Щомісяця», «Щороку», «Відразу після внесення змін», «Більше не "
                 "оновлюється» …). A value outside it («за планом», «раз на два роки», a date) "
                 "cannot be harvested and no one can tell when the dataset is overdue. API "
                 "values, the portal's labels, common Ukrainian wordings and the EU frequency "
                 "vocabulary are all understood; see docs/audit-rules.md.",
    .source = SOURCE_FREQ "; data.gov.ua: словник update_frequency",
    .example = "{\"update_frequency\": \"за планом\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_TIMELINESS,
    .weight = 2,
    .compliance = true,
    .on_dataset = unknown_dataset,
};

static int nonstandard_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    enum yk_freq_spelling sp;
    if (!yk_audit_dataset_env(ctx))
        return 0;
    enum yk_freq f = yk_freq_parse(d->update_frequency, &sp);
    if (f == YK_FREQ_MISSING || f == YK_FREQ_UNKNOWN || sp == YK_FREQ_EXACT)
        return 0;
    char given[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    yk_audit_quote(d->update_frequency, given);
    if (sp == YK_FREQ_LABEL)
        return yk_emit(ctx, &loc,
                       "`update_frequency` «%s» — підпис порталу, а не значення поля; "
                       "пишіть «%s»",
                       "`update_frequency` \"%s\" is the portal's label, not the field's value; "
                       "write \"%s\"",
                       given, yk_freq_api(f));
    if (sp == YK_FREQ_LENIENT)
        return yk_emit(ctx, &loc,
                       "`update_frequency` «%s» немає у словнику; прочитано як "
                       "«%s» (%s)",
                       "`update_frequency` \"%s\" is not in the vocabulary; read as \"%s\" (%s)",
                       given, yk_freq_label(f), yk_freq_api(f));
    return yk_emit(ctx, &loc,
                   "`update_frequency` «%s» прочитано як «%s»; пишіть значення порталу "
                   "«%s»",
                   "`update_frequency` \"%s\" was read as \"%s\"; write the portal's value "
                   "\"%s\"",
                   given, yk_freq_label(f), yk_freq_api(f));
}

static const struct yk_rule frequency_nonstandard = {
    .id = "time.frequency_nonstandard",
    .title_uk = "Частота оновлення написана не за словником",
    .title_en = "Update frequency not spelt as the vocabulary",
    .rationale = "«Щомісячно», \"раз на рік\", MONTHLY, \"once a month\" with a stray quote, the "
                 "portal's label «Щокварталу» in the API field: "
                 "yakist understands them, but data.gov.ua and harvesters compare the field "
                 "with their list literally. The message gives the value to write.",
    .source = SOURCE_FREQ "; data.gov.ua: словник update_frequency",
    .example = "{\"update_frequency\": \"Щомісячно\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_TIMELINESS,
    .weight = 0,
    .on_dataset = nonstandard_dataset,
};

/* --- time.overdue --------------------------------------------------------------------------- */

static const struct yk_param_desc overdue_params[] = {
    {.name = "grace_days",
     .type = YK_PARAM_INT,
     .default_value = "-1",
     .min = -1,
     .max = 60,
     .help = "working days of grace after the period; -1: the audit's setting (default 3)"},
};

/* The newest date of a change known up to the as-of day, and the field it came from. Dates
 * after as_of are time.future's and are passed over here, so a typo does not hide an overdue
 * dataset. */
static bool last_change(const struct yk_dataset *d, int64_t as_of, int64_t *day, const char **field)
{
    int64_t v;
    bool found = false;
    *field = NULL;
    if (yk_day_parse(d->metadata_created, &v) && v <= as_of)
        *day = v, *field = "metadata_created", found = true;
    if (yk_day_parse(d->metadata_modified, &v) && v <= as_of && (!found || v >= *day))
        *day = v, *field = "metadata_modified", found = true;
    for (size_t i = 0; i < d->nresources; i++)
        if (yk_day_parse(d->resources[i].last_modified, &v) && v <= as_of && (!found || v > *day))
            *day = v, *field = "resources[].last_modified", found = true;
    return found;
}

static int overdue_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    int64_t as_of, last = 0, changed;
    const char *field;
    struct yk_freq_period p;
    if (!env || !yk_day_parse(env->as_of, &as_of))
        return 0;
    enum yk_freq f = yk_freq_parse(d->update_frequency, NULL);
    if (!yk_freq_period(f, &p) || !last_change(d, as_of, &last, &field))
        return 0;
    int64_t grace = yk_ctx_param_int(ctx, "grace_days");
    unsigned g = grace >= 0 ? (unsigned)grace : env->grace_days;
    int64_t due =
        yk_day_add_working(p.months ? yk_day_add_months(last, p.months) : last + p.days, g);
    /* «Immediately after making changes»: when the data is known to have changed after the last
     * publication (its «current as of» date), the grace runs from that change. */
    if (f == YK_FREQ_ON_CHANGE && yk_day_parse(d->data_as_of, &changed) && changed > last &&
        changed <= as_of) {
        due = yk_day_add_working(changed, g);
        field = "data_as_of";
        last = changed;
    }
    if (as_of <= due)
        return 0;
    yk_ctx_set_overdue(ctx, true);
    char l[16], u[16];
    struct yk_loc loc = yk_audit_loc(d);
    long long late = (long long)yk_day_working_between(due, as_of);
    return yk_emit(ctx, &loc,
                   "не оновлено: остання зміна %s (`%s`), частота «%s»; оновити слід було до %s "
                   "— прострочено на %lld роб. дн.",
                   "not updated: last change %s (`%s`), frequency \"%s\"; it was due by %s — "
                   "%lld working days late",
                   yk_day_format(l, last), field, yk_freq_label(f), yk_day_format(u, due), late);
}

static const struct yk_rule overdue = {
    .id = "time.overdue",
    .title_uk = "Набір не оновлено вчасно",
    .title_en = "Dataset overdue",
    .rationale = "A dataset promises an update frequency; at the audit's as-of date its last "
                 "change (the newest of metadata_modified and the resources' last_modified) "
                 "must be no older than that period plus a grace of working days (the "
                 "Ministry asks for an update within 3 working days; holidays are not "
                 "counted apart). «Immediately after making changes» allows one quarter, or the "
                 "grace after a known change of the data. Unscheduled and no-longer-updated "
                 "datasets are not judged here; a mandatory dataset that is no longer updated is "
                 "coverage.not_updated's. data.gov.ua marks such datasets «Не оновлений».",
    .source = SOURCE_FREQ "; Мінцифри, методичні рекомендації: оновлення протягом 3 робочих "
                          "днів",
    .example = "{\"update_frequency\": \"once a month\", \"metadata_modified\": \"2025-01-10\"} "
               "at --as-of 2025-10-01",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_TIMELINESS,
    .weight = 5,
    .compliance = true,
    .params = overdue_params,
    .nparams = 1,
    .on_dataset = overdue_dataset,
};

/* --- time.future ---------------------------------------------------------------------------- */

struct future {
    int64_t as_of;
    size_t count;
    const char *field; /* the first date after as_of */
    size_t resource;   /* its resource, when field is a resource's */
    int64_t day;
};

static void look(struct future *fu, const char *value, const char *field, size_t resource)
{
    int64_t v;
    if (!yk_day_parse(value, &v) || v <= fu->as_of)
        return;
    if (fu->count++ == 0)
        fu->field = field, fu->resource = resource, fu->day = v;
}

static int future_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    struct future fu = {0};
    if (!env || !yk_day_parse(env->as_of, &fu.as_of))
        return 0;
    look(&fu, d->metadata_created, "metadata_created", 0);
    look(&fu, d->metadata_modified, "metadata_modified", 0);
    look(&fu, d->data_as_of, "data_as_of", 0);
    for (size_t i = 0; i < d->nresources; i++) {
        look(&fu, d->resources[i].created, "resources[].created", i + 1);
        look(&fu, d->resources[i].last_modified, "resources[].last_modified", i + 1);
    }
    if (fu.count == 0)
        return 0;
    char day[16], at[16];
    struct yk_loc loc = yk_audit_loc(d);
    yk_day_format(day, fu.day);
    yk_day_format(at, fu.as_of);
    if (fu.resource)
        return yk_emit(ctx, &loc,
                       "дат із майбутнього: %zu; перша — `%s` ресурсу %zu: %s (дата "
                       "аудиту %s)",
                       "dates in the future: %zu; the first is `%s` of resource %zu: %s (audit "
                       "date %s)",
                       fu.count, fu.field, fu.resource, day, at);
    return yk_emit(ctx, &loc, "дат із майбутнього: %zu; перша — `%s`: %s (дата аудиту %s)",
                   "dates in the future: %zu; the first is `%s`: %s (audit date %s)", fu.count,
                   fu.field, day, at);
}

static const struct yk_rule future = {
    .id = "time.future",
    .title_uk = "Дата з майбутнього",
    .title_en = "Date in the future",
    .rationale = "A publication or change date after the audit date (element 9 «not in the "
                 "future») is a typo, a wrong clock or a planned date written as a fact. It "
                 "makes a dataset look fresh when it is not, so such dates are left out when "
                 "time.overdue looks for the last change.",
    .source = SOURCE_FREQ ", елемент 9 (дата останньої зміни)",
    .example = "{\"metadata_modified\": \"2052-01-10\"} at --as-of 2025-10-01",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_TIMELINESS,
    .weight = 2,
    .compliance = true,
    .on_dataset = future_dataset,
};

static const struct yk_rule *const time_rules[] = {
    &frequency_unknown,
    &frequency_nonstandard,
    &overdue,
    &future,
};

const struct yk_family yk_family_time = {
    .name = "time",
    .title_uk = "Своєчасність: частота оновлення і прострочені набори",
    .title_en = "Timeliness: update frequency and overdue datasets",
    .rules = time_rules,
    .nrules = sizeof time_rules / sizeof time_rules[0],
};
