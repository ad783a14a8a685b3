/* yakist — error codes and the error object. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <yakist/error.h>
#include <yakist/version.h>

const char *yk_err_name(enum yk_err code)
{
    switch (code) {
    case YK_OK: return "success";
    case YK_ENOMEM: return "out of memory";
    case YK_EIO: return "I/O error";
    case YK_EPARSE: return "parse error";
    case YK_EINVAL: return "invalid argument";
    case YK_ELIMIT: return "limit exceeded";
    case YK_ENOTFOUND: return "not found";
    case YK_EUNSUPPORTED: return "not supported";
    case YK_EINTERNAL: return "internal error";
    }
    return "unknown error";
}

int yk_error_set(struct yk_error *err, enum yk_err code, const char *file, uint64_t line,
                 uint64_t column, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        err->line = line;
        err->column = column;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

void yk_error_clear(struct yk_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

const char *yk_version(void)
{
    return YK_VERSION;
}
