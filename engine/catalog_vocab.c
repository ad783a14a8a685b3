/* yakist — the vocabularies of DCAT-AP catalogs mapped to what data.gov.ua uses: EU and Dublin
 * Core frequency URIs to the API's update_frequency values, EU language and file-type URIs and
 * IANA media-type URIs to plain codes, and the usual prefixes of RDF namespaces (for naming the
 * properties kept as extras). */
#include <string.h>
#include <strings.h>

#include "catalog_priv.h"

static const struct {
    const char *ns, *prefix;
} prefixes[] = {
    {"http://purl.org/dc/terms/", "dct"},
    {"http://www.w3.org/ns/dcat#", "dcat"},
    {"http://xmlns.com/foaf/0.1/", "foaf"},
    {"http://www.w3.org/2006/vcard/ns#", "vcard"},
    {"http://www.w3.org/2000/01/rdf-schema#", "rdfs"},
    {"http://www.w3.org/2004/02/skos/core#", "skos"},
    {"http://www.w3.org/ns/adms#", "adms"},
    {"http://purl.org/dc/elements/1.1/", "dc"},
    {"http://www.w3.org/2002/07/owl#", "owl"},
    {"http://schema.org/", "schema"},
};

/* EU frequency codes (publications.europa.eu/resource/authority/frequency) and Dublin Core
 * frequencies (purl.org/cld/freq), lower-cased, to the data.gov.ua API values. A code between
 * two API values takes the longer period, so a declared rhythm is never judged stricter than
 * it is; codes beyond a year have no API value and stay as given. */
static const struct {
    const char *code, *api;
} frequencies[] = {
    {"1min", "more than once a day"},
    {"5min", "more than once a day"},
    {"10min", "more than once a day"},
    {"15min", "more than once a day"},
    {"30min", "more than once a day"},
    {"12hrs", "more than once a day"},
    {"hourly", "more than once a day"},
    {"bihourly", "more than once a day"},
    {"trihourly", "more than once a day"},
    {"daily_2", "more than once a day"},
    {"twice_a_day", "more than once a day"},
    {"cont", "more than once a day"},
    {"update_cont", "more than once a day"},
    {"continuous", "more than once a day"},
    {"daily", "once a day"},
    {"weekly", "once a week"},
    {"weekly_2", "once a week"},
    {"weekly_3", "once a week"},
    {"semiweekly", "once a week"},
    {"threetimesaweek", "once a week"},
    {"biweekly", "once a month"},
    {"monthly", "once a month"},
    {"monthly_2", "once a month"},
    {"monthly_3", "once a month"},
    {"semimonthly", "once a month"},
    {"threetimesamonth", "once a month"},
    {"bimonthly", "once a quarter"},
    {"quarterly", "once a quarter"},
    {"annual_2", "once a half year"},
    {"annual_3", "once a half year"},
    {"semiannual", "once a half year"},
    {"threetimesayear", "once a half year"},
    {"annual", "once a year"},
    {"as_needed", "immediately after making changes"},
    {"irreg", "unscheduled"},
    {"irregular", "unscheduled"},
    {"never", "no longer updated"},
    {"not_planned", "no longer updated"},
};

const char *yk_dcat_last_segment(const char *uri)
{
    const char *s = uri + strlen(uri);
    while (s > uri && s[-1] != '/' && s[-1] != '#')
        s--;
    return s;
}

const char *yk_dcat_frequency(const char *v)
{
    if (!v || !strchr(v, '/'))
        return v;
    const char *code = yk_dcat_last_segment(v);
    for (size_t i = 0; i < sizeof frequencies / sizeof frequencies[0]; i++)
        if (strcasecmp(code, frequencies[i].code) == 0)
            return frequencies[i].api;
    return v;
}

const char *yk_dcat_language(const char *v)
{
    if (!v || !strchr(v, '/'))
        return v;
    const char *code = yk_dcat_last_segment(v);
    if (strcasecmp(code, "UKR") == 0)
        return "uk";
    if (strcasecmp(code, "ENG") == 0)
        return "en";
    return v;
}

const char *yk_dcat_format(const char *v)
{
    const char *m = v ? strstr(v, "/media-types/") : NULL;
    if (m)
        return m + strlen("/media-types/");
    if (v && strstr(v, "/file-type/"))
        return yk_dcat_last_segment(v);
    return v;
}

const char *yk_dcat_prefix(const char *ns)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strcmp(ns, prefixes[i].ns) == 0)
            return prefixes[i].prefix;
    return NULL;
}
