/* yakist — the XML loader: libxml2's push parser (SAX2) fed from the input chunk by chunk, so
 * memory does not depend on the file size. Records are the elements at opt->record_path, or
 * else the repeated children of the element xml_sniff.c finds in the head of the file (the
 * root, usually); xml_table.c lays their fields out as rows.
 *
 * Why SAX and not xmlTextReader: the reader parses in 512-byte pieces ahead of the node it
 * returns, so its line numbers run ahead of the record, and a fatal error discards every node of
 * the piece it occurred in (a short malformed file yields no rows at all). SAX callbacks come as
 * the parser reads: positions are exact and every record closed before an error is kept.
 *
 * Safety: no network, no DTD loading, no entity substitution, and every entity the DTD declares
 * is registered with an empty value after it is reported, so an expansion bomb has nothing to
 * expand and an external entity nothing to fetch. The library never prints: libxml2's errors
 * come to a structured handler and become events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include <yakist/arena.h>

#include "xml.h"

#define MAX_STEPS 64     /* steps in record_path */
#define PARSER_DEPTH 256 /* libxml2's own nesting limit without XML_PARSE_HUGE */
#define DETAIL_MAX 160   /* bytes of a message or a declaration an event carries */

struct frame {
    const xmlChar *name; /* local name, for messages */
    uint32_t node;       /* the element's path node inside a record; YK_XML_NONE outside */
    size_t text;         /* where its text starts in the loader's text buffer */
    struct yk_xml_pos at;
    bool in_record; /* the record element or an element inside it */
    bool record;    /* the record element */
    bool match;     /* outside records: the path so far follows record_path */
    bool child, attrs, nonblank, cut;
};

struct xml_loader {
    struct yk_xml_user user; /* first: the shared callbacks find the parser here */
    const struct yk_check_options *opt;
    const struct yk_sink *sink;
    struct yk_source_info *info;
    struct yk_arena *arena;
    struct yk_xml_table table;
    struct frame *frames; /* [0] stands below the root; [depth] is the innermost element */
    size_t depth, max_depth;
    size_t record_depth;    /* depth of record elements, the root being 1 */
    char *steps[MAX_STEPS]; /* record_path, split */
    size_t nsteps;
    bool relative; /* record_path starts below the root */
    char *text;    /* text of the open elements of a record, innermost last */
    size_t tlen, tcap;
    char *scratch; /* an attribute value being decoded */
    size_t scap;
    uint64_t base; /* input offset of the first byte the parser sees */
    bool cr;       /* the last CDATA piece ended in "\r" */
    bool stopped;  /* a fatal error, a limit or a failure ended the parse */
    int rc;        /* the first failure (ENOMEM, a sink's code) */
};

/* --- failures and positions ------------------------------------------------------------- */

static void stop(struct xml_loader *ld)
{
    if (!ld->stopped) {
        ld->stopped = true;
        xmlStopParser(ld->user.ctxt);
    }
}

/* Keep the first failure and stop the parser. Returns true when rc is a failure. */
static bool failed(struct xml_loader *ld, int rc)
{
    if (rc >= 0)
        return false;
    if (ld->rc == 0)
        ld->rc = rc;
    stop(ld);
    return true;
}

/* Where the element whose start tag was just parsed begins. The parser stands on the tag's
 * closing '>' and keeps the whole tag in its buffer; '<' cannot occur inside the tag, so the
 * nearest one back is its start. Offsets are exact only while the parser reads the bytes
 * unconverted. */
static struct yk_xml_pos position(const struct xml_loader *ld)
{
    if (ld->user.ctxt->inputNr < 1)
        return (struct yk_xml_pos){.offset = YK_NO_OFFSET};
    const xmlParserInputPtr in = ld->user.ctxt->inputTab[0];
    struct yk_xml_pos pos = {.line = in->line > 0 ? (uint64_t)in->line : 0, .offset = YK_NO_OFFSET};
    if (ld->user.ctxt->inputNr != 1 || !in->cur || !in->base)
        return pos;
    const xmlChar *p = in->cur;
    uint64_t nl = 0;
    for (; p > in->base && p[-1] != '<'; p--)
        nl += p[-1] == '\n';
    if (p == in->base)
        return pos;
    pos.line = pos.line > nl ? pos.line - nl : 1;
    if (in->buf && !in->buf->encoder)
        pos.offset = ld->base + in->consumed + (uint64_t)(p - 1 - in->base);
    return pos;
}

