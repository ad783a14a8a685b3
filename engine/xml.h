/* yakist — the XML loader, private: xml.c drives libxml2's push parser and keeps it safe;
 * xml_table.c turns record elements into rows, naming each field by its path inside the record
 * and fixing the header from the first record. */
#ifndef YK_ENGINE_XML_H
#define YK_ENGINE_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include <yakist/check.h>
#include <yakist/table.h>

#include "loader.h"

/* --- a parser that reads only what it is given (xml.c) ----------------------------------- */

/* The SAX user data of every parser here starts with this, so the callbacks that need only the
 * parser (the document, the DTD's entities) are shared. */
struct yk_xml_user {
    xmlParserCtxtPtr ctxt;
};

/* Point sax at the shared callbacks: the document, the DTD, entity lookups. Every entity the
 * DTD declares is declared again with an empty value, the external identifiers of the DTD are
 * dropped, and externalSubset and resolveEntity stay NULL: nothing outside the bytes given is
 * ever read and nothing is ever expanded. Callers add their own element and error callbacks. */
void yk_xml_sax_init(xmlSAXHandler *sax);

/* Declare name as an internal entity with an empty value (predefined names are left alone). */
void yk_xml_declare_empty(xmlParserCtxtPtr ctxt, const xmlChar *name, bool parameter);

/* A push parser over sax (copied) with no network, no DTD loading and no entity substitution,
 * whatever defaults the host application set; errors go only to sax->serror. Sets user->ctxt.
 * NULL when out of memory. */
xmlParserCtxtPtr yk_xml_parser_create(xmlSAXHandler *sax, struct yk_xml_user *user,
                                      const char *name);

/* Free the parser and the document that holds the DTD. Accepts NULL. */
void yk_xml_parser_destroy(xmlParserCtxtPtr ctxt);

/* --- where the records are (xml_sniff.c) ------------------------------------------------- */

/* The shallowest element of sample whose child elements repeat one name, consecutively, and
 * make up at least half of its children, at least half of them with attributes or child
 * elements of their own: the records' container. Its path, root first, goes
 * into steps (qualified names in the arena); *n = 0 when that is the root or nothing repeats.
 * complete: the sample is the whole input. 0 or YK_ENOMEM. */
int yk_xml_sniff_records(const unsigned char *sample, size_t len, bool complete,
                         struct yk_arena *arena, char **steps, size_t max_steps, size_t *n);

/* --- records to rows (xml_table.c) ------------------------------------------------------- */

/* No node: a field that a limit dropped. */
#define YK_XML_NONE UINT32_MAX

/* The record element itself, the parent of its attributes and top-level child elements. */
#define YK_XML_ROOT 0u

/* A path inside a record: a child element, a grandchild, an attribute. Names come from the
 * parser's dictionary, so one name is always one pointer and paths compare by pointer. */
struct yk_xml_node {
    uint32_t parent; /* a node index; YK_XML_ROOT for the record's own children */
    const xmlChar *prefix, *local;
    uint32_t column; /* YK_XML_NONE until the path first holds a value */
};

/* Where an element starts: its '<'. */
struct yk_xml_pos {
    uint64_t line;
    uint64_t offset; /* YK_NO_OFFSET when the parser converted the bytes */
};

/* A column: a node that held a value in some record. */
struct yk_xml_col {
    const char *name; /* the path, in the arena */
    size_t namelen;
    uint64_t stamp;    /* the record that last set it */
    size_t voff, vlen; /* its value in buf, for the record being built */
};

/* A field set in the record being built, in the order the record set them. */
struct yk_xml_set {
    uint32_t column;
    struct yk_xml_pos at;
};

/* Records to rows. Everything here is malloc'ed and reused from record to record, so memory
 * follows the widest record and the number of distinct paths (both capped), never the number
 * of records; column names live in the run arena. */
struct yk_xml_table {
    const struct yk_check_options *opt;
    const struct yk_sink *sink;
    struct yk_source_info *info;
    struct yk_arena *arena;

    struct yk_xml_node *nodes; /* [0] is YK_XML_ROOT */
    size_t nnodes, capnodes, maxnodes;
    uint32_t *slots; /* open addressing over nodes by (parent, prefix, local): index + 1 */
    size_t nslots;

    struct yk_xml_col *cols;
    size_t ncols, capcols;
    size_t width; /* columns in the header: those of the first record */
    bool have_header;
    bool cut_reported; /* the max_columns event was sent */

    uint64_t now;         /* records begun, 1-based: the stamp of the one being built */
    struct yk_xml_pos at; /* where it starts */
    char *buf;            /* its values, each NUL-terminated */
    size_t blen, bcap;
    struct yk_xml_set *set;
    size_t nset, capset;
    struct yk_cell *cells; /* width cells, handed to the sink */
    unsigned flags;        /* enum yk_row_flags of the row being built */
};

void yk_xml_table_init(struct yk_xml_table *t, const struct yk_check_options *opt,
                       const struct yk_sink *sink, struct yk_source_info *info,
                       struct yk_arena *arena);
void yk_xml_table_fini(struct yk_xml_table *t);

/* The node for the child (or attribute) named prefix:local of parent, made on first use.
 * *out is YK_XML_NONE when the path limit drops it (an event says so once).
 * 0 or a negative enum yk_err. */
int yk_xml_table_node(struct yk_xml_table *t, uint32_t parent, const xmlChar *prefix,
                      const xmlChar *local, uint32_t *out);

/* Start a record at `at`. */
void yk_xml_table_begin(struct yk_xml_table *t, const struct yk_xml_pos *at);

/* The row number the record being built will get. */
uint64_t yk_xml_table_row(const struct yk_xml_table *t);

/* The 1-based header position of node's column, or 0 when it has none (yet, or ever). */
uint32_t yk_xml_table_field(const struct yk_xml_table *t, uint32_t node);

/* The column name of node ("address.street"), or NULL when it has no column. */
const char *yk_xml_table_name(const struct yk_xml_table *t, uint32_t node);

/* node holds value[0..len) (UTF-8, at most max_cell_bytes; cut marks a value a limit cut).
 * A second value for the same field joins the first with "; " and is reported.
 * 0 or a negative enum yk_err. */
int yk_xml_table_set(struct yk_xml_table *t, uint32_t node, const char *value, size_t len, bool cut,
                     const struct yk_xml_pos *at);

/* Finish the record: the header after the first, then its row and the field-set events.
 * 0 or a negative enum yk_err from the sink. */
int yk_xml_table_end(struct yk_xml_table *t);

/* Send an event through the sink. */
int yk_xml_event(const struct yk_sink *sink, enum yk_event_kind kind, const struct yk_loc *loc,
                 const char *detail);

/* The length of the longest prefix of s[0..n) that is at most cap bytes and ends on a UTF-8
 * character boundary. */
size_t yk_xml_utf8_cut(const char *s, size_t n, size_t cap);

#endif
