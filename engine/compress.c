/* yakist — gzip and zip inputs decompressed with zlib while streaming. A zip archive is read
 * through its central directory (random access on the file); each member becomes a byte range
 * of the archive with a raw-deflate (or copying) decoder on top. Every decoder counts what goes
 * in and out and stops at the size and ratio caps, leaving the verdict to the caller. */
#define ZLIB_CONST
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "compress.h"

/* Central directories larger than this are refused: 64 Ki entries with long names fit. */
#define ZIP_MAX_DIRECTORY (64u << 20)
#define ZIP_EOCD_SIZE 22u
#define ZIP_CDH_SIZE 46u
#define ZIP_LFH_SIZE 30u

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | (unsigned)p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* --- the decompressor source ------------------------------------------------------------- */

enum mode { MODE_GZIP, MODE_RAW, MODE_STORED };

struct inflater {
    struct yk_input lower;
    z_stream z;
    bool z_ready;
    enum mode mode;
    bool between; /* gzip: one member ended; another may follow */
    bool ended;   /* zip member: all its bytes came out */
    bool done;    /* nothing more will come out */
    uint64_t fed; /* bytes handed to zlib so far */
    struct yk_inflate_limits limits;
    struct yk_inflate_stats *stats;
    const char *what;       /* "gzip data", "zip member" */
    uint32_t crc, crc_want; /* zip members: the directory's promise */
    uint64_t usize;
};

static void inflater_close(void *p)
{
    struct inflater *f = p;
    if (!f)
        return;
    if (f->z_ready)
        inflateEnd(&f->z);
    yk_input_close(&f->lower);
    free(f);
}

/* Hand zlib the next chunk of the compressed input; *ended when there is none. */
static int refill(struct inflater *f, bool *ended, struct yk_error *err)
{
    const unsigned char *p;
    size_t n;
    int rc = yk_input_read(&f->lower, &p, &n, err);
    if (rc < 0)
        return rc;
    *ended = n == 0;
    f->z.next_in = p;
    f->z.avail_in = (uInt)n;
    f->fed += n;
    return 0;
}

static int corrupt(struct inflater *f, struct yk_error *err, const char *why)
{
    return yk_error_set(err, YK_EIO, f->lower.name, 0, 0, "corrupt %s: %s", f->what, why);
}

/* A zip member ended: its size and CRC must be what the directory said. */
static int member_end(struct inflater *f, struct yk_error *err)
{
    f->done = true;
    if (f->mode == MODE_GZIP)
        return 0;
    if (f->stats->out != f->usize)
        return corrupt(f, err, "size differs from the archive directory");
    if (f->crc != f->crc_want)
        return corrupt(f, err, "CRC-32 mismatch");
    return 0;
}

/* Produce up to cap bytes into dst from what zlib holds; *n may stay 0 when input is needed. */
static int produce(struct inflater *f, unsigned char *dst, size_t cap, size_t *n,
                   struct yk_error *err)
{
    if (f->mode == MODE_STORED) {
        size_t k = f->z.avail_in < cap ? f->z.avail_in : cap;
        memcpy(dst, f->z.next_in, k);
        f->z.next_in += k;
        f->z.avail_in -= (uInt)k;
        *n = k;
        return 0;
    }
    if (f->between) {
        /* Another gzip member follows only when the next byte starts one; anything else is
         * trailing padding, which gzip itself ignores too. */
        if (f->z.next_in[0] != 0x1f) {
            f->done = true;
            return 0;
        }
        inflateReset(&f->z);
        f->between = false;
    }
    f->z.next_out = dst;
    f->z.avail_out = (uInt)cap;
    int zr = inflate(&f->z, Z_NO_FLUSH);
    *n = cap - f->z.avail_out;
    if (zr == Z_STREAM_END) {
        if (f->mode == MODE_GZIP)
            f->between = true;
        else
            f->ended = f->done = true; /* checked once the bytes are counted */
        return 0;
    }
    if (zr == Z_OK || zr == Z_BUF_ERROR)
        return 0;
    return corrupt(f, err, f->z.msg ? f->z.msg : "invalid deflate stream");
}

