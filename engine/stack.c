/* yakist — the input stack. Order matters: containers first (gzip, then a zip member, then a
 * gzip inside that member), magic bytes next (a PDF or an image is never decoded as text), then
 * the encoding over the sniff window, the text format over a UTF-8 sample, and last the
 * converter. XML that declares its encoding, or starts with a UTF-16/32 byte-order mark, is left
 * to the XML parser, which honours the declaration; converting it would make the two disagree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "loader.h"
#include "stack.h"

#define HEAD_BYTES 1024u           /* every magic number, and the PDF header search */
#define SAMPLE_BYTES (16u * 1024u) /* converted text looked at to sniff the format */
#define UNCHECKED_NAMES 10         /* member names listed before "… (+N)" */

static bool is(const struct yk_format *f, const char *name)
{
    return f && strcmp(f->name, name) == 0;
}

/* Does a member name promise a table that a loader reads (".csv", ".json", ".xml.gz" ...)? */
static bool table_name(const char *name)
{
    size_t len = 0;
    const char *ext = yk_format_extension(name, true, &len);
    const struct yk_format *f = yk_format_from_extension(ext, len);
    return f && f->kind == YK_CONTENT_TABLE && !is(f, "txt");
}

/* Archive damage makes the file unreadable, whatever the zip reader called it. */
static int unreadable(struct yk_error *err, int rc)
{
    if (rc == YK_ENOMEM)
        return rc;
    if (err)
        err->code = YK_EIO;
    return YK_EIO;
}

/* The names of the members not read for this result, for one finding: "b.csv, c.pdf". */
static const char *join_names(struct yk_arena *arena, const struct yk_zip_member *m, size_t n,
                              const struct yk_zip_member *chosen, bool only_non_tables)
{
    size_t total = 0, listed = 0, bytes = 0;
    for (int pass = 0; pass < 2; pass++) {
        char *out = NULL, *o = NULL;
        if (pass == 1) {
            if (total == 0)
                return NULL;
            if (!(out = o = yk_arena_alloc(arena, bytes + 32)))
                return NULL;
        }
        total = listed = 0;
        for (size_t i = 0; i < n; i++) {
            if (m[i].directory || &m[i] == chosen || (only_non_tables && table_name(m[i].name)))
                continue;
            total++;
            if (listed == UNCHECKED_NAMES)
                continue;
            size_t k = strlen(m[i].name);
            if (o) {
                if (listed)
                    o += sprintf(o, ", ");
                memcpy(o, m[i].name, k);
                o += k;
            }
            bytes += k + 2;
            listed++;
        }
        if (o && total > listed)
            o += sprintf(o, ", \xE2\x80\xA6 (+%zu)", total - listed);
        if (o) {
            *o = '\0';
            return out;
        }
    }
    return NULL;
}

/* A zip archive: an office container, or the member to read (opened on in), or no table. */
static int open_zip(struct yk_stack *st, struct yk_input *in, const struct yk_check_options *opt,
                    const unsigned char *head, size_t head_len, struct yk_source_info *info,
                    struct yk_arena *arena, const struct yk_format **content, const char **name,
                    struct yk_error *err)
{
    struct yk_source_input *si = &info->input;
    struct yk_zip_member *m;
    size_t n, files = 0, tables = 0;
    uint64_t size;
    if (yk_input_size(in, &size, NULL) < 0)
        return 0; /* a zip inside a gzip stream: reported as an archive, not opened */
    int rc = yk_zip_list(in, arena, &m, &n, err);
    if (rc < 0)
        return unreadable(err, rc);
    const char **names = yk_arena_calloc(arena, n ? n : 1, sizeof *names);
    if (!names)
        return YK_ENOMEM;
    const struct yk_zip_member *chosen = NULL, *first = NULL;
    for (size_t i = 0; i < n; i++) {
        if (m[i].directory)
            continue;
        names[files++] = m[i].name;
        if (!table_name(m[i].name))
            continue;
        tables++;
        first = first ? first : &m[i];
        if (opt->member ? strcmp(opt->member, m[i].name) == 0 : !chosen)
            chosen = &m[i];
    }
    si->members = (uint32_t)files;
    si->tables = (uint32_t)tables;
    *content = yk_format_sniff_zip(names, files, head, head_len);
    if (!is(*content, "zip"))
        return 0; /* XLSX, DOCX, ODS ...: the container is the format */
    if (opt->member && !chosen)
        return yk_error_set(err, YK_EIO, in->name, 0, 0, "no table member '%s' in the archive",
                            opt->member);
    /* Checking one member of several: name the rest. When the caller walks every table member
     * (opt->member), only the first table's result lists the members that are not tables. */
    if (!opt->member)
        si->unchecked = join_names(arena, m, n, chosen, false);
    else if (chosen == first)
        si->unchecked = join_names(arena, m, n, chosen, true);
    if (!chosen)
        return 0;
    struct yk_inflate_limits lim = {opt->limits.max_decompressed_bytes,
                                    opt->limits.max_compression_ratio};
    if ((rc = yk_zip_open_member(in, chosen, &lim, &st->zip, err)) < 0)
        return unreadable(err, rc);
    st->zip_used = true;
    si->container = "zip";
    si->member = chosen->name;
    *name = chosen->name;
    return 0;
}

