/* yakist — the `xml` rule family, private: the descriptors the family's files define (xml.c lists
 * them in the family table) and the small helpers they share. */
#ifndef YK_RULES_XML_RULES_H
#define YK_RULES_XML_RULES_H

#include <yakist/rule.h>
#include <yakist/table.h>

/* xml.c: the document and its records. */
extern const struct yk_rule yk_rule_xml_not_well_formed;
extern const struct yk_rule yk_rule_xml_missing_field;
extern const struct yk_rule yk_rule_xml_extra_field;
extern const struct yk_rule yk_rule_xml_repeated_field;
extern const struct yk_rule yk_rule_xml_mixed_content;
extern const struct yk_rule yk_rule_xml_depth_limit;

/* xml_dtd.c: what the document type declaration asks for, and what is refused. */
extern const struct yk_rule yk_rule_xml_external_reference;
extern const struct yk_rule yk_rule_xml_entity_expansion;
extern const struct yk_rule yk_rule_xml_entity_declaration;
extern const struct yk_rule yk_rule_xml_entity_reference;

/* Bytes of a field or entity name a message quotes. */
#define YK_XML_NAME_BYTES 80

/* The length of s to quote with "%.*s": at most YK_XML_NAME_BYTES, on a character boundary. */
int yk_xml_name_len(const char *s);

/* The event's detail, or "". */
const char *yk_xml_detail(const struct yk_event *ev);

#endif
