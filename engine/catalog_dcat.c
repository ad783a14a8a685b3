/* yakist — DCAT-AP catalogs in RDF/XML. The document is small enough to hold as a tree; the
 * reader indexes every described node by its rdf:about / rdf:nodeID, so a dataset, publisher,
 * contact point or distribution may be nested or described elsewhere and referenced, as RDF/XML
 * allows. Parsing is safe: no network, no DTD loading, entities never substituted, and text is
 * taken only from text nodes, so an entity reference cannot expand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "catalog_priv.h"

#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DCAT "http://www.w3.org/ns/dcat#"
#define NS_DCT "http://purl.org/dc/terms/"
#define NS_FOAF "http://xmlns.com/foaf/0.1/"
#define NS_VCARD "http://www.w3.org/2006/vcard/ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_XML "http://www.w3.org/XML/1998/namespace"

#define DESCS_MAX 8 /* descriptions of one subject that are merged */

struct subject {
    const char *id; /* rdf:about, or rdf:nodeID (blank nodes live in their own space) */
    bool blank;
    size_t order;
    xmlNode *node;
};

struct dcat {
    struct yk_cat *c;
    const char *file;
    struct subject *subj; /* sorted by (blank, id, order) */
    size_t nsubj, capsubj;
    xmlNode **datasets; /* document order */
    size_t nds, capds;
    xmlNode *catalog;
};

/* The properties of a subject: the child elements of each of its descriptions. */
struct props {
    xmlNode *descs[DESCS_MAX];
    size_t n, i;
    xmlNode *cur;
};

/* --- the tree ------------------------------------------------------------------------------- */

static uint64_t line_of(const xmlNode *n)
{
    long l = xmlGetLineNo(n);
    return l > 0 ? (uint64_t)l : 0;
}

static bool is(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, name) == 0;
}

/* An attribute's text, without copying (NULL when absent or not plain text). */
static const char *attr(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->ns && strcmp((const char *)a->ns->href, ns) == 0 &&
            strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE
                       ? (const char *)a->children->content
                       : NULL;
    return NULL;
}

static int cmp_subject(const void *a, const void *b)
{
    const struct subject *x = a, *y = b;
    if (x->blank != y->blank)
        return x->blank ? 1 : -1;
    int r = strcmp(x->id, y->id);
    return r ? r : (x->order > y->order) - (x->order < y->order);
}

static int add_subject(struct dcat *x, const char *id, bool blank, xmlNode *n)
{
    if (x->nsubj == x->capsubj) {
        size_t cap = x->capsubj ? x->capsubj * 2 : 64;
        struct subject *s = realloc(x->subj, cap * sizeof *s);
        if (!s)
            return YK_ENOMEM;
        x->subj = s;
        x->capsubj = cap;
    }
    x->subj[x->nsubj] = (struct subject){.id = id, .blank = blank, .order = x->nsubj, .node = n};
    x->nsubj++;
    return 0;
}

static bool has_type(const xmlNode *n, const char *ns, const char *name)
{
    if (is(n, ns, name))
        return true;
    size_t len = strlen(ns);
    for (const xmlNode *p = n->children; p; p = p->next) {
        const char *r = is(p, NS_RDF, "type") ? attr(p, NS_RDF, "resource") : NULL;
        if (r && strncmp(r, ns, len) == 0 && strcmp(r + len, name) == 0)
            return true;
    }
    return false;
}

static int walk_node(struct dcat *x, xmlNode *n);

/* A property element: its child elements are nodes; parseType="Resource" makes it one. */
static int walk_prop(struct dcat *x, xmlNode *p)
{
    const char *pt = attr(p, NS_RDF, "parseType");
    if (pt && strcmp(pt, "Resource") == 0)
        return walk_node(x, p);
    for (xmlNode *k = p->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && walk_node(x, k) < 0)
            return YK_ENOMEM;
    return 0;
}

static int walk_node(struct dcat *x, xmlNode *n)
{
    const char *about = attr(n, NS_RDF, "about"), *blank = attr(n, NS_RDF, "nodeID");
    if ((about || blank) && add_subject(x, about ? about : blank, !about, n) < 0)
        return YK_ENOMEM;
    if (has_type(n, NS_DCAT, "Dataset")) {
        if (x->nds == x->capds) {
            size_t cap = x->capds ? x->capds * 2 : 64;
            xmlNode **d = realloc(x->datasets, cap * sizeof *d);
            if (!d)
                return YK_ENOMEM;
            x->datasets = d;
            x->capds = cap;
        }
        x->datasets[x->nds++] = n;
    } else if (!x->catalog && has_type(n, NS_DCAT, "Catalog")) {
        x->catalog = n;
    }
    for (xmlNode *p = n->children; p; p = p->next)
        if (p->type == XML_ELEMENT_NODE && walk_prop(x, p) < 0)
            return YK_ENOMEM;
    return 0;
}