static bool blank(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

/* XML names its encoding, or carries a mark the parser reads: leave the bytes to the parser. */
static int xml_encoding(const unsigned char *s, size_t n, struct yk_encoding_guess *enc,
                        bool *convert, struct yk_arena *arena)
{
    char decl[64];
    if (yk_format_xml_encoding(s, n, decl, sizeof decl)) {
        struct yk_encoding_guess named;
        const char *display = decl;
        if (yk_encoding_named(decl, NULL, 0, &named, NULL) == 0)
            display = named.name;
        if (!(enc->name = yk_arena_strdup(arena, display)))
            return YK_ENOMEM;
        enc->confidence = 100;
        *convert = false;
    } else if (enc->unit > 1 && enc->bom) {
        *convert = false;
    }
    return 0;
}

/* Text: detect (or take) the encoding, sniff the format on UTF-8, stack the converter. */
static int open_text(struct yk_stack *st, struct yk_input *in, const struct yk_check_options *opt,
                     const struct yk_format *named, struct yk_arena *arena,
                     const struct yk_format **content, struct yk_error *err)
{
    size_t want = opt->limits.sniff_bytes;
    want = want < HEAD_BYTES ? HEAD_BYTES : want > YK_INPUT_CHUNK ? YK_INPUT_CHUNK : want;
    const unsigned char *p;
    size_t n;
    int rc = yk_input_peek(in, want, &p, &n, err);
    if (rc < 0)
        return rc;
    struct yk_encoding_guess enc;
    if (opt->encoding && (rc = yk_encoding_named(opt->encoding, p, n, &enc, err)) < 0)
        return rc;
    if (!opt->encoding)
        yk_encoding_detect(p, n, n < want, &enc);
    bool convert = !yk_encoding_is_utf8(enc.name);
    unsigned char *buf = NULL;
    const unsigned char *s = p;
    size_t sn = n;
    if (convert) {
        if (!(buf = malloc(SAMPLE_BYTES)))
            return yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
        size_t take = n - enc.bom < SAMPLE_BYTES / 2 ? n - enc.bom : SAMPLE_BYTES / 2;
        sn = yk_encoding_convert_sample(&enc, p + enc.bom, take, buf, SAMPLE_BYTES);
        s = buf;
    }
    const struct yk_format *f = yk_format_sniff_text(s, sn);
    if (named && named->loader && blank(s, sn))
        f = named; /* nothing to sniff: go by the name */
    rc = is(f, "xml") ? xml_encoding(s, sn, &enc, &convert, arena) : 0;
    free(buf);
    if (rc < 0)
        return yk_error_set(err, rc, in->name, 0, 0, "out of memory");
    if (convert) {
        yk_input_skip(in, enc.bom);
        if ((rc = yk_encoding_push(in, &enc, &st->decode, err)) < 0)
            return rc;
        st->decode_used = true;
    }
    st->encoding = enc;
    *content = f;
    return 0;
}

/* Look through gzip: push the decompressor and sniff again. */
static int gunzip(struct yk_stack *st, struct yk_input *in, const struct yk_check_options *opt,
                  const unsigned char **p, size_t *n, const struct yk_format **content,
                  struct yk_error *err)
{
    struct yk_inflate_limits lim = {opt->limits.max_decompressed_bytes,
                                    opt->limits.max_compression_ratio};
    int rc = yk_gunzip_push(in, &lim, &st->gzip, err);
    if (rc == 0)
        rc = yk_input_peek(in, HEAD_BYTES, p, n, err);
    if (rc < 0)
        return rc;
    st->gzip_used = true;
    *content = yk_format_sniff_magic(*p, *n);
    return 0;
}

static int name_extension(struct yk_source_input *si, const char *name, struct yk_arena *arena,
                          const struct yk_format **named)
{
    size_t len = 0;
    const char *ext = yk_format_extension(name, true, &len);
    *named = yk_format_from_extension(ext, len);
    si->extension_format = *named ? (*named)->name : NULL;
    if (ext && !(si->extension = yk_arena_strndup(arena, ext, len)))
        return YK_ENOMEM;
    return 0;
}

int yk_stack_open(struct yk_stack *st, struct yk_input *in, const char *path,
                  const struct yk_check_options *opt, struct yk_source_info *info,
                  struct yk_arena *arena, struct yk_error *err)
{
    struct yk_source_input *si = &info->input;
    const struct yk_format *content, *named;
    const char *name = path;
    const unsigned char *p;
    size_t n;
    memset(st, 0, sizeof *st);
    si->undecodable_offset = YK_NO_OFFSET;
    int rc = yk_input_peek(in, HEAD_BYTES, &p, &n, err);
    if (rc < 0)
        return rc;
    content = yk_format_sniff_magic(p, n);
    if (is(content, "gzip") && (rc = gunzip(st, in, opt, &p, &n, &content, err)) < 0)
        return rc;
    if (is(content, "zip")) {
        if ((rc = open_zip(st, in, opt, p, n, info, arena, &content, &name, err)) < 0)
            return rc;
        if (st->zip_used && (rc = yk_input_peek(in, HEAD_BYTES, &p, &n, err)) < 0)
            return rc;
        if (st->zip_used)
            content = yk_format_sniff_magic(p, n);
        if (st->zip_used && is(content, "gzip") && !st->gzip_used &&
            (rc = gunzip(st, in, opt, &p, &n, &content, err)) < 0)
            return rc;
    }
    if ((rc = name_extension(si, name, arena, &named)) < 0)
        return yk_error_set(err, rc, path, 0, 0, "out of memory");
    /* The magic of a legacy Office file does not tell a workbook from a document; its name does. */
    if (is(content, "ole") && (is(named, "xls") || is(named, "doc")))
        content = named;
    if (!content || opt->format) {
        if ((rc = open_text(st, in, opt, named, arena, &content, err)) < 0)
            return rc;
    }
    si->content_format = content->name;
    si->content_title = content->title;
    si->content_kind = content->kind;
    si->extension_mismatch = !yk_format_fits(named, content);
    const char *loader = opt->format ? opt->format : content->loader;
    st->loader = loader && yk_loader_find(loader) ? loader : NULL;
    si->container = st->zip_used ? "zip" : st->gzip_used ? "gzip" : NULL;
    info->format = st->loader ? st->loader : content->name;
    uint64_t size;
    if (!st->loader && !st->gzip_used && !st->zip_used && yk_input_size(in, &size, NULL) == 0)
        info->bytes = size; /* not loaded, but its size is still a fact worth reporting */
    info->encoding = st->encoding.name;
    info->encoding_confidence = st->encoding.confidence;
    return 0;
}

void yk_stack_finish(const struct yk_stack *st, struct yk_source_info *info)
{
    struct yk_source_input *si = &info->input;
    if (st->encoding.name) {
        info->encoding = st->encoding.name;
        info->encoding_confidence = st->encoding.confidence;
    }
    si->compressed_bytes = st->zip_used ? st->zip.in : st->gzip.in;
    si->limit = st->gzip.limit ? st->gzip.limit : st->zip.limit;
    if (si->limit)
        info->truncated = true;
    if (st->decode_used && st->decode.undecodable) {
        si->undecodable = st->decode.undecodable;
        /* The converter counts from after the byte-order mark it was spared. */
        si->undecodable_offset = st->decode.first_undecodable + st->encoding.bom;
    }
}

int yk_archive_tables(const char *path, struct yk_arena *arena, const char *const **names,
                      size_t *n, struct yk_error *err)
{
    struct yk_input in;
    struct yk_zip_member *m;
    size_t count;
    const unsigned char *p;
    size_t len;
    int rc = yk_input_open_file(&in, path, err);
    if (rc < 0)
        return rc;
    const char **list = NULL;
    size_t k = 0;
    uint64_t size;
    /* A zip is read from its end, so only a regular file can be one; a pipe must not lose the
     * bytes a peek would take from it before the check reads it again. */
    if (yk_input_size(&in, &size, NULL) < 0)
        goto done;
    if ((rc = yk_input_peek(&in, HEAD_BYTES, &p, &len, err)) < 0)
        goto done;
    if (!is(yk_format_sniff_magic(p, len), "zip"))
        goto done;
    unsigned char head[256]; /* the head outlives the peek: listing the members reads on */
    len = len < sizeof head ? len : sizeof head;
    memcpy(head, p, len);
    if ((rc = yk_zip_list(&in, arena, &m, &count, err)) < 0) {
        rc = unreadable(err, rc);
        goto done;
    }
    if (!(list = yk_arena_calloc(arena, count ? count : 1, sizeof *list))) {
        rc = yk_error_set(err, YK_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < count; i++)
        if (!m[i].directory)
            list[k++] = m[i].name;
    /* An office container (XLSX, ODS, DOCX ...) is one file, not an archive of tables: its
     * XML parts are not listed, as the check reads it whole. */
    if (!is(yk_format_sniff_zip(list, k, head, len), "zip")) {
        k = 0;
        goto done;
    }
    size_t files = k;
    k = 0;
    for (size_t i = 0; i < files; i++)
        if (table_name(list[i]))
            list[k++] = list[i];
done:
    yk_input_close(&in);
    if (rc == 0) {
        *names = list;
        *n = k;
    }
    return rc;
}

/* The options the stack acts on, checked once so that a typo is not reported per file. */
int yk_check_options_validate(const struct yk_check_options *opt, struct yk_error *err)
{
    struct yk_encoding_guess g;
    if (opt->encoding &&
        (!opt->encoding[0] || yk_encoding_named(opt->encoding, NULL, 0, &g, NULL) < 0))
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "encoding: unknown encoding '%s'",
                            opt->encoding);
    if (opt->format && !yk_loader_find(opt->format))
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "format: no loader for '%s'", opt->format);
    if (opt->record_path && !opt->record_path[0])
        return yk_error_set(err, YK_EINVAL, NULL, 0, 0, "record_path: empty");
    return 0;
}
