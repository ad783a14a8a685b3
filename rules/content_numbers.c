/* yakist — `content` rules about how numbers are written: one decimal separator per table, no
 * thousands separators, no units inside the number, coordinates as decimals with a point.
 * Numbers are looked for in columns without a role (codes, dates and phones are digits too,
 * but not quantities); coordinates in the latitude and longitude columns. */
#include <inttypes.h>
#include <string.h>

#include <yakist/error.h>

#include "content_rules.h"

#define NUMBER_COLUMNS YK_ROLE_BIT(YK_ROLE_NONE)
#define COORD_COLUMNS (YK_ROLE_BIT(YK_ROLE_LATITUDE) | YK_ROLE_BIT(YK_ROLE_LONGITUDE))

/* A cell that may be a number: it starts with a digit or a sign. */
static bool number_candidate(const char *s, size_t n)
{
    unsigned char c = n ? (unsigned char)s[0] : 0;
    return n > 0 && ((unsigned char)(c - '0') <= 9 ||
                     (n > 1 && (c == '-' || c == '+' || c == 0xE2 /* U+2212 */)));
}

/* Only digits, signs and decimal marks: no room for a unit. */
static bool bare_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((unsigned char)(c - '0') > 9 && c != '.' && c != ',' && c != '-' && c != '+')
            return false;
    }
    return true;
}

/* A thousands separator can only come within the first five bytes (sign, 1-3 digits). */
static bool group_mark_early(const char *s, size_t n)
{
    for (size_t i = 1; i < n && i < 5; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == ',' || c == '.' || c == '\'' || c == 0xC2 || c == 0xE2)
            return true;
    }
    return false;
}

/* A decimal part needs a point or a comma. */
static bool has_decimal_mark(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] == '.' || s[i] == ',')
            return true;
    return false;
}

/* The number as the Ministry wants it: digits, an optional '-', a decimal point; no groups and
 * no unit. Returns buf (YK_FILE_SNIPPET_SIZE bytes). */
static char *plain_number(char *buf, const char *s, size_t n, const struct yk_number *num)
{
    size_t end = num->unit_at ? num->unit_at : n, o = 0;
    for (size_t i = 0; i < end && o + 2 < YK_FILE_SNIPPET_SIZE; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((unsigned char)(c - '0') <= 9)
            buf[o++] = (char)c;
        else if (i == 0 && (c == '-' || c == 0xE2))
            buf[o++] = '-';
        else if (num->decimal && c == (unsigned char)num->decimal)
            buf[o++] = '.';
    }
    buf[o] = '\0';
    return buf;
}

static int numbers_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, NUMBER_COLUMNS);
}

/* --- content.decimal_mixed ------------------------------------------------------------------ */

/* A mix is a fact about the whole table, so the rule counts every decimal and judges at the end
 * (no probe: which separator is the odd one out is known only then). */
struct decimal_state {
    struct yk_roles roles;
    uint64_t count[2]; /* numbers with a decimal point, with a decimal comma */
    struct yk_loc first[2];
    size_t first_column[2];
};

static int decimal_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct decimal_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, NUMBER_COLUMNS | COORD_COLUMNS);
}

static int decimal_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    if (!yk_content_numeric_start(&row->cells[col]))
        return 0;
    struct decimal_state *st = yk_ctx_state(ctx);
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (!number_candidate(s, n) || !has_decimal_mark(s, n))
        return 0;
    struct yk_number num;
    uint8_t role = st->roles.col[col].role;
    if (role == YK_ROLE_LATITUDE || role == YK_ROLE_LONGITUDE) {
        /* Coordinates are never grouped (content.coordinate_format judges their form): the
         * mark is enough. */
        const char *dot = memchr(s, '.', n);
        num.decimal = dot ? '.' : ',';
    } else if (!yk_number_scan(s, n, &num) || !num.decimal) {
        return 0;
    }
    int k = num.decimal == ',';
    if (st->count[k]++ == 0) {
        st->first[k] = yk_content_loc(row, col);
        st->first_column[k] = col;
    }
    return 0;
}

static int decimal_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    struct decimal_state *st = yk_ctx_state(ctx);
    if (!st->count[0] || !st->count[1])
        return 0;
    int k = st->count[1] <= st->count[0]; /* the rarer one; a tie points at the comma */
    char label[YK_FILE_SNIPPET_SIZE];
    return yk_emit(ctx, &st->first[k],
                   "у таблиці два десяткові роздільники: чисел із крапкою %" PRIu64
                   ", із комою %" PRIu64 "; перше з %s%.0s — у стовпці «%s»",
                   "the table mixes decimal separators: %" PRIu64 " numbers with a point, %" PRIu64
                   " with a comma; the first with a %.0s%s is in column \"%s\"",
                   st->count[0], st->count[1], k ? "комою" : "крапкою", k ? "comma" : "point",
                   yk_content_label(ctx, st->first_column[k], label));
}

