/* yakist — `content` rules about values as text: missing values spelt several ways in one column,
 * required values missing, words that mix Cyrillic and Latin letters (in data and in column
 * names), and settlement names that carry their type («м.», «с.», «смт», «село» ...). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "content_rules.h"

/* --- content.null_spelling ------------------------------------------------------------------ */

/* Whether a spelling is the odd one is known only when the column has been read, so the rule
 * counts every spelling per column and reports at the end; the counts are its only memory. */
struct null_state {
    struct yk_roles roles;
    uint64_t (*count)[YK_NULL_COUNT]; /* per column, per spelling */
};

static int null_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct null_state *st = yk_ctx_state(ctx);
    int rc = yk_content_begin(ctx, header, &st->roles, YK_ROLES_ALL);
    if (rc < 0 || st->roles.n == 0)
        return rc;
    st->count = yk_arena_calloc(yk_ctx_arena(ctx), st->roles.n, sizeof *st->count);
    return st->count ? 0 : YK_ENOMEM;
}

static int null_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    struct null_state *st = yk_ctx_state(ctx);
    const struct yk_cell *cell = &row->cells[col];
    if (cell->len > 0) { /* values, the usual case, end here on their first byte */
        switch ((unsigned char)cell->data[0]) {
        case ' ':
        case '\t':
        case 'n':
        case 'N':
        case '-':
        case '#':
        case 0xC2:
        case 0xD0:
        case 0xE2:
            break;
        default:
            return 0;
        }
    }
    size_t n;
    const char *s = yk_content_value(cell, &n);
    enum yk_null kind = yk_null_kind(s, n);
    if (kind)
        st->count[col][kind]++;
    return 0;
}

/* "«null»: 3, порожні: 2" and "\"null\": 3, empty: 2" for one column. */
static size_t spellings(const uint64_t *count, char *uk, char *en, size_t size)
{
    size_t kinds = 0, ou = 0, oe = 0;
    uk[0] = en[0] = '\0';
    for (int k = 1; k < YK_NULL_COUNT; k++) {
        if (!count[k])
            continue;
        const char *sep = kinds++ ? ", " : "";
        if (ou < size && oe < size) {
            if (k == YK_NULL_EMPTY) {
                ou += (size_t)snprintf(uk + ou, size - ou, "%sпорожні: %" PRIu64, sep, count[k]);
                oe += (size_t)snprintf(en + oe, size - oe, "%sempty: %" PRIu64, sep, count[k]);
            } else {
                ou += (size_t)snprintf(uk + ou, size - ou, "%s«%s»: %" PRIu64, sep,
                                       yk_null_text((enum yk_null)k), count[k]);
                oe += (size_t)snprintf(en + oe, size - oe, "%s\"%s\": %" PRIu64, sep,
                                       yk_null_text((enum yk_null)k), count[k]);
            }
        }
    }
    return kinds;
}

static int null_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    struct null_state *st = yk_ctx_state(ctx);
    const struct yk_row *header = yk_ctx_header(ctx);
    for (size_t i = 0; st->count && header && i < st->roles.n; i++) {
        char uk[256], en[256], label[YK_FILE_SNIPPET_SIZE];
        if (spellings(st->count[i], uk, en, sizeof uk) < 2)
            continue;
        struct yk_loc loc = yk_file_label_loc(header, i + 1);
        int rc = yk_emit(ctx, &loc,
                         "у стовпці «%s» відсутні значення записано по-різному (%s%.0s): "
                         "пишіть null",
                         "column \"%s\" spells missing values in different ways (%.0s%s): "
                         "write null",
                         yk_content_label(ctx, i, label), uk, en);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_content_null_spelling = {
    .id = "content.null_spelling",
    .title_uk = "Відсутні значення записано по-різному",
    .title_en = "Missing values spelt inconsistently",
    .rationale = "The recommendations write a missing value as null. A column that mixes empty "
                 "cells, null, NULL, dashes, н/д or n/a forces every reader to guess which of "
                 "them mean \"no value\" and which are data; filters and counts of missing values "
                 "disagree. Reported once per column at the end of the file, with how often each "
                 "spelling occurs.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "відсутнє значення позначають null; Frictionless Table Schema: missingValues",
    .frictionless = NULL,
    .example = "id,phone\n1,null\n2,-\n3,\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct null_state),
    .on_header = null_header,
    .on_cell = null_cell,
    .on_finish = null_finish,
};

/* --- content.required_missing --------------------------------------------------------------- */

static int required_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    int rc = yk_content_begin(ctx, header, &st->roles, 0);
    /* A column a schema field describes is schema.required's. */
    for (size_t i = 0; rc == 0 && i < st->roles.n; i++)
        if (st->roles.col[i].required && !st->roles.col[i].bound)
            rc = yk_ctx_watch_column(ctx, i);
    return rc;
}

