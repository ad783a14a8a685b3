/* yakist-gen: writes a deterministic 13-column table that looks like a Ukrainian open-data register
 * (organisations and their legal forms, people, addresses, КАТОТТГ and ЄДРПОУ codes, money, dates,
 * phones, coordinates) as CSV, as a JSON array of records or as XML. Each row is built once and
 * then written in the chosen format, so the three files hold the same rows. The PRNG has a fixed
 * seed and no floating point is used: the bytes are the same on every run. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_BUF (1u << 20)
#define DEFAULT_SIZE_MB 200
#define DEFAULT_SEED UINT64_C(0x59414b4953540001)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NFIELDS 13
#define VALUE_MAX 512 /* bytes of one value; the longest built is under 400 */

struct out {
    FILE *f;
    char buf[OUT_BUF];
    size_t len;
    uint64_t total; /* bytes handed to the file so far, buffered ones included */
    int failed;
};

struct city {
    const char *name;
    const char *region; /* first two digits of the КАТОТТГ code */
    int lat_micro;      /* centre, millionths of a degree */
    int lon_micro;
};

static const struct city cities[] = {
    {"Київ", "80", 50450100, 30523400},
    {"Львів", "46", 49839700, 24029700},
    {"Харків", "63", 49993500, 36230400},
    {"Одеса", "51", 46482500, 30723300},
    {"Дніпро", "12", 48464700, 35046200},
    {"Запоріжжя", "23", 47838800, 35139600},
    {"Вінниця", "05", 49233100, 28468200},
    {"Полтава", "53", 49588300, 34551400},
    {"Чернігів", "74", 51498200, 31289300},
    {"Житомир", "18", 50254700, 28658700},
    {"Ужгород", "21", 48620800, 22287900},
    {"Івано-Франківськ", "26", 48922600, 24711100},
    {"Тернопіль", "61", 49553500, 25594800},
    {"Луцьк", "07", 50747200, 25325400},
    {"Рівне", "56", 50619900, 26251600},
    {"Суми", "59", 50907700, 34798100},
    {"Черкаси", "71", 49444400, 32059800},
    {"Кропивницький", "35", 48507900, 32262300},
    {"Миколаїв", "48", 46975000, 31994600},
    {"Херсон", "65", 46635400, 32616800},
    {"Хмельницький", "68", 49422900, 26987100},
    {"Чернівці", "73", 48292100, 25935200},
    {"Біла Церква", "32", 49809400, 30112100},
    {"Кривий Ріг", "12", 47910500, 33391800},
    {"Кам'янець-Подільський", "68", 48678800, 26585300},
};

static const char *const street_kinds[] = {"вул.",  "вул.",   "вул.", "просп.",
                                           "пров.", "бульв.", "пл.",  "узвіз"};

static const char *const streets[] = {
    "Хрещатик",
    "Шевченка",
    "Івана Франка",
    "Лесі Українки",
    "Грушевського",
    "Сагайдачного",
    "Богдана Хмельницького",
    "Січових Стрільців",
    "Незалежності",
    "Соборна",
    "Героїв Майдану",
    "Володимирська",
    "Григорія Сковороди",
    "Коцюбинського",
    "Олександра Довженка",
    "Василя Стуса",
    "Гетьмана Мазепи",
    "Київська",
    "Миру",
    "Академіка Глушкова",
    "Полтавський Шлях",
    "Володимира Великого",
    "Ярослава Мудрого",
    "Пирогова",
    "Об'їзна",
    "Садова",
    "Замкова",
    "Торгова",
};

static const char *const org_forms[] = {"ТОВ",  "ТОВ", "ТОВ",  "ПП",  "КП", "ДП",
                                        "ПрАТ", "ГО",  "ОСББ", "КНП", "СФГ"};

