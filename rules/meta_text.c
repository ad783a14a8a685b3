/* yakist — `meta` rules on the text elements of the passport (п. 7, elements 1-4): the
 * identifier and its slug form, the title (its length and the Перелік wording), the
 * description, and the legal basis and purpose of collection. Lengths count
 * characters, not bytes: a Cyrillic letter is two bytes of UTF-8 but one character. */
#include <string.h>

#include "audit_rules.h"
#include "passport.h"
#include "utf8.h"

#define SOURCE_P7 "Постанова КМУ № 835, Положення про набори даних, п. 7"

static size_t chars(const char *s)
{
    return s ? yk_utf8_count((const unsigned char *)s, strlen(s)) : 0;
}

/* A required text element: a finding when it is blank. */
static int require(struct yk_rule_ctx *ctx, const char *value, const char *field,
                   const char *what_uk, const char *what_en)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || !yk_text_blank(value))
        return 0;
    struct yk_loc loc = yk_audit_loc(env->current->dataset);
    return yk_emit(ctx, &loc, "не заповнено `%s` (%s%.0s)", "`%s` (%.0s%s) is empty", field,
                   what_uk, what_en);
}

/* A text element with a length limit (the rule's "max" parameter). */
static int limit(struct yk_rule_ctx *ctx, const char *value, const char *field)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || !value)
        return 0;
    size_t n = chars(value), max = (size_t)yk_ctx_param_int(ctx, "max");
    if (n <= max)
        return 0;
    struct yk_loc loc = yk_audit_loc(env->current->dataset);
    return yk_emit(ctx, &loc, "`%s` має %zu символів, більше за межу %zu",
                   "`%s` has %zu characters, more than the limit of %zu", field, n, max);
}

#define MAX_PARAM(var, def, text)                                                                  \
    static const struct yk_param_desc var[] = {                                                    \
        {.name = "max",                                                                            \
         .type = YK_PARAM_INT,                                                                     \
         .default_value = def,                                                                     \
         .min = 1,                                                                                 \
         .max = 1000000,                                                                           \
         .help = text},                                                                            \
    }

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
static int char_len(const char *s)
{
    int k = 1;
    while (k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k++;
    return k;
}

/* --- meta.identifier, meta.identifier_form ------------------------------------------------ */

static int identifier_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx) || !yk_text_blank(d->name) || !yk_text_blank(d->id))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "немає ідентифікатора: `name` і `id` порожні",
                   "no identifier: `name` and `id` are empty");
}

const struct yk_rule yk_rule_meta_identifier = {
    .id = "meta.identifier",
    .title_uk = "Немає ідентифікатора набору",
    .title_en = "No dataset identifier",
    .rationale = "The identifier (element 1 of the passport) is how the portal, the register of "
                 "datasets, harvesting and links refer to a dataset. Without it the dataset "
                 "cannot be found again or matched between quarterly audits.",
    .source = SOURCE_P7 ", елемент 1 (ідентифікатор)",
    .example = "{\"title\": \"Бюджет громади\"} (no name, no id)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 5,
    .compliance = true,
    .on_dataset = identifier_dataset,
};

static int identifier_form_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    size_t at;
    if (!yk_audit_dataset_env(ctx) || yk_text_blank(d->name))
        return 0;
    enum yk_slug v = yk_slug_check(d->name, &at);
    char name[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    yk_audit_quote(d->name, name);
    switch (v) {
    case YK_SLUG_OK:
    case YK_SLUG_EMPTY:
        return 0;
    case YK_SLUG_UPPER:
        return yk_emit(ctx, &loc, "`name` «%s» має великі літери: лише малі латинські",
                       "`name` \"%s\" has upper-case letters: lower-case Latin only", name);
    case YK_SLUG_CHARS:
        return yk_emit(ctx, &loc, "`name` «%s»: «%.*s» — не мала латинська літера, цифра чи «-»",
                       "`name` \"%s\": '%.*s' is not a lower-case Latin letter, digit or '-'", name,
                       char_len(d->name + at), d->name + at);
    case YK_SLUG_HYPHENS:
        return yk_emit(ctx, &loc,
                       "`name` «%s» починається чи закінчується дефісом або має два "
                       "дефіси поспіль",
                       "`name` \"%s\" starts or ends with a hyphen or has two in a row", name);
    default:
        return yk_emit(ctx, &loc, "`name` «%s» коротше 2 або довше 100 символів",
                       "`name` \"%s\" is shorter than 2 or longer than 100 characters", name);
    }
}

