/* yakist — update frequencies: the data.gov.ua vocabulary and the many ways catalogs spell it.
 * A value is folded (quotes, spaces, a final dot and case removed, an EU URI cut to its last
 * segment, "_" and "-" read as spaces, a leading «один»/"1" before «раз» dropped), then looked
 * up in three tables: the vocabulary itself, synonyms, and lenient readings. */
#include <string.h>

#include "frequency.h"
#include "values.h"

#define FOLD_MAX 128 /* longer values are not frequencies */

/* The API value, the portal's label, and the label folded (the API values fold to themselves). */
static const struct {
    const char *api, *label, *folded;
} vocabulary[YK_FREQ_COUNT] = {
    [YK_FREQ_SUBDAILY] = {"more than once a day", "Більш як один раз на день",
                          "більш як один раз на день"},
    [YK_FREQ_DAILY] = {"once a day", "Щодня", "щодня"},
    [YK_FREQ_WEEKLY] = {"once a week", "Щотижня", "щотижня"},
    [YK_FREQ_MONTHLY] = {"once a month", "Щомісяця", "щомісяця"},
    [YK_FREQ_QUARTERLY] = {"once a quarter", "Щокварталу", "щокварталу"},
    [YK_FREQ_HALFYEARLY] = {"once a half year", "Кожного півріччя", "кожного півріччя"},
    [YK_FREQ_YEARLY] = {"once a year", "Щороку", "щороку"},
    [YK_FREQ_ON_CHANGE] = {"immediately after making changes", "Відразу після внесення змін",
                           "відразу після внесення змін"},
    [YK_FREQ_UNSCHEDULED] = {"unscheduled", "Позапланово", "позапланово"},
    [YK_FREQ_NOT_UPDATED] = {"no longer updated", "Більше не оновлюється", "більше не оновлюється"},
};

struct word {
    const char *folded;
    enum yk_freq freq;
};

/* Other wordings of the same frequency, folded. */
static const struct word synonyms[] = {
    {"більше одного разу на день", YK_FREQ_SUBDAILY},
    {"більш ніж один раз на день", YK_FREQ_SUBDAILY},
    {"більше ніж один раз на день", YK_FREQ_SUBDAILY},
    {"кілька разів на день", YK_FREQ_SUBDAILY},
    {"декілька разів на день", YK_FREQ_SUBDAILY},
    {"двічі на день", YK_FREQ_SUBDAILY},
    {"щогодини", YK_FREQ_SUBDAILY},
    {"постійно", YK_FREQ_SUBDAILY},
    {"continuous", YK_FREQ_SUBDAILY},
    {"update cont", YK_FREQ_SUBDAILY},
    {"hourly", YK_FREQ_SUBDAILY},
    {"bihourly", YK_FREQ_SUBDAILY},
    {"trihourly", YK_FREQ_SUBDAILY},
    {"daily 2", YK_FREQ_SUBDAILY},
    {"twice a day", YK_FREQ_SUBDAILY},
    {"щоденно", YK_FREQ_DAILY},
    {"раз на день", YK_FREQ_DAILY},
    {"раз на добу", YK_FREQ_DAILY},
    {"щодоби", YK_FREQ_DAILY},
    {"daily", YK_FREQ_DAILY},
    {"щотижнево", YK_FREQ_WEEKLY},
    {"раз на тиждень", YK_FREQ_WEEKLY},
    {"weekly", YK_FREQ_WEEKLY},
    {"щомісячно", YK_FREQ_MONTHLY},
    {"щомісяць", YK_FREQ_MONTHLY},
    {"раз на місяць", YK_FREQ_MONTHLY},
    {"monthly", YK_FREQ_MONTHLY},
    {"щоквартально", YK_FREQ_QUARTERLY},
    {"щоквартал", YK_FREQ_QUARTERLY},
    {"раз на квартал", YK_FREQ_QUARTERLY},
    {"раз на три місяці", YK_FREQ_QUARTERLY},
    {"quarterly", YK_FREQ_QUARTERLY},
    {"раз на півроку", YK_FREQ_HALFYEARLY},
    {"раз на півріччя", YK_FREQ_HALFYEARLY},
    {"щопівроку", YK_FREQ_HALFYEARLY},
    {"щопівріччя", YK_FREQ_HALFYEARLY},
    {"кожні півроку", YK_FREQ_HALFYEARLY},
    {"двічі на рік", YK_FREQ_HALFYEARLY},
    {"semiannual", YK_FREQ_HALFYEARLY},
    {"semi annual", YK_FREQ_HALFYEARLY},
    {"half yearly", YK_FREQ_HALFYEARLY},
    {"annual 2", YK_FREQ_HALFYEARLY},
    {"щорічно", YK_FREQ_YEARLY},
    {"раз на рік", YK_FREQ_YEARLY},
    {"annual", YK_FREQ_YEARLY},
    {"annually", YK_FREQ_YEARLY},
    {"yearly", YK_FREQ_YEARLY},
    {"одразу після внесення змін", YK_FREQ_ON_CHANGE},
    {"відразу після змін", YK_FREQ_ON_CHANGE},
    {"після внесення змін", YK_FREQ_ON_CHANGE},
    {"у разі внесення змін", YK_FREQ_ON_CHANGE},
    {"в разі внесення змін", YK_FREQ_ON_CHANGE},
    {"у разі змін", YK_FREQ_ON_CHANGE},
    {"за потреби", YK_FREQ_UNSCHEDULED},
    {"у міру потреби", YK_FREQ_UNSCHEDULED},
    {"нерегулярно", YK_FREQ_UNSCHEDULED},
    {"irregular", YK_FREQ_UNSCHEDULED},
    {"irreg", YK_FREQ_UNSCHEDULED},
    {"as needed", YK_FREQ_UNSCHEDULED},
    {"не оновлюється", YK_FREQ_NOT_UPDATED},
    {"never", YK_FREQ_NOT_UPDATED},
};

