/*
 * keys.c - the one table of TUI keys (SPEC §7). Each row: the contexts it
 * applies in, the key or key range, how the key is written on screen, the
 * action, and the hint in Japanese and English. The first matching row
 * wins, so context-specific rows come before general ones.
 */
#include "tui/keys.h"

#include <curses.h>
#include <string.h>

#include "text.h"
#include "tui/term.h"

enum { KF_BAR = 1, KF_HELP = 2 };

struct tui_key {
	unsigned ctx;
	int lo, hi;			/* key range, inclusive */
	const char *name;		/* NULL: a silent alias of the row above */
	enum tui_act act;
	const char *hint[LANG_COUNT];	/* short, for the bar at 80 columns */
	int show;
	const char *more[LANG_COUNT];	/* the F1 wording, when longer */
};

#define ANY_NAV (KC_FIELD | KC_LIST | KC_HOME | KC_PAGES)
#define TEXTS (KC_TEXT | KC_LONG | KC_PROMPT)
#define LISTS (KC_CHOICE | KC_MULTI | KC_LONG | KC_LIST | KC_HOME | KC_VIEW | \
	KC_PAGES)
#define FN(k) TUI_FN(k)
#define CTRL(c) ((c) & 0x1f)

/* A key shown in the bar and F1, one shown in F1 with longer words, one
 * shown in F1 only, and a silent alias of the row above it. */
#define BAR(c, k, name, act, ja, en) \
	{ c, k, k, name, act, { ja, en }, KF_BAR, { NULL, NULL } }
#define BAR2(c, k, name, act, ja, en, lja, len) \
	{ c, k, k, name, act, { ja, en }, KF_BAR, { lja, len } }
#define HELP(c, k, name, act, ja, en) \
	{ c, k, k, name, act, { ja, en }, KF_HELP, { NULL, NULL } }
#define ALIAS(c, lo, hi, act) \
	{ c, lo, hi, NULL, act, { NULL, NULL }, 0, { NULL, NULL } }

