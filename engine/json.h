/* yakist — the JSON loader, private: json.c reads the document and finds the records array;
 * json_table.c turns each record (an object, or an array in the rows shape) into a row of the
 * table, fixing the header from the first record or from a CKAN `fields` list. */
#ifndef YK_ENGINE_JSON_H
#define YK_ENGINE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include <yakist/check.h>
#include <yakist/table.h>

#include "loader.h"

/* A place in the source: byte offset, 1-based line and 1-based character column. */
struct yk_json_pos {
    uint64_t offset;
    uint64_t line;
    uint64_t column;
};

enum yk_json_shape {
    YK_JSON_SHAPE_UNKNOWN = 0, /* no record element seen yet */
    YK_JSON_SHAPE_OBJECTS,     /* records are objects: keys name the columns */
    YK_JSON_SHAPE_ARRAYS       /* records are arrays: cells by position */
};

/* One column of the header: its label and, for keyed records, its hash. */
struct yk_json_col {
    char *name; /* malloc'ed, NUL-terminated */
    size_t len;
    uint64_t hash;
};

/* The value a record holds for one column while the row is being built: either borrowed text
 * (a jansson string, a literal) or text at an offset in the scratch buffer, which may move. */
struct yk_json_val {
    const char *ext; /* NULL: the text is scratch + off */
    size_t off, len;
    bool quoted; /* a JSON string */
};

/* Turns decoded records into the row stream. Everything here is malloc'ed, reused from record
 * to record and released by yk_json_table_fini, so memory follows the widest record, never the
 * number of records. */
struct yk_json_table {
    const struct yk_check_options *opt;
    const struct yk_sink *sink;
    struct yk_source_info *info;
    enum yk_json_shape shape;
    bool from_fields; /* the header came from a CKAN `fields` list, not from the data */
    bool have_header; /* pushed to the sink */
    bool header_cut;  /* max_columns dropped keys of the header: unknown keys are not "extra" */
    bool big_ints;    /* set by the reader: this record holds an integer beyond 64 bits, so it
                         was decoded with every integer as a real */

    struct yk_json_col *cols; /* the header */
    size_t ncols, capcols;
    uint32_t *slots; /* open addressing over cols by name: index + 1, 0 = free */
    size_t nslots;

    uint64_t now;             /* stamp of the record being built */
    uint64_t *stamp;          /* per column: the record that filled it last */
    struct yk_json_val *vals; /* per cell of the row being built */
    struct yk_cell *cells;    /* the same, as handed to the sink */
    size_t nvals, capvals;    /* cells in the row being built, and room */
    size_t hint;              /* the column the next key most likely names */
    char *scratch;            /* rendered numbers, nested JSON, cut cells */
    size_t slen, scap;
    char *key; /* dotted name of the value being placed */
    size_t klen, kcap;
    unsigned flags;   /* enum yk_row_flags of the row being built */
    struct yk_loc at; /* where the record being built starts */
};

void yk_json_table_init(struct yk_json_table *t, const struct yk_check_options *opt,
                        const struct yk_sink *sink, struct yk_source_info *info);
void yk_json_table_fini(struct yk_json_table *t);

/* Take the header from a CKAN DataStore `fields` list ([{"id": ..., "type": ...}, ...]).
 * Returns 0, 1 when fields is not such a list (nothing changes), or YK_ENOMEM. */
int yk_json_table_set_fields(struct yk_json_table *t, const json_t *fields);

/* Push the header now if it is already known (from fields) and not pushed yet; at marks the
 * records array. 0 or a negative enum yk_err from the sink. */
int yk_json_table_start(struct yk_json_table *t, const struct yk_json_pos *at);

/* One element of the records array (borrowed), 0-based index, starting at `at`: becomes the
 * header and/or a row, or a YK_EV_JSON_NOT_RECORD event. 0 or a negative enum yk_err. */
int yk_json_table_element(struct yk_json_table *t, json_t *value, uint64_t index,
                          const struct yk_json_pos *at);

/* Send an event through the sink. */
int yk_json_event(const struct yk_sink *sink, enum yk_event_kind kind, const struct yk_loc *loc,
                  const char *detail);

#endif
