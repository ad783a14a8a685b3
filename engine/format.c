/* yakist — format sniffing: magic bytes for binary formats, a look at the first characters for
 * text (JSON, XML, HTML, TSV, CSV), member names for zip containers, and a table of extensions.
 * Everything here is pure: bytes in, a static descriptor out. */
#include <string.h>

#include "format.h"

static const struct yk_format formats[] = {
    {"csv", "csv", YK_CONTENT_TABLE, "CSV table"},
    {"tsv", "csv", YK_CONTENT_TABLE, "tab-separated table"},
    {"txt", "csv", YK_CONTENT_TABLE, "plain text"},
    {"json", "json", YK_CONTENT_TABLE, "JSON"},
    {"xml", "xml", YK_CONTENT_TABLE, "XML"},
    {"html", NULL, YK_CONTENT_DOCUMENT, "HTML page"},
    {"pdf", NULL, YK_CONTENT_DOCUMENT, "PDF document"},
    {"rtf", NULL, YK_CONTENT_DOCUMENT, "RTF document"},
    {"doc", NULL, YK_CONTENT_DOCUMENT, "Word document (DOC)"},
    {"docx", NULL, YK_CONTENT_DOCUMENT, "Word document (DOCX)"},
    {"odt", NULL, YK_CONTENT_DOCUMENT, "OpenDocument text (ODT)"},
    {"pptx", NULL, YK_CONTENT_DOCUMENT, "PowerPoint presentation (PPTX)"},
    {"odp", NULL, YK_CONTENT_DOCUMENT, "OpenDocument presentation (ODP)"},
    {"ole", NULL, YK_CONTENT_DOCUMENT, "legacy Microsoft Office file (DOC, XLS, PPT)"},
    {"xls", NULL, YK_CONTENT_SPREADSHEET, "Excel workbook (XLS)"},
    {"xlsx", NULL, YK_CONTENT_SPREADSHEET, "Excel workbook (XLSX)"},
    {"ods", NULL, YK_CONTENT_SPREADSHEET, "OpenDocument spreadsheet (ODS)"},
    {"png", NULL, YK_CONTENT_IMAGE, "PNG image"},
    {"jpeg", NULL, YK_CONTENT_IMAGE, "JPEG image"},
    {"tiff", NULL, YK_CONTENT_IMAGE, "TIFF image"},
    {"gif", NULL, YK_CONTENT_IMAGE, "GIF image"},
    {"gzip", NULL, YK_CONTENT_ARCHIVE, "gzip archive"},
    {"zip", NULL, YK_CONTENT_ARCHIVE, "zip archive"},
    {"7z", NULL, YK_CONTENT_ARCHIVE, "7-Zip archive"},
    {"rar", NULL, YK_CONTENT_ARCHIVE, "RAR archive"},
    {"binary", NULL, YK_CONTENT_BINARY, "binary data"},
};

const struct yk_format *yk_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

/* --- extensions ------------------------------------------------------------------------------ */

static const struct {
    const char *ext, *format;
} extensions[] = {
    {"csv", "csv"},      {"tsv", "tsv"},   {"tab", "tsv"},    {"txt", "txt"},   {"json", "json"},
    {"geojson", "json"}, {"xml", "xml"},   {"kml", "xml"},    {"gml", "xml"},   {"rdf", "xml"},
    {"html", "html"},    {"htm", "html"},  {"xhtml", "html"}, {"pdf", "pdf"},   {"rtf", "rtf"},
    {"doc", "doc"},      {"docx", "docx"}, {"odt", "odt"},    {"ppt", "ole"},   {"pptx", "pptx"},
    {"odp", "odp"},      {"xls", "xls"},   {"xlsx", "xlsx"},  {"xlsm", "xlsx"}, {"ods", "ods"},
    {"png", "png"},      {"jpg", "jpeg"},  {"jpeg", "jpeg"},  {"tif", "tiff"},  {"tiff", "tiff"},
    {"gif", "gif"},      {"gz", "gzip"},   {"zip", "zip"},    {"7z", "7z"},     {"rar", "rar"},
};

static bool ascii_caseeq(const char *a, size_t alen, const char *b)
{
    if (alen != strlen(b))
        return false;
    for (size_t i = 0; i < alen; i++) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
        if (c != b[i])
            return false;
    }
    return true;
}

