/* yakist — calendar arithmetic for the audit: ISO 8601 dates in catalog metadata read as day
 * numbers, months added the way people count them, and working days (Monday to Friday) for the
 * Ministry's «within 3 working days». Private to the library; nothing here allocates. */
#ifndef YK_ENGINE_DATES_H
#define YK_ENGINE_DATES_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar (month 1-12). */
int64_t yk_day_from_civil(int year, int month, int day);

/* The date of a day number. */
void yk_day_to_civil(int64_t day, int *year, int *month, int *day_of_month);

/* Read the date at the start of s: YYYY-MM-DD alone, or followed by a time part that starts
 * with 'T', 't' or a space (CKAN writes 2024-05-01T10:22:33.123456). The calendar must accept
 * the date. Returns true with the day number; false for anything else, NULL included. */
bool yk_day_parse(const char *s, int64_t *day);

/* 1 for Monday ... 7 for Sunday. */
int yk_day_weekday(int64_t day);

/* The day n working days (Monday to Friday) after day; a weekend start counts from the next
 * Monday, so 0 working days after a Saturday is the Saturday itself. Public holidays are not
 * known (they were suspended under martial law) and count as working days. */
int64_t yk_day_add_working(int64_t day, unsigned n);

/* Working days in (from, to]: 0 when to <= from. */
int64_t yk_day_working_between(int64_t from, int64_t to);

/* The same day of the month `months` later (negative: earlier), moved back to the last day of
 * a shorter month: 31 January + 1 month = 28 or 29 February. */
int64_t yk_day_add_months(int64_t day, int months);

/* YYYY-MM-DD into buf (at least 16 bytes). Returns buf. */
char *yk_day_format(char *buf, int64_t day);

#endif
