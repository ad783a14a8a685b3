/* yakist — JSON records to rows: the header comes from the first record (its keys, nested
 * objects flattened to dotted names, in first-seen order) or from a CKAN `fields` list; every
 * record becomes a row in header order. Keys missing from a record, keys the header lacks and
 * nested values where a cell expects a scalar are reported as events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

#define NONE SIZE_MAX

void yk_json_table_init(struct yk_json_table *t, const struct yk_check_options *opt,
                        const struct yk_sink *sink, struct yk_source_info *info)
{
    memset(t, 0, sizeof *t);
    t->opt = opt;
    t->sink = sink;
    t->info = info;
}

static void free_cols(struct yk_json_table *t)
{
    for (size_t i = 0; i < t->ncols; i++)
        free(t->cols[i].name);
    t->ncols = 0;
    if (t->slots)
        memset(t->slots, 0, t->nslots * sizeof *t->slots);
}

void yk_json_table_fini(struct yk_json_table *t)
{
    if (!t)
        return;
    if (t->cols)
        free_cols(t);
    free(t->cols);
    free(t->slots);
    free(t->stamp);
    free(t->vals);
    free(t->cells);
    free(t->scratch);
    free(t->key);
    memset(t, 0, sizeof *t);
}

int yk_json_event(const struct yk_sink *sink, enum yk_event_kind kind, const struct yk_loc *loc,
                  const char *detail)
{
    struct yk_event ev = {.kind = kind, .loc = *loc, .detail = detail};
    return sink->on_event(sink->ctx, &ev);
}

/* An event about the record being built; field 0 means the record as a whole. */
static int record_event(struct yk_json_table *t, enum yk_event_kind kind, size_t field,
                        const char *detail)
{
    struct yk_loc loc = t->at;
    loc.field = (uint32_t)field;
    return yk_json_event(t->sink, kind, &loc, detail);
}

/* --- buffers ---------------------------------------------------------------------------- */

/* Grow *buf (capacity *cap) to hold need bytes. 0 or YK_ENOMEM. */
static int reserve(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return YK_ENOMEM;
        c *= 2;
    }
    char *n = realloc(*buf, c);
    if (!n)
        return YK_ENOMEM;
    *buf = n;
    *cap = c;
    return 0;
}

static int reserve_vals(struct yk_json_table *t, size_t n)
{
    if (n <= t->capvals)
        return 0;
    size_t cap = t->capvals ? t->capvals : 16;
    while (cap < n)
        cap *= 2;
    struct yk_json_val *v = realloc(t->vals, cap * sizeof *v);
    if (!v)
        return YK_ENOMEM;
    t->vals = v;
    struct yk_cell *c = realloc(t->cells, cap * sizeof *c);
    if (!c)
        return YK_ENOMEM;
    t->cells = c;
    t->capvals = cap;
    return 0;
}

/* Copy n bytes into scratch as the text of v (NUL-terminated there). */
static int put_text(struct yk_json_table *t, struct yk_json_val *v, const char *s, size_t n,
                    bool quoted)
{
    if (reserve(&t->scratch, &t->scap, t->slen + n + 1) < 0)
        return YK_ENOMEM;
    memcpy(t->scratch + t->slen, s, n);
    *v = (struct yk_json_val){.off = t->slen, .len = n, .quoted = quoted};
    t->slen += n;
    t->scratch[t->slen++] = '\0';
    return 0;
}

static const char *val_text(const struct yk_json_table *t, const struct yk_json_val *v)
{
    return v->ext ? v->ext : t->scratch + v->off;
}

/* --- columns ------------------------------------------------------------------------------ */

static uint64_t hash_name(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static size_t find_col(const struct yk_json_table *t, const char *name, size_t len, uint64_t h)
{
    if (!t->nslots)
        return NONE;
    size_t mask = t->nslots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t s = t->slots[i];
        if (!s)
            return NONE;
        const struct yk_json_col *c = &t->cols[s - 1];
        if (c->hash == h && c->len == len && memcmp(c->name, name, len) == 0)
            return s - 1;
    }
}

static void slot_insert(struct yk_json_table *t, size_t col)
{
    size_t mask = t->nslots - 1, i = (size_t)t->cols[col].hash & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = (uint32_t)(col + 1);
}

