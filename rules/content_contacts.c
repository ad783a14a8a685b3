/* yakist — `content` rules about contact details in their own columns: phones in the +380 form,
 * e-mail syntax, links with an http(s) scheme and a host. Several phones or addresses in one
 * cell, separated by commas, are allowed (the 2025 structures say so for phones); each is
 * judged, and the first bad one is reported for the cell. */
#include <string.h>

#include <yakist/error.h>

#include "content_rules.h"

static int contact_header(struct yk_rule_ctx *ctx, const struct yk_row *header, enum yk_role role)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, YK_ROLE_BIT(role));
}

/* The next part of a list separated by any of seps, trimmed: *at advances past it. */
static const char *next_part(const char *s, size_t n, size_t *at, const char *seps, size_t *len)
{
    size_t b = *at, e = b;
    while (e < n && !(s[e] && strchr(seps, s[e])))
        e++;
    *at = e + 1;
    size_t start;
    *len = yk_file_trim(s + b, e - b, &start);
    return s + b + start;
}

/* --- content.phone_format ------------------------------------------------------------------ */

static const struct yk_param_desc phone_params[] = {
    {.name = "allow_380",
     .type = YK_PARAM_BOOL,
     .default_value = "false",
     .help = "accept 380XXXXXXXXX without the plus (the structures allow it in spreadsheets)"},
};

struct phone_state {
    struct yk_roles roles;
    bool allow_380; /* the parameter, read once */
};

static int phone_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct phone_state *st = yk_ctx_state(ctx);
    st->allow_380 = yk_ctx_param_bool(ctx, "allow_380");
    return yk_content_begin(ctx, header, &st->roles, YK_ROLE_BIT(YK_ROLE_PHONE));
}

static int phone_report(struct yk_rule_ctx *ctx, const struct yk_loc *loc, enum yk_phone verdict,
                        const char *s, size_t n, const char *suggestion)
{
    char text[YK_FILE_SNIPPET_SIZE];
    yk_content_quote(text, s, n);
    switch (verdict) {
    case YK_PHONE_NO_PLUS:
        return yk_emit(ctx, loc,
                       "номер «%s» без «+» (так можна лише в електронних таблицях): має "
                       "бути %s",
                       "phone \"%s\" lacks the \"+\" (allowed in spreadsheets only): write %s",
                       text, suggestion);
    case YK_PHONE_FORMAT:
        return yk_emit(ctx, loc,
                       "номер «%s» не у формі +380XXXXXXXXX без пробілів і дужок: має "
                       "бути %s",
                       "phone \"%s\" is not in the form +380XXXXXXXXX without spaces or "
                       "brackets: write %s",
                       text, suggestion);
    case YK_PHONE_SHORT:
        return yk_emit(ctx, loc,
                       "номер «%s» без коду міста чи оператора: потрібен повний номер "
                       "+380XXXXXXXXX",
                       "phone \"%s\" lacks the area or operator code: the full +380XXXXXXXXX "
                       "number is needed",
                       text);
    default:
        return yk_emit(ctx, loc, "«%s» — не номер телефону у формі +380XXXXXXXXX",
                       "\"%s\" is not a phone number in the form +380XXXXXXXXX", text);
    }
}

static int phone_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n, at = 0, len;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n))
        return 0;
    if (n == 13 && s[0] == '+' && memcmp(s, "+380", 4) == 0 && yk_all_digits(s + 4, 9))
        return 0; /* the common case, decided without the general scanner */
    bool allow_380 = ((const struct phone_state *)yk_ctx_state(ctx))->allow_380;
    while (at <= n) {
        const char *part = next_part(s, n, &at, ",", &len);
        char suggestion[14];
        enum yk_phone v = yk_phone_check(part, len, suggestion);
        if (v == YK_PHONE_OK || (v == YK_PHONE_NO_PLUS && allow_380))
            continue;
        struct yk_loc loc = yk_content_loc(row, col);
        return phone_report(ctx, &loc, len ? v : YK_PHONE_BAD, len ? part : s, len ? len : n,
                            suggestion);
    }
    return 0;
}

const struct yk_rule yk_rule_content_phone_format = {
    .id = "content.phone_format",
    .title_uk = "Телефон не у формі +380XXXXXXXXX",
    .title_en = "Phone not in the +380 form",
    .rationale = "The structures ask for phones as +380 followed by the 9 digits of the area or "
                 "operator code and the number, with no spaces, brackets or dashes, and several "
                 "numbers separated by commas. Numbers written (03552) 2-12-34, 067 123 45 67 or "
                 "without the area code cannot be dialled from another town, linked or compared. "
                 "Where the digits allow it, the message gives the +380 form.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019); "
              "структури наборів даних (2025): telephone — «+380123456789, 12 цифр, без пробілів і "
              "дужок»",
    .frictionless = NULL,
    .example = "id,telephone\n1,(03552) 2-12-34\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .params = phone_params,
    .nparams = sizeof phone_params / sizeof phone_params[0],
    .state_size = sizeof(struct phone_state),
    .on_header = phone_header,
    .on_cell = phone_cell,
};

