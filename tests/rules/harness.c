/* yakist — the shared harness of the table-driven rule tests (see harness.h): the lookups,
 * the run and the checks every family's cases go through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

uint64_t harness_wanted(const struct want_count *counts, const char *rule)
{
    for (size_t i = 0; i < HARNESS_MAX_COUNTS && counts[i].rule; i++)
        if (strcmp(counts[i].rule, rule) == 0)
            return counts[i].n;
    return 0;
}

uint64_t harness_count(const struct yk_file_result *res, const char *rule)
{
    for (size_t i = 0; i < res->ncounts; i++)
        if (strcmp(res->counts[i].rule->id, rule) == 0)
            return res->counts[i].count;
    return 0;
}

size_t harness_kept(const struct yk_file_result *res, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < res->nfindings; i++)
        n += strcmp(res->findings[i].rule->id, rule) == 0;
    return n;
}

const struct yk_finding *harness_nth(const struct yk_file_result *res, const char *rule, size_t k)
{
    for (size_t i = 0; i < res->nfindings; i++)
        if (strcmp(res->findings[i].rule->id, rule) == 0 && k-- == 0)
            return &res->findings[i];
    return NULL;
}

void harness_options(struct yk_check_options *opt, struct yk_registry *registry)
{
    yk_check_options_init(opt, registry);
    opt->timing = false;
}

struct yk_file_result *harness_run(const char *name, const void *data, size_t len,
                                   const struct yk_check_options *opt, struct yk_arena *arena)
{
    struct yk_file_result *res = NULL;
    struct yk_error err;
    yk_error_clear(&err);
    int rc = yk_check_memory(data, len, name, opt, arena, &res, &err);
    if (rc != 0)
        print_error("%s: yk_check_memory: %d %s\n", name, rc, err.message);
    assert_int_equal(rc, 0);
    assert_non_null(res);
    return res;
}

static bool has_prefix(const char *id, const char *prefix)
{
    return !prefix || strncmp(id, prefix, strlen(prefix)) == 0;
}

void harness_dump(const struct harness *h, const struct yk_file_result *res)
{
    for (size_t i = 0; i < res->nfindings && i < 40; i++) {
        const struct yk_finding *f = &res->findings[i];
        if (h && !has_prefix(f->rule->id, h->prefix))
            continue;
        print_message("    %s row %llu field %u line %llu: %s\n", f->rule->id,
                      (unsigned long long)f->loc.row, (unsigned)f->loc.field,
                      (unsigned long long)f->loc.line, f->message_en);
    }
}

static int count_differs(const char *name, const char *rule, uint64_t want, uint64_t got)
{
    if (want == got)
        return 0;
    print_error("%s: %s: expected %llu findings, got %llu\n", name, rule, (unsigned long long)want,
                (unsigned long long)got);
    return 1;
}

int harness_check_counts(const struct harness *h, const char *name, const struct want_count *counts,
                         const struct yk_file_result *res)
{
    int bad = 0;
    size_t plen = strlen(h->family->name);
    for (size_t i = 0; i < HARNESS_MAX_COUNTS && counts[i].rule; i++) {
        const char *id = counts[i].rule;
        if (!yk_registry_find(h->registry, id)) {
            print_error("%s: no rule %s\n", name, id);
            bad++;
        } else if (h->other_counts &&
                   !(strncmp(id, h->family->name, plen) == 0 && id[plen] == '.')) {
            bad += count_differs(name, id, counts[i].n, harness_count(res, id));
        }
    }
    for (size_t i = 0; i < h->family->nrules; i++) {
        const char *id = h->family->rules[i]->id;
        bad += count_differs(name, id, harness_wanted(counts, id), harness_count(res, id));
    }
    return bad;
}

static int check_loc(const char *name, const struct want_loc *w, const struct yk_finding *f)
{
    if (!f) {
        print_error("%s: %s: expected a finding at row %llu field %u line %llu, none kept\n", name,
                    w->rule, (unsigned long long)w->row, (unsigned)w->field,
                    (unsigned long long)w->line);
        return 1;
    }
    int bad = f->loc.row != w->row || f->loc.field != w->field || f->loc.line != w->line ||
              (w->en && !strstr(f->message_en, w->en));
    if (bad)
        print_error("%s: %s: expected row %llu field %u line %llu \"%s\", got row %llu field %u "
                    "line %llu \"%s\"\n",
                    name, w->rule, (unsigned long long)w->row, (unsigned)w->field,
                    (unsigned long long)w->line, w->en ? w->en : "", (unsigned long long)f->loc.row,
                    (unsigned)f->loc.field, (unsigned long long)f->loc.line, f->message_en);
    return bad;
}

int harness_check_locs(const char *name, const struct want_loc *locs,
                       const struct yk_file_result *res)
{
    int bad = 0;
    for (size_t i = 0; i < HARNESS_MAX_LOCS && locs[i].rule; i++) {
        size_t k = 0, listed = 0;
        for (size_t j = 0; j < HARNESS_MAX_LOCS && locs[j].rule; j++) {
            if (strcmp(locs[j].rule, locs[i].rule) != 0)
                continue;
            k += j < i;
            listed++;
        }
        bad += check_loc(name, &locs[i], harness_nth(res, locs[i].rule, k));
        if (k == 0 && listed != harness_kept(res, locs[i].rule)) {
            print_error("%s: %s: %zu findings listed, %zu kept\n", name, locs[i].rule, listed,
                        harness_kept(res, locs[i].rule));
            bad++;
        }
    }
    return bad;
}

static bool has_finding(const struct yk_file_result *res, const struct want_loc *w)
{
    for (size_t i = 0; i < res->nfindings; i++) {
        const struct yk_finding *f = &res->findings[i];
        if (strcmp(f->rule->id, w->rule) == 0 && f->loc.row == w->row && f->loc.field == w->field &&
            f->loc.line == w->line && (!w->en || strstr(f->message_en, w->en)))
            return true;
    }
    return false;
}

int harness_find_locs(const char *name, const struct want_loc *locs,
                      const struct yk_file_result *res)
{
    int bad = 0;
    for (size_t i = 0; i < HARNESS_MAX_LOCS && locs[i].rule; i++) {
        if (has_finding(res, &locs[i]))
            continue;
        print_error("%s: no %s finding at row %llu field %u line %llu with \"%s\"\n", name,
                    locs[i].rule, (unsigned long long)locs[i].row, (unsigned)locs[i].field,
                    (unsigned long long)locs[i].line, locs[i].en ? locs[i].en : "");
        bad++;
    }
    return bad;
}

int harness_check_messages(const struct harness *h, const char *name, const char *forbid,
                           const struct yk_file_result *res)
{
    int bad = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        const struct yk_finding *f = &res->findings[i];
        if (!has_prefix(f->rule->id, h->prefix))
            continue;
        size_t uk = strlen(f->message_uk), en = strlen(f->message_en);
        if (uk == 0 || en == 0 || uk > h->max_message || en > h->max_message ||
            strcmp(f->message_uk, f->message_en) == 0) {
            print_error("%s: %s: bad message pair (%zu, %zu bytes): %s\n", name, f->rule->id, uk,
                        en, f->message_en);
            bad++;
        }
        if (forbid && (strstr(f->message_uk, forbid) || strstr(f->message_en, forbid))) {
            print_error("%s: %s: a message quotes \"%s\"\n", name, f->rule->id, forbid);
            bad++;
        }
    }
    return bad;
}

char *harness_repeat(const char *head, const char *word, size_t bytes, const char *tail,
                     size_t *len)
{
    size_t hl = strlen(head), wl = strlen(word), tl = strlen(tail);
    char *s = malloc(hl + bytes + tl + 1), *p = s;
    if (!s)
        return NULL;
    memcpy(p, head, hl);
    p += hl;
    for (size_t i = 0; i + wl <= bytes; i += wl, p += wl)
        memcpy(p, word, wl);
    memcpy(p, tail, tl + 1);
    *len = (size_t)(p - s) + tl;
    return s;
}
