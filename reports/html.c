/* yakist — the HTML dashboard of an audit (`--format html`, `--out DIR` writes
 * DIR/dashboard.html): one self-contained page, inline CSS and SVG, no script at all and a
 * Content-Security-Policy that forbids loading anything, so it works offline, prints well and
 * cannot run what the data holds. This file writes the page, the KPI tiles against the plan's
 * targets, the rating and the reference of rules; html_parts.c the charts and the drill-down. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static const struct html_words uk = {
    .lang = "uk",
    .title = "Аудит відкритих даних",
    .as_of = "станом на",
    .quarter = "квартал",
    .catalog = "каталог",
    .datasets = {"набір даних", "набори даних", "наборів даних"},
    .publishers = {"розпорядник", "розпорядники", "розпорядників"},
    .nav_kpis = "Показники",
    .nav_publishers = "Розпорядники",
    .nav_trends = "Динаміка",
    .nav_heatmap = "Порушення",
    .nav_details = "Набори даних",
    .nav_missing = "Відсутні пункти",
    .nav_rules = "Правила",
    .kpis = "Показники плану",
    .coverage = "Покриття Переліку (постанова № 835)",
    .beyond = "Набори даних понад Перелік",
    .compliant = "Відповідають рекомендаціям і стандартам",
    .on_time = "Оновлюються вчасно",
    .score = "Оцінка ради",
    .target = "ціль",
    .met = "виконано",
    .not_met = "не виконано",
    .no_target = "без цілі в плані",
    .of = "з",
    .items = "пунктів",
    .since = "від",
    .bars = "Оцінки розпорядників",
    .bars_note = "Оцінка 0–100: середнє їхніх наборів даних, відсутній обов’язковий набір — 0. "
                 "Лінія — 85 %.",
    .trends = "Динаміка за кварталами",
    .no_history = "Історії аудитів немає: запустіть аудит з --out або --history, щоб бачити "
                  "динаміку за кварталами.",
    .one_run = "В історії поки один квартал; динаміка з’явиться після наступного аудиту.",
    .heatmap = "Порушення за групами правил",
    .heatmap_note = "Кількість знахідок у наборах даних кожного розпорядника, за групами правил.",
    .family = "група",
    .publisher = "Розпорядник",
    .rating = "Рейтинг розпорядників",
    .rank = "Місце",
    .comply = "Відповідають",
    .missing = "Відсутні",
    .overdue = "Прострочені",
    .change = "Зміна від",
    .new_entry = "нове",
    .details = "Розпорядники і набори даних",
    .dataset = "Набір даних",
    .item = "Пункт Переліку",
    .beyond_item = "понад Перелік",
    .stars = "Відкритість",
    .findings = "Знахідки",
    .resources = "Ресурси",
    .not_checked = "не перевірено",
    .unreadable = "не прочитано",
    .source = "Запис у каталозі",
    .match = "Відповідність Переліку",
    .dims = "Оцінка за вимірами",
    .more = "… і ще",
    .missing_items = "Відсутні пункти Переліку",
    .none_missing = "Усі застосовні пункти Переліку покрито.",
    .responsible = "Відповідає",
    .catalog_findings = "Знахідки щодо каталогу",
    .rules = "Правила",
    .rules_note = "Правила, що спрацювали в цьому аудиті: чому це важливо і звідки вимога.",
    .severity = "серйозність",
    .dimension = "вимір",
    .weight = "вага",
    .compliance_rule = "помилка робить набір невідповідним",
    .rationale = "Чому це важливо",
    .rule_source = "Джерело",
    .footer = "Звіт yakist: без мережевих ресурсів і скриптів; ті самі дані дають ті самі байти.",
    .yes = "так",
    .no = "ні",
    .not_scored = "—",
    .no_publisher = "Без розпорядника",
    .no_findings = "Знахідок немає.",
    .local = "локальний файл",
    .remote = "за адресою",
    .escapes = "поза каталогом",
    .absent = "файлу немає",
    .invalid = "недійсна адреса",
    .dimension_names = {"покриття", "метадані", "вчасність", "відкритість", "структура", "зміст"},
    .how = {"не зіставлено", "поле каталогу", "council.json", "за назвою"},
    .sev = {"вимкнено", "зауваження", "попередження", "помилка"},
    .decimal = ',',
};

static const struct html_words en = {
    .lang = "en",
    .title = "Open data audit",
    .as_of = "as of",
    .quarter = "quarter",
    .catalog = "catalog",
    .datasets = {"dataset", "datasets", "datasets"},
    .publishers = {"publisher", "publishers", "publishers"},
    .nav_kpis = "Targets",
    .nav_publishers = "Publishers",
    .nav_trends = "Trends",
    .nav_heatmap = "Findings",
    .nav_details = "Datasets",
    .nav_missing = "Missing items",
    .nav_rules = "Rules",
    .kpis = "Plan targets",
    .coverage = "Coverage of the Resolution 835 list",
    .beyond = "Datasets beyond the list",
    .compliant = "Meet the recommendations and standards",
    .on_time = "Updated on time",
    .score = "Council score",
    .target = "target",
    .met = "met",
    .not_met = "not met",
    .no_target = "no target in the plan",
    .of = "of",
    .items = "items",
    .since = "since",
    .bars = "Publishers' scores",
    .bars_note = "Score 0–100: the mean of their datasets, a missing mandatory dataset counting "
                 "0. The line is 85 %.",
    .trends = "Quarter by quarter",
    .no_history = "No audit history: run the audit with --out or --history to see the trends "
                  "quarter by quarter.",
    .one_run = "The history holds one quarter so far; trends appear after the next audit.",
    .heatmap = "Findings by rule family",
    .heatmap_note = "Findings in each publisher's datasets, by rule family.",
    .family = "family",
    .publisher = "Publisher",
    .rating = "Rating of publishers",
    .rank = "Rank",
    .comply = "Comply",
    .missing = "Missing",
    .overdue = "Overdue",
    .change = "Change since",
    .new_entry = "new",
    .details = "Publishers and datasets",
    .dataset = "Dataset",
    .item = "List item",
    .beyond_item = "beyond the list",
    .stars = "Openness",
    .findings = "Findings",
    .resources = "Resources",
    .not_checked = "not checked",
    .unreadable = "unreadable",
    .source = "Catalog record",
    .match = "Match to the list",
    .dims = "Score by dimension",
    .more = "… and",
    .missing_items = "Missing items of the list",
    .none_missing = "Every applicable item of the list is covered.",
    .responsible = "Answers for it",
    .catalog_findings = "Findings about the catalog",
    .rules = "Rules",
    .rules_note = "The rules that reported in this audit: why they matter and where the "
                  "requirement comes from.",
    .severity = "severity",
    .dimension = "dimension",
    .weight = "weight",
    .compliance_rule = "an error makes a dataset non-compliant",
    .rationale = "Why it matters",
    .rule_source = "Source",
    .footer = "A yakist report: no network resources, no scripts; the same data gives the same "
              "bytes.",
    .yes = "yes",
    .no = "no",
    .not_scored = "—",
    .no_publisher = "No publisher",
    .no_findings = "No findings.",
    .local = "local file",
    .remote = "remote",
    .escapes = "outside the catalog",
    .absent = "file missing",
    .invalid = "invalid address",
    .dimension_names = {"coverage", "metadata", "timeliness", "openness", "structure", "content"},
    .how = {"no match", "catalog field", "council.json", "by title"},
    .sev = {"off", "info", "warning", "error"},
    .decimal = '.',
};

/* Everything is inline; the policy keeps it so even if the data tried otherwise. */
static const char csp[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                          "base-uri 'none'; form-action 'none'";

/* In parts: ISO C promises string literals of 4095 bytes only. */
static const char *const css[] = {
    ":root{--ink:#1d2430;--muted:#5b6678;--line:#dfe3ea;--bg:#f4f6f9;--card:#fff;"
    "--blue:#1f5fae;--ok:#1e8a4c;--warn:#c98a00;--bad:#c23b31;--info:#3d7fc4}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"
    "'Segoe UI',Roboto,'Noto Sans',sans-serif}\n"
    "header{background:linear-gradient(90deg,#1f5fae,#2b74c9);color:#fff;padding:22px 32px 14px}\n"
    "header h1{margin:0 0 4px;font-size:26px;font-weight:650}\n"
    "header .sub{margin:0;opacity:.92}\n"
    "nav{margin-top:12px;display:flex;flex-wrap:wrap;gap:6px}\n"
    "nav a{color:#fff;text-decoration:none;background:rgba(255,255,255,.16);padding:3px 10px;"
    "border-radius:12px;font-size:13px}\n"
    "nav a:hover{background:rgba(255,255,255,.3)}\n"
    "main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:10px;"
    "padding:18px 22px;margin:0 0 18px}\n"
    "h2{margin:0 0 12px;font-size:19px}\n"
    "h3{margin:14px 0 6px;font-size:16px}\n"
    ".note{color:var(--muted);font-size:13px;margin:4px 0 10px}\n",
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}\n"
    ".tile{border:1px solid var(--line);border-radius:9px;padding:12px 14px;"
    "border-top:4px solid var(--muted);break-inside:avoid}\n"
    ".tile.met{border-top-color:var(--ok)}.tile.not-met{border-top-color:var(--bad)}"
    ".tile.plain{border-top-color:var(--blue)}\n"
    ".tile .plan{font-size:12px;color:var(--muted)}\n"
    ".tile .label{font-weight:600;min-height:2.9em}\n"
    ".tile .value{font-size:30px;font-weight:700;margin:4px 0 0}\n"
    ".tile .detail,.tile .delta{font-size:13px;color:var(--muted)}\n"
    ".tile svg{display:block;width:100%;height:8px;margin:8px 0 6px}\n"
    ".badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;"
    "background:#eef1f5;color:var(--muted)}\n"
    ".badge.met{background:#e3f4ea;color:var(--ok)}.badge.not-met{background:#fbe7e5;"
    "color:var(--bad)}\n"
    ".up{color:var(--ok)}.down{color:var(--bad)}\n"
    "svg text{font-family:inherit}\n"
    ".chart{width:100%;height:auto;max-width:1100px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;margin:6px 0 0;padding:0;"
    "list-style:none}\n"
    ".legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;"
    "vertical-align:-1px}\n",
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f7f8fa;font-weight:600}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    ".heat td.h{text-align:center;min-width:46px}\n"
    ".h0{color:#b5bcc8}.h1{background:#fdf1d8}.h2{background:#fadca6}.h3{background:#f4b46f}"
    ".h4{background:#e8804c;color:#fff}.h5{background:#c23b31;color:#fff}\n"
    "details{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:#fff}\n"
    "details>summary{cursor:pointer;padding:8px 12px;font-weight:600;list-style-position:"
    "inside}\n"
    "details[open]>summary{border-bottom:1px solid var(--line)}\n"
    "details .body{padding:8px 14px 12px}\n"
    "details details{margin-left:4px}\n"
    "summary .meta{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}\n"
    "dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0;"
    "font-size:14px}\n"
    "dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;overflow-wrap:anywhere}\n"
    "ul.findings{list-style:none;padding:0;margin:6px 0}\n"
    "ul.findings li{padding:3px 0;border-bottom:1px dashed var(--line);font-size:14px;"
    "overflow-wrap:anywhere}\n"
    ".sev{display:inline-block;min-width:92px;font-size:12px;font-weight:600}\n"
    ".sev-error{color:var(--bad)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}\n"
    ".loc{font-family:ui-monospace,Consolas,monospace;font-size:12px;color:var(--muted)}\n"
    "a.rule{font-family:ui-monospace,Consolas,monospace;font-size:12px}\n"
    "a{color:var(--blue)}\n"
    ".ok{color:var(--ok)}.bad{color:var(--bad)}\n"
    ".stars{color:#d49b00;letter-spacing:1px}\n"
    ".ruleref{border-top:1px solid var(--line);padding:8px 0}\n"
    ".ruleref h3{margin:4px 0}.ruleref p{margin:4px 0}\n"
    ".ruleref:target{background:#fff8dc}\n"
    "footer{color:var(--muted);font-size:12px;text-align:center;padding:0 0 24px}\n",
    "@media print{body{background:#fff;font-size:11pt}header{background:none;color:var(--ink);"
    "padding:0 0 8px;border-bottom:2px solid var(--ink)}nav{display:none}main{max-width:none;"
    "padding:0}section{border:none;padding:6px 0;break-inside:avoid-page}section.long"
    "{break-inside:auto}details{border:none}a{color:inherit;text-decoration:none}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n",
};