static int required_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    enum yk_null kind = yk_null_kind(s, n);
    if (!kind)
        return 0;
    char label[YK_FILE_SNIPPET_SIZE], uk[32], en[32];
    if (kind == YK_NULL_EMPTY) {
        snprintf(uk, sizeof uk, "клітинка порожня");
        snprintf(en, sizeof en, "the cell is empty");
    } else {
        snprintf(uk, sizeof uk, "записано «%s»", yk_null_text(kind));
        snprintf(en, sizeof en, "it reads \"%s\"", yk_null_text(kind));
    }
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc, "у стовпці «%s» бракує обов'язкового значення: %s%.0s",
                   "column \"%s\" lacks a required value: %.0s%s",
                   yk_content_label(ctx, col, label), uk, en);
}

const struct yk_rule yk_rule_content_required_missing = {
    .id = "content.required_missing",
    .title_uk = "Бракує обов'язкового значення",
    .title_en = "Required value missing",
    .rationale = "A required column has no gaps: null is for columns that are not required. A "
                 "record without its identifier or without the ЄДРПОУ code of the body it is "
                 "about cannot be referenced, joined or updated. Required columns come from the "
                 "schema; without one, identifier and ЄДРПОУ columns count as required.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "обов'язкові поля заповнюються, null — лише для необов'язкових; Frictionless "
              "Table Schema: constraints.required",
    .frictionless = "constraint-error",
    .example = "id,name\n,Чортківська міська рада\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = required_header,
    .on_cell = required_cell,
};

/* --- content.mixed_script ------------------------------------------------------------------- */

/* The letters of the word's rarer script, distinct, comma-separated, into buf (64 bytes). */
static char *odd_letters(char *buf, const char *w, size_t n)
{
    size_t count[3] = {0}, k;
    for (size_t i = 0; i < n; i += k)
        count[yk_script_at(w + i, n - i, &k)]++;
    int odd = count[1] <= count[2] ? 1 : 2;
    size_t o = 0;
    for (size_t i = 0; i < n; i += k) {
        if (yk_script_at(w + i, n - i, &k) != odd)
            continue;
        bool seen = false;
        for (size_t j = 0; j + k <= o && !seen; j++)
            seen = memcmp(buf + j, w + i, k) == 0 && (j == 0 || buf[j - 1] == ' ');
        if (seen || o + k + 3 > 60)
            continue;
        if (o) {
            buf[o++] = ',';
            buf[o++] = ' ';
        }
        memcpy(buf + o, w + i, k);
        o += k;
    }
    buf[o] = '\0';
    return buf;
}

static int mixed_report(struct yk_rule_ctx *ctx, const struct yk_loc *loc, const char *s, size_t n,
                        bool label)
{
    size_t at = 0, len = 0, words = yk_script_mixed(s, n, &at, &len);
    if (!words)
        return 0;
    char word[YK_FILE_SNIPPET_SIZE], odd[64];
    yk_content_quote(word, s + at, len);
    odd_letters(odd, s + at, len);
    if (label)
        return yk_emit(ctx, loc,
                       "назва стовпця «%s» змішує кириличні й латинські літери (іншого "
                       "алфавіту: %s)",
                       "column name \"%s\" mixes Cyrillic and Latin letters (the odd ones: %s)",
                       word, odd);
    return yk_emit(ctx, loc,
                   "слово «%s» змішує кириличні й латинські літери (іншого алфавіту: "
                   "%s); таких слів у клітинці: %zu",
                   "word \"%s\" mixes Cyrillic and Latin letters (the odd ones: %s); such words "
                   "in the cell: %zu",
                   word, odd, words);
}

