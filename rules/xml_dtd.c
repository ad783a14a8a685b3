/* yakist — `xml` rules about the document type declaration. The loader never loads an external
 * DTD or entity and never expands an entity (each declared one reads as empty); these rules say
 * what the file asked for, so a hostile file (XXE, an expansion bomb) is named as such and a
 * careless one learns which values it lost. */
#include "xml_rules.h"

/* --- xml.external_reference ------------------------------------------------------------- */

static int external_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_EXTERNAL)
        return 0;
    return yk_emit(ctx, &ev->loc, "DTD посилається на зовнішній ресурс, його не завантажено: %s",
                   "the DTD refers to an external resource, which was not loaded: %s",
                   yk_xml_detail(ev));
}

const struct yk_rule yk_rule_xml_external_reference = {
    .id = "xml.external_reference",
    .title_uk = "Зовнішня сутність або DTD",
    .title_en = "External entity or DTD",
    .rationale =
        "An external entity (<!ENTITY x SYSTEM \"file:///etc/passwd\">) or an external DTD "
        "makes a parser fetch a file or a URL while reading the data. This is the XML "
        "External Entity attack (XXE): it leaks local files, probes internal networks and "
        "makes the meaning of the data depend on a resource that may change or vanish. "
        "Open data must be self-contained. yakist never loads such a resource: each "
        "external entity reads as empty, so its values are missing from the check.",
    .source = "OWASP XML External Entity Prevention Cheat Sheet; CWE-611; W3C XML 1.0 §4.2.2 "
              "(external entities)",
    .frictionless = NULL,
    .example = "<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><d><r>&xxe;</r></d>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = external_event,
};

/* --- xml.entity_expansion --------------------------------------------------------------- */

static int expansion_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_ENTITY_NESTED)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc,
                   "сутність «%.*s» складено з інших сутностей — так будують XML-бомби; її не "
                   "розгорнуто",
                   "entity '%.*s' is built from other entities, the way XML bombs are built; it "
                   "was not expanded",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_entity_expansion = {
    .id = "xml.entity_expansion",
    .title_uk = "Вкладені сутності (XML-бомба)",
    .title_en = "Nested entities (XML bomb)",
    .rationale = "An entity whose value refers to other entities multiplies at every level: ten "
                 "levels of ten references turn a 1 KB file into gigabytes of text (the \"billion "
                 "laughs\" attack) and bring down the portal or tool that expands it. Data files "
                 "have no use for it. yakist reads every declared entity as empty, so nothing is "
                 "expanded, and reports each entity built from others.",
    .source = "OWASP XML Security Cheat Sheet (entity expansion); CWE-776; W3C XML 1.0 §4.4 "
              "(entity replacement)",
    .frictionless = NULL,
    .example = "<!DOCTYPE d [<!ENTITY a \"ха\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
               "<d><r>&b;</r></d>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_ERROR,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 5,
    .compliance = true,
    .on_event = expansion_event,
};

/* --- xml.entity_declaration ------------------------------------------------------------- */

static int declaration_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_ENTITY)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc,
                   "DTD оголошує сутність «%.*s»; її не розгорнуто, посилання на неї порожні",
                   "the DTD declares entity '%.*s'; it was not expanded and references to it read "
                   "as empty",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_entity_declaration = {
    .id = "xml.entity_declaration",
    .title_uk = "Оголошення сутностей у DTD",
    .title_en = "Entity declared in the DTD",
    .rationale = "Entities declared in a document type declaration are text macros: the data "
                 "then depends on a parser that expands them, and many tools refuse to, since "
                 "expansion is also how XML bombs work. Data files write their values out in full. "
                 "yakist does not expand entities: each declared one reads as empty, so the values "
                 "that use it are incomplete in the check.",
    .source = "OWASP XML Security Cheat Sheet (disable DTDs); W3C XML 1.0 §4.2 (entity "
              "declarations)",
    .frictionless = NULL,
    .example = "<!DOCTYPE d [<!ENTITY рада \"Чортківська міська рада\">]><d><r>&рада;</r></d>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 2,
    .compliance = false,
    .on_event = declaration_event,
};

/* --- xml.entity_reference --------------------------------------------------------------- */

static int reference_event(struct yk_rule_ctx *ctx, const struct yk_event *ev)
{
    if (ev->kind != YK_EV_XML_ENTITY_REF)
        return 0;
    const char *name = yk_xml_detail(ev);
    return yk_emit(ctx, &ev->loc, "посилання на сутність «&%.*s;» не розгорнуто; значення неповне",
                   "reference to entity '&%.*s;' was not expanded; the value is incomplete",
                   yk_xml_name_len(name), name);
}

const struct yk_rule yk_rule_xml_entity_reference = {
    .id = "xml.entity_reference",
    .title_uk = "Посилання на сутність у даних",
    .title_en = "Entity reference in the data",
    .rationale = "A value that contains a reference to a declared entity (&рада;) is complete only "
                 "for a parser that expands entities, and careful parsers do not. yakist reads the "
                 "reference as empty and reports where it stands, so the cell's checks know the "
                 "value is incomplete. Write the text out, or use the five predefined entities and "
                 "character references (&#1028;) only.",
    .source = "W3C XML 1.0 §4.1 (entity references); OWASP XML Security Cheat Sheet",
    .frictionless = NULL,
    .example = "<!DOCTYPE d [<!ENTITY рада \"Чортківська міська рада\">]><d><r>&рада;</r></d>",
    .scope = YK_SCOPE_RESOURCE,
    .severity = YK_SEV_WARNING,
    .dimension = YK_DIM_STRUCTURE,
    .weight = 1,
    .compliance = false,
    .on_event = reference_event,
};
