/* yakist — the loader interface: a loader turns an input into the row stream, pushing the
 * header, rows and events into a sink (the runner) and filling the source facts. */
#ifndef YK_ENGINE_LOADER_H
#define YK_ENGINE_LOADER_H

#include <yakist/arena.h>
#include <yakist/check.h>
#include <yakist/error.h>
#include <yakist/table.h>

#include "input.h"

struct yk_sink {
    void *ctx;
    /* Each returns 0 or a negative enum yk_err, which stops the loader and is passed up. */
    int (*on_header)(void *ctx, const struct yk_row *header);
    int (*on_row)(void *ctx, const struct yk_row *row); /* data rows and preamble rows */
    int (*on_event)(void *ctx, const struct yk_event *event);
};

struct yk_loader {
    const char *format; /* "csv" ... */
    /* Read all of in. info arrives with path set and the rest zeroed; the loader fills it,
     * keeping it current while it reads (rules may look at it at any time).
     * Returns 0 when the input was read to the end (syntax problems are events, not errors). */
    int (*load)(struct yk_input *in, const struct yk_check_options *opt,
                struct yk_source_info *info, const struct yk_sink *sink, struct yk_arena *arena,
                struct yk_error *err);
};

extern const struct yk_loader yk_loader_csv;
extern const struct yk_loader yk_loader_json;
extern const struct yk_loader yk_loader_xml;

/* The loader for a format name ("csv", "json", "xml"), or NULL. */
const struct yk_loader *yk_loader_find(const char *format);

#endif