/* Columns of codes, numbers and dates: their own rules report any letter that does not belong,
 * a Cyrillic «А» in a КАТОТТГ code included. */
#define CODE_COLUMNS                                                                               \
    (YK_ROLE_BIT(YK_ROLE_EDRPOU) | YK_ROLE_BIT(YK_ROLE_TAX_NUMBER) |                               \
     YK_ROLE_BIT(YK_ROLE_KATOTTG) | YK_ROLE_BIT(YK_ROLE_LATITUDE) |                                \
     YK_ROLE_BIT(YK_ROLE_LONGITUDE) | YK_ROLE_BIT(YK_ROLE_PHONE) | YK_ROLE_BIT(YK_ROLE_POSTCODE) | \
     YK_ROLE_BIT(YK_ROLE_DATE))

static int mixed_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    int rc = yk_content_begin(ctx, header, &st->roles, YK_ROLES_ALL & ~CODE_COLUMNS);
    for (size_t i = 0; rc == 0 && i < header->ncells; i++) {
        struct yk_loc loc = yk_file_label_loc(header, i + 1);
        rc = mixed_report(ctx, &loc, header->cells[i].data, header->cells[i].len, true);
    }
    return rc;
}

static int mixed_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    const struct yk_cell *cell = &row->cells[col];
    if (cell->len < 2)
        return 0;
    struct yk_loc loc = yk_content_loc(row, col);
    return mixed_report(ctx, &loc, cell->data, cell->len, false);
}

const struct yk_rule yk_rule_content_mixed_script = {
    .id = "content.mixed_script",
    .title_uk = "Кирилиця й латиниця в одному слові",
    .title_en = "Cyrillic and Latin letters in one word",
    .rationale = "Latin i, o, c, p, a, e, x look exactly like Cyrillic і, о, с, р, а, е, х, so "
                 "a word typed on a mixed keyboard (Чортkів, Нiколаєва) looks right and matches "
                 "nothing: searches, joins with registers, deduplication and sorting all fail. "
                 "Column names are checked as well, since a name with a Latin letter does not "
                 "match its structure description. Each cell or name is one finding.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "значення без зайвих і схожих символів; Unicode Technical Standard #39 (mixed-script "
              "confusables)",
    .frictionless = NULL,
    .example = "id,name\n1,Чортkів\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = mixed_header,
    .on_cell = mixed_cell,
};

/* --- content.settlement_type ---------------------------------------------------------------- */

static int settlement_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, YK_ROLE_BIT(YK_ROLE_SETTLEMENT));
}

static int settlement_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (yk_null_kind(s, n))
        return 0;
    size_t pre = yk_settlement_prefix(s, n), post = pre ? 0 : yk_settlement_suffix(s, n);
    if (!pre && !post)
        return 0;
    char text[YK_FILE_SNIPPET_SIZE], name[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc, "назва населеного пункту «%s» з позначенням типу: має бути «%s»",
                   "settlement name \"%s\" carries its type: write \"%s\"",
                   yk_content_quote(text, s, n), yk_content_quote(name, s + pre, n - pre - post));
}

const struct yk_rule yk_rule_content_settlement_type = {
    .id = "content.settlement_type",
    .title_uk = "Тип поселення в назві населеного пункту",
    .title_en = "Settlement type in a settlement name",
    .rationale = "Settlement columns hold the bare name (Чортків), since the type has its own "
                 "place in КАТОТТГ and in the address columns. «м. Чортків», «с.Білобожниця», "
                 "«смт Заводське», «село Джурин» or «Білобожницька сільська рада» spell the same "
                 "place differently and do not match the codifier or other datasets.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): назви "
              "населених пунктів без «м.», «с.», «місто», «село»; структури наборів даних "
              "(2025): addressPostName",
    .frictionless = NULL,
    .example = "id,addressPostName\n1,м. Чортків\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = settlement_header,
    .on_cell = settlement_cell,
};
