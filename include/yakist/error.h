/* yakist — error codes and the error object every fallible call fills.
 * Functions return 0 or a negative enum yk_err; the details (message and, where known,
 * the file, line and column of the input at fault) go into a caller-owned struct yk_error. */
#ifndef YAKIST_ERROR_H
#define YAKIST_ERROR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum yk_err {
    YK_OK = 0,
    YK_ENOMEM = -1,       /* allocation failed */
    YK_EIO = -2,          /* input could not be opened or read */
    YK_EPARSE = -3,       /* input is malformed beyond recovery */
    YK_EINVAL = -4,       /* bad argument, option, profile or configuration */
    YK_ELIMIT = -5,       /* an input-controlled limit was hit */
    YK_ENOTFOUND = -6,    /* a named thing (rule, file, key) does not exist */
    YK_EUNSUPPORTED = -7, /* valid request the build cannot serve */
    YK_EINTERNAL = -8     /* a bug in yakist */
};

#define YK_ERROR_MESSAGE_MAX 512
#define YK_ERROR_FILE_MAX 1024

struct yk_error {
    enum yk_err code;
    char message[YK_ERROR_MESSAGE_MAX];
    char file[YK_ERROR_FILE_MAX]; /* input file at fault, "" when none */
    uint64_t line;                /* 1-based, 0 when unknown */
    uint64_t column;              /* 1-based, 0 when unknown */
};

/* A short English name for the code ("out of memory", "I/O error" ...); never NULL. */
const char *yk_err_name(enum yk_err code);

/* Fill err (when not NULL) and return code, so callers can write `return yk_error_set(...)`.
 * file may be NULL. The message is printf-formatted and truncated to fit. */
int yk_error_set(struct yk_error *err, enum yk_err code, const char *file, uint64_t line,
                 uint64_t column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Reset err to YK_OK with empty fields; accepts NULL. */
void yk_error_clear(struct yk_error *err);

#ifdef __cplusplus
}
#endif
#endif
