/* yakist — the table of built-in rule families; the registry registers them in this order. */
#include "families.h"

const struct yk_family *const yk_builtin_families[] = {
    &yk_family_file,
    &yk_family_format,
    &yk_family_json,
    &yk_family_xml,
    &yk_family_schema,
    &yk_family_content,
    &yk_family_coverage,
    &yk_family_meta,
    &yk_family_time,
    &yk_family_open,
};

const size_t yk_builtin_family_count = sizeof yk_builtin_families / sizeof yk_builtin_families[0];
