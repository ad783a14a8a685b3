/* yakist — checking one file: options, the result model (findings and exact per-rule counts)
 * and the entry points. One pass over the input, streaming, in memory bounded by the limits. */
#ifndef YAKIST_CHECK_H
#define YAKIST_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>
#include <yakist/profile.h>
#include <yakist/registry.h>
#include <yakist/rule.h>
#include <yakist/table.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits on everything the input controls. Hitting one is a finding, never a crash. */
struct yk_limits {
    size_t max_cell_bytes;     /* longer cells are cut (default 1 MiB) */
    size_t max_columns;        /* cells beyond this in a row are dropped (default 4096) */
    uint64_t max_findings;     /* examples kept per rule; counts stay exact (default 100) */
    uint64_t max_total_findings; /* examples kept per file over all rules (default 100000) */
    size_t sniff_bytes;        /* bytes looked at to sniff the dialect (default 64 KiB) */
};

struct yk_check_options {
    const struct yk_registry *registry; /* required */
    const struct yk_profile *profile;   /* NULL: every rule with its defaults */
    char delimiter; /* 0: sniff */
    char quote;     /* 0: sniff; use YK_QUOTE_NONE to turn quoting off */
    int header;     /* -1: sniff, 0: no header row, 1: row 1 (after any preamble) is the header */
    const char *format; /* NULL: from content and extension; "csv" forces CSV */
    bool timing;    /* measure seconds (otherwise 0, for reproducible reports) */
    struct yk_limits limits;
};

#define YK_QUOTE_NONE '\x01'

/* Defaults: sniff everything, timing on, the limits above. */
void yk_check_options_init(struct yk_check_options *opt, const struct yk_registry *registry);

struct yk_finding {
    const struct yk_rule *rule;
    enum yk_severity severity; /* after the profile */
    struct yk_loc loc;
    const char *message_uk;
    const char *message_en;
};

struct yk_rule_count {
    const struct yk_rule *rule;
    enum yk_severity severity;
    uint64_t count; /* exact */
    uint64_t kept;  /* examples present in findings[] */
};

struct yk_file_result {
    const char *path;
    struct yk_source_info info; /* format, encoding, dialect, bytes, records ... */
    uint64_t rows;              /* data rows (header and preamble excluded) */
    uint32_t columns;
    double seconds;             /* 0 unless timing was asked for */
    bool readable;              /* false: the file could not be opened or read (see error) */
    struct yk_error error;
    enum yk_severity worst;     /* highest severity among findings, YK_SEV_OFF when none */
    uint64_t total;             /* findings over all rules, exact */
    const struct yk_finding *findings; /* kept examples, ordered by position then rule */
    size_t nfindings;
    const struct yk_rule_count *counts; /* rules that fired, in registry order */
    size_t ncounts;
};

/* Check one file. The result and everything it points to live in arena.
 * Returns 0 when the file was checked (findings or not); YK_EIO when it could not be read
 * (*out still describes it, readable = false); other negative codes for internal failures. */
int yk_check_file(const char *path, const struct yk_check_options *opt, struct yk_arena *arena,
                  struct yk_file_result **out, struct yk_error *err);

/* The same over bytes in memory; name stands for the path in findings. */
int yk_check_memory(const void *data, size_t len, const char *name,
                    const struct yk_check_options *opt, struct yk_arena *arena,
                    struct yk_file_result **out, struct yk_error *err);

/* Does the result pass a gate at this threshold (no finding at or above it)? */
bool yk_file_result_passes(const struct yk_file_result *result, enum yk_severity fail_on);

#ifdef __cplusplus
}
#endif
#endif
