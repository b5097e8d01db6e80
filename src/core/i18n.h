/*
 * i18n.h - translation of the program's own messages with gettext. Message
 * ids are English; po/ja.po carries Japanese, the default language. Text
 * that comes from data files (labels, help, titles) is translated in those
 * files instead (key.ja / key.en).
 */
#ifndef ANSHIN_I18N_H
#define ANSHIN_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
