/* yakist — CSV for spreadsheets (`--format csv`): the findings, one per line, and for an audit
 * also the rating of its publishers (yk_report_rating_csv). RFC 4180 (CRLF, quoting where
 * needed), UTF-8, and every cell a spreadsheet would run as a formula neutralised with a
 * leading apostrophe, because data ends up in messages. */
#include <inttypes.h>
#include <stdlib.h>

#include <yakist/score.h>

#include "common.h"

#define CRLF "\r\n"

static int csv_begin(struct yk_report *rep)
{
    fputs("file,rule,severity,row,field,line,column,message" CRLF, rep->out);
    return ferror(rep->out) ? YK_EIO : 0;
}

/* ",N" or "," when not known. */
static void put_pos(FILE *out, uint64_t v)
{
    fputc(',', out);
    if (v > 0)
        fprintf(out, "%" PRIu64, v);
}

/* rule,severity,row,field,line,column,message: the part every findings table shares. */
static void put_finding(const struct yk_report *rep, const struct yk_finding *f, uint64_t line,
                        uint64_t column)
{
    FILE *out = rep->out;
    yk_esc_csv(out, f->rule ? f->rule->id : "");
    fprintf(out, ",%s", yk_severity_name(f->severity));
    put_pos(out, f->loc.row);
    put_pos(out, f->loc.field);
    put_pos(out, line);
    put_pos(out, column);
    fputc(',', out);
    yk_esc_csv(out, yk_finding_message(f, rep->opt->lang));
    fputs(CRLF, out);
}

/* A file that cannot be read is a line without a rule. */
static void put_unreadable(const struct yk_report *rep, const struct yk_file_result *r)
{
    yk_esc_csv(rep->out, r->path);
    fputs(",,error,,,,,", rep->out);
    yk_esc_csv(rep->out, r->error.message[0] ? r->error.message : yk_err_name(r->error.code));
    fputs(CRLF, rep->out);
}

static int csv_file(struct yk_report *rep, const struct yk_file_result *r)
{
    if (!r->readable) {
        put_unreadable(rep, r);
        return ferror(rep->out) ? YK_EIO : 0;
    }
    for (size_t i = 0; i < r->nfindings; i++) {
        yk_esc_csv(rep->out, r->path);
        fputc(',', rep->out);
        put_finding(rep, &r->findings[i], r->findings[i].loc.line, r->findings[i].loc.column);
    }
    return ferror(rep->out) ? YK_EIO : 0;
}

/* --- an audit ------------------------------------------------------------------------------ */

struct audit_walk {
    const struct yk_report *rep;
    const struct yk_audit_result *a;
};

static int audit_site(void *ctx, const struct yk_rep_site *site, const struct yk_finding *fs,
                      size_t nfs, const struct yk_rule_count *counts, size_t ncounts)
{
    struct audit_walk *aw = ctx;
    FILE *out = aw->rep->out;
    (void)counts;
    (void)ncounts;
    for (size_t i = 0; i < nfs; i++) {
        const char *path;
        uint64_t line, column;
        yk_rep_where(aw->a, site, &fs[i], &path, &line, &column);
        if (site->dataset) {
            yk_esc_csv(out, yk_rep_dataset_ref(site->dataset->dataset));
            fputc(',', out);
            yk_esc_csv(out, yk_rep_publisher_ref(site->dataset->publisher));
        } else {
            fputc(',', out);
        }
        fputc(',', out);
        yk_esc_csv(out, path);
        fputc(',', out);
        put_finding(aw->rep, &fs[i], line, column);
    }
    return 0;
}

static int csv_audit(struct yk_report *rep, const struct yk_audit_result *a)
{
    struct audit_walk aw = {rep, a};
    fputs("dataset,publisher,file,rule,severity,row,field,line,column,message" CRLF, rep->out);
    int rc = yk_rep_walk_audit(a, audit_site, &aw);
    for (size_t i = 0; rc == 0 && i < a->ndatasets; i++) {
        const struct yk_dataset_result *dr = &a->datasets[i];
        for (size_t j = 0; j < dr->dataset->nresources; j++) {
            if (!dr->resources[j] || dr->resources[j]->readable)
                continue;
            yk_esc_csv(rep->out, yk_rep_dataset_ref(dr->dataset));
            fputc(',', rep->out);
            yk_esc_csv(rep->out, yk_rep_publisher_ref(dr->publisher));
            fputc(',', rep->out);
            put_unreadable(rep, dr->resources[j]);
        }
    }
    if (rc < 0)
        return rc;
    return ferror(rep->out) ? YK_EIO : 0;
}

/* --- the rating ------------------------------------------------------------------------------ */

static void put_rating_line(FILE *out, const char *quarter, const char *previous,
                            const struct yk_rating_entry *e)
{
    fprintf(out, "%s,%u,", quarter, e->rank);
    yk_esc_csv(out, e->key);
    fputc(',', out);
    yk_esc_csv(out, e->name);
    fprintf(out, ",%d,", e->scored);
    if (e->scored)
        fprintf(out, "%u", e->score_pm);
    fprintf(out, ",%zu,%zu,%u,%zu,%zu,%s,", e->datasets, e->compliant, e->compliant_pm, e->missing,
            e->overdue, previous && e->has_previous ? previous : "");
    if (e->has_previous)
        fprintf(out, "%u,%d", e->previous_pm, e->delta_pm);
    else
        fputc(',', out);
    fputs(CRLF, out);
}

int yk_report_rating_csv(struct yk_report *rep, const struct yk_audit_result *a)
{
    char quarter[7] = "";
    struct yk_arena *arena = NULL;
    const struct yk_rating_entry *entries = rep->rating;
    size_t n = rep->nrating;
    yk_quarter_of(a->as_of, quarter);
    if (!entries) {
        struct yk_rating_entry *own = NULL;
        arena = yk_arena_create(0);
        if (!arena || yk_audit_rating(a, arena, &own, &n, NULL) < 0) {
            yk_arena_destroy(arena);
            return YK_ENOMEM;
        }
        entries = own;
    }
    fputs("quarter,rank,key,name,scored,score_pm,datasets,compliant,compliant_pm,missing,"
          "overdue,previous_quarter,previous_pm,delta_pm" CRLF,
          rep->out);
    for (size_t i = 0; i < n; i++)
        put_rating_line(rep->out, quarter, rep->previous_quarter, &entries[i]);
    yk_arena_destroy(arena);
    return ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_csv = {
    .name = "csv",
    .description = "findings as CSV for spreadsheets",
    .begin = csv_begin,
    .file = csv_file,
    .audit = csv_audit,
};
