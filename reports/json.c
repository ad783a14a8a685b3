/* yakist — the JSON report of `yakist check`: one document with every file checked and a
 * summary, written as a stream so memory does not depend on the number of files. The
 * primitives and the object of one file live in json_writer.c; the format is documented key by
 * key in docs/report-format.md (change both together, and bump YK_REPORT_FORMAT_VERSION when a
 * key changes meaning or disappears). */
#include <stdlib.h>

#include "json_writer.h"

struct json_state {
    struct yk_jw w;
    uint64_t passed, failed, unreadable;
};

static int json_begin(struct yk_report *rep)
{
    struct json_state *st = calloc(1, sizeof *st);
    if (!st)
        return YK_ENOMEM;
    rep->state = st;
    st->w.out = rep->out;
    yk_jw_open(&st->w, NULL, '{');
    yk_jw_string(&st->w, "reportVersion", YK_REPORT_FORMAT_VERSION);
    yk_jw_open(&st->w, "tool", '{');
    yk_jw_string(&st->w, "name", "yakist");
    yk_jw_string(&st->w, "version", rep->opt->tool_version);
    yk_jw_close(&st->w, '}');
    yk_jw_string(&st->w, "lang", rep->opt->lang == YK_LANG_EN ? "en" : "uk");
    yk_jw_string(&st->w, "failOn", yk_severity_name(rep->opt->fail_on));
    yk_jw_open(&st->w, "files", '[');
    return ferror(rep->out) ? YK_EIO : 0;
}

static int json_file(struct yk_report *rep, const struct yk_file_result *r)
{
    struct json_state *st = rep->state;
    struct yk_jw *w = &st->w;
    bool valid = r->readable && yk_file_result_passes(r, rep->opt->fail_on);
    if (!r->readable)
        st->unreadable++;
    else if (valid)
        st->passed++;
    else
        st->failed++;
    yk_jw_file(w, NULL, rep, r);
    return ferror(rep->out) ? YK_EIO : 0;
}

static int json_end(struct yk_report *rep)
{
    struct json_state *st = rep->state;
    if (!st)
        return 0;
    struct yk_jw *w = &st->w;
    yk_jw_close(w, ']');
    yk_jw_open(w, "summary", '{');
    yk_jw_u64(w, "files", st->passed + st->failed + st->unreadable);
    yk_jw_u64(w, "passed", st->passed);
    yk_jw_u64(w, "failed", st->failed);
    yk_jw_u64(w, "unreadable", st->unreadable);
    yk_jw_close(w, '}');
    yk_jw_close(w, '}');
    fputc('\n', rep->out);
    free(st);
    rep->state = NULL;
    return ferror(rep->out) ? YK_EIO : 0;
}

const struct yk_report_writer yk_report_json = {
    .name = "json",
    .description = "one versioned JSON document (docs/report-format.md)",
    .begin = json_begin,
    .file = json_file,
    .audit = yk_report_json_audit,
    .end = json_end,
};
