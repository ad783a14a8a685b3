/* yakist — the row stream every loader produces and every rule consumes.
 * A table is a header plus rows of UTF-8 cells; each row knows its Frictionless row number,
 * the physical line where its record starts and its byte offset, so findings point home. */
#ifndef YAKIST_TABLE_H
#define YAKIST_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "Not known" for a byte offset; 0 means "not known" for rows, fields, lines and columns. */
#define YK_NO_OFFSET UINT64_MAX

/* Where a finding points. Every member is optional. */
struct yk_loc {
    uint64_t row;    /* Frictionless row number: every parsed record counts, header = 1 */
    uint32_t field;  /* 1-based column position */
    uint64_t line;   /* 1-based physical line in the file */
    uint64_t column; /* 1-based character column on that line */
    uint64_t offset; /* byte offset in the file, YK_NO_OFFSET when unknown */
};

/* One cell: UTF-8 (after conversion), NUL-terminated, borrowed for the duration of a callback. */
struct yk_cell {
    const char *data;
    size_t len;
    bool quoted; /* the source wrapped it in quote characters */
};

enum yk_row_flags {
    YK_ROW_PREAMBLE = 1u << 0, /* a row before the header (title row, requisites) */
    YK_ROW_BLANK = 1u << 1,    /* every cell empty, or an empty line */
    YK_ROW_TRUNCATED = 1u << 2 /* the loader cut cells or bytes at a limit */
};

struct yk_row {
    uint64_t number; /* Frictionless row number (header = 1 when the header is the first record) */
    uint64_t line;   /* physical line where the record starts, 1-based */
    uint64_t offset; /* byte offset of the record's first byte in the file */
    unsigned flags;  /* enum yk_row_flags */
    size_t ncells;
    const struct yk_cell *cells;
};

enum yk_line_ending { YK_EOL_NONE = 0, YK_EOL_LF, YK_EOL_CRLF, YK_EOL_CR };

/* How a delimited file is written: sniffed, or forced by options. */
struct yk_dialect {
    char delimiter;        /* ',' ';' '\t' '|' */
    char quote;            /* '"' or '\'', 0 = no quoting */
    bool header;           /* the header row exists */
    uint32_t header_row;   /* 1-based record number of the header (after any preamble) */
    bool delimiter_forced; /* came from options, not from sniffing */
    bool quote_forced;
    bool header_forced;
};

/* What the bytes of a source turned out to be, whatever its name says. */
enum yk_content_kind {
    YK_CONTENT_TABLE = 0,   /* CSV, TSV, JSON, XML: a loader reads it */
    YK_CONTENT_SPREADSHEET, /* XLSX, XLS, ODS: structured, but not read here */
    YK_CONTENT_DOCUMENT,    /* PDF, DOC(X), ODT, RTF, HTML: a document, not data */
    YK_CONTENT_IMAGE,       /* PNG, JPEG, TIFF, GIF: a scan or a picture */
    YK_CONTENT_ARCHIVE,     /* an archive holding no table, or one that cannot be opened */
    YK_CONTENT_BINARY       /* unrecognised bytes that are not text */
};

/* How the bytes reached the loader: decompression, the archive member, the format found in the
 * content and the decoding to UTF-8. The runner fills it before loading; the `format` rules
 * report from it. Byte offsets in findings count the decompressed, UTF-8 text the loader read
 * (line and row numbers are the same in the original file). */
struct yk_source_input {
    const char *content_format;   /* from the bytes: "csv", "tsv", "json", "pdf", "xlsx" ... */
    const char *content_title;    /* in words, for messages: "PDF document" */
    enum yk_content_kind content_kind;
    const char *extension;        /* of the file name (or the zip member), without the dot */
    const char *extension_format; /* the format the extension promises, NULL: none or unknown */
    bool extension_mismatch;      /* the content is not what the extension promises */
    bool loaded;                  /* a loader read the content; false: not a table, or no loader */
    const char *container;        /* "gzip" or "zip" when the bytes were decompressed, else NULL */
    const char *member;           /* the zip member read, else NULL */
    uint32_t members;             /* files in the zip archive (folders not counted) */
    uint32_t tables;              /* of them, those whose name promises a table */
    const char *unchecked;        /* members not read for this result, comma-separated, or NULL */
    uint64_t compressed_bytes;    /* compressed bytes read */
    const char *limit;            /* "size" or "ratio": the decompression cap that cut the data */
    uint64_t undecodable;         /* bytes not valid in the source encoding, read as U+FFFD */
    uint64_t undecodable_offset;  /* offset of the first in the (decompressed) source, or
                                     YK_NO_OFFSET */
};

