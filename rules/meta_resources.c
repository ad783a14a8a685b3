/* yakist — `meta` rules on the passport elements about the data itself (п. 7, elements 5-6,
 * 8-9, 11-13 and 15): the language, a declared format per resource, the dates of first publication
 * and of the last change, the update frequency, keywords, a link to the data on every resource and
 * a resource describing the structure. What the frequency means is the `time` family's; what the
 * format is worth is the `open` family's. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "audit_rules.h"
#include "dates.h"
#include "formats.h"
#include "passport.h"
#include "values.h"

#define SOURCE_P7 "Постанова КМУ № 835, Положення про набори даних, п. 7"

/* --- meta.format ---------------------------------------------------------------------------- */

static int format_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    int rc = 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        const struct yk_resource *r = &d->resources[i];
        char name[YK_FILE_SNIPPET_SIZE], given[YK_FILE_SNIPPET_SIZE];
        struct yk_fmt_reading fr;
        struct yk_loc loc = yk_audit_loc(d);
        yk_fmt_read(r->format, &fr);
        yk_audit_resource_name(r, i, name);
        if (fr.empty)
            rc = yk_emit(ctx, &loc, "ресурс «%s»: не заповнено `format`",
                         "resource \"%s\": `format` is empty", name);
        else if (!fr.unknown && fr.n == 1 &&
                 !(fr.flags & ~(unsigned)(YK_FMT_CASE | YK_FMT_SPACE)) && fr.flags)
            rc = yk_emit(ctx, &loc,
                         "ресурс «%s»: `format` «%s» слід писати великими латинськими "
                         "літерами: %s",
                         "resource \"%s\": `format` \"%s\" should be upper-case Latin: %s", name,
                         yk_audit_quote(r->format, given), fr.fmt[0]->name);
    }
    return rc;
}

const struct yk_rule yk_rule_meta_format = {
    .id = "meta.format",
    .title_uk = "Формат ресурсу не вказано або не великими літерами",
    .title_en = "Resource format missing or not upper-case",
    .rationale = "Element 6 is the format of every resource, written in upper-case Latin "
                 "(CSV, JSON, XML). Portals filter and count by this field; an empty one hides "
                 "the resource from format filters and from the openness assessment. Other "
                 "defects of the field (look-alike letters, media types, typos) are reported by "
                 "open.format_declared.",
    .source = SOURCE_P7 ", елемент 6 (формат)",
    .example = "{\"resources\": [{\"format\": \"csv\"}]}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = format_dataset,
};

/* --- meta.dates, meta.date_order ------------------------------------------------------------ */

static int date_field(struct yk_rule_ctx *ctx, const struct yk_dataset *d, const char *value,
                      const char *field)
{
    int64_t day;
    char given[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    if (yk_text_blank(value))
        return yk_emit(ctx, &loc, "не заповнено `%s`", "`%s` is empty", field);
    if (!yk_day_parse(value, &day))
        return yk_emit(ctx, &loc, "`%s` «%s» — не дата ISO 8601 (РРРР-ММ-ДД)",
                       "`%s` \"%s\" is not an ISO 8601 date (YYYY-MM-DD)", field,
                       yk_audit_quote(value, given));
    return 0;
}

static int dates_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    int rc = date_field(ctx, d, d->metadata_created, "metadata_created");
    return rc ? rc : date_field(ctx, d, d->metadata_modified, "metadata_modified");
}

const struct yk_rule yk_rule_meta_dates = {
    .id = "meta.dates",
    .title_uk = "Немає дати оприлюднення чи останньої зміни",
    .title_en = "No date of publication or of the last change",
    .rationale = "Elements 8 and 9 are the date of first publication and of the last change. "
                 "Without them nobody, the quarterly audit included, can tell whether the data "
                 "is current. Dates are ISO 8601; a date that is not one cannot be compared.",
    .source = SOURCE_P7 ", елементи 8-9 (дата оприлюднення, дата останньої зміни)",
    .example = "{\"metadata_created\": \"01.02.2024\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 3,
    .compliance = true,
    .on_dataset = dates_dataset,
};

static int date_order_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    int64_t created, modified;
    if (!yk_audit_dataset_env(ctx) || !yk_day_parse(d->metadata_created, &created) ||
        !yk_day_parse(d->metadata_modified, &modified) || modified >= created)
        return 0;
    char c[16], m[16];
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "`metadata_modified` (%s) раніше за `metadata_created` (%s)",
                   "`metadata_modified` (%s) is before `metadata_created` (%s)",
                   yk_day_format(m, modified), yk_day_format(c, created));
}