void html_text(const struct html_page *pg, const char *s)
{
    yk_esc_html(pg->out, s);
}

const char *html_pm(const struct html_page *pg, char buf[24], unsigned pm)
{
    return yk_rep_pm(buf, pm, pg->lang);
}

const char *html_cut(char *buf, const char *s, size_t n)
{
    size_t i = 0, out = 0, cps = 0;
    s = s ? s : "";
    while (s[i] && cps < n) {
        size_t len = 1;
        while (s[i + len] && ((unsigned char)s[i + len] & 0xC0u) == 0x80u)
            len++;
        if (cps + 1 == n && s[i + len]) {
            memcpy(buf + out, "\xE2\x80\xA6", 3);
            out += 3;
            break;
        }
        memcpy(buf + out, s + i, len);
        out += len;
        i += len;
        cps++;
    }
    buf[out] = 0;
    return buf;
}

size_t html_publisher_index(const struct yk_audit_result *a, const struct yk_publisher *p)
{
    for (size_t i = 0; p && i < a->npublishers; i++)
        if (a->publishers[i].publisher == p)
            return i;
    return SIZE_MAX;
}

/* --- the head and the header --------------------------------------------------------------- */

static void put_head(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    const struct yk_audit_result *a = pg->a;
    fprintf(pg->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
            w->lang);
    fprintf(pg->out, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", csp);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"yakist\">\n<title>",
          pg->out);
    fprintf(pg->out, "%s — ", w->title);
    html_text(pg, a->council ? a->council->name : a->catalog->root);
    fprintf(pg->out, ", %s</title>\n<style>\n", a->as_of);
    for (size_t i = 0; i < sizeof css / sizeof css[0]; i++)
        fputs(css[i], pg->out);
    fputs("</style>\n</head>\n", pg->out);
}

