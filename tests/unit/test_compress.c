/* yakist — unit tests of gzip and zip reading: round trips through the stacked input, several
 * gzip members, damaged and truncated data, the size and ratio caps (a decompression bomb
 * stops early), zip directories, stored and deflated members, CRC checks, and a zip read from
 * a real file through yk_check_file and yk_archive_tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <yakist/yakist.h>

#include "compress.h"
#include "input.h"
#include "zipbuild.h"

static const struct yk_inflate_limits no_limits = {0, 0};

/* A deterministic CSV of about n bytes (malloc'ed). */
static char *make_csv(size_t n, size_t *len)
{
    char *s = malloc(n + 128);
    size_t o = (size_t)sprintf(s, "id,назва,площа\n");
    for (unsigned i = 1; o < n; i++)
        o += (size_t)sprintf(s + o, "%u,Вулиця %u,%u.%u\n", i, i * 7919u % 1000u, i % 97u, i % 10u);
    *len = o;
    return s;
}

static unsigned char *drain(struct yk_input *in, size_t *len, int *rc, struct yk_error *err)
{
    size_t cap = 1u << 16, n = 0;
    unsigned char *out = malloc(cap);
    *rc = 0;
    for (;;) {
        const unsigned char *p;
        size_t k;
        if ((*rc = yk_input_read(in, &p, &k, err)) < 0 || k == 0)
            break;
        if (n + k > cap)
            out = realloc(out, cap = (n + k) * 2);
        memcpy(out + n, p, k);
        n += k;
    }
    *len = n;
    return out;
}

static void gzip_round_trip(void **state)
{
    (void)state;
    size_t len, glen, out_len;
    char *csv = make_csv(3 * YK_INPUT_CHUNK + 1234, &len);
    unsigned char *gz = zb_deflate(csv, len, true, &glen);
    struct yk_input in;
    struct yk_error err;
    struct yk_inflate_stats stats;
    yk_input_open_memory(&in, gz, glen, "streets.csv.gz");
    assert_int_equal(yk_gunzip_push(&in, &no_limits, &stats, &err), 0);
    /* Sniffers peek at the decompressed head before the loader reads. */
    const unsigned char *p;
    size_t n;
    assert_int_equal(yk_input_peek(&in, 64, &p, &n, &err), 0);
    assert_int_equal(n, 64);
    assert_memory_equal(p, "id,назва", strlen("id,назва"));
    int rc;
    unsigned char *out = drain(&in, &out_len, &rc, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, csv, len);
    assert_int_equal(stats.out, len);
    assert_int_equal(stats.in, glen);
    assert_null(stats.limit);
    yk_input_close(&in);
    free(out);
    free(gz);
    free(csv);
}