static const char *const org_words[] = {
    "Агро",     "Світ",      "Будівельник",
    "Енерго",   "Захід",     "Схід",
    "Ресурс",   "Техно",     "Сервіс",
    "Трейд",    "Інвест",    "Союз",
    "Поділля",  "Карпати",   "Дніпро",
    "Галичина", "Таврія",    "Слобожанщина",
    "Волинь",   "Буковина",  "Лан",
    "Нива",     "Колос",     "Добробут",
    "Злагода",  "Водоканал", "Теплокомуненерго",
};

static const char *const surnames[] = {
    "Шевченко",   "Коваленко",  "Бондаренко", "Ткаченко", "Кравченко", "Олійник",   "Мельник",
    "Шевчук",     "Поліщук",    "Лисенко",    "Бойко",    "Савченко",  "Руденко",   "Марченко",
    "Петренко",   "Гончаренко", "Мороз",      "Павленко", "Левченко",  "Кузьменко", "Ковальчук",
    "Дем'яненко", "Прокопенко", "Сидоренко",  "Гуменюк",  "Яковенко",  "Зінченко",  "Федорчук",
};

static const char *const names_m[] = {"Олександр", "Андрій", "Сергій", "Володимир", "Дмитро",
                                      "Іван",      "Юрій",   "Микола", "Василь",    "Богдан",
                                      "Тарас",     "Олег",   "Ігор",   "Роман",     "Віталій"};
static const char *const patr_m[] = {"Олександрович", "Андрійович",  "Сергійович", "Володимирович",
                                     "Іванович",      "Миколайович", "Васильович", "Петрович",
                                     "Юрійович",      "Богданович"};
static const char *const names_f[] = {"Олена",    "Наталія", "Ірина", "Тетяна", "Оксана",
                                      "Світлана", "Юлія",    "Марія", "Ганна",  "Катерина",
                                      "Ольга",    "Людмила", "Надія", "Софія"};
static const char *const patr_f[] = {"Олександрівна", "Андріївна",  "Сергіївна", "Володимирівна",
                                     "Іванівна",      "Миколаївна", "Василівна", "Петрівна",
                                     "Юріївна",       "Богданівна"};

static const char *const activities[] = {
    "надання послуг з ремонту житлового фонду",
    "вирощування зернових і технічних культур",
    "оптова торгівля паливом, мастилами та подібними продуктами",
    "діяльність у сфері інформатизації",
    "будівництво доріг і автострад",
    "постачання пари, гарячої води та кондиційованого повітря",
    "роздрібна торгівля фармацевтичними товарами",
    "діяльність лікарняних закладів",
    "забір, очищення та постачання води",
    "управління нерухомим майном за винагороду або на основі контракту",
    "перевезення вантажів автомобільним транспортом",
    "освіта у сфері культури",
};

static const char *const remarks[] = {
    "дані актуальні на дату вивантаження",
    "за програмою \"Доступні ліки\"",
    "учасник проєкту «Прозорро»",
    "адресу уточнено, див. довідку",
    "",
    "",
    "",
    "ліцензія діє до кінця року",
};

static const char *const mobile_codes[] = {"44", "32", "57", "48", "56", "50", "63", "66", "67",
                                           "68", "73", "93", "95", "96", "97", "98", "99"};

static uint64_t rng_state;

/* splitmix64: tiny, fast, and fully specified, so every platform gives the same stream. */
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static uint32_t rng_below(uint32_t n)
{
    return (uint32_t)((rng_next() >> 32) % n);
}

#define PICK(a) ((a)[rng_below((uint32_t)COUNT(a))])

