/* yakist — `yakist card [CATALOG]`: the assessment card of a council for a year, from a fresh
 * audit of CATALOG (or, without one, the latest run of the year in --history), the runs of the
 * year in the history and the policy facts of council.json. Writes printable HTML or JSON.
 * Exit codes: 0 written, 2 usage, 3 unreadable catalog, council, history or template, 4 internal.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "card_out.h"
#include "cli.h"

#define CMD "card"

struct card_args {
    const char *catalog;
    const char *council;
    const char *as_of;
    const char *history;
    const char *tmpl;
    const char *out;
    const char *format; /* "html" or "json" */
    unsigned year;
    enum yk_lang lang;
};

#define HELP_SHOWN (-1)

void yk_cli_card_help(FILE *out)
{
    fputs("usage: yakist card [OPTIONS] [CATALOG]\n"
          "\n"
          "Fill «Картка оцінки стану оприлюднення і оновлення відкритих даних», the\n"
          "assessment card of the council, for a year: five criteria (policy, publication of\n"
          "the Перелік, quality and updating, user engagement, use), each indicator with its\n"
          "value, its points and the evidence behind them. Values come from an audit of\n"
          "CATALOG, from the audits of the year in the history and from the `policy` block of\n"
          "council.json. The card's structure is data (docs/card.md): --template replaces it.\n"
          "Without CATALOG the KPIs come from the latest audit of the year in --history.\n"
          "\n"
          "Options:\n"
          "  --council FILE    the council file (default: council.json next to the catalog)\n"
          "  --as-of DATE      the audit date, YYYY-MM-DD (default: today, UTC)\n"
          "  --year YYYY       the year of the card (default: the year of the quarter the\n"
          "                    audit reports on, or of the latest audit in the history)\n"
          "  --history FILE    the history of audits ('yakist audit --history'): quarterly\n"
          "                    monitoring and the trend of the year\n"
          "  --template FILE   a card template instead of the one built in\n"
          "  --out DIR         write DIR/card.html and DIR/card.json (DIR is made when\n"
          "                    missing) instead of writing to stdout\n"
          "  --format FORMAT   html (default) or json, on stdout\n"
          "  --lang uk|en      language of the card (default: uk)\n"
          "  -h, --help        show this help\n"
          "\n"
          "Examples:\n"
          "  yakist card fixtures/chortkiv --as-of 2025-10-01 --year 2025 > card.html\n"
          "  yakist card fixtures/chortkiv --history report/yakist.db --out report/\n"
          "  yakist card --history report/yakist.db --year 2025 --format json\n"
          "\n"
          "Exit codes:\n"
          "  0  the card was written\n"
          "  2  usage error\n"
          "  3  the catalog, council file, history or template cannot be read or is invalid\n"
          "  4  internal error (also: the card cannot be written)\n",
          out);
}

/* --- options ------------------------------------------------------------------------------- */

static int set_lang(void *args, const char *v)
{
    struct card_args *a = args;
    return yk_cli_parse_lang(v, &a->lang);
}

static int set_as_of(void *args, const char *v)
{
    struct card_args *a = args;
    if (!yk_cli_valid_date(v))
        return -1;
    a->as_of = v;
    return 0;
}

static int set_year(void *args, const char *v)
{
    struct card_args *a = args;
    if (strlen(v) != 4 || strspn(v, "0123456789") != 4 || atoi(v) < 1900)
        return -1;
    a->year = (unsigned)atoi(v);
    return 0;
}

static int set_format(void *args, const char *v)
{
    struct card_args *a = args;
    if (strcmp(v, "html") != 0 && strcmp(v, "json") != 0)
        return -1;
    a->format = v;
    return 0;
}

static const struct yk_cli_value_option value_options[] = {
    {"--council", "a file name", NULL, offsetof(struct card_args, council)},
    {"--as-of", "a date YYYY-MM-DD", set_as_of, 0},
    {"--year", "a year YYYY", set_year, 0},
    {"--history", "a file name", NULL, offsetof(struct card_args, history)},
    {"--template", "a file name", NULL, offsetof(struct card_args, tmpl)},
    {"--out", "a folder name", NULL, offsetof(struct card_args, out)},
    {"--format", "html or json", set_format, 0},
    {"--lang", "uk or en", set_lang, 0},
};

static int parse_args(int argc, char **argv, struct card_args *a)
{
    bool only_args = false;
    a->format = "html";
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_args || arg[0] != '-' || arg[1] == '\0') {
            if (a->catalog)
                return yk_cli_usage(CMD, "one catalog at a time: '%s' and '%s'", a->catalog, arg);
            a->catalog = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_args = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            yk_cli_card_help(stdout);
            return HELP_SHOWN;
        } else {
            int m = yk_cli_value_option(CMD, argc, argv, &i, value_options,
                                        sizeof value_options / sizeof value_options[0], a);
            if (m < 0)
                return -m;
            if (m == 0)
                return yk_cli_usage(CMD, "unknown option '%s'", arg);
        }
    }
    if (!a->catalog && !a->history)
        return yk_cli_usage(CMD, "no catalog to audit and no --history to read");
    return 0;
}