const struct yk_rule yk_rule_meta_identifier_form = {
    .id = "meta.identifier_form",
    .title_uk = "Ідентифікатор не у формі slug",
    .title_en = "Identifier is not a slug",
    .rationale = "The identifier becomes part of the dataset's address on the portal and in the "
                 "register. The Ministry's recommendations ask for lower-case Latin letters, "
                 "digits and hyphens (chortkiv-budget-2025): Cyrillic, spaces, capitals and "
                 "underscores break links, harvesting and comparisons between systems.",
    .source = SOURCE_P7 ", елемент 1; Мінцифри, методичні рекомендації: ідентифікатор — малі "
                        "латинські літери, цифри, дефіси",
    .example = "{\"name\": \"Бюджет_2025\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = identifier_form_dataset,
};

/* --- meta.title, meta.title_length, meta.title_wording ------------------------------------ */

static int title_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return require(ctx, d->title, "title", "назва", "title");
}

const struct yk_rule yk_rule_meta_title = {
    .id = "meta.title",
    .title_uk = "Немає назви набору",
    .title_en = "No dataset title",
    .rationale = "The title (element 2) is what people search for and what the Перелік coverage "
                 "is matched on. A dataset without one cannot be found, matched or rated.",
    .source = SOURCE_P7 ", елемент 2 (назва)",
    .example = "{\"name\": \"budget\", \"title\": \"\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 5,
    .compliance = true,
    .on_dataset = title_dataset,
};

MAX_PARAM(title_params, "254", "most characters a title may have (data.gov.ua: 254)");

static int title_length_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return limit(ctx, d->title, "title");
}

const struct yk_rule yk_rule_meta_title_length = {
    .id = "meta.title_length",
    .title_uk = "Назва довша за 254 символи",
    .title_en = "Title longer than 254 characters",
    .rationale = "data.gov.ua keeps at most 254 characters of a title; a longer one is cut on "
                 "harvesting and the end, often the holder's name, is lost. Characters are "
                 "counted, not bytes.",
    .source = SOURCE_P7 ", елемент 2; data.gov.ua: назва до 254 символів",
    .example = "(a title of 300 characters)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = true,
    .params = title_params,
    .nparams = 1,
    .on_dataset = title_length_dataset,
};

static const struct yk_param_desc wording_params[] = {
    {.name = "min_score",
     .type = YK_PARAM_INT,
     .default_value = "850",
     .min = 0,
     .max = 1000,
     .help = "title matches scored below this are left to coverage.low_confidence"},
};

static int title_wording_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || yk_text_blank(d->title))
        return 0;
    const struct yk_item_match *m = &env->current->match;
    if (m->how == YK_MATCH_NONE || !m->item || !m->item->title)
        return 0;
    if (m->how == YK_MATCH_TITLE && m->score < (unsigned)yk_ctx_param_int(ctx, "min_score"))
        return 0;
    if (yk_title_follows(d->title, m->item->title))
        return 0;
    char official[YK_AUDIT_WORDING_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    yk_audit_cut(m->item->title, YK_AUDIT_WORDING_CHARS, official, sizeof official);
    return yk_emit(ctx, &loc, "`title` не за формулюванням Переліку (%s): «%s»",
                   "`title` does not follow the Перелік wording (%s): \"%s\"", m->item->key,
                   official);
}