static void put_header(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    const struct yk_audit_result *a = pg->a;
    fprintf(pg->out, "<body>\n<header>\n<h1>%s — ", w->title);
    html_text(pg, a->council ? a->council->name : a->catalog->root);
    fprintf(pg->out, "</h1>\n<p class=\"sub\">%s <span data-as-of>%s</span>", w->as_of, a->as_of);
    if (pg->quarter[0])
        fprintf(pg->out, " · %s %s", w->quarter, pg->quarter);
    fprintf(pg->out, " · %s ", w->catalog);
    html_text(pg, a->catalog->root);
    fprintf(pg->out, " (%s) · %zu %s · %zu %s</p>\n", a->catalog->kind ? a->catalog->kind : "",
            a->ndatasets, yk_rep_plural(pg->lang, a->ndatasets, w->datasets), a->npublishers,
            yk_rep_plural(pg->lang, a->npublishers, w->publishers));
    fprintf(pg->out,
            "<nav><a href=\"#kpis\">%s</a><a href=\"#publishers\">%s</a><a href=\"#trends\">%s"
            "</a><a href=\"#heatmap\">%s</a><a href=\"#details\">%s</a><a href=\"#missing\">%s"
            "</a><a href=\"#rules\">%s</a></nav>\n</header>\n<main>\n",
            w->nav_kpis, w->nav_publishers, w->nav_trends, w->nav_heatmap, w->nav_details,
            w->nav_missing, w->nav_rules);
}

