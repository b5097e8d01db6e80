/*
 * util.c - allocation that fails loudly, string buffers, error messages.
 * Running out of memory in an incident tool is not recoverable in any useful
 * way, so the x* wrappers print one line and abort rather than return NULL.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

static void
out_of_memory(size_t n)
{
	fprintf(stderr, "anshin-ir: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory(n);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory(0);
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int
err_set(char *err, size_t errlen, int code, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}

const char *
tr_get(const struct tr *t, enum lang lang)
{
	if (t->s[lang] != NULL)
		return t->s[lang];
	if (t->s[!lang] != NULL)
		return t->s[!lang];
	return "";
}

void
tr_free(struct tr *t)
{
	free(t->s[LANG_JA]);
	free(t->s[LANG_EN]);
	t->s[LANG_JA] = t->s[LANG_EN] = NULL;
}

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
buf_steal(struct buf *b)
{
	char *s = b->s != NULL ? b->s : xstrdup("");

	buf_init(b);
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

static int
open_error(const char *path, char *err, size_t errlen)
{
	return err_set(err, errlen,
	    errno == ENOENT || errno == ENOTDIR ? ST_NOINPUT : ST_IOERR,
	    _("cannot read %s: %s"), path, strerror(errno));
}

/* Reads fp to its end and closes it (unless stdin). */
static int
read_stream(FILE *fp, const char *path, char **out, size_t *len, char *err,
    size_t errlen)
{
	struct buf b;
	char chunk[65536];
	size_t n;

	buf_init(&b);
	buf_grow(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp)) {
		int e = errno;

		if (fp != stdin)
			fclose(fp);
		buf_free(&b);
		return err_set(err, errlen, e == EISDIR ? ST_NOINPUT : ST_IOERR,
		    _("cannot read %s: %s"), path, strerror(e));
	}
	if (fp != stdin)
		fclose(fp);
	if (len != NULL)
		*len = b.len;
	*out = buf_steal(&b);
	return ST_OK;
}

int
util_read_file(const char *path, char **out, size_t *len, char *err,
    size_t errlen)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");

	if (fp == NULL)
		return open_error(path, err, errlen);
	return read_stream(fp, path, out, len, err, errlen);
}

static int
not_regular(const char *path, int is_dir, char *err, size_t errlen)
{
	if (is_dir)
		return err_set(err, errlen, ST_CONFIG, _("%s: is a directory"),
		    path);
	return err_set(err, errlen, ST_CONFIG, _("%s: not a regular file "
	    "(a FIFO, device or socket cannot be a data file)"), path);
}

int
util_read_data(const char *path, char **out, size_t *len, char *err,
    size_t errlen)
{
	struct stat st;
	FILE *fp;
	int fd, rc;

	/* Opening a FIFO for reading waits for a writer, forever if none
	 * comes: O_NONBLOCK returns at once, and fstat then tells what was
	 * opened. On a regular file the flag changes nothing. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && errno == ENXIO)	/* a socket */
		return not_regular(path, 0, err, errlen);
	if (fd < 0)
		return open_error(path, err, errlen);
	if (fstat(fd, &st) != 0 || (fp = fdopen(fd, "rb")) == NULL) {
		rc = open_error(path, err, errlen);
		close(fd);
		return rc;
	}
	if (!S_ISREG(st.st_mode)) {
		fclose(fp);
		return not_regular(path, S_ISDIR(st.st_mode), err, errlen);
	}
	return read_stream(fp, path, out, len, err, errlen);
}

int
util_check_nul(const char *text, size_t len, const char *name, int code,
    char *err, size_t errlen)
{
	const char *nul = len > 0 ? memchr(text, '\0', len) : NULL, *p;
	int line = 1;

	if (nul == NULL)
		return ST_OK;
	for (p = text; (p = memchr(p, '\n', (size_t)(nul - p))) != NULL; p++)
		line++;
	return err_set(err, errlen, code, _("%s:%d: NUL byte"), name, line);
}

char *
util_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

void
strv_push(struct strv *sv, const char *s)
{
	sv->v = xreallocarray(sv->v, sv->n + 1, sizeof *sv->v);
	sv->v[sv->n++] = xstrdup(s);
}

void
strv_free(struct strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = 0;
}
