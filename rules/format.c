/* yakist — the `format` rule family: what the bytes of a resource really are before any row is
 * read — its encoding, its real format against its name, documents and scans offered as data,
 * archives and decompression caps. Every rule decides in on_finish from info->input, which the
 * input stack fills; these are the only rules that run when nothing could be loaded. */
#include <inttypes.h>
#include <string.h>

#include "families.h"

/* A format name as people write it: "PDF", "XLSX"; two words for the unnamed ones. */
static const char *label_en(const char *name)
{
    static const struct {
        const char *name, *label;
    } labels[] = {
        {"csv", "CSV"},
        {"tsv", "TSV"},
        {"txt", "plain text"},
        {"json", "JSON"},
        {"xml", "XML"},
        {"html", "HTML"},
        {"pdf", "PDF"},
        {"rtf", "RTF"},
        {"doc", "DOC"},
        {"docx", "DOCX"},
        {"odt", "ODT"},
        {"pptx", "PPTX"},
        {"odp", "ODP"},
        {"xls", "XLS"},
        {"xlsx", "XLSX"},
        {"ods", "ODS"},
        {"png", "PNG"},
        {"jpeg", "JPEG"},
        {"tiff", "TIFF"},
        {"gif", "GIF"},
        {"gzip", "gzip"},
        {"zip", "zip"},
        {"7z", "7z"},
        {"rar", "RAR"},
        {"ole", "MS Office (DOC/XLS/PPT)"},
        {"binary", "binary data"},
    };
    for (size_t i = 0; name && i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].name, name) == 0)
            return labels[i].label;
    return name ? name : "?";
}

static const char *label_uk(const char *name)
{
    if (name && strcmp(name, "binary") == 0)
        return "двійкові дані";
    if (name && strcmp(name, "txt") == 0)
        return "простий текст";
    return label_en(name);
}

/* --- format.not_utf8 ---------------------------------------------------------------------- */

static bool utf8_name(const char *e)
{
    return strcmp(e, "UTF-8") == 0 || strcmp(e, "US-ASCII") == 0;
}

static int not_utf8_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    if (!info->encoding || utf8_name(info->encoding) ||
        info->input.content_kind != YK_CONTENT_TABLE)
        return 0;
    return yk_emit(ctx, NULL, "файл у кодуванні %s (впевненість %u %%), а не в UTF-8",
                   "the file is encoded in %s (confidence %u %%), not in UTF-8", info->encoding,
                   (unsigned)info->encoding_confidence);
}

static const struct yk_rule not_utf8 = {
    .id = "format.not_utf8",
    .title_uk = "Кодування не UTF-8",
    .title_en = "Not encoded in UTF-8",
    .rationale = "The Ministry expects open data in UTF-8. Files saved from Excel or 1C in "
                 "Windows-1251, from old DOS programs in CP866, or in UTF-16 open as mojibake in "
                 "most tools, and automatic readers guess wrong. yakist detects the encoding "
                 "(byte-order mark, UTF-8 validity, then letter statistics to tell Windows-1251, "
                 "KOI8-U and CP866 apart), converts the file to check the rest, and reports the "
                 "encoding with how sure the detection is.",
    .source = "Мінцифри, методичні рекомендації щодо публікування наборів даних: UTF-8; "
              "RFC 3629",
    .example = "(a CSV file saved as Windows-1251: \\xC2\\xF3\\xEB\\xE8\\xF6\\xFF = «Вулиця»)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_finish = not_utf8_finish,
};

/* --- format.undecodable ------------------------------------------------------------------- */

static int undecodable_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (!in->undecodable)
        return 0;
    struct yk_loc loc = {.offset = in->undecodable_offset};
    return yk_emit(ctx, &loc,
                   "%" PRIu64 " послідовн. байтів не відповідають кодуванню %s (перша на "
                   "зміщенні %" PRIu64 "); їх прочитано як U+FFFD",
                   "%" PRIu64 " byte sequences are not valid %s (the first at byte offset %" PRIu64
                   "); they were read as U+FFFD",
                   in->undecodable, info->encoding ? info->encoding : "?", in->undecodable_offset);
}

static const struct yk_rule undecodable = {
    .id = "format.undecodable",
    .title_uk = "Байти, що не декодуються",
    .title_en = "Bytes the encoding cannot decode",
    .rationale = "Some bytes are not valid in the file's encoding: a lone UTF-16 surrogate, a "
                 "Windows-1251 byte that maps to nothing, a sequence cut at the end. They usually "
                 "come from joining files in different encodings or from a broken export, and the "
                 "characters they stood for are lost. The offset points into the source bytes "
                 "(after any decompression).",
    .source = "Frictionless Data: task error `encoding-error`",
    .frictionless = "encoding-error",
    .example = "(UTF-16LE text with an unpaired surrogate \\x00\\xD8)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 3,
    .on_finish = undecodable_finish,
};

