/* yakist — `yakist history`: the audits recorded in a history file, one line per quarter
 * (as-of date, datasets, compliant share, Перелік coverage, council score, catalog digest),
 * as a text table or JSON. Exit codes: 0, 2 usage, 3 no such history. */
#include <string.h>

#include "cli.h"

#define CMD "history"
#define DIGEST_SHORT 8

struct history_args {
    const char *history;
    bool json;
    enum yk_lang lang;
};

void yk_cli_history_help(FILE *out)
{
    fputs("usage: yakist history [OPTIONS]\n"
          "\n"
          "List the audits recorded in a history file, oldest quarter first: the as-of\n"
          "date, the published datasets, the compliant share (plan 7.2), the coverage of\n"
          "the Перелік (plan 6.2), the council's score and the start of the catalog's\n"
          "digest, so a changed catalog shows. 'yakist audit --out DIR' records into\n"
          "DIR/yakist.db, or into --history FILE; a quarter audited again replaces its run.\n"
          "\n"
          "Options:\n"
          "  --history FILE         the history file (default: yakist.db)\n"
          "  --format FORMAT        text (default) or json\n"
          "  --lang uk|en           language of the text table (default: uk)\n"
          "  -h, --help             show this help\n"
          "\n"
          "Examples:\n"
          "  yakist history --history report/yakist.db\n"
          "  yakist history --history report/yakist.db --format json\n"
          "\n"
          "Exit codes:\n"
          "  0  the runs were listed\n"
          "  2  usage error\n"
          "  3  the history file is missing or unreadable\n"
          "  4  internal error\n",
          out);
}

static int parse_args(int argc, char **argv, struct history_args *a)
{
    a->history = "yakist.db";
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int m;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            yk_cli_history_help(stdout);
            return -1;
        }
        if ((m = yk_cli_option(argc, argv, &i, "--history", &v)) != 0) {
            if (m < 0)
                return -m;
            a->history = v;
        } else if ((m = yk_cli_option(argc, argv, &i, "--format", &v)) != 0) {
            if (m < 0)
                return -m;
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
                return yk_cli_usage(CMD, "--format takes text or json, not '%s'", v);
            a->json = strcmp(v, "json") == 0;
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

static void print_text(FILE *out, const struct yk_history_run *runs, size_t n, enum yk_lang lang)
{
    bool en = lang == YK_LANG_EN;
    if (!n) {
        fputs(en ? "No runs recorded yet\n" : "В історії ще немає жодного аудиту\n", out);
        return;
    }
    static const char *const head_uk[] = {"Квартал",  "Станом на", "Наборів", "Відповідають",
                                          "Покриття", "Бал",       "Каталог"};
    static const char *const head_en[] = {"Quarter",  "As of", "Datasets", "Compliant",
                                          "Coverage", "Score", "Catalog"};
    static const size_t width[] = {7, 10, 8, 12, 8, 5, DIGEST_SHORT};
    const char *const *head = en ? head_en : head_uk;
    for (int c = 0; c < 7; c++) {
        yk_cli_cell(out, head[c], c == 6 ? 0 : width[c], c >= 2 && c <= 5);
        fputs(c == 6 ? "\n" : "  ", out);
    }
    for (size_t i = 0; i < n; i++) {
        const struct yk_history_run *r = &runs[i];
        char num[24], comp[24], cov[24], score[16], digest[DIGEST_SHORT + 1];
        snprintf(num, sizeof num, "%zu", r->datasets);
        snprintf(comp, sizeof comp, "%s %%", yk_cli_pm(score, r->compliant_pm, lang));
        snprintf(cov, sizeof cov, "%s %%", yk_cli_pm(score, r->coverage_pm, lang));
        snprintf(digest, sizeof digest, "%s", r->catalog_digest ? r->catalog_digest : "");
        const char *cells[] = {r->quarter,
                               r->as_of,
                               num,
                               comp,
                               cov,
                               r->scored ? yk_cli_pm(score, r->score_pm, lang) : "—",
                               digest[0] ? digest : "—"};
        for (int c = 0; c < 7; c++) {
            yk_cli_cell(out, cells[c], c == 6 ? 0 : width[c], c >= 2 && c <= 5);
            fputs(c == 6 ? "\n" : "  ", out);
        }
    }
}

static void print_json(FILE *out, const struct yk_history_run *runs, size_t n)
{
    fputs("{\n  \"format\": \"yakist-history\",\n  \"version\": 1,\n  \"runs\": [", out);
    for (size_t i = 0; i < n; i++) {
        const struct yk_history_run *r = &runs[i];
        fputs(i ? ",\n    {\"quarter\": " : "\n    {\"quarter\": ", out);
        yk_cli_json_string(out, r->quarter);
        fputs(", \"as_of\": ", out);
        yk_cli_json_string(out, r->as_of);
        fputs(", \"profile\": ", out);
        yk_cli_json_string(out, r->profile);
        fputs(", \"version\": ", out);
        yk_cli_json_string(out, r->version);
        fputs(", \"catalog_digest\": ", out);
        yk_cli_json_string(out, r->catalog_digest);
        fputs(", \"council\": ", out);
        yk_cli_json_string(out, r->council);
        fputs(", \"recorded_at\": ", out);
        yk_cli_json_string(out, r->recorded_at);
        fprintf(out,
                ", \"datasets\": %zu, \"compliant\": %zu, \"compliant_pm\": %u,"
                " \"items_applicable\": %zu, \"items_covered\": %zu, \"coverage_pm\": %u,"
                " \"extra_datasets\": %zu, \"on_time\": %zu, \"on_time_pm\": %u, \"score_pm\": ",
                r->datasets, r->compliant, r->compliant_pm, r->items_applicable, r->items_covered,
                r->coverage_pm, r->extra_datasets, r->on_time, r->on_time_pm);
        if (r->scored)
            fprintf(out, "%u}", r->score_pm);
        else
            fputs("null}", out);
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", out);
}

int yk_cli_history(int argc, char **argv)
{
    struct history_args a = {0};
    int code = parse_args(argc, argv, &a);
    if (code != 0)
        return code < 0 ? CLI_EXIT_PASSED : code;
    struct yk_error err;
    struct yk_history *h = NULL;
    struct yk_history_run *runs = NULL;
    size_t n = 0;
    struct yk_arena *arena = yk_arena_create(0);
    yk_error_clear(&err);
    int rc = arena ? yk_history_open(a.history, false, &h, &err)
                   : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0)
        rc = yk_history_runs(h, arena, &runs, &n, &err);
    if (rc < 0) {
        yk_cli_print_error(&err, a.lang);
        code = rc == YK_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    } else if (a.json) {
        print_json(stdout, runs, n);
    } else {
        print_text(stdout, runs, n, a.lang);
    }
    yk_history_close(h);
    yk_arena_destroy(arena);
    return code;
}
