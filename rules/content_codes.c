/* yakist — `content` rules about codes: ЄДРПОУ (length and check digit), КАТОТТГ (UA and 17
 * digits) and postcodes (5 digits). A column named for ЄДРПОУ is checked from its first value; a
 * column whose name only ends in Id (authorityId, customerId ...) is checked once its first values
 * show it holds 8-digit codes, since such columns also hold route numbers, cadastral ids and
 * programme codes. */
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "content_rules.h"

/* --- content.edrpou -------------------------------------------------------------------------- */

struct edrpou_state {
    struct yk_roles roles;
    struct yk_probe **probe; /* per *Id column: does it hold ЄДРПОУ codes? */
};

enum edrpou_fault { EDRPOU_OK = 0, EDRPOU_CHECK, EDRPOU_LENGTH, EDRPOU_TEN, EDRPOU_CHARS };

static enum edrpou_fault edrpou_fault(const char *s, size_t n)
{
    if (!yk_all_digits(s, n))
        return EDRPOU_CHARS;
    if (n == 8)
        return yk_edrpou_valid(s, n) ? EDRPOU_OK : EDRPOU_CHECK;
    if (n == 10) /* a likely РНОКПП of a sole proprietor is content.personal_tax_number's */
        return yk_rnokpp_likely(s, n) ? EDRPOU_OK : EDRPOU_TEN;
    return EDRPOU_LENGTH;
}

static int edrpou_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct edrpou_state *st = yk_ctx_state(ctx);
    int rc = yk_content_begin(ctx, header, &st->roles,
                              YK_ROLE_BIT(YK_ROLE_EDRPOU) | YK_ROLE_BIT(YK_ROLE_ID_CODE));
    if (rc < 0 || st->roles.n == 0)
        return rc;
    struct yk_arena *arena = yk_ctx_arena(ctx);
    if (!(st->probe = yk_arena_calloc(arena, st->roles.n, sizeof *st->probe)))
        return YK_ENOMEM;
    for (size_t i = 0; i < st->roles.n; i++)
        if (st->roles.col[i].role == YK_ROLE_ID_CODE &&
            !(st->probe[i] = yk_arena_calloc(arena, 1, sizeof *st->probe[i])))
            return YK_ENOMEM;
    return 0;
}

static int edrpou_report(struct yk_rule_ctx *ctx, const struct yk_loc *loc, int fault,
                         const char *s, size_t n)
{
    char text[YK_FILE_SNIPPET_SIZE];
    switch (fault) {
    case EDRPOU_CHECK:
        return yk_emit(ctx, loc,
                       "код ЄДРПОУ «%.8s» не проходить перевірку контрольної цифри (за "
                       "алгоритмом остання цифра — %d)",
                       "ЄДРПОУ code \"%.8s\" fails the check digit (the algorithm gives %d as the "
                       "last digit)",
                       s, yk_edrpou_check_digit(s));
    case EDRPOU_TEN:
        return yk_emit(ctx, loc,
                       "«%s» — 10 цифр, а код ЄДРПОУ має 8; номер фізичної особи тут не "
                       "оприлюднюють",
                       "\"%s\" has 10 digits where an ЄДРПОУ code has 8; a person's number must "
                       "not be published here",
                       yk_mask_digits(text, sizeof text, s, n, 2, 2));
    case EDRPOU_LENGTH:
        if (n == 7) {
            char fixed[8] = "0";
            memcpy(fixed + 1, s, 7);
            if (yk_edrpou_valid(fixed, 8))
                return yk_emit(ctx, loc,
                               "код ЄДРПОУ «%.7s» має 7 цифр: загублено нуль на початку, має бути "
                               "0%.7s",
                               "ЄДРПОУ code \"%.7s\" has 7 digits: the leading zero was lost, "
                               "write 0%.7s",
                               s, s);
        }
        return yk_emit(ctx, loc, "код ЄДРПОУ «%s» має %zu цифр замість 8",
                       "ЄДРПОУ code \"%s\" has %zu digits instead of 8",
                       yk_content_quote(text, s, n), n);
    default:
        return yk_emit(ctx, loc, "«%s» — не код ЄДРПОУ: потрібні 8 цифр без інших знаків",
                       "\"%s\" is not an ЄДРПОУ code: 8 digits and nothing else are expected",
                       yk_content_quote(text, s, n));
    }
}

