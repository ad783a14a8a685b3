/* yakist — matching datasets to the items of the Перелік by their titles. Every title (the
 * items' official wording and aliases, a dataset's title) becomes a set of word stems: case
 * folded, apostrophes dropped, quotes, numbering and punctuation split off, stop words and the
 * holder's own name removed, common Ukrainian endings cut. Two sets are compared with a
 * weighted Dice coefficient in which rare words weigh more; docs/audit.md has the details. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "match_text.h"

#define MATCHES_MAX 16u     /* vocabulary stems one word of a title may stand for */
#define SOFT_PREFIX 4u      /* stems sharing this many leading letters may be one word */
#define UNKNOWN_WEIGHT 500u /* a word the Перелік never uses */
#define NAME_PHRASES_MAX 4096u

struct stem {
    const uint32_t *cp;
    unsigned len;
    unsigned df;          /* items whose wording uses it */
    unsigned weight;      /* 200 + 800 / df */
    size_t last_item;     /* while counting df: 1 + the last item seen */
    const uint32_t *post; /* variants using it */
    size_t npost;
    uint32_t next_prefix; /* 1 + the next stem with the same four leading letters, or 0 */
};

/* One wording of an item: its official title or an alias. */
struct variant {
    size_t item;
    const uint32_t *ids; /* distinct stems */
    size_t n;
    uint64_t weight; /* the sum of their weights */
};

struct phrase {
    const struct yk_match_token *t;
    size_t n;
};

struct yk_matcher {
    const struct yk_perelik *perelik;
    const struct yk_council *council;
    struct stem *stems;
    size_t nstems;
    uint32_t *slots;        /* exact lookup: 1 + stem id, 0 empty */
    uint32_t *prefix_slots; /* first stem of each four-letter prefix chain */
    size_t nslots;          /* a power of two, shared by both tables */
    struct variant *variants;
    size_t nvariants;
    struct phrase *names; /* the holder's names, as stems */
    size_t nnames;
    struct phrase generic[16]; /* «міська рада», «ТГ» ... */
    size_t ngeneric;
    /* Scratch for one title at a time. */
    unsigned gen, vround;
    unsigned *mark_d, *mark_v; /* per stem */
    unsigned *mark_c;          /* per variant: candidate in this round */
    uint32_t *cand;
    unsigned *item_score;
    struct yk_match_token *tok;
};

/* --- the vocabulary of the Перелік -------------------------------------------------------- */

static uint32_t hash_cp(const uint32_t *cp, unsigned len)
{
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < len; i++) {
        h ^= cp[i];
        h *= 16777619u;
    }
    return h;
}

static bool same_cp(const uint32_t *a, unsigned la, const uint32_t *b, unsigned lb)
{
    return la == lb && memcmp(a, b, la * sizeof *a) == 0;
}

/* The id of the stem spelled cp[0..len), or -1. */
static long find_stem(const struct yk_matcher *m, const uint32_t *cp, unsigned len)
{
    size_t mask = m->nslots - 1;
    for (size_t i = hash_cp(cp, len) & mask;; i = (i + 1) & mask) {
        uint32_t s = m->slots[i];
        if (!s)
            return -1;
        if (same_cp(m->stems[s - 1].cp, m->stems[s - 1].len, cp, len))
            return (long)s - 1;
    }
}

/* The id of t's stem, added when new; -1 when out of memory. The table never fills: it has
 * twice as many slots as the words of every wording together. */
static long intern(struct yk_matcher *m, const struct yk_match_token *t, struct yk_arena *arena)
{
    long id = find_stem(m, t->cp, t->len);
    if (id >= 0)
        return id;
    uint32_t *cp = yk_arena_alloc(arena, t->len * sizeof *cp);
    if (!cp)
        return -1;
    memcpy(cp, t->cp, t->len * sizeof *cp);
    struct stem *s = &m->stems[m->nstems];
    *s = (struct stem){.cp = cp, .len = t->len};
    size_t mask = m->nslots - 1, i = hash_cp(cp, t->len) & mask;
    while (m->slots[i])
        i = (i + 1) & mask;
    m->slots[i] = (uint32_t)++m->nstems;
    return (long)m->nstems - 1;
}