/* Keep the slot table at most half full. */
static int grow_slots(struct yk_json_table *t)
{
    if ((t->ncols + 1) * 2 <= t->nslots)
        return 0;
    size_t n = t->nslots ? t->nslots * 2 : 64;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return YK_ENOMEM;
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    for (size_t i = 0; i < t->ncols; i++)
        if (find_col(t, t->cols[i].name, t->cols[i].len, t->cols[i].hash) == NONE)
            slot_insert(t, i);
    return 0;
}

/* Append a header column. A name already present gets a column of its own (positional records
 * need it) but lookups by name find the first. */
static int add_col(struct yk_json_table *t, const char *name, size_t len)
{
    if (t->ncols == t->capcols) {
        size_t cap = t->capcols ? t->capcols * 2 : 32;
        struct yk_json_col *c = realloc(t->cols, cap * sizeof *c);
        if (!c)
            return YK_ENOMEM;
        t->cols = c;
        uint64_t *st = realloc(t->stamp, cap * sizeof *st);
        if (!st)
            return YK_ENOMEM;
        t->stamp = st;
        t->capcols = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy || grow_slots(t) < 0) {
        free(copy);
        return YK_ENOMEM;
    }
    memcpy(copy, name, len);
    copy[len] = '\0';
    uint64_t h = hash_name(name, len);
    bool first = find_col(t, name, len, h) == NONE;
    t->cols[t->ncols] = (struct yk_json_col){.name = copy, .len = len, .hash = h};
    t->stamp[t->ncols] = 0;
    if (first)
        slot_insert(t, t->ncols);
    t->ncols++;
    return 0;
}

/* The column a key names, trying the one after the last match first: records usually list
 * their keys in the same order. */
static size_t lookup(struct yk_json_table *t, const char *name, size_t len)
{
    if (t->hint < t->ncols) {
        const struct yk_json_col *c = &t->cols[t->hint];
        if (c->len == len && memcmp(c->name, name, len) == 0)
            return t->hint++;
    }
    size_t i = find_col(t, name, len, hash_name(name, len));
    if (i != NONE)
        t->hint = i + 1;
    return i;
}

/* Add a column unless max_columns is reached, which is reported once per header. */
static int add_header_col(struct yk_json_table *t, const char *name, size_t len)
{
    if (t->ncols < t->opt->limits.max_columns)
        return add_col(t, name, len);
    if (t->header_cut)
        return 0;
    t->header_cut = true;
    char detail[96];
    snprintf(detail, sizeof detail, "more than %zu columns: the other keys are dropped",
             t->opt->limits.max_columns);
    return record_event(t, YK_EV_LIMIT, 0, detail);
}

/* Append .k (or k at the top) to the dotted key. */
static int key_push(struct yk_json_table *t, const char *k, size_t n)
{
    if (reserve(&t->key, &t->kcap, t->klen + n + 2) < 0)
        return YK_ENOMEM;
    if (t->klen)
        t->key[t->klen++] = '.';
    memcpy(t->key + t->klen, k, n);
    t->klen += n;
    t->key[t->klen] = '\0';
    return 0;
}

/* --- values ----------------------------------------------------------------------------- */

/* %g follows LC_NUMERIC, so a program that set a locale may get "0,5": keep the digits, signs
 * and exponent, and turn the decimal point (whatever its bytes) into '.'. */
static int c_locale_number(char *s, int n)
{
    int w = 0;
    bool point = false;
    for (int r = 0; r < n; r++) {
        char c = s[r];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e') {
            s[w++] = c;
        } else if (!point) {
            s[w++] = '.';
            point = true;
        }
    }
    s[w] = '\0';
    return w;
}

/* The common case fast: a real with at most 15 significant digits that %g would print in fixed
 * notation (1e-4 <= |v| < 1e15). m / 10^k with m and 10^k exact is correctly rounded, so when it
 * gives back v, the decimal m / 10^k reads back to v, and with the fewest decimals it is what
 * "%.15g" prints. Returns the length, or 0 to take the general path. */
