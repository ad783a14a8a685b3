/* yakist — what the catalog readers share: the reading context (datasets and notes gathered
 * while reading, the digest, the catalog's folder), the limits every reader applies, and the
 * entry points of the readers themselves (catalog_*.c). */
#ifndef YK_ENGINE_CATALOG_PRIV_H
#define YK_ENGINE_CATALOG_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include <yakist/catalog.h>

/* Limits on what a catalog may make the readers hold. */
#define YK_CAT_JSON_MAX ((size_t)256 << 20) /* one JSON or CSV metadata file */
#define YK_CAT_JSON_MAX_TEXT "256 MiB"
#define YK_CAT_XML_MAX ((size_t)64 << 20) /* an RDF/XML file (read as a whole tree) */
#define YK_CAT_XML_MAX_TEXT "64 MiB"
#define YK_CAT_SIDECAR_MAX ((size_t)16 << 20) /* a <file>.meta.json sidecar, council.json */
#define YK_CAT_SIDECAR_MAX_TEXT "16 MiB"
#define YK_CAT_DATASETS_MAX 1000000u /* datasets in one catalog */
#define YK_CAT_RESOURCES_MAX 10000u  /* resources of one dataset */
#define YK_CAT_LIST_MAX 1000u        /* tags, extras of one dataset */
#define YK_CAT_STRING_MAX (1u << 20) /* bytes of one text value */
#define YK_CAT_NOTES_MAX 10000u      /* notes kept; the rest are counted in one last note */
#define YK_CAT_FILES_MAX 1000000u    /* entries of one folder */
#define YK_CAT_DEPTH_MAX 16u         /* subfolders of a plain folder */
#define YK_CAT_JSON_DEPTH 512u       /* nesting the JSON scanner follows */

/* The reading context. Datasets and notes grow in malloc'ed arrays while reading and are moved
 * into the arena when yk_catalog_load ends, so growth never leaves dead copies in the arena. */
struct yk_cat {
    struct yk_arena *arena;
    struct yk_error *err;
    const char *root; /* in the arena */
    char *root_real;  /* malloc'ed realpath of root, NULL when it has none */
    size_t root_real_len;
    const char *kind;
    struct yk_dataset *ds;
    size_t nds, capds;
    struct yk_catalog_note *notes;
    size_t nnotes, capnotes, notes_dropped;
    uint64_t digest; /* over the metadata read so far (yk_cat_digest) */
    int rc;          /* sticky failure of a helper that returns a pointer (YK_ENOMEM) */
    /* Scratch for the tags and extras of the dataset being mapped, reused from dataset to
     * dataset (malloc'ed); each dataset gets an exact copy in the arena. */
    const char **tags;
    size_t captags;
    struct yk_kv *kv;
    size_t capkv;
    struct yk_resource *res; /* resources of the package being read from text */
    size_t capres;
};

/* --- catalog.c: the context ------------------------------------------------------------ */

