/* yakist — `yakist rules [ID]`: the table of every registered rule, or everything the
 * descriptor of one rule says. All of it comes from the static descriptors, so this output,
 * the documentation and the reports cannot drift apart. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CMD "rules"
#define WRAP_WIDTH 78

/* Labels of the detailed view, [0] Ukrainian and [1] English. */
enum label {
    L_OTHER_TITLE,
    L_FAMILY,
    L_SCOPE,
    L_SEVERITY,
    L_DIMENSION,
    L_WEIGHT,
    L_COMPLIANCE,
    L_FRICTIONLESS,
    L_WHY,
    L_SOURCE,
    L_PARAMS,
    L_EXAMPLE,
    L_NONE,
    L_YES,
    L_NO,
    L_DEFAULT,
    L_COUNT
};

static const char *const labels[L_COUNT][2] = {
    [L_OTHER_TITLE] = {"англійською", "in Ukrainian"},
    [L_FAMILY] = {"група", "family"},
    [L_SCOPE] = {"застосування", "scope"},
    [L_SEVERITY] = {"серйозність", "severity"},
    [L_DIMENSION] = {"вимір", "dimension"},
    [L_WEIGHT] = {"вага", "weight"},
    [L_COMPLIANCE] = {"відповідність", "compliance"},
    [L_FRICTIONLESS] = {"тип Frictionless", "frictionless"},
    [L_WHY] = {"Навіщо", "Why"},
    [L_SOURCE] = {"Джерело", "Source"},
    [L_PARAMS] = {"Параметри", "Parameters"},
    [L_EXAMPLE] = {"Приклад", "Example"},
    [L_NONE] = {"немає", "none"},
    [L_YES] = {"так: помилка робить набір невідповідним",
               "yes: an error makes the dataset non-compliant"},
    [L_NO] = {"ні", "no"},
    [L_DEFAULT] = {"типово", "default"},
};

static const char *label(enum label l, enum yk_lang lang)
{
    return labels[l][lang == YK_LANG_EN];
}

void yk_cli_rules_help(FILE *out)
{
    fputs("usage: yakist rules [OPTIONS] [ID]\n"
          "\n"
          "Without ID, list every rule: its id, default severity, scoring dimension and\n"
          "title. With ID, explain one rule: titles, scope, severity, dimension, weight,\n"
          "whether it decides compliance, the Frictionless error type, why it matters, its\n"
          "source, its parameters with their defaults, and an input that triggers it.\n"
          "Rule ids and parameter names are what a profile (--profile) refers to.\n"
          "\n"
          "Options:\n"
          "  --lang uk|en     language of titles and labels (default: uk)\n"
          "  --profile FILE   also list the column checks the profile declares\n"
          "  --plugin FILE    also list the rules of a shared-object plugin (repeatable)\n"
          "  --standards      list the shipped data standards instead (id, Перелік item,\n"
          "                   basis, title); with ID, show one: its tables and fields\n"
          "  -h, --help       show this help\n"
          "\n"
          "Examples:\n"
          "  yakist rules\n"
          "  yakist rules --lang en\n"
          "  yakist rules file.blank_row\n"
          "  yakist rules --profile gate.json profile.street_name\n"
          "  yakist rules --standards\n"
          "  yakist rules --standards voting_results\n"
          "\n"
          "Exit codes:\n"
          "  0  success\n"
          "  2  usage error, or no rule or standard with that id (a close match is\n"
          "     suggested)\n"
          "  3  the profile or a plugin is invalid\n"
          "  4  internal error\n",
          out);
}