const struct yk_format *yk_format_from_extension(const char *ext, size_t len)
{
    for (size_t i = 0; ext && i < sizeof extensions / sizeof extensions[0]; i++)
        if (ascii_caseeq(ext, len, extensions[i].ext))
            return yk_format_find(extensions[i].format);
    return NULL;
}

const char *yk_format_extension(const char *path, bool strip_gz, size_t *len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *end = base + strlen(base);
    for (int pass = 0; pass < 2; pass++) {
        const char *dot = NULL;
        for (const char *p = base; p < end; p++)
            if (*p == '.')
                dot = p;
        if (!dot || dot == base)
            return NULL;
        if (pass == 0 && strip_gz && ascii_caseeq(dot + 1, (size_t)(end - dot - 1), "gz")) {
            end = dot;
            continue;
        }
        *len = (size_t)(end - dot - 1);
        return *len ? dot + 1 : NULL;
    }
    return NULL;
}

/* --- magic bytes ----------------------------------------------------------------------------- */

static bool starts(const unsigned char *p, size_t n, const char *magic, size_t mlen)
{
    return n >= mlen && memcmp(p, magic, mlen) == 0;
}

static bool contains(const unsigned char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0)
            return true;
    return false;
}

/* An OpenDocument file stores its media type uncompressed as the first member, "mimetype". */
static const struct yk_format *odf_type(const unsigned char *p, size_t n)
{
    if (n < 30 || p[8] != 0 || p[9] != 0 || !starts(p + 30, n - 30, "mimetype", 8))
        return NULL;
    size_t data = 30 + (size_t)(p[26] | p[27] << 8) + (size_t)(p[28] | p[29] << 8);
    static const char prefix[] = "application/vnd.oasis.opendocument.";
    if (data >= n || !starts(p + data, n - data, prefix, sizeof prefix - 1))
        return NULL;
    const unsigned char *t = p + data + sizeof prefix - 1;
    size_t left = n - data - (sizeof prefix - 1);
    if (starts(t, left, "spreadsheet", 11))
        return yk_format_find("ods");
    if (starts(t, left, "presentation", 12))
        return yk_format_find("odp");
    return yk_format_find("odt");
}

const struct yk_format *yk_format_sniff_magic(const unsigned char *p, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *format;
    } magics[] = {
        {"\x89PNG\r\n\x1a\n", 8, "png"},
        {"\xFF\xD8\xFF", 3, "jpeg"},
        {"GIF87a", 6, "gif"},
        {"GIF89a", 6, "gif"},
        {"II*\0", 4, "tiff"},
        {"MM\0*", 4, "tiff"},
        {"\x1F\x8B", 2, "gzip"},
        {"PK\5\6", 4, "zip"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "ole"},
        {"{\\rtf", 5, "rtf"},
        {"7z\xBC\xAF\x27\x1C", 6, "7z"},
        {"Rar!\x1A\x07", 6, "rar"},
    };
    if (starts(p, n, "PK\3\4", 4)) {
        const struct yk_format *odf = odf_type(p, n);
        return odf ? odf : yk_format_find("zip");
    }
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (starts(p, n, magics[i].magic, magics[i].len))
            return yk_format_find(magics[i].format);
    /* PDF readers accept the header anywhere in the first kilobyte. */
    if (contains(p, n < 1024 ? n : 1024, "%PDF-"))
        return yk_format_find("pdf");
    return NULL;
}

/* --- text ------------------------------------------------------------------------------------ */

static bool space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Control characters (NUL included) beyond 2 % of the sample: not text. */
static bool looks_binary(const unsigned char *p, size_t n)
{
    size_t ctrl = 0;
    for (size_t i = 0; i < n; i++)
        ctrl += p[i] < 0x20 && !space(p[i]) && p[i] != 0x1A;
    return ctrl > 0 && ctrl * 50 > n;
}

static size_t skip_space(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && space(p[i]))
        i++;
    return i;
}

static bool json_start(const unsigned char *p, size_t n, size_t i)
{
    size_t j = skip_space(p, n, i + 1);
    if (j >= n)
        return true;
    if (p[i] == '{')
        return p[j] == '"' || p[j] == '}';
    return strchr("{[\"]-0123456789tfn", p[j]) != NULL;
}

