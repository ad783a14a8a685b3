/* yakist unit tests — the recording sink: copies every header, row and event the loader
 * pushes into growable arrays the tests inspect afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recorder.h"

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 64;
    void *q = realloc(p, c * size);
    if (!q)
        abort();
    *cap = c;
    return q;
}

static int record_row(struct recorder *rec, const struct yk_row *row, bool header)
{
    if (rec->fail_after && ++rec->calls >= rec->fail_after)
        return YK_EINTERNAL;
    rec->rows = grow(rec->rows, &rec->cap, rec->nrows, sizeof *rec->rows);
    struct rec_row *r = &rec->rows[rec->nrows++];
    memset(r, 0, sizeof *r);
    r->header = header;
    r->number = row->number;
    r->line = row->line;
    r->offset = row->offset;
    r->flags = row->flags;
    r->ncells = row->ncells;
    size_t o = 0;
    for (size_t i = 0; i < row->ncells; i++) {
        const struct yk_cell *c = &row->cells[i];
        if (rec->check_nul && c->data[c->len] != '\0')
            rec->nul_ok = false;
        r->total_len += c->len;
        if (i < sizeof r->quoted - 1)
            r->quoted[i] = c->quoted ? 'q' : '-';
        if (i > 0 && o < REC_TEXT - 1)
            r->text[o++] = '|';
        size_t k = c->len < REC_TEXT - 1 - o ? c->len : REC_TEXT - 1 - o;
        memcpy(r->text + o, c->data, k);
        o += k;
    }
    r->text[o] = '\0';
    return 0;
}

static int on_header(void *ctx, const struct yk_row *row)
{
    return record_row(ctx, row, true);
}

static int on_row(void *ctx, const struct yk_row *row)
{
    return record_row(ctx, row, false);
}

static int on_event(void *ctx, const struct yk_event *ev)
{
    struct recorder *rec = ctx;
    rec->events = grow(rec->events, &rec->evcap, rec->nevents, sizeof *rec->events);
    struct rec_event *e = &rec->events[rec->nevents++];
    e->kind = ev->kind;
    e->loc = ev->loc;
    snprintf(e->detail, sizeof e->detail, "%s", ev->detail ? ev->detail : "");
    return 0;
}

struct yk_sink recorder_sink(struct recorder *rec)
{
    return (struct yk_sink){rec, on_header, on_row, on_event};
}

void recorder_free(struct recorder *rec)
{
    free(rec->rows);
    free(rec->events);
    memset(rec, 0, sizeof *rec);
}

void recorder_options(struct yk_check_options *opt)
{
    yk_check_options_init(opt, NULL);
}

static int load(struct recorder *rec, struct yk_input *in, const struct yk_check_options *opt,
                struct yk_source_info *info, struct yk_error *err)
{
    struct yk_arena *arena = yk_arena_create(0);
    if (!arena)
        abort();
    struct yk_sink sink = recorder_sink(rec);
    memset(info, 0, sizeof *info);
    info->path = in->name;
    rec->nul_ok = true;
    int rc = yk_loader_csv.load(in, opt, info, &sink, arena, err);
    yk_arena_destroy(arena);
    return rc;
}

int recorder_load_memory(struct recorder *rec, const void *data, size_t len,
                         const struct yk_check_options *opt, struct yk_source_info *info,
                         struct yk_error *err)
{
    struct yk_input in;
    yk_input_open_memory(&in, data, len, "memory.csv");
    int rc = load(rec, &in, opt, info, err);
    yk_input_close(&in);
    return rc;
}

int recorder_load_file(struct recorder *rec, const char *path, const struct yk_check_options *opt,
                       struct yk_source_info *info, struct yk_error *err)
{
    struct yk_input in;
    int rc = yk_input_open_file(&in, path, err);
    if (rc < 0)
        return rc;
    rc = load(rec, &in, opt, info, err);
    yk_input_close(&in);
    return rc;
}

size_t recorder_count(const struct recorder *rec, enum yk_event_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < rec->nevents; i++)
        n += rec->events[i].kind == kind;
    return n;
}

const struct rec_event *recorder_event(const struct recorder *rec, enum yk_event_kind kind,
                                       size_t nth)
{
    for (size_t i = 0; i < rec->nevents; i++)
        if (rec->events[i].kind == kind && nth-- == 0)
            return &rec->events[i];
    return NULL;
}
