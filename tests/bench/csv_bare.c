/* yakist-csv-bare: the baseline of the benchmark. It parses a CSV file with libcsv alone
 * (256 KiB reads, callbacks that only count) and prints "rows R fields F bytes B", so the
 * benchmark can set yakist's speed against the fastest the same parser can go. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#define READ_SIZE (256u * 1024u)

struct counts {
    uint64_t rows;
    uint64_t fields;
};

static void on_field(void *data, size_t len, void *priv)
{
    (void)data;
    (void)len;
    ((struct counts *)priv)->fields++;
}

static void on_row(int term, void *priv)
{
    (void)term;
    ((struct counts *)priv)->rows++;
}

int main(int argc, char **argv)
{
    static char buf[READ_SIZE];
    struct csv_parser p;
    struct counts n = {0, 0};
    uint64_t bytes = 0;
    int rc = 1;

    if (argc != 2) {
        fputs("usage: yakist-csv-bare FILE\n", stderr);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "yakist-csv-bare: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if (csv_init(&p, 0) != 0)
        goto out_fd;
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "yakist-csv-bare: read: %s\n", strerror(errno));
            goto out_parser;
        }
        if (got == 0)
            break;
        bytes += (uint64_t)got;
        if (csv_parse(&p, buf, (size_t)got, on_field, on_row, &n) != (size_t)got) {
            fprintf(stderr, "yakist-csv-bare: %s\n", csv_strerror(csv_error(&p)));
            goto out_parser;
        }
    }
    csv_fini(&p, on_field, on_row, &n);
    printf("rows %" PRIu64 " fields %" PRIu64 " bytes %" PRIu64 "\n", n.rows, n.fields, bytes);
    rc = 0;
out_parser:
    csv_free(&p);
out_fd:
    close(fd);
    return rc;
}