/* The line the parser stands on, for events without an element of their own. */
static struct yk_loc here(const struct xml_loader *ld)
{
    const xmlParserInputPtr in = ld->user.ctxt->inputNr > 0 ? ld->user.ctxt->inputTab[0] : NULL;
    struct yk_loc loc = {.line = in && in->line > 0 ? (uint64_t)in->line : 0,
                         .offset = YK_NO_OFFSET};
    if (ld->frames[ld->depth].in_record)
        loc.row = yk_xml_table_row(&ld->table);
    return loc;
}

static void event(struct xml_loader *ld, enum yk_event_kind kind, const struct yk_loc *loc,
                  const char *detail)
{
    failed(ld, yk_xml_event(ld->sink, kind, loc, detail));
}

/* Copy s into buf (DETAIL_MAX bytes) for a one-line detail: controls become spaces, trailing
 * whitespace goes, a long text is cut on a character boundary. */
static const char *detail(char *buf, const char *s)
{
    size_t n = s ? yk_xml_utf8_cut(s, strlen(s), DETAIL_MAX - 1) : 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

/* --- libxml2's errors ------------------------------------------------------------------- */

static void on_error(void *user, xmlErrorPtr e)
{
    struct xml_loader *ld = user;
    if (!e || e->level < XML_ERR_ERROR || ld->stopped)
        return;
    /* Without the external DTD an undeclared entity may be declared there: the reference
     * itself is reported. */
    if (e->code == XML_WAR_UNDECLARED_ENTITY)
        return;
    char msg[DETAIL_MAX];
    if (e->code == XML_ERR_DOCUMENT_END && ld->depth > 0) /* libxml2 says "Extra content" */
        snprintf(msg, sizeof msg, "the document ends before <%s> is closed (%zu open elements)",
                 (const char *)ld->frames[ld->depth].name, ld->depth);
    else
        detail(msg, e->message);
    struct yk_loc loc = here(ld);
    loc.line = e->line > 0 ? (uint64_t)e->line : 0;
    loc.column = e->int2 > 0 ? (uint64_t)e->int2 : 0;
    enum yk_event_kind kind = YK_EV_XML_MALFORMED;
    if (e->code == XML_ERR_INTERNAL_ERROR && strstr(msg, "Excessive depth")) {
        kind = YK_EV_XML_DEPTH;
        ld->info->truncated = true;
    }
    event(ld, kind, &loc, msg);
    if (e->level == XML_ERR_FATAL)
        stop(ld);
}

/* --- the parser and the DTD, shared with the sniffer ----------------------------------- */

static bool predefined(const xmlChar *name)
{
    static const char *const names[] = {"lt", "gt", "amp", "apos", "quot"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp((const char *)name, names[i]) == 0)
            return true;
    return false;
}

void yk_xml_declare_empty(xmlParserCtxtPtr ctxt, const xmlChar *name, bool parameter)
{
    /* Predefined entities always win over a declaration, and redeclaring one would make
     * libxml2 complain outside the parser's error handler. */
    if (!parameter && predefined(name))
        return;
    xmlSAX2EntityDecl(ctxt, name,
                      parameter ? XML_INTERNAL_PARAMETER_ENTITY : XML_INTERNAL_GENERAL_ENTITY, NULL,
                      NULL, BAD_CAST "");
}

static bool parameter_entity(int type)
{
    return type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY;
}

static void start_document(void *user)
{
    /* The document holds only the DTD and its (empty) entities: elements never become nodes. */
    xmlSAX2StartDocument(((struct yk_xml_user *)user)->ctxt);
}

static void internal_subset(void *user, const xmlChar *name, const xmlChar *public_id,
                            const xmlChar *system_id)
{
    (void)public_id;
    (void)system_id;
    /* The external identifiers are not passed on: nothing could ever load them. */
    xmlSAX2InternalSubset(((struct yk_xml_user *)user)->ctxt, name, NULL, NULL);
}

static void entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                        const xmlChar *system_id, xmlChar *content)
{
    (void)public_id;
    (void)system_id;
    (void)content;
    yk_xml_declare_empty(((struct yk_xml_user *)user)->ctxt, name, parameter_entity(type));
}

