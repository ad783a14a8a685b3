/* The benchmark's JavaScript peer: tableschema (the Frictionless JavaScript library), installed
 * from npm into a temporary folder with a tiny Node script that validates a CSV against a Table
 * Schema. Used by bench.c; it never fails the benchmark, it is skipped with a reason. */
#ifndef YK_BENCH_PEER_H
#define YK_BENCH_PEER_H

#include <stdbool.h>
#include <stddef.h>

struct bench_peer {
    char dir[4096];    /* the temporary folder holding node_modules and the script */
    char node[4096];   /* node, found on PATH */
    char script[4200]; /* validate.js: `node validate.js FILE SCHEMA` prints "rows N errors M" */
    char version[64];  /* the tableschema version installed */
    bool ready;
};

/* Finds node and npm on PATH, asks npm for tableschema's current version, installs it into a
 * new temporary folder under tmp_base and writes the script. Returns 0, or -1 with the reason
 * the peer is skipped in why; the folder, when made, is left for bench_peer_fini. */
int bench_peer_init(struct bench_peer *p, const char *tmp_base, char *why, size_t why_n);

/* Removes the temporary folder (unless keep); accepts a peer that never became ready. */
void bench_peer_fini(struct bench_peer *p, bool keep);

#endif
