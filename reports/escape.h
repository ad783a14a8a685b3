/* yakist — private to reports/: escaping data (titles, messages, paths, cell values) for each
 * output syntax. Every function takes any bytes: text that is not UTF-8 never breaks the
 * document, and characters that could reorder or hide text are made visible where people read
 * the output. */
#ifndef YK_REPORTS_ESCAPE_H
#define YK_REPORTS_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/* HTML text and attribute values (double-quoted): & < > " ' as references; C0 and C1 controls,
 * DEL and the bidirectional embeddings, overrides and isolates written as visible escapes
 * ("\u202E"); bytes that are not UTF-8 as U+FFFD. Safe inside <style> never: data goes only into
 * elements and quoted attributes. NULL writes nothing. */
void yk_esc_html(FILE *out, const char *s);

/* XML 1.0 text (attr false) or a double-quoted attribute (attr true): as HTML, and in an
 * attribute line breaks and tabs become character references so they survive normalisation;
 * in text they stay. Characters XML 1.0 forbids never appear. */
void yk_esc_xml(FILE *out, const char *s, bool attr);

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or when it is
 * neutralised; a value a spreadsheet would run as a formula (starting with = + - @ TAB or CR)
 * gets a leading apostrophe. Bytes that are not UTF-8 become U+FFFD, NUL is dropped. */
void yk_esc_csv(FILE *out, const char *s);

/* GitHub Actions workflow commands: the message (data) escapes % CR LF; a property value also
 * escapes : and ,. Other controls and bidirectional characters are written as visible escapes. */
void yk_esc_github_data(FILE *out, const char *s);
void yk_esc_github_prop(FILE *out, const char *s);

/* Markdown inline text, for a table cell or a list item: one line, the characters Markdown and
 * the HTML it allows give meaning to (\ ` * _ [ ] < > | # ! ~ &) escaped, controls and bidi
 * characters made visible. */
void yk_esc_md(FILE *out, const char *s);

/* A file path as a relative URI reference (SARIF artifactLocation.uri): every byte outside the
 * unreserved set and "/" percent-encoded, "\" turned into "/", an absolute path as file://. */
void yk_esc_uri(FILE *out, const char *path);

#endif