static void strip_holder(const struct yk_matcher *m, struct yk_match_token *t, size_t n,
                         bool own_names);

/* One wording of an item. Generic holder names are stripped as they are from titles, so an
 * alias such as «Депутати міської ради» compares with «Депутати Чортківської міської ради». */
static int add_variant(struct yk_matcher *m, size_t item, const char *text, struct yk_arena *arena)
{
    size_t n = yk_match_tokenize(text, m->tok, YK_MATCH_TOKENS_MAX), k = 0;
    uint32_t ids[YK_MATCH_TOKENS_MAX];
    strip_holder(m, m->tok, n, false);
    for (size_t i = 0; i < n; i++) {
        if (m->tok[i].removed)
            continue;
        long id = intern(m, &m->tok[i], arena);
        if (id < 0)
            return YK_ENOMEM;
        bool seen = false;
        for (size_t j = 0; j < k && !seen; j++)
            seen = ids[j] == (uint32_t)id;
        if (seen)
            continue;
        ids[k++] = (uint32_t)id;
        struct stem *s = &m->stems[id];
        if (s->last_item != item + 1) {
            s->last_item = item + 1;
            s->df++;
        }
    }
    struct variant *v = &m->variants[m->nvariants++];
    v->item = item;
    v->n = k;
    uint32_t *copy = yk_arena_alloc(arena, (k ? k : 1) * sizeof *copy);
    if (!copy)
        return YK_ENOMEM;
    memcpy(copy, ids, k * sizeof *copy);
    v->ids = copy;
    return 0;
}

/* Weights from the document frequency, the variants of each stem, the prefix chains. */
static int index_stems(struct yk_matcher *m, struct yk_arena *arena)
{
    size_t total = 0;
    for (size_t i = 0; i < m->nvariants; i++)
        total += m->variants[i].n;
    uint32_t *post = yk_arena_alloc(arena, (total ? total : 1) * sizeof *post);
    size_t *fill = calloc(m->nstems ? m->nstems : 1, sizeof *fill);
    if (!post || !fill) {
        free(fill);
        return YK_ENOMEM;
    }
    for (size_t i = 0; i < m->nstems; i++)
        m->stems[i].weight = 200u + 800u / (m->stems[i].df ? m->stems[i].df : 1u);
    for (size_t i = 0; i < m->nvariants; i++)
        for (size_t j = 0; j < m->variants[i].n; j++)
            m->stems[m->variants[i].ids[j]].npost++;
    size_t at = 0;
    for (size_t i = 0; i < m->nstems; i++) {
        m->stems[i].post = post + at;
        at += m->stems[i].npost;
    }
    for (size_t i = 0; i < m->nvariants; i++) {
        struct variant *v = &m->variants[i];
        for (size_t j = 0; j < v->n; j++) {
            struct stem *s = &m->stems[v->ids[j]];
            post[(size_t)(s->post - post) + fill[v->ids[j]]++] = (uint32_t)i;
            v->weight += s->weight;
        }
    }
    free(fill);
    size_t mask = m->nslots - 1;
    for (size_t i = m->nstems; i-- > 0;) {
        struct stem *s = &m->stems[i];
        if (s->len < SOFT_PREFIX)
            continue;
        size_t h = hash_cp(s->cp, SOFT_PREFIX) & mask;
        s->next_prefix = m->prefix_slots[h];
        m->prefix_slots[h] = (uint32_t)i + 1;
    }
    return 0;
}

/* --- the holder's names -------------------------------------------------------------------- */

static const struct generic_name {
    const char *text;
    bool needs_place; /* removed only after a place adjective («Чортківської громади») */
} generic_names[] = {
    {"міська рада", false},
    {"міська територіальна громада", false},
    {"сільська рада", false},
    {"селищна рада", false},
    {"територіальна громада", false},
    {"виконавчий комітет", false},
    {"тг", false},
    {"отг", false},
    {"громада", true},
};

