/* yakist — `content` rules about dates: dates not in ISO 8601, dates the calendar does not have,
 * and date-times without the `T`. Date-shaped values are judged in every column that has no
 * other role; a column named as a date (or whose first values are mostly dates) must hold only
 * dates, and anything else in it is reported too. */
#include <inttypes.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "content_rules.h"

/* Dates can hide in any column without a role; columns of codes, contacts and coordinates
 * never hold one. */
#define DATE_COLUMNS (YK_ROLE_BIT(YK_ROLE_NONE) | YK_ROLE_BIT(YK_ROLE_DATE))

/* A cell that may be a date: the scanners reject the rest, but this keeps names, amounts and
 * codes off the slower path. */
static bool date_candidate(const char *s, size_t n)
{
    return n >= 8 && (unsigned char)(s[0] - '0') <= 9;
}

/* --- content.date_format ------------------------------------------------------------------ */

struct date_format_state {
    struct yk_roles roles;
    struct yk_probe **probe; /* per column without a role: is it a column of dates? */
};

enum { HELD_NOT_A_DATE = 1 };

static int date_format_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct date_format_state *st = yk_ctx_state(ctx);
    int rc = yk_content_begin(ctx, header, &st->roles, DATE_COLUMNS);
    if (rc < 0 || st->roles.n == 0)
        return rc;
    struct yk_arena *arena = yk_ctx_arena(ctx);
    st->probe = yk_arena_calloc(arena, st->roles.n, sizeof *st->probe);
    if (!st->probe)
        return YK_ENOMEM;
    for (size_t i = 0; i < st->roles.n; i++) {
        if (st->roles.col[i].role != YK_ROLE_NONE)
            continue;
        if (!(st->probe[i] = yk_arena_calloc(arena, 1, sizeof *st->probe[i])))
            return YK_ENOMEM;
    }
    return 0;
}

static int not_a_date(struct yk_rule_ctx *ctx, const struct yk_loc *loc, const char *s, size_t n)
{
    char text[YK_FILE_SNIPPET_SIZE];
    return yk_emit(ctx, loc,
                   "у стовпці дат значення «%s» — не дата у форматі ISO 8601 (РРРР-ММ-ДД)",
                   "\"%s\" in a column of dates is not an ISO 8601 date (YYYY-MM-DD)",
                   yk_content_quote(text, s, n));
}

static int flush_probe(struct yk_rule_ctx *ctx, struct yk_probe *p)
{
    for (size_t i = 0; i < p->nheld; i++) {
        int rc = not_a_date(ctx, &p->held[i].loc, p->held[i].text, p->held[i].len);
        if (rc < 0)
            return rc;
    }
    p->nheld = 0;
    return 0;
}

static int date_format_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    struct date_format_state *st = yk_ctx_state(ctx);
    struct yk_probe *probe = st->probe[col];
    bool date_column =
        st->roles.col[col].role == YK_ROLE_DATE || (probe && probe->state == YK_PROBE_YES);
    bool probing = probe && probe->state == YK_PROBE_OPEN;
    if (!date_column && !probing && !yk_content_numeric_start(&row->cells[col]))
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    if (!date_column && !probing && !date_candidate(s, n))
        return 0;
    if (yk_null_kind(s, n))
        return 0;
    struct yk_loc loc = yk_content_loc(row, col);
    struct yk_date d;
    enum yk_date_form form = yk_date_scan(s, n, &d);
    if (form == YK_DATE_NONE) {
        if (date_column)
            return not_a_date(ctx, &loc, s, n);
        if (!probing)
            return 0;
        yk_probe_hold(probe, &loc, HELD_NOT_A_DATE, s, n);
        return yk_probe_count(probe, YK_FIT_NO) == YK_PROBE_YES ? flush_probe(ctx, probe) : 0;
    }
    int rc = 0;
    if (probing && yk_probe_count(probe, YK_FIT_STRONG) == YK_PROBE_YES)
        rc = flush_probe(ctx, probe);
    /* Impossible dates are content.date_invalid's, ISO forms with a space
     * content.datetime_format's. */
    if (rc < 0 || (form != YK_DATE_DMY && form != YK_DATE_YMD) ||
        (d.fault != YK_DATE_OK && d.fault != YK_DATE_BAD_ZONE))
        return rc;
    char text[YK_FILE_SNIPPET_SIZE], iso[32];
    return yk_emit(ctx, &loc, "дата «%s» не у форматі ISO 8601: має бути %s",
                   "date \"%s\" is not in ISO 8601 form: write %s", yk_content_quote(text, s, n),
                   yk_date_iso(iso, &d));
}