static void unparsed_entity_decl(void *user, const xmlChar *name, const xmlChar *public_id,
                                 const xmlChar *system_id, const xmlChar *notation)
{
    (void)public_id;
    (void)system_id;
    (void)notation;
    yk_xml_declare_empty(((struct yk_xml_user *)user)->ctxt, name, false);
}

static xmlEntityPtr get_entity(void *user, const xmlChar *name)
{
    return xmlSAX2GetEntity(((struct yk_xml_user *)user)->ctxt, name);
}

static xmlEntityPtr get_parameter_entity(void *user, const xmlChar *name)
{
    return xmlSAX2GetParameterEntity(((struct yk_xml_user *)user)->ctxt, name);
}

void yk_xml_sax_init(xmlSAXHandler *sax)
{
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startDocument = start_document;
    sax->internalSubset = internal_subset;
    sax->entityDecl = entity_decl;
    sax->unparsedEntityDecl = unparsed_entity_decl;
    sax->getEntity = get_entity;
    sax->getParameterEntity = get_parameter_entity;
}

xmlParserCtxtPtr yk_xml_parser_create(xmlSAXHandler *sax, struct yk_xml_user *user,
                                      const char *name)
{
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(sax, user, NULL, 0, name);
    if (!ctxt)
        return NULL;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    /* Whatever defaults the host application set for libxml2: */
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;
    ctxt->pedantic = 0;
    ctxt->keepBlanks = 1;
    ctxt->linenumbers = 1;
    user->ctxt = ctxt;
    return ctxt;
}

void yk_xml_parser_destroy(xmlParserCtxtPtr ctxt)
{
    if (!ctxt)
        return;
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
}

/* --- the DTD: report what it asks for ---------------------------------------------------- */

/* Does an entity value refer to another (non-predefined) general entity? */
static bool refers(const xmlChar *value)
{
    for (const char *p = (const char *)value; p && (p = strchr(p, '&')) != NULL; p++) {
        const char *end = strchr(p, ';');
        if (p[1] == '#' || !end)
            continue;
        char name[8] = "";
        size_t k = (size_t)(end - p - 1);
        if (k < sizeof name) {
            memcpy(name, p + 1, k);
            name[k] = '\0';
        }
        if (!predefined(BAD_CAST name))
            return true;
    }
    return false;
}

/* Report a declaration that points outside the file, as `what name PUBLIC "p" SYSTEM "s"`. */
static void external(struct xml_loader *ld, const char *what, const xmlChar *name,
                     const xmlChar *public_id, const xmlChar *system_id)
{
    char *text =
        yk_arena_printf(ld->arena, "%s%s%s%s%s%s%s%s", what, (const char *)name,
                        public_id ? " PUBLIC \"" : "", public_id ? (const char *)public_id : "",
                        public_id ? "\"" : "", system_id ? " SYSTEM \"" : "",
                        system_id ? (const char *)system_id : "", system_id ? "\"" : "");
    if (!text) {
        failed(ld, YK_ENOMEM);
        return;
    }
    char buf[DETAIL_MAX];
    struct yk_loc loc = here(ld);
    event(ld, YK_EV_XML_EXTERNAL, &loc, detail(buf, text));
}

static void report_internal_subset(void *user, const xmlChar *name, const xmlChar *public_id,
                                   const xmlChar *system_id)
{
    struct xml_loader *ld = user;
    if (public_id || system_id)
        external(ld, "DOCTYPE ", name, public_id, system_id);
    internal_subset(user, name, public_id, system_id);
}

