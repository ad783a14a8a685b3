/* yakist — `content` rules about where coordinates point: outside Ukraine, or latitude and
 * longitude swapped. Latitude and longitude columns are paired at the header by the stem of their
 * names (lat/lon, captureLat/captureLon, широта/довгота); each row is judged as a pair, since a
 * swap shows only when both values are seen together. */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include <yakist/arena.h>
#include <yakist/error.h>

#include "content_rules.h"

/* Ukraine's extent, with a margin (DOMAIN §7). */
#define LAT_MIN 44.0
#define LAT_MAX 52.5
#define LON_MIN 22.0
#define LON_MAX 40.3

#define NO_COLUMN SIZE_MAX

struct geo_pair {
    size_t lat, lon; /* columns, NO_COLUMN when the other half is missing */
};

struct geo_state {
    struct yk_roles roles;
    struct geo_pair *pairs;
    size_t npairs;
};

/* Do two names share the part before their role word, ignoring ASCII case (the stems count
 * from the first character after leading whitespace, as yk_role_from_name reads names)? */
static bool same_stem(const struct yk_row *header, size_t a, size_t b, const struct yk_roles *r)
{
    size_t n = r->col[a].stem, sa, sb;
    if (n != r->col[b].stem)
        return false;
    yk_file_trim(header->cells[a].data, header->cells[a].len, &sa);
    yk_file_trim(header->cells[b].data, header->cells[b].len, &sb);
    const char *x = header->cells[a].data + sa, *y = header->cells[b].data + sb;
    for (size_t i = 0; i < n; i++)
        if ((x[i] | 0x20) != (y[i] | 0x20))
            return false;
    return true;
}

static int geo_header(struct yk_rule_ctx *ctx, const struct yk_row *header)
{
    struct geo_state *st = yk_ctx_state(ctx);
    int rc = yk_roles_assign(ctx, header, &st->roles);
    if (rc < 0)
        return rc;
    size_t n = st->roles.n, nlat = 0, nlon = 0;
    for (size_t i = 0; i < n; i++) {
        nlat += st->roles.col[i].role == YK_ROLE_LATITUDE;
        nlon += st->roles.col[i].role == YK_ROLE_LONGITUDE;
    }
    if (nlat + nlon == 0)
        return 0;
    st->pairs = yk_arena_calloc(yk_ctx_arena(ctx), nlat + nlon, sizeof *st->pairs);
    if (!st->pairs)
        return YK_ENOMEM;
    /* Latitudes in order, each with the first free longitude of the same stem; a single
     * latitude and a single longitude pair whatever their names. */
    unsigned char *used = yk_arena_calloc(yk_ctx_arena(ctx), n, 1);
    if (!used)
        return YK_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (st->roles.col[i].role != YK_ROLE_LATITUDE)
            continue;
        struct geo_pair p = {i, NO_COLUMN};
        for (size_t j = 0; j < n && p.lon == NO_COLUMN; j++)
            if (st->roles.col[j].role == YK_ROLE_LONGITUDE && !used[j] &&
                ((nlat == 1 && nlon == 1) || same_stem(header, i, j, &st->roles)))
                p.lon = j, used[j] = 1;
        st->pairs[st->npairs++] = p;
    }
    for (size_t j = 0; j < n; j++)
        if (st->roles.col[j].role == YK_ROLE_LONGITUDE && !used[j])
            st->pairs[st->npairs++] = (struct geo_pair){NO_COLUMN, j};
    return 0;
}

/* The coordinate in a cell, when it is a number (a decimal comma is tolerated here; it is
 * content.coordinate_format's finding). */
static bool coordinate(const struct yk_row *row, size_t col, double *out)
{
    if (col == NO_COLUMN || col >= row->ncells)
        return false;
    size_t n;
    const char *s = yk_content_value(&row->cells[col], &n);
    char mark;
    return yk_decimal_parse(s, n, out, &mark);
}

static bool in_lat(double v)
{
    return v >= LAT_MIN && v <= LAT_MAX;
}

static bool in_lon(double v)
{
    return v >= LON_MIN && v <= LON_MAX;
}

/* --- content.coordinate_range -------------------------------------------------------------- */