static void out_flush(struct out *o)
{
    if (o->len > 0 && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->failed = 1;
    o->len = 0;
}

static void put_mem(struct out *o, const char *s, size_t n)
{
    if (o->len + n > OUT_BUF)
        out_flush(o);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->total += n;
}

static void put_str(struct out *o, const char *s)
{
    put_mem(o, s, strlen(s));
}

static void put_char(struct out *o, char c)
{
    put_mem(o, &c, 1);
}

/* --- one row's values --------------------------------------------------------------------- */

enum kind { TEXT, NUMBER }; /* NUMBER: written bare in JSON */

static const struct column {
    const char *name;
    enum kind kind;
} columns[NFIELDS] = {
    {"id", NUMBER},
    {"код_єдрпоу", TEXT},
    {"назва", TEXT},
    {"керівник", TEXT},
    {"адреса", TEXT},
    {"катоттг", TEXT},
    {"дата_реєстрації", TEXT},
    {"статутний_капітал", NUMBER},
    {"телефон", TEXT},
    {"широта", NUMBER},
    {"довгота", NUMBER},
    {"опис", TEXT},
    {"форма", TEXT}, /* the legal form of the name: a small value set, for an enum */
};

struct row {
    char value[NFIELDS][VALUE_MAX];
};

/* An unsigned number, zero-padded to at least `width` digits. */
static void fmt_uint(char *dst, uint64_t v, int width)
{
    snprintf(dst, VALUE_MAX, "%0*" PRIu64, width, v);
}

/* A fixed-point number: value / 10^decimals, e.g. (5045012, 5) -> "50.45012". */
static void fmt_fixed(char *dst, int64_t value, int decimals)
{
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    const char *sign = value < 0 ? "-" : "";
    uint64_t v = value < 0 ? (uint64_t)-value : (uint64_t)value;
    snprintf(dst, VALUE_MAX, "%s%" PRIu64 ".%0*" PRIu64, sign, v / scale, decimals, v % scale);
}

/* ЄДРПОУ check digit, as the state register computes it. */
static unsigned edrpou_check(const unsigned d[7], uint32_t code7)
{
    unsigned base = (code7 < 3000000 || code7 >= 6000000) ? 1 : 7;
    for (unsigned pass = 0; pass < 2; pass++) {
        unsigned sum = 0;
        for (unsigned i = 0; i < 7; i++) {
            unsigned w = base + i + pass * 2;
            sum += d[i] * (w > 7 + pass * 2 ? w - 7 : w);
        }
        if (sum % 11 < 10)
            return sum % 11;
    }
    return 0;
}

static void make_edrpou(char *dst)
{
    uint32_t code7 = 1000000 + rng_below(4400000);
    unsigned d[7];
    uint32_t v = code7;
    for (int i = 6; i >= 0; i--) {
        d[i] = v % 10;
        v /= 10;
    }
    fmt_uint(dst, (uint64_t)code7 * 10 + edrpou_check(d, code7), 8);
}

static void make_katottg(char *dst, const struct city *c)
{
    uint32_t a = rng_below(100000000);
    uint32_t b = rng_below(10000000);
    snprintf(dst, VALUE_MAX, "UA%s%08" PRIu32 "%07" PRIu32, c->region, a, b);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

static void make_date(char *dst)
{
    int y = 1991 + (int)rng_below(34);
    int m = 1 + (int)rng_below(12);
    int d = 1 + (int)rng_below((uint32_t)days_in_month(y, m));
    snprintf(dst, VALUE_MAX, "%04d-%02d-%02d", y, m, d);
}

static void make_phone(char *dst)
{
    const char *code = PICK(mobile_codes);
    uint32_t num = rng_below(10000000);
    if (rng_below(4) == 0)
        snprintf(dst, VALUE_MAX, "+380 (%s) %03u-%02u-%02u", code, (unsigned)(num / 10000),
                 (unsigned)(num / 100 % 100), (unsigned)(num % 100));
    else
        snprintf(dst, VALUE_MAX, "+380%s%07u", code, (unsigned)num);
}

/* The name, and its legal form (ТОВ, ПП, ...) into form_dst: no PRNG call of its own. */
static void make_org(char *dst, char *form_dst)
{
    const char *form = PICK(org_forms);
    const char *a = PICK(org_words);
    const char *b = PICK(org_words);
    snprintf(form_dst, VALUE_MAX, "%s", form);
    switch (rng_below(3)) {
    case 0:
        snprintf(dst, VALUE_MAX, "%s \"%s-%s\"", form, a, b);
        break;
    case 1:
        snprintf(dst, VALUE_MAX, "%s «%s %s»", form, a, b);
        break;
    default:
        snprintf(dst, VALUE_MAX, "%s %s%s", form, a, b);
        break;
    }
}

static void make_person(char *dst)
{
    int female = rng_below(2) != 0;
    const char *sur = PICK(surnames);
    const char *first = female ? PICK(names_f) : PICK(names_m);
    const char *patr = female ? PICK(patr_f) : PICK(patr_m);
    snprintf(dst, VALUE_MAX, "%s %s %s", sur, first, patr);
}

static void make_address(char *dst, const struct city *c)
{
    const char *kind = PICK(street_kinds);
    const char *street = PICK(streets);
    unsigned house = 1 + rng_below(180);
    if (rng_below(3) == 0)
        snprintf(dst, VALUE_MAX, "м. %s, %s %s, %u, кв. %u", c->name, kind, street, house,
                 1 + rng_below(240));
    else
        snprintf(dst, VALUE_MAX, "м. %s, %s %s, %u", c->name, kind, street, house);
}

/* A free-text description; about one row in 400 carries a line break. */
static void make_description(char *dst, uint64_t row)
{
    const char *act = PICK(activities);
    const char *remark = PICK(remarks);
    const char *sep = rng_below(400) == 0 ? ".\n" : "; ";
    if (*remark)
        snprintf(dst, VALUE_MAX, "Основний вид діяльності: %s, запис № %" PRIu64 "%s%s", act, row,
                 sep, remark);
    else
        snprintf(dst, VALUE_MAX, "Основний вид діяльності: %s", act);
}

/* The values in column order; the order of the PRNG calls is part of the output. */
static void make_row(struct row *r, uint64_t n)
{
    const struct city *c = &PICK(cities);
    fmt_uint(r->value[0], n, 1);
    make_edrpou(r->value[1]);
    make_org(r->value[2], r->value[12]);
    make_person(r->value[3]);
    make_address(r->value[4], c);
    make_katottg(r->value[5], c);
    make_date(r->value[6]);
    fmt_fixed(r->value[7], (int64_t)rng_below(2000000000u), 2);
    make_phone(r->value[8]);
    fmt_fixed(r->value[9], c->lat_micro + (int)rng_below(200000) - 100000, 6);
    fmt_fixed(r->value[10], c->lon_micro + (int)rng_below(200000) - 100000, 6);
    make_description(r->value[11], n);
}

/* --- the formats ------------------------------------------------------------------------- */

/* A CSV field, quoted only when it has to be (RFC 4180). */
static void csv_field(struct out *o, const char *v)
{
    if (strpbrk(v, ",\"\r\n") == NULL) {
        put_str(o, v);
        return;
    }
    put_char(o, '"');
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            put_char(o, '"');
        put_char(o, *p);
    }
    put_char(o, '"');
}

static void csv_begin(struct out *o)
{
    for (size_t i = 0; i < NFIELDS; i++) {
        put_str(o, columns[i].name);
        put_char(o, i + 1 < NFIELDS ? ',' : '\n');
    }
}

static void csv_row(struct out *o, const struct row *r, uint64_t n)
{
    (void)n;
    for (size_t i = 0; i < NFIELDS; i++) {
        csv_field(o, r->value[i]);
        put_char(o, i + 1 < NFIELDS ? ',' : '\n');
    }
}

static void csv_end(struct out *o)
{
    (void)o;
}

static void json_string(struct out *o, const char *v)
{
    put_char(o, '"');
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == '"' || *p == '\\') {
            put_char(o, '\\');
            put_char(o, (char)*p);
        } else if (*p == '\n') {
            put_str(o, "\\n");
        } else if (*p < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            put_str(o, esc);
        } else {
            put_char(o, (char)*p);
        }
    }
    put_char(o, '"');
}

