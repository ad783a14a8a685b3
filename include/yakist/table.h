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
};

/* Observations a loader makes that do not belong to one cell of a well-formed row. */
enum yk_event_kind {
    YK_EV_INVALID_UTF8 = 1, /* bytes that are not UTF-8; detail names the bytes */
    YK_EV_QUOTE_UNCLOSED,   /* a quoted field runs to the end of the file */
    YK_EV_QUOTE_STRAY,      /* a quote character inside an unquoted field or after a closing quote */
    YK_EV_LIMIT,            /* a configured limit was hit; detail names it */
    YK_EV_PARSE             /* any other syntax error the loader recovered from */
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