/* `cat a.gz b.gz` is one gzip stream to gzip itself; trailing zero padding is ignored. */
static void gzip_members_and_padding(void **state)
{
    (void)state;
    size_t l1, l2, out_len;
    unsigned char *a = zb_deflate("id,x\n1,a\n", 9, true, &l1);
    unsigned char *b = zb_deflate("2,b\n", 4, true, &l2);
    unsigned char *both = malloc(l1 + l2 + 8);
    memcpy(both, a, l1);
    memcpy(both + l1, b, l2);
    memset(both + l1 + l2, 0, 8);
    struct yk_input in;
    struct yk_error err;
    struct yk_inflate_stats stats;
    yk_input_open_memory(&in, both, l1 + l2 + 8, "two.gz");
    assert_int_equal(yk_gunzip_push(&in, &no_limits, &stats, &err), 0);
    int rc;
    unsigned char *out = drain(&in, &out_len, &rc, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(out_len, 13);
    assert_memory_equal(out, "id,x\n1,a\n2,b\n", 13);
    yk_input_close(&in);
    free(out);
    free(both);
    free(a);
    free(b);
}

static void gzip_damage(void **state)
{
    (void)state;
    size_t len, glen, out_len;
    char *csv = make_csv(100000, &len);
    unsigned char *gz = zb_deflate(csv, len, true, &glen);
    struct yk_input in;
    struct yk_error err;
    struct yk_inflate_stats stats;
    int rc;
    /* Cut in the middle. */
    yk_input_open_memory(&in, gz, glen / 2, "cut.gz");
    assert_int_equal(yk_gunzip_push(&in, &no_limits, &stats, &err), 0);
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(rc, YK_EIO);
    assert_non_null(strstr(err.message, "gzip"));
    yk_input_close(&in);
    /* A flipped byte in the trailer's CRC. */
    gz[glen - 6] ^= 0xFF;
    yk_input_open_memory(&in, gz, glen, "crc.gz");
    assert_int_equal(yk_gunzip_push(&in, &no_limits, &stats, &err), 0);
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(rc, YK_EIO);
    yk_input_close(&in);
    free(gz);
    free(csv);
}

/* 64 MiB of one repeated row packs about 1000:1: the ratio cap stops it after the first MiB,
 * and memory never holds more than a chunk. */
static void ratio_cap_stops_a_bomb(void **state)
{
    (void)state;
    size_t len = 64u << 20, glen, out_len;
    char *rows = malloc(len);
    for (size_t i = 0; i < len; i += 4)
        memcpy(rows + i, "1,2\n", 4);
    unsigned char *gz = zb_deflate(rows, len, true, &glen);
    free(rows);
    struct yk_input in;
    struct yk_error err;
    struct yk_inflate_stats stats;
    struct yk_inflate_limits lim = {0, 100};
    yk_input_open_memory(&in, gz, glen, "bomb.gz");
    assert_int_equal(yk_gunzip_push(&in, &lim, &stats, &err), 0);
    int rc;
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(rc, 0);
    assert_string_equal(stats.limit, "ratio");
    assert_true(out_len > YK_INFLATE_RATIO_FLOOR);
    assert_true(out_len < 4u * YK_INFLATE_RATIO_FLOOR);
    yk_input_close(&in);
    free(gz);
}

static void size_cap(void **state)
{
    (void)state;
    size_t len, glen, out_len;
    char *csv = make_csv(50000, &len);
    unsigned char *gz = zb_deflate(csv, len, true, &glen);
    struct yk_input in;
    struct yk_error err;
    struct yk_inflate_stats stats;
    int rc;
    struct yk_inflate_limits lim = {1000, 0};
    yk_input_open_memory(&in, gz, glen, "big.gz");
    assert_int_equal(yk_gunzip_push(&in, &lim, &stats, &err), 0);
    unsigned char *out = drain(&in, &out_len, &rc, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(out_len, 1000);
    assert_memory_equal(out, csv, 1000);
    assert_string_equal(stats.limit, "size");
    yk_input_close(&in);
    free(out);
    /* Exactly at the cap is not over it. */
    lim.max_bytes = len;
    yk_input_open_memory(&in, gz, glen, "exact.gz");
    assert_int_equal(yk_gunzip_push(&in, &lim, &stats, &err), 0);
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(out_len, len);
    assert_null(stats.limit);
    yk_input_close(&in);
    free(gz);
    free(csv);
}

static void zip_directory_and_members(void **state)
{
    (void)state;
    size_t len, zlen, out_len;
    char *csv = make_csv(2 * YK_INPUT_CHUNK, &len);
    struct zb z = {0};
    zb_add(&z, "data/", "", 0, false, false);
    zb_add(&z, "data/streets.csv", csv, len, true, false);
    zb_add(&z, "readme.txt", "Чортківська міська рада\n", strlen("Чортківська міська рада\n"),
           false, false);
    unsigned char *zip = zb_finish(&z, &zlen);
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_input in;
    struct yk_error err;
    struct yk_zip_member *m;
    size_t n;
    yk_input_open_memory(&in, zip, zlen, "a.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), 0);
    assert_int_equal(n, 3);
    assert_true(m[0].directory);
    assert_string_equal(m[1].name, "data/streets.csv");
    assert_int_equal(m[1].method, 8);
    assert_int_equal(m[1].usize, len);
    assert_string_equal(m[2].name, "readme.txt");
    assert_int_equal(m[2].method, 0);

    struct yk_inflate_stats stats;
    assert_int_equal(yk_zip_open_member(&in, &m[1], &no_limits, &stats, &err), 0);
    int rc;
    unsigned char *out = drain(&in, &out_len, &rc, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, csv, len);
    yk_input_close(&in);
    free(out);

    yk_input_open_memory(&in, zip, zlen, "a.zip");
    assert_int_equal(yk_zip_open_member(&in, &m[2], &no_limits, &stats, &err), 0);
    out = drain(&in, &out_len, &rc, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(out_len, strlen("Чортківська міська рада\n"));
    yk_input_close(&in);
    free(out);
    yk_arena_destroy(arena);
    free(zip);
    free(csv);
}

static void zip_damage(void **state)
{
    (void)state;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_input in;
    struct yk_error err;
    struct yk_zip_member *m;
    struct yk_inflate_stats stats;
    size_t n, zlen, out_len;
    int rc;
    /* Not a zip at all, and an empty archive. */
    yk_input_open_memory(&in, "id,name\n1,x\n", 12, "x.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), YK_EPARSE);
    struct zb z = {0};
    unsigned char *empty = zb_finish(&z, &zlen);
    yk_input_open_memory(&in, empty, zlen, "empty.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), 0);
    assert_int_equal(n, 0);
    free(empty);
    /* A member whose CRC does not match its bytes. */
    zb_add(&z, "a.csv", "id\n1\n", 5, true, true);
    unsigned char *zip = zb_finish(&z, &zlen);
    yk_input_open_memory(&in, zip, zlen, "crc.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), 0);
    assert_int_equal(yk_zip_open_member(&in, &m[0], &no_limits, &stats, &err), 0);
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(rc, YK_EIO);
    assert_non_null(strstr(err.message, "CRC"));
    yk_input_close(&in);
    /* Encrypted, and an unknown method. */
    struct yk_zip_member bad = m[0];
    bad.flags = 1;
    yk_input_open_memory(&in, zip, zlen, "crc.zip");
    assert_int_equal(yk_zip_open_member(&in, &bad, &no_limits, &stats, &err), YK_EUNSUPPORTED);
    bad.flags = 0;
    bad.method = 12;
    assert_int_equal(yk_zip_open_member(&in, &bad, &no_limits, &stats, &err), YK_EUNSUPPORTED);
    /* A local header offset pointing into the middle of the data. */
    bad.method = 8;
    bad.offset = 5;
    assert_int_equal(yk_zip_open_member(&in, &bad, &no_limits, &stats, &err), YK_EPARSE);
    yk_input_close(&in);
    /* A cut archive: the directory is gone. */
    yk_input_open_memory(&in, zip, zlen - 10, "cut.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), YK_EPARSE);
    free(zip);
    yk_arena_destroy(arena);
}

/* A zip bomb member: the same ratio cap applies to deflated members. */
static void zip_member_ratio_cap(void **state)
{
    (void)state;
    size_t len = 16u << 20, zlen, out_len;
    char *rows = malloc(len);
    for (size_t i = 0; i < len; i += 4)
        memcpy(rows + i, "0,0\n", 4);
    struct zb z = {0};
    zb_add(&z, "bomb.csv", rows, len, true, false);
    free(rows);
    unsigned char *zip = zb_finish(&z, &zlen);
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_input in;
    struct yk_error err;
    struct yk_zip_member *m;
    struct yk_inflate_stats stats;
    struct yk_inflate_limits lim = {0, 50};
    size_t n;
    int rc;
    yk_input_open_memory(&in, zip, zlen, "bomb.zip");
    assert_int_equal(yk_zip_list(&in, arena, &m, &n, &err), 0);
    assert_int_equal(yk_zip_open_member(&in, &m[0], &lim, &stats, &err), 0);
    free(drain(&in, &out_len, &rc, &err));
    assert_int_equal(rc, 0);
    assert_string_equal(stats.limit, "ratio");
    assert_true(out_len < 4u * YK_INFLATE_RATIO_FLOOR);
    yk_input_close(&in);
    yk_arena_destroy(arena);
    free(zip);
}

/* Through the public API on a real file: the runner picks the first table member and lists
 * the tables for a caller that wants each. */
static void zip_file_through_the_runner(void **state)
{
    (void)state;
    struct zb z = {0};
    static const char streets[] = "id,назва\n1,Шевченка\n2,Зелена\n";
    zb_add(&z, "streets.csv", streets, strlen(streets), true, false);
    zb_add(&z, "readme.pdf", "%PDF-1.4\n", 9, false, false);
    zb_add(&z, "parks.csv", "id,назва\n1,Парк Героїв\n", strlen("id,назва\n1,Парк Героїв\n"), false,
           false);
    size_t zlen;
    unsigned char *zip = zb_finish(&z, &zlen);
    char path[] = "/tmp/yakist-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, zip, zlen), (ssize_t)zlen);
    close(fd);
    free(zip);

    struct yk_registry *reg;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    struct yk_arena *arena = yk_arena_create(0);
    const char *const *names;
    size_t n;
    assert_int_equal(yk_archive_tables(path, arena, &names, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "streets.csv");
    assert_string_equal(names[1], "parks.csv");

    struct yk_check_options opt;
    yk_check_options_init(&opt, reg);
    opt.timing = false;
    struct yk_file_result *res;
    assert_int_equal(yk_check_file(path, &opt, arena, &res, &err), 0);
    assert_true(res->readable);
    assert_int_equal(res->rows, 2);
    assert_string_equal(res->info.input.container, "zip");
    assert_string_equal(res->info.input.member, "streets.csv");
    assert_int_equal(res->info.input.members, 3);
    assert_int_equal(res->info.input.tables, 2);
    assert_string_equal(res->info.input.unchecked, "readme.pdf, parks.csv");

    opt.member = "parks.csv";
    assert_int_equal(yk_check_file(path, &opt, arena, &res, &err), 0);
    assert_int_equal(res->rows, 1);
    assert_string_equal(res->info.input.member, "parks.csv");
    assert_null(res->info.input.unchecked); /* the first table's result lists the rest */
    opt.member = "nothing.csv";
    assert_int_equal(yk_check_file(path, &opt, arena, &res, &err), YK_EIO);
    assert_false(res->readable);

    /* A plain file has no table members. */
    assert_int_equal(yk_archive_tables("/dev/null", arena, &names, &n, &err), 0);
    assert_int_equal(n, 0);

    /* A file that does not exist is told apart from one that cannot be read. */
    assert_int_equal(yk_archive_tables("/nonexistent/yakist.zip", arena, &names, &n, &err),
                     YK_ENOTFOUND);
    assert_int_equal(yk_check_file("/nonexistent/yakist.csv", &opt, arena, &res, &err),
                     YK_ENOTFOUND);
    assert_false(res->readable);
    assert_int_equal(res->error.code, YK_ENOTFOUND);
    assert_int_equal(yk_check_file("/", &opt, arena, &res, &err), YK_EIO);
    assert_int_equal(res->error.code, YK_EIO);
    unlink(path);
    yk_arena_destroy(arena);
    yk_registry_destroy(reg);
}

/* An office container is one file, not an archive of its XML parts: a caller walking the
 * tables of an archive gets none, and the check reads it whole as a spreadsheet. */
static void office_container_is_not_an_archive(void **state)
{
    (void)state;
    static const char part[] = "<?xml version=\"1.0\"?><x/>";
    struct zb z = {0};
    zb_add(&z, "[Content_Types].xml", part, strlen(part), false, false);
    zb_add(&z, "_rels/.rels", part, strlen(part), false, false);
    zb_add(&z, "xl/workbook.xml", part, strlen(part), false, false);
    zb_add(&z, "xl/worksheets/sheet1.xml", part, strlen(part), false, false);
    size_t zlen;
    unsigned char *zip = zb_finish(&z, &zlen);
    char path[] = "/tmp/yakist-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, zip, zlen), (ssize_t)zlen);
    close(fd);
    free(zip);

    struct yk_registry *reg;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    struct yk_arena *arena = yk_arena_create(0);
    const char *const *names;
    size_t n = 99;
    assert_int_equal(yk_archive_tables(path, arena, &names, &n, &err), 0);
    assert_int_equal(n, 0);

    struct yk_check_options opt;
    yk_check_options_init(&opt, reg);
    opt.timing = false;
    struct yk_file_result *res;
    assert_int_equal(yk_check_file(path, &opt, arena, &res, &err), 0);
    assert_string_equal(res->info.input.content_format, "xlsx");
    assert_null(res->info.input.member);
    unlink(path);
    yk_arena_destroy(arena);
    yk_registry_destroy(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gzip_round_trip),
        cmocka_unit_test(gzip_members_and_padding),
        cmocka_unit_test(gzip_damage),
        cmocka_unit_test(ratio_cap_stops_a_bomb),
        cmocka_unit_test(size_cap),
        cmocka_unit_test(zip_directory_and_members),
        cmocka_unit_test(zip_damage),
        cmocka_unit_test(zip_member_ratio_cap),
        cmocka_unit_test(zip_file_through_the_runner),
        cmocka_unit_test(office_container_is_not_an_archive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