/* A top-level array of records, one per line: the shape most portals publish. */
static void json_begin(struct out *o)
{
    put_str(o, "[\n");
}

static void json_row(struct out *o, const struct row *r, uint64_t n)
{
    if (n > 1)
        put_str(o, ",\n");
    put_char(o, '{');
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i)
            put_char(o, ',');
        json_string(o, columns[i].name);
        put_char(o, ':');
        if (columns[i].kind == NUMBER)
            put_str(o, r->value[i]);
        else
            json_string(o, r->value[i]);
    }
    put_char(o, '}');
}

static void json_end(struct out *o)
{
    put_str(o, "\n]\n");
}

static void xml_text(struct out *o, const char *v)
{
    for (const char *p = v; *p; p++) {
        if (*p == '&')
            put_str(o, "&amp;");
        else if (*p == '<')
            put_str(o, "&lt;");
        else if (*p == '>')
            put_str(o, "&gt;");
        else
            put_char(o, *p);
    }
}

/* The records are the repeated children of the root; the fields are their child elements. */
static void xml_begin(struct out *o)
{
    put_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<реєстр>\n");
}

static void xml_row(struct out *o, const struct row *r, uint64_t n)
{
    (void)n;
    put_str(o, "<запис>");
    for (size_t i = 0; i < NFIELDS; i++) {
        put_char(o, '<');
        put_str(o, columns[i].name);
        put_char(o, '>');
        xml_text(o, r->value[i]);
        put_str(o, "</");
        put_str(o, columns[i].name);
        put_char(o, '>');
    }
    put_str(o, "</запис>\n");
}