static int edrpou_flush(struct yk_rule_ctx *ctx, struct yk_probe *p)
{
    for (size_t i = 0; i < p->nheld; i++) {
        const struct yk_probe_held *h = &p->held[i];
        int rc = edrpou_report(ctx, &h->loc, h->kind, h->text, h->len);
        if (rc < 0)
            return rc;
    }
    p->nheld = 0;
    return 0;
}

static int edrpou_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    struct edrpou_state *st = yk_ctx_state(ctx);
    struct yk_probe *probe = st->probe[col];
    if (probe && probe->state == YK_PROBE_NO)
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n))
        return 0; /* a missing code is content.required_missing's */
    enum edrpou_fault fault = edrpou_fault(s, n);
    struct yk_loc loc = yk_content_loc(row, col);
    if (!probe || probe->state == YK_PROBE_YES)
        return fault ? edrpou_report(ctx, &loc, fault, s, n) : 0;
    if (fault)
        yk_probe_hold(probe, &loc, fault, s, n);
    /* Eight digits fit; 7 (a lost zero) and 10 (a sole proprietor's number) are the defects
     * of such columns and fit weakly; route numbers, cadastral ids and the like do not. */
    enum yk_probe_fit fit = YK_FIT_NO;
    if (fault != EDRPOU_CHARS && n >= 7 && n <= 10)
        fit = n == 8 ? YK_FIT_STRONG : YK_FIT_WEAK;
    return yk_probe_count(probe, fit) == YK_PROBE_YES ? edrpou_flush(ctx, probe) : 0;
}

static int edrpou_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    struct edrpou_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; st->probe && i < st->roles.n; i++) {
        struct yk_probe *p = st->probe[i];
        if (p && p->state == YK_PROBE_OPEN && yk_probe_close(p) == YK_PROBE_YES) {
            int rc = edrpou_flush(ctx, p);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

const struct yk_rule yk_rule_content_edrpou = {
    .id = "content.edrpou",
    .title_uk = "Неправильний код ЄДРПОУ",
    .title_en = "Invalid ЄДРПОУ code",
    .rationale = "The ЄДРПОУ code identifies a legal entity in every Ukrainian register; it has "
                 "8 digits, the last a check digit. A code of the wrong length (often 7 digits, "
                 "its leading zero eaten by a spreadsheet), with other characters, or failing "
                 "the check digit cannot be joined to the registers. Columns named for ЄДРПОУ are "
                 "checked at once; *Id columns when their first values are mostly 8-digit codes.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): код "
              "ЄДРПОУ — 8 цифр; Держстат, алгоритм контрольного розряду коду ЄДРПОУ; структури "
              "наборів даних (2025): *Id — код ЄДРПОУ",
    .frictionless = NULL,
    .example = "id,edrpou\n1,04058612\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct edrpou_state),
    .on_header = edrpou_header,
    .on_cell = edrpou_cell,
    .on_finish = edrpou_finish,
};

/* --- content.katottg ------------------------------------------------------------------------- */

static int role_header(struct yk_rule_ctx *ctx, const struct yk_row *header, enum yk_role role)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, YK_ROLE_BIT(role));
}

static int katottg_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    return role_header(ctx, header, YK_ROLE_KATOTTG);
}

