/* yakist — `file` rules fed by the loader's events: bytes that are not UTF-8, quoting errors,
 * other syntax errors it recovered from, and limits that cut the reading short.
 * Each event becomes one finding at the event's location; the runner keeps counts exact. */
#include <inttypes.h>

#include "file_rules.h"

/* The event's detail as a message suffix: ": detail", or nothing. Details are English, so the
 * Ukrainian messages skip them with %.0s. */
static const char *detail_sep(const struct yk_event *ev)
{
    return ev->detail && ev->detail[0] ? ": " : "";
}

static const char *detail_text(const struct yk_event *ev)
{
    return ev->detail ? ev->detail : "";
}

/* --- file.invalid_utf8 ------------------------------------------------------------------ */

static int invalid_utf8_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_INVALID_UTF8)
        return 0;
    if (ev->loc.offset == YK_NO_OFFSET)
        return yk_emit(ctx, &ev->loc, "байти, що не є коректним UTF-8%.0s%.0s",
                       "bytes that are not valid UTF-8%s%s", detail_sep(ev), detail_text(ev));
    return yk_emit(ctx, &ev->loc, "байти, що не є коректним UTF-8, на зміщенні %" PRIu64 "%.0s%.0s",
                   "bytes that are not valid UTF-8 at byte offset %" PRIu64 "%s%s", ev->loc.offset,
                   detail_sep(ev), detail_text(ev));
}

const struct yk_rule yk_rule_file_invalid_utf8 = {
    .id = "file.invalid_utf8",
    .title_uk = "Файл не в кодуванні UTF-8",
    .title_en = "Invalid UTF-8",
    .rationale = "Open data files are published in UTF-8. Bytes that are not valid UTF-8 usually "
                 "mean the file was saved in Windows-1251 or another legacy code page, or that two "
                 "files in different encodings were joined: Ukrainian letters then turn into "
                 "mojibake or question marks, and strict readers refuse the file outright. Each "
                 "finding gives the byte offset of a bad sequence; the rest of the file is still "
                 "checked.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних: UTF-8; RFC 3629; "
              "Frictionless Data: task error `encoding-error`",
    .frictionless = "encoding-error",
    .example = "id,name\n1,\\xCA\\xE8\\xBF\\xE2\n (Київ in Windows-1251)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = invalid_utf8_event,
};

/* --- file.unclosed_quote ---------------------------------------------------------------- */

static int unclosed_quote_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_QUOTE_UNCLOSED)
        return 0;
    return yk_emit(ctx, &ev->loc, "поле в лапках не закрите до кінця файлу%s%s",
                   "a quoted field is not closed before the end of the file%s%s", detail_sep(ev),
                   detail_text(ev));
}

const struct yk_rule yk_rule_file_unclosed_quote = {
    .id = "file.unclosed_quote",
    .title_uk = "Незакрита лапка",
    .title_en = "Unclosed quote",
    .rationale = "A field that opens a quote and never closes it swallows every following line "
                 "break and delimiter up to the end of the file: the rest of the table collapses "
                 "into one cell, and different readers recover in different ways, if at all. It "
                 "is typically a value with a stray opening quote, such as a company name in "
                 "quotation marks, written without escaping.",
    .source = "RFC 4180 §2, rules 5–7 (quoted fields and escaped quotes)",
    .frictionless = NULL,
    .example = "id,name\n1,\"ТОВ Ромашка\n2,Київ\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = unclosed_quote_event,
};

/* --- file.stray_quote ------------------------------------------------------------------- */

static int stray_quote_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_QUOTE_STRAY)
        return 0;
    return yk_emit(ctx, &ev->loc, "лапка всередині поля без лапок або після закривної лапки%.0s%.0s",
                   "a quote character inside an unquoted field or after a closing quote%s%s",
                   detail_sep(ev), detail_text(ev));
}

const struct yk_rule yk_rule_file_stray_quote = {
    .id = "file.stray_quote",
    .title_uk = "Зайва лапка в полі",
    .title_en = "Stray quote character",
    .rationale =
        "In CSV a quote character may appear only around a whole field, and inside a "
        "quoted field only doubled. A bare quote inside an unquoted value (ТОВ \"Ромашка\") "
        "or text after a closing quote is read differently by different parsers: some keep "
        "it, some drop it, some start a quoted field and merge the following lines. Quote "
        "the whole field and double the inner quotes, or use «ялинки».",
    .source = "RFC 4180 §2, rules 5–7 (quoted fields and escaped quotes)",
    .frictionless = NULL,
    .example = "id,name\n1,ТОВ \"Ромашка\"\n",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .on_event = stray_quote_event,
};

/* --- file.limit_reached ----------------------------------------------------------------- */

static int limit_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_LIMIT)
        return 0;
    return yk_emit(ctx, &ev->loc, "досягнуто обмеження%s%s; частину даних не перевірено",
                   "a limit was reached%s%s; part of the data was not checked", detail_sep(ev),
                   detail_text(ev));
}

const struct yk_rule yk_rule_file_limit_reached = {
    .id = "file.limit_reached",
    .title_uk = "Досягнуто обмеження перевірки",
    .title_en = "Check limit reached",
    .rationale = "yakist bounds everything the input controls (bytes per cell, cells per row) so a "
                 "broken or hostile file cannot exhaust memory. A cell longer than a megabyte or a "
                 "row of thousands of cells is almost always a structural fault, such as an "
                 "unclosed quote or a wrong delimiter; the cut part was not checked, so the other "
                 "results for the file are incomplete.",
    .source = "yakist limits (`struct yk_limits`)",
    .frictionless = NULL,
    .example = "(a cell longer than the max_cell_bytes limit)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_event = limit_event,
};
