/* yakist — the `content` rule family: what is inside the cells, against the Ministry's content
 * conventions (dates, numbers, codes, contacts, coordinates, missing values, scripts, personal
 * data). The rules live in content_*.c; this file holds the family table and shared helpers. */
#include <stdio.h>
#include <string.h>

#include "content_rules.h"
#include "families.h"

static const struct yk_rule *const content_rules[] = {
    /* dates */
    &yk_rule_content_date_format,
    &yk_rule_content_date_invalid,
    &yk_rule_content_datetime_format,
    /* numbers */
    &yk_rule_content_decimal_mixed,
    &yk_rule_content_thousands_separator,
    &yk_rule_content_number_unit,
    /* coordinates */
    &yk_rule_content_coordinate_format,
    &yk_rule_content_coordinate_range,
    &yk_rule_content_coordinate_swapped,
    /* codes */
    &yk_rule_content_edrpou,
    &yk_rule_content_katottg,
    &yk_rule_content_postcode,
    /* contacts */
    &yk_rule_content_phone_format,
    &yk_rule_content_email_format,
    &yk_rule_content_url_format,
    /* values and text */
    &yk_rule_content_null_spelling,
    &yk_rule_content_required_missing,
    &yk_rule_content_mixed_script,
    &yk_rule_content_settlement_type,
    /* personal data */
    &yk_rule_content_personal_tax_number,
    &yk_rule_content_personal_contact,
};

const struct yk_family yk_family_content = {
    .name = "content",
    .title_uk = "Вміст: коди, дати, числа, контакти й персональні дані",
    .title_en = "Content: codes, dates, numbers, contacts and personal data",
    .rules = content_rules,
    .nrules = sizeof content_rules / sizeof content_rules[0],
};

int yk_content_begin(struct yk_rule_ctx *ctx, const struct yk_row *header, struct yk_roles *roles,
                     unsigned watch)
{
    int rc = yk_roles_assign(ctx, header, roles);
    for (size_t i = 0; rc == 0 && i < roles->n; i++)
        if (watch & YK_ROLE_BIT(roles->col[i].role))
            rc = yk_ctx_watch_column(ctx, i);
    return rc;
}

char *yk_content_label(struct yk_rule_ctx *ctx, size_t column, char *buf)
{
    const struct yk_row *header = yk_ctx_header(ctx);
    if (header && column < header->ncells) {
        size_t start,
            len = yk_file_trim(header->cells[column].data, header->cells[column].len, &start);
        if (len > 0)
            return yk_file_snippet(buf, header->cells[column].data + start, len);
    }
    snprintf(buf, YK_FILE_SNIPPET_SIZE, "%zu", column + 1);
    return buf;
}
