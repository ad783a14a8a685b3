/* yakist — GitHub Actions workflow commands (`--format github`): one annotation per kept
 * finding, `::error file=PATH,line=L,col=C,title=RULE::MESSAGE` (warning and notice for the
 * lower severities), so findings show on the lines of a pull request's diff; then one line per
 * file that says how many there were. Properties and messages are escaped as the runner
 * expects (%25, %0D, %0A; and %3A, %2C in properties). */
#include <inttypes.h>
#include <stdlib.h>

#include "common.h"

static const char *command_of(enum yk_severity sev)
{
    switch (sev) {
    case YK_SEV_ERROR:
        return "error";
    case YK_SEV_WARNING:
        return "warning";
    default:
        return "notice";
    }
}

static void put_annotation(const struct yk_report *rep, const struct yk_finding *f,
                           const char *path, uint64_t line, uint64_t column)
{
    FILE *out = rep->out;
    fprintf(out, "::%s file=", command_of(f->severity));
    yk_esc_github_prop(out, path);
    if (line > 0) {
        fprintf(out, ",line=%" PRIu64, line);
        if (column > 0)
            fprintf(out, ",col=%" PRIu64, column);
    }
    fputs(",title=", out);
    yk_esc_github_prop(out, f->rule ? f->rule->id : "yakist");
    fputs("::", out);
    yk_esc_github_data(out, yk_finding_message(f, rep->opt->lang));
    fputc('\n', out);
}

/* "yakist: path: 2 errors, 5 warnings, 0 info; 3 more not annotated (--max-findings)" */
static void put_summary(const struct yk_report *rep, const char *path,
                        const struct yk_rule_count *counts, size_t n)
{
    static const char *const err[] = {"помилка", "помилки", "помилок"};
    static const char *const warn[] = {"попередження", "попередження", "попереджень"};
    static const char *const errs_en[] = {"error", "errors", "errors"};
    static const char *const warns_en[] = {"warning", "warnings", "warnings"};
    static const char *const infos[] = {"зауваження", "зауваження", "зауважень"};
    static const char *const infos_en[] = {"info", "info", "info"};
    enum yk_lang lang = rep->opt->lang;
    bool en = lang == YK_LANG_EN;
    uint64_t t[4], left = 0;
    yk_rep_severity_sum(counts, n, t);
    for (size_t i = 0; i < n; i++)
        left += counts[i].count > counts[i].kept ? counts[i].count - counts[i].kept : 0;
    /* A line of the log that starts with "::" is a command: this one never does. */
    fputs("yakist: ", rep->out);
    yk_esc_github_data(rep->out, path);
    fprintf(rep->out, ": %" PRIu64 " %s, %" PRIu64 " %s, %" PRIu64 " %s", t[YK_SEV_ERROR],
            yk_rep_plural(lang, t[YK_SEV_ERROR], en ? errs_en : err), t[YK_SEV_WARNING],
            yk_rep_plural(lang, t[YK_SEV_WARNING], en ? warns_en : warn), t[YK_SEV_INFO],
            yk_rep_plural(lang, t[YK_SEV_INFO], en ? infos_en : infos));
    if (left)
        fprintf(rep->out,
                en ? "; %" PRIu64 " more not annotated (--max-findings)"
                   : "; ще %" PRIu64 " без анотацій (--max-findings)",
                left);
    fputc('\n', rep->out);
}

static int github_file(struct yk_report *rep, const struct yk_file_result *r)
{
    const char *path = r->path ? r->path : "";
    if (!r->readable) {
        fputs("::error file=", rep->out);
        yk_esc_github_prop(rep->out, path);
        fputs(",title=yakist::", rep->out);
        yk_esc_github_data(rep->out,
                           r->error.message[0] ? r->error.message : yk_err_name(r->error.code));
        fputc('\n', rep->out);
        return ferror(rep->out) ? YK_EIO : 0;
    }
    for (size_t i = 0; i < r->nfindings; i++) {
        const struct yk_finding *f = &r->findings[i];
        put_annotation(rep, f, path, f->loc.line, f->loc.column);
    }
    put_summary(rep, path, r->counts, r->ncounts);
    return ferror(rep->out) ? YK_EIO : 0;
}

struct audit_walk {
    const struct yk_report *rep;
    const struct yk_audit_result *a;
};

static int audit_site(void *ctx, const struct yk_rep_site *site, const struct yk_finding *fs,
                      size_t nfs, const struct yk_rule_count *counts, size_t ncounts)
{
    struct audit_walk *aw = ctx;
    const char *path;
    uint64_t line, column;
    for (size_t i = 0; i < nfs; i++) {
        yk_rep_where(aw->a, site, &fs[i], &path, &line, &column);
        put_annotation(aw->rep, &fs[i], path, line, column);
    }
    (void)counts;
    (void)ncounts;
    return 0;
}

static int github_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    struct audit_walk aw = {rep, a};
    int rc = yk_rep_walk_audit(a, audit_site, &aw);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        for (size_t j = 0; j < dr->dataset->nresources; j++) {
            const struct yk_file_result *f = dr->resources[j];
            if (f && !f->readable)
                github_file(rep, f);
        }
    }
    put_summary(rep, a->catalog->root ? a->catalog->root : "", a->counts, a->ncounts);
    return ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_github = {
    .name = "github",
    .description = "GitHub Actions annotations",
    .file = github_file,
    .audit = github_audit,
};
