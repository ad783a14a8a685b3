/* yakist — `content` rules about personal data of private persons: likely individual tax numbers
 * (РНОКПП) and private mobile phones and free-mail addresses outside contact columns. Both are
 * errors, and no message ever quotes the full value: numbers keep two digits at each end,
 * phones their operator code and last two digits, e-mail addresses their first letter and
 * domain. */
#include <string.h>

#include <yakist/error.h>

#include "content_rules.h"

/* Columns whose values are codes, dates, coordinates or contact details by role: a personal
 * number or phone cannot hide in them, or belongs there. */
#define NOT_FREE_TEXT                                                                              \
    (YK_ROLE_BIT(YK_ROLE_PHONE) | YK_ROLE_BIT(YK_ROLE_EMAIL) | YK_ROLE_BIT(YK_ROLE_URL) |          \
     YK_ROLE_BIT(YK_ROLE_DATE) | YK_ROLE_BIT(YK_ROLE_LATITUDE) | YK_ROLE_BIT(YK_ROLE_LONGITUDE) |  \
     YK_ROLE_BIT(YK_ROLE_KATOTTG) | YK_ROLE_BIT(YK_ROLE_POSTCODE))

#define ENTITY_COLUMNS (YK_ROLE_BIT(YK_ROLE_EDRPOU) | YK_ROLE_BIT(YK_ROLE_ID_CODE))

/* --- content.personal_tax_number ------------------------------------------------------------ */

static const struct yk_param_desc tax_params[] = {
    {.name = "entity_columns",
     .type = YK_PARAM_BOOL,
     .default_value = "true",
     .help = "also look in ЄДРПОУ and *Id columns, where sole proprietors' numbers leak most"},
};

static int tax_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    /* Record identifiers are left out too: a register numbered with 10-digit ids would match
     * one id in twenty-five. */
    unsigned watch = YK_ROLES_ALL & ~NOT_FREE_TEXT & ~YK_ROLE_BIT(YK_ROLE_RECORD_ID);
    if (!yk_ctx_param_bool(ctx, "entity_columns"))
        watch &= ~ENTITY_COLUMNS;
    return yk_content_begin(ctx, header, &st->roles, watch);
}

static int tax_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    const struct yk_cell *cell = &row->cells[col];
    size_t at;
    if (cell->len < 10 || !yk_rnokpp_find(cell->data, cell->len, &at))
        return 0;
    char masked[16], label[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc,
                   "ймовірно РНОКПП фізичної особи «%s» у стовпці «%s»: персональні дані не "
                   "оприлюднюють, знеособте їх",
                   "likely a person's tax number (РНОКПП) \"%s\" in column \"%s\": personal data "
                   "must not be published; depersonalise it",
                   yk_mask_digits(masked, sizeof masked, cell->data + at, 10, 2, 2),
                   yk_content_label(ctx, col, label));
}

const struct yk_rule yk_rule_content_personal_tax_number = {
    .id = "content.personal_tax_number",
    .title_uk = "Ймовірний РНОКПП фізичної особи",
    .title_en = "Likely personal tax number",
    .rationale = "The individual taxpayer number (РНОКПП) identifies a person for life and is "
                 "personal data; in open data it leaks most often as the code of a sole "
                 "proprietor (ФОП) in a column meant for ЄДРПОУ codes, which the structures "
                 "require to be depersonalised. A standalone 10-digit number whose check digit "
                 "matches and whose first five digits give a plausible birth date is reported "
                 "with its column; the message masks all but two digits at each end.",
    .source = "Закон України «Про захист персональних даних», ст. 2, 5; Постанова КМУ № 835, "
              "Положення (інформація з обмеженим доступом не оприлюднюється); структури наборів "
              "даних (2025): «дані РНОКПП фізичної особи-підприємця знеособлюються»",
    .frictionless = NULL,
    .example = "id,entityName,entityId\n1,ФОП Коваль С. В.,3012345670\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 5,
    .compliance = true,
    .params = tax_params,
    .nparams = sizeof tax_params / sizeof tax_params[0],
    .state_size = sizeof(struct yk_content_state),
    .on_header = tax_header,
    .on_cell = tax_cell,
};

/* --- content.personal_contact --------------------------------------------------------------- */

static int contact_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    unsigned watch = YK_ROLES_ALL & ~NOT_FREE_TEXT &
                     ~(YK_ROLE_BIT(YK_ROLE_CONTACT) | YK_ROLE_BIT(YK_ROLE_EDRPOU) |
                       YK_ROLE_BIT(YK_ROLE_TAX_NUMBER));
    return yk_content_begin(ctx, header, &st->roles, watch);
}

static int private_email(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    const struct yk_cell *cell = &row->cells[col];
    size_t at, len;
    if (!memchr(cell->data, '@', cell->len) || !yk_email_find(cell->data, cell->len, &at, &len))
        return 0;
    const char *addr = cell->data + at, *domain = (const char *)memchr(addr, '@', len) + 1;
    if (!yk_email_free_domain(domain, len - (size_t)(domain - addr)))
        return 0;
    char masked[YK_FILE_SNIPPET_SIZE], label[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc,
                   "ймовірно особиста адреса «%s» (безкоштовна поштова служба) у стовпці «%s», "
                   "що не призначений для контактів: персональні дані не оприлюднюють",
                   "likely a private e-mail address \"%s\" (a free mail service) in column "
                   "\"%s\", which is not a contact column: personal data must not be published",
                   yk_mask_email(masked, sizeof masked, addr, len),
                   yk_content_label(ctx, col, label));
}

static int private_phone(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    const struct yk_cell *cell = &row->cells[col];
    size_t at, len, head;
    if (cell->len < 10 || !yk_phone_find_mobile(cell->data, cell->len, &at, &len, &head))
        return 0;
    char masked[YK_FILE_SNIPPET_SIZE], label[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc,
                   "ймовірно особистий мобільний номер «%s» у стовпці «%s», що не призначений "
                   "для контактів: персональні дані не оприлюднюють",
                   "likely a private mobile number \"%s\" in column \"%s\", which is not a "
                   "contact column: personal data must not be published",
                   yk_mask_digits(masked, sizeof masked, cell->data + at,
                                  len < sizeof masked ? len : sizeof masked - 1, head, 2),
                   yk_content_label(ctx, col, label));
}

static int contact_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    int rc = private_email(ctx, row, col);
    return rc < 0 ? rc : private_phone(ctx, row, col);
}

const struct yk_rule yk_rule_content_personal_contact = {
    .id = "content.personal_contact",
    .title_uk = "Особистий телефон чи e-mail поза стовпцями контактів",
    .title_en = "Private phone or e-mail outside contact columns",
    .rationale = "Contact columns (telephone, email, contactPoint*) hold the official contacts "
                 "of a body. A mobile number or an address at a free mail service (gmail.com, "
                 "ukr.net, i.ua, meta.ua ...) in a name, description or note column is most often "
                 "a private person's: an applicant, a tenant, a sole proprietor. Such values are "
                 "personal data and must not be published. The message masks the value.",
    .source = "Закон України «Про захист персональних даних», ст. 2, 5; Постанова КМУ № 835, "
              "Положення (інформація з обмеженим доступом не оприлюднюється); Мінцифри, методичні "
              "рекомендації щодо публікування наборів даних (2019): знеособлення персональних "
              "даних",
    .frictionless = NULL,
    .example = "id,applicantName\n1,\"Коваль С. В., 067 123 45 67\"\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 5,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = contact_header,
    .on_cell = contact_cell,
};
