/* yakist — calendar arithmetic for the audit: day numbers from ISO 8601 text, months and
 * working days added to them. The civil conversion counts in 400-year eras starting on 1 March,
 * so the leap day is the last day of its year and needs no special case. */
#include <stdio.h>

#include "dates.h"

static int64_t floor_div(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int64_t yk_day_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;                         /* 0..399 */
    int64_t mp = month > 2 ? month - 3 : month + 9;      /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;          /* 0..365 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
    return era * 146097 + doe - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

void yk_day_to_civil(int64_t day, int *year, int *month, int *day_of_month)
{
    int64_t z = day + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *day_of_month = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)m;
    *year = (int)(yoe + era * 400 + (m <= 2));
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

bool yk_day_parse(const char *s, int64_t *day)
{
    int y, m, d;
    if (!s || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
        !digits(s + 8, 2, &d))
        return false;
    if (s[10] != '\0' && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
        return false;
    if (s[10] != '\0' && !(s[11] >= '0' && s[11] <= '9'))
        return false; /* a time part starts with the hour */
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return false;
    *day = yk_day_from_civil(y, m, d);
    return true;
}

int yk_day_weekday(int64_t day)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w) + 1;
}

int64_t yk_day_add_working(int64_t day, unsigned n)
{
    if (n == 0)
        return day;
    /* n working days after a Saturday or a Sunday are n working days after the Friday. */
    int wd = yk_day_weekday(day);
    if (wd > 5)
        day -= wd - 5;
    day += 7 * (int64_t)(n / 5); /* whole weeks keep the weekday */
    for (unsigned r = n % 5; r > 0;) {
        day++;
        if (yk_day_weekday(day) <= 5)
            r--;
    }
    return day;
}

/* Working days in [1970-01-01 + 0, day] counted from a fixed Monday, so differences work. */
static int64_t working_upto(int64_t day)
{
    int64_t from_monday = day + 3;             /* 1969-12-29 was a Monday: day -3 */
    int64_t weeks = floor_div(from_monday, 7); /* whole weeks before this one */
    int64_t in_week = from_monday - weeks * 7; /* 0 Monday .. 6 Sunday */
    return weeks * 5 + (in_week < 5 ? in_week + 1 : 5);
}

int64_t yk_day_working_between(int64_t from, int64_t to)
{
    return to <= from ? 0 : working_upto(to) - working_upto(from);
}

int64_t yk_day_add_months(int64_t day, int months)
{
    int y, m, d;
    yk_day_to_civil(day, &y, &m, &d);
    int64_t total = (int64_t)y * 12 + (m - 1) + months;
    int ny = (int)floor_div(total, 12);
    int nm = (int)(total - (int64_t)ny * 12) + 1;
    int last = month_days(ny, nm);
    return yk_day_from_civil(ny, nm, d > last ? last : d);
}

char *yk_day_format(char *buf, int64_t day)
{
    int y, m, d;
    yk_day_to_civil(day, &y, &m, &d);
    snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, m, d);
    return buf;
}
