/* yakist — the assessment card on paper and for machines: one self-contained printable HTML
 * page (inline CSS, A4, no scripts) and a JSON document (docs/report-format.md, "Card"). Both
 * are deterministic; every text that came from data is escaped. */
#include <inttypes.h>
#include <stdio.h>

#include "card_out.h"

static const char *L(enum yk_lang lang, const char *uk, const char *en)
{
    return lang == YK_LANG_UK ? uk : en;
}

static const char *source_name(enum yk_card_source s)
{
    return s == YK_CARD_AUDIT ? "audit" : s == YK_CARD_HISTORY ? "history" : "policy";
}

static const char *rule_name(enum yk_card_rule r)
{
    return r == YK_CARD_BOOLEAN ? "boolean" : r == YK_CARD_THRESHOLDS ? "thresholds" : "ratio";
}

/* --- JSON ---------------------------------------------------------------------------------- */

static void json_value(FILE *out, const struct yk_card_value *v, enum yk_lang lang)
{
    const struct yk_card_indicator *ind = v->indicator;
    fputs("        {\"id\": ", out);
    yk_cli_json_string(out, ind->id);
    fputs(", \"title\": ", out);
    yk_cli_json_string(out, lang == YK_LANG_UK ? ind->title_uk : ind->title_en);
    fputs(", \"plan\": ", out);
    yk_cli_json_string(out, ind->plan);
    fprintf(out, ",\n         \"source\": \"%s\", \"key\": ", source_name(ind->source));
    yk_cli_json_string(out, ind->key);
    fprintf(out,
            ", \"rule\": \"%s\",\n         \"has_value\": %s, \"value\": ", rule_name(ind->rule),
            v->has_value ? "true" : "false");
    if (v->has_value)
        fprintf(out, "%" PRId64, v->value);
    else
        fputs("null", out);
    if (ind->rule == YK_CARD_RATIO && v->has_value)
        fprintf(out, ", \"of\": %" PRId64, v->of);
    fputs(", \"shown\": ", out);
    yk_cli_json_string(out, v->shown);
    fprintf(out, ", \"points\": %u, \"max\": %u,\n         \"evidence\": ", v->points, v->max);
    yk_cli_json_string(out, v->evidence);
    fputs("}", out);
}

int yk_cli_card_json(FILE *out, const struct yk_card_result *r, enum yk_lang lang)
{
    const struct yk_card_template *t = r->card;
    fputs("{\n  \"format\": \"yakist-card/1\",\n  \"lang\": ", out);
    yk_cli_json_string(out, lang == YK_LANG_UK ? "uk" : "en");
    fputs(",\n  \"card\": {\"id\": ", out);
    yk_cli_json_string(out, t->id);
    fputs(", \"version\": ", out);
    yk_cli_json_string(out, t->version);
    fputs(", \"origin\": ", out);
    yk_cli_json_string(out, t->origin);
    fputs(", \"title\": ", out);
    yk_cli_json_string(out, lang == YK_LANG_UK ? t->title_uk : t->title_en);
    fputs("},\n  \"council\": ", out);
    yk_cli_json_string(out, r->council);
    fprintf(out, ",\n  \"year\": %u,\n  \"as_of\": ", r->year);
    yk_cli_json_string(out, r->as_of);
    fprintf(out, ",\n  \"points\": %u,\n  \"max\": %u,\n  \"no_data\": %zu,\n  \"criteria\": [",
            r->points, r->max, r->no_data);
    for (size_t c = 0; c < r->ncriteria; c++) {
        const struct yk_card_criterion_result *cr = &r->criteria[c];
        fputs(c ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        yk_cli_json_string(out, cr->criterion->id);
        fputs(", \"title\": ", out);
        yk_cli_json_string(out,
                           lang == YK_LANG_UK ? cr->criterion->title_uk : cr->criterion->title_en);
        fprintf(out, ", \"points\": %u, \"max\": %u,\n     \"indicators\": [\n", cr->points,
                cr->max);
        for (size_t i = 0; i < cr->nvalues; i++) {
            json_value(out, &cr->values[i], lang);
            fputs(i + 1 < cr->nvalues ? ",\n" : "\n", out);
        }
        fputs("     ]}", out);
    }
    fputs("\n  ]\n}\n", out);
    return ferror(out) ? -1 : 0;
}

/* --- HTML ---------------------------------------------------------------------------------- */

static void esc(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            if (*p < 0x20 && *p != '\n' && *p != '\t')
                fputc(' ', out);
            else
                fputc(*p, out);
        }
    }
}