static const struct tui_key keys[] = {
	/* yes/no questions */
	BAR(KC_ASK, 'y', "y", TA_YES, "はい", "yes"),
	ALIAS(KC_ASK, 'Y', 'Y', TA_YES),
	BAR(KC_ASK, 'n', "n", TA_NO, "いいえ", "no"),
	ALIAS(KC_ASK, 'N', 'N', TA_NO),
	ALIAS(KC_ASK, 27, 27, TA_NO),

	/* a drill's own keys in the wizard (KC_DRILL joins the field or
	 * checklist context), first so that the bar always shows them */
	BAR2(KC_DRILL, FN(KEY_F(3)), "F3", TA_CLUES, "質問", "ask",
	    "状況を質問する（手がかり）、状況説明を読み返す",
	    "ask about the situation (clues), re-read the briefing"),
	BAR2(KC_DRILL, FN(KEY_F(9)), "F9", TA_SUBMIT, "提出", "submit",
	    "提出して採点と解説を見る（確認あり）",
	    "submit for the score and debrief (asks first)"),

	/* a drill's briefing, questions and the list of scenarios */
	BAR2(KC_BRIEF, '\r', "Enter", TA_START, "開始", "start",
	    "訓練を始める（時計が動き出す）",
	    "start the drill (the clock starts)"),
	ALIAS(KC_BRIEF, '\n', '\n', TA_START),
	ALIAS(KC_BRIEF, FN(KEY_ENTER), FN(KEY_ENTER), TA_START),
	BAR2(KC_CLUES, '\r', "Enter/1-9", TA_OPEN, "質問する", "ask",
	    "選んだ質問（またはその番号）をして答えを見る",
	    "ask the selected question (or that number), see the answer"),
	ALIAS(KC_CLUES, '\n', '\n', TA_OPEN),
	ALIAS(KC_CLUES, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	ALIAS(KC_CLUES, '1', '9', TA_DIGIT),
	BAR(KC_CLUES, 'b', "b", TA_BRIEFING, "状況説明", "briefing"),
	BAR(KC_CLUES, 27, "Esc/F3", TA_BACK, "入力に戻る", "back to the form"),
	ALIAS(KC_CLUES, FN(KEY_F(3)), FN(KEY_F(3)), TA_BACK),
	ALIAS(KC_CLUES, 'q', 'q', TA_BACK),
	BAR2(KC_PICK, '\r', "Enter", TA_OPEN, "選ぶ", "choose",
	    "選んだシナリオの状況説明を開く",
	    "open the selected scenario's briefing"),
	ALIAS(KC_PICK, '\n', '\n', TA_OPEN),
	ALIAS(KC_PICK, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	BAR(KC_BRIEF | KC_PICK, 27, "Esc/q", TA_BACK, "戻る", "back"),
	ALIAS(KC_BRIEF | KC_PICK, 'q', 'q', TA_BACK),
	BAR(KC_SCORE, 'q', "q/Esc", TA_QUIT, "閉じる", "close"),
	ALIAS(KC_SCORE, 27, 27, TA_QUIT),
	HELP(KC_PAGES, FN(KEY_F(10)), "F10", TA_QUIT, "訓練を終える",
	    "leave the drill"),

	/* home screen */
	BAR2(KC_HOME, '\r', "Enter", TA_OPEN, "開く", "open",
	    "選んだインシデントの画面を開く（概要・チェックリスト・経過・"
	    "評価・メモ）", "open the selected incident (summary, checklist, "
	    "timeline, assessment, notes)"),
	ALIAS(KC_HOME, '\n', '\n', TA_OPEN),
	ALIAS(KC_HOME, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	BAR(KC_HOME, 'n', "n", TA_NEW, "新規", "new"),
	BAR(KC_HOME, 'd', "d", TA_DRILLS, "訓練", "drills"),
	BAR2(KC_HOME, '/', "/", TA_SEARCH, "検索", "search",
	    "番号・概要・種類で絞り込む（Escで解除）",
	    "filter by reference, summary or kind (Esc clears)"),
	BAR2(KC_HOME, 'a', "a", TA_SHOW_ALL, "すべて", "all",
	    "終了したものも表示する（もう一度で対応中のみ）",
	    "show closed incidents too (again: open ones only)"),
	BAR2(KC_HOME, 'c', "c", TA_SHOW_CLOSED, "終了分", "closed",
	    "終了したものだけを表示する（もう一度で対応中のみ）",
	    "show closed incidents only (again: open ones only)"),
	BAR(KC_HOME, 'q', "q", TA_QUIT, "終了", "quit"),
	HELP(KC_HOME, FN(KEY_F(10)), "F10", TA_QUIT, "終了", "quit"),
	ALIAS(KC_HOME, 27, 27, TA_BACK),

	/* the incident screen (review.c): a view's own keys first (its
	 * context joins KC_REVIEW), so the bar starts with them */
	BAR2(KC_RLIST, 'd', "d", TA_MARK_DONE, "完了", "done",
	    "選んだ対応を完了にする（担当者・日時・メモを確認）",
	    "mark the selected action done (asks who, when and a note)"),
	BAR2(KC_RLIST, 's', "s", TA_SKIP, "対象外", "skip",
	    "選んだ対応を対象外にする（理由が必要）",
	    "skip the selected action (a reason is required)"),
	BAR2(KC_RLIST, 'o', "o", TA_REOPEN_ACTION, "戻す", "undo",
	    "選んだ対応を未完了に戻す", "set the selected action back to open"),
	HELP(KC_RLIST, '\r', "Enter", TA_DETAIL,
	    "対応の詳細（理由・出典・記録）",
	    "the action's detail (why, source, record)"),
	ALIAS(KC_RLIST, '\n', '\n', TA_DETAIL),
	ALIAS(KC_RLIST, FN(KEY_ENTER), FN(KEY_ENTER), TA_DETAIL),
	BAR2(KC_RNOTES, 'a', "a", TA_NOTE, "メモ追加", "add note",
	    "経過にメモを追加する", "add a note to the timeline"),
	BAR2(KC_ROPEN, 'c', "c", TA_CLOSE, "終了", "close",
	    "終了処理（再発防止策を入力。妨げる未完了の対応があれば一覧）",
	    "close the incident (asks the measures; lists what blocks it)"),
	BAR2(KC_RCLOSED, 'r', "r", TA_REOPEN, "再開", "reopen",
	    "終了したインシデントを再開する（経過に記録）",
	    "reopen a closed incident (recorded in the timeline)"),
	BAR2(KC_REVIEW, 'x', "x", TA_EXPORT, "PDF", "PDF",
	    "報告書をPDFに出力する（保存先を確認）",
	    "export the report as PDF (asks where)"),
	BAR2(KC_REVIEW, 'e', "e", TA_EDIT, "編集", "edit",
	    "入力内容をウィザードで直す（変更は経過に記録）",
	    "edit the intake in the wizard (changes go to the timeline)"),
	BAR(KC_REVIEW, FN(KEY_F(1)), "F1/?", TA_HELP, "ヘルプ", "help"),
	ALIAS(KC_REVIEW, '?', '?', TA_HELP),
	BAR2(KC_REVIEW, 27, "Esc", TA_BACK, "戻る", "back",
	    "ホーム画面に戻る（q・F10 も）",
	    "back to the home screen (also q, F10)"),
	ALIAS(KC_REVIEW, 'q', 'q', TA_BACK),
	ALIAS(KC_REVIEW, FN(KEY_F(10)), FN(KEY_F(10)), TA_BACK),
	HELP(KC_REVIEW, '1', "1-5/Tab", TA_VIEW, "表示を切り替える（1 概要 "
	    "2 チェックリスト 3 経過 4 評価 5 メモ）", "switch views (1 "
	    "summary 2 checklist 3 timeline 4 assessment 5 notes)"),
	ALIAS(KC_REVIEW, '2', '5', TA_VIEW),
	ALIAS(KC_REVIEW, '\t', '\t', TA_NEXT),
	ALIAS(KC_REVIEW, FN(KEY_BTAB), FN(KEY_BTAB), TA_PREV),
	HELP(KC_REVIEW, FN(KEY_UP), "↑/↓", TA_UP, "選択・スクロール",
	    "select, scroll"),
	ALIAS(KC_REVIEW, FN(KEY_DOWN), FN(KEY_DOWN), TA_DOWN),
	HELP(KC_REVIEW, FN(KEY_NPAGE), "PgDn/PgUp", TA_PAGE_NEXT,
	    "1画面送る・戻す", "scroll a screen"),
	ALIAS(KC_REVIEW, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_PAGE_PREV),
	HELP(KC_REVIEW, FN(KEY_HOME), "Home/End", TA_TOP, "先頭・末尾へ",
	    "to the first / last line"),
	ALIAS(KC_REVIEW, FN(KEY_END), FN(KEY_END), TA_BOTTOM),
	HELP(KC_REVIEW, CTRL('c'), "^C", TA_INTERRUPT, "終了（確認あり）",
	    "quit (asks first)"),
	ALIAS(KC_REVIEW, CTRL('l'), CTRL('l'), TA_REDRAW),

	/* a multi-line question (notes, measures): KC_LONG's editing keys,
	 * but Tab confirms, Esc cancels and the form's keys do nothing */
	BAR(KC_EDITOR, '\t', "Tab", TA_CONFIRM, "確定", "save"),
	BAR(KC_EDITOR, 27, "Esc", TA_BACK, "取り消し", "cancel"),
	ALIAS(KC_EDITOR, FN(KEY_BTAB), FN(KEY_BTAB), TA_NONE),
	ALIAS(KC_EDITOR, FN(KEY_F(1)), FN(KEY_F(2)), TA_NONE),
	ALIAS(KC_EDITOR, FN(KEY_F(10)), FN(KEY_F(10)), TA_NONE),
	ALIAS(KC_EDITOR, FN(KEY_NPAGE), FN(KEY_NPAGE), TA_NONE),
	ALIAS(KC_EDITOR, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_NONE),

	/* the checklist (F2) */
	BAR(KC_LIST, '\r', "Enter/d", TA_MARK_DONE, "完了にする",
	    "mark done"),
	ALIAS(KC_LIST, '\n', '\n', TA_MARK_DONE),
	ALIAS(KC_LIST, FN(KEY_ENTER), FN(KEY_ENTER), TA_MARK_DONE),
	ALIAS(KC_LIST, 'd', 'd', TA_MARK_DONE),

	/* help and detail windows */
	BAR(KC_VIEW, 27, "Esc", TA_BACK, "閉じる", "close"),
	ALIAS(KC_VIEW, 'q', 'q', TA_BACK),
	ALIAS(KC_VIEW, '\r', '\r', TA_BACK),
	ALIAS(KC_VIEW, '\n', '\n', TA_BACK),
	ALIAS(KC_VIEW, FN(KEY_F(1)), FN(KEY_F(1)), TA_BACK),
	ALIAS(KC_VIEW, '?', '?', TA_BACK),

	/* moving between fields; ↓/↑ only where they do not move inside */
	BAR2(KC_FIELD, '\t', "Tab", TA_NEXT, "次へ", "next",
	    "入力を保存して次の項目へ", "save the input, next field"),
	HELP(KC_FIELD, FN(KEY_BTAB), "S-Tab", TA_PREV, "前の項目",
	    "previous field"),
	HELP(KC_TEXT, FN(KEY_DOWN), "↓/↑", TA_NEXT, "次・前の項目",
	    "next/previous field"),
	ALIAS(KC_TEXT, FN(KEY_UP), FN(KEY_UP), TA_PREV),

	/* inside lists, multi-line text, windows */
	HELP(LISTS, FN(KEY_UP), "↑/↓", TA_UP, "上下に移動", "move up/down"),
	ALIAS(LISTS, FN(KEY_DOWN), FN(KEY_DOWN), TA_DOWN),

	/* choosing */
	BAR2(KC_CHOICE, '1', "1-9,0", TA_DIGIT, "選ぶ", "pick",
	    "その番号を選んで次の項目へ（0 は10番目）",
	    "pick that number, next field (0 = 10th)"),
	ALIAS(KC_CHOICE, '0', '9', TA_DIGIT),
	BAR2(KC_MULTI, '1', "1-9,0", TA_DIGIT, "選択・解除", "tick/untick",
	    "その番号を選択・解除（0 は10番目）",
	    "tick or untick that number (0 = 10th)"),
	ALIAS(KC_MULTI, '0', '9', TA_DIGIT),
	HELP(KC_MULTI, ' ', "Space", TA_TOGGLE, "選択・解除", "tick/untick"),
	HELP(KC_CHOICE | KC_MULTI, FN(KEY_DC), "Del", TA_CLEAR, "回答を消す",
	    "clear the answer"),
	ALIAS(KC_CHOICE | KC_MULTI, FN(KEY_BACKSPACE), FN(KEY_BACKSPACE),
	    TA_CLEAR),

	/* Enter */
	BAR(KC_LONG, '\r', "Enter", TA_NEWLINE, "改行（Tabで確定）",
	    "new line (Tab saves)"),
	ALIAS(KC_LONG, '\n', '\n', TA_NEWLINE),
	ALIAS(KC_LONG, FN(KEY_ENTER), FN(KEY_ENTER), TA_NEWLINE),
	BAR(KC_FIELD | KC_PROMPT, '\r', "Enter", TA_CONFIRM, "確定",
	    "confirm"),
	ALIAS(KC_FIELD | KC_PROMPT, '\n', '\n', TA_CONFIRM),
	ALIAS(KC_FIELD | KC_PROMPT, FN(KEY_ENTER), FN(KEY_ENTER), TA_CONFIRM),

	/* editing text */
	HELP(TEXTS, FN(KEY_LEFT), "←/→", TA_LEFT, "カーソル移動",
	    "move the cursor"),
	ALIAS(TEXTS, FN(KEY_RIGHT), FN(KEY_RIGHT), TA_RIGHT),
	HELP(TEXTS, FN(KEY_HOME), "Home/End", TA_LINE_START, "行頭・行末",
	    "start/end of line"),
	ALIAS(TEXTS, CTRL('a'), CTRL('a'), TA_LINE_START),
	ALIAS(TEXTS, FN(KEY_END), FN(KEY_END), TA_LINE_END),
	ALIAS(TEXTS, CTRL('e'), CTRL('e'), TA_LINE_END),
	HELP(TEXTS, FN(KEY_BACKSPACE), "BS/Del", TA_BACKSPACE, "1文字消す",
	    "delete a character"),
	ALIAS(TEXTS, 127, 127, TA_BACKSPACE),
	ALIAS(TEXTS, CTRL('h'), CTRL('h'), TA_BACKSPACE),
	ALIAS(TEXTS, FN(KEY_DC), FN(KEY_DC), TA_DELETE),
	HELP(TEXTS, CTRL('u'), "^U", TA_KILL, "入力をすべて消す",
	    "clear the input"),

	/* pages, help, checklist, leaving */
	HELP(KC_FIELD, FN(KEY_NPAGE), "PgDn/PgUp", TA_PAGE_NEXT,
	    "次・前のページ", "next/previous page"),
	ALIAS(KC_FIELD, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_PAGE_PREV),
	HELP(KC_VIEW | KC_LIST | KC_HOME | KC_PAGES, FN(KEY_NPAGE),
	    "PgDn/PgUp", TA_PAGE_NEXT, "1画面送る・戻す", "scroll a screen"),
	ALIAS(KC_VIEW | KC_LIST | KC_HOME | KC_PAGES, FN(KEY_PPAGE),
	    FN(KEY_PPAGE), TA_PAGE_PREV),
	BAR(KC_FIELD | KC_LIST | KC_HOME | KC_PAGES, FN(KEY_F(1)), "F1/?",
	    TA_HELP, "ヘルプ", "help"),
	ALIAS(KC_CHOICE | KC_MULTI | KC_LIST | KC_HOME | KC_PAGES, '?', '?',
	    TA_HELP),
	BAR2(KC_FIELD, FN(KEY_F(2)), "F2", TA_CHECKLIST, "リスト",
	    "checklist", "チェックリストを選ぶ（完了の記録）",
	    "go to the checklist (mark actions done)"),
	BAR(KC_LIST, FN(KEY_F(2)), "F2/Esc", TA_BACK, "入力に戻る",
	    "back to the form"),
	HELP(KC_FIELD | KC_LIST | KC_PROMPT, 27, "Esc", TA_BACK, "戻る",
	    "back"),
	BAR2(KC_DRILL, FN(KEY_F(10)), "F10", TA_QUIT, "中断", "leave",
	    "提出せずに中断（採点なし。resume REF で再開）",
	    "leave unsubmitted, not scored (resume REF continues)"),
	BAR2(KC_FIELD | KC_LIST, FN(KEY_F(10)), "F10", TA_QUIT, "保存・終了",
	    "save & quit", "入力中の項目を保存して終了",
	    "save the field being typed and quit"),
	HELP(ANY_NAV, CTRL('c'), "^C", TA_INTERRUPT, "終了（確認あり）",
	    "quit (asks first)"),
	ALIAS(ANY_NAV | KC_VIEW, CTRL('l'), CTRL('l'), TA_REDRAW),
};

enum tui_act
tui_key_action(unsigned ctx, int key)
{
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((keys[i].ctx & ctx) && key >= keys[i].lo &&
		    key <= keys[i].hi)
			return keys[i].act;
	return TA_NONE;
}

/* A row says nothing in ctx when an earlier row there takes its key. */
static int
shown_in(size_t i, unsigned ctx, int flag)
{
	size_t j;

	if (!(keys[i].ctx & ctx) || !(keys[i].show & flag))
		return 0;
	for (j = 0; j < i; j++)
		if ((keys[j].ctx & ctx) && keys[i].lo >= keys[j].lo &&
		    keys[i].lo <= keys[j].hi)
			return 0;
	return 1;
}

char *
tui_keys_bar(unsigned ctx, enum lang lang)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!shown_in(i, ctx, KF_BAR))
			continue;
		buf_addf(&b, "%s%s %s", b.len > 0 ? "  " : "", keys[i].name,
		    keys[i].hint[lang]);
	}
	return buf_steal(&b);
}

void
tui_keys_help(unsigned ctx, enum lang lang, struct strv *out)
{
	struct buf b;
	size_t i, w;

	buf_init(&b);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!shown_in(i, ctx, KF_BAR | KF_HELP))
			continue;
		/* Padded by display width: "↑/↓" is 3 columns, 7 bytes. */
		buf_reset(&b);
		buf_addf(&b, "  %s", keys[i].name);
		for (w = text_width(keys[i].name); w < 11; w++)
			buf_addc(&b, ' ');
		buf_adds(&b, keys[i].more[lang] != NULL ? keys[i].more[lang] :
		    keys[i].hint[lang]);
		strv_push(out, b.s);
	}
	buf_free(&b);
}
