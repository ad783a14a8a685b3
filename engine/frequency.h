/* yakist — the update frequency of a dataset (п. 7 of the Положення, element 11) read from what
 * catalogs really hold: data.gov.ua API values, the portal's Ukrainian labels, the EU frequency
 * vocabulary and dirty variants («Щомісячно», "раз на рік", trailing quotes). Private. */
#ifndef YK_ENGINE_FREQUENCY_H
#define YK_ENGINE_FREQUENCY_H

#include <stdbool.h>

/* The data.gov.ua vocabulary, plus «Позапланово» and two states of the reading. */
enum yk_freq {
    YK_FREQ_MISSING = 0, /* no value, or only spaces and quotes */
    YK_FREQ_UNKNOWN,     /* a value that names none of the below */
    YK_FREQ_SUBDAILY,    /* more than once a day */
    YK_FREQ_DAILY,       /* once a day */
    YK_FREQ_WEEKLY,      /* once a week */
    YK_FREQ_MONTHLY,     /* once a month */
    YK_FREQ_QUARTERLY,   /* once a quarter */
    YK_FREQ_HALFYEARLY,  /* once a half year */
    YK_FREQ_YEARLY,      /* once a year */
    YK_FREQ_ON_CHANGE,   /* immediately after making changes */
    YK_FREQ_UNSCHEDULED, /* unscheduled («Позапланово»): no period to judge */
    YK_FREQ_NOT_UPDATED, /* no longer updated */
    YK_FREQ_COUNT
};

/* How the value was written. */
enum yk_freq_spelling {
    YK_FREQ_EXACT = 0, /* the API value, as the portal writes it */
    YK_FREQ_LABEL,     /* the portal's label («Щокварталу»), which the API field does not hold:
                          understood, but a dirty value there */
    YK_FREQ_VARIANT,   /* the same word in another case, with stray quotes, spaces or a dot */
    YK_FREQ_SYNONYM, /* another wording («Щомісячно», "раз на місяць", MONTHLY, an EU URI) */
    YK_FREQ_LENIENT /* a frequency outside the vocabulary read as the next longer period
                       (BIWEEKLY as monthly, twice a month as monthly) */
};

/* Read a frequency. s may be NULL. *spelling (may be NULL) says how it was written; it is
 * meaningful for the known values only. */
enum yk_freq yk_freq_parse(const char *s, enum yk_freq_spelling *spelling);

/* The API value ("once a month") and the portal's label («Щомісяця»); "" for MISSING/UNKNOWN. */
const char *yk_freq_api(enum yk_freq f);
const char *yk_freq_label(enum yk_freq f);

/* The longest a dataset may go without a change: months and days added to the last change
 * (one of them is 0). False for frequencies without a period (unscheduled, no longer updated,
 * missing, unknown). «Immediately after making changes» gets one quarter when no change date is
 * known, as the Ministry's recommendations say. */
struct yk_freq_period {
    int months;
    int days;
};
bool yk_freq_period(enum yk_freq f, struct yk_freq_period *out);

#endif