const struct yk_rule yk_rule_meta_date_order = {
    .id = "meta.date_order",
    .title_uk = "Дата зміни раніша за дату оприлюднення",
    .title_en = "Changed before it was published",
    .rationale = "The date of the last change cannot precede the first publication (element 9 "
                 "«not before element 8»). It happens when a catalog is migrated or dates are "
                 "typed by hand, and it makes the timeliness assessment meaningless. Dates after "
                 "the audit date are time.future's.",
    .source = SOURCE_P7 ", елементи 8-9",
    .example = "{\"metadata_created\": \"2024-05-01\", \"metadata_modified\": \"2023-05-01\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = true,
    .on_dataset = date_order_dataset,
};

/* --- meta.frequency, meta.keywords ---------------------------------------------------------- */

static int frequency_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx) || !yk_text_blank(d->update_frequency))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "не заповнено `update_frequency` (частота оновлення)",
                   "`update_frequency` (update frequency) is empty");
}

const struct yk_rule yk_rule_meta_frequency = {
    .id = "meta.frequency",
    .title_uk = "Не вказано частоту оновлення",
    .title_en = "No update frequency",
    .rationale = "Element 11 promises users how often the data is renewed, and the Ministry "
                 "and data.gov.ua judge timeliness against it. Without it a dataset can never be "
                 "called overdue, nor trusted to be current. Whether the value is a known one "
                 "is time.frequency_unknown's.",
    .source = SOURCE_P7 ", елемент 11 (частота оновлення)",
    .example = "{\"update_frequency\": \"\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 3,
    .compliance = true,
    .on_dataset = frequency_dataset,
};

static int keywords_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    for (size_t i = 0; i < d->ntags; i++)
        if (!yk_text_blank(d->tags[i]))
            return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "немає жодного ключового слова (`tags`)",
                   "no keywords: `tags` is empty");
}

const struct yk_rule yk_rule_meta_keywords = {
    .id = "meta.keywords",
    .title_uk = "Немає ключових слів",
    .title_en = "No keywords",
    .rationale = "Element 12: at least one keyword. Keywords are how portals group and find "
                 "datasets («бюджет», «освіта», «транспорт»); a dataset without them only turns "
                 "up for words of its title.",
    .source = SOURCE_P7 ", елемент 12 (ключові слова)",
    .example = "{\"tags\": []}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = keywords_dataset,
};

/* --- meta.link ------------------------------------------------------------------------------ */

static int link_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    if (d->nresources == 0)
        return yk_emit(ctx, &loc, "немає жодного ресурсу: посилання на дані відсутнє",
                       "no resources: there is no link to the data");
    int rc = 0;
    for (size_t i = 0; i < d->nresources && rc == 0; i++) {
        char name[YK_FILE_SNIPPET_SIZE];
        if (yk_text_blank(d->resources[i].url))
            rc = yk_emit(ctx, &loc, "ресурс «%s»: не заповнено `url` (посилання на дані)",
                         "resource \"%s\": `url` (the link to the data) is empty",
                         yk_audit_resource_name(&d->resources[i], i, name));
    }
    return rc;
}

const struct yk_rule yk_rule_meta_link = {
    .id = "meta.link",
    .title_uk = "Немає посилання на дані",
    .title_en = "No link to the data",
    .rationale = "Element 13 is the link to the data itself (a file or an API). A dataset "
                 "without resources, or a resource without a link, publishes only a "
                 "description. Whether a given link works is open.broken's.",
    .source = SOURCE_P7 ", елемент 13 (посилання на набір даних)",
    .example = "{\"resources\": [{\"name\": \"Дані\", \"url\": \"\"}]}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 5,
    .compliance = true,
    .on_dataset = link_dataset,
};

/* --- meta.structure ------------------------------------------------------------------------- */

/* Does the text name a structure description? */
static bool names_structure(const char *s)
{
    static const char *const words[] = {"структур", "structure", "schema"};
    char low[512];
    if (!s)
        return false;
    size_t n = strlen(s);
    n = yk_utf8_lower(s, n < sizeof low - 1 ? n : sizeof low - 1, low, sizeof low - 1);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(low, words[i]))
            return true;
    return false;
}

bool yk_audit_is_structure(const struct yk_resource *r)
{
    return names_structure(r->name) || names_structure(r->description) || names_structure(r->url);
}

static int structure_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || d->nresources == 0)
        return 0;
    for (size_t i = 0; i < d->nresources; i++) {
        const struct yk_resource *r = &d->resources[i];
        const struct yk_file_result *f = yk_audit_file(env, i);
        if (r->schema || (f && f->schema && !f->schema_standard) || yk_audit_is_structure(r))
            return 0;
    }
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc,
                   "немає ресурсу зі структурою набору («Структура…», structure, schema)",
                   "no resource describes the structure («Структура…», structure, schema)");
}

