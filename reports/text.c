/* yakist — the text report: one line per finding in the form compilers use
 * (path:line:column: severity: message [rule.id]), a note where examples were capped, and a
 * one-line summary per file, in Ukrainian or English. Meant for people and terminals. */
#include <inttypes.h>
#include <stdlib.h>

#include "writers.h"

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_RED "\033[1;31m"
#define SGR_GREEN "\033[1;32m"
#define SGR_MAGENTA "\033[1;35m"
#define SGR_CYAN "\033[1;36m"

/* The words of one language. Plural forms: [0] one, [1] few, [2] many (Ukrainian needs all
 * three; English uses [0] and [2]). */
struct words {
    const char *severity[4]; /* by enum yk_severity */
    const char *note;
    const char *more;       /* before the number of examples left out */
    const char *more_after; /* after it */
    const char *rows[3], *columns[3], *errors[3], *warnings[3], *infos[3], *files[3];
    const char *passed, *failed, *unreadable;
};

static const struct words uk_words = {
    .severity = {"вимкнено", "зауваження", "попередження", "помилка"},
    .note = "примітка",
    .more = "… і ще ",
    .more_after = "",
    .rows = {"рядок", "рядки", "рядків"},
    .columns = {"стовпець", "стовпці", "стовпців"},
    .errors = {"помилка", "помилки", "помилок"},
    .warnings = {"попередження", "попередження", "попереджень"},
    .infos = {"зауваження", "зауваження", "зауважень"},
    .files = {"файл", "файли", "файлів"},
    .passed = "пройдено",
    .failed = "не пройдено",
    .unreadable = "не прочитано",
};

static const struct words en_words = {
    .severity = {"off", "info", "warning", "error"},
    .note = "note",
    .more = "… and ",
    .more_after = " more",
    .rows = {"row", "rows", "rows"},
    .columns = {"column", "columns", "columns"},
    .errors = {"error", "errors", "errors"},
    .warnings = {"warning", "warnings", "warnings"},
    .infos = {"info", "info", "info"},
    .files = {"file", "files", "files"},
    .passed = "passed",
    .failed = "failed",
    .unreadable = "unreadable",
};

struct text_state {
    uint64_t passed, failed, unreadable;
};

static const struct words *words_of(const struct yk_report *rep)
{
    return rep->opt->lang == YK_LANG_EN ? &en_words : &uk_words;
}

static const char *plural(const struct yk_report *rep, uint64_t n, const char *const forms[3])
{
    if (rep->opt->lang == YK_LANG_EN)
        return n == 1 ? forms[0] : forms[2];
    uint64_t d = n % 10, dd = n % 100;
    if (d == 1 && dd != 11)
        return forms[0];
    if (d >= 2 && d <= 4 && (dd < 12 || dd > 14))
        return forms[1];
    return forms[2];
}

static void color_on(const struct yk_report *rep, const char *sgr)
{
    if (rep->opt->color)
        fputs(sgr, rep->out);
}

static void color_off(const struct yk_report *rep)
{
    if (rep->opt->color)
        fputs(SGR_RESET, rep->out);
}

static const char *severity_color(enum yk_severity sev)
{
    switch (sev) {
    case YK_SEV_ERROR:
        return SGR_RED;
    case YK_SEV_WARNING:
        return SGR_MAGENTA;
    default:
        return SGR_CYAN;
    }
}

/* "path:line:column: " with the parts that are known. */
static void put_where(const struct yk_report *rep, const char *path, const struct yk_loc *loc)
{
    color_on(rep, SGR_BOLD);
    yk_report_put_text(rep->out, path);
    if (loc && loc->line > 0) {
        fprintf(rep->out, ":%" PRIu64, loc->line);
        if (loc->column > 0)
            fprintf(rep->out, ":%" PRIu64, loc->column);
    }
    fputc(':', rep->out);
    color_off(rep);
    fputc(' ', rep->out);
}

static void put_label(const struct yk_report *rep, const char *sgr, const char *label)
{
    color_on(rep, sgr);
    fprintf(rep->out, "%s:", label);
    color_off(rep);
    fputc(' ', rep->out);
}

static void put_finding(const struct yk_report *rep, const char *path, const struct yk_finding *f)
{
    enum yk_severity sev = f->severity <= YK_SEV_ERROR ? f->severity : YK_SEV_ERROR;
    put_where(rep, path, &f->loc);
    put_label(rep, severity_color(sev), words_of(rep)->severity[sev]);
    yk_report_put_text(rep->out, yk_finding_message(f, rep->opt->lang));
    fprintf(rep->out, " [%s]\n", f->rule ? f->rule->id : "?");
}