#define NGENERIC (sizeof generic_names / sizeof generic_names[0])
_Static_assert(NGENERIC <= 16, "struct yk_matcher has room for 16 generic names");

static int add_phrase(struct yk_matcher *m, const char *text, struct phrase *out,
                      struct yk_arena *arena)
{
    size_t n = yk_match_tokenize(text, m->tok, YK_MATCH_TOKENS_MAX);
    struct yk_match_token *t = yk_arena_alloc(arena, (n ? n : 1) * sizeof *t);
    if (!t)
        return YK_ENOMEM;
    memcpy(t, m->tok, n * sizeof *t);
    *out = (struct phrase){t, n};
    return 0;
}

static int add_name(struct yk_matcher *m, const char *text, size_t cap, struct yk_arena *arena)
{
    if (!text || m->nnames >= cap)
        return 0;
    if (add_phrase(m, text, &m->names[m->nnames], arena) < 0)
        return YK_ENOMEM;
    m->nnames += m->names[m->nnames].n > 0;
    return 0;
}

/* The council's name, then each publisher's name and aliases. */
static int add_names(struct yk_matcher *m, const struct yk_council *co, struct yk_arena *arena)
{
    for (size_t i = 0; i < NGENERIC; i++)
        if (add_phrase(m, generic_names[i].text, &m->generic[m->ngeneric++], arena) < 0)
            return YK_ENOMEM;
    if (!co)
        return 0;
    size_t cap = 1;
    for (size_t i = 0; i < co->npublishers; i++)
        cap += 1 + co->publishers[i].naliases;
    cap = cap < NAME_PHRASES_MAX ? cap : NAME_PHRASES_MAX;
    m->names = yk_arena_calloc(arena, cap, sizeof *m->names);
    if (!m->names || add_name(m, co->name, cap, arena) < 0)
        return YK_ENOMEM;
    for (size_t i = 0; i < co->npublishers; i++) {
        const struct yk_publisher *pub = &co->publishers[i];
        if (add_name(m, pub->name, cap, arena) < 0)
            return YK_ENOMEM;
        for (size_t a = 0; a < pub->naliases; a++)
            if (add_name(m, pub->aliases[a], cap, arena) < 0)
                return YK_ENOMEM;
    }
    return 0;
}

static bool phrase_at(const struct yk_match_token *t, size_t n, size_t p, const struct phrase *ph)
{
    if (!ph->n || p + ph->n > n)
        return false;
    for (size_t i = 0; i < ph->n; i++)
        if (!same_cp(t[p + i].cp, t[p + i].len, ph->t[i].cp, ph->t[i].len))
            return false;
    return true;
}

/* Mark the holder's own name in a title: a name of two words or more anywhere, a one-word
 * name at the end, generic ones («міської ради», «ТГ») with the place adjective before them.
 * A title that is nothing but a name keeps every word. */