/* Frequencies outside the vocabulary, read as the next longer period so nothing is called
 * overdue that is not. Longer than a year (BIENNIAL ...) has no such period: unknown. */
static const struct word lenient[] = {
    {"weekly 2", YK_FREQ_WEEKLY},          {"weekly 3", YK_FREQ_WEEKLY},
    {"двічі на тиждень", YK_FREQ_WEEKLY},  {"biweekly", YK_FREQ_MONTHLY},
    {"раз на два тижні", YK_FREQ_MONTHLY}, {"monthly 2", YK_FREQ_MONTHLY},
    {"monthly 3", YK_FREQ_MONTHLY},        {"двічі на місяць", YK_FREQ_MONTHLY},
    {"bimonthly", YK_FREQ_QUARTERLY},      {"раз на два місяці", YK_FREQ_QUARTERLY},
    {"annual 3", YK_FREQ_HALFYEARLY},
};

static bool is_quote_or_space(const char *s, size_t n, size_t *len)
{
    static const char *const marks[] = {"\"", "'", "`", " ", "\t", "\r", "\n", ".",       ";",
                                        "«",  "»", "“", "”", "„",  "’",  "ʼ",  "\xC2\xA0"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t k = strlen(marks[i]);
        if (k <= n && memcmp(s, marks[i], k) == 0) {
            *len = k;
            return true;
        }
    }
    return false;
}

/* The mark that ends s[0..n), if any: the same list read backwards. */
static bool ends_with_mark(const char *s, size_t n, size_t *len)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (is_quote_or_space(s + n - k, k, len) && *len == k)
            return true;
    return false;
}

enum folded { FOLD_OK = 0, FOLD_EMPTY, FOLD_LONG };

