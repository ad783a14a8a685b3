/* yakist — column roles: what a column holds (a ЄДРПОУ code, a date, a phone ...), assigned once
 * per file from the schema when one is attached, else from the column name as the Ukrainian
 * structures spell it; a rule may then confirm a name-only guess from the first values (probe).
 * The `content` rules choose the columns they check by role. Private to the library. */
#ifndef YK_ENGINE_ROLES_H
#define YK_ENGINE_ROLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/rule.h>
#include <yakist/schema.h>
#include <yakist/table.h>

enum yk_role {
    YK_ROLE_NONE = 0,
    YK_ROLE_RECORD_ID, /* id, uid, identifier: the record's own identifier */
    YK_ROLE_EDRPOU,    /* named for the ЄДРПОУ code of a legal entity */
    YK_ROLE_ID_CODE, /* authorityId, publisherIdentifier ...: a ЄДРПОУ code if its values are */
    YK_ROLE_TAX_NUMBER, /* tin, РНОКПП, ІПН: a person's tax number */
    YK_ROLE_KATOTTG,    /* CATUTTC, КАТОТТГ */
    YK_ROLE_LATITUDE,
    YK_ROLE_LONGITUDE,
    YK_ROLE_PHONE,
    YK_ROLE_EMAIL,
    YK_ROLE_POSTCODE,
    YK_ROLE_DATE, /* dates and date-times */
    YK_ROLE_URL,
    YK_ROLE_SETTLEMENT, /* the name of a city, town or village */
    YK_ROLE_CONTACT,    /* other contact details: contactPoint*, контактна особа */
    YK_ROLE_COUNT
};

/* Sets of roles, for choosing the columns a rule watches. */
#define YK_ROLE_BIT(r) (1u << (r))
#define YK_ROLES_ALL ((1u << YK_ROLE_COUNT) - 1u)

struct yk_column_role {
    uint8_t role;     /* enum yk_role */
    bool required;    /* a value must be present: the schema says so, or (without a schema
                         field) an id-like role */
    bool bound;       /* a schema field describes the column (schema.* rules check it) */
    bool from_schema; /* the role came from the schema, not from the name */
    uint16_t stem;    /* bytes of the name before the role word: "capture" in captureLat */
};

struct yk_roles {
    size_t n; /* columns in the header */
    struct yk_column_role *col;
};

/* The role's stable name, as a schema's `role` (or `yakist:role`) key spells it: "record-id",
 * "edrpou", "id-code", "tax-number", "katottg", "latitude", "longitude", "phone", "email",
 * "postcode", "date", "url", "settlement", "contact" ("none" for YK_ROLE_NONE). */
const char *yk_role_name(enum yk_role role);

/* The role a name stands for, ASCII case ignored; short forms are accepted too ("lat", "lon",
 * "lng", "tin", "rnokpp", "id", "uri", "e-mail", "telephone", "catuttc"). 0 or YK_EINVAL. */
int yk_role_parse(const char *name, enum yk_role *out);

/* The role a schema field gives its column: its explicit role when it names one, else what its
 * type implies (date, datetime → date; email → email; url → url), else NONE. role may be NULL. */
enum yk_role yk_role_from_field(const char *role, enum yk_field_type type);

/* The role the column name implies, by the conventions of the Ministry's structures: exact
 * names (lat, edrpou, телефон), camel-case endings (authorityId, contactPointTelephone,
 * captureLat, issuedDate), beginnings (dateFrom, settlementName) and Ukrainian words anywhere
 * (код ЄДРПОУ, дата_реєстрації). *stem (may be NULL) gets the length of the name before the
 * role word, used to pair latitude with longitude. */
enum yk_role yk_role_from_name(const char *label, size_t len, size_t *stem);

/* The roles of the header's columns, in the rule's run arena: the role or type of the schema
 * field bound to the column first, the column name second; `required` from the schema field,
 * or for an unbound column from an id-like role. Returns 0 or YK_ENOMEM. */
int yk_roles_assign(struct yk_rule_ctx *ctx, const struct yk_row *header, struct yk_roles *out);

/* --- deciding a role from the first values ------------------------------------------------
 * The engine streams, so a rule cannot look ahead. A probe counts the first YK_PROBE_VALUES
 * values of a column with a name-only guess (or with no role at all), and holds the findings
 * those values would give if the guess holds. A value may fit strongly (a valid-looking 8-digit
 * code) or weakly (a code with the usual defect: 7 digits, 10 digits), so a column full of
 * defects is still recognised, while a column of other codes that only look alike is not. The
 * probe decides YES when at least three quarters of the values fit and at least half of those
 * fit strongly; it decides NO as soon as the first can no longer happen, or at the end of the
 * file on fewer values (then at least two must fit). On YES the rule emits the held findings,
 * so nothing is lost and counts stay exact; afterwards cells are judged as they arrive. */

#define YK_PROBE_VALUES 8
#define YK_PROBE_TEXT 40

enum yk_probe_state { YK_PROBE_OPEN = 0, YK_PROBE_YES, YK_PROBE_NO };

struct yk_probe_held {
    struct yk_loc loc;
    uint8_t kind; /* the rule's code for the finding */
    uint8_t len;  /* bytes in text */
    char text[YK_PROBE_TEXT];
};

enum yk_probe_fit { YK_FIT_NO = 0, YK_FIT_WEAK, YK_FIT_STRONG };

struct yk_probe {
    uint8_t state; /* enum yk_probe_state */
    uint8_t seen, hits, strong, nheld;
    struct yk_probe_held held[YK_PROBE_VALUES];
};

/* Hold a finding while the probe is open; call it before yk_probe_count for the same value.
 * Text longer than YK_PROBE_TEXT bytes is cut at a character boundary. */
void yk_probe_hold(struct yk_probe *probe, const struct yk_loc *loc, int kind, const char *text,
                   size_t len);

/* Count one value by how well it fits the role. Returns the state after it; on the step to YES
 * the caller emits the held findings, on the step to NO they are dropped. */
enum yk_probe_state yk_probe_count(struct yk_probe *probe, enum yk_probe_fit fit);

/* At the end of the input: decide an open probe on what it has seen. */
enum yk_probe_state yk_probe_close(struct yk_probe *probe);

#endif
