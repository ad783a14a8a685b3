/* yakist — private: matching a catalog's datasets to the items of the Перелік. An explicit
 * field in the catalog wins, then a mapping in council.json, then normalised fuzzy title
 * matching against the items' official titles and their aliases (docs/audit.md explains the
 * normalisation, the similarity and the threshold). */
#ifndef YK_ENGINE_MATCH_H
#define YK_ENGINE_MATCH_H

#include <stddef.h>

#include <yakist/audit.h>
#include <yakist/catalog.h>

/* A title match below this score (0..1000) is "beyond the Перелік". */
#define YK_MATCH_THRESHOLD 600u

/* Bytes of a title looked at, and words of it; the rest is ignored. */
#define YK_MATCH_TITLE_MAX 4096u
#define YK_MATCH_TOKENS_MAX 64u

struct yk_matcher;

/* Prepare matching against perelik; council (may be NULL) gives the mappings and the names of
 * the holder that titles often carry («… Чортківської міської ради»), which are stripped
 * before comparing. Everything lives in arena. A matcher keeps scratch space: use it from one
 * thread at a time. Returns 0 or YK_ENOMEM. */
int yk_matcher_create(const struct yk_perelik *perelik, const struct yk_council *council,
                      struct yk_arena *arena, struct yk_matcher **out);

/* The best item for a title by similarity alone, with the runner-up (another item). how is
 * YK_MATCH_TITLE when the best score reaches YK_MATCH_THRESHOLD, else YK_MATCH_NONE with item
 * NULL (the best candidate is then the runner-up). Deterministic: ties go to the earlier item. */
void yk_matcher_title(struct yk_matcher *m, const char *title, struct yk_item_match *out);

/* The item of a dataset: dataset->perelik_item when it names an item ("local.49", any case),
 * else a council mapping by id or slug ("none" there means beyond the Перелік: how COUNCIL,
 * item NULL), else the title. For explicit matches the runner-up is the best title candidate
 * other than the chosen item, so a wrong mapping shows. */
void yk_matcher_dataset(struct yk_matcher *m, const struct yk_dataset *dataset,
                        struct yk_item_match *out);

/* Normalise a name for comparing (publisher names, aliases): lower case (Latin and Cyrillic),
 * apostrophes dropped, quotes, punctuation and runs of spaces made one space, trimmed. Writes at
 * most cap bytes with the NUL (cap > 0) and returns the length written. */
size_t yk_match_fold_name(const char *s, char *out, size_t cap);

#endif