/* The first description of a subject, or NULL. */
static const struct subject *find(const struct dcat *x, const char *id, bool blank)
{
    struct subject key = {.id = id, .blank = blank, .order = 0};
    size_t lo = 0, hi = x->nsubj;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_subject(&x->subj[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < x->nsubj && x->subj[lo].blank == blank && strcmp(x->subj[lo].id, id) == 0)
        return &x->subj[lo];
    return NULL;
}

static void props_init(struct props *it, const struct dcat *x, xmlNode *n)
{
    const char *about = attr(n, NS_RDF, "about"), *blank = attr(n, NS_RDF, "nodeID");
    const struct subject *s = about || blank ? find(x, about ? about : blank, !about) : NULL;
    it->n = it->i = 0;
    it->cur = NULL;
    for (; s && s < x->subj + x->nsubj && it->n < DESCS_MAX; s++) {
        if (s->blank != !about || strcmp(s->id, about ? about : blank) != 0)
            break;
        it->descs[it->n++] = s->node;
    }
    if (it->n == 0)
        it->descs[it->n++] = n;
}

static xmlNode *props_next(struct props *it)
{
    for (;;) {
        it->cur = it->cur ? it->cur->next : NULL;
        while (!it->cur) {
            if (it->i >= it->n)
                return NULL;
            it->cur = it->descs[it->i++]->children;
        }
        if (it->cur->type == XML_ELEMENT_NODE)
            return it->cur;
    }
}

/* The node a property points at: nested, parseType="Resource", or described elsewhere. */
static xmlNode *object_of(const struct dcat *x, xmlNode *p)
{
    const char *pt = attr(p, NS_RDF, "parseType");
    if (pt && strcmp(pt, "Resource") == 0)
        return p;
    for (xmlNode *k = p->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
            return k;
    const char *r = attr(p, NS_RDF, "resource"), *b = attr(p, NS_RDF, "nodeID");
    const struct subject *s = r ? find(x, r, false) : b ? find(x, b, true) : NULL;
    return s ? s->node : NULL;
}

/* --- text ----------------------------------------------------------------------------------- */

/* The literal of a property: its own text nodes only, trimmed. */
static const char *literal(struct dcat *x, const xmlNode *p, const char *what)
{
    size_t len = 0;
    for (const xmlNode *t = p->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
            len += strlen((const char *)t->content);
    char *buf = malloc(len + 1);
    if (!buf) {
        x->c->rc = YK_ENOMEM;
        return NULL;
    }
    size_t k = 0;
    for (const xmlNode *t = p->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content) {
            size_t m = strlen((const char *)t->content);
            memcpy(buf + k, t->content, m);
            k += m;
        }
    size_t s = 0;
    while (s < k && strchr(" \t\r\n", buf[s]))
        s++;
    while (k > s && strchr(" \t\r\n", buf[k - 1]))
        k--;
    const char *out = k > s ? yk_cat_text(x->c, buf + s, k - s, x->file, line_of(p), what) : NULL;
    free(buf);
    return out;
}

static const char *copy(struct dcat *x, const char *s, const xmlNode *at, const char *what)
{
    return s ? yk_cat_text(x->c, s, strlen(s), x->file, line_of(at), what) : NULL;
}

/* How well a literal's language suits: Ukrainian first, then untagged, then any. */
static int lang_rank(const xmlNode *p)
{
    const char *l = attr(p, NS_XML, "lang");
    if (!l || !*l)
        return 2;
    return strncasecmp(l, "uk", 2) == 0 || strncasecmp(l, "ua", 2) == 0 ? 3 : 1;
}

/* A name for a node: the first naming property it has (Ukrainian preferred), or NULL. */
static const char *name_of(struct dcat *x, xmlNode *n, const char *what)
{
    static const char *const names[][2] = {
        {NS_FOAF, "name"},      {NS_VCARD, "fn"},      {NS_DCT, "title"}, {NS_RDFS, "label"},
        {NS_SKOS, "prefLabel"}, {NS_SKOS, "notation"}, {NS_RDF, "value"}, {NS_VCARD, "value"},
    };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        struct props it;
        const xmlNode *best = NULL;
        props_init(&it, x, n);
        for (xmlNode *p; (p = props_next(&it)) != NULL;)
            if (is(p, names[k][0], names[k][1]) && (!best || lang_rank(p) > lang_rank(best)))
                best = p;
        if (best)
            return literal(x, best, what);
    }
    return NULL;
}

static const char *label(struct dcat *x, xmlNode *n, const char *what)
{
    const char *s = name_of(x, n, what);
    return s ? s : copy(x, attr(n, NS_RDF, "about"), n, what);
}

/* The value of a property as text: its URI, the name of the node it holds, or its literal. */
static const char *value(struct dcat *x, xmlNode *p, const char *what)
{
    const char *r = attr(p, NS_RDF, "resource");
    if (r)
        return copy(x, r, p, what);
    xmlNode *o = object_of(x, p);
    return o ? label(x, o, what) : literal(x, p, what);
}

static const char *frequency(struct dcat *x, xmlNode *p)
{
    return yk_dcat_frequency(value(x, p, "accrualPeriodicity"));
}

static const char *language(struct dcat *x, xmlNode *p)
{
    return yk_dcat_language(value(x, p, "language"));
}

static const char *format(struct dcat *x, xmlNode *p, const char *what)
{
    return yk_dcat_format(value(x, p, what));
}

static const char *email(struct dcat *x, xmlNode *p)
{
    const char *v = value(x, p, "email");
    return v && strncasecmp(v, "mailto:", 7) == 0 ? v + 7 : v;
}

static void extra(struct dcat *x, struct yk_kv *kv, size_t *n, xmlNode *p)
{
    if (*n >= YK_CAT_LIST_MAX)
        return;
    const char *ns = p->ns ? (const char *)p->ns->href : "";
    const char *prefix = yk_dcat_prefix(ns);
    const char *key = prefix ? yk_arena_printf(x->c->arena, "%s:%s", prefix, p->name)
                             : yk_arena_printf(x->c->arena, "%s%s", ns, p->name);
    const char *v = value(x, p, "extra");
    if (!key)
        x->c->rc = YK_ENOMEM;
    else if (v)
        kv[(*n)++] = (struct yk_kv){.key = key, .value = v};
}

/* --- datasets and distributions ----------------------------------------------------------- */

enum prop {
    P_OTHER = 0,
    P_SKIP,
    P_TITLE,
    P_DESCRIPTION,
    P_IDENTIFIER,
    P_PUBLISHER,
    P_ISSUED,
    P_MODIFIED,
    P_LICENSE,
    P_FREQUENCY,
    P_KEYWORD,
    P_CONTACT,
    P_DISTRIBUTION,
    P_LANGUAGE,
    P_LANDING,
    P_FORMAT,
    P_MEDIA_TYPE,
    P_DOWNLOAD,
    P_ACCESS,
    P_SIZE,
    P_CONFORMS
};

static const struct {
    const char *ns, *name;
    enum prop kind;
} known[] = {
    {NS_DCT, "title", P_TITLE},           {NS_DCT, "description", P_DESCRIPTION},
    {NS_DCT, "identifier", P_IDENTIFIER}, {NS_DCT, "publisher", P_PUBLISHER},
    {NS_DCT, "issued", P_ISSUED},         {NS_DCT, "modified", P_MODIFIED},
    {NS_DCT, "license", P_LICENSE},       {NS_DCT, "accrualPeriodicity", P_FREQUENCY},
    {NS_DCT, "language", P_LANGUAGE},     {NS_DCT, "format", P_FORMAT},
    {NS_DCT, "conformsTo", P_CONFORMS},   {NS_DCAT, "keyword", P_KEYWORD},
    {NS_DCAT, "contactPoint", P_CONTACT}, {NS_DCAT, "distribution", P_DISTRIBUTION},
    {NS_DCAT, "landingPage", P_LANDING},  {NS_DCAT, "mediaType", P_MEDIA_TYPE},
    {NS_DCAT, "downloadURL", P_DOWNLOAD}, {NS_DCAT, "accessURL", P_ACCESS},
    {NS_DCAT, "byteSize", P_SIZE},        {NS_RDF, "type", P_SKIP},
};

static enum prop kind_of(const xmlNode *p)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (is(p, known[i].ns, known[i].name))
            return known[i].kind;
    return P_OTHER;
}

static void set(const char **slot, const char *v)
{
    if (!*slot)
        *slot = v;
}

static void license(struct dcat *x, struct yk_dataset *d, xmlNode *p)
{
    if (d->license_id)
        return;
    const char *r = attr(p, NS_RDF, "resource");
    xmlNode *o = object_of(x, p);
    const char *about = o ? attr(o, NS_RDF, "about") : NULL;
    d->license_id = r       ? copy(x, r, p, "license")
                    : about ? copy(x, about, o, "license")
                            : literal(x, p, "license");
    if (o && o != p)
        d->license_title = name_of(x, o, "license");
}

static void publisher(struct dcat *x, struct yk_dataset *d, xmlNode *p)
{
    xmlNode *o = object_of(x, p);
    if (!o) {
        set(&d->publisher_name, value(x, p, "publisher"));
        return;
    }
    set(&d->publisher_name, label(x, o, "publisher"));
    struct props it;
    props_init(&it, x, o);
    for (xmlNode *q; (q = props_next(&it)) != NULL;)
        if (is(q, NS_DCT, "identifier") || is(q, "http://www.w3.org/ns/adms#", "identifier") ||
            is(q, NS_SKOS, "notation"))
            set(&d->publisher_edrpou, value(x, q, "publisher identifier"));
}

static void contact(struct dcat *x, struct yk_dataset *d, xmlNode *p)
{
    xmlNode *o = object_of(x, p);
    if (!o) {
        const char *v = value(x, p, "contactPoint");
        if (v && strncasecmp(v, "mailto:", 7) == 0)
            set(&d->maintainer_email, v + 7);
        else
            set(&d->maintainer, v);
        return;
    }
    struct props it;
    props_init(&it, x, o);
    for (xmlNode *q; (q = props_next(&it)) != NULL;) {
        if (is(q, NS_VCARD, "fn"))
            set(&d->maintainer, literal(x, q, "vcard:fn"));
        else if (is(q, NS_VCARD, "hasEmail"))
            set(&d->maintainer_email, email(x, q));
    }
    if (!d->maintainer) {
        props_init(&it, x, o);
        for (xmlNode *q; (q = props_next(&it)) != NULL;)
            if (is(q, NS_VCARD, "organization-name"))
                set(&d->maintainer, literal(x, q, "vcard:organization-name"));
    }
}

static int64_t byte_size(const char *s)
{
    int64_t n = 0;
    if (!s || !*s)
        return -1;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (n > INT64_MAX / 10 - 10)
            return -1;
        n = n * 10 + (*s - '0');
    }
    return *s == '\0' || *s == '.' ? n : -1;
}