static int katottg_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n) || yk_katottg_valid(s, n))
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    char text[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    yk_content_quote(text, s, n);
    if (n == 19 && (s[0] | 0x20) == 'u' && (s[1] | 0x20) == 'a' && yk_all_digits(s + 2, 17))
        return yk_emit(ctx, &loc, "код КАТОТТГ «%s»: літери UA пишуть великими латинськими",
                       "КАТОТТГ code \"%s\": write UA in Latin capitals", text);
    if (n >= 4 && u[0] == 0xD0 && (u[1] == 0xA3 || u[1] == 0xB3) && u[2] == 0xD0 &&
        (u[3] == 0x90 || u[3] == 0xB0))
        return yk_emit(ctx, &loc,
                       "код КАТОТТГ «%s» починається кириличними «УА», а не латинськими UA",
                       "КАТОТТГ code \"%s\" starts with a Cyrillic \"УА\", not a Latin UA", text);
    if (n == 17 && yk_all_digits(s, n))
        return yk_emit(ctx, &loc, "коду КАТОТТГ «%s» бракує префікса: має бути UA%s",
                       "КАТОТТГ code \"%s\" lacks its prefix: write UA%s", text, text);
    if (n == 10 && yk_all_digits(s, n))
        return yk_emit(ctx, &loc, "«%s» схоже на код КОАТУУ, який замінив КАТОТТГ (UA і 17 цифр)",
                       "\"%s\" looks like a КОАТУУ code, which КАТОТТГ (UA and 17 digits) replaced",
                       text);
    if (n > 2 && s[0] == 'U' && s[1] == 'A' && yk_all_digits(s + 2, n - 2))
        return yk_emit(ctx, &loc, "код КАТОТТГ «%s» має %zu цифр після UA замість 17",
                       "КАТОТТГ code \"%s\" has %zu digits after UA instead of 17", text, n - 2);
    return yk_emit(ctx, &loc, "«%s» — не код КАТОТТГ: потрібні UA і 17 цифр",
                   "\"%s\" is not a КАТОТТГ code: UA and 17 digits are expected", text);
}

const struct yk_rule yk_rule_content_katottg = {
    .id = "content.katottg",
    .title_uk = "Неправильний код КАТОТТГ",
    .title_en = "Malformed КАТОТТГ code",
    .rationale = "КАТОТТГ, the codifier of administrative units and territories of communities, "
                 "replaced КОАТУУ and links every address-bearing dataset to the territory it "
                 "belongs to. A code is the letters UA followed by 17 digits; lower-case or "
                 "Cyrillic letters, a missing prefix, a wrong digit count or an old КОАТУУ code "
                 "break that link.",
    .source = "Наказ Мінрегіону від 26.11.2020 № 290 (Кодифікатор адміністративно-"
              "територіальних одиниць та територій територіальних громад); структури наборів "
              "даних (2025): CATUTTC",
    .frictionless = NULL,
    .example = "id,CATUTTC\n1,6125510100\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = katottg_header,
    .on_cell = katottg_cell,
};

/* --- content.postcode ------------------------------------------------------------------------ */

static int postcode_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    return role_header(ctx, header, YK_ROLE_POSTCODE);
}

static int postcode_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n) || (n == 5 && yk_all_digits(s, n)))
        return 0;
    char text[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    yk_content_quote(text, s, n);
    if (n == 4 && yk_all_digits(s, n))
        return yk_emit(
            ctx, &loc, "поштовий індекс «%s» має 4 цифри: загублено нуль на початку, має бути 0%s",
            "postcode \"%s\" has 4 digits: the leading zero was lost, write 0%s", text, text);
    char digits[8];
    size_t nd = 0;
    for (size_t i = 0; i < n && nd < 6; i++)
        if ((unsigned char)(s[i] - '0') <= 9)
            digits[nd++] = s[i];
        else if (s[i] != ' ')
            nd = 6;
    if (nd == 5) {
        digits[5] = '\0';
        return yk_emit(ctx, &loc, "поштовий індекс «%s» з пробілом: має бути %s",
                       "postcode \"%s\" contains a space: write %s", text, digits);
    }
    return yk_emit(ctx, &loc, "«%s» — не поштовий індекс: потрібні 5 цифр",
                   "\"%s\" is not a postcode: 5 digits are expected", text);
}

const struct yk_rule yk_rule_content_postcode = {
    .id = "content.postcode",
    .title_uk = "Поштовий індекс не з 5 цифр",
    .title_en = "Postcode not 5 digits",
    .rationale = "A Ukrainian postcode has 5 digits (48500 for Chortkiv). Kyiv's codes start "
                 "with 0, which spreadsheets drop, leaving 4 digits; spaces or a settlement name "
                 "in the cell stop address matching and geocoding.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "поштовий індекс — 5 цифр; структури наборів даних (2025): addressPostCode",
    .frictionless = NULL,
    .example = "id,addressPostCode\n1,1001\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = postcode_header,
    .on_cell = postcode_cell,
};
