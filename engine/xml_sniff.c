/* yakist — where an XML file keeps its records, when the caller does not say: a quick parse of
 * the head of the input (with the same safe parser as the loader, errors ignored) looks for the
 * shallowest element whose children are mostly one repeated element with fields of its own.
 * That catches the common export shapes (<export><meta/><data><item/><item/>…) without
 * buffering a record. */
#include <string.h>

#include <libxml/parser.h>

#include <yakist/arena.h>

#include "xml.h"

#define SNIFF_DEPTH 32 /* elements deeper than this are not containers we look for */

/* An open element: its name, the longest run of consecutive children sharing one name, and
 * how many children are structured (have attributes or child elements of their own). */
struct open_el {
    const xmlChar *prefix, *local;
    const xmlChar *last; /* the previous child's name (dictionary pointer) */
    uint32_t run, best, children, structured_children;
    bool structured;
};

struct sniff {
    struct yk_xml_user user; /* first: the shared callbacks find the parser here */
    struct open_el stack[SNIFF_DEPTH];
    size_t depth; /* open elements, the root being 1 */
    size_t found; /* depth of the best container so far, 0 = none */
    uint32_t found_run;
    struct yk_arena *arena;
    char **steps;
    size_t max_steps, nsteps;
    int rc;
};

/* A qualified name in the arena. */
static char *qname(struct yk_arena *arena, const struct open_el *e)
{
    if (!e->prefix)
        return yk_arena_strdup(arena, (const char *)e->local);
    return yk_arena_printf(arena, "%s:%s", (const char *)e->prefix, (const char *)e->local);
}

/* Is the open element at depth d (1-based) a better container than the one found? Records
 * have fields: children that are bare values (three <телефон> in one record) make a list, not
 * a container. */
static void consider(struct sniff *sn, size_t d)
{
    const struct open_el *e = &sn->stack[d - 1];
    if (e->best < 2 || e->best * 2 < e->children || e->structured_children * 2 < e->children ||
        d > sn->max_steps)
        return;
    if (sn->found && (d > sn->found || (d == sn->found && e->best <= sn->found_run)))
        return;
    for (size_t i = 0; i < d; i++) {
        if (!(sn->steps[i] = qname(sn->arena, &sn->stack[i]))) {
            sn->rc = YK_ENOMEM;
            xmlStopParser(sn->user.ctxt);
            return;
        }
    }
    sn->found = d;
    sn->found_run = e->best;
    sn->nsteps = d;
}

static void sniff_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                        int nns, const xmlChar **ns, int natts, int ndefaulted,
                        const xmlChar **atts)
{
    struct sniff *sn = user;
    (void)uri, (void)nns, (void)ns, (void)ndefaulted, (void)atts;
    if (sn->depth > 0 && sn->depth <= SNIFF_DEPTH) {
        struct open_el *up = &sn->stack[sn->depth - 1];
        up->structured = true;
        up->children++;
        up->run = up->last == local ? up->run + 1 : 1;
        up->last = local;
        if (up->run > up->best)
            up->best = up->run;
    }
    if (++sn->depth <= SNIFF_DEPTH)
        sn->stack[sn->depth - 1] =
            (struct open_el){.prefix = prefix, .local = local, .structured = natts > 0};
}

static void sniff_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    struct sniff *sn = user;
    (void)local, (void)prefix, (void)uri;
    if (sn->depth == 0)
        return;
    if (sn->depth <= SNIFF_DEPTH) {
        consider(sn, sn->depth);
        if (sn->depth > 1 && sn->stack[sn->depth - 1].structured)
            sn->stack[sn->depth - 2].structured_children++;
    }
    sn->depth--;
}

static void sniff_error(void *user, xmlErrorPtr e)
{
    (void)user, (void)e; /* the loader reports errors; the sample may also stop mid-element */
}

int yk_xml_sniff_records(const unsigned char *sample, size_t len, bool complete,
                         struct yk_arena *arena, char **steps, size_t max_steps, size_t *n)
{
    struct sniff sn = {.arena = arena, .steps = steps, .max_steps = max_steps};
    *n = 0;
    xmlSAXHandler sax;
    yk_xml_sax_init(&sax);
    sax.startElementNs = sniff_start;
    sax.endElementNs = sniff_end;
    sax.serror = sniff_error;
    xmlParserCtxtPtr ctxt = yk_xml_parser_create(&sax, &sn.user, NULL);
    if (!ctxt)
        return YK_ENOMEM;
    xmlParseChunk(ctxt, (const char *)sample, (int)len, complete);
    /* Elements still open where the sample ends (the root, at least) count as they stand. */
    for (size_t d = sn.depth < SNIFF_DEPTH ? sn.depth : SNIFF_DEPTH; d > 0 && sn.rc == 0; d--)
        consider(&sn, d);
    yk_xml_parser_destroy(ctxt);
    if (sn.rc < 0)
        return sn.rc;
    *n = sn.found > 1 ? sn.nsteps : 0;
    return 0;
}
