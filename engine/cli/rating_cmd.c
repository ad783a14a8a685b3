/* yakist — `yakist rating`: the information holders of one quarter ranked by score from the
 * history file, with their compliant share and the change since the quarter recorded before,
 * as a text table, JSON or CSV. Exit codes: 0, 2 usage, 3 no such history or quarter. */
#include <string.h>

#include "cli.h"

#define CMD "rating"
#define NAME_WIDTH 46

enum rating_format { FMT_TEXT = 0, FMT_JSON, FMT_CSV };

struct rating_args {
    const char *history;
    const char *quarter;
    enum rating_format format;
    enum yk_lang lang;
};

void yk_cli_rating_help(FILE *out)
{
    fputs("usage: yakist rating [OPTIONS]\n"
          "\n"
          "Rank the information holders of one quarter by their score (0-100, the mean of\n"
          "their datasets, a missing mandatory dataset counting 0; docs/scoring.md), from the\n"
          "history that 'yakist audit' records. Shows each holder's compliant datasets and\n"
          "the change since the quarter recorded before (new: not rated then). Ties go to\n"
          "the higher compliant share, then fewer missing datasets, then the name in\n"
          "Ukrainian alphabetical order.\n"
          "\n"
          "Options:\n"
          "  --history FILE         the history file (default: yakist.db)\n"
          "  --quarter YYYYQn       the quarter, e.g. 2025Q3 (default: the latest recorded)\n"
          "  --format FORMAT        text (default), json or csv\n"
          "  --lang uk|en           language of the text table (default: uk)\n"
          "  -h, --help             show this help\n"
          "\n"
          "Examples:\n"
          "  yakist rating --history report/yakist.db\n"
          "  yakist rating --history report/yakist.db --quarter 2025Q3 --lang en\n"
          "  yakist rating --history report/yakist.db --format csv > rating.csv\n"
          "\n"
          "Exit codes:\n"
          "  0  the rating was printed\n"
          "  2  usage error\n"
          "  3  the history file is missing or unreadable, or holds no such quarter\n"
          "  4  internal error\n",
          out);
}

static bool valid_quarter(const char *q)
{
    if (strlen(q) != 6 || q[4] != 'Q' || q[5] < '1' || q[5] > '4')
        return false;
    for (int i = 0; i < 4; i++)
        if (q[i] < '0' || q[i] > '9')
            return false;
    return true;
}

static int parse_args(int argc, char **argv, struct rating_args *a)
{
    a->history = "yakist.db";
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int m;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            yk_cli_rating_help(stdout);
            return -1;
        }
        if ((m = yk_cli_option(argc, argv, &i, "--history", &v)) != 0) {
            if (m < 0)
                return -m;
            a->history = v;
        } else if ((m = yk_cli_option(argc, argv, &i, "--quarter", &v)) != 0) {
            if (m < 0)
                return -m;
            if (!valid_quarter(v))
                return yk_cli_usage(CMD, "--quarter takes a quarter like 2025Q3, not '%s'", v);
            a->quarter = v;
        } else if ((m = yk_cli_option(argc, argv, &i, "--format", &v)) != 0) {
            if (m < 0)
                return -m;
            if (strcmp(v, "text") == 0)
                a->format = FMT_TEXT;
            else if (strcmp(v, "json") == 0)
                a->format = FMT_JSON;
            else if (strcmp(v, "csv") == 0)
                a->format = FMT_CSV;
            else
                return yk_cli_usage(CMD, "--format takes text, json or csv, not '%s'", v);
        } else if ((m = yk_cli_option(argc, argv, &i, "--lang", &v)) != 0) {
            if (m < 0)
                return -m;
            if (yk_cli_parse_lang(v, &a->lang) < 0)
                return yk_cli_usage(CMD, "--lang takes uk or en, not '%s'", v);
        } else if (argv[i][0] == '-') {
            return yk_cli_usage(CMD, "unknown option '%s'", argv[i]);
        } else {
            return yk_cli_usage(CMD, "unexpected argument '%s'", argv[i]);
        }
    }
    return 0;
}

/* --- text ---------------------------------------------------------------------------------- */

