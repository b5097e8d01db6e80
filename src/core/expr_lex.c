/*
 * expr_lex.c - the condition language's tokenizer, and how a token is
 * shown in a message.
 */
#include "expr_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* ---- tokens ---- */

static int
is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':' ||
	    c == '-';
}

static void
toks_push(struct toks *tv, enum tok_type type, char *text)
{
	if (tv->n == tv->cap) {
		tv->cap = tv->cap ? tv->cap * 2 : 16;
		tv->v = xreallocarray(tv->v, tv->cap, sizeof *tv->v);
	}
	tv->v[tv->n].type = type;
	tv->v[tv->n].text = text;
	tv->n++;
}

void
expr_toks_free(struct toks *tv)
{
	for (size_t i = 0; i < tv->n; i++)
		free(tv->v[i].text);
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
}

/* Reads a quoted string starting at *sp (on the quote); advances past it. */
static int
lex_string(const char **sp, struct toks *tv, char *err, size_t errlen)
{
	const char *s = *sp + 1;
	struct buf b;

	buf_init(&b);
	for (;; s++) {
		if (*s == '\\' && s[1] != '\0') {
			unsigned char c = (unsigned char)*++s;

			if (c != '"' && c != '\\') {
				buf_free(&b);
				return err_set(err, errlen, -1, _("unknown escape "
				    "'\\%c' in string (only \\\" and \\\\)"),
				    c > 0x20 && c < 0x7f ? c : '?');
			}
		} else if (*s == '\0' || *s == '\\') {
			buf_free(&b);
			return err_set(err, errlen, -1, _("unterminated string"));
		} else if (*s == '"') {
			break;
		}
		buf_addc(&b, *s);
	}
	*sp = s + 1;
	toks_push(tv, TOK_STRING, buf_steal(&b));
	return 0;
}

/* The one- and two-character operators; 0 when c starts none of them. */
static int
lex_operator(const char **sp, struct toks *tv, char *err, size_t errlen)
{
	static const struct {
		char c;
		enum tok_type type;
	} single[] = {
		{ '<', TOK_LT }, { '>', TOK_GT }, { '(', TOK_LPAREN },
		{ ')', TOK_RPAREN }, { '{', TOK_LBRACE }, { '}', TOK_RBRACE },
		{ ',', TOK_COMMA },
	};
	const char *s = *sp;

	if (s[0] == '=' || s[0] == '!') {
		if (s[1] != '=')
			return err_set(err, errlen, -1, s[0] == '=' ?
			    _("unexpected '=' (write '==')") :
			    _("unexpected '!' (write '!=' or 'not')"));
		toks_push(tv, s[0] == '=' ? TOK_EQ : TOK_NE, NULL);
		*sp = s + 2;
		return 1;
	}
	if ((s[0] == '<' || s[0] == '>') && s[1] == '=')
		return err_set(err, errlen, -1, _("'%c=' is not supported "
		    "(write 'KEY %c N or KEY == N')"), s[0], s[0]);
	for (size_t i = 0; i < sizeof single / sizeof single[0]; i++) {
		if (s[0] == single[i].c) {
			toks_push(tv, single[i].type, NULL);
			*sp = s + 1;
			return 1;
		}
	}
	return 0;
}

int
expr_lex(const char *s, struct toks *tv, char *err, size_t errlen)
{
	for (;;) {
		unsigned char c;
		int r;

		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		c = (unsigned char)*s;
		if (c == '\0') {
			toks_push(tv, TOK_END, NULL);
			return 0;
		}
		if (is_word_char(c)) {
			const char *start = s;

			while (is_word_char((unsigned char)*s))
				s++;
			toks_push(tv, TOK_WORD,
			    xstrndup(start, (size_t)(s - start)));
			continue;
		}
		if (c == '"') {
			if (lex_string(&s, tv, err, errlen) < 0)
				return -1;
			continue;
		}
		if ((r = lex_operator(&s, tv, err, errlen)) < 0)
			return -1;
		if (r > 0)
			continue;
		if (c >= 0x80)
			return err_set(err, errlen, -1, _("unexpected non-ASCII "
			    "character (quote text values with \"...\")"));
		if (c >= 0x21 && c < 0x7f)
			return err_set(err, errlen, -1,
			    _("unexpected character '%c'"), c);
		return err_set(err, errlen, -1,
		    _("unexpected control character 0x%02x"), c);
	}
}

int
expr_is_keyword(const char *w)
{
	static const char *const kw[] = {
		"and", "or", "not", "in", "has", "answered", "true", "false"
	};

	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(w, kw[i]) == 0)
			return 1;
	return 0;
}

int
expr_tok_is(const struct tok *t, const char *word)
{
	return t->type == TOK_WORD && strcmp(t->text, word) == 0;
}

/* Cuts and cleans user text so a message stays one readable line. */
void
expr_show_text(const char *s, char *out, size_t len)
{
	size_t i, o = 0;

	for (i = 0; s[i] != '\0' && i < SHOW_MAX && o + 1 < len; i++) {
		unsigned char c = (unsigned char)s[i];

		out[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	out[o] = '\0';
	if (s[i] != '\0' && o + 4 <= len)
		strcpy(out + o, "...");
}

void
expr_tok_describe(const struct tok *t, char *out, size_t len)
{
	static const char *const names[] = {
		[TOK_END] = N_("end of condition"), [TOK_EQ] = "'=='", [TOK_NE] = "'!='", [TOK_LT] = "'<'",
		[TOK_GT] = "'>'", [TOK_LPAREN] = "'('", [TOK_RPAREN] = "')'",
		[TOK_LBRACE] = "'{'", [TOK_RBRACE] = "'}'",
		[TOK_COMMA] = "','",
	};
	char shown[SHOW_MAX + 4];

	if (t->type == TOK_WORD || t->type == TOK_STRING) {
		expr_show_text(t->text, shown, sizeof shown);
		snprintf(out, len, t->type == TOK_WORD ? "'%s'" : "\"%s\"",
		    shown);
	} else {
		snprintf(out, len, "%s", t->type == TOK_END ? _(names[t->type]) :
		    names[t->type]);
	}
}