static void report_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                               const xmlChar *system_id, xmlChar *content)
{
    struct xml_loader *ld = user;
    bool parameter = parameter_entity(type);
    if (!parameter && predefined(name))
        return;
    if (type == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
        type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY) {
        external(ld, parameter ? "ENTITY % " : "ENTITY ", name, public_id, system_id);
    } else {
        char buf[DETAIL_MAX];
        const char *shown =
            parameter ? yk_arena_printf(ld->arena, "%%%s", (const char *)name) : (const char *)name;
        struct yk_loc loc = here(ld);
        if (!shown)
            failed(ld, YK_ENOMEM);
        else
            event(ld, refers(content) ? YK_EV_XML_ENTITY_NESTED : YK_EV_XML_ENTITY, &loc,
                  detail(buf, shown));
    }
    entity_decl(user, name, type, public_id, system_id, content);
}

static void report_unparsed_entity_decl(void *user, const xmlChar *name, const xmlChar *public_id,
                                        const xmlChar *system_id, const xmlChar *notation)
{
    struct xml_loader *ld = user;
    external(ld, "ENTITY ", name, public_id, system_id);
    unparsed_entity_decl(user, name, public_id, system_id, notation);
}

/* A reference to a declared entity in text: it reads as empty. */
static void on_reference(void *user, const xmlChar *name)
{
    struct xml_loader *ld = user;
    struct yk_loc loc = here(ld);
    loc.field = yk_xml_table_field(&ld->table, ld->frames[ld->depth].node);
    event(ld, YK_EV_XML_ENTITY_REF, &loc, (const char *)name);
}

/* --- elements --------------------------------------------------------------------------- */

static bool blank_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

/* Does an element named prefix:local fit step? */
static bool step_fits(const char *step, const xmlChar *prefix, const xmlChar *local)
{
    if (strcmp(step, "*") == 0 || strcmp(step, (const char *)local) == 0)
        return true;
    size_t k = prefix ? strlen((const char *)prefix) : 0;
    return k > 0 && strncmp(step, (const char *)prefix, k) == 0 && step[k] == ':' &&
           strcmp(step + k + 1, (const char *)local) == 0;
}

/* Outside records: is an element at ld->depth on the way to the records? */
static bool on_path(struct xml_loader *ld, const struct frame *up, const xmlChar *prefix,
                    const xmlChar *local)
{
    if (ld->nsteps == 0)
        return true;
    if (ld->depth == 1) { /* the root decides whether the path names it */
        ld->relative = !step_fits(ld->steps[0], prefix, local);
        ld->record_depth = ld->nsteps + (ld->relative ? 1 : 0);
        return true;
    }
    size_t step = ld->depth - (ld->relative ? 2 : 1);
    return up->match && step < ld->nsteps && step_fits(ld->steps[step], prefix, local);
}

/* An attribute value with '&' in it: libxml2 hands a literal '&' on as "&#38;" and a reference
 * to a declared entity as it stands; the reference reads as empty, like one in text. */
static const char *decode_value(struct xml_loader *ld, const struct frame *f, const char *v,
                                size_t *len)
{
    if (*len >= ld->scap) {
        char *s = realloc(ld->scratch, *len + 1);
        if (!s) {
            failed(ld, YK_ENOMEM);
            return v;
        }
        ld->scratch = s;
        ld->scap = *len + 1;
    }
    size_t o = 0;
    for (size_t i = 0; i < *len;) {
        const char *semi = v[i] == '&' ? memchr(v + i, ';', *len - i) : NULL;
        if (!semi) {
            ld->scratch[o++] = v[i++];
        } else if (v[i + 1] == '#') { /* "&#38;": the only character reference left */
            ld->scratch[o++] = '&';
            i = (size_t)(semi - v) + 1;
        } else {
            char name[DETAIL_MAX];
            size_t k = (size_t)(semi - v) - i - 1;
            k = k < sizeof name - 1 ? k : sizeof name - 1;
            memcpy(name, v + i + 1, k);
            name[k] = '\0';
            struct yk_loc loc = here(ld);
            loc.line = f->at.line;
            event(ld, YK_EV_XML_ENTITY_REF, &loc, name);
            i = (size_t)(semi - v) + 1;
        }
    }
    *len = o;
    return ld->scratch;
}