/* "▲ +3,1", "▼ −2,0", "= 0,0", "нове" / "new", or "—" for a holder not rated now. */
static void change(FILE *out, const struct yk_rating_entry *e, enum yk_lang lang)
{
    char buf[16];
    if (!e->scored)
        fputs("—", out);
    else if (!e->has_previous)
        fputs(lang == YK_LANG_EN ? "new" : "нове", out);
    else if (e->delta_pm > 0)
        fprintf(out, "▲ +%s", yk_cli_pm(buf, (unsigned)e->delta_pm, lang));
    else if (e->delta_pm < 0)
        fprintf(out, "▼ −%s", yk_cli_pm(buf, (unsigned)-e->delta_pm, lang));
    else
        fprintf(out, "= %s", yk_cli_pm(buf, 0, lang));
}

static void text_row(FILE *out, const struct yk_rating_entry *e, enum yk_lang lang)
{
    char rank[16], score[16], share[16], comp[48], missing[24];
    snprintf(rank, sizeof rank, "%u", e->rank);
    snprintf(comp, sizeof comp, "%zu %s %zu", e->compliant, lang == YK_LANG_EN ? "of" : "з",
             e->datasets);
    snprintf(missing, sizeof missing, "%zu", e->missing);
    yk_cli_cell(out, e->scored ? rank : "—", 3, true);
    fputs("  ", out);
    yk_cli_cell(out, e->name, NAME_WIDTH, false);
    fputs("  ", out);
    yk_cli_cell(out, e->scored ? yk_cli_pm(score, e->score_pm, lang) : "—", 5, true);
    fputs("  ", out);
    yk_cli_cell(out, comp, 8, false);
    fputs(" ", out);
    yk_cli_pm(share, e->compliant_pm, lang);
    strcat(share, " %");
    yk_cli_cell(out, e->datasets ? share : "", 7, true);
    fputs("  ", out);
    yk_cli_cell(out, missing, 8, true);
    fputs("  ", out);
    change(out, e, lang);
    fputc('\n', out);
}

static void print_text(FILE *out, const struct yk_history_rating *r, enum yk_lang lang)
{
    bool en = lang == YK_LANG_EN;
    char buf[16], share[16];
    fprintf(out,
            en ? "Rating of information holders, %s (as of %s)\n"
               : "Рейтинг розпорядників інформації, %s (станом на %s)\n",
            r->run.quarter, r->run.as_of);
    if (r->run.council && r->run.council[0])
        fprintf(out, "%s\n", r->run.council);
    if (r->previous)
        fprintf(out, en ? "Change since %s\n" : "Зміна порівняно з %s\n", r->previous);
    else
        fputs(en ? "No earlier quarter recorded\n" : "Попередніх кварталів в історії немає\n", out);
    fputc('\n', out);
    yk_cli_cell(out, "#", 3, true);
    fputs("  ", out);
    yk_cli_cell(out, en ? "Holder" : "Розпорядник", NAME_WIDTH, false);
    fputs("  ", out);
    yk_cli_cell(out, en ? "Score" : "Бал", 5, true);
    fputs("  ", out);
    yk_cli_cell(out, en ? "Compliant" : "Відповідають", 16, false);
    fputs("  ", out);
    yk_cli_cell(out, en ? "Missing" : "Відсутні", 8, true);
    fputs("  ", out);
    fputs(en ? "Change\n" : "Зміна\n", out);
    for (size_t i = 0; i < r->n; i++)
        text_row(out, &r->entries[i], lang);
    fputc('\n', out);
    fprintf(out,
            en ? "Council: score %s, %zu of %zu datasets compliant (%s %%)\n"
               : "Громада: бал %s, відповідають %zu з %zu наборів (%s %%)\n",
            r->run.scored ? yk_cli_pm(buf, r->run.score_pm, lang) : "—", r->run.compliant,
            r->run.datasets, yk_cli_pm(share, r->run.compliant_pm, lang));
}

/* --- JSON and CSV ---------------------------------------------------------------------------- */

