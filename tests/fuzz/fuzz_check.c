/* yakist — fuzz target for the loaders and the sniffers: the bytes go through yk_check_memory
 * with the format forced (YK_FUZZ_FORMAT: "csv", "json", "xml") or, without it, sniffed the
 * way a file is (gzip and zip containers, magic bytes, encoding, text format), then through the
 * JSON and text report writers. Limits are small so that the fuzzer reaches them. */
#include <stdio.h>
#include <stdlib.h>

#include <yakist/yakist.h>

#include "fuzz.h"

#ifndef YK_FUZZ_FORMAT
#define YK_FUZZ_FORMAT NULL
#endif
#ifndef YK_FUZZ_NAME
#define YK_FUZZ_NAME "input"
#endif

/* Built once and kept for the whole run, as a long-lived program would. */
static const struct yk_registry *registry(void)
{
    static struct yk_registry *reg;
    struct yk_error err;
    if (!reg && yk_registry_create(&reg, &err) < 0) {
        fprintf(stderr, "fuzz: cannot build the registry: %s\n", err.message);
        abort();
    }
    return reg;
}

static FILE *sink(void)
{
    static FILE *null;
    if (!null && !(null = fopen("/dev/null", "w")))
        abort();
    return null;
}

/* Both writers, both languages: messages quote the input, and the writers escape it. */
static void write_reports(const struct yk_file_result *res)
{
    static const char *const writers[] = {"json", "text"};
    for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
        const struct yk_report_writer *w = yk_report_writer_find(writers[i]);
        struct yk_report_options ropt = {
            .lang = i == 0 ? YK_LANG_UK : YK_LANG_EN,
            .fail_on = YK_SEV_WARNING,
            .tool_version = "fuzz",
        };
        struct yk_report rep = {.out = sink(), .opt = &ropt, .registry = registry()};
        if (!w || (w->begin && w->begin(&rep) < 0) || w->file(&rep, res) < 0 ||
            (w->end && w->end(&rep) < 0))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct yk_check_options opt;
    struct yk_file_result *res = NULL;
    struct yk_error err;
    struct yk_arena *arena = yk_arena_create(0);
    if (!arena)
        return 0;
    yk_check_options_init(&opt, registry());
    opt.format = YK_FUZZ_FORMAT;
    opt.timing = false;
    opt.limits.max_cell_bytes = 4096;
    opt.limits.max_columns = 64;
    opt.limits.max_findings = 20;
    opt.limits.max_total_findings = 200;
    opt.limits.max_depth = 16;
    opt.limits.max_decompressed_bytes = 1u << 20;
    int rc = yk_check_memory(data, size, YK_FUZZ_NAME, &opt, arena, &res, &err);
    /* Whatever the bytes, the check ends with a result or, for damaged compressed data, an
     * unreadable input; any other failure is a bug. */
    if (rc < 0 && rc != YK_EIO && rc != YK_ENOMEM) {
        fprintf(stderr, "fuzz: yk_check_memory failed: %s: %s\n", yk_err_name(rc), err.message);
        abort();
    }
    if (rc == 0) {
        if (!res || res->nfindings > res->total || res->nfindings > opt.limits.max_total_findings)
            abort();
        write_reports(res);
    }
    yk_arena_destroy(arena);
    return 0;
}