/* --- KPI tiles ------------------------------------------------------------------------------- */

struct tile {
    const char *key;  /* data-kpi */
    const char *plan; /* "6.2", or NULL */
    const char *label;
    unsigned value; /* per mille, or a count when count is set */
    bool count;
    bool points;  /* a score 0-100 rather than a share: no "%" */
    int target;   /* per mille or count; -1: none */
    int previous; /* the same in the quarter before, -1: not known */
    const char *detail;
};

static void put_progress(const struct html_page *pg, const struct tile *t)
{
    /* A share fills 0..1000; a count fills against twice its target. */
    unsigned full = t->count ? (unsigned)(t->target > 0 ? 2 * t->target : 1) : 1000;
    unsigned v = t->value > full ? full : t->value;
    fprintf(pg->out,
            "<svg viewBox=\"0 0 1000 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            "<rect width=\"1000\" height=\"8\" rx=\"4\" fill=\"#e6e9ef\"/>"
            "<rect width=\"%u\" height=\"8\" rx=\"4\" fill=\"%s\"/>",
            v * 1000 / full,
            t->target < 0                ? "#1f5fae"
            : (int)t->value >= t->target ? "#1e8a4c"
                                         : "#c23b31");
    if (t->target >= 0)
        fprintf(pg->out, "<rect x=\"%u\" width=\"6\" height=\"8\" fill=\"#1d2430\"/>",
                (unsigned)t->target * 1000 / full > 994 ? 994 : (unsigned)t->target * 1000 / full);
    fputs("</svg>", pg->out);
}

