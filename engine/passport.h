/* yakist — checks on the «паспорт набору даних» (п. 7 metadata) that are more than a presence
 * test: the identifier's slug form, the holder's ЄДРПОУ, the licence, and a folded form of
 * titles for comparing wordings. Private to the library; nothing here allocates. */
#ifndef YK_ENGINE_PASSPORT_H
#define YK_ENGINE_PASSPORT_H

#include <stdbool.h>
#include <stddef.h>

/* --- the identifier ----------------------------------------------------------------------- */

enum yk_slug {
    YK_SLUG_OK = 0,
    YK_SLUG_EMPTY,
    YK_SLUG_UPPER,   /* upper-case Latin letters */
    YK_SLUG_CHARS,   /* anything but a-z, 0-9 and '-': Cyrillic, spaces, '_', '.' ... */
    YK_SLUG_HYPHENS, /* a hyphen at either end, or two in a row */
    YK_SLUG_LENGTH   /* fewer than 2 or more than 100 characters (CKAN's bounds) */
};

/* Judge a dataset slug: lower-case Latin letters, digits and hyphens. *bad (may be NULL) gets
 * the byte offset of the first offending character for UPPER and CHARS. */
enum yk_slug yk_slug_check(const char *s, size_t *bad);

/* --- the holder's code -------------------------------------------------------------------- */

enum yk_code {
    YK_CODE_OK = 0,
    YK_CODE_EMPTY,
    YK_CODE_CHARS,  /* not only digits */
    YK_CODE_LENGTH, /* digits, but not 8 */
    YK_CODE_CHECK   /* 8 digits whose check digit is wrong */
};

/* Judge an ЄДРПОУ code as catalogs give it (spaces around it are allowed). */
enum yk_code yk_edrpou_check(const char *s);

/* --- the licence -------------------------------------------------------------------------- */

enum yk_licence {
    YK_LICENCE_NONE = 0,    /* no licence given */
    YK_LICENCE_OPEN,        /* CC BY (any version), CC0, ODC-BY, ODC-PDDL, other-open, other-pd */
    YK_LICENCE_SHARE_ALIKE, /* CC BY-SA, ODbL: open, but with conditions the Law does not set */
    YK_LICENCE_RESTRICTED,  /* non-commercial or no-derivatives */
    YK_LICENCE_OTHER        /* anything else: closed, "not specified", unknown */
};

/* Classify a licence from its CKAN id (cc-by, CC-BY-4.0, a creativecommons.org URL ...), or,
 * when the id is empty, from its title ("Creative Commons Attribution"). *canonical (may be
 * NULL) gets the short name of an open licence ("cc-by", "cc0", "odc-by" ...) or NULL. */
enum yk_licence yk_licence_classify(const char *id, const char *title, const char **canonical);

/* --- titles ------------------------------------------------------------------------------- */

/* Fold a title for comparison into buf (cap bytes, NUL-terminated): letters lower-cased
 * (Latin and Cyrillic), apostrophes dropped (’ ' ʼ), every other run of non-letters and
 * non-digits one space, a leading numbering ("2.49. ") removed. Returns the length written. */
size_t yk_title_fold(const char *s, char *buf, size_t cap);

/* Does the title contain the official wording, folded both? (A title may add the holder's
 * name or the town.) */
bool yk_title_follows(const char *title, const char *official);

/* Is s NULL, empty or only whitespace? */
bool yk_text_blank(const char *s);

#endif
