/* yakist — the input stack: before a loader sees a file, look through gzip and zip, sniff the
 * real format, detect the text encoding and stack the decoders (file -> gunzip | zip member ->
 * iconv -> loader), recording every decision in the source facts for the `format` rules. */
#ifndef YK_ENGINE_STACK_H
#define YK_ENGINE_STACK_H

#include <yakist/arena.h>
#include <yakist/check.h>
#include <yakist/error.h>
#include <yakist/table.h>

#include "compress.h"
#include "encoding.h"
#include "input.h"

/* Caller storage; the decoders stacked on the input write into it while the input is read, so
 * it must outlive every read of that input. */
struct yk_stack {
    struct yk_inflate_stats gzip, zip;
    struct yk_decode_stats decode;
    bool gzip_used, zip_used, decode_used;
    struct yk_encoding_guess encoding;
    const char *loader; /* the loader's format name, NULL: do not load */
};

/* Prepare in for loading and fill info->format, encoding, encoding_confidence and input.
 * Returns 0; YK_EIO when the file (or its archive) cannot be read, err saying why; YK_EINVAL
 * for an encoding option iconv does not know; YK_ENOMEM. */
int yk_stack_open(struct yk_stack *st, struct yk_input *in, const char *path,
                  const struct yk_check_options *opt, struct yk_source_info *info,
                  struct yk_arena *arena, struct yk_error *err);

/* After loading: put back what the loader may have overwritten (the encoding) and add what
 * the decoders counted (compressed bytes, caps hit, undecodable bytes). */
void yk_stack_finish(const struct yk_stack *st, struct yk_source_info *info);

#endif