static void put_delta(const struct html_page *pg, const struct tile *t)
{
    char buf[24];
    if (t->previous < 0 || !pg->previous)
        return;
    int d = (int)t->value - t->previous;
    unsigned ad = (unsigned)(d < 0 ? -d : d);
    fprintf(pg->out, "<div class=\"delta\"><span class=\"%s\">%s",
            d > 0   ? "up"
            : d < 0 ? "down"
                    : "",
            d > 0   ? "▲ +"
            : d < 0 ? "▼ −"
                    : "= ");
    if (t->count)
        fprintf(pg->out, "%u", ad);
    else
        fprintf(pg->out, "%s", html_pm(pg, buf, ad));
    fprintf(pg->out, "</span> %s %s</div>", pg->w->since, pg->previous->quarter);
}

static void put_tile(const struct html_page *pg, const struct tile *t)
{
    const struct html_words *w = pg->w;
    char buf[24];
    bool met = t->target >= 0 && (int)t->value >= t->target;
    const char *cls = t->target < 0 ? "plain" : met ? "met" : "not-met";
    fprintf(pg->out, "<div class=\"tile %s\" data-kpi=\"%s\" data-value=\"%u\"", cls, t->key,
            t->value);
    if (t->target >= 0)
        fprintf(pg->out, " data-target=\"%d\" data-met=\"%s\"", t->target, met ? "true" : "false");
    fprintf(pg->out, ">\n<div class=\"plan\">%s%s</div><div class=\"label\">%s</div>",
            t->plan ? (pg->lang == YK_LANG_EN ? "plan " : "план ") : "&nbsp;",
            t->plan ? t->plan : "", t->label);
    if (t->count)
        fprintf(pg->out, "<div class=\"value\">%u</div>", t->value);
    else
        fprintf(pg->out, "<div class=\"value\">%s%s</div>", html_pm(pg, buf, t->value),
                t->points ? "" : " %");
    fprintf(pg->out, "<div class=\"detail\">%s</div>", t->detail);
    put_progress(pg, t);
    if (t->target < 0)
        fprintf(pg->out, "<span class=\"badge\">%s</span>", w->no_target);
    else if (t->count)
        fprintf(pg->out, "<span class=\"badge %s\">%s ≥ %d · %s</span>", cls, w->target, t->target,
                met ? w->met : w->not_met);
    else if (t->target % 10 == 0)
        fprintf(pg->out, "<span class=\"badge %s\">%s %s%d %% · %s</span>", cls, w->target,
                t->target < 1000 ? "≥ " : "", t->target / 10, met ? w->met : w->not_met);
    else
        fprintf(pg->out, "<span class=\"badge %s\">%s ≥ %s %% · %s</span>", cls, w->target,
                html_pm(pg, buf, (unsigned)t->target), met ? w->met : w->not_met);
    put_delta(pg, t);
    fputs("\n</div>\n", pg->out);
}

