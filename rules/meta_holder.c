/* yakist — `meta` rules on who stands behind a dataset (п. 7, elements 16-17) and on what terms
 * it is given: the information holder's name and ЄДРПОУ, the responsible person and their
 * e-mail, and an open licence (art. 10-1 of the Law on access to public information). */
#include <string.h>

#include "audit_rules.h"
#include "passport.h"
#include "values.h"

#define SOURCE_P7 "Постанова КМУ № 835, Положення про набори даних, п. 7"

/* --- meta.publisher, meta.publisher_code ---------------------------------------------------- */

static int publisher_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx) || !yk_text_blank(d->publisher_name))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "не вказано розпорядника інформації (`organization.title`)",
                   "no information holder: `organization.title` is empty");
}

const struct yk_rule yk_rule_meta_publisher = {
    .id = "meta.publisher",
    .title_uk = "Не вказано розпорядника інформації",
    .title_en = "No information holder",
    .rationale = "Element 16 names the information holder that answers for the dataset. "
                 "Without it users do not know whom to ask, and the audit cannot charge the "
                 "dataset to a department in the rating.",
    .source = SOURCE_P7 ", елемент 16 (розпорядник інформації)",
    .example = "{\"organization\": null}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 3,
    .compliance = true,
    .on_dataset = publisher_dataset,
};

static int publisher_code_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    const struct yk_audit_env *env = yk_audit_dataset_env(ctx);
    if (!env || yk_text_blank(d->publisher_name))
        return 0; /* no holder at all is meta.publisher's */
    const struct yk_publisher *p = env->current->publisher;
    const char *known = p && yk_edrpou_check(p->edrpou) == YK_CODE_OK ? p->edrpou : NULL;
    char given[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    yk_audit_quote(d->publisher_edrpou, given);
    switch (yk_edrpou_check(d->publisher_edrpou)) {
    case YK_CODE_OK:
        break;
    case YK_CODE_EMPTY:
        if (known)
            return yk_emit(ctx, &loc, "не вказано код ЄДРПОУ розпорядника (за council.json — %s)",
                           "the holder's ЄДРПОУ code is not given (council.json says %s)", known);
        return yk_emit(ctx, &loc, "не вказано код ЄДРПОУ розпорядника",
                       "the holder's ЄДРПОУ code is not given");
    case YK_CODE_CHECK:
        return yk_emit(ctx, &loc, "код ЄДРПОУ розпорядника «%s»: неправильна контрольна цифра",
                       "the holder's ЄДРПОУ code \"%s\" has a wrong check digit", given);
    default:
        return yk_emit(ctx, &loc, "код ЄДРПОУ розпорядника «%s» — не 8 цифр",
                       "the holder's ЄДРПОУ code \"%s\" is not 8 digits", given);
    }
    if (known && !strstr(d->publisher_edrpou, known))
        return yk_emit(ctx, &loc, "код ЄДРПОУ розпорядника «%s», а за council.json — %s",
                       "the holder's ЄДРПОУ code is \"%s\", but council.json says %s", given,
                       known);
    return 0;
}

const struct yk_rule yk_rule_meta_publisher_code = {
    .id = "meta.publisher_code",
    .title_uk = "Код ЄДРПОУ розпорядника відсутній або хибний",
    .title_en = "Holder's ЄДРПОУ code missing or wrong",
    .rationale = "The holder is identified by its ЄДРПОУ code: names change and are spelt in "
                 "many ways, the code does not. It has 8 digits, the last a check digit; a "
                 "wrong one is a typo. When council.json knows the holder's code, the "
                 "metadata must give the same.",
    .source = SOURCE_P7 ", елемент 16; ЄДРПОУ: контрольний розряд (Держстат)",
    .example = "{\"organization\": {\"title\": \"Фінансове управління\"}, \"edrpou\": "
               "\"12345678\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = publisher_code_dataset,
};

/* --- meta.maintainer, meta.maintainer_email ------------------------------------------------- */

static int maintainer_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx) || !yk_text_blank(d->maintainer))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    return yk_emit(ctx, &loc, "не вказано відповідальну особу (`maintainer`)",
                   "no responsible person: `maintainer` is empty");
}

const struct yk_rule yk_rule_meta_maintainer = {
    .id = "meta.maintainer",
    .title_uk = "Не вказано відповідальну особу",
    .title_en = "No responsible person",
    .rationale = "Element 17 names the person responsible for the dataset. Users report errors "
                 "to them, and the Ministry's assessment asks whether responsible persons are "
                 "named.",
    .source = SOURCE_P7 ", елемент 17 (відповідальна особа)",
    .example = "{\"maintainer\": \"\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = maintainer_dataset,
};

static const char *email_fault(enum yk_email v, bool en)
{
    switch (v) {
    case YK_EMAIL_NO_AT:
        return en ? "no @" : "немає @";
    case YK_EMAIL_MANY_AT:
        return en ? "more than one @" : "більше одного @";
    case YK_EMAIL_SPACE:
        return en ? "a space inside" : "пробіл усередині";
    case YK_EMAIL_MAILTO:
        return en ? "a mailto: prefix" : "префікс mailto:";
    case YK_EMAIL_NON_LATIN:
        return en ? "non-Latin letters before @" : "нелатинські літери перед @";
    case YK_EMAIL_DOMAIN:
        return en ? "a bad domain" : "хибний домен";
    default:
        return en ? "bad characters before @" : "хибні символи перед @";
    }
}