const struct yk_rule yk_rule_meta_title_wording = {
    .id = "meta.title_wording",
    .title_uk = "Назва не за формулюванням Переліку",
    .title_en = "Title differs from the Перелік wording",
    .rationale = "A mandatory dataset should carry the title the Перелік gives it, optionally "
                 "followed by the holder's name, so that users, the Ministry and data.gov.ua "
                 "recognise it. Abbreviated and old titles («Розклад руху», «Довідник») make "
                 "coverage hard to verify. Case, quotes, apostrophes and numbering do not "
                 "count; the message gives the official wording.",
    .source = SOURCE_P7 ", елемент 2; Перелік наборів даних (додаток до постанови № 835)",
    .example = "{\"title\": \"Бюджет\"} matched to «Бюджет територіальної громади …»",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .params = wording_params,
    .nparams = 1,
    .on_dataset = title_wording_dataset,
};

/* --- meta.description, meta.description_length -------------------------------------------- */

static int description_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return require(ctx, d->notes, "notes", "опис", "description");
}

const struct yk_rule yk_rule_meta_description = {
    .id = "meta.description",
    .title_uk = "Немає опису набору",
    .title_en = "No dataset description",
    .rationale = "The description (element 3) says what the data is, what it covers and what "
                 "is withheld as restricted information. Without it a user cannot tell whether "
                 "the dataset answers their question.",
    .source = SOURCE_P7 ", елемент 3 (опис)",
    .example = "{\"notes\": \"\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 3,
    .compliance = true,
    .on_dataset = description_dataset,
};

MAX_PARAM(description_params, "4000", "most characters a description may have (4000)");

static int description_length_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return limit(ctx, d->notes, "notes");
}

const struct yk_rule yk_rule_meta_description_length = {
    .id = "meta.description_length",
    .title_uk = "Опис довший за 4000 символів",
    .title_en = "Description longer than 4000 characters",
    .rationale = "The portal keeps at most 4000 characters of a description. A longer text is "
                 "usually a pasted document; it belongs in a resource, and the description "
                 "should say briefly what the data is.",
    .source = SOURCE_P7 ", елемент 3; data.gov.ua: опис до 4000 символів",
    .example = "(a description of 5000 characters)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = true,
    .params = description_params,
    .nparams = 1,
    .on_dataset = description_length_dataset,
};

/* --- meta.purpose, meta.purpose_length ---------------------------------------------------- */

static int purpose_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return require(ctx, d->purpose, "purpose_of_collecting_information",
                   "підстава та призначення збору", "legal basis and purpose");
}

const struct yk_rule yk_rule_meta_purpose = {
    .id = "meta.purpose",
    .title_uk = "Немає підстави та призначення збору інформації",
    .title_en = "No legal basis and purpose of collection",
    .rationale = "Element 4 names the acts (with dates and numbers) under which the holder "
                 "collects the data and why. data.gov.ua requires it; it tells users how "
                 "authoritative the data is.",
    .source = SOURCE_P7 ", елемент 4 (підстава та призначення збору)",
    .example = "{\"purpose_of_collecting_information\": \"\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 3,
    .compliance = true,
    .on_dataset = purpose_dataset,
};

MAX_PARAM(purpose_params, "512", "most characters the purpose may have (data.gov.ua: 512)");

static int purpose_length_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    return limit(ctx, d->purpose, "purpose_of_collecting_information");
}

const struct yk_rule yk_rule_meta_purpose_length = {
    .id = "meta.purpose_length",
    .title_uk = "Підстава збору довша за 512 символів",
    .title_en = "Purpose longer than 512 characters",
    .rationale = "data.gov.ua accepts at most 512 characters for the legal basis and purpose; a "
                 "longer text is refused or cut on harvesting. Name the acts, do not quote them.",
    .source = SOURCE_P7 ", елемент 4; data.gov.ua: до 512 символів",
    .example = "(a purpose of 600 characters)",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 1,
    .compliance = true,
    .params = purpose_params,
    .nparams = 1,
    .on_dataset = purpose_length_dataset,
};