/* --- content.email_format ------------------------------------------------------------------ */

static int email_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    return contact_header(ctx, header, YK_ROLE_EMAIL);
}

static int email_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    static const char *const why_uk[] = {
        "",
        "немає знака @",
        "кілька знаків @ в одній адресі",
        "пробіл усередині адреси",
        "зайвий префікс mailto:",
        "неприпустимі знаки або крапки в імені перед @",
        "нелатинські літери в імені перед @",
        "неправильний домен після @",
    };
    static const char *const why_en[] = {
        "",
        "no @ sign",
        "several @ signs in one address",
        "a space inside the address",
        "a stray mailto: prefix",
        "characters or dots not allowed in the name before the @",
        "non-Latin letters in the name before the @",
        "an invalid domain after the @",
    };
    size_t n, at = 0, len;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n))
        return 0;
    while (at <= n) {
        const char *part = next_part(s, n, &at, ",;", &len);
        enum yk_email v = yk_email_check(part, len);
        if (v == YK_EMAIL_OK)
            continue;
        char text[YK_FILE_SNIPPET_SIZE];
        struct yk_loc loc = yk_content_loc(row, col);
        return yk_emit(ctx, &loc, "адреса електронної пошти «%s» неправильна: %s%.0s",
                       "e-mail address \"%s\" is invalid: %.0s%s",
                       yk_content_quote(text, len ? part : s, len ? len : n), why_uk[v], why_en[v]);
    }
    return 0;
}

const struct yk_rule yk_rule_content_email_format = {
    .id = "content.email_format",
    .title_uk = "Неправильна адреса електронної пошти",
    .title_en = "Invalid e-mail address",
    .rationale = "A contact address that does not parse cannot be written to: no @, two of them, "
                 "spaces, a mailto: prefix, Cyrillic letters that look Latin in the name, or a "
                 "domain without a dot. The recommendations require a working contact e-mail for "
                 "the responsible person and in contact columns.",
    .source = "RFC 5322 §3.4.1 (addr-spec), RFC 1035 §2.3.1 (domain names); Постанова КМУ № 835, "
              "Положення, п. 7 (контактна особа та її адреса електронної пошти)",
    .frictionless = NULL,
    .example = "id,contactPointEmail\n1,rada@chortkiv-rada\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = email_header,
    .on_cell = email_cell,
};

/* --- content.url_format -------------------------------------------------------------------- */

static int url_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    return contact_header(ctx, header, YK_ROLE_URL);
}

static int url_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    static const char *const why_uk[] = {
        "",
        "немає схеми: має починатися з https:// або http://",
        "схема не http і не https",
        "зіпсована схема: після http має бути «://»",
        "немає правильного імені сервера",
        "пробіл усередині посилання",
    };
    static const char *const why_en[] = {
        "",
        "no scheme: it must start with https:// or http://",
        "the scheme is neither http nor https",
        "a broken scheme: http must be followed by \"://\"",
        "no valid host name",
        "whitespace inside the link",
    };
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n))
        return 0;
    enum yk_url v = yk_url_check(s, n);
    if (v == YK_URL_OK)
        return 0;
    char text[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc, "посилання «%s» неправильне: %s%.0s",
                   "link \"%s\" is invalid: %.0s%s", yk_content_quote(text, s, n), why_uk[v],
                   why_en[v]);
}

const struct yk_rule yk_rule_content_url_format = {
    .id = "content.url_format",
    .title_uk = "Неправильне посилання (URL)",
    .title_en = "Invalid URL",
    .rationale = "Links to documents, decisions and websites must open from the data: the "
                 "structures require them to start with http:// or https:// and name a host. "
                 "A bare www.example.gov.ua, an http// typo, a file:// path from the publisher's "
                 "computer or a space inside the link leaves the reader with nothing to follow.",
    .source = "RFC 3986 §3 (URI syntax); структури наборів даних (2025): url — «посилання має "
              "починатися з http:// або https://»",
    .frictionless = NULL,
    .example = "id,url\n1,www.chortkiv-rada.gov.ua\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = url_header,
    .on_cell = url_cell,
};
