/* yakist — dataset quality audit and scoring for Ukrainian open data.
 * The one header an embedding program needs; it pulls in the whole public API. */
#ifndef YAKIST_H
#define YAKIST_H

#include <yakist/arena.h>
#include <yakist/audit.h>
#include <yakist/card.h>
#include <yakist/catalog.h>
#include <yakist/check.h>
#include <yakist/error.h>
#include <yakist/history.h>
#include <yakist/plugin.h>
#include <yakist/profile.h>
#include <yakist/registry.h>
#include <yakist/report.h>
#include <yakist/rule.h>
#include <yakist/schema.h>
#include <yakist/score.h>
#include <yakist/standard.h>
#include <yakist/table.h>
#include <yakist/version.h>

#endif