/* Record a note; a failure to record it is remembered in c->rc. */
void yk_cat_note(struct yk_cat *c, const char *file, uint64_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Copy n bytes of text into the arena, cut at YK_CAT_STRING_MAX on a character boundary (with
 * a note naming what). NULL for s NULL; NULL with c->rc set when out of memory. */
const char *yk_cat_text(struct yk_cat *c, const char *s, size_t n, const char *file, uint64_t line,
                        const char *what);

/* Append a copy of *d (its index is set here). YK_ELIMIT past YK_CAT_DATASETS_MAX. */
int yk_cat_push(struct yk_cat *c, const struct yk_dataset *d);

/* Mix a metadata file into the catalog digest: its name (relative to the root), then its bytes. */
void yk_cat_digest(struct yk_cat *c, const char *name, const void *data, size_t n);

/* Read a whole file into a malloc'ed, NUL-terminated buffer. YK_EIO when it cannot be read,
 * YK_ELIMIT (the message quoting cap_text) when it is larger than cap. */
int yk_cat_read_file(const char *path, size_t cap, const char *cap_text, char **buf, size_t *len,
                     struct yk_error *err);

/* s cut to fit buf (cap bytes with the NUL) on a character boundary; returns buf. */
const char *yk_cat_clip(char *buf, size_t cap, const char *s);

/* "dir/name" in the arena ("name" when dir is "."). */
const char *yk_cat_join(struct yk_cat *c, const char *dir, const char *name);

/* Line and character column (both 1-based) of byte offset off in buf. */
void yk_cat_position(const char *buf, size_t off, uint64_t *line, uint64_t *column);

/* --- catalog_path.c: where a resource's URL points -------------------------------------- */

/* Classify r->url against the catalog's folder and set r->location and r->path. A local path
 * outside the folder is never opened: it is judged by its text, or by realpath when it is
 * inside by its text but may leave through a symbolic link. */
void yk_cat_locate(struct yk_cat *c, struct yk_resource *r, const char *file, uint64_t line);

/* --- catalog_map.c: one package (CKAN, Data Package or a sidecar) into a dataset --------- */

enum yk_cat_dialect {
    YK_CAT_CKAN = 1,        /* a CKAN package (package_show and friends) */
    YK_CAT_DATAPACKAGE = 2, /* a Frictionless Data Package */
    YK_CAT_SIDECAR = 4      /* a <file>.meta.json beside a file of a plain folder */
};

/* Where a package's key goes (the field table in catalog_map.c). */
enum yk_cat_how {
    YK_CAT_TEXT,         /* a text field of the dataset, at off */
    YK_CAT_PRIVATE,      /* is_private */
    YK_CAT_TAGS,         /* tags[] (objects with a name, or strings), keywords, tag_string */
    YK_CAT_ORGANIZATION, /* CKAN organization {title, name, id, edrpou, extras} */
    YK_CAT_PUBLISHER,    /* text, or {name|title, edrpou|identifier} */
    YK_CAT_RESOURCES,
    YK_CAT_EXTRAS,       /* CKAN extras: [{key, value}] or {key: value} */
    YK_CAT_LICENSES,     /* Data Package licenses[] */
    YK_CAT_CONTRIBUTORS, /* Data Package contributors[] */
    YK_CAT_RES_FORMAT,   /* sidecar: the format of the file it describes */
    YK_CAT_RES_MIMETYPE,
    YK_CAT_SKIP /* carries nothing for the audit (a Data Package's profile) */
};

struct yk_cat_field {
    const char *key;
    enum yk_cat_how how;
    size_t off;
    unsigned where; /* dialects (and YK_CAT_XL) it applies to; elsewhere the key is an extra */
};

#define YK_CAT_XL 8u /* the field is also read from a key of the extras list */

/* The field a key names in a dialect, or NULL when the key is an extra there. */
const struct yk_cat_field *yk_cat_field_find(const char *key, unsigned where);

/* For the unit test: the field table is in strcmp order, as bsearch needs. */
bool yk_cat_fields_sorted(void);

/* A dataset being mapped. Two drivers feed it key by key: catalog_map.c from a decoded package
 * (jansson) and catalog_fast.c straight from the text of a CKAN list; they share every rule
 * below, so both give the same dataset and the same notes. */
struct yk_cat_build {
    struct yk_cat *c;
    struct yk_dataset *d;
    enum yk_cat_dialect dialect;
    const char *file;
    uint64_t line;
    size_t ntags, nkv;
    bool tags_cut, kv_cut;
    bool has_tags; /* tags[] is given, so tag_string is not read */
    struct yk_resource *file_res;
};

/* The resource being mapped: its keys are gathered, then yk_cat_res_finish settles which of
 * two spellings wins (url over path, title over name, size over bytes ...). */
struct yk_cat_res {
    const char *id, *name, *title, *description, *format, *mimetype, *mediatype, *url, *path;
    const char *created, *last_modified, *schema, *size, *bytes;
    bool inline_data;
};

/* d is zeroed by the caller, with source and source_line set. */
void yk_cat_build_init(struct yk_cat_build *b, struct yk_cat *c, enum yk_cat_dialect dialect,
                       struct yk_dataset *d, struct yk_resource *file_res);

/* One member of the package, decoded. */
void yk_cat_build_json(struct yk_cat_build *b, const char *key, const json_t *v);

/* Set the text field at off (a yk_cat_field's); a second, different value is a note. */
void yk_cat_build_text(struct yk_cat_build *b, size_t off, const char *key, const char *text);
void yk_cat_build_extra(struct yk_cat_build *b, const char *key, const char *value);
void yk_cat_build_tag(struct yk_cat_build *b, const char *s, size_t n);
void yk_cat_build_tag_list(struct yk_cat_build *b, const char *s); /* "a, b,c" */
/* The organization's parts, in this order whatever the order of its keys. */
void yk_cat_build_org(struct yk_cat_build *b, const char *title, const char *name, const char *id,
                      const char *edrpou);
/* A key of the extras list with its value as text: a known field, or an extra. */
void yk_cat_build_extra_field(struct yk_cat_build *b, const char *key, const char *value);

/* Copy the tags and extras into the arena, note a missing title. 0 or YK_ENOMEM. */
int yk_cat_build_finish(struct yk_cat_build *b);

/* One key of resource i: text (a JSON string or a number's digits) or, for other values,
 * decoded JSON (then text is NULL). */
void yk_cat_res_member(struct yk_cat_build *b, struct yk_cat_res *r, size_t i, const char *key,
                       const char *text, const json_t *v);

/* Is the key one yk_cat_res_member reads? (Others need not be copied.) */
bool yk_cat_res_wants(const char *key);

/* Settle resource i into *out (its size parsed, notes for a missing URL) and locate it. */
void yk_cat_res_finish(struct yk_cat_build *b, const struct yk_cat_res *r, size_t i,
                       struct yk_resource *out);

/* Fill *d (zeroed by the caller; d->source and d->source_line set) from a decoded package.
 * For a sidecar, file_res is the file's resource, which "format" and "mimetype" may set, and
 * the package's own resources are not read. 0, or YK_ENOMEM. */
int yk_cat_map_package(struct yk_cat *c, const json_t *pkg, enum yk_cat_dialect dialect,
                       struct yk_dataset *d, struct yk_resource *file_res);

/* Is the object a Frictionless Data Package rather than a CKAN package? name is the file's. */
bool yk_cat_is_datapackage(const json_t *obj, const char *name);

/* Text of a JSON value for the model: strings as they are, numbers and literals printed,
 * arrays and objects as compact JSON. NULL for null; NULL with c->rc set when out of memory. */
const char *yk_cat_flat(struct yk_cat *c, const json_t *v, const char *file, uint64_t line,
                        const char *what);

/* --- catalog_scan.c: a JSON scanner over a document held in memory ---------------------- */

#define YK_SCAN_KEY_MAX 256 /* longer keys are cut */

enum { YK_SCAN_END = 0, YK_SCAN_MORE = 1, YK_SCAN_FAIL = -1 };

struct yk_scan {
    struct yk_error *err;
    const char *file;
    const char *b; /* the document, NUL-terminated */
    size_t n;
    size_t line_off; /* b[line_off] is on line `line`: lines are counted forward, once */
    uint64_t line;
    /* The syntax error: where, and what (jansson's line and column when it found it). */
    size_t bad;
    uint64_t bad_line, bad_col;
    char why[160];
    /* Scratch for unescaped strings (malloc'ed, reused). */
    char *text;
    size_t textcap;
};

void yk_scan_init(struct yk_scan *s, const char *file, const char *b, size_t n,
                  struct yk_error *err);
void yk_scan_fini(struct yk_scan *s);

/* Record a syntax error at offset at; returns YK_SCAN_FAIL. */
int yk_scan_fail(struct yk_scan *s, size_t at, const char *why);

/* The recorded syntax error as a YK_EPARSE error naming file, line and column. */
int yk_scan_error(struct yk_scan *s);

/* Line of offset off (offsets asked for should grow: lines are counted from the last one). */
uint64_t yk_scan_line(struct yk_scan *s, size_t off);

size_t yk_scan_ws(const struct yk_scan *s, size_t i);

/* Where the value starting at i ends (brackets pair; scalars roughly checked). */
int yk_scan_span(struct yk_scan *s, size_t i, size_t *end);

/* Object members one key at a time: *j just inside the '{' with *first set, then just past
 * each value. MORE with the key read and *j at its value, END with *j past the '}'. */
int yk_scan_key(struct yk_scan *s, size_t *j, bool *first, char key[YK_SCAN_KEY_MAX]);

/* Array elements: MORE with *j at the next element, END with *j past the ']'. */
int yk_scan_elem(struct yk_scan *s, size_t *j, bool *first);

/* jansson decodes b[start..end) (any value); its error is placed in the whole document. */
int yk_scan_decode(struct yk_scan *s, size_t start, size_t end, json_t **out);

/* The string at b[start..end) (quotes included), unescaped and checked: the text is in
 * s->text (NUL-terminated, *len bytes). 0, YK_EPARSE when it is not valid JSON text (the
 * failure recorded), or YK_ENOMEM. */
int yk_scan_string(struct yk_scan *s, size_t start, size_t end, size_t *len);

/* The same for the string starting at i, which also finds its end. */
int yk_scan_string_at(struct yk_scan *s, size_t i, size_t *end, size_t *len);

/* Where the number or literal starting at i ends. */
size_t yk_scan_scalar_end(const struct yk_scan *s, size_t i);

/* Is b[start..end) a valid JSON number or literal (true, false, null)? */
bool yk_scan_scalar_ok(const struct yk_scan *s, size_t start, size_t end);

/* Check the value at *i by the rules jansson applies (control characters, escapes,
 * surrogates, UTF-8, number syntax and range, separators) and move *i past it. depth is how
 * deep the value is nested. 0 or YK_SCAN_FAIL. */
int yk_scan_skip(struct yk_scan *s, size_t *i, unsigned depth);

/* --- catalog_fast.c: CKAN packages mapped from their text ------------------------------- */

/* Map the CKAN package whose object starts at b[start] into *d (zeroed, source and line set)
 * and set *end past it. The text is checked as it is read; a package that is not valid JSON
 * leaves no trace (its notes are withdrawn) and gives jansson's error. 0, YK_EPARSE,
 * YK_ENOMEM. */
int yk_cat_fast_package(struct yk_cat *c, struct yk_scan *s, size_t start, size_t *end,
                        struct yk_dataset *d);

/* --- catalog_vocab.c: DCAT vocabularies ------------------------------------------------- */

/* The part of a URI after its last '/' or '#'. */
const char *yk_dcat_last_segment(const char *uri);

/* An EU (…/authority/frequency/MONTHLY) or Dublin Core (…/cld/freq/monthly) frequency URI as
 * the data.gov.ua API value ("once a month"); anything else, and NULL, as given. */
const char *yk_dcat_frequency(const char *v);

/* An EU language URI (…/language/UKR) as the code CKAN uses ("uk"); anything else as given. */
const char *yk_dcat_language(const char *v);

/* A file-type or media-type URI (…/file-type/CSV, …/media-types/text/csv) as its name. */
const char *yk_dcat_format(const char *v);

/* The usual prefix of an RDF namespace ("dct"), or NULL. */
const char *yk_dcat_prefix(const char *ns);

/* --- the readers ---------------------------------------------------------------------------- */

/* A JSON catalog file held in buf (NUL-terminated): any CKAN API shape, a bare package, a Data
 * Package or a list of either. Sets c->kind. 0, or YK_EPARSE / YK_ELIMIT / YK_ENOMEM. */
int yk_cat_read_json(struct yk_cat *c, const char *file, const char *buf, size_t len);

/* Does the head of a JSON file (possibly cut) look like CKAN package metadata? */
bool yk_cat_json_is_package(const char *buf, size_t len);

/* DCAT-AP RDF/XML. */
int yk_cat_read_dcat(struct yk_cat *c, const char *file, const char *buf, size_t len);

/* The register of datasets as CSV (2019 and 2025 column sets). YK_EPARSE when the header has
 * neither an identifier nor a title column. */
int yk_cat_read_register(struct yk_cat *c, const char *file, const char *buf, size_t len);

/* A folder: a Data Package, CKAN package files, or plain files with optional sidecars. */
int yk_cat_read_folder(struct yk_cat *c, const char *dir);

#endif