/* --- format.extension_mismatch ------------------------------------------------------------ */

static int mismatch_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (!in->extension_mismatch)
        return 0;
    return yk_emit(ctx, NULL, "розширення «.%s» обіцяє %s%.0s, а насправді це %s%.0s",
                   "the extension '.%s' promises %.0s%s, but the content is %.0s%s", in->extension,
                   label_uk(in->extension_format), label_en(in->extension_format),
                   label_uk(in->content_format), label_en(in->content_format));
}

static const struct yk_rule extension_mismatch = {
    .id = "format.extension_mismatch",
    .title_uk = "Розширення не відповідає вмісту",
    .title_en = "Extension does not match the content",
    .rationale = "Portals, browsers and users pick the program by the extension: an HTML table "
                 "saved as .xls, a CSV named .json or a PDF named .csv fails to open or opens as "
                 "garbage, and the catalog's format field is wrong with it. yakist sniffs the "
                 "format from the bytes and checks the content as what it really is.",
    .source = "Мінцифри, методичні рекомендації: формат ресурсу відповідає вмісту; "
              "DCAT-AP dct:format / dcat:mediaType",
    .example = "(an HTML page saved as report.xls)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 2,
    .on_finish = mismatch_finish,
};

/* --- format.not_tabular ------------------------------------------------------------------- */

static int not_tabular_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    const char *f = in->content_format;
    if (in->loaded)
        return 0;
    switch (in->content_kind) {
    case YK_CONTENT_DOCUMENT:
        return yk_emit(ctx, NULL, "замість таблиці — документ (%s%.0s): машиночитних даних немає",
                       "a document (%.0s%s) where a table was expected: no machine-readable data",
                       label_uk(f), label_en(f));
    case YK_CONTENT_IMAGE:
        return yk_emit(
            ctx, NULL, "замість таблиці — зображення (%s%.0s): скан або знімок, а не дані",
            "an image (%.0s%s) where a table was expected: a scan or a picture, not data",
            label_uk(f), label_en(f));
    case YK_CONTENT_ARCHIVE:
        if (in->members)
            return yk_emit(ctx, NULL, "архів (%s%.0s) не містить таблиці (CSV, JSON, XML): %s",
                           "the archive (%.0s%s) holds no table (CSV, JSON, XML): %s", label_uk(f),
                           label_en(f), in->unchecked ? in->unchecked : "");
        return yk_emit(ctx, NULL, "архів (%s%.0s) не відкрито: читаються лише gzip і zip",
                       "an archive (%.0s%s) was not opened: only gzip and zip are read",
                       label_uk(f), label_en(f));
    case YK_CONTENT_BINARY:
        return yk_emit(ctx, NULL, "замість таблиці — нерозпізнані двійкові дані",
                       "unrecognised binary data where a table was expected");
    default:
        return 0;
    }
}

static const struct yk_rule not_tabular = {
    .id = "format.not_tabular",
    .title_uk = "Документ або скан замість таблиці",
    .title_en = "Document or scan instead of a table",
    .rationale = "A dataset must be published in a structured, machine-readable format. A PDF, a "
                 "Word file, an HTML page or a scanned image of a table can be read by a person "
                 "but not by a program: the data cannot be filtered, joined or checked, and the "
                 "dataset fails machine-readability (one star at most on the 5-star scale). "
                 "yakist reports it once and loads no rows.",
    .source = "Постанова КМУ № 835, Положення про набори даних: машиночитний формат; "
              "5-star open data (★★ structured data)",
    .frictionless = "format-error",
    .example = "%PDF-1.7 ... (a PDF saved as streets.csv)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_OPENNESS,
    .weight = 10,
    .compliance = true,
    .on_finish = not_tabular_finish,
};

/* --- format.spreadsheet ------------------------------------------------------------------- */

static int spreadsheet_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (in->loaded || in->content_kind != YK_CONTENT_SPREADSHEET)
        return 0;
    return yk_emit(
        ctx, NULL,
        "електронна таблиця (%s%.0s): її вміст не перевірено; опублікуйте аркуш також у "
        "CSV",
        "a spreadsheet (%.0s%s): its content is not checked; publish the sheet as CSV too",
        label_uk(in->content_format), label_en(in->content_format));
}

