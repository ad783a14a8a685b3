/* yakist — the built-in rule families. Adding a family is one line here and one in families.c. */
#ifndef YK_RULES_FAMILIES_H
#define YK_RULES_FAMILIES_H

#include <stddef.h>

#include <yakist/rule.h>

extern const struct yk_family yk_family_file;
extern const struct yk_family yk_family_format;
extern const struct yk_family yk_family_json;
extern const struct yk_family yk_family_xml;
extern const struct yk_family yk_family_schema;
extern const struct yk_family yk_family_content;
extern const struct yk_family yk_family_coverage;
extern const struct yk_family yk_family_meta;
extern const struct yk_family yk_family_time;
extern const struct yk_family yk_family_open;

/* The built-in families in registration order. */
extern const struct yk_family *const yk_builtin_families[];
extern const size_t yk_builtin_family_count;

#endif