const struct yk_rule yk_rule_meta_structure = {
    .id = "meta.structure",
    .title_uk = "Немає опису структури набору",
    .title_en = "No structure description",
    .rationale = "Element 15 is a link to the structure of the dataset: one row per column with "
                 "its machine name, title, description, type and whether it is required, "
                 "published beside the data. A resource counts when its name, description or "
                 "link says «Структура», structure or schema, when it declares a Table Schema, "
                 "or when a structure file was found next to the data.",
    .source = SOURCE_P7 ", елемент 15 (структура набору даних); Мінцифри, методичні "
                        "рекомендації: опис структури",
    .example = "{\"resources\": [{\"name\": \"Дані\", \"format\": \"CSV\"}]}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = structure_dataset,
};

/* --- meta.language, meta.language_code ---------------------------------------------------- */

enum lang { LANG_MISSING = 0, LANG_UK, LANG_UA, LANG_OTHER };

/* Read the language field: "uk", "uk-UA", "uk,en", an EU language URI (.../language/UKR). */
static enum lang language(const char *s, char *first, size_t cap)
{
    enum lang best = LANG_MISSING;
    if (yk_text_blank(s))
        return LANG_MISSING;
    const char *slash = strrchr(s, '/');
    bool uri = slash && strstr(s, "://");
    if (uri)
        s = slash + 1;
    first[0] = '\0';
    for (size_t i = 0; s[i];) {
        size_t n = strcspn(s + i, " ,;|");
        const char *t = s + i;
        if (n && !first[0])
            snprintf(first, cap, "%.*s", (int)(n < 16 ? n : 16), t);
        bool uk = (n == 2 && strncasecmp(t, "uk", 2) == 0) ||
                  (n > 3 && (strncasecmp(t, "uk-", 3) == 0 || strncasecmp(t, "uk_", 3) == 0)) ||
                  (uri && n == 3 && strncasecmp(t, "ukr", 3) == 0);
        if (uk)
            return LANG_UK;
        if (n == 2 && strncasecmp(t, "ua", 2) == 0)
            best = LANG_UA;
        else if (n && best == LANG_MISSING)
            best = LANG_OTHER;
        i += n + (s[i + n] != '\0');
    }
    return best;
}

static int language_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    char first[24];
    if (!yk_audit_dataset_env(ctx))
        return 0;
    enum lang v = language(d->language, first, sizeof first);
    struct yk_loc loc = yk_audit_loc(d);
    if (v == LANG_MISSING)
        return yk_emit(ctx, &loc, "не заповнено `language`: має бути `uk`",
                       "`language` is empty: it should be `uk`");
    if (v == LANG_OTHER)
        return yk_emit(ctx, &loc, "`language` «%s», а не `uk` (код мови за ISO 639-1)",
                       "`language` is \"%s\", not `uk` (the ISO 639-1 code)", first);
    return 0;
}

const struct yk_rule yk_rule_meta_language = {
    .id = "meta.language",
    .title_uk = "Мова набору не українська або не вказана",
    .title_en = "Language missing or not Ukrainian",
    .rationale = "Element 5 is the language of the data; datasets of Ukrainian holders are "
                 "published in Ukrainian, written as the ISO 639-1 code `uk` (DCAT-AP's "
                 "language URI …/language/UKR is accepted). «українська», `ukr` or an empty "
                 "field cannot be read by harvesters.",
    .source = SOURCE_P7 ", елемент 5 (мова); ISO 639-1",
    .example = "{\"language\": \"українська\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = true,
    .on_dataset = language_dataset,
};

static int language_code_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    char first[24];
    if (!yk_audit_dataset_env(ctx) || language(d->language, first, sizeof first) != LANG_UA)
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "`language` `ua` — це код країни; код української мови — `uk`",
                   "`language` `ua` is the country code; the code of Ukrainian is `uk`");
}

const struct yk_rule yk_rule_meta_language_code = {
    .id = "meta.language_code",
    .title_uk = "Код мови `ua` замість `uk`",
    .title_en = "Language code `ua` instead of `uk`",
    .rationale = "Many Ukrainian tools write `ua`, the country code, for the language. "
                 "data.gov.ua accepts it, so it is no error, but `uk` is the ISO 639-1 code that "
                 "other portals and the EU vocabulary understand.",
    .source = SOURCE_P7 ", елемент 5; ISO 639-1 (uk), ISO 3166-1 (UA)",
    .example = "{\"language\": \"ua\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_METADATA,
    .weight = 0,
    .on_dataset = language_code_dataset,
};
