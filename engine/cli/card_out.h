/* yakist — private to the yakist command: the writers of the assessment card (card_out.c). */
#ifndef YK_CLI_CARD_OUT_H
#define YK_CLI_CARD_OUT_H

#include <stdio.h>

#include "cli.h"

/* Write the card; 0, or -1 when the output failed. */
int yk_cli_card_json(FILE *out, const struct yk_card_result *r, enum yk_lang lang);
int yk_cli_card_html(FILE *out, const struct yk_card_result *r, enum yk_lang lang);

#endif