static int out_of_range(struct yk_rule_ctx *ctx, const struct yk_row *row, size_t col, double v,
                        bool lat)
{
    struct yk_loc loc = yk_content_loc(row, col);
    if (v == 0)
        return yk_emit(
            ctx, &loc,
            "%s 0 — заповнювач невідомого місця, а не координата: невідоме пишуть null%.0s",
            "%.0s%s 0 stands in for an unknown place and is no coordinate: write null "
            "for an unknown one",
            lat ? "широта" : "довгота", lat ? "latitude" : "longitude");
    return yk_emit(ctx, &loc, "%s%.0s %.6g поза межами України (%s%.0s)",
                   "%.0s%s %.6g is outside Ukraine (%.0s%s)", lat ? "широта" : "довгота",
                   lat ? "latitude" : "longitude", v,
                   lat ? "44.0–52.5° пн. ш." : "22.0–40.3° сх. д.",
                   lat ? "44.0–52.5° N" : "22.0–40.3° E");
}

static int range_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct geo_state *st = yk_ctx_state(ctx);
    if (!st->npairs || !yk_file_is_filled(row))
        return 0;
    for (size_t i = 0; i < st->npairs; i++) {
        const struct geo_pair *p = &st->pairs[i];
        double lat = 0, lon = 0;
        bool has_lat = coordinate(row, p->lat, &lat), has_lon = coordinate(row, p->lon, &lon);
        if (has_lat && has_lon && !in_lat(lat) && !in_lon(lon) && in_lon(lat) && in_lat(lon))
            continue; /* swapped: content.coordinate_swapped's */
        int rc = 0;
        if (has_lat && !in_lat(lat))
            rc = out_of_range(ctx, row, p->lat, lat, true);
        if (rc == 0 && has_lon && !in_lon(lon))
            rc = out_of_range(ctx, row, p->lon, lon, false);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_content_coordinate_range = {
    .id = "content.coordinate_range",
    .title_uk = "Координати поза межами України",
    .title_en = "Coordinates outside Ukraine",
    .rationale = "Objects of a Ukrainian council lie within about 44.0–52.5° N and 22.0–40.3° E. "
                 "A coordinate outside that box is a typing error, a value in the wrong column, "
                 "a projection other than WGS 84, or 0 put in for an unknown place; on a map the "
                 "object lands in another country or in the ocean.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): "
              "координати WGS 84 у десяткових градусах; extent of Ukraine (DOMAIN §7)",
    .frictionless = NULL,
    .example = "id,lat,lon\n1,55.7558,37.6173\n",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct geo_state),
    .on_header = geo_header,
    .on_row = range_row,
};

/* --- content.coordinate_swapped ------------------------------------------------------------ */

static int swapped_row(struct yk_rule_ctx *ctx, const struct yk_row *row)
{
    struct geo_state *st = yk_ctx_state(ctx);
    if (!st->npairs || !yk_file_is_filled(row))
        return 0;
    for (size_t i = 0; i < st->npairs; i++) {
        const struct geo_pair *p = &st->pairs[i];
        double lat, lon;
        if (!coordinate(row, p->lat, &lat) || !in_lon(lat)) /* the usual row ends here */
            continue;
        if (!coordinate(row, p->lon, &lon) || !in_lat(lon))
            continue;
        struct yk_loc loc = yk_content_loc(row, p->lat);
        int rc = yk_emit(ctx, &loc,
                         "широту й довготу переплутано: широта %.6g, довгота %.6g — має бути "
                         "навпаки",
                         "latitude and longitude are swapped: latitude %.6g, longitude %.6g "
                         "belong the other way round",
                         lat, lon);
        if (rc < 0)
            return rc;
    }
    return 0;
}

const struct yk_rule yk_rule_content_coordinate_swapped = {
    .id = "content.coordinate_swapped",
    .title_uk = "Широту й довготу переплутано",
    .title_en = "Latitude and longitude swapped",
    .rationale = "In Ukraine latitude (44–52.5) and longitude (22–40.3) never overlap, so a row "
                 "whose latitude is in the longitude range and whose longitude is in the latitude "
                 "range has the two swapped, a common slip when copying from map services that "
                 "write longitude first. Reported once per row at the latitude column, instead "
                 "of two range findings.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних (2019): окремі "
              "поля широти (lat) і довготи (lon); extent of Ukraine (DOMAIN §7)",
    .frictionless = NULL,
    .example = "id,lat,lon\n1,25.7936,49.0167\n",
    .scope = YK_SCOPE_ROW,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_CONTENT,
    .weight = 3,
    .compliance = true,
    .state_size = sizeof(struct geo_state),
    .on_header = geo_header,
    .on_row = swapped_row,
};