/* "path: note: … and 950 more [file.whitespace]" for every rule whose examples were capped. */
static void put_capped(const struct yk_report *rep, const struct yk_file_result *r)
{
    const struct words *w = words_of(rep);
    for (size_t i = 0; i < r->ncounts; i++) {
        const struct yk_rule_count *c = &r->counts[i];
        if (c->count <= c->kept)
            continue;
        put_where(rep, r->path, NULL);
        put_label(rep, SGR_CYAN, w->note);
        fprintf(rep->out, "%s%" PRIu64 "%s [%s]\n", w->more, c->count - c->kept, w->more_after,
                c->rule ? c->rule->id : "?");
    }
}

static void put_count(const struct yk_report *rep, uint64_t n, const char *const forms[3],
                      const char *sep)
{
    fprintf(rep->out, "%" PRIu64 " %s%s", n, plural(rep, n, forms), sep);
}

/* "path: note: structure: budget.schema.json (found next to the data)" when one was used. */
static void put_schema(const struct yk_report *rep, const struct yk_file_result *r)
{
    bool en = rep->opt->lang == YK_LANG_EN;
    if (!r->schema)
        return;
    put_where(rep, r->path, NULL);
    put_label(rep, SGR_CYAN, words_of(rep)->note);
    fputs(en ? "structure: " : "структура: ", rep->out);
    yk_report_put_text(rep->out, r->schema);
    if (r->schema_discovered)
        fputs(en ? " (found next to the data)" : " (знайдено поруч із даними)", rep->out);
    fputc('\n', rep->out);
}

/* "path: 1200 rows, 12 columns, 3 errors, 5 warnings, 1 info — failed" */
static void put_summary(const struct yk_report *rep, const struct yk_file_result *r, bool passed)
{
    const struct words *w = words_of(rep);
    uint64_t totals[4];
    yk_report_severity_totals(r, totals);
    put_where(rep, r->path, NULL);
    put_count(rep, r->rows, w->rows, ", ");
    put_count(rep, r->columns, w->columns, ", ");
    put_count(rep, totals[YK_SEV_ERROR], w->errors, ", ");
    put_count(rep, totals[YK_SEV_WARNING], w->warnings, ", ");
    put_count(rep, totals[YK_SEV_INFO], w->infos, " — ");
    color_on(rep, passed ? SGR_GREEN : SGR_RED);
    fputs(passed ? w->passed : w->failed, rep->out);
    color_off(rep);
    fputc('\n', rep->out);
}

static int text_begin(struct yk_report *rep)
{
    rep->state = calloc(1, sizeof(struct text_state));
    return rep->state ? 0 : YK_ENOMEM;
}

/* An unreadable file is counted but not written: the caller reports it where errors go. */
static int text_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct text_state *st = rep->state;
    if (!r->readable) {
        st->unreadable++;
        return 0;
    }
    bool passed = yk_file_result_passes(r, rep->opt->fail_on);
    if (passed)
        st->passed++;
    else
        st->failed++;
    if (!rep->opt->quiet) {
        for (size_t i = 0; i < r->nfindings; i++)
            put_finding(rep, r->path, &r->findings[i]);
        put_capped(rep, r);
    }
    put_schema(rep, r);
    put_summary(rep, r, passed);
    return ferror(rep->out) ? YK_EIO : 0;
}

/* With more than one file, a closing line sums them up. */
static int text_end(struct yk_report *rep)
{
    struct text_state *st = rep->state;
    if (!st)
        return 0;
    const struct words *w = words_of(rep);
    uint64_t files = st->passed + st->failed + st->unreadable;
    if (files > 1) {
        put_count(rep, files, w->files, ": ");
        fprintf(rep->out, "%s %" PRIu64 ", %s %" PRIu64 ", %s %" PRIu64 "\n", w->passed, st->passed,
                w->failed, st->failed, w->unreadable, st->unreadable);
    }
    free(st);
    rep->state = NULL;
    return ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_text = {
    .name = "text",
    .description = "compiler-style lines and a summary per file, for people",
    .begin = text_begin,
    .file = text_file,
    .audit = yk_report_text_audit,
    .end = text_end,
};
