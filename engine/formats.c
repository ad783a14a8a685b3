/* yakist — declared resource formats: a table of the formats open data meets, with their
 * openness class and five-star level, and a reader that undoes what people and portals do to
 * the format field (quotes, dots, case, Cyrillic look-alikes, typos, media types, URIs, several
 * formats in one field) while remembering each repair for the report. */
#include <string.h>

#include "formats.h"

#define WORK_MAX 256 /* a longer format field names nothing useful */

static const struct yk_fmt formats[] = {
    {"CSV", YK_FCLASS_OPEN, 3, "csv"},        {"TSV", YK_FCLASS_OPEN, 3, "tsv"},
    {"JSON", YK_FCLASS_OPEN, 3, "json"},      {"GeoJSON", YK_FCLASS_OPEN, 3, "json"},
    {"JSON-LD", YK_FCLASS_OPEN, 4, "json"},   {"XML", YK_FCLASS_OPEN, 3, "xml"},
    {"KML", YK_FCLASS_OPEN, 3, "xml"},        {"GML", YK_FCLASS_OPEN, 3, "xml"},
    {"RDF", YK_FCLASS_OPEN, 4, "xml"},        {"TTL", YK_FCLASS_OPEN, 4, NULL},
    {"API", YK_FCLASS_OPEN, 3, NULL}, /* a web service: its answers are not sniffed */
    {"ODS", YK_FCLASS_SPREADSHEET, 3, "ods"}, {"XLSX", YK_FCLASS_SPREADSHEET, 2, "xlsx"},
    {"XLS", YK_FCLASS_PROPRIETARY, 2, "xls"}, {"SHP", YK_FCLASS_PROPRIETARY, 2, NULL},
    {"DBF", YK_FCLASS_PROPRIETARY, 2, NULL},  {"PDF", YK_FCLASS_DOCUMENT, 1, "pdf"},
    {"DOC", YK_FCLASS_DOCUMENT, 1, "doc"},    {"DOCX", YK_FCLASS_DOCUMENT, 1, "docx"},
    {"RTF", YK_FCLASS_DOCUMENT, 1, "rtf"},    {"ODT", YK_FCLASS_DOCUMENT, 1, "odt"},
    {"HTML", YK_FCLASS_DOCUMENT, 1, "html"},  {"TXT", YK_FCLASS_DOCUMENT, 1, "txt"},
    {"PPTX", YK_FCLASS_DOCUMENT, 1, "pptx"},  {"ODP", YK_FCLASS_DOCUMENT, 1, "odp"},
    {"JPEG", YK_FCLASS_IMAGE, 1, "jpeg"},     {"PNG", YK_FCLASS_IMAGE, 1, "png"},
    {"TIFF", YK_FCLASS_IMAGE, 1, "tiff"},     {"GIF", YK_FCLASS_IMAGE, 1, "gif"},
    {"ZIP", YK_FCLASS_ARCHIVE, 1, "zip"},     {"GZIP", YK_FCLASS_ARCHIVE, 1, "gzip"},
    {"7Z", YK_FCLASS_ARCHIVE, 1, "7z"},       {"RAR", YK_FCLASS_ARCHIVE, 1, "rar"},
};

struct alias {
    const char *text; /* lower-case */
    const char *name;
};

static const struct alias aliases[] = {
    {"xlxs", "XLSX"},  {"xslx", "XLSX"},   {"xlsm", "XLSX"},        {"cvs", "CSV"},
    {"scv", "CSV"},    {"jsn", "JSON"},    {"geo+json", "GeoJSON"}, {"jsonld", "JSON-LD"},
    {"turtle", "TTL"}, {"rdf+xml", "RDF"}, {"jpg", "JPEG"},         {"tif", "TIFF"},
    {"htm", "HTML"},   {"gz", "GZIP"},     {"text", "TXT"},
};

