/* yakist — what a file really is: formats by magic bytes, by a look at the text, by the member
 * names of a zip container (XLSX, DOCX, ODS ...) and by the extension, and whether two of those
 * agree. The runner uses it to pick a loader and to refuse documents where a table was promised. */
#ifndef YK_ENGINE_FORMAT_H
#define YK_ENGINE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include <yakist/table.h>

struct yk_format {
    const char *name;   /* "csv", "tsv", "json", "xml", "html", "pdf", "xlsx" ... */
    const char *loader; /* the loader that reads it ("csv" for TSV too), or NULL */
    enum yk_content_kind kind;
    const char *title; /* English, for messages: "PDF document" */
};

/* The descriptor for a format name, or NULL. */
const struct yk_format *yk_format_find(const char *name);

/* The format an extension names (ext[0..len): "csv", "XLS", "json" ..., without the dot), or
 * NULL. */
const struct yk_format *yk_format_from_extension(const char *ext, size_t len);

/* The extension of a path or member name ("csv" for "a/b.CSV"), pointing into it, or NULL.
 * With strip_gz, a final ".gz" is looked through ("csv" for "x.csv.gz"). */
const char *yk_format_extension(const char *path, bool strip_gz, size_t *len);

/* A format recognisable by its first bytes (PDF, images, gzip, zip, ODF, OLE2 ...), or NULL for
 * anything else, which is then text or unknown. head is the start of the input. */
const struct yk_format *yk_format_sniff_magic(const unsigned char *head, size_t n);

/* The format of a text sample in UTF-8 (a BOM may lead): JSON, XML, HTML, TSV or CSV; "binary"
 * when it does not look like text. */
const struct yk_format *yk_format_sniff_text(const unsigned char *text, size_t n);

/* A zip container by its member names: "xlsx", "docx", "pptx", "ods", "odt" ..., or "zip". */
const struct yk_format *yk_format_sniff_zip(const char *const *names, size_t n,
                                            const unsigned char *head, size_t head_len);

/* Does content in format `content` fit a file named as format `named`? (TSV and plain text
 * fit ".csv"; KML fits ".xml"; a legacy Office file fits ".xls" and ".doc" ...) */
bool yk_format_fits(const struct yk_format *named, const struct yk_format *content);

/* The encoding an XML declaration names (`<?xml ... encoding="windows-1251"?>`), copied into
 * out; false when the sample has no declaration or it names none. */
bool yk_format_xml_encoding(const unsigned char *text, size_t n, char *out, size_t cap);

#endif
