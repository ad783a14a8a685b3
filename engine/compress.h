/* yakist — compressed inputs: gzip streams and zip archives (stored and deflated members),
 * decompressed with zlib while streaming, under a size cap and a compression-ratio cap so a
 * zip bomb stops early and becomes a finding instead of filling memory or disk. */
#ifndef YK_ENGINE_COMPRESS_H
#define YK_ENGINE_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "input.h"

/* The ratio cap is checked only once this much has come out, so small, very repetitive files
 * (a column of zeros) are not mistaken for bombs. */
#define YK_INFLATE_RATIO_FLOOR (1u << 20)

struct yk_inflate_limits {
    uint64_t max_bytes; /* decompressed bytes at most; 0: no cap */
    uint32_t max_ratio; /* decompressed / compressed at most; 0: no cap */
};

/* What a decompressor did; the caller owns it and it must outlive the input it is given to. */
struct yk_inflate_stats {
    uint64_t in;       /* compressed bytes consumed */
    uint64_t out;      /* decompressed bytes produced */
    const char *limit; /* "size" or "ratio" when a limit ended the stream early, else NULL */
};

/* Stack a gzip decompressor on in (concatenated gzip members are read as one stream).
 * Corrupt or truncated data later makes reads fail with YK_EIO. 0, or YK_ENOMEM. */
int yk_gunzip_push(struct yk_input *in, const struct yk_inflate_limits *limits,
                   struct yk_inflate_stats *stats, struct yk_error *err);

struct yk_zip_member {
    const char *name; /* UTF-8 (bytes that are not become '?'), in the arena */
    uint64_t offset;  /* of its local header */
    uint64_t csize;   /* compressed size */
    uint64_t usize;   /* size once decompressed, as the directory declares it */
    uint32_t crc;     /* CRC-32 of the decompressed bytes */
    uint16_t method;  /* 0 stored, 8 deflated; others are not supported */
    uint16_t flags;   /* bit 0: encrypted */
    bool directory;   /* a folder entry (name ends in '/') */
};

/* The members of a zip archive in directory order, read from its central directory (in must be
 * a file or memory input; the stream position does not move). Arrays and names live in arena.
 * YK_EPARSE when in is not a readable zip, YK_EUNSUPPORTED for zip64 and split archives,
 * YK_ELIMIT when the directory is implausibly large, YK_EIO, YK_ENOMEM. */
int yk_zip_list(struct yk_input *in, struct yk_arena *arena, struct yk_zip_member **members,
                size_t *n, struct yk_error *err);

/* Replace in (the whole archive, a file or memory input) by the decompressed bytes of one member.
 * The archive input moves under the new one and closes with it. A CRC mismatch at the end
 * makes the last read fail with YK_EIO. YK_EUNSUPPORTED for encrypted members and methods other
 * than stored and deflated, YK_EPARSE for a damaged local header, YK_ENOMEM. */
int yk_zip_open_member(struct yk_input *in, const struct yk_zip_member *member,
                       const struct yk_inflate_limits *limits, struct yk_inflate_stats *stats,
                       struct yk_error *err);

#endif