/* The attributes of an element inside a record: fields named like child elements. Defaulted
 * attributes (from an ATTLIST) are not in the data and are left out. */
static void attributes(struct xml_loader *ld, struct frame *f, int n, const xmlChar **atts)
{
    for (int i = 0; i < n && !ld->stopped; i++) {
        const xmlChar *const *a = atts + 5 * i;
        uint32_t node;
        if (failed(ld, yk_xml_table_node(&ld->table, f->node, a[1], a[0], &node)))
            return;
        const char *v = (const char *)a[3];
        size_t len = (size_t)(a[4] - a[3]);
        if (memchr(v, '&', len))
            v = decode_value(ld, f, v, &len);
        failed(ld, yk_xml_table_set(&ld->table, node, v, len, false, &f->at));
        f->attrs = true;
    }
}

static void too_deep(struct xml_loader *ld, const xmlChar *local)
{
    struct yk_loc loc = here(ld);
    struct yk_xml_pos at = position(ld);
    loc.line = at.line;
    loc.offset = at.offset;
    ld->info->truncated = true;
    event(ld, YK_EV_XML_DEPTH, &loc, (const char *)local);
    stop(ld);
}

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int natts, int ndefaulted, const xmlChar **atts)
{
    struct xml_loader *ld = user;
    (void)uri;
    (void)nns;
    (void)ns;
    if (ld->depth >= ld->max_depth) {
        too_deep(ld, local);
        return;
    }
    struct frame *up = &ld->frames[ld->depth];
    struct frame *f = &ld->frames[++ld->depth];
    *f = (struct frame){.name = local, .node = YK_XML_NONE, .text = ld->tlen};
    if (up->in_record) {
        up->child = true;
        f->in_record = true;
        f->at = position(ld);
        if (failed(ld, yk_xml_table_node(&ld->table, up->node, prefix, local, &f->node)))
            return;
    } else if (ld->depth <= ld->record_depth) {
        f->match = on_path(ld, up, prefix, local);
        if (f->match && ld->depth == ld->record_depth) {
            f->in_record = f->record = true;
            f->node = YK_XML_ROOT;
            f->at = position(ld);
            yk_xml_table_begin(&ld->table, &f->at);
        }
    }
    if (f->in_record)
        attributes(ld, f, natts - ndefaulted, atts);
}

static void on_text(void *user, const xmlChar *ch, int n)
{
    struct xml_loader *ld = user;
    struct frame *f = &ld->frames[ld->depth];
    if (!f->in_record || n <= 0)
        return;
    const char *s = (const char *)ch;
    size_t len = (size_t)n;
    if (!f->nonblank)
        f->nonblank = !blank_text(s, len);
    size_t have = ld->tlen - f->text, cap = ld->opt->limits.max_cell_bytes;
    if (f->cut)
        return;
    if (have + len > cap) {
        len = yk_xml_utf8_cut(s, len, cap - have);
        f->cut = true;
    }
    if (ld->tcap - ld->tlen < len) {
        size_t c = ld->tcap ? ld->tcap : 4096;
        while (c - ld->tlen < len)
            c *= 2;
        char *t = realloc(ld->text, c);
        if (!t) {
            failed(ld, YK_ENOMEM);
            return;
        }
        ld->text = t;
        ld->tcap = c;
    }
    memcpy(ld->text + ld->tlen, s, len);
    ld->tlen += len;
}

/* CDATA: the push parser hands it on as it stands in the file, so line ends are normalised
 * here as XML 1.0 §2.11 asks ("\r\n" and a lone "\r" become "\n"); a section may come in
 * pieces, and a "\r\n" may be split between two. */