static void strip_holder(const struct yk_matcher *m, struct yk_match_token *t, size_t n,
                         bool own_names)
{
    for (size_t p = 0; p < n; p++) {
        for (size_t k = 0; own_names && k < m->nnames; k++) {
            const struct phrase *ph = &m->names[k];
            if ((ph->n >= 2 || p + 1 == n) && phrase_at(t, n, p, ph))
                for (size_t i = 0; i < ph->n; i++)
                    t[p + i].removed = true;
        }
        for (size_t k = 0; k < m->ngeneric; k++) {
            const struct phrase *ph = &m->generic[k];
            bool place = p > 0 && yk_match_place_adjective(&t[p - 1]);
            if (!phrase_at(t, n, p, ph) || (generic_names[k].needs_place && !place))
                continue;
            for (size_t i = 0; i < ph->n; i++)
                t[p + i].removed = true;
            if (place)
                t[p - 1].removed = true;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        kept += !t[i].removed;
    for (size_t i = 0; !kept && i < n; i++)
        t[i].removed = false;
}

/* --- creating a matcher -------------------------------------------------------------------- */

static int alloc_tables(struct yk_matcher *m, struct yk_arena *arena)
{
    const struct yk_perelik *p = m->perelik;
    size_t words = 0, nvariants = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const struct yk_perelik_item *it = &p->items[i];
        for (size_t a = 0; a <= it->naliases; a++) {
            size_t len = strlen(a == 0 ? it->title : it->aliases[a - 1]) / 2 + 1;
            words += len < YK_MATCH_TOKENS_MAX ? len : YK_MATCH_TOKENS_MAX;
        }
        nvariants += 1 + it->naliases;
    }
    m->nslots = 64;
    while (m->nslots < 2 * words)
        m->nslots *= 2;
    m->stems = yk_arena_calloc(arena, words ? words : 1, sizeof *m->stems);
    m->slots = yk_arena_calloc(arena, m->nslots, sizeof *m->slots);
    m->prefix_slots = yk_arena_calloc(arena, m->nslots, sizeof *m->prefix_slots);
    m->variants = yk_arena_calloc(arena, nvariants ? nvariants : 1, sizeof *m->variants);
    m->mark_c = yk_arena_calloc(arena, nvariants ? nvariants : 1, sizeof *m->mark_c);
    m->cand = yk_arena_calloc(arena, nvariants ? nvariants : 1, sizeof *m->cand);
    m->item_score = yk_arena_calloc(arena, p->nitems ? p->nitems : 1, sizeof *m->item_score);
    m->tok = yk_arena_calloc(arena, YK_MATCH_TOKENS_MAX, sizeof *m->tok);
    return m->stems && m->slots && m->prefix_slots && m->variants && m->mark_c && m->cand &&
                   m->item_score && m->tok
               ? 0
               : YK_ENOMEM;
}

int yk_matcher_create(const struct yk_perelik *perelik, const struct yk_council *council,
                      struct yk_arena *arena, struct yk_matcher **out)
{
    struct yk_matcher *m = yk_arena_calloc(arena, 1, sizeof *m);
    if (!m)
        return YK_ENOMEM;
    m->perelik = perelik;
    m->council = council;
    if (alloc_tables(m, arena) < 0 || add_names(m, council, arena) < 0)
        return YK_ENOMEM;
    for (size_t i = 0; i < perelik->nitems; i++) {
        const struct yk_perelik_item *it = &perelik->items[i];
        for (size_t a = 0; a <= it->naliases; a++)
            if (add_variant(m, i, a == 0 ? it->title : it->aliases[a - 1], arena) < 0)
                return YK_ENOMEM;
    }
    m->mark_d = yk_arena_calloc(arena, m->nstems ? m->nstems : 1, sizeof *m->mark_d);
    m->mark_v = yk_arena_calloc(arena, m->nstems ? m->nstems : 1, sizeof *m->mark_v);
    if (!m->mark_d || !m->mark_v || index_stems(m, arena) < 0)
        return YK_ENOMEM;
    *out = m;
    return 0;
}

/* --- matching a title ---------------------------------------------------------------------- */

/* One distinct word of a title: the stems of the Перелік it stands for and its weight. */
struct qword {
    uint32_t ids[MATCHES_MAX];
    unsigned n;
    unsigned weight;
};

/* Stems that share all but the last letter of the shorter one, and at least four letters,
 * are one word in another form («зупинок» / «зупинки», «транспорт» / «транспортних»). */
static bool soft_same(const struct yk_match_token *t, const struct stem *s)
{
    unsigned n = t->len < s->len ? t->len : s->len, common = 0;
    while (common < n && t->cp[common] == s->cp[common])
        common++;
    if (common == n && t->len == s->len)
        return true;
    return common >= SOFT_PREFIX && common + 1 >= n;
}

static void lookup(const struct yk_matcher *m, const struct yk_match_token *t, struct qword *q)
{
    long exact = find_stem(m, t->cp, t->len);
    q->n = 0;
    q->weight = UNKNOWN_WEIGHT;
    if (exact >= 0) {
        q->ids[q->n++] = (uint32_t)exact;
        q->weight = m->stems[exact].weight;
    }
    if (t->len < SOFT_PREFIX)
        return;
    bool soft_only = exact < 0;
    size_t h = hash_cp(t->cp, SOFT_PREFIX) & (m->nslots - 1);
    for (uint32_t s = m->prefix_slots[h]; s && q->n < MATCHES_MAX;
         s = m->stems[s - 1].next_prefix) {
        const struct stem *st = &m->stems[s - 1];
        if ((long)s - 1 == exact || !soft_same(t, st))
            continue;
        q->ids[q->n++] = s - 1;
        if (soft_only && (q->n == 1 || st->weight < q->weight))
            q->weight = st->weight;
    }
}

/* Start a round of marks; on wrap-around the marks are cleared so an old one never counts. */
static unsigned next_round(unsigned *counter, unsigned *marks, size_t n)
{
    if (++*counter == 0) {
        memset(marks, 0, n * sizeof *marks);
        *counter = 1;
    }
    return *counter;
}

static unsigned variant_score(struct yk_matcher *m, const struct variant *v, const struct qword *q,
                              size_t nq, uint64_t wq, unsigned gen)
{
    unsigned r = next_round(&m->vround, m->mark_v, m->nstems);
    uint64_t ov = 0, oq = 0;
    for (size_t j = 0; j < v->n; j++) {
        m->mark_v[v->ids[j]] = r;
        if (m->mark_d[v->ids[j]] == gen)
            ov += m->stems[v->ids[j]].weight;
    }
    for (size_t i = 0; i < nq; i++)
        for (unsigned k = 0; k < q[i].n; k++)
            if (m->mark_v[q[i].ids[k]] == r) {
                oq += q[i].weight;
                break;
            }
    uint64_t all = wq + v->weight;
    unsigned score = all ? (unsigned)((oq + ov) * 1000u / all) : 0;
    /* One word says too little to stand for a longer wording («Бюджет» is not «Громадський
     * бюджет»): it matches only a one-word wording (an alias such as «Укриття»). */
    if (nq == 1 && v->n > 1 && score >= YK_MATCH_THRESHOLD)
        score = YK_MATCH_THRESHOLD - 1;
    return score;
}

/* Score every item against the title; the best two items (index + 1, 0 for none) and scores. */
static void rank_items(struct yk_matcher *m, const char *title, size_t best[2], unsigned score[2])
{
    best[0] = best[1] = 0;
    score[0] = score[1] = 0;
    size_t n = yk_match_tokenize(title, m->tok, YK_MATCH_TOKENS_MAX), nq = 0, nc = 0;
    strip_holder(m, m->tok, n, true);
    struct qword q[YK_MATCH_TOKENS_MAX];
    uint64_t wq = 0;
    unsigned gen = next_round(&m->gen, m->mark_d, m->nstems);
    if (gen == 1)
        memset(m->mark_c, 0, m->nvariants * sizeof *m->mark_c);
    for (size_t i = 0; i < n; i++) {
        const struct yk_match_token *t = &m->tok[i];
        bool dup = t->removed;
        for (size_t j = 0; j < i && !dup; j++)
            dup = !m->tok[j].removed && same_cp(m->tok[j].cp, m->tok[j].len, t->cp, t->len);
        if (dup)
            continue;
        struct qword *w = &q[nq++];
        lookup(m, t, w);
        wq += w->weight;
        for (unsigned k = 0; k < w->n; k++) {
            const struct stem *s = &m->stems[w->ids[k]];
            m->mark_d[w->ids[k]] = gen;
            for (size_t p = 0; p < s->npost; p++)
                if (m->mark_c[s->post[p]] != gen) {
                    m->mark_c[s->post[p]] = gen;
                    m->cand[nc++] = s->post[p];
                }
        }
    }
    if (!nq)
        return;
    memset(m->item_score, 0, m->perelik->nitems * sizeof *m->item_score);
    for (size_t c = 0; c < nc; c++) {
        const struct variant *v = &m->variants[m->cand[c]];
        unsigned s = variant_score(m, v, q, nq, wq, gen);
        if (s > m->item_score[v->item])
            m->item_score[v->item] = s;
    }
    for (size_t i = 0; i < m->perelik->nitems; i++) {
        unsigned s = m->item_score[i];
        if (s > score[0]) {
            best[1] = best[0], score[1] = score[0];
            best[0] = i + 1, score[0] = s;
        } else if (s > score[1]) {
            best[1] = i + 1, score[1] = s;
        }
    }
}

static const struct yk_perelik_item *item_at(const struct yk_matcher *m, size_t i)
{
    return i ? &m->perelik->items[i - 1] : NULL;
}

void yk_matcher_title(struct yk_matcher *m, const char *title, struct yk_item_match *out)
{
    size_t best[2];
    unsigned score[2];
    rank_items(m, title, best, score);
    memset(out, 0, sizeof *out);
    if (best[0] && score[0] >= YK_MATCH_THRESHOLD) {
        out->how = YK_MATCH_TITLE;
        out->item = item_at(m, best[0]);
        out->score = score[0];
        out->runner_up = item_at(m, best[1]);
        out->runner_up_score = best[1] ? score[1] : 0;
    } else {
        out->how = YK_MATCH_NONE;
        out->runner_up = item_at(m, best[0]);
        out->runner_up_score = best[0] ? score[0] : 0;
    }
}

/* "local.49" in any case, with spaces around: the item, or NULL. */
static const struct yk_perelik_item *explicit_item(const struct yk_matcher *m, const char *text)
{
    char key[32];
    size_t n = 0;
    if (!text)
        return NULL;
    while (*text == ' ' || *text == '\t')
        text++;
    for (; *text && n + 1 < sizeof key; text++)
        key[n++] = *text >= 'A' && *text <= 'Z' ? (char)(*text + 32) : *text;
    while (n && (key[n - 1] == ' ' || key[n - 1] == '\t'))
        n--;
    key[n] = 0;
    return yk_perelik_find(m->perelik, key);
}

/* The council's mapping for a dataset: 1 with *item set (NULL for "none"), or 0. */
static int council_mapping(const struct yk_matcher *m, const struct yk_dataset *d,
                           const struct yk_perelik_item **item)
{
    const struct yk_council *co = m->council;
    for (size_t i = 0; co && i < co->nmappings; i++) {
        const struct yk_mapping *map = &co->mappings[i];
        if (!map->dataset || !((d->id && strcmp(map->dataset, d->id) == 0) ||
                               (d->name && strcmp(map->dataset, d->name) == 0)))
            continue;
        if (map->item && strcmp(map->item, "none") == 0) {
            *item = NULL;
            return 1;
        }
        if ((*item = yk_perelik_find(m->perelik, map->item)))
            return 1;
    }
    return 0;
}

void yk_matcher_dataset(struct yk_matcher *m, const struct yk_dataset *d, struct yk_item_match *out)
{
    const struct yk_perelik_item *item = explicit_item(m, d->perelik_item);
    enum yk_match_how how = YK_MATCH_CATALOG;
    if (!item) {
        how = council_mapping(m, d, &item) ? YK_MATCH_COUNCIL : YK_MATCH_NONE;
    }
    if (how == YK_MATCH_NONE) {
        yk_matcher_title(m, d->title, out);
        return;
    }
    size_t best[2];
    unsigned score[2];
    rank_items(m, d->title, best, score);
    int other = best[0] && item_at(m, best[0]) == item ? 1 : 0;
    memset(out, 0, sizeof *out);
    out->how = how;
    out->item = item;
    out->score = 1000;
    out->runner_up = item_at(m, best[other]);
    out->runner_up_score = best[other] ? score[other] : 0;
}