/* Count n fresh bytes against the caps; may shorten *n and end the stream. */
static void apply_limits(struct inflater *f, size_t *n)
{
    struct yk_inflate_stats *s = f->stats;
    s->in = f->fed - f->z.avail_in;
    if (f->limits.max_bytes && s->out + *n > f->limits.max_bytes) {
        *n = (size_t)(f->limits.max_bytes - s->out);
        s->limit = "size";
        f->done = true;
    }
    s->out += *n;
    if (f->limits.max_ratio && s->out > YK_INFLATE_RATIO_FLOOR &&
        s->out / (s->in ? s->in : 1) > f->limits.max_ratio) {
        s->limit = "ratio";
        f->done = true;
    }
}

static int inflater_read(void *p, unsigned char *dst, size_t cap, size_t *got, struct yk_error *err)
{
    struct inflater *f = p;
    size_t n = 0;
    int rc;
    *got = 0;
    if (cap > UINT_MAX)
        cap = UINT_MAX;
    /* One byte more than the size cap allows tells "exactly at the cap" from "beyond it". */
    if (f->limits.max_bytes && cap > f->limits.max_bytes - f->stats->out)
        cap = (size_t)(f->limits.max_bytes - f->stats->out) + 1;
    while (n == 0 && !f->done) {
        if (f->z.avail_in == 0) {
            bool ended;
            if ((rc = refill(f, &ended, err)) < 0)
                return rc;
            if (ended) {
                if (f->mode == MODE_GZIP && f->between)
                    f->done = true;
                else if (f->mode == MODE_STORED && f->stats->out == f->usize)
                    f->ended = f->done = true;
                else
                    return corrupt(f, err, "unexpected end of data");
                break;
            }
        }
        if ((rc = produce(f, dst, cap, &n, err)) < 0)
            return rc;
    }
    apply_limits(f, &n);
    *got = n;
    if (f->mode == MODE_GZIP)
        return 0;
    f->crc = (uint32_t)crc32(f->crc, dst, (uInt)n);
    if (f->mode == MODE_STORED && f->stats->out == f->usize)
        f->ended = true;
    if (f->ended && !f->stats->limit) {
        f->ended = false; /* check once */
        return member_end(f, err);
    }
    return 0;
}

static int push_inflater(struct yk_input *in, enum mode mode, const char *what,
                         const struct yk_inflate_limits *limits, struct yk_inflate_stats *stats,
                         struct inflater **out, struct yk_error *err)
{
    struct inflater *f = calloc(1, sizeof *f);
    if (!f)
        return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
    f->mode = mode;
    f->what = what;
    f->limits = *limits;
    f->stats = stats;
    *stats = (struct yk_inflate_stats){0};
    if (mode != MODE_STORED) {
        int wbits = mode == MODE_GZIP ? 16 + MAX_WBITS : -MAX_WBITS;
        if (inflateInit2(&f->z, wbits) != Z_OK) {
            free(f);
            return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "cannot start zlib");
        }
        f->z_ready = true;
    }
    const char *name = in->name;
    yk_input_move(&f->lower, in);
    struct yk_source src = {inflater_read, inflater_close, f};
    int rc = yk_input_open_source_take(in, &src, name, err);
    if (rc == 0)
        *out = f;
    return rc;
}

int yk_gunzip_push(struct yk_input *in, const struct yk_inflate_limits *limits,
                   struct yk_inflate_stats *stats, struct yk_error *err)
{
    struct inflater *f;
    return push_inflater(in, MODE_GZIP, "gzip data", limits, stats, &f, err);
}

/* --- zip archives ------------------------------------------------------------------------ */