static void json_entry(FILE *out, const struct yk_rating_entry *e)
{
    fprintf(out, "    {\"rank\": %u, \"key\": ", e->rank);
    yk_cli_json_string(out, e->key);
    fputs(", \"name\": ", out);
    yk_cli_json_string(out, e->name);
    fprintf(out, ", \"scored\": %s, \"score_pm\": ", e->scored ? "true" : "false");
    if (e->scored)
        fprintf(out, "%u", e->score_pm);
    else
        fputs("null", out);
    fprintf(out,
            ", \"datasets\": %zu, \"compliant\": %zu, \"compliant_pm\": %u, \"missing\": %zu,"
            " \"overdue\": %zu, \"previous_pm\": ",
            e->datasets, e->compliant, e->compliant_pm, e->missing, e->overdue);
    if (e->has_previous)
        fprintf(out, "%u, \"delta_pm\": %d}", e->previous_pm, e->delta_pm);
    else
        fputs("null, \"delta_pm\": null}", out);
}

static void print_json(FILE *out, const struct yk_history_rating *r)
{
    fputs("{\n  \"format\": \"yakist-rating\",\n  \"version\": 1,\n  \"quarter\": ", out);
    yk_cli_json_string(out, r->run.quarter);
    fputs(",\n  \"as_of\": ", out);
    yk_cli_json_string(out, r->run.as_of);
    fputs(",\n  \"previous\": ", out);
    yk_cli_json_string(out, r->previous);
    fputs(",\n  \"council\": {\"name\": ", out);
    yk_cli_json_string(out, r->run.council);
    fputs(", \"score_pm\": ", out);
    if (r->run.scored)
        fprintf(out, "%u", r->run.score_pm);
    else
        fputs("null", out);
    fprintf(out, ", \"datasets\": %zu, \"compliant\": %zu, \"compliant_pm\": %u},\n",
            r->run.datasets, r->run.compliant, r->run.compliant_pm);
    fputs("  \"publishers\": [", out);
    for (size_t i = 0; i < r->n; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_entry(out, &r->entries[i]);
    }
    fputs(r->n ? "\n  ]\n}\n" : "]\n}\n", out);
}

static void print_csv(FILE *out, const struct yk_history_rating *r)
{
    fputs("quarter,rank,key,name,scored,score_pm,datasets,compliant,compliant_pm,missing,"
          "overdue,previous_quarter,previous_pm,delta_pm\r\n",
          out);
    for (size_t i = 0; i < r->n; i++) {
        const struct yk_rating_entry *e = &r->entries[i];
        fprintf(out, "%s,%u,", r->run.quarter, e->rank);
        yk_cli_csv_field(out, e->key);
        fputc(',', out);
        yk_cli_csv_field(out, e->name);
        fprintf(out, ",%d,", e->scored);
        if (e->scored)
            fprintf(out, "%u", e->score_pm);
        fprintf(out, ",%zu,%zu,%u,%zu,%zu,%s,", e->datasets, e->compliant, e->compliant_pm,
                e->missing, e->overdue, r->previous ? r->previous : "");
        if (e->has_previous)
            fprintf(out, "%u,%d", e->previous_pm, e->delta_pm);
        else
            fputc(',', out);
        fputs("\r\n", out);
    }
}

int yk_cli_rating(int argc, char **argv)
{
    struct rating_args a = {0};
    int code = parse_args(argc, argv, &a);
    if (code != 0)
        return code < 0 ? CLI_EXIT_PASSED : code;
    struct yk_error err;
    struct yk_history *h = NULL;
    struct yk_history_rating r;
    struct yk_arena *arena = yk_arena_create(0);
    yk_error_clear(&err);
    int rc = arena ? yk_history_open(a.history, false, &h, &err)
                   : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0)
        rc = yk_history_rating(h, a.quarter, arena, &r, &err);
    if (rc < 0) {
        yk_cli_print_error(&err, a.lang);
        code = rc == YK_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    } else if (a.format == FMT_JSON) {
        print_json(stdout, &r);
    } else if (a.format == FMT_CSV) {
        print_csv(stdout, &r);
    } else {
        print_text(stdout, &r, a.lang);
    }
    yk_history_close(h);
    yk_arena_destroy(arena);
    return code;
}