static void distribution(struct dcat *x, struct yk_dataset *d, struct yk_resource *r, xmlNode *p)
{
    xmlNode *o = object_of(x, p);
    const char *download = NULL, *access = NULL;
    const xmlNode *title = NULL;
    r->size = -1;
    if (!o) {
        r->url = value(x, p, "distribution");
        yk_cat_note(x->c, x->file, line_of(p), "distribution %s: not described",
                    r->url ? r->url : "(empty)");
        yk_cat_locate(x->c, r, x->file, line_of(p));
        return;
    }
    struct props it;
    props_init(&it, x, o);
    for (xmlNode *q; (q = props_next(&it)) != NULL;) {
        switch (kind_of(q)) {
        case P_IDENTIFIER:
            set(&r->id, value(x, q, "identifier"));
            break;
        case P_TITLE:
            if (!title || lang_rank(q) > lang_rank(title))
                title = q;
            break;
        case P_DESCRIPTION:
            set(&r->description, value(x, q, "description"));
            break;
        case P_FORMAT:
            set(&r->format, format(x, q, "format"));
            break;
        case P_MEDIA_TYPE:
            set(&r->mimetype, format(x, q, "mediaType"));
            break;
        case P_DOWNLOAD:
            set(&download, value(x, q, "downloadURL"));
            break;
        case P_ACCESS:
            set(&access, value(x, q, "accessURL"));
            break;
        case P_ISSUED:
            set(&r->created, value(x, q, "issued"));
            break;
        case P_MODIFIED:
            set(&r->last_modified, value(x, q, "modified"));
            break;
        case P_SIZE:
            r->size = byte_size(literal(x, q, "byteSize"));
            break;
        case P_LICENSE:
            license(x, d, q);
            break;
        case P_CONFORMS:
            set(&r->schema, value(x, q, "conformsTo"));
            break;
        default:
            break;
        }
    }
    r->name = title ? literal(x, title, "title") : NULL;
    r->url = download ? download : access;
    set(&r->id, copy(x, attr(o, NS_RDF, "about"), o, "distribution"));
    if (!r->url)
        yk_cat_note(x->c, x->file, line_of(o),
                    "distribution %s: no dcat:downloadURL or "
                    "dcat:accessURL",
                    r->id ? r->id : "(unnamed)");
    yk_cat_locate(x->c, r, x->file, line_of(o));
}