static void put_kpis(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    const struct yk_kpis *k = &pg->a->kpis;
    const struct yk_history_run *p = pg->previous;
    char d1[96], d2[96], d3[96], d4[96], d5[96];
    snprintf(d1, sizeof d1, "%zu %s %zu %s", k->items_covered, w->of, k->items_applicable,
             w->items);
    snprintf(d2, sizeof d2, "%s",
             pg->lang == YK_LANG_EN ? "published, matching no item" : "оприлюднені, поза пунктами");
    snprintf(d3, sizeof d3, "%zu %s %zu", k->compliant, w->of, k->datasets);
    snprintf(d4, sizeof d4, "%zu %s %zu", k->on_time, w->of, k->datasets);
    snprintf(d5, sizeof d5, "%s",
             pg->lang == YK_LANG_EN ? "0–100, mean over datasets and missing items"
                                    : "0–100, середнє наборів і відсутніх пунктів");
    const struct tile tiles[] = {
        {"coverage", "6.2", w->coverage, k->coverage_pm, false, false, 1000,
         p ? (int)p->coverage_pm : -1, d1},
        {"beyond", "6.3", w->beyond, (unsigned)k->extra_datasets, true, false, 3,
         p ? (int)p->extra_datasets : -1, d2},
        {"compliance", "7.2", w->compliant, k->compliant_pm, false, false, 850,
         p ? (int)p->compliant_pm : -1, d3},
        {"on-time", NULL, w->on_time, k->on_time_pm, false, false, -1, p ? (int)p->on_time_pm : -1,
         d4},
        {"score", NULL, w->score, pg->a->score.pm, false, true, -1,
         p && p->scored ? (int)p->score_pm : -1, d5},
    };
    fprintf(pg->out, "<section id=\"kpis\">\n<h2>%s</h2>\n<div class=\"tiles\">\n", w->kpis);
    for (size_t i = 0; i < sizeof tiles / sizeof tiles[0]; i++)
        if (strcmp(tiles[i].key, "score") != 0 || pg->a->score.scored)
            put_tile(pg, &tiles[i]);
    fputs("</div>\n</section>\n", pg->out);
}

/* --- the rating ---------------------------------------------------------------------------- */

static void put_change(const struct html_page *pg, const struct yk_rating_entry *e)
{
    char buf[24];
    fputs("<td class=\"n\">", pg->out);
    if (!e->has_previous) {
        fprintf(pg->out, "<span class=\"badge\">%s</span></td>", pg->w->new_entry);
        return;
    }
    int d = e->delta_pm;
    fprintf(pg->out, "<span class=\"%s\">%s%s</span></td>",
            d > 0   ? "up"
            : d < 0 ? "down"
                    : "",
            d > 0   ? "▲ +"
            : d < 0 ? "▼ −"
                    : "= ",
            html_pm(pg, buf, (unsigned)(d < 0 ? -d : d)));
}