static int date_format_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    (void)info;
    struct date_format_state *st = yk_ctx_state(ctx);
    for (size_t i = 0; st->probe && i < st->roles.n; i++) {
        struct yk_probe *p = st->probe[i];
        if (p && p->state == YK_PROBE_OPEN && yk_probe_close(p) == YK_PROBE_YES) {
            int rc = flush_probe(ctx, p);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

const struct yk_rule yk_rule_content_date_format = {
    .id = "content.date_format",
    .title_uk = "Дата не у форматі ISO 8601",
    .title_en = "Date not in ISO 8601 form",
    .rationale = "The Ministry's recommendations require dates as YYYY-MM-DD and date-times as "
                 "YYYY-MM-DDThh:mm. A date written 05.01.2024 or 5/1/2024 is read differently by "
                 "different programs (day first or month first), does not sort, and fails every "
                 "date type of a schema. Date-shaped values are checked in every column; in a "
                 "column of dates (named so, or whose first values are mostly dates) any other "
                 "value is reported as well.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): дати у "
              "форматі ISO 8601; ISO 8601-1:2019, §5.2.2 (calendar date, extended format)",
    .frictionless = NULL,
    .example = "id,issuedDate\n1,05.01.2024\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct date_format_state),
    .on_header = date_format_header,
    .on_cell = date_format_cell,
    .on_finish = date_format_finish,
};

/* --- content.date_invalid ----------------------------------------------------------------- */

static const char *const months_en[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};
static const char *const months_uk[12] = {
    "січні", "лютому", "березні", "квітні", "травні",    "червні",
    "липні", "серпні", "вересні", "жовтні", "листопаді", "грудні",
};

static int date_invalid_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct yk_content_state *st = yk_ctx_state(ctx);
    return yk_content_begin(ctx, header, &st->roles, DATE_COLUMNS);
}

static int date_invalid_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    if (!yk_content_numeric_start(&row->cells[col]))
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    struct yk_date d;
    if (!date_candidate(s, n) || yk_date_scan(s, n, &d) == YK_DATE_NONE || d.fault == YK_DATE_OK)
        return 0;
    char text[YK_FILE_SNIPPET_SIZE];
    struct yk_loc loc = yk_content_loc(row, col);
    yk_content_quote(text, s, n);
    switch (d.fault) {
    case YK_DATE_BAD_MONTH:
        return yk_emit(ctx, &loc, "«%s» — такої дати немає: місяця %d не буває",
                       "\"%s\" is not a real date: there is no month %d", text, d.month);
    case YK_DATE_BAD_DAY: {
        int days = yk_days_in_month(d.year, d.month);
        return yk_emit(ctx, &loc, "«%s» — такої дати немає: у %s%.0s %d року %d %s",
                       "\"%s\" is not a real date: %.0s%s %d has %d days%.0s", text,
                       months_uk[d.month - 1], months_en[d.month - 1], d.year, days,
                       days == 31 ? "день" : "днів");
    }
    case YK_DATE_BAD_TIME:
        return yk_emit(ctx, &loc, "«%s» — такого часу доби немає",
                       "\"%s\" is not a real time of day", text);
    default:
        return yk_emit(ctx, &loc, "«%s» — зміщення часового поясу поза межами ±14:00",
                       "\"%s\" has a time-zone offset beyond ±14:00", text);
    }
}

const struct yk_rule yk_rule_content_date_invalid = {
    .id = "content.date_invalid",
    .title_uk = "Дата, якої не буває",
    .title_en = "Impossible date",
    .rationale = "A date such as 2023-02-30, 2024-13-01 or 31.04.2024, or a time such as 25:10, "
                 "names no moment at all: it is a typing error or a value shifted in a "
                 "spreadsheet, and any program that reads it as a date fails or silently moves "
                 "it to another day. Dates are checked in every column, whatever their form.",
    .source = "ISO 8601-1:2019, §4.3 (Gregorian calendar) and §5.3 (time of day); Мінцифри, "
              "методичні рекомендації щодо публікування наборів даних (2019)",
    .frictionless = NULL,
    .example = "id,issuedDate\n1,2023-02-30\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct yk_content_state),
    .on_header = date_invalid_header,
    .on_cell = date_invalid_cell,
};

/* --- content.datetime_format ------------------------------------------------------------- */

static int datetime_cell(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col)
{
    if (!yk_content_numeric_start(&row->cells[col]))
        return 0;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    struct yk_date d;
    if (!date_candidate(s, n) || n < 13)
        return 0;
    enum yk_date_form form = yk_date_scan(s, n, &d);
    if ((form != YK_DATE_ISO_SPACE && form != YK_DATE_ISO_BAD_T) || d.fault != YK_DATE_OK)
        return 0;
    char text[YK_FILE_SNIPPET_SIZE], iso[32];
    struct yk_loc loc = yk_content_loc(row, col);
    yk_content_quote(text, s, n);
    yk_date_iso(iso, &d);
    if (form == YK_DATE_ISO_SPACE)
        return yk_emit(ctx, &loc, "дату й час «%s» розділено пробілом, а не «T»: має бути %s",
                       "date and time \"%s\" are separated by a space, not \"T\": write %s", text,
                       iso);
    if (s[10] == 't')
        return yk_emit(ctx, &loc, "дату й час «%s» розділено малою «t»: має бути %s",
                       "date and time \"%s\" are separated by a lower-case \"t\": write %s", text,
                       iso);
    return yk_emit(ctx, &loc,
                   "дату й час «%s» розділено кириличною «Т», а не латинською: має бути %s",
                   "date and time \"%s\" are separated by a Cyrillic \"Т\", not a Latin one: "
                   "write %s",
                   text, iso);
}

const struct yk_rule yk_rule_content_datetime_format = {
    .id = "content.datetime_format",
    .title_uk = "Дата й час без «T»",
    .title_en = "Date-time without the T",
    .rationale = "ISO 8601 joins a date and a time with the letter T (2024-01-05T10:00). A space "
                 "in its place (2024-01-05 10:00) is what many databases print, and a Cyrillic Т "
                 "that looks the same slips in from Ukrainian keyboards (the Ministry's own "
                 "2025 structures show one); strict parsers reject both. Other dates in the "
                 "value are content.date_format's.",
    .source = "ISO 8601-1:2019, §5.4.2 (date and time of day, the separator T); Мінцифри, "
              "методичні рекомендації щодо публікування наборів даних (2019)",
    .frictionless = NULL,
    .example = "id,registrationDateTime\n1,2024-01-05 10:00\n",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
    .weight = 1,
    .compliance = false,
    .state_size = sizeof(struct yk_content_state),
    .on_header = date_invalid_header,
    .on_cell = datetime_cell,
};
