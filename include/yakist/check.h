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
    unsigned max_depth;        /* JSON/XML nesting depth; deeper input stops reading (default 64) */
    uint64_t max_decompressed_bytes; /* a gzip or zip member is cut here (default 4 GiB) */
    uint32_t max_compression_ratio;  /* decompressed / compressed beyond this is a bomb
                                        (default 200; checked past the first MiB) */
};

struct yk_schema_use;

struct yk_check_options {
    const struct yk_registry *registry; /* required */
    const struct yk_profile *profile;   /* NULL: every rule with its defaults */
    char delimiter; /* 0: sniff */
    char quote;     /* 0: sniff; use YK_QUOTE_NONE to turn quoting off */
    int header;     /* -1: sniff, 0: no header row, 1: row 1 (after any preamble) is the header */
    const char *format; /* NULL: from content and extension; "csv" forces CSV */
    bool timing;    /* measure seconds (otherwise 0, for reproducible reports) */
    struct yk_limits limits;
    const char *record_path; /* JSON/XML: dotted path to the records, NULL: auto */
    const char *encoding; /* NULL: detect; else an iconv name ("windows-1251", "KOI8-U" ...) */
    const char *member;   /* zip archives: the member to check; NULL: the first table member */
    /* Schemas (<yakist/schema.h>). */
    const struct yk_schema *schema; /* borrowed; NULL: none, unless one is discovered */
    bool schema_discover; /* yk_check_file: use a structure file found next to the data, and
                             report its absence (schema.no_structure) */
    int fields_match;     /* enum yk_fields_match; 0: as the schema says (exact by default) */
    bool header_ignore_case; /* labels match field names whatever their case */
    /* The audit: the schema already chosen for this file and how (a resource's declared
     * schema, its dataset's structure resource, a shipped standard); borrowed. Overrides
     * schema and schema_discover. NULL: as those say. */
    const struct yk_schema_use *schema_use;
};

#define YK_QUOTE_NONE '\x01'

/* Defaults: sniff everything, timing on, the limits above. */
void yk_check_options_init(struct yk_check_options *opt, const struct yk_registry *registry);

/* Check the options a user types, before any file is read: an encoding iconv knows, a forced
 * format this build has a loader for, a record path that is not empty. The registry, profile
 * and schema are not looked at. Returns 0, or YK_EINVAL with a message that starts with the
 * option's name ("encoding: ..."). */
int yk_check_options_validate(const struct yk_check_options *opt, struct yk_error *err);

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

/* How many rows (a row rule) or cells (a cell rule) a rule was given in one file: the exact
 * denominator of its pass ratio in the score. */
struct yk_rule_checked {
    const struct yk_rule *rule;
    uint64_t checked;
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
    const char *schema;     /* the structure file checked against, NULL: none */
    bool schema_discovered; /* it was found next to the data rather than given */
    bool schema_standard;   /* it is a shipped standard applied for want of the dataset's own
                               (the audit's fallback): its findings are not compliance errors */
    /* Row and cell rules that were given at least one row or cell, in registry order. */
    const struct yk_rule_checked *checked;
    size_t nchecked;
};

/* Check one file. The result and everything it points to live in arena.
 * Returns 0 when the file was checked (findings or not); YK_ENOTFOUND when it does not exist
 * and YK_EIO when it could not be read (in both cases *out still describes it, readable =
 * false, error.code says which); other negative codes for internal failures. */
int yk_check_file(const char *path, const struct yk_check_options *opt, struct yk_arena *arena,
                  struct yk_file_result **out, struct yk_error *err);

/* The same over bytes in memory; name stands for the path in findings. */
int yk_check_memory(const void *data, size_t len, const char *name,
                    const struct yk_check_options *opt, struct yk_arena *arena,
                    struct yk_file_result **out, struct yk_error *err);

/* The members of a zip archive that hold a table (by their names: .csv, .tsv, .json, .xml ...),
 * in archive order, so a caller can check each one (set opt->member and call yk_check_file).
 * Names live in arena. *n is 0 for a file that is not a zip archive or holds no table, for an
 * office container (XLSX, ODS, DOCX ...: one file, not an archive of tables), and for one that
 * is not a regular file (a pipe is left unread).
 * Returns 0, YK_ENOTFOUND when the file does not exist, YK_EIO when it cannot be read,
 * YK_ENOMEM. */
int yk_archive_tables(const char *path, struct yk_arena *arena, const char *const **names,
                      size_t *n, struct yk_error *err);

/* Does the result pass a gate at this threshold (no finding at or above it)? */
bool yk_file_result_passes(const struct yk_file_result *result, enum yk_severity fail_on);

#ifdef __cplusplus
}
#endif
#endif