static void on_cdata(void *user, const xmlChar *ch, int n)
{
    struct xml_loader *ld = user;
    const xmlChar *p = ch, *end = ch + (n > 0 ? n : 0);
    if (ld->cr && p < end && *p == '\n')
        p++;
    ld->cr = false;
    while (p < end) {
        const xmlChar *cr = memchr(p, '\r', (size_t)(end - p));
        if (!cr) {
            on_text(user, p, (int)(end - p));
            return;
        }
        on_text(user, p, (int)(cr - p));
        on_text(user, BAD_CAST "\n", 1);
        p = cr + 1;
        if (p == end)
            ld->cr = true;
        else if (*p == '\n')
            p++;
    }
}

/* An element inside a record closes: its text is a field when it has no child elements (unless
 * it only carries attributes), or when it mixes text with them, which is reported. */
static void close_field(struct xml_loader *ld, struct frame *f, const xmlChar *prefix,
                        const xmlChar *local)
{
    const char *text = ld->text ? ld->text + f->text : "";
    size_t len = ld->tlen - f->text;
    bool mixed = f->child && f->nonblank;
    if (!mixed && (f->child || (f->attrs && !f->nonblank) || (f->record && !f->nonblank)))
        return;
    uint32_t node = f->node;
    /* The record's own text is a field named after the record element. */
    if (f->record && failed(ld, yk_xml_table_node(&ld->table, YK_XML_ROOT, prefix, local, &node)))
        return;
    if (mixed) { /* the whitespace around the child elements is layout */
        while (len > 0 && blank_text(text, 1))
            text++, len--;
        while (len > 0 && blank_text(text + len - 1, 1))
            len--;
    }
    if (failed(ld, yk_xml_table_set(&ld->table, node, text, len, f->cut, &f->at)))
        return;
    struct yk_loc loc = {.row = yk_xml_table_row(&ld->table),
                         .field = yk_xml_table_field(&ld->table, node),
                         .line = f->at.line,
                         .offset = f->at.offset};
    if (mixed)
        event(ld, YK_EV_XML_MIXED, &loc, yk_xml_table_name(&ld->table, node));
    if (f->cut)
        event(ld, YK_EV_LIMIT, &loc, "max_cell_bytes: a value was cut");
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    struct xml_loader *ld = user;
    (void)uri;
    if (ld->depth == 0)
        return;
    struct frame *f = &ld->frames[ld->depth];
    if (f->in_record && !ld->stopped) {
        close_field(ld, f, prefix, local);
        if (f->record && !ld->stopped)
            failed(ld, yk_xml_table_end(&ld->table));
    }
    ld->tlen = f->text;
    ld->depth--;
}

/* --- setup and the feeding loop --------------------------------------------------------- */

/* Split record_path at '/' (or at '.' when it has no '/'); empty steps are dropped. */
static int split_path(struct xml_loader *ld, const char *path, struct yk_error *err)
{
    ld->record_depth = 2; /* by default: the children of the root */
    if (!path)
        return 0;
    char sep = strchr(path, '/') ? '/' : '.';
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, sep == '/' ? "/" : ".");
        if (n > 0) {
            if (ld->nsteps == MAX_STEPS)
                return yk_error_set(err, YK_EINVAL, NULL, 0, 0,
                                    "record_path has more than %d steps", MAX_STEPS);
            if (!(ld->steps[ld->nsteps++] = yk_arena_strndup(ld->arena, p, n)))
                return yk_error_set(err, YK_ENOMEM, NULL, 0, 0, "out of memory");
        }
        p += n + (p[n] != '\0');
    }
    return 0;
}

/* Without record_path: find the records' container in the head of the input (not consumed). */
static int sniff_path(struct xml_loader *ld, struct yk_input *in, struct yk_error *err)
{
    const unsigned char *p;
    size_t n, found;
    int rc = yk_input_peek(in, YK_INPUT_CHUNK, &p, &n, err);
    if (rc < 0)
        return rc;
    rc =
        yk_xml_sniff_records(p, n, n < YK_INPUT_CHUNK, ld->arena, ld->steps, MAX_STEPS - 1, &found);
    if (rc < 0)
        return yk_error_set(err, rc, in->name, 0, 0, "out of memory");
    if (found > 0) {
        ld->steps[found] = "*";
        ld->nsteps = found + 1;
    }
    return 0;
}

