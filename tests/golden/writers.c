/* yakist — golden test of the report writers on a hand-built result: the corners fixtures
 * rarely reach (bytes that are not UTF-8, control and bidi characters in messages, unknown
 * positions, capped examples, a missing translation, an unreadable file) in every writer,
 * language and colour setting. run.sh compares the output with expected/writers.out. */
#include <stdio.h>
#include <string.h>

#include <yakist/yakist.h>

static const struct yk_rule demo_spaces = {
    .id = "demo.spaces",
    .title_uk = "Пробіли",
    .title_en = "Spaces",
    .scope = YK_SCOPE_CELL,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_CONTENT,
};

static const struct yk_rule demo_bytes = {
    .id = "demo.bytes",
    .title_uk = "Байти",
    .title_en = "Bytes",
    .frictionless = "encoding-error",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
};

static const struct yk_rule demo_note = {
    .id = "demo.note",
    .title_uk = "Примітка",
    .title_en = "Note",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_CONTENT,
};

static const struct yk_finding findings[] = {
    {&demo_bytes,
     YK_SEV_ERROR,
     {0, 0, 0, 0, YK_NO_OFFSET},
     "не UTF-8: \xC3\x28 і \xFF",
     "not UTF-8: \xC3\x28 and \xFF"},
    {&demo_spaces,
     YK_SEV_WARNING,
     {3, 2, 3, 0, 41},
     "«\x1b[31mчервоний\x1b[0m»\tі\nрядок \xE2\x80\xAEкапут\x7f",
     "\"C:\\Temp\\red\"\t\x1b[31m\nline \xE2\x80\xAE"
     "flip\x7f"},
    {&demo_note, YK_SEV_INFO, {1201, 5, 1203, 17, 65536}, NULL, "only in English \xF0\x9F\x93\x8A"},
};

static const struct yk_rule_count counts[] = {
    {&demo_bytes, YK_SEV_ERROR, 1, 1},
    {&demo_spaces, YK_SEV_WARNING, 1200, 1},
    {&demo_note, YK_SEV_INFO, 21, 1},
};

static void fill_results(struct yk_file_result *ok, struct yk_file_result *bad)
{
    memset(ok, 0, sizeof *ok);
    ok->path = "дані/звіт \"2025\".csv";
    ok->info.path = ok->path;
    ok->info.format = "csv";
    ok->info.encoding = "UTF-8";
    ok->info.bom = true;
    ok->info.bytes = 123456;
    ok->info.dialect =
        (struct yk_dialect){.delimiter = '\t', .quote = 0, .header = true, .header_row = 2};
    ok->info.encoding_confidence = 100;
    ok->info.input = (struct yk_source_input){.content_format = "tsv",
                                              .content_kind = YK_CONTENT_TABLE,
                                              .extension = "csv",
                                              .container = "zip",
                                              .member = "звіт \"2025\".csv",
                                              .compressed_bytes = 23456,
                                              .loaded = true};
    ok->rows = 1201;
    ok->columns = 5;
    ok->seconds = 0.25;
    ok->readable = true;
    ok->worst = YK_SEV_ERROR;
    ok->total = 1222;
    ok->findings = findings;
    ok->nfindings = sizeof findings / sizeof findings[0];
    ok->counts = counts;
    ok->ncounts = sizeof counts / sizeof counts[0];

    memset(bad, 0, sizeof *bad);
    bad->path = "missing.csv";
    bad->info.path = bad->path;
    yk_error_set(&bad->error, YK_ENOTFOUND, "missing.csv", 0, 0, "cannot open: %s",
                 "No such file or directory");
}

static int write_report(const struct yk_report_writer *w, const struct yk_report_options *opt,
                        const struct yk_file_result *const *results, size_t n)
{
    struct yk_report rep = {.out = stdout, .opt = opt};
    if (w->begin && w->begin(&rep) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (w->file(&rep, results[i]) < 0)
            return -1;
        rep.files++;
    }
    return w->end && w->end(&rep) < 0 ? -1 : 0;
}

static int check_table(void)
{
    int bad = 0;
    if (yk_report_writer_count() < 2 || !yk_report_writer_find("text") ||
        !yk_report_writer_find("json") || yk_report_writer_find("nope") ||
        yk_report_writer_find(NULL) || yk_report_writer_at(yk_report_writer_count())) {
        fputs("writer table lookups are wrong\n", stderr);
        bad = 1;
    }
    for (size_t i = 0; i < yk_report_writer_count(); i++)
        if (yk_report_writer_find(yk_report_writer_at(i)->name) != yk_report_writer_at(i))
            bad = 1;
    struct yk_finding f = {.message_uk = "", .message_en = "en"};
    if (strcmp(yk_finding_message(&f, YK_LANG_UK), "en") != 0) {
        fputs("yk_finding_message does not fall back to the other language\n", stderr);
        bad = 1;
    }
    f.message_en = NULL;
    if (strcmp(yk_finding_message(&f, YK_LANG_EN), "") != 0)
        bad = 1;
    return bad;
}

int main(void)
{
    struct yk_file_result ok, bad;
    fill_results(&ok, &bad);
    const struct yk_file_result *const results[] = {&ok, &bad};
    static const struct {
        const char *format;
        enum yk_lang lang;
        bool color, quiet;
        enum yk_severity fail_on;
    } runs[] = {
        {"text", YK_LANG_UK, false, false, YK_SEV_ERROR},
        {"text", YK_LANG_EN, true, false, YK_SEV_WARNING},
        {"text", YK_LANG_EN, false, true, YK_SEV_ERROR},
        {"json", YK_LANG_UK, false, false, YK_SEV_ERROR},
        {"json", YK_LANG_EN, true, true, YK_SEV_INFO},
    };
    int rc = check_table();
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        struct yk_report_options opt = {
            .lang = runs[i].lang,
            .color = runs[i].color,
            .quiet = runs[i].quiet,
            .fail_on = runs[i].fail_on,
            .tool_version = "0.0.0-test",
        };
        printf("=== %s lang=%s color=%d quiet=%d fail-on=%s\n", runs[i].format,
               runs[i].lang == YK_LANG_EN ? "en" : "uk", runs[i].color, runs[i].quiet,
               yk_severity_name(runs[i].fail_on));
        if (write_report(yk_report_writer_find(runs[i].format), &opt, results, 2) < 0) {
            fprintf(stderr, "writer %s failed\n", runs[i].format);
            rc = 1;
        }
    }
    return rc;
}