static int fixed_real(char *buf, size_t size, double v)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    double a = v < 0 ? -v : v;
    if (!(a >= 1e-4 && a < 1e15) || size < 40)
        return 0;
    for (int k = 0; k < (int)(sizeof p10 / sizeof p10[0]); k++) {
        double x = a * p10[k];
        if (x >= 1e15)
            return 0;
        long long m = (long long)(x + 0.5);
        if ((double)m / p10[k] != a)
            continue;
        char digits[24];
        int nd = snprintf(digits, sizeof digits, "%lld", m), n = 0;
        if (v < 0)
            buf[n++] = '-';
        if (nd <= k) { /* 0.00ddd */
            buf[n++] = '0';
            buf[n++] = '.';
            for (int z = 0; z < k - nd; z++)
                buf[n++] = '0';
            memcpy(buf + n, digits, (size_t)nd);
            n += nd;
        } else {
            memcpy(buf + n, digits, (size_t)(nd - k));
            n += nd - k;
            buf[n++] = '.';
            memcpy(buf + n, k ? digits + nd - k : "0", k ? (size_t)k : 1);
            n += k ? k : 1;
        }
        buf[n] = '\0';
        return n;
    }
    return 0;
}

/* The shortest text that reads back to the same double (15 significant digits suffice for
 * every decimal written with at most 15), with ".0" added to a whole number so that a real
 * still reads as one, the way JSON writers print it. In a record decoded with integers as reals
 * (ints), a whole number that a double holds exactly prints as the integer it was. */
static int format_real(char *buf, size_t size, double v, bool ints)
{
    if (ints && v > -9007199254740992.0 && v < 9007199254740992.0 && v == (double)(long long)v)
        return snprintf(buf, size, "%lld", (long long)v);
    int n = fixed_real(buf, size, v);
    if (n > 0)
        return n;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    n = c_locale_number(buf, n);
    if (!strpbrk(buf, ".e") && (size_t)n + 2 < size) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    return n;
}

static const char *type_name(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT:
        return "object";
    case JSON_ARRAY:
        return "array";
    case JSON_STRING:
        return "string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "boolean";
    case JSON_NULL:
        break;
    }
    return "null";
}

/* A nested array or object as compact JSON in scratch. Reals get 15 significant digits, so the
 * text matches the source for every number written with at most 15. */
static int render_nested(struct yk_json_table *t, struct yk_json_val *v, const json_t *j)
{
    const size_t flags = JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15);
    size_t room = t->scap - t->slen;
    size_t need = json_dumpb(j, t->scratch ? t->scratch + t->slen : NULL, room, flags);
    if (need == 0)
        return YK_ENOMEM;
    if (need + 1 > room) {
        if (reserve(&t->scratch, &t->scap, t->slen + need + 1) < 0)
            return YK_ENOMEM;
        if (json_dumpb(j, t->scratch + t->slen, need, flags) != need)
            return YK_ENOMEM;
    }
    *v = (struct yk_json_val){.off = t->slen, .len = need};
    t->slen += need;
    t->scratch[t->slen++] = '\0';
    return 0;
}

/* Cut a cell longer than max_cell_bytes at a character boundary. */
static int cut(struct yk_json_table *t, size_t col)
{
    size_t max = t->opt->limits.max_cell_bytes;
    struct yk_json_val *v = &t->vals[col];
    const char *s = val_text(t, v);
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    if (v->ext) {
        if (put_text(t, v, s, n, v->quoted) < 0)
            return YK_ENOMEM;
    } else {
        v->len = n;
        t->scratch[v->off + n] = '\0';
    }
    t->flags |= YK_ROW_TRUNCATED;
    char detail[96];
    snprintf(detail, sizeof detail, "cell longer than %zu bytes: cut", max);
    return record_event(t, YK_EV_LIMIT, col + 1, detail);
}

/* The text of a value in cell col; nested values are reported unless quiet (header rows). */
static int render(struct yk_json_table *t, size_t col, const json_t *j, bool quiet)
{
    struct yk_json_val *v = &t->vals[col];
    char num[48];
    int rc = 0;
    *v = (struct yk_json_val){.ext = "", .len = 0};
    switch (json_typeof(j)) {
    case JSON_STRING:
        *v = (struct yk_json_val){json_string_value(j), 0, json_string_length(j), true};
        break;
    case JSON_INTEGER:
        rc = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
        rc = put_text(t, v, num, (size_t)rc, false);
        break;
    case JSON_REAL:
        rc = format_real(num, sizeof num, json_real_value(j), t->big_ints);
        rc = put_text(t, v, num, (size_t)rc, false);
        break;
    case JSON_TRUE:
        *v = (struct yk_json_val){.ext = "true", .len = 4};
        break;
    case JSON_FALSE:
        *v = (struct yk_json_val){.ext = "false", .len = 5};
        break;
    case JSON_NULL:
        break;
    case JSON_ARRAY:
    case JSON_OBJECT:
        rc = render_nested(t, v, j);
        if (rc == 0 && !quiet)
            rc = record_event(t, YK_EV_JSON_NESTED, col + 1, type_name(j));
        break;
    }
    if (rc == 0 && v->len > t->opt->limits.max_cell_bytes)
        rc = cut(t, col);
    return rc;
}