/* Characters on the screen: UTF-8 continuation bytes take no column. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0u) != 0x80u;
    return n;
}

static void pad(const char *s, size_t to)
{
    fputs(s, stdout);
    for (size_t w = width(s); w < to; w++)
        putchar(' ');
}

static const char *title_of(const struct yk_rule *r, enum yk_lang lang)
{
    const char *t = lang == YK_LANG_EN ? r->title_en : r->title_uk;
    return t ? t : "";
}

static void list_rules(const struct yk_registry *reg, enum yk_lang lang)
{
    static const char *const head[2][4] = {
        {"ПРАВИЛО", "СЕРЙОЗНІСТЬ", "ВИМІР", "НАЗВА"},
        {"RULE", "SEVERITY", "DIMENSION", "TITLE"},
    };
    const char *const *h = head[lang == YK_LANG_EN];
    size_t wid = width(h[0]), wsev = width(h[1]), wdim = width(h[2]);
    size_t n = yk_registry_count(reg);
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule *r = yk_registry_rule(reg, i);
        size_t a = width(r->id), b = width(yk_severity_name(r->severity)),
               c = width(yk_dimension_name(r->dimension));
        wid = a > wid ? a : wid;
        wsev = b > wsev ? b : wsev;
        wdim = c > wdim ? c : wdim;
    }
    pad(h[0], wid + 2);
    pad(h[1], wsev + 2);
    pad(h[2], wdim + 2);
    puts(h[3]);
    for (size_t i = 0; i < n; i++) {
        const struct yk_rule *r = yk_registry_rule(reg, i);
        pad(r->id, wid + 2);
        pad(yk_severity_name(r->severity), wsev + 2);
        pad(yk_dimension_name(r->dimension), wdim + 2);
        puts(title_of(r, lang));
    }
    if (lang == YK_LANG_EN)
        printf("\n%zu rules. 'yakist rules ID' explains one.\n", n);
    else
        printf("\nПравил: %zu. 'yakist rules ID' пояснює одне з них.\n", n);
}

/* Words of text on lines of at most WRAP_WIDTH columns, each indented by two spaces. */
static void wrap(const char *text)
{
    size_t col = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, " \n");
        char word[256];
        size_t take = len < sizeof word - 1 ? len : sizeof word - 1;
        memcpy(word, p, take);
        word[take] = '\0';
        size_t w = width(word);
        if (col > 0 && col + 1 + w > WRAP_WIDTH) {
            putchar('\n');
            col = 0;
        }
        fputs(col == 0 ? "  " : " ", stdout);
        fwrite(p, 1, len, stdout);
        col += (col == 0 ? 2 : 1) + w;
        p += len;
    }
    if (col > 0)
        putchar('\n');
}

/* Example inputs show invisible things (a BOM, CR line ends, bytes that are not UTF-8) on
 * purpose; print those as escapes so the terminal shows what the file holds. */
static void put_example(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    fputs("    ", stdout);
    while (*p) {
        unsigned c = *p;
        size_t len = c < 0x80                 ? 1
                     : c >= 0xC2 && c <= 0xDF ? 2
                     : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF4 ? 4
                                              : 0;
        for (size_t i = 1; i < len; i++)
            if ((p[i] & 0xC0u) != 0x80u)
                len = 0;
        if (len == 0) {
            printf("\\x%02X", c);
            len = 1;
        } else if (c == '\n') {
            fputs(p[1] ? "\n    " : "\n", stdout);
        } else if (c == '\r') {
            fputs("\\r", stdout);
        } else if (c == '\t') {
            fputs("\\t", stdout);
        } else if (c < 0x20 || c == 0x7F) {
            printf("\\x%02X", c);
        } else if (len == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
            fputs("\\uFEFF", stdout);
        } else {
            fwrite(p, 1, len, stdout);
        }
        p += len;
    }
    if (p == (const unsigned char *)text || p[-1] != '\n')
        putchar('\n');
}

static const struct yk_family *family_of(const struct yk_registry *reg, const struct yk_rule *r)
{
    for (size_t i = 0; i < yk_registry_family_count(reg); i++) {
        const struct yk_family *f = yk_registry_family(reg, i);
        for (size_t k = 0; k < f->nrules; k++)
            if (f->rules[k] == r)
                return f;
    }
    return NULL;
}

static void field(const char *name, const char *value)
{
    printf("  ");
    pad(name, 18);
    printf("%s\n", value);
}

static void put_params(const struct yk_rule *r, enum yk_lang lang)
{
    static const char *const types[] = {"int", "bool", "string"};
    printf("\n%s:\n", label(L_PARAMS, lang));
    if (r->nparams == 0)
        printf("  %s\n", label(L_NONE, lang));
    for (size_t i = 0; i < r->nparams; i++) {
        const struct yk_param_desc *p = &r->params[i];
        printf("  %s (%s, %s %s", p->name, (unsigned)p->type < 3 ? types[p->type] : "?",
               label(L_DEFAULT, lang), p->default_value ? p->default_value : "-");
        if (p->type == YK_PARAM_INT) {
            fputs(", ", stdout);
            if (lang == YK_LANG_EN)
                printf("from %" PRId64 " to %" PRId64, p->min, p->max);
            else
                printf("від %" PRId64 " до %" PRId64, p->min, p->max);
        }
        printf(")\n");
        if (p->help)
            printf("      %s\n", p->help);
    }
}

