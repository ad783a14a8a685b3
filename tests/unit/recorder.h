/* yakist unit tests — a sink that records what a loader pushes (header, rows, events) so tests
 * can compare row numbers, lines, offsets, flags and cell text with what they expect. */
#ifndef YK_TESTS_RECORDER_H
#define YK_TESTS_RECORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yakist/check.h>

#include "loader.h"

#define REC_TEXT 512

struct rec_row {
    bool header;
    uint64_t number, line, offset;
    unsigned flags;
    size_t ncells;
    char text[REC_TEXT]; /* cells joined by '|' (cut when longer) */
    char quoted[64];     /* 'q' or '-' per cell */
    size_t total_len;    /* sum of cell lengths */
};

struct rec_event {
    enum yk_event_kind kind;
    struct yk_loc loc;
    char detail[128];
};

struct recorder {
    struct rec_row *rows;
    size_t nrows, cap;
    struct rec_event *events;
    size_t nevents, evcap;
    int fail_after; /* make the sink fail on this callback number (0: never) */
    int calls;
    bool check_nul; /* every cell must be NUL-terminated at len (checked in the sink) */
    bool nul_ok;
};

/* A sink writing into rec. */
struct yk_sink recorder_sink(struct recorder *rec);

void recorder_free(struct recorder *rec);

/* Options as yk_check_options_init sets them, without a registry. */
void recorder_options(struct yk_check_options *opt);

/* Run the CSV loader over memory or over a file; info and err are filled. */
int recorder_load_memory(struct recorder *rec, const void *data, size_t len,
                         const struct yk_check_options *opt, struct yk_source_info *info,
                         struct yk_error *err);
int recorder_load_file(struct recorder *rec, const char *path, const struct yk_check_options *opt,
                       struct yk_source_info *info, struct yk_error *err);

/* Events of one kind. */
size_t recorder_count(const struct recorder *rec, enum yk_event_kind kind);
const struct rec_event *recorder_event(const struct recorder *rec, enum yk_event_kind kind,
                                       size_t nth);

#endif
