/* yakist — the catalog model every catalog reader produces (CKAN API JSON, Data Package, DCAT
 * RDF/XML, the register of datasets, a plain folder), the council it belongs to, and the
 * Перелік of Resolution 835. Catalog and dataset rules read this model; nothing here does I/O
 * except the loaders, which report what they could not map instead of dropping it. */
#ifndef YAKIST_CATALOG_H
#define YAKIST_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- the Перелік (Resolution 835, list of datasets to publish) ----------------------------- */

enum yk_perelik_block {
    YK_BLOCK_ALL = 0, /* «Усі розпорядники інформації (відповідно до компетенції)» */
    YK_BLOCK_LOCAL    /* «Органи місцевого самоврядування» */
};

struct yk_perelik_item {
    const char *key;   /* stable id: "all.7", "local.49" */
    enum yk_perelik_block block;
    unsigned position; /* 1-based within the block */
    const char *title; /* the official wording */
    const char *const *aliases; /* older and abbreviated titles still in use */
    size_t naliases;
    const char *standard;  /* id of the shipped standard schema, or NULL */
    bool competence_only;  /* applies only where the holder has the competence */
};

struct yk_perelik {
    const char *name; /* e.g. "Resolution 835, city council, 2024-10" */
    const struct yk_perelik_item *items;
    size_t nitems;
};

/* --- the council file (council.json) ---------------------------------------------------- */

struct yk_publisher {
    const char *id;     /* stable key within the council ("finance") */
    const char *name;   /* official name */
    const char *edrpou; /* 8 digits, or NULL */
    const char *const *aliases; /* names as they appear in catalogs */
    size_t naliases;
};

struct yk_responsibility {
    const char *item;      /* Перелік item key */
    const char *publisher; /* publisher id that answers for it */
};

struct yk_not_applicable {
    const char *item;
    const char *reason;
};

struct yk_mapping {
    const char *dataset; /* dataset id or slug */
    const char *item;    /* Перелік item key, or "none" for a dataset beyond the Перелік */
};

struct yk_council {
    const char *path;    /* the file it was read from */
    const char *name;
    const char *edrpou;
    const char *katottg;
    const char *portal;  /* address of the open data portal, or NULL */
    struct yk_publisher *publishers;
    size_t npublishers;
    struct yk_responsibility *responsibilities;
    size_t nresponsibilities;
    struct yk_not_applicable *not_applicable;
    size_t nnot_applicable;
    struct yk_mapping *mappings;
    size_t nmappings;
    const char *policy_json; /* the "policy" object as compact JSON text (for the card), or NULL */
};

/* --- catalog, datasets, resources ------------------------------------------------------- */

enum yk_resource_location {
    YK_RES_LOCAL = 0, /* a file inside the catalog's folder: path is set */
    YK_RES_REMOTE,    /* an http(s) URL: not read unless fetching is enabled */
    YK_RES_ESCAPES,   /* a local path that leaves the catalog's folder: never read */
    YK_RES_MISSING,   /* a local path that does not exist */
    YK_RES_INVALID    /* no URL, or a scheme yakist does not read (ftp:, mailto:, ...);
                         a file:// URL is judged as the local path it names */
};

struct yk_kv {
    const char *key;
    const char *value;
};

struct yk_dataset;

struct yk_resource {
    const char *id;
    const char *name;
    const char *description;
    const char *format;   /* as declared, not normalised */
    const char *mimetype;
    const char *url;      /* as given */
    const char *path;     /* resolved local path (LOCAL only), else NULL */
    enum yk_resource_location location;
    const char *created;       /* ISO 8601 text as given, or NULL */
    const char *last_modified;
    int64_t size;              /* declared bytes, -1 when unknown */
    const struct yk_dataset *dataset;
    const char *schema; /* declared Table Schema: a path or URL as given, or the inline schema as
                           compact JSON; NULL when none */
};

struct yk_dataset {
    size_t index;         /* position in the catalog */
    const char *source;   /* catalog file it was read from */
    uint64_t source_line; /* line of its record there, 0 when unknown */
    const char *id;
    const char *name;     /* slug */
    const char *title;
    const char *notes;    /* description */
    const char *purpose;  /* legal basis and purpose of collection */
    const char *language;
    const char *update_frequency; /* raw value as given */
    const char *license_id;
    const char *license_title;
    const char *metadata_created;
    const char *metadata_modified;
    const char *data_as_of;       /* "date the data is current as of", when given */
    const char *maintainer;
    const char *maintainer_email;
    const char *publisher_name;   /* organization title as given */
    const char *publisher_edrpou; /* holder's ЄДРПОУ as given */
    const char *perelik_item;     /* explicit mapping field in the catalog, when it has one */
    const char *state;            /* "active", "deleted", "draft" ... */
    bool is_private;
    const char *const *tags;
    size_t ntags;
    struct yk_resource *resources;
    size_t nresources;
    struct yk_kv *extras; /* every other field, flattened to text */
    size_t nextras;
};

/* Something a reader found but could not map into the model. */
struct yk_catalog_note {
    const char *file;
    uint64_t line;
    const char *message; /* English */
};

struct yk_catalog {
    const char *root; /* the folder relative paths resolve against */
    const char *kind; /* "ckan", "datapackage", "dcat", "register", "folder" */
    struct yk_dataset *datasets;
    size_t ndatasets;
    struct yk_catalog_note *notes;
    size_t nnotes;
    const char *digest; /* hex digest of the catalog's metadata files, for history */
};

/* Read a catalog: a file (CKAN JSON, datapackage.json, DCAT RDF/XML, register CSV) or a folder
 * (a folder of CKAN package files, a Data Package, or plain files). Everything lives in arena.
 * A malformed catalog is an error naming file, line and column; a field that cannot be mapped
 * is a note and reading goes on. */
int yk_catalog_load(const char *path, struct yk_arena *arena, struct yk_catalog **out,
                    struct yk_error *err);

/* Read council.json. A missing or malformed key is an error naming it. */
int yk_council_load(const char *path, struct yk_arena *arena, struct yk_council **out,
                    struct yk_error *err);

/* The Перелік for a city council that ships with yakist. */
const struct yk_perelik *yk_perelik_city(void);

const struct yk_perelik_item *yk_perelik_find(const struct yk_perelik *p, const char *key);

#ifdef __cplusplus
}
#endif
#endif