/* Fold s into buf (FOLD_MAX bytes). */
static enum folded fold(const char *s, char *buf)
{
    size_t n = strlen(s), k;
    const char *slash = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == '#')
            slash = s + i;
    if (slash && slash[1] && (strstr(s, "://") || strncmp(s, "urn:", 4) == 0)) {
        n -= (size_t)(slash + 1 - s);
        s = slash + 1; /* an EU or Dublin Core frequency URI: its last segment */
    }
    while (n > 0 && is_quote_or_space(s, n, &k))
        s += k, n -= k;
    while (n > 0 && ends_with_mark(s, n, &k))
        n -= k;
    if (n == 0)
        return FOLD_EMPTY;
    if (n >= FOLD_MAX)
        return FOLD_LONG;
    char low[FOLD_MAX];
    size_t m = yk_utf8_lower(s, n, low, sizeof low - 1), o = 0;
    for (size_t i = 0; i < m; i++) {
        char c = low[i] == '_' || low[i] == '-' || low[i] == '\t' ? ' ' : low[i];
        if (c == ' ' && (o == 0 || buf[o - 1] == ' '))
            continue;
        buf[o++] = c;
    }
    buf[o] = '\0';
    /* «один раз на місяць», "1 раз на рік": the count before «раз» adds nothing. */
    static const char *const counts[] = {"один раз ", "1 раз "};
    for (size_t i = 0; i < 2; i++) {
        size_t c = strlen(counts[i]);
        if (strncmp(buf, counts[i], c) == 0)
            memmove(buf, buf + c - strlen("раз "), o - (c - strlen("раз ")) + 1);
    }
    return buf[0] ? FOLD_OK : FOLD_EMPTY;
}

enum yk_freq yk_freq_parse(const char *s, enum yk_freq_spelling *spelling)
{
    enum yk_freq_spelling sp = YK_FREQ_EXACT;
    enum yk_freq f = YK_FREQ_UNKNOWN;
    char buf[FOLD_MAX];
    enum folded v = s ? fold(s, buf) : FOLD_EMPTY;
    if (v != FOLD_OK) {
        f = v == FOLD_EMPTY ? YK_FREQ_MISSING : YK_FREQ_UNKNOWN;
        goto done;
    }
    for (int i = YK_FREQ_SUBDAILY; i < YK_FREQ_COUNT; i++) {
        if (strcmp(s, vocabulary[i].api) == 0 || strcmp(s, vocabulary[i].label) == 0) {
            f = (enum yk_freq)i;
            sp = strcmp(s, vocabulary[i].api) == 0 ? YK_FREQ_EXACT : YK_FREQ_LABEL;
            goto done;
        }
        if (strcmp(buf, vocabulary[i].api) == 0 || strcmp(buf, vocabulary[i].folded) == 0) {
            f = (enum yk_freq)i;
            sp = YK_FREQ_VARIANT;
            goto done;
        }
    }
    sp = YK_FREQ_SYNONYM;
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (strcmp(buf, synonyms[i].folded) == 0) {
            f = synonyms[i].freq;
            goto done;
        }
    sp = YK_FREQ_LENIENT;
    for (size_t i = 0; i < sizeof lenient / sizeof lenient[0]; i++)
        if (strcmp(buf, lenient[i].folded) == 0) {
            f = lenient[i].freq;
            goto done;
        }
    sp = YK_FREQ_EXACT;
done:
    if (spelling)
        *spelling = sp;
    return f;
}

const char *yk_freq_api(enum yk_freq f)
{
    return f > YK_FREQ_UNKNOWN && f < YK_FREQ_COUNT ? vocabulary[f].api : "";
}

const char *yk_freq_label(enum yk_freq f)
{
    return f > YK_FREQ_UNKNOWN && f < YK_FREQ_COUNT ? vocabulary[f].label : "";
}

bool yk_freq_period(enum yk_freq f, struct yk_freq_period *out)
{
    static const struct yk_freq_period periods[YK_FREQ_COUNT] = {
        [YK_FREQ_SUBDAILY] = {0, 1}, [YK_FREQ_DAILY] = {0, 1},     [YK_FREQ_WEEKLY] = {0, 7},
        [YK_FREQ_MONTHLY] = {1, 0},  [YK_FREQ_QUARTERLY] = {3, 0}, [YK_FREQ_HALFYEARLY] = {6, 0},
        [YK_FREQ_YEARLY] = {12, 0},  [YK_FREQ_ON_CHANGE] = {3, 0},
    };
    if ((unsigned)f >= YK_FREQ_COUNT || (periods[f].months == 0 && periods[f].days == 0))
        return false;
    *out = periods[f];
    return true;
}