/* Find the end-of-central-directory record in the archive's tail. */
static int find_eocd(struct yk_input *in, uint64_t size, unsigned char *eocd, struct yk_error *err)
{
    if (size < ZIP_EOCD_SIZE)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "not a zip archive: too short");
    size_t tail = size < ZIP_EOCD_SIZE + 0xffffu ? (size_t)size : ZIP_EOCD_SIZE + 0xffffu;
    unsigned char *buf = malloc(tail);
    if (!buf)
        return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
    size_t got;
    int rc = yk_input_pread(in, size - tail, buf, tail, &got, err);
    if (rc == 0 && got != tail)
        rc = yk_error_set(err, YK_EIO, in->name, 0, 0, "cannot read: file shrank");
    if (rc < 0)
        goto done;
    rc = yk_error_set(err, YK_EPARSE, in->name, 0, 0, "not a zip archive: no central directory");
    for (size_t i = tail - ZIP_EOCD_SIZE + 1; i-- > 0;) {
        if (memcmp(buf + i, "PK\5\6", 4) == 0 && i + ZIP_EOCD_SIZE + le16(buf + i + 20) <= tail) {
            memcpy(eocd, buf + i, ZIP_EOCD_SIZE);
            yk_error_clear(err);
            rc = 0;
            break;
        }
    }
done:
    free(buf);
    return rc;
}

/* A member name for messages: bytes that are not printable ASCII or UTF-8 become '?'. */
static char *member_name(struct yk_arena *arena, const unsigned char *p, size_t n)
{
    char *s = yk_arena_strndup(arena, (const char *)p, n);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : 4;
        bool ok = c >= 0x20 && c != 0x7f && (c < 0x80 || (c >= 0xc2 && c <= 0xf4));
        for (size_t k = 1; ok && k < len; k++)
            ok = i + k < n && ((unsigned char)s[i + k] & 0xc0) == 0x80;
        if (!ok) {
            s[i++] = '?';
            continue;
        }
        i += len;
    }
    return s;
}

/* Parse one central directory header at d[0..left); *used is its length. */
static int parse_entry(struct yk_input *in, const unsigned char *d, size_t left,
                       struct yk_arena *arena, struct yk_zip_member *m, size_t *used,
                       struct yk_error *err)
{
    if (left < ZIP_CDH_SIZE || memcmp(d, "PK\1\2", 4) != 0)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "damaged zip central directory");
    size_t nlen = le16(d + 28), total = ZIP_CDH_SIZE + nlen + le16(d + 30) + le16(d + 32);
    if (total > left)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "damaged zip central directory");
    m->flags = le16(d + 8);
    m->method = le16(d + 10);
    m->crc = le32(d + 16);
    m->csize = le32(d + 20);
    m->usize = le32(d + 24);
    m->offset = le32(d + 42);
    if (m->csize == UINT32_MAX || m->usize == UINT32_MAX || m->offset == UINT32_MAX)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "zip64 archives are not read");
    m->directory = nlen > 0 && d[ZIP_CDH_SIZE + nlen - 1] == '/';
    if (!(m->name = member_name(arena, d + ZIP_CDH_SIZE, nlen)))
        return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
    *used = total;
    return 0;
}