static void explain_rule(const struct yk_registry *reg, const struct yk_rule *r, enum yk_lang lang)
{
    const struct yk_family *fam = family_of(reg, r);
    char buf[256];
    printf("%s — %s\n\n", r->id, title_of(r, lang));
    field(label(L_OTHER_TITLE, lang), title_of(r, lang == YK_LANG_EN ? YK_LANG_UK : YK_LANG_EN));
    if (fam) {
        const char *ft = lang == YK_LANG_EN ? fam->title_en : fam->title_uk;
        snprintf(buf, sizeof buf, "%s — %s", fam->name, ft ? ft : "");
        field(label(L_FAMILY, lang), buf);
    }
    field(label(L_SCOPE, lang), yk_scope_name(r->scope));
    field(label(L_SEVERITY, lang), yk_severity_name(r->severity));
    field(label(L_DIMENSION, lang), yk_dimension_name(r->dimension));
    snprintf(buf, sizeof buf, "%u", r->weight);
    field(label(L_WEIGHT, lang), buf);
    field(label(L_COMPLIANCE, lang), label(r->compliance ? L_YES : L_NO, lang));
    field(label(L_FRICTIONLESS, lang), r->frictionless ? r->frictionless : "—");
    if (r->rationale) {
        printf("\n%s:\n", label(L_WHY, lang));
        wrap(r->rationale);
    }
    if (r->source) {
        printf("\n%s:\n", label(L_SOURCE, lang));
        wrap(r->source);
    }
    put_params(r, lang);
    if (r->example) {
        printf("\n%s:\n", label(L_EXAMPLE, lang));
        put_example(r->example);
    }
}

/* The closest id, or NULL when nothing is close: a typo of a few letters, or the name
 * without its family ("blank_row" for "file.blank_row"). */
static const char *suggest(const struct yk_registry *reg, const char *id)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, limit = strlen(id) / 4 > 1 ? strlen(id) / 4 : 1;
    for (size_t i = 0; i < yk_registry_count(reg); i++) {
        const char *cand = yk_registry_rule(reg, i)->id;
        const char *dot = strchr(cand, '.');
        size_t d = yk_cli_distance(id, cand);
        if (dot && yk_cli_distance(id, dot + 1) < d)
            d = yk_cli_distance(id, dot + 1);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    return best_d <= limit ? best : NULL;
}

int yk_cli_rules(int argc, char **argv)
{
    enum yk_lang lang = YK_LANG_UK;
    const char *id = NULL, *profile = NULL;
    const char **plugins = calloc((size_t)argc, sizeof *plugins);
    size_t nplugins = 0;
    int code = CLI_EXIT_PASSED;
    bool standards = false; /* --standards: the shipped standards, not the rules */
    if (!plugins) {
        fputs("yakist: error: out of memory\n", stderr);
        return CLI_EXIT_INTERNAL;
    }
    for (int i = 1; i < argc && code == CLI_EXIT_PASSED; i++) {
        const char *v = NULL;
        int m;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            yk_cli_rules_help(stdout);
            free(plugins);
            return CLI_EXIT_PASSED;
        }
        if ((m = yk_cli_option(argc, argv, &i, "--lang", &v)) != 0) {
            if (m < 0)
                code = -m;
            else if (yk_cli_parse_lang(v, &lang) < 0)
                code = yk_cli_usage(CMD, "--lang takes uk or en, not '%s'", v);
        } else if ((m = yk_cli_option(argc, argv, &i, "--profile", &profile)) != 0) {
            code = m < 0 ? -m : CLI_EXIT_PASSED;
        } else if ((m = yk_cli_option(argc, argv, &i, "--plugin", &v)) != 0) {
            if (m < 0)
                code = -m;
            else
                plugins[nplugins++] = v;
        } else if (strcmp(argv[i], "--standards") == 0) {
            standards = true;
        } else if (strncmp(argv[i], "--standards=", 12) == 0 && !id) {
            standards = true;
            id = argv[i] + 12;
        } else if (argv[i][0] == '-') {
            code = yk_cli_usage(CMD, "unknown option '%s'", argv[i]);
        } else if (id) {
            code = yk_cli_usage(CMD, "one rule id at a time ('%s' and '%s')", id, argv[i]);
        } else {
            id = argv[i];
        }
    }
    if (standards && code == CLI_EXIT_PASSED) {
        free(plugins);
        return id ? yk_cli_standards_show(id, lang) : yk_cli_standards_list(lang);
    }
    struct yk_cli_engine eng = {0};
    if (code == CLI_EXIT_PASSED)
        code = yk_cli_engine_open(&eng, plugins, nplugins, profile, lang);
    free(plugins);
    if (code != CLI_EXIT_PASSED)
        return code;
    const struct yk_registry *reg = eng.reg;
    if (!id) {
        list_rules(reg, lang);
    } else {
        const struct yk_rule *r = yk_registry_find(reg, id);
        if (r) {
            explain_rule(reg, r, lang);
        } else {
            const char *near = suggest(reg, id);
            if (near)
                fprintf(stderr, "yakist rules: no rule '%s'; did you mean '%s'?\n", id, near);
            else
                fprintf(stderr, "yakist rules: no rule '%s'; 'yakist rules' lists them all\n", id);
            code = CLI_EXIT_USAGE;
        }
    }
    yk_cli_engine_close(&eng);
    return code;
}