static const char css[] =
    "  <style>\n"
    "    @page { size: A4; margin: 15mm 12mm; }\n"
    "    body { font: 10.5pt/1.35 \"DejaVu Sans\", Arial, sans-serif; color: #111; margin: 2em "
    "auto;"
    " max-width: 60em; padding: 0 1em; }\n"
    "    h1 { font-size: 15pt; margin: 0 0 .3em; }\n"
    "    .meta { margin: 0 0 1em; color: #333; }\n"
    "    .meta span { margin-right: 1.5em; white-space: nowrap; }\n"
    "    table { border-collapse: collapse; width: 100%; }\n"
    "    th, td { border: 1px solid #999; padding: .3em .45em; vertical-align: top; text-align: "
    "left; }\n"
    "    thead th { background: #e8ecf2; }\n"
    "    tr.criterion th { background: #f3f5f8; }\n"
    "    td.num, th.num { text-align: right; white-space: nowrap; }\n"
    "    td.ev { font-size: 8.5pt; color: #333; word-break: break-word; }\n"
    "    td.id { font-size: 8pt; color: #555; white-space: nowrap; }\n"
    "    tr.nodata td { background: #fff6e5; }\n"
    "    tr.total th { background: #dde3ec; font-size: 11pt; }\n"
    "    .note, footer { font-size: 8.5pt; color: #444; margin-top: 1em; }\n"
    "    .sign { margin-top: 2.5em; display: flex; justify-content: space-between; }\n"
    "    .sign div { width: 45%; border-top: 1px solid #333; padding-top: .2em; font-size: 8.5pt; "
    "}\n"
    "    @media print {\n"
    "      body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }\n"
    "      thead { display: table-header-group; }\n"
    "      tr { page-break-inside: avoid; break-inside: avoid; }\n"
    "      tr.nodata td { background: none; }\n"
    "    }\n"
    "  </style>\n";

static void html_head(FILE *out, const struct yk_card_result *r, enum yk_lang lang)
{
    const struct yk_card_template *t = r->card;
    const char *title = lang == YK_LANG_UK ? t->title_uk : t->title_en;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n  <meta charset=\"utf-8\">\n",
            lang == YK_LANG_UK ? "uk" : "en");
    fputs("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>",
          out);
    esc(out, title);
    if (r->council) {
        fputs(" — ", out);
        esc(out, r->council);
    }
    fputs("</title>\n", out);
    fputs(css, out);
    fputs("</head>\n<body>\n<h1>", out);
    esc(out, title);
    fputs("</h1>\n<p class=\"meta\">", out);
    fprintf(out, "<span>%s: <b>", L(lang, "Розпорядник", "Holder"));
    esc(out, r->council ? r->council : "—");
    fprintf(out, "</b></span> <span>%s: <b>%u</b></span> <span>%s: <b>", L(lang, "Рік", "Year"),
            r->year, L(lang, "Станом на", "As of"));
    esc(out, r->as_of ? r->as_of : "—");
    fprintf(out, "</b></span> <span>%s: <b>%u %s %u</b></span></p>\n", L(lang, "Разом", "Total"),
            r->points, L(lang, "з", "of"), r->max);
}

static void html_row(FILE *out, size_t c, size_t i, const struct yk_card_value *v,
                     enum yk_lang lang)
{
    const struct yk_card_indicator *ind = v->indicator;
    fprintf(out, "<tr%s><td class=\"num\">%zu.%zu</td><td>",
            v->has_value ? "" : " class=\"nodata\"", c + 1, i + 1);
    esc(out, lang == YK_LANG_UK ? ind->title_uk : ind->title_en);
    fputs("<br><span class=\"id\">", out);
    esc(out, ind->id);
    if (ind->plan) {
        fprintf(out, " · %s ", L(lang, "план", "plan"));
        esc(out, ind->plan);
    }
    fputs("</span></td><td class=\"num\">", out);
    esc(out, v->shown);
    fputs("</td><td class=\"ev\">", out);
    esc(out, v->evidence);
    fprintf(out, "</td><td class=\"num\">%u / %u</td></tr>\n", v->points, v->max);
}

int yk_cli_card_html(FILE *out, const struct yk_card_result *r, enum yk_lang lang)
{
    const struct yk_card_template *t = r->card;
    html_head(out, r, lang);
    fprintf(out,
            "<table>\n<thead><tr><th class=\"num\">№</th><th>%s</th><th class=\"num\">%s</th>"
            "<th>%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
            L(lang, "Критерій / індикатор", "Criterion / indicator"), L(lang, "Значення", "Value"),
            L(lang, "Підстава", "Evidence"), L(lang, "Бали", "Points"));
    for (size_t c = 0; c < r->ncriteria; c++) {
        const struct yk_card_criterion_result *cr = &r->criteria[c];
        fprintf(out, "<tr class=\"criterion\"><th class=\"num\">%zu</th><th colspan=\"3\">", c + 1);
        esc(out, lang == YK_LANG_UK ? cr->criterion->title_uk : cr->criterion->title_en);
        fprintf(out, "</th><th class=\"num\">%u / %u</th></tr>\n", cr->points, cr->max);
        for (size_t i = 0; i < cr->nvalues; i++)
            html_row(out, c, i, &cr->values[i], lang);
    }
    fprintf(out,
            "<tr class=\"total\"><th colspan=\"4\">%s</th><th class=\"num\">%u / %u</th></tr>\n"
            "</tbody>\n</table>\n",
            L(lang, "Разом балів", "Total points"), r->points, r->max);
    if (r->no_data)
        fprintf(out, "<p class=\"note\">%s: %zu.</p>\n",
                L(lang, "Індикаторів без даних (0 балів)", "Indicators without data (0 points)"),
                r->no_data);
    fprintf(out, "<div class=\"sign\"><div>%s</div><div>%s</div></div>\n",
            L(lang, "Відповідальна особа (посада, підпис, ПІБ)",
              "Responsible person (position, signature, name)"),
            L(lang, "Дата", "Date"));
    fputs("<footer>", out);
    esc(out, lang == YK_LANG_UK ? t->note_uk : t->note_en);
    fprintf(out, " %s: ", L(lang, "Шаблон", "Template"));
    esc(out, t->id);
    fputs(" ", out);
    esc(out, t->version);
    fputs(" (", out);
    esc(out, t->origin);
    fputs(").</footer>\n</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}