/* --- rows ------------------------------------------------------------------------------- */

static void build_cells(struct yk_json_table *t, struct yk_row *row)
{
    bool blank = true;
    for (size_t i = 0; i < t->nvals; i++) {
        const struct yk_json_val *v = &t->vals[i];
        t->cells[i] = (struct yk_cell){val_text(t, v), v->len, v->quoted};
        blank = blank && v->len == 0;
    }
    *row = (struct yk_row){
        .number = t->at.row,
        .line = t->at.line,
        .offset = t->at.offset,
        .flags = t->flags | (blank ? YK_ROW_BLANK : 0u),
        .ncells = t->nvals,
        .cells = t->cells,
    };
}

static void begin_row(struct yk_json_table *t)
{
    t->slen = 0;
    t->flags = 0;
    t->klen = 0;
    t->hint = 0;
    t->now++;
}

/* The header from the column names, as row `number` (labels are never blank rows). */
static int push_header(struct yk_json_table *t, uint64_t number)
{
    begin_row(t);
    t->at.row = number;
    if (reserve_vals(t, t->ncols) < 0)
        return YK_ENOMEM;
    t->nvals = t->ncols;
    for (size_t i = 0; i < t->ncols; i++) {
        t->vals[i] = (struct yk_json_val){t->cols[i].name, 0, t->cols[i].len, true};
        if (t->cols[i].len > t->opt->limits.max_cell_bytes && cut(t, i) < 0)
            return YK_ENOMEM;
    }
    struct yk_row row;
    build_cells(t, &row);
    row.flags &= ~(unsigned)YK_ROW_BLANK;
    t->have_header = true;
    t->info->columns = (uint32_t)t->ncols;
    return t->sink->on_header(t->sink->ctx, &row);
}

/* Header pass over the first record: every scalar (or empty object, or array) leaf names a
 * column; non-empty objects are flattened. */