static void put_rating(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    char buf[24], cbuf[24];
    /* The change since the quarter before, when the history has one. */
    bool changes = pg->rep->previous_quarter != NULL;
    fprintf(pg->out,
            "<h3>%s</h3>\n<table class=\"rating\">\n<thead><tr><th class=\"n\">%s</th><th>%s</th>"
            "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
            "<th class=\"n\">%s</th>",
            w->rating, w->rank, w->publisher, pg->lang == YK_LANG_EN ? "Score" : "Оцінка",
            w->comply, w->missing, w->overdue);
    if (changes)
        fprintf(pg->out, "<th class=\"n\">%s %s</th>", w->change, pg->rep->previous_quarter);
    fputs("</tr></thead>\n<tbody>\n", pg->out);
    for (size_t i = 0; i < pg->nrating; i++) {
        const struct yk_rating_entry *e = &pg->rating[i];
        fprintf(pg->out, "<tr data-publisher-rank=\"%u\"><td class=\"n\">%u</td><td>", e->rank,
                e->rank);
        html_text(pg, e->name);
        fprintf(pg->out,
                "</td><td class=\"n\">%s</td><td class=\"n\">%zu %s %zu (%s %%)</td>"
                "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>",
                e->scored ? html_pm(pg, buf, e->score_pm) : w->not_scored, e->compliant, w->of,
                e->datasets, html_pm(pg, cbuf, e->compliant_pm), e->missing, e->overdue);
        if (changes)
            put_change(pg, e);
        fputs("</tr>\n", pg->out);
    }
    fputs("</tbody>\n</table>\n", pg->out);
}

/* --- missing items, the reference of rules, the page ---------------------------------------- */

static void put_missing(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    const struct yk_audit_result *a = pg->a;
    size_t n = 0;
    for (size_t i = 0; i < a->nitems; i++)
        n += a->items[i].state == YK_ITEM_MISSING;
    fprintf(pg->out, "<section id=\"missing\" class=\"long\">\n<h2>%s: %zu</h2>\n",
            w->missing_items, n);
    if (!n) {
        fprintf(pg->out, "<p>%s</p>\n", w->none_missing);
    } else {
        fprintf(pg->out,
                "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n"
                "<tbody>\n",
                pg->lang == YK_LANG_EN ? "Item" : "Пункт",
                pg->lang == YK_LANG_EN ? "Title" : "Назва", w->responsible);
        for (size_t i = 0; i < a->nitems; i++) {
            const struct yk_item_status *st = &a->items[i];
            if (st->state != YK_ITEM_MISSING)
                continue;
            fputs("<tr><td class=\"n\">", pg->out);
            html_text(pg, st->item->key);
            fputs("</td><td>", pg->out);
            html_text(pg, st->item->title);
            fputs("</td><td>", pg->out);
            html_text(pg, st->publisher ? st->publisher->name : "");
            fputs("</td></tr>\n", pg->out);
        }
        fputs("</tbody>\n</table>\n", pg->out);
    }
    if (a->nfindings) {
        fprintf(pg->out, "<h3>%s</h3>\n<ul class=\"findings\">\n", w->catalog_findings);
        for (size_t i = 0; i < a->nfindings; i++) {
            const struct yk_finding *f = &a->findings[i];
            const char *id = f->rule ? f->rule->id : "";
            fprintf(pg->out,
                    "<li><span class=\"sev sev-%s\">%s</span> <a class=\"rule\" href=\"#rule-",
                    yk_severity_name(f->severity), w->sev[f->severity <= 3 ? f->severity : 3]);
            html_text(pg, id);
            fputs("\">", pg->out);
            html_text(pg, id);
            fputs("</a> ", pg->out);
            html_text(pg, yk_finding_message(f, pg->lang));
            fputs("</li>\n", pg->out);
        }
        fputs("</ul>\n", pg->out);
    }
    fputs("</section>\n", pg->out);
}

