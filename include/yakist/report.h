/* yakist — the report-writer interface. Every output format is one static writer descriptor
 * fed by the same result model; a writer writes to the stream it is given and never decides
 * exit codes. Later result kinds (audit, rating, card) get their own optional callbacks. */
#ifndef YAKIST_REPORT_H
#define YAKIST_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include <yakist/check.h>
#include <yakist/registry.h>

#ifdef __cplusplus
extern "C" {
#endif

#define YK_REPORT_FORMAT_VERSION "1.0"

enum yk_lang { YK_LANG_UK = 0, YK_LANG_EN };

struct yk_report_options {
    enum yk_lang lang;
    bool color;               /* ANSI colours (only ever true on a terminal) */
    bool quiet;               /* summaries only, no individual findings */
    enum yk_severity fail_on; /* the gate, so summaries can say passed/failed */
    const char *tool_version;
};

struct yk_report {
    FILE *out; /* borrowed */
    const struct yk_report_options *opt;
    const struct yk_registry *registry;
    unsigned files; /* files written so far */
    void *state;    /* the writer's own */
};

struct yk_audit_result; /* defined by the audit interface */

struct yk_report_writer {
    const char *name;        /* --format value */
    const char *description; /* one English line for --help */
    int (*begin)(struct yk_report *rep);
    int (*file)(struct yk_report *rep, const struct yk_file_result *result);
    int (*audit)(struct yk_report *rep, const struct yk_audit_result *audit); /* optional */
    int (*end)(struct yk_report *rep);
};

/* The writer for a format name, or NULL. */
const struct yk_report_writer *yk_report_writer_find(const char *name);
size_t yk_report_writer_count(void);
const struct yk_report_writer *yk_report_writer_at(size_t index);

/* The finding's message in the report's language. */
const char *yk_finding_message(const struct yk_finding *f, enum yk_lang lang);

#ifdef __cplusplus
}
#endif
#endif