/* Arrays for what a dataset lists, sized by a first pass over its properties. */
static int lists(struct dcat *x, xmlNode *n, struct yk_dataset *d, struct yk_kv **kv)
{
    size_t ndist = 0, ntags = 0, nother = 0;
    struct props it;
    props_init(&it, x, n);
    for (xmlNode *p; (p = props_next(&it)) != NULL;) {
        enum prop k = kind_of(p);
        ndist += k == P_DISTRIBUTION;
        ntags += k == P_KEYWORD;
        nother += k == P_OTHER || k == P_LANDING;
    }
    ndist = ndist < YK_CAT_RESOURCES_MAX ? ndist : YK_CAT_RESOURCES_MAX;
    ntags = ntags < YK_CAT_LIST_MAX ? ntags : YK_CAT_LIST_MAX;
    nother = nother < YK_CAT_LIST_MAX ? nother : YK_CAT_LIST_MAX;
    struct yk_arena *a = x->c->arena;
    d->resources = ndist ? yk_arena_calloc(a, ndist, sizeof *d->resources) : NULL;
    d->tags = ntags ? yk_arena_alloc(a, ntags * sizeof *d->tags) : NULL;
    *kv = nother ? yk_arena_alloc(a, nother * sizeof **kv) : NULL;
    if ((ndist && !d->resources) || (ntags && !d->tags) || (nother && !*kv))
        return x->c->rc = YK_ENOMEM;
    return 0;
}