/* Facts a loader gathers about the whole source; complete when rules' on_finish runs. */
struct yk_source_info {
    const char *path;           /* as given by the caller */
    const char *format;         /* "csv", "json", "xml" ... */
    const char *encoding;       /* "UTF-8" or the detected source encoding */
    bool bom;                   /* a byte-order mark was present */
    struct yk_dialect dialect;  /* meaningful for delimited text */
    uint64_t bytes;             /* bytes read from the source */
    uint64_t records;           /* records parsed, header and blank rows included */
    uint32_t columns;           /* cells in the header (or the first row without a header) */
    uint64_t eol_count[4];      /* line endings seen, indexed by enum yk_line_ending */
    uint64_t invalid_utf8;      /* invalid UTF-8 sequences seen */
    bool truncated;             /* a limit stopped or cut the reading */
    uint8_t encoding_confidence; /* 0-100: how sure the encoding is (100: BOM, UTF-8, forced) */
    struct yk_source_input input; /* decompression, sniffing and decoding before the loader */
};

/* Observations a loader makes that do not belong to one cell of a well-formed row. */
enum yk_event_kind {
    YK_EV_INVALID_UTF8 = 1, /* bytes that are not UTF-8; detail names the bytes */
    YK_EV_QUOTE_UNCLOSED,   /* a quoted field runs to the end of the file */
    YK_EV_QUOTE_STRAY,      /* a quote character inside an unquoted field or after a closing quote */
    YK_EV_LIMIT,            /* a configured limit was hit; detail names it */
    YK_EV_PARSE,            /* any other syntax error the loader recovered from */
    /* JSON (engine/json.c). Record-level events carry the record's row, line, column and
     * offset; field-level ones add the 1-based field. */
    YK_EV_JSON_SYNTAX,      /* not valid JSON; reading stopped here; detail: the parser's text */
    YK_EV_JSON_NO_RECORDS,  /* no array of records in the document; detail says what was seen */
    YK_EV_JSON_NOT_RECORD,  /* an element of the records array that is not a record (an object,
                               or an array in the array-of-rows shape); detail: its JSON type */
    YK_EV_JSON_KEY_MISSING, /* a record lacks a header key: its cell is empty; detail: the key */
    YK_EV_JSON_KEY_EXTRA,   /* a record has a key the header lacks: dropped; detail: the key */
    YK_EV_JSON_NESTED,      /* an array, or an object that could not be flattened, where a cell
                               expects a scalar; kept as compact JSON; detail: "array"/"object" */
    /* XML (engine/xml.c). Record-level events carry the record's row, line and offset; field-level
     * ones add the 1-based field when the field is in the header, and the field element's line. */
    YK_EV_XML_MALFORMED,      /* not well-formed XML; detail: libxml2's message; line and column.
                                 A fatal error stops reading (rows before it stay); a namespace
                                 error does not */
    YK_EV_XML_FIELD_MISSING,  /* a record lacks a header field: its cell is empty; detail: field */
    YK_EV_XML_FIELD_EXTRA,    /* a record has a field the header lacks: dropped; detail: field */
    YK_EV_XML_FIELD_REPEATED, /* a field occurs again in one record: the values are joined with
                                 "; "; detail: the field */
    YK_EV_XML_MIXED,          /* text beside child elements in a record or field; detail: the
                                 field (the record element's name for the record's own text) */
    YK_EV_XML_DEPTH,          /* elements nested deeper than limits.max_depth: reading stopped;
                                 detail: the element */
    YK_EV_XML_ENTITY,         /* the DTD declares an internal entity; it is read as empty, never
                                 expanded; detail: its name (with "%" for a parameter entity) */
    YK_EV_XML_ENTITY_NESTED,  /* the same for an entity whose value refers to other entities, the
                                 building block of an expansion bomb; detail: its name */
    YK_EV_XML_EXTERNAL,       /* an external DTD subset or an external entity (SYSTEM/PUBLIC):
                                 never loaded; detail: the declaration, shortened */
    YK_EV_XML_ENTITY_REF      /* a reference to a declared entity in the data: it reads as empty;
                                 detail: the entity name */
};

struct yk_event {
    enum yk_event_kind kind;
    struct yk_loc loc;
    const char *detail; /* short English text, may be NULL */
};

#ifdef __cplusplus
}
#endif
#endif