static int collect(struct yk_json_table *t, const json_t *obj)
{
    size_t saved = t->klen;
    for (void *it = json_object_iter((json_t *)obj); it;
         it = json_object_iter_next((json_t *)obj, it)) {
        const char *k = json_object_iter_key(it);
        const json_t *v = json_object_iter_value(it);
        int rc = key_push(t, k, strlen(k));
        if (rc == 0 && json_is_object(v) && json_object_size(v) > 0)
            rc = collect(t, v);
        else if (rc == 0 && find_col(t, t->key, t->klen, hash_name(t->key, t->klen)) == NONE)
            rc = add_header_col(t, t->key, t->klen);
        t->klen = saved;
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int flatten(struct yk_json_table *t, const json_t *obj);

/* Place the value named by the dotted key. An object that does not name a column itself is
 * flattened a level deeper; one that does is kept as JSON text. */
static int place(struct yk_json_table *t, const json_t *j)
{
    size_t col = lookup(t, t->key, t->klen);
    if (col == NONE && json_is_object(j) && json_object_size(j) > 0)
        return flatten(t, j);
    if (col == NONE)
        return t->header_cut ? 0 : record_event(t, YK_EV_JSON_KEY_EXTRA, 0, t->key);
    t->stamp[col] = t->now;
    return render(t, col, j, false);
}

static int flatten(struct yk_json_table *t, const json_t *obj)
{
    size_t saved = t->klen;
    for (void *it = json_object_iter((json_t *)obj); it;
         it = json_object_iter_next((json_t *)obj, it)) {
        const char *k = json_object_iter_key(it);
        int rc = key_push(t, k, strlen(k));
        if (rc == 0)
            rc = place(t, json_object_iter_value(it));
        t->klen = saved;
        if (t->key)
            t->key[saved] = '\0';
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* A keyed record: values in header order, empty cells (and events) for missing keys. */
static int object_row(struct yk_json_table *t, const json_t *obj)
{
    begin_row(t);
    if (reserve_vals(t, t->ncols) < 0)
        return YK_ENOMEM;
    t->nvals = t->ncols;
    int rc = flatten(t, obj);
    for (size_t i = 0; rc == 0 && i < t->ncols; i++) {
        if (t->stamp[i] == t->now)
            continue;
        t->vals[i] = (struct yk_json_val){.ext = "", .len = 0};
        rc = record_event(t, YK_EV_JSON_KEY_MISSING, i + 1, t->cols[i].name);
    }
    if (rc < 0)
        return rc;
    struct yk_row row;
    build_cells(t, &row);
    return t->sink->on_row(t->sink->ctx, &row);
}

/* A positional record: one cell per element, at most max_columns. */
static int array_row(struct yk_json_table *t, const json_t *arr, bool header)
{
    begin_row(t);
    size_t n = json_array_size(arr);
    int rc = 0;
    if (n > t->opt->limits.max_columns) {
        n = t->opt->limits.max_columns;
        t->flags |= YK_ROW_TRUNCATED;
        char detail[96];
        snprintf(detail, sizeof detail, "more than %zu cells in a row: the rest dropped", n);
        rc = record_event(t, YK_EV_LIMIT, 0, detail);
    }
    if (rc < 0 || reserve_vals(t, n) < 0)
        return rc < 0 ? rc : YK_ENOMEM;
    t->nvals = n;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = render(t, i, json_array_get(arr, i), header);
    if (rc < 0)
        return rc;
    struct yk_row row;
    build_cells(t, &row);
    if (!header)
        return t->sink->on_row(t->sink->ctx, &row);
    row.flags &= ~(unsigned)YK_ROW_BLANK;
    t->have_header = true;
    t->info->columns = (uint32_t)n;
    return t->sink->on_header(t->sink->ctx, &row);
}

/* --- the interface ----------------------------------------------------------------------- */

int yk_json_table_set_fields(struct yk_json_table *t, const json_t *fields)
{
    if (t->have_header || !json_is_array(fields) || json_array_size(fields) == 0)
        return 1;
    for (size_t i = 0; i < json_array_size(fields); i++)
        if (!json_is_string(json_object_get(json_array_get(fields, i), "id")))
            return 1;
    free_cols(t);
    t->header_cut = false;
    for (size_t i = 0; i < json_array_size(fields); i++) {
        const json_t *id = json_object_get(json_array_get(fields, i), "id");
        int rc = add_header_col(t, json_string_value(id), json_string_length(id));
        if (rc < 0)
            return rc;
    }
    t->from_fields = true;
    return 0;
}

static void set_at(struct yk_json_table *t, uint64_t row, const struct yk_json_pos *at)
{
    t->at =
        (struct yk_loc){.row = row, .line = at->line, .column = at->column, .offset = at->offset};
    if (row > t->info->records)
        t->info->records = row;
}

int yk_json_table_start(struct yk_json_table *t, const struct yk_json_pos *at)
{
    if (!t->from_fields || t->have_header)
        return 0;
    set_at(t, 1, at);
    return push_header(t, 1);
}

int yk_json_table_element(struct yk_json_table *t, json_t *value, uint64_t index,
                          const struct yk_json_pos *at)
{
    enum yk_json_shape kind = json_is_object(value)  ? YK_JSON_SHAPE_OBJECTS
                              : json_is_array(value) ? YK_JSON_SHAPE_ARRAYS
                                                     : YK_JSON_SHAPE_UNKNOWN;
    if (t->shape == YK_JSON_SHAPE_UNKNOWN)
        t->shape = kind;
    /* Frictionless numbering: the header is row 1, whether it is the first array or the keys
     * of the first object (then the first record is row 2). */
    bool header_is_data = t->shape == YK_JSON_SHAPE_ARRAYS && !t->from_fields;
    set_at(t, index + (header_is_data ? 1 : 2), at);
    if (kind == YK_JSON_SHAPE_UNKNOWN || kind != t->shape)
        return record_event(t, YK_EV_JSON_NOT_RECORD, 0, type_name(value));
    if (kind == YK_JSON_SHAPE_ARRAYS)
        return array_row(t, value, header_is_data && !t->have_header);
    if (!t->have_header) {
        begin_row(t);
        int rc = collect(t, value);
        if (rc == 0) {
            struct yk_loc rec = t->at;
            rc = push_header(t, 1);
            t->at = rec;
        }
        if (rc < 0)
            return rc;
    }
    return object_row(t, value);
}