static int maintainer_email_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    struct yk_loc loc = yk_audit_loc(d);
    if (yk_text_blank(d->maintainer_email))
        return yk_emit(ctx, &loc, "не вказано e-mail відповідальної особи (`maintainer_email`)",
                       "no e-mail of the responsible person: `maintainer_email` is empty");
    /* Several addresses, separated by commas or semicolons, are each judged. */
    const char *s = d->maintainer_email;
    for (size_t i = 0; s[i];) {
        size_t n = strcspn(s + i, ",;"), start;
        size_t len = yk_file_trim(s + i, n, &start);
        enum yk_email v = len ? yk_email_check(s + i + start, len) : YK_EMAIL_OK;
        if (v != YK_EMAIL_OK) {
            char given[YK_FILE_SNIPPET_SIZE];
            yk_file_snippet(given, s + i + start, len);
            return yk_emit(ctx, &loc, "`maintainer_email` «%s» — не адреса e-mail (%s%.0s)",
                           "`maintainer_email` \"%s\" is not an e-mail address (%.0s%s)", given,
                           email_fault(v, false), email_fault(v, true));
        }
        i += n + (s[i + n] != '\0');
    }
    return 0;
}

const struct yk_rule yk_rule_meta_maintainer_email = {
    .id = "meta.maintainer_email",
    .title_uk = "E-mail відповідальної особи відсутній або хибний",
    .title_en = "Responsible person's e-mail missing or invalid",
    .rationale = "Element 17 includes the e-mail of the responsible person: the one channel a "
                 "user has to report an error or ask a question. An address without @, with a "
                 "Cyrillic local part, spaces or a mailto: prefix bounces.",
    .source = SOURCE_P7 ", елемент 17 (адреса електронної пошти відповідальної особи)",
    .example = "{\"maintainer_email\": \"finance(at)chortkiv.gov.ua\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_METADATA,
    .weight = 2,
    .compliance = true,
    .on_dataset = maintainer_email_dataset,
};

/* --- meta.licence --------------------------------------------------------------------------- */

static int licence_dataset(struct yk_rule_ctx *ctx, const struct yk_dataset *d)
{
    if (!yk_audit_dataset_env(ctx))
        return 0;
    char given[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_audit_loc(d);
    const char *text = !yk_text_blank(d->license_id) ? d->license_id : d->license_title;
    yk_audit_quote(text, given);
    switch (yk_licence_classify(d->license_id, d->license_title, NULL)) {
    case YK_LICENCE_OPEN:
        return 0;
    case YK_LICENCE_NONE:
        return yk_emit(ctx, &loc,
                       "не вказано ліцензію (`license_id`): потрібна відкрита, "
                       "наприклад cc-by",
                       "no licence (`license_id`): an open one is needed, e.g. cc-by");
    case YK_LICENCE_SHARE_ALIKE:
        return yk_emit(ctx, &loc,
                       "ліцензія «%s» вимагає поширювати похідні дані на тих самих "
                       "умовах, чого Закон не встановлює: потрібна cc-by",
                       "licence \"%s\" requires derived data to be shared alike, a condition the "
                       "Law does not set: use cc-by",
                       given);
    case YK_LICENCE_RESTRICTED:
        return yk_emit(ctx, &loc,
                       "ліцензія «%s» забороняє комерційне використання чи зміни: "
                       "потрібна відкрита, наприклад cc-by",
                       "licence \"%s\" forbids commercial use or changes: an open one is needed, "
                       "e.g. cc-by",
                       given);
    default:
        return yk_emit(ctx, &loc,
                       "ліцензія «%s» не є відкритою (cc-by, cc0, odc-by, odc-pddl, "
                       "other-open)",
                       "licence \"%s\" is not an open licence (cc-by, cc0, odc-by, odc-pddl, "
                       "other-open)",
                       given);
    }
}

const struct yk_rule yk_rule_meta_licence = {
    .id = "meta.licence",
    .title_uk = "Ліцензія не відкрита або не вказана",
    .title_en = "Licence not open or missing",
    .rationale = "Open data may be copied, published, combined and used, commercially too, "
                 "with a reference to the source (art. 10-1 of the Law). data.gov.ua gives "
                 "every dataset CC BY; CC BY of any version, CC0, ODC-BY, ODC-PDDL and the "
                 "portal's other-open and other-pd conform. Non-commercial, no-derivatives and "
                 "share-alike licences add conditions the Law does not allow, and without a "
                 "licence the dataset scores no star on the five-star scale.",
    .source = "Закон України «Про доступ до публічної інформації», ст. 10-1; Постанова КМУ "
              "№ 835; ckanext-qa five-star scheme (★ open licence)",
    .example = "{\"license_id\": \"cc-nc\"}",
    .scope = YK_SCOPE_DATASET,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_OPENNESS,
    .weight = 5,
    .compliance = true,
    .on_dataset = licence_dataset,
};