static void put_rule(const struct html_page *pg, const struct yk_rule *r, enum yk_severity sev)
{
    const struct html_words *w = pg->w;
    fputs("<div class=\"ruleref\" id=\"rule-", pg->out);
    html_text(pg, r->id);
    fputs("\"><h3><code>", pg->out);
    html_text(pg, r->id);
    fputs("</code> ", pg->out);
    html_text(pg, yk_rep_rule_title(r, pg->lang));
    fprintf(
        pg->out, "</h3>\n<p class=\"note\"><span class=\"sev sev-%s\">%s</span> %s: %s · %s: %u",
        yk_severity_name(sev), w->sev[sev <= 3 ? sev : 3], w->dimension,
        w->dimension_names[r->dimension < YK_DIM_COUNT ? r->dimension : 0], w->weight, r->weight);
    if (r->compliance)
        fprintf(pg->out, " · %s", w->compliance_rule);
    fputs(" · ", pg->out);
    html_text(pg, pg->lang == YK_LANG_EN ? r->title_uk : r->title_en);
    fprintf(pg->out, "</p>\n<p><strong>%s.</strong> ", w->rationale);
    html_text(pg, r->rationale);
    fprintf(pg->out, "</p>\n<p><strong>%s:</strong> ", w->rule_source);
    html_text(pg, r->source);
    fputs(" · <code>yakist rules ", pg->out);
    html_text(pg, r->id);
    fputs("</code></p></div>\n", pg->out);
}

static void put_rules(const struct html_page *pg)
{
    const struct html_words *w = pg->w;
    const struct yk_audit_result *a = pg->a;
    fprintf(pg->out,
            "<section id=\"rules\" class=\"long\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n",
            w->rules, w->rules_note);
    for (size_t i = 0; i < a->ncounts; i++)
        if (a->counts[i].rule && a->counts[i].count)
            put_rule(pg, a->counts[i].rule, a->counts[i].severity);
    fputs("</section>\n", pg->out);
}

/* The runs to draw, and the one before this audit's quarter. */
static void use_history(struct html_page *pg)
{
    const struct yk_report *rep = pg->rep;
    size_t n = rep->nhistory;
    pg->runs = rep->history;
    pg->nruns = n > HTML_MAX_RUNS ? HTML_MAX_RUNS : n;
    if (n > HTML_MAX_RUNS)
        pg->runs += n - HTML_MAX_RUNS;
    for (size_t i = 0; i < n; i++)
        if (rep->history[i].quarter && strcmp(rep->history[i].quarter, pg->quarter) < 0)
            pg->previous = &rep->history[i];
}

static int html_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    struct html_page pg = {
        .out = rep->out,
        .rep = rep,
        .a = a,
        .w = rep->opt->lang == YK_LANG_EN ? &en : &uk,
        .lang = rep->opt->lang,
        .rating = rep->rating,
        .nrating = rep->nrating,
    };
    struct yk_arena *arena = NULL;
    int rc = 0;
    if (yk_quarter_of(a->as_of, pg.quarter) < 0)
        pg.quarter[0] = 0;
    use_history(&pg);
    if (!pg.rating) {
        struct yk_rating_entry *own = NULL;
        arena = yk_arena_create(0);
        if (!arena || yk_audit_rating(a, arena, &own, &pg.nrating, NULL) < 0) {
            yk_arena_destroy(arena);
            return YK_ENOMEM;
        }
        pg.rating = own;
    }
    put_head(&pg);
    put_header(&pg);
    put_kpis(&pg);
    fprintf(pg.out, "<section id=\"publishers\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n",
            pg.w->bars, pg.w->bars_note);
    html_bars(&pg);
    put_rating(&pg);
    fputs("</section>\n", pg.out);
    html_trends(&pg);
    rc = html_heatmap(&pg);
    if (rc == 0)
        rc = html_details(&pg);
    put_missing(&pg);
    put_rules(&pg);
    fprintf(pg.out, "</main>\n<footer>%s yakist %s · ", pg.w->footer, rep->opt->tool_version);
    html_text(&pg, a->catalog->digest ? a->catalog->digest : "");
    fputs("</footer>\n</body>\n</html>\n", pg.out);
    yk_arena_destroy(arena);
    return rc < 0 ? rc : ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_html = {
    .name = "html",
    .description = "a self-contained HTML dashboard",
    .audit = html_audit,
};
