/* yakist — stable names of severities, scopes and dimensions, as reports and profiles spell them. */
#include <string.h>

#include <yakist/error.h>
#include <yakist/rule.h>

static const char *const severity_names[] = {"off", "info", "warning", "error"};
static const char *const scope_names[] = {"catalog", "dataset", "resource", "row", "cell"};
static const char *const dimension_names[] = {"coverage",  "metadata",  "timeliness",
                                              "openness",  "structure", "content"};

const char *yk_severity_name(enum yk_severity s)
{
    return (unsigned)s < 4 ? severity_names[s] : "?";
}

int yk_severity_parse(const char *text, enum yk_severity *out)
{
    for (unsigned i = 0; i < 4; i++) {
        if (strcmp(text, severity_names[i]) == 0) {
            *out = (enum yk_severity)i;
            return 0;
        }
    }
    return YK_EINVAL;
}

const char *yk_scope_name(enum yk_scope s)
{
    return (unsigned)s < 5 ? scope_names[s] : "?";
}

const char *yk_dimension_name(enum yk_dimension d)
{
    return (unsigned)d < YK_DIM_COUNT ? dimension_names[d] : "?";
}
