/* yakist — stable fingerprints of findings, for CI systems that track an alert from one run
 * to the next (SARIF partialFingerprints): SHA-256 (FIPS 180-4) over what identifies a finding
 * whatever rows were added around it, and a per-run count that tells equal findings apart. */
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* --- SHA-256 ------------------------------------------------------------------------------- */

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + s1 + ch + k256[i] + w[i];
        uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
        uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        uint32_t t2 = s0 + maj;
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

void yk_rep_sha256(const void *data, size_t n, unsigned char digest[32])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const unsigned char *p = data;
    unsigned char tail[128] = {0};
    uint64_t bits = (uint64_t)n * 8;
    size_t full = n / 64 * 64, rest = n - full, tlen;

    for (size_t i = 0; i < full; i += 64)
        sha256_block(h, p + i);
    memcpy(tail, p + full, rest);
    tail[rest] = 0x80;
    tlen = rest + 1 + 8 <= 64 ? 64 : 128;
    for (int i = 0; i < 8; i++)
        tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
    sha256_block(h, tail);
    if (tlen == 128)
        sha256_block(h, tail + 64);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (unsigned char)(h[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(h[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(h[i] >> 8);
        digest[4 * i + 3] = (unsigned char)h[i];
    }
}

/* --- fingerprints ---------------------------------------------------------------------------- */

/* A growing byte buffer on the stack, spilling to the heap for long messages. */
struct buf {
    unsigned char small[512];
    unsigned char *p;
    size_t n, cap;
    bool failed;
};

static void buf_add(struct buf *b, const void *data, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n > b->cap) {
        size_t cap = (b->n + n) * 2;
        unsigned char *p = b->p == b->small ? malloc(cap) : realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        if (b->p == b->small)
            memcpy(p, b->small, b->n);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

/* The parts, each ended by a NUL so no two different lists of parts give the same bytes. */
static void base_bytes(struct buf *b, const char *rule_id, const char *subject, uint32_t field,
                       const char *message)
{
    char num[16];
    b->p = b->small;
    b->n = 0;
    b->cap = sizeof b->small;
    b->failed = false;
    buf_add(b, "yakist/v1", 10);
    buf_add(b, rule_id ? rule_id : "", strlen(rule_id ? rule_id : "") + 1);
    buf_add(b, subject ? subject : "", strlen(subject ? subject : "") + 1);
    snprintf(num, sizeof num, "%u", (unsigned)field);
    buf_add(b, num, strlen(num) + 1);
    /* The template: numbers in a message (counts, days overdue, a value's digits) change from
     * run to run while the finding stays the same. */
    for (const char *m = message ? message : ""; *m;) {
        if (*m >= '0' && *m <= '9') {
            while (*m >= '0' && *m <= '9')
                m++;
            buf_add(b, "#", 1);
        } else {
            buf_add(b, m++, 1);
        }
    }
    buf_add(b, "", 1);
}

static void buf_free(struct buf *b)
{
    if (b->p != b->small)
        free(b->p);
}

void yk_rep_fingerprint(const char *rule_id, const char *subject, uint32_t field,
                        const char *message, unsigned occurrence, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char digest[32];
    char num[16];
    struct buf b;
    base_bytes(&b, rule_id, subject, field, message);
    snprintf(num, sizeof num, "%u", occurrence);
    buf_add(&b, num, strlen(num) + 1);
    if (b.failed) /* out of memory: hash what fits, the result stays deterministic */
        b.n = 0;
    yk_rep_sha256(b.p, b.n, digest);
    buf_free(&b);
    for (int i = 0; i < 16; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[32] = 0;
}

static uint64_t base_key(const char *rule_id, const char *subject, uint32_t field,
                         const char *message)
{
    unsigned char digest[32];
    uint64_t key = 0;
    struct buf b;
    base_bytes(&b, rule_id, subject, field, message);
    yk_rep_sha256(b.p, b.failed ? 0 : b.n, digest);
    buf_free(&b);
    for (int i = 0; i < 8; i++)
        key = key << 8 | digest[i];
    return key;
}

static int grow(struct yk_rep_occurrences *o)
{
    size_t cap = o->cap ? o->cap * 2 : 256;
    uint64_t *keys = calloc(cap, sizeof *keys);
    unsigned *counts = calloc(cap, sizeof *counts);
    if (!keys || !counts) {
        free(keys);
        free(counts);
        return -1;
    }
    for (size_t i = 0; i < o->cap; i++) {
        if (!o->counts[i])
            continue;
        size_t j = (size_t)o->keys[i] & (cap - 1);
        while (counts[j])
            j = (j + 1) & (cap - 1);
        keys[j] = o->keys[i];
        counts[j] = o->counts[i];
    }
    free(o->keys);
    free(o->counts);
    o->keys = keys;
    o->counts = counts;
    o->cap = cap;
    return 0;
}

unsigned yk_rep_occurrence(struct yk_rep_occurrences *o, const char *rule_id, const char *subject,
                           uint32_t field, const char *message)
{
    if ((o->n + 1) * 2 > o->cap && grow(o) < 0)
        return 0;
    uint64_t key = base_key(rule_id, subject, field, message);
    size_t j = (size_t)key & (o->cap - 1);
    while (o->counts[j] && o->keys[j] != key)
        j = (j + 1) & (o->cap - 1);
    if (!o->counts[j]) {
        o->keys[j] = key;
        o->n++;
    }
    return ++o->counts[j];
}

void yk_rep_occurrences_fini(struct yk_rep_occurrences *o)
{
    free(o->keys);
    free(o->counts);
    memset(o, 0, sizeof *o);
}