static void xml_end(struct out *o)
{
    put_str(o, "</реєстр>\n");
}

static const struct format {
    const char *name;
    void (*begin)(struct out *o);
    void (*row)(struct out *o, const struct row *r, uint64_t n);
    void (*end)(struct out *o);
} formats[] = {
    {"csv", csv_begin, csv_row, csv_end},
    {"json", json_begin, json_row, json_end},
    {"xml", xml_begin, xml_row, xml_end},
};

static const struct format *find_format(const char *name)
{
    for (size_t i = 0; i < COUNT(formats); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

static int usage(void)
{
    fputs("usage: yakist-gen [--size MB] [--seed N] [--format csv|json|xml] [--json] [--xml]\n"
          "                  [-o FILE]\n"
          "Writes a deterministic table of about MB megabytes (10^6 bytes; default 200): CSV,\n"
          "a JSON array of records (--json) or XML (--xml), the same rows in each.\n",
          stderr);
    return 2;
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno != 0 || end == s || *end != '\0' || *s == '-')
        return -1;
    *v = x;
    return 0;
}

int main(int argc, char **argv)
{
    uint64_t size_mb = DEFAULT_SIZE_MB, seed = DEFAULT_SEED;
    const char *path = NULL;
    const struct format *fmt = &formats[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--size") == 0 && v && parse_u64(v, &size_mb) == 0 && size_mb > 0)
            i++;
        else if (strcmp(a, "--seed") == 0 && v && parse_u64(v, &seed) == 0)
            i++;
        else if (strcmp(a, "--format") == 0 && v && (fmt = find_format(v)) != NULL)
            i++;
        else if (a[0] == '-' && a[1] == '-' && find_format(a + 2))
            fmt = find_format(a + 2);
        else if (strcmp(a, "-o") == 0 && v)
            path = argv[++i];
        else
            return usage();
    }

    static struct out o;
    static struct row r;
    o.f = path ? fopen(path, "wb") : stdout;
    if (o.f == NULL) {
        fprintf(stderr, "yakist-gen: %s: %s\n", path, strerror(errno));
        return 1;
    }
    rng_state = seed;
    uint64_t target = size_mb * 1000000u, rows = 0;
    fmt->begin(&o);
    while (o.total < target) {
        make_row(&r, ++rows);
        fmt->row(&o, &r, rows);
    }
    fmt->end(&o);
    out_flush(&o);
    if (o.failed || fflush(o.f) != 0 || (path && fclose(o.f) != 0)) {
        fprintf(stderr, "yakist-gen: write failed: %s\n", strerror(errno));
        return 1;
    }
    fprintf(stderr, "yakist-gen: %" PRIu64 " rows, %" PRIu64 " bytes\n", rows, o.total);
    return 0;
}