static int dataset(struct dcat *x, xmlNode *n)
{
    struct yk_dataset d = {.source = x->file, .source_line = line_of(n)};
    struct yk_kv *kv;
    const char **tags;
    size_t nkv = 0;
    const xmlNode *title = NULL, *desc = NULL;
    xmlNode *p;
    if (lists(x, n, &d, &kv) < 0)
        return YK_ENOMEM;
    tags = (const char **)d.tags;
    struct props it;
    props_init(&it, x, n);
    while ((p = props_next(&it)) != NULL) {
        switch (kind_of(p)) {
        case P_TITLE:
            if (!title || lang_rank(p) > lang_rank(title))
                title = p;
            break;
        case P_DESCRIPTION:
            if (!desc || lang_rank(p) > lang_rank(desc))
                desc = p;
            break;
        case P_IDENTIFIER:
            set(&d.id, value(x, p, "identifier"));
            break;
        case P_PUBLISHER:
            publisher(x, &d, p);
            break;
        case P_ISSUED:
            set(&d.metadata_created, value(x, p, "issued"));
            break;
        case P_MODIFIED:
            set(&d.metadata_modified, value(x, p, "modified"));
            break;
        case P_LICENSE:
            license(x, &d, p);
            break;
        case P_FREQUENCY:
            set(&d.update_frequency, frequency(x, p));
            break;
        case P_LANGUAGE:
            set(&d.language, language(x, p));
            break;
        case P_CONTACT:
            contact(x, &d, p);
            break;
        case P_KEYWORD: {
            const char *t = d.ntags < YK_CAT_LIST_MAX ? literal(x, p, "keyword") : NULL;
            if (t)
                tags[d.ntags++] = t;
            break;
        }
        case P_DISTRIBUTION:
            if (d.nresources < YK_CAT_RESOURCES_MAX)
                distribution(x, &d, &d.resources[d.nresources++], p);
            break;
        case P_LANDING: {
            const char *u = value(x, p, "landingPage");
            if (u && !d.name && *yk_dcat_last_segment(u))
                d.name = yk_dcat_last_segment(u);
            extra(x, kv, &nkv, p);
            break;
        }
        case P_SKIP:
            break;
        default:
            extra(x, kv, &nkv, p);
            break;
        }
    }
    d.title = title ? literal(x, title, "title") : NULL;
    d.notes = desc ? literal(x, desc, "description") : NULL;
    d.extras = kv;
    d.nextras = nkv;
    set(&d.id, copy(x, attr(n, NS_RDF, "about"), n, "dataset"));
    if (!d.publisher_name && x->catalog)
        for (props_init(&it, x, x->catalog); (p = props_next(&it)) != NULL;)
            if (kind_of(p) == P_PUBLISHER)
                publisher(x, &d, p);
    if (!d.title)
        yk_cat_note(x->c, x->file, d.source_line, "dataset %s: no title",
                    d.id ? d.id : "(unnamed)");
    if (x->c->rc < 0)
        return x->c->rc;
    return yk_cat_push(x->c, &d);
}