/* Skip a UTF-8 byte-order mark the runner left in place. */
static int skip_bom(struct yk_input *in, struct yk_source_info *info, struct yk_error *err)
{
    const unsigned char *p;
    size_t n;
    int rc = yk_input_peek(in, 3, &p, &n, err);
    if (rc < 0)
        return rc;
    if (n == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        info->bom = true;
        yk_input_skip(in, 3);
    }
    return 0;
}

static int create_parser(struct xml_loader *ld, const char *name, struct yk_error *err)
{
    xmlSAXHandler sax;
    yk_xml_sax_init(&sax);
    sax.internalSubset = report_internal_subset;
    sax.entityDecl = report_entity_decl;
    sax.unparsedEntityDecl = report_unparsed_entity_decl;
    sax.reference = on_reference;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_cdata;
    sax.ignorableWhitespace = on_text;
    sax.serror = on_error;
    if (!yk_xml_parser_create(&sax, &ld->user, name))
        return yk_error_set(err, YK_ENOMEM, name, 0, 0, "out of memory");
    return 0;
}

static int feed(struct xml_loader *ld, struct yk_input *in, struct yk_error *err)
{
    for (;;) {
        const unsigned char *p;
        size_t n;
        int rc = yk_input_read(in, &p, &n, err);
        if (rc < 0)
            return rc;
        ld->info->bytes = in->consumed;
        if (n == 0 && in->consumed == ld->base)
            return 0; /* no bytes: an empty file is the `file` family's finding */
        xmlParseChunk(ld->user.ctxt, (const char *)p, (int)n, n == 0);
        if (ld->rc < 0 || ld->stopped || n == 0)
            return 0;
    }
}

/* The encoding the parser met, when nothing before the loader decoded the bytes. */
static void note_encoding(struct xml_loader *ld)
{
    const xmlParserCtxtPtr c = ld->user.ctxt;
    const char *enc = (const char *)c->encoding;
    if (!enc && c->input && c->input->buf && c->input->buf->encoder)
        enc = c->input->buf->encoder->name;
    if (ld->info->input.content_format || !enc ||
        xmlStrcasecmp(BAD_CAST enc, BAD_CAST "UTF-8") == 0)
        return;
    const char *copy = yk_arena_strdup(ld->arena, enc);
    if (copy)
        ld->info->encoding = copy;
}

static int xml_load(struct yk_input *in, const struct yk_check_options *opt,
                    struct yk_source_info *info, const struct yk_sink *sink, struct yk_arena *arena,
                    struct yk_error *err)
{
    struct xml_loader ld = {.opt = opt, .sink = sink, .info = info, .arena = arena};
    info->format = "xml";
    size_t depth = opt->limits.max_depth ? opt->limits.max_depth : 64;
    ld.max_depth = depth < PARSER_DEPTH + 1 ? depth : PARSER_DEPTH + 1;
    yk_xml_table_init(&ld.table, opt, sink, info, arena);
    int rc = split_path(&ld, opt->record_path, err);
    if (rc < 0)
        goto done;
    if (!(ld.frames = calloc(ld.max_depth + 1, sizeof *ld.frames))) {
        rc = yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory");
        goto done;
    }
    ld.frames[0].match = true;
    if ((rc = skip_bom(in, info, err)) < 0 ||
        (!opt->record_path && (rc = sniff_path(&ld, in, err)) < 0))
        goto done;
    ld.base = in->consumed;
    info->bytes = in->consumed;
    if ((rc = create_parser(&ld, in->name, err)) < 0)
        goto done;
    rc = feed(&ld, in, err);
    note_encoding(&ld);
    if (rc == 0 && ld.rc < 0)
        rc = ld.rc == YK_ENOMEM ? yk_error_set(err, YK_ENOMEM, in->name, 0, 0, "out of memory")
                                : ld.rc;
done:
    yk_xml_parser_destroy(ld.user.ctxt);
    yk_xml_table_fini(&ld.table);
    free(ld.frames);
    free(ld.text);
    free(ld.scratch);
    return rc;
}

const struct yk_loader yk_loader_xml = {
    .format = "xml",
    .load = xml_load,
};