static const struct alias media_types[] = {
    {"text/csv", "CSV"},
    {"application/csv", "CSV"},
    {"text/comma-separated-values", "CSV"},
    {"text/x-csv", "CSV"},
    {"text/tab-separated-values", "TSV"},
    {"application/json", "JSON"},
    {"application/geo+json", "GeoJSON"},
    {"application/vnd.geo+json", "GeoJSON"},
    {"application/ld+json", "JSON-LD"},
    {"application/xml", "XML"},
    {"text/xml", "XML"},
    {"application/rdf+xml", "RDF"},
    {"text/turtle", "TTL"},
    {"application/vnd.google-earth.kml+xml", "KML"},
    {"application/gml+xml", "GML"},
    {"application/vnd.oasis.opendocument.spreadsheet", "ODS"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"},
    {"application/vnd.ms-excel", "XLS"},
    {"application/pdf", "PDF"},
    {"application/msword", "DOC"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"},
    {"application/rtf", "RTF"},
    {"text/rtf", "RTF"},
    {"application/vnd.oasis.opendocument.text", "ODT"},
    {"text/html", "HTML"},
    {"text/plain", "TXT"},
    {"image/jpeg", "JPEG"},
    {"image/png", "PNG"},
    {"image/tiff", "TIFF"},
    {"image/gif", "GIF"},
    {"application/zip", "ZIP"},
    {"application/x-zip-compressed", "ZIP"},
    {"application/gzip", "GZIP"},
    {"application/x-gzip", "GZIP"},
    {"application/x-7z-compressed", "7Z"},
    {"application/vnd.rar", "RAR"},
    {"application/x-rar-compressed", "RAR"},
};

/* Cyrillic letters that look like Latin ones, as they slip into format fields. */
static const struct {
    const char *cyr;
    char lat;
} homoglyphs[] = {
    {"А", 'A'}, {"В", 'B'}, {"Е", 'E'}, {"К", 'K'}, {"М", 'M'}, {"Н", 'H'}, {"О", 'O'},
    {"Р", 'P'}, {"С", 'C'}, {"Т", 'T'}, {"Х", 'X'}, {"І", 'I'}, {"а", 'a'}, {"е", 'e'},
    {"о", 'o'}, {"р", 'p'}, {"с", 'c'}, {"х", 'x'}, {"у", 'y'}, {"і", 'i'},
};

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

static bool caseeq(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

const struct yk_fmt *yk_fmt_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

const struct yk_fmt *yk_fmt_of_content(const char *content_format)
{
    /* The first format of a family is its plain form: "json" is JSON, not GeoJSON. */
    for (size_t i = 0; content_format && i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].family && strcmp(formats[i].family, content_format) == 0)
            return &formats[i];
    return NULL;
}

static void add(struct yk_fmt_reading *r, const struct yk_fmt *f)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->fmt[i] == f)
            return;
    if (r->n < YK_FMT_MAX)
        r->fmt[r->n++] = f;
}

static const struct yk_fmt *lookup(const struct alias *table, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (caseeq(s, len, table[i].text))
            return yk_fmt_find(table[i].name);
    return NULL;
}

/* One part of the field: dots, look-alikes, case and aliases. */
static void read_token(struct yk_fmt_reading *r, const char *s, size_t n)
{
    char tok[WORK_MAX];
    size_t m = 0;
    bool lookalike = false;
    while (n > 0 && *s == '.')
        s++, n--, r->flags |= YK_FMT_DOT;
    for (size_t i = 0; i < n && m < sizeof tok - 1;) {
        size_t k = 0;
        for (size_t h = 0;
             !k && (unsigned char)s[i] >= 0x80 && h < sizeof homoglyphs / sizeof homoglyphs[0]; h++)
            if (i + 2 <= n && memcmp(s + i, homoglyphs[h].cyr, 2) == 0) {
                tok[m++] = homoglyphs[h].lat;
                k = 2;
                lookalike = true;
            }
        if (!k) {
            if ((unsigned char)s[i] >= 0x80) {
                r->unknown = true; /* a letter of another script: no format name */
                return;
            }
            tok[m++] = s[i];
            k = 1;
        }
        i += k;
    }
    if (m == 0)
        return;
    if (lookalike)
        r->flags |= YK_FMT_HOMOGLYPH; /* only once the whole part reads as Latin */
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        const char *name = formats[i].name;
        if (!caseeq(tok, m, name))
            continue;
        bool upper = true;
        for (size_t k = 0; k < m; k++)
            upper &= !(tok[k] >= 'a' && tok[k] <= 'z');
        if (memcmp(tok, name, m) != 0 && !upper)
            r->flags |= YK_FMT_CASE;
        add(r, &formats[i]);
        return;
    }
    const struct yk_fmt *f = lookup(aliases, sizeof aliases / sizeof aliases[0], tok, m);
    if (f) {
        r->flags |= YK_FMT_ALIAS;
        add(r, f);
    } else {
        r->unknown = true;
    }
}

/* "text/csv; charset=utf-8": the media type before any parameter, when its top level is one
 * that formats use. Returns false when s is no media type. */