int yk_zip_list(struct yk_input *in, struct yk_arena *arena, struct yk_zip_member **members,
                size_t *n, struct yk_error *err)
{
    uint64_t size;
    unsigned char eocd[ZIP_EOCD_SIZE] = {0};
    int rc;
    if ((rc = yk_input_size(in, &size, err)) < 0 || (rc = find_eocd(in, size, eocd, err)) < 0)
        return rc;
    size_t count = le16(eocd + 10);
    uint32_t cd_size = le32(eocd + 12), cd_off = le32(eocd + 16);
    if (le16(eocd + 4) != 0 || le16(eocd + 6) != 0 || le16(eocd + 8) != count)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0,
                            "split zip archives are not read");
    if (count == 0xffff || cd_size == UINT32_MAX || cd_off == UINT32_MAX)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "zip64 archives are not read");
    if (cd_size > ZIP_MAX_DIRECTORY)
        return yk_error_set(err, YK_ELIMIT, in->name, 0, 0,
                            "zip directory of %" PRIu32 " bytes is over the limit", cd_size);
    if ((uint64_t)cd_off + cd_size > size)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "damaged zip central directory");
    unsigned char *cd = malloc(cd_size ? cd_size : 1);
    struct yk_zip_member *list = yk_arena_calloc(arena, count ? count : 1, sizeof *list);
    size_t got, pos = 0;
    if (!cd || !list) {
        rc = yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
        goto done;
    }
    if ((rc = yk_input_pread(in, cd_off, cd, cd_size, &got, err)) < 0)
        goto done;
    for (size_t i = 0; i < count; i++) {
        size_t used = 0;
        rc = parse_entry(in, cd + pos, got - pos, arena, &list[i], &used, err);
        if (rc < 0)
            goto done;
        pos += used;
    }
    *members = list;
    *n = count;
done:
    free(cd);
    return rc;
}

/* --- one member as a byte range of the archive ----------------------------------------- */

struct range {
    struct yk_input archive;
    uint64_t pos, end;
};

static int range_read(void *p, unsigned char *dst, size_t cap, size_t *got, struct yk_error *err)
{
    struct range *r = p;
    uint64_t left = r->end - r->pos;
    size_t want = left < cap ? (size_t)left : cap;
    *got = 0;
    if (want == 0)
        return 0;
    int rc = yk_input_pread(&r->archive, r->pos, dst, want, got, err);
    if (rc < 0)
        return rc;
    if (*got == 0)
        return yk_error_set(err, YK_EIO, r->archive.name, 0, 0, "truncated zip archive");
    r->pos += *got;
    return 0;
}

static void range_close(void *p)
{
    struct range *r = p;
    if (!r)
        return;
    yk_input_close(&r->archive);
    free(r);
}

int yk_zip_open_member(struct yk_input *in, const struct yk_zip_member *m,
                       const struct yk_inflate_limits *limits, struct yk_inflate_stats *stats,
                       struct yk_error *err)
{
    unsigned char h[ZIP_LFH_SIZE];
    size_t got;
    uint64_t size;
    int rc;
    if (m->flags & 1)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0, "zip member %s is encrypted",
                            m->name);
    if (m->method != 0 && m->method != 8)
        return yk_error_set(err, YK_EUNSUPPORTED, in->name, 0, 0,
                            "zip member %s uses compression method %u (only stored and deflated "
                            "are read)",
                            m->name, (unsigned)m->method);
    if ((rc = yk_input_size(in, &size, err)) < 0 ||
        (rc = yk_input_pread(in, m->offset, h, sizeof h, &got, err)) < 0)
        return rc;
    if (got < sizeof h || memcmp(h, "PK\3\4", 4) != 0)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "damaged zip local header of %s",
                            m->name);
    uint64_t data = m->offset + ZIP_LFH_SIZE + le16(h + 26) + le16(h + 28);
    if (data > size || m->csize > size - data)
        return yk_error_set(err, YK_EPARSE, in->name, 0, 0, "zip member %s runs past the end",
                            m->name);
    struct range *r = calloc(1, sizeof *r);
    if (!r)
        return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
    const char *name = in->name;
    yk_input_move(&r->archive, in);
    r->pos = data;
    r->end = data + m->csize;
    struct yk_source src = {range_read, range_close, r};
    if ((rc = yk_input_open_source_take(in, &src, name, err)) < 0)
        return rc;
    struct inflater *f = NULL;
    rc = push_inflater(in, m->method == 8 ? MODE_RAW : MODE_STORED, "zip member", limits, stats, &f,
                       err);
    if (rc < 0)
        return rc;
    f->crc_want = m->crc;
    f->usize = m->usize;
    return 0;
}