/* --- the document --------------------------------------------------------------------------- */

/* The first error, not libxml2's last one (which after a mismatched tag is only "premature
 * end of data"). The parser passes its context as the handler's data. */
struct first_error {
    bool set;
    int line, column;
    char message[256];
};

static void on_error(void *data, xmlErrorPtr e)
{
    struct first_error *f = ((xmlParserCtxtPtr)data)->_private;
    if (f->set || !e || e->level < XML_ERR_ERROR)
        return;
    f->set = true;
    f->line = e->line;
    f->column = e->int2;
    snprintf(f->message, sizeof f->message, "%s", e->message ? e->message : "not well-formed");
    size_t n = strlen(f->message);
    while (n > 0 && (f->message[n - 1] == '\n' || f->message[n - 1] == ' '))
        f->message[--n] = '\0';
}

static int parse_error(struct yk_cat *c, const char *file, const struct first_error *f)
{
    return yk_error_set(c->err, YK_EPARSE, file, f->line > 0 ? (uint64_t)f->line : 0,
                        f->column > 0 ? (uint64_t)f->column : 0, "XML syntax error: %s",
                        f->set ? f->message : "not well-formed");
}

static int read_tree(struct yk_cat *c, const char *file, xmlNode *root)
{
    struct dcat x = {.c = c, .file = file};
    int rc = 0;
    if (is(root, NS_RDF, "RDF")) {
        for (xmlNode *n = root->children; n && rc == 0; n = n->next)
            if (n->type == XML_ELEMENT_NODE)
                rc = walk_node(&x, n);
    } else {
        rc = walk_node(&x, root);
    }
    if (rc < 0) {
        rc = yk_error_set(c->err, YK_ENOMEM, file, 0, 0, "out of memory");
        goto out;
    }
    qsort(x.subj, x.nsubj, sizeof *x.subj, cmp_subject);
    for (size_t i = 0; i < x.nds && rc == 0; i++)
        rc = dataset(&x, x.datasets[i]);
    if (rc == YK_ENOMEM && c->err && c->err->code == YK_OK)
        rc = yk_error_set(c->err, YK_ENOMEM, file, 0, 0, "out of memory");
    if (rc == 0 && x.nds == 0)
        yk_cat_note(c, file, line_of(root), "no dcat:Dataset in the catalog");
out:
    free(x.subj);
    free(x.datasets);
    return rc;
}

int yk_cat_read_dcat(struct yk_cat *c, const char *file, const char *buf, size_t len)
{
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctxt)
        return yk_error_set(c->err, YK_ENOMEM, file, 0, 0, "out of memory");
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_BIG_LINES);
    /* Whatever defaults the host application set for libxml2: */
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;
    ctxt->linenumbers = 1;
    struct first_error first = {0};
    ctxt->_private = &first;
    ctxt->sax->serror = on_error;
    int rc;
    xmlParseDocument(ctxt);
    xmlDoc *doc = ctxt->myDoc;
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!ctxt->wellFormed || !root) {
        rc = parse_error(c, file, &first);
    } else if (!is(root, NS_RDF, "RDF") && !has_type(root, NS_DCAT, "Catalog") &&
               !has_type(root, NS_DCAT, "Dataset")) {
        rc = yk_error_set(c->err, YK_EPARSE, file, line_of(root), 1,
                          "unknown catalog shape: XML whose root is <%s>, not rdf:RDF",
                          (const char *)root->name);
    } else {
        c->kind = "dcat";
        rc = read_tree(c, file, root);
    }
    xmlFreeDoc(doc);
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return rc;
}