static bool read_media_type(struct yk_fmt_reading *r, const char *s, size_t n)
{
    static const char *const tops[] = {"text/", "application/", "image/"};
    bool media = false;
    for (size_t i = 0; i < 3; i++)
        media |= n > strlen(tops[i]) && caseeq(s, strlen(tops[i]), tops[i]);
    if (!media)
        return false;
    size_t len = 0;
    while (len < n && s[len] != ';' && s[len] != ' ' && s[len] != ',')
        len++;
    const struct yk_fmt *f =
        lookup(media_types, sizeof media_types / sizeof media_types[0], s, len);
    r->flags |= YK_FMT_MIME;
    if (f)
        add(r, f);
    else
        r->unknown = true;
    return true;
}

static bool edge_mark(const char *s, size_t n, size_t *len, bool at_end)
{
    static const char *const marks[] = {" ", "\t", "\r", "\n", "\"",      "'",
                                        "«", "»",  "“",  "”",  "\xC2\xA0"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t k = strlen(marks[i]);
        if (k <= n && memcmp(at_end ? s + n - k : s, marks[i], k) == 0) {
            *len = k;
            return true;
        }
    }
    return false;
}

void yk_fmt_read(const char *declared, struct yk_fmt_reading *out)
{
    struct yk_fmt_reading r = {0};
    const char *s = declared ? declared : "";
    size_t n = strlen(s), k;
    while (n > 0 && edge_mark(s, n, &k, false))
        s += k, n -= k, r.flags |= YK_FMT_SPACE;
    while (n > 0 && edge_mark(s, n, &k, true))
        n -= k, r.flags |= YK_FMT_SPACE;
    if (n == 0 || n >= WORK_MAX) {
        r.empty = n == 0;
        r.unknown = n != 0;
        *out = r;
        return;
    }
    if (caseeq(s, n < 7 ? n : 7, "http://") || caseeq(s, n < 8 ? n : 8, "https://")) {
        r.flags |= YK_FMT_URI;
        const char *mt = NULL;
        for (const char *p = s; p + 12 <= s + n && !mt; p++)
            if (memcmp(p, "media-types/", 12) == 0)
                mt = p + 12;
        if (mt && read_media_type(&r, mt, n - (size_t)(mt - s))) {
            r.flags &= ~(unsigned)YK_FMT_MIME;
            *out = r;
            return;
        }
        size_t last = n; /* the last path segment: .../file-type/CSV */
        while (last > 0 && s[last - 1] != '/' && s[last - 1] != '#')
            last--;
        s += last;
        n -= last;
    } else if (read_media_type(&r, s, n)) {
        *out = r;
        return;
    }
    size_t tokens = 0;
    for (size_t i = 0; i < n;) {
        size_t len = strcspn(s + i, " ,;|/\t");
        if (i + len > n)
            len = n - i;
        if (len) {
            read_token(&r, s + i, len);
            tokens++;
        }
        i += len + 1;
    }
    if (tokens == 0)
        r.empty = !(r.flags & YK_FMT_URI), r.unknown = (r.flags & YK_FMT_URI) != 0;
    if (r.n > 1)
        r.flags |= YK_FMT_SEVERAL;
    *out = r;
}

bool yk_fmt_clean(const struct yk_fmt_reading *r)
{
    return !r->empty && !r->unknown && r->n == 1 && r->flags == 0;
}

const struct yk_fmt *yk_fmt_best(const struct yk_fmt_reading *r)
{
    const struct yk_fmt *best = NULL;
    for (size_t i = 0; i < r->n; i++)
        if (!best || r->fmt[i]->stars > best->stars)
            best = r->fmt[i];
    return best;
}

static bool plain_text(const char *f)
{
    return strcmp(f, "csv") == 0 || strcmp(f, "tsv") == 0 || strcmp(f, "txt") == 0;
}

bool yk_fmt_fits(const struct yk_fmt *declared, const char *content_format, const char *container)
{
    if (!declared || !declared->family || !content_format)
        return true;
    const char *fam = declared->family;
    if (declared->cls == YK_FCLASS_ARCHIVE)
        return (container && strcmp(container, fam) == 0) || strcmp(content_format, fam) == 0;
    if (strcmp(fam, content_format) == 0)
        return true;
    if (plain_text(fam) && plain_text(content_format))
        return true; /* a CSV with tabs, a .txt table: the loader reads them alike */
    /* A legacy Office file is told from its name only: either is fine. */
    return strcmp(content_format, "ole") == 0 &&
           (strcmp(fam, "xls") == 0 || strcmp(fam, "doc") == 0);
}

const char *yk_fclass_name(enum yk_fclass cls)
{
    static const char *const names[] = {"unknown",  "open",  "spreadsheet", "proprietary",
                                        "document", "image", "archive"};
    return (unsigned)cls < sizeof names / sizeof names[0] ? names[cls] : "unknown";
}