/* --- running ------------------------------------------------------------------------------- */

static int exit_for(int rc)
{
    return rc == YK_ENOMEM || rc == YK_EINTERNAL ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
}

/* The registry must outlive the result, which points into it. */
static int run_audit(const struct card_args *a, struct yk_registry **reg, struct yk_arena *arena,
                     struct yk_audit_result **res, struct yk_error *err)
{
    struct yk_audit_options opt;
    int rc = yk_registry_create(reg, err);
    if (rc < 0)
        return rc;
    yk_audit_options_init(&opt, *reg);
    opt.council_path = a->council;
    opt.as_of = a->as_of;
    opt.check.timing = false;
    return yk_audit_run(a->catalog, &opt, arena, res, err);
}

static int read_history(const struct card_args *a, struct yk_arena *arena, struct yk_card_input *in,
                        struct yk_error *err)
{
    struct yk_history *h = NULL;
    struct yk_history_run *runs = NULL;
    size_t n = 0;
    int rc = yk_history_open(a->history, false, &h, err);
    if (rc == 0)
        rc = yk_history_runs(h, arena, &runs, &n, err);
    yk_history_close(h);
    if (rc == 0) {
        in->runs = runs;
        in->nruns = n;
        in->have_history = true;
    }
    return rc;
}

static int write_file(const char *dir, const char *name, const struct yk_card_result *card,
                      enum yk_lang lang)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        fprintf(stderr, "yakist card: the folder name is too long: %s\n", dir);
        return CLI_EXIT_INTERNAL;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "yakist card: cannot write %s: %s\n", path, strerror(errno));
        return CLI_EXIT_INTERNAL;
    }
    int rc = strcmp(name, "card.json") == 0 ? yk_cli_card_json(f, card, lang)
                                            : yk_cli_card_html(f, card, lang);
    if (fclose(f) != 0 || rc < 0) {
        fprintf(stderr, "yakist card: cannot write %s\n", path);
        return CLI_EXIT_INTERNAL;
    }
    return CLI_EXIT_PASSED;
}

static int write_card(const struct card_args *a, const struct yk_card_result *card)
{
    if (!a->out) {
        int rc = strcmp(a->format, "json") == 0 ? yk_cli_card_json(stdout, card, a->lang)
                                                : yk_cli_card_html(stdout, card, a->lang);
        return rc < 0 ? CLI_EXIT_INTERNAL : CLI_EXIT_PASSED;
    }
    if (mkdir(a->out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "yakist card: cannot make %s: %s\n", a->out, strerror(errno));
        return CLI_EXIT_INTERNAL;
    }
    int code = write_file(a->out, "card.html", card, a->lang);
    if (code == 0)
        code = write_file(a->out, "card.json", card, a->lang);
    if (code == 0)
        printf("%s: %u %s %u → %s/card.html, %s/card.json\n",
               a->lang == YK_LANG_UK ? "Картка" : "Card", card->points,
               a->lang == YK_LANG_UK ? "з" : "of", card->max, a->out, a->out);
    return code;
}

/* The council file alone, when there is no catalog to audit. */
static int read_council(const struct card_args *a, struct yk_arena *arena, struct yk_card_input *in,
                        struct yk_error *err)
{
    struct yk_council *co = NULL;
    int rc = a->council ? yk_council_load(a->council, arena, &co, err) : 0;
    if (rc == 0)
        in->council = co;
    return rc;
}

int yk_cli_card(int argc, char **argv)
{
    struct card_args a = {0};
    struct yk_error err;
    struct yk_audit_result *res = NULL;
    const struct yk_card_template *tpl = NULL;
    struct yk_card_result *card = NULL;
    struct yk_card_input in = {0};
    struct yk_registry *reg = NULL;
    int code = parse_args(argc, argv, &a);
    if (code != 0)
        return code == HELP_SHOWN ? CLI_EXIT_PASSED : code;
    yk_error_clear(&err);
    struct yk_arena *arena = yk_arena_create(0);
    int rc = arena ? yk_card_template_load(a.tmpl, arena, &tpl, &err)
                   : yk_error_set(&err, YK_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == 0 && a.history)
        rc = read_history(&a, arena, &in, &err);
    if (rc == 0 && a.catalog)
        rc = run_audit(&a, &reg, arena, &res, &err);
    else if (rc == 0)
        rc = read_council(&a, arena, &in, &err);
    in.audit = res;
    in.year = a.year;
    in.lang = a.lang;
    if (rc == 0)
        rc = yk_card_evaluate(tpl, &in, arena, &card, &err);
    if (rc < 0) {
        yk_cli_print_error(&err, a.lang);
        code = exit_for(rc);
    } else {
        code = write_card(&a, card);
    }
    yk_arena_destroy(arena);
    yk_registry_destroy(reg);
    return code;
}
