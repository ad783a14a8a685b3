/* yakist — the formats a catalog DECLARES for its resources (`resources[].format`), read the way
 * real catalogs write them: «.сsv» with a Cyrillic «с», "xls xlsx", "xlxs", "text/csv", EU
 * file-type URIs. Each known format has a class for openness and a level on the five-star
 * scale. engine/format.c, by contrast, tells what the bytes of a file are. Private. */
#ifndef YK_ENGINE_FORMATS_H
#define YK_ENGINE_FORMATS_H

#include <stdbool.h>
#include <stddef.h>

enum yk_fclass {
    YK_FCLASS_UNKNOWN = 0,
    YK_FCLASS_OPEN,        /* structured, non-proprietary: CSV, JSON, XML, GeoJSON, KML, RDF ... */
    YK_FCLASS_SPREADSHEET, /* XLSX, ODS: accepted when one sheet holds one table */
    YK_FCLASS_PROPRIETARY, /* structured but closed: XLS, SHP, DBF */
    YK_FCLASS_DOCUMENT,    /* PDF, DOC(X), RTF, ODT, HTML, plain text: not data */
    YK_FCLASS_IMAGE,       /* scans and pictures */
    YK_FCLASS_ARCHIVE      /* ZIP, GZIP, 7Z, RAR: what matters is what they hold */
};

struct yk_fmt {
    const char *name; /* as the Ministry writes it: "CSV", "GeoJSON", "XLSX" */
    enum yk_fclass cls;
    unsigned stars;     /* 1..4 on the five-star scale, for a working resource under an open
                           licence (5, linked data, is never awarded from a format alone) */
    const char *family; /* what engine/format.c calls its bytes ("csv", "json", "xml", "pdf"),
                           NULL when its content cannot be told by sniffing */
};

/* What was wrong with the spelling, beyond the name itself. */
enum yk_fmt_flag {
    YK_FMT_CASE = 1u << 0,      /* "csv", "Csv": not upper-case */
    YK_FMT_SPACE = 1u << 1,     /* spaces or quotes around it */
    YK_FMT_DOT = 1u << 2,       /* ".csv" */
    YK_FMT_HOMOGLYPH = 1u << 3, /* a Cyrillic letter that looks Latin: «.сsv» */
    YK_FMT_MIME = 1u << 4,      /* a media type: "text/csv" */
    YK_FMT_URI = 1u << 5,       /* a URI: the EU file-type vocabulary or IANA media types */
    YK_FMT_ALIAS = 1u << 6,     /* another name or a typo: "xlxs", "jpg", "htm" */
    YK_FMT_SEVERAL = 1u << 7    /* more than one format in one field: "xls xlsx" */
};

#define YK_FMT_MAX 4 /* formats read from one field; more are ignored */

struct yk_fmt_reading {
    const struct yk_fmt *fmt[YK_FMT_MAX]; /* known formats named, in order, without repeats */
    size_t n;
    unsigned flags; /* enum yk_fmt_flag */
    bool unknown;   /* a part names no known format */
    bool empty;     /* nothing but spaces and punctuation, or NULL */
};

/* Read a declared format. Never fails; the verdict is in *out. */
void yk_fmt_read(const char *declared, struct yk_fmt_reading *out);

/* Is the spelling exactly as the Ministry writes it (one known format, nothing to fix)? A fully
 * upper-case spelling of a mixed-case name ("GEOJSON") counts as exact. */
bool yk_fmt_clean(const struct yk_fmt_reading *r);

/* The format with the most stars among those read (the first on a tie), or NULL. */
const struct yk_fmt *yk_fmt_best(const struct yk_fmt_reading *r);

/* A format by its canonical name ("CSV") or by engine/format.c's name of sniffed content
 * ("csv", "xlsx", "pdf"), or NULL. */
const struct yk_fmt *yk_fmt_find(const char *name);
const struct yk_fmt *yk_fmt_of_content(const char *content_format);

/* Does content sniffed as content_format (after decompressing container "gzip"/"zip", or NULL)
 * fit the declared format? True when the declared format cannot be told by sniffing. */
bool yk_fmt_fits(const struct yk_fmt *declared, const char *content_format, const char *container);

const char *yk_fclass_name(enum yk_fclass cls); /* "open", "spreadsheet" ... */

#endif