const struct yk_rule yk_rule_content_decimal_mixed = {
    .id = "content.decimal_mixed",
    .title_uk = "Різні десяткові роздільники в одній таблиці",
    .title_en = "Mixed decimal separators",
    .rationale = "A program reads a whole file with one decimal separator. When some numbers "
                 "use a point and others a comma, one group is misread: 12,5 becomes 125 or text, "
                 "and sums go wrong without an error. The recommendations ask for one separator "
                 "per table, preferably the point. Reported once per file, with both counts, at "
                 "the first number written the rarer way.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): один "
              "десятковий роздільник у таблиці, бажано крапка",
    .frictionless = NULL,
    .example = "id,amount,area\n1,12.5,\"40,2\"\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct decimal_state),
    .on_header = decimal_header,
    .on_cell = decimal_cell,
    .on_finish = decimal_finish,
};

/* --- content.thousands_separator ------------------------------------------------------------ */

static int thousands_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    if (!yk_content_numeric_start(&row->cells[col]))
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    struct yk_number num;
    if (n < 5 || !number_candidate(s, n) || !group_mark_early(s, n) ||
        !yk_number_scan(s, n, &num) || !num.group)
        return 0;
    static const char *const uk[] = {"пробіл", "кома", "крапка", "апостроф"};
    static const char *const en[] = {"space", "comma", "point", "apostrophe"};
    int g = num.group == ' ' ? 0 : num.group == ',' ? 1 : num.group == '.' ? 2 : 3;
    char text[YK_FILE_SNIPPET_SIZE], plain[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc, "у числі «%s» роздільник тисяч (%s%.0s): має бути %s",
                   "number \"%s\" has a thousands separator (%.0s%s): write %s",
                   yk_content_quote(text, s, n), uk[g], en[g], plain_number(plain, s, n, &num));
}

const struct yk_rule yk_rule_content_thousands_separator = {
    .id = "content.thousands_separator",
    .title_uk = "Роздільник тисяч у числі",
    .title_en = "Thousands separator in a number",
    .rationale = "Digits grouped by thousands (1 234 567, 1,234,567, 1.234.567) read well on "
                 "paper, but a program sees text, or a decimal separator in the wrong place: "
                 "1,234 becomes one and a quarter. Published numbers carry no grouping; a space "
                 "that is a no-break space is invisible and still breaks parsing.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): числа "
              "без роздільників тисяч",
    .frictionless = NULL,
    .example = "id,amount\n1,1 234 567\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = numbers_header,
    .on_cell = thousands_cell,
};

/* --- content.number_unit -------------------------------------------------------------------- */

static int unit_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    if (!yk_content_numeric_start(&row->cells[col]))
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    struct yk_number num;
    if (n < 2 || !number_candidate(s, n) || bare_digits(s, n) || !yk_number_scan(s, n, &num) ||
        !num.unit_len)
        return 0;
    char text[YK_FILE_SNIPPET_SIZE], plain[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    return yk_emit(ctx, &loc,
                   "число з одиницею виміру «%s»: одиницю пишуть в окремому стовпці (unitName), "
                   "у клітинці — лише %s",
                   "number with a unit \"%s\": the unit belongs in a column of its own (unitName), "
                   "the cell holds only %s",
                   yk_content_quote(text, s, n), plain_number(plain, s, n, &num));
}

const struct yk_rule yk_rule_content_number_unit = {
    .id = "content.number_unit",
    .title_uk = "Одиниця виміру в числовій клітинці",
    .title_en = "Unit inside a number",
    .rationale = "A value such as 100 грн, 25 м2 or 15% is text to every program: it cannot be "
                 "summed, sorted or checked against a range. The recommendations put the unit in "
                 "its own column (unitName, currency) and only the number in the cell. Only cells "
                 "that are a number followed by a known unit are reported.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): одиниці "
              "виміру — в окремому полі (unitName)",
    .frictionless = NULL,
    .example = "id,area\n1,25 м2\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = numbers_header,
    .on_cell = unit_cell,
};

/* --- content.coordinate_format -------------------------------------------------------------- */

static int coord_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, COORD_COLUMNS);
}

static int coord_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    double v;
    char mark;
    bool number = yk_decimal_parse(s, n, &v, &mark);
    if ((number && mark != ',') || yk_null_kind(s, n))
        return 0;
    char text[YK_FILE_SNIPPET_SIZE], plain[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    yk_content_quote(text, s, n);
    if (number) {
        struct yk_number num = {.decimal = ','};
        return yk_emit(ctx, &loc, "координата «%s» з десятковою комою: має бути %s",
                       "coordinate \"%s\" has a decimal comma: write %s", text,
                       plain_number(plain, s, n, &num));
    }
    return yk_emit(ctx, &loc, "координата «%s» — не десяткове число градусів (як-от 49.0167)",
                   "coordinate \"%s\" is not a decimal number of degrees (such as 49.0167)", text);
}

const struct yk_rule yk_rule_content_coordinate_format = {
    .id = "content.coordinate_format",
    .title_uk = "Координата не десяткове число з крапкою",
    .title_en = "Coordinate not a decimal with a point",
    .rationale = "Maps and GIS tools read latitude and longitude as decimal degrees with a "
                 "point (49.0167). A decimal comma, degrees-minutes-seconds (49°01′N) or words "
                 "leave the point off the map or put it elsewhere. The recommendations ask for "
                 "the point in coordinates even where a table otherwise uses commas.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "координати — десяткові градуси з крапкою; структури наборів даних (2025): lat, "
              "lon, «розділювач десяткових значень — крапка»",
    .frictionless = NULL,
    .example = "id,lat,lon\n1,\"49,0167\",25.7936\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 2,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = coord_header,
    .on_cell = coord_cell,
};
