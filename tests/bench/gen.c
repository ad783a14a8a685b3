/* yakist-gen: writes a deterministic 12-column CSV that looks like a Ukrainian open-data register
 * (organisations, people, addresses, КАТОТТГ and ЄДРПОУ codes, money, dates, phones, coordinates).
 * The PRNG has a fixed seed and no floating point is used: the bytes are the same on every run. */
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

/* An unsigned number, zero-padded to at least `width` digits. */
static void put_uint(struct out *o, uint64_t v, int width)
{
    char tmp[24];
    int n = snprintf(tmp, sizeof tmp, "%0*" PRIu64, width, v);
    put_mem(o, tmp, (size_t)n);
}

/* A fixed-point number: value / 10^decimals, e.g. (5045012, 5) -> "50.45012". */
static void put_fixed(struct out *o, int64_t value, int decimals)
{
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    if (value < 0) {
        put_char(o, '-');
        value = -value;
    }
    put_uint(o, (uint64_t)value / scale, 1);
    put_char(o, '.');
    put_uint(o, (uint64_t)value % scale, decimals);
}

/* One CSV field built in `field`, quoted only when it has to be (RFC 4180). */
static void put_field(struct out *o, const char *field)
{
    if (strpbrk(field, ",\"\r\n") == NULL) {
        put_str(o, field);
        return;
    }
    put_char(o, '"');
    for (const char *p = field; *p; p++) {
        if (*p == '"')
            put_char(o, '"');
        put_char(o, *p);
    }
    put_char(o, '"');
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

static void put_edrpou(struct out *o)
{
    uint32_t code7 = 1000000 + rng_below(4400000);
    unsigned d[7];
    uint32_t v = code7;
    for (int i = 6; i >= 0; i--) {
        d[i] = v % 10;
        v /= 10;
    }
    put_uint(o, (uint64_t)code7 * 10 + edrpou_check(d, code7), 8);
}

static void put_katottg(struct out *o, const struct city *c)
{
    put_str(o, "UA");
    put_str(o, c->region);
    put_uint(o, rng_below(100000000), 8);
    put_uint(o, rng_below(10000000), 7);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

static void put_date(struct out *o)
{
    int y = 1991 + (int)rng_below(34);
    int m = 1 + (int)rng_below(12);
    int d = 1 + (int)rng_below((uint32_t)days_in_month(y, m));
    put_uint(o, (uint64_t)y, 4);
    put_char(o, '-');
    put_uint(o, (uint64_t)m, 2);
    put_char(o, '-');
    put_uint(o, (uint64_t)d, 2);
}

static void put_phone(struct out *o)
{
    const char *code = PICK(mobile_codes);
    uint32_t num = rng_below(10000000);
    char tmp[40];
    if (rng_below(4) == 0)
        snprintf(tmp, sizeof tmp, "+380 (%s) %03u-%02u-%02u", code, (unsigned)(num / 10000),
                 (unsigned)(num / 100 % 100), (unsigned)(num % 100));
    else
        snprintf(tmp, sizeof tmp, "+380%s%07u", code, (unsigned)num);
    put_field(o, tmp);
}

static void put_org(struct out *o)
{
    char tmp[160];
    const char *form = PICK(org_forms);
    const char *a = PICK(org_words);
    const char *b = PICK(org_words);
    switch (rng_below(3)) {
    case 0:
        snprintf(tmp, sizeof tmp, "%s \"%s-%s\"", form, a, b);
        break;
    case 1:
        snprintf(tmp, sizeof tmp, "%s «%s %s»", form, a, b);
        break;
    default:
        snprintf(tmp, sizeof tmp, "%s %s%s", form, a, b);
        break;
    }
    put_field(o, tmp);
}

static void put_person(struct out *o)
{
    char tmp[160];
    int female = rng_below(2) != 0;
    const char *sur = PICK(surnames);
    const char *first = female ? PICK(names_f) : PICK(names_m);
    const char *patr = female ? PICK(patr_f) : PICK(patr_m);
    snprintf(tmp, sizeof tmp, "%s %s %s", sur, first, patr);
    put_field(o, tmp);
}

static void put_address(struct out *o, const struct city *c)
{
    char tmp[200];
    const char *kind = PICK(street_kinds);
    const char *street = PICK(streets);
    unsigned house = 1 + rng_below(180);
    if (rng_below(3) == 0)
        snprintf(tmp, sizeof tmp, "м. %s, %s %s, %u, кв. %u", c->name, kind, street, house,
                 1 + rng_below(240));
    else
        snprintf(tmp, sizeof tmp, "м. %s, %s %s, %u", c->name, kind, street, house);
    put_field(o, tmp);
}

/* A free-text description; about one row in 400 carries a line break inside its quotes. */
static void put_description(struct out *o, uint64_t row)
{
    char tmp[400];
    const char *act = PICK(activities);
    const char *remark = PICK(remarks);
    const char *sep = rng_below(400) == 0 ? ".\n" : "; ";
    if (*remark)
        snprintf(tmp, sizeof tmp, "Основний вид діяльності: %s, запис № %" PRIu64 "%s%s", act, row,
                 sep, remark);
    else
        snprintf(tmp, sizeof tmp, "Основний вид діяльності: %s", act);
    put_field(o, tmp);
}

static void put_row(struct out *o, uint64_t row)
{
    const struct city *c = &PICK(cities);
    put_uint(o, row, 1);
    put_char(o, ',');
    put_edrpou(o);
    put_char(o, ',');
    put_org(o);
    put_char(o, ',');
    put_person(o);
    put_char(o, ',');
    put_address(o, c);
    put_char(o, ',');
    put_katottg(o, c);
    put_char(o, ',');
    put_date(o);
    put_char(o, ',');
    put_fixed(o, (int64_t)rng_below(2000000000u), 2);
    put_char(o, ',');
    put_phone(o);
    put_char(o, ',');
    put_fixed(o, c->lat_micro + (int)rng_below(200000) - 100000, 6);
    put_char(o, ',');
    put_fixed(o, c->lon_micro + (int)rng_below(200000) - 100000, 6);
    put_char(o, ',');
    put_description(o, row);
    put_char(o, '\n');
}

static const char header[] = "id,код_єдрпоу,назва,керівник,адреса,катоттг,дата_реєстрації,"
                             "статутний_капітал,телефон,широта,довгота,опис\n";

static int usage(void)
{
    fputs("usage: yakist-gen [--size MB] [--seed N] [--format csv] [-o FILE]\n"
          "Writes a deterministic CSV of about MB megabytes (10^6 bytes; default 200).\n",
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
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--size") == 0 && v && parse_u64(v, &size_mb) == 0 && size_mb > 0)
            i++;
        else if (strcmp(a, "--seed") == 0 && v && parse_u64(v, &seed) == 0)
            i++;
        else if (strcmp(a, "--format") == 0 && v && strcmp(v, "csv") == 0)
            i++;
        else if (strcmp(a, "-o") == 0 && v)
            path = argv[++i];
        else
            return usage();
    }

    static struct out o;
    o.f = path ? fopen(path, "wb") : stdout;
    if (o.f == NULL) {
        fprintf(stderr, "yakist-gen: %s: %s\n", path, strerror(errno));
        return 1;
    }
    rng_state = seed;
    uint64_t target = size_mb * 1000000u, rows = 0;
    put_str(&o, header);
    while (o.total < target)
        put_row(&o, ++rows);
    out_flush(&o);
    if (o.failed || fflush(o.f) != 0 || (path && fclose(o.f) != 0)) {
        fprintf(stderr, "yakist-gen: write failed: %s\n", strerror(errno));
        return 1;
    }
    fprintf(stderr, "yakist-gen: %" PRIu64 " rows, %" PRIu64 " bytes\n", rows, o.total);
    return 0;
}
