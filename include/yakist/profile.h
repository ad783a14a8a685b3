/* yakist — profiles: a JSON document that turns rules on or off, overrides their severity,
 * weight and parameters, and may declare column checks of its own (the `profile` family).
 * A profile is checked against the registry when it is loaded, so an unknown rule id or a bad
 * value is rejected up front with a message naming the key. */
#ifndef YAKIST_PROFILE_H
#define YAKIST_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/error.h>
#include <yakist/registry.h>
#include <yakist/rule.h>

#ifdef __cplusplus
extern "C" {
#endif

struct yk_profile;

/* Read and validate a profile file. On error, err names the file and the offending key. */
int yk_profile_load(const char *path, const struct yk_registry *reg, struct yk_profile **out,
                    struct yk_error *err);

/* The same from memory; name is used in messages. */
int yk_profile_parse(const char *text, size_t len, const char *name, const struct yk_registry *reg,
                     struct yk_profile **out, struct yk_error *err);

/* Accepts NULL. Never touches the registry the profile was loaded against, so the two may be
 * destroyed in either order; a registry that yk_profile_register filled must not be used after
 * the profile is destroyed (destroy the registry first). */
void yk_profile_destroy(struct yk_profile *profile);

/* The column checks the profile declares in its "columns" array, as the rule family `profile`
 * (ids profile.ID), or NULL when it declares none. The descriptors are built when the profile
 * is loaded and owned by it. */
const struct yk_family *yk_profile_family(const struct yk_profile *profile);

/* Add the profile's declared rules to reg (normally the registry it was loaded against) so
 * that runs with reg check them and `yakist rules` lists them. reg borrows the descriptors:
 * the profile must outlive every use of reg. Does nothing for a profile without "columns".
 * 0 or a negative enum yk_err (YK_EINVAL when reg already holds a `profile` family). */
int yk_profile_register(const struct yk_profile *profile, struct yk_registry *reg,
                        struct yk_error *err);

/* The profile's own "name", or NULL. */
const char *yk_profile_name(const struct yk_profile *profile);

/* Effective settings of a rule. profile may be NULL (defaults from the descriptor). */
bool yk_profile_enabled(const struct yk_profile *profile, const struct yk_rule *rule);
enum yk_severity yk_profile_severity(const struct yk_profile *profile, const struct yk_rule *rule);
unsigned yk_profile_weight(const struct yk_profile *profile, const struct yk_rule *rule);

/* Failing rows or cells, per mille of those checked, that a row or cell rule tolerates with
 * full points in the score: the rule's "tolerance" entry in the profile, else its parameter
 * "tolerance" when it declares one, else YK_PROFILE_TOLERANCE for row and cell rules and 0
 * for the others. */
#define YK_PROFILE_TOLERANCE 10u
unsigned yk_profile_tolerance(const struct yk_profile *profile, const struct yk_rule *rule);

/* The parameter's value as text after overrides, or the descriptor default; NULL when the rule
 * declares no such parameter. */
const char *yk_profile_param(const struct yk_profile *profile, const struct yk_rule *rule,
                             const char *name);

#ifdef __cplusplus
}
#endif
#endif