static const struct yk_rule spreadsheet = {
    .id = "format.spreadsheet",
    .title_uk = "Електронна таблиця замість CSV",
    .title_en = "Spreadsheet instead of CSV",
    .rationale = "XLSX and ODS are accepted when one sheet holds one table, but merged cells, "
                 "several sheets, formulas and formatting often hide the data, and XLS is a "
                 "closed format. The Ministry recommends CSV next to them; yakist does not read "
                 "spreadsheets, so the content goes unchecked.",
    .source = "Мінцифри, методичні рекомендації: формати CSV, JSON, XML; XLSX/ODS — один аркуш, "
              "одна таблиця; 5-star open data (★★★ non-proprietary)",
    .example = "(an .xlsx workbook)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 3,
    .on_finish = spreadsheet_finish,
};

/* --- format.no_loader --------------------------------------------------------------------- */

static int no_loader_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (in->loaded || in->content_kind != YK_CONTENT_TABLE)
        return 0;
    return yk_emit(ctx, NULL, "вміст — %s%.0s, але ця збірка yakist не читає цей формат",
                   "the content is %.0s%s, which this build of yakist does not read",
                   label_uk(in->content_format), label_en(in->content_format));
}

static const struct yk_rule no_loader = {
    .id = "format.no_loader",
    .title_uk = "Формат не підтримано цією збіркою",
    .title_en = "Format not read by this build",
    .rationale = "The content is a table in a format yakist knows, but this build has no loader "
                 "for it, so only the checks that need no rows ran. It says nothing about the "
                 "data; it says the check is incomplete.",
    .source = "yakist",
    .example = "[{\"id\": 1}] (JSON, in a build without the JSON loader)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_INFO,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 0,
    .on_finish = no_loader_finish,
};

/* --- format.archive_members --------------------------------------------------------------- */

static int members_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (!in->member || !in->unchecked)
        return 0;
    return yk_emit(ctx, NULL,
                   "архів містить файлів: %" PRIu32 "; перевірено «%s», не перевірено: %s",
                   "the archive holds %" PRIu32 " files; checked '%s', not checked: %s",
                   in->members, in->member, in->unchecked);
}

static const struct yk_rule archive_members = {
    .id = "format.archive_members",
    .title_uk = "Архів з кількох файлів",
    .title_en = "Archive of several files",
    .rationale = "An archive is acceptable only as the compression of one structured file. A zip "
                 "of several files hides what is published: the portal shows one resource, "
                 "users must unpack it to find the table, and documents travel inside unchecked. "
                 "Publish each table as its own resource.",
    .source = "Мінцифри, методичні рекомендації: архів — лише як стиснення одного "
              "структурованого файлу",
    .example = "(streets.zip holding streets.csv and readme.pdf)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_OPENNESS,
    .weight = 2,
    .on_finish = members_finish,
};

/* --- format.decompression_limit ----------------------------------------------------------- */

static int limit_finish(struct yk_rule_ctx *ctx, const struct yk_source_info *info)
{
    const struct yk_source_input *in = &info->input;
    if (!in->limit)
        return 0;
    bool ratio = strcmp(in->limit, "ratio") == 0;
    return yk_emit(ctx, NULL,
                   "розпакування зупинено: %s%.0s; перевірено лише перші %" PRIu64 " байтів",
                   "decompression stopped: %.0s%s; only the first %" PRIu64 " bytes were checked",
                   ratio ? "ступінь стиснення понад ліміт (схоже на zip-бомбу)"
                         : "розпакований розмір понад ліміт",
                   ratio ? "the compression ratio is over the cap (a zip bomb?)"
                         : "the decompressed size is over the cap",
                   info->bytes);
}

static const struct yk_rule decompression_limit = {
    .id = "format.decompression_limit",
    .title_uk = "Перевищено ліміт розпакування",
    .title_en = "Decompression limit reached",
    .rationale = "A compressed resource that unpacks far beyond a sane size, or at a ratio no "
                 "real table reaches, is a decompression bomb or a corrupt archive; either way "
                 "its data cannot be used. yakist stops at the cap (limits.max_decompressed_bytes"
                 " and limits.max_compression_ratio) instead of filling memory or disk.",
    .source = "yakist safety limits",
    .example = "(a 1 MB gzip file that unpacks to 1 GB of zeros)",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .on_finish = limit_finish,
};

static const struct yk_rule *const format_rules[] = {
    &not_tabular, &spreadsheet,     &extension_mismatch,  &not_utf8,
    &undecodable, &archive_members, &decompression_limit, &no_loader,
};

const struct yk_family yk_family_format = {
    .name = "format",
    .title_uk = "Формат: що насправді у файлі, кодування, архіви",
    .title_en = "Format: what the file really holds, encoding, archives",
    .rules = format_rules,
    .nrules = sizeof format_rules / sizeof format_rules[0],
    .without_rows = true,
};
