/* yakist tests — gzip streams and zip archives built in memory with zlib, so compression tests
 * need no tools and no binary fixtures. Header-only; aborts on allocation failure. */
#ifndef YK_TESTS_ZIPBUILD_H
#define YK_TESTS_ZIPBUILD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Deflate data (gzip wrapper when gzip, else raw); the result is malloc'ed. */
static unsigned char *zb_deflate(const void *data, size_t len, bool gzip, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 9, Z_DEFLATED, gzip ? 16 + MAX_WBITS : -MAX_WBITS, 9,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t cap = deflateBound(&z, (uLong)len) + 64;
    unsigned char *out = malloc(cap);
    if (!out)
        abort();
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

struct zb {
    unsigned char *buf, *cd;
    size_t len, cap, cdlen, cdcap;
    unsigned count;
};

static void zb_put(unsigned char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
    if (n == 0)
        return;
    if (*len + n > *cap) {
        *cap = (*len + n) * 2 + 64;
        if (!(*buf = realloc(*buf, *cap)))
            abort();
    }
    memcpy(*buf + *len, p, n);
    *len += n;
}

static void zb_le(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* Add a member: stored, or deflated when deflate; bad_crc writes a wrong CRC. */
static void zb_add(struct zb *z, const char *name, const void *data, size_t len, bool deflate,
                   bool bad_crc)
{
    size_t clen = len;
    unsigned char *packed = NULL;
    const unsigned char *body = data;
    if (deflate)
        body = packed = zb_deflate(data, len, false, &clen);
    uint32_t crc = (uint32_t)crc32(0, data, (uInt)len) ^ (bad_crc ? 1u : 0u);
    size_t nlen = strlen(name), off = z->len;
    unsigned char h[30] = {'P', 'K', 3, 4};
    zb_le(h + 4, 20, 2);
    zb_le(h + 8, deflate ? 8 : 0, 2);
    zb_le(h + 14, crc, 4);
    zb_le(h + 18, (uint32_t)clen, 4);
    zb_le(h + 22, (uint32_t)len, 4);
    zb_le(h + 26, (uint32_t)nlen, 2);
    zb_put(&z->buf, &z->len, &z->cap, h, sizeof h);
    zb_put(&z->buf, &z->len, &z->cap, name, nlen);
    zb_put(&z->buf, &z->len, &z->cap, body, clen);
    unsigned char c[46] = {'P', 'K', 1, 2};
    zb_le(c + 4, 20, 2);
    zb_le(c + 6, 20, 2);
    zb_le(c + 10, deflate ? 8 : 0, 2);
    zb_le(c + 16, crc, 4);
    zb_le(c + 20, (uint32_t)clen, 4);
    zb_le(c + 24, (uint32_t)len, 4);
    zb_le(c + 28, (uint32_t)nlen, 2);
    zb_le(c + 42, (uint32_t)off, 4);
    zb_put(&z->cd, &z->cdlen, &z->cdcap, c, sizeof c);
    zb_put(&z->cd, &z->cdlen, &z->cdcap, name, nlen);
    z->count++;
    free(packed);
}

/* The archive (malloc'ed; the builder is emptied). */
static unsigned char *zb_finish(struct zb *z, size_t *len)
{
    size_t cd_off = z->len;
    zb_put(&z->buf, &z->len, &z->cap, z->cd ? z->cd : (unsigned char *)"", z->cdlen);
    unsigned char e[22] = {'P', 'K', 5, 6};
    zb_le(e + 8, z->count, 2);
    zb_le(e + 10, z->count, 2);
    zb_le(e + 12, (uint32_t)z->cdlen, 4);
    zb_le(e + 16, (uint32_t)cd_off, 4);
    zb_put(&z->buf, &z->len, &z->cap, e, sizeof e);
    unsigned char *out = z->buf;
    *len = z->len;
    free(z->cd);
    memset(z, 0, sizeof *z);
    return out;
}

#endif