/* Lower-case ASCII search in the first kilobyte, for HTML markers. */
static bool contains_nocase(const unsigned char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    n = n < 1024 ? n : 1024;
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (p[i + j] >= 'A' && p[i + j] <= 'Z' ? p[i + j] + 32 : p[i + j]) ==
                            (unsigned char)needle[j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

/* Tabs beat commas and semicolons on the first lines: tab-separated. */
static bool tab_separated(const unsigned char *p, size_t n)
{
    size_t tabs = 0, commas = 0, semis = 0, lines = 0;
    for (size_t i = 0; i < n && lines < 10; i++) {
        tabs += p[i] == '\t';
        commas += p[i] == ',';
        semis += p[i] == ';';
        lines += p[i] == '\n';
    }
    return tabs > 0 && tabs > commas && tabs > semis;
}

const struct yk_format *yk_format_sniff_text(const unsigned char *p, size_t n)
{
    if (looks_binary(p, n))
        return yk_format_find("binary");
    size_t i = starts(p, n, "\xEF\xBB\xBF", 3) ? 3 : 0;
    i = skip_space(p, n, i);
    if (i < n && (p[i] == '{' || p[i] == '[') && json_start(p, n, i))
        return yk_format_find("json");
    if (i < n && p[i] == '<') {
        if (contains_nocase(p + i, n - i, "<html") ||
            contains_nocase(p + i, n - i, "<!doctype html"))
            return yk_format_find("html");
        unsigned char c = i + 1 < n ? p[i + 1] : 0;
        if (c == '?' || c == '!' || c == '_' || c == ':' || (c >= 'A' && c <= 'Z') ||
            (c >= 'a' && c <= 'z'))
            return yk_format_find("xml");
    }
    return yk_format_find(tab_separated(p + i, n - i) ? "tsv" : "csv");
}

bool yk_format_xml_encoding(const unsigned char *p, size_t n, char *out, size_t cap)
{
    size_t i = starts(p, n, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (!starts(p + i, n - i, "<?xml", 5))
        return false;
    size_t end = i;
    while (end + 1 < n && end < i + 256 && !(p[end] == '?' && p[end + 1] == '>'))
        end++;
    for (size_t k = i + 5; k + 8 <= end; k++) {
        if (memcmp(p + k, "encoding", 8) != 0)
            continue;
        size_t j = skip_space(p, end, k + 8);
        if (j >= end || p[j] != '=')
            return false;
        j = skip_space(p, end, j + 1);
        if (j >= end || (p[j] != '"' && p[j] != '\''))
            return false;
        unsigned char q = p[j++];
        size_t o = 0;
        while (j < end && p[j] != q && o + 1 < cap)
            out[o++] = (char)p[j++];
        out[o] = '\0';
        return o > 0 && j < end && p[j] == q;
    }
    return false;
}

/* --- zip containers and agreement ------------------------------------------------------------ */

const struct yk_format *yk_format_sniff_zip(const char *const *names, size_t n,
                                            const unsigned char *head, size_t head_len)
{
    const struct yk_format *odf = odf_type(head, head_len);
    if (odf)
        return odf;
    bool content_types = false, xl = false, word = false, ppt = false;
    for (size_t i = 0; i < n; i++) {
        content_types |= strcmp(names[i], "[Content_Types].xml") == 0;
        xl |= strncmp(names[i], "xl/", 3) == 0;
        word |= strncmp(names[i], "word/", 5) == 0;
        ppt |= strncmp(names[i], "ppt/", 4) == 0;
    }
    if (content_types && xl)
        return yk_format_find("xlsx");
    if (content_types && word)
        return yk_format_find("docx");
    if (content_types && ppt)
        return yk_format_find("pptx");
    return yk_format_find("zip");
}

static bool delimited(const struct yk_format *f)
{
    return strcmp(f->name, "csv") == 0 || strcmp(f->name, "tsv") == 0 ||
           strcmp(f->name, "txt") == 0;
}

bool yk_format_fits(const struct yk_format *named, const struct yk_format *content)
{
    if (!named || !content || named == content)
        return true;
    if (delimited(named) && delimited(content))
        return true;
    /* A legacy Office file is named for what it holds; its magic does not say which. */
    if (strcmp(content->name, "ole") == 0)
        return strcmp(named->name, "doc") == 0 || strcmp(named->name, "xls") == 0;
    return false;
}
