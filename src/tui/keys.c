/*
 * keys.c - the one table of TUI keys (docs/contract.md §7). Each row: the
 * contexts it applies in, the key or key range, how the key is written on
 * screen, the action, and the hint in Japanese and English. The first matching
 * row wins, so context-specific rows come before general ones.
 */
#include "tui/keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui/term.h"

/* A bar too narrow for every item drops KF_LOW items first, then the
 * others but KF_KEEP, from its end. */
enum { KF_BAR = 1, KF_HELP = 2, KF_KEEP = 4, KF_LOW = 8 };

struct tui_key {
	unsigned ctx;
	int lo, hi;			/* key range, inclusive */
	const char *name;		/* NULL: a silent alias of the row above */
	enum tui_act act;
	const char *hint[LANG_COUNT];	/* short, for the bar at 80 columns */
	int show;
	const char *more[LANG_COUNT];	/* the F1 wording, when longer */
};

/* the screens that list rows to select: home, settings, the ledger */
#define ROWS (KC_HOME | KC_SETTINGS | KC_LEDGER | KC_DEVICE)
#define ANY_NAV (KC_FIELD | KC_LIST | KC_PAGES | ROWS)
#define TEXTS (KC_TEXT | KC_LONG | KC_PROMPT)
#define FN(k) TUI_FN(k)
#define CTRL(c) ((c) & 0x1f)

/* A key shown in the bar and F1, one shown in F1 with longer words, one
 * shown in F1 only, and a silent alias of the row above it. */
#define BAR(c, k, name, act, ja, en) \
	{ c, k, k, name, act, { ja, en }, KF_BAR, { NULL, NULL } }
#define BAR2(c, k, name, act, ja, en, lja, len) \
	{ c, k, k, name, act, { ja, en }, KF_BAR, { lja, len } }
#define BARK(c, k, name, act, ja, en) \
	{ c, k, k, name, act, { ja, en }, KF_BAR | KF_KEEP, { NULL, NULL } }
#define BARK2(c, k, name, act, ja, en, lja, len) \
	{ c, k, k, name, act, { ja, en }, KF_BAR | KF_KEEP, { lja, len } }
#define BARL2(c, k, name, act, ja, en, lja, len) \
	{ c, k, k, name, act, { ja, en }, KF_BAR | KF_LOW, { lja, len } }
#define HELP(c, k, name, act, ja, en) \
	{ c, k, k, name, act, { ja, en }, KF_HELP, { NULL, NULL } }
#define ALIAS(c, lo, hi, act) \
	{ c, lo, hi, NULL, act, { NULL, NULL }, 0, { NULL, NULL } }

static const struct tui_key keys[] = {
	/* yes/no questions */
	BARK(KC_ASK, 'y', "y", TA_YES, "はい", "yes"),
	ALIAS(KC_ASK, 'Y', 'Y', TA_YES),
	BARK(KC_ASK, 'n', "n", TA_NO, "いいえ", "no"),
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

	/* Enter on a field says what it will do there (docs/contract.md §7):
	 * nothing is answered that the person did not choose */
	BARK(KC_ENTER_SKIP, '\r', "Enter", TA_CONFIRM, "次へ（未回答のまま）",
	    "next (left unanswered)"),
	ALIAS(KC_ENTER_SKIP, '\n', '\n', TA_CONFIRM),
	ALIAS(KC_ENTER_SKIP, FN(KEY_ENTER), FN(KEY_ENTER), TA_CONFIRM),
	BARK(KC_ENTER_KEEP, '\r', "Enter", TA_CONFIRM, "次へ", "next"),
	ALIAS(KC_ENTER_KEEP, '\n', '\n', TA_CONFIRM),
	ALIAS(KC_ENTER_KEEP, FN(KEY_ENTER), FN(KEY_ENTER), TA_CONFIRM),
	BARK(KC_ENTER_CLEAR, '\r', "Enter", TA_CONFIRM, "回答を消す",
	    "clear the answer"),
	ALIAS(KC_ENTER_CLEAR, '\n', '\n', TA_CONFIRM),
	ALIAS(KC_ENTER_CLEAR, FN(KEY_ENTER), FN(KEY_ENTER), TA_CONFIRM),

	/* the device ledger in the wizard: y confirms what it proposes
	 * wherever y types nothing; the device field's offers are picked
	 * by digit or ↑/↓ until a letter is typed to search them */
	BARK2(KC_PROPOSED, 'y', "y", TA_YES, "台帳の値を確定",
	    "confirm ledger", "「台帳より」の値をすべて回答として確定する"
	    "（名前を確認。違う値は先に選び直す）", "confirm every value "
	    "proposed \"from the ledger\" as an answer (asks your name; "
	    "choose a different value first where one is wrong)"),
	BAR2(KC_OFFER, '1', "1-9", TA_DIGIT, "端末を選ぶ", "pick",
	    "その番号の端末を選んで次の項目へ（文字を入力すると管理番号・"
	    "持ち主で検索）", "pick that device, next field (typing searches "
	    "by id or holder)"),
	ALIAS(KC_OFFER, '0', '9', TA_DIGIT),
	HELP(KC_OFFER, FN(KEY_UP), "↑/↓", TA_UP, "端末の間を移動",
	    "move among the devices"),
	ALIAS(KC_OFFER, FN(KEY_DOWN), FN(KEY_DOWN), TA_DOWN),

	/* a popup of boxes: Tab moves between them (and confirms in the
	 * last one when it holds several lines), Esc cancels after asking
	 * when something was typed; the form's keys do nothing there */
	BARK(KC_DLAST, '\t', "Tab", TA_CONFIRM, "決定", "confirm"),
	BAR(KC_DIALOG, '\t', "Tab", TA_NEXT, "次の欄", "next box"),
	HELP(KC_DIALOG, FN(KEY_BTAB), "S-Tab", TA_PREV, "前の欄",
	    "previous box"),
	BARK2(KC_DIALOG, 27, "Esc", TA_BACK, "取り消し", "cancel",
	    "取り消す（入力したものがあれば確認あり）",
	    "cancel (asks first when something was typed)"),
	ALIAS(KC_DIALOG, FN(KEY_F(10)), FN(KEY_F(10)), TA_BACK),
	ALIAS(KC_DIALOG, FN(KEY_F(1)), FN(KEY_F(3)), TA_NONE),
	ALIAS(KC_DIALOG, FN(KEY_F(9)), FN(KEY_F(9)), TA_NONE),
	ALIAS(KC_DIALOG, FN(KEY_NPAGE), FN(KEY_NPAGE), TA_NONE),
	ALIAS(KC_DIALOG, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_NONE),

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
	BAR2(KC_PICK, '\r', "Enter", TA_OPEN, "選ぶ", "choose",
	    "選んだシナリオを始める（「続きから」は中断した訓練を再開）",
	    "open the selected scenario (\"continue\" resumes a run left "
	    "unsubmitted)"),
	ALIAS(KC_PICK, '\n', '\n', TA_OPEN),
	ALIAS(KC_PICK, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	BAR(KC_BRIEF | KC_PICK | KC_SCORE, 27, "Esc", TA_BACK, "戻る", "back"),

	/* home screen (it lists no actions: d is for drills there) */
	BAR2(KC_HOME, '\r', "Enter", TA_OPEN, "開く", "open",
	    "選んだ事案の画面を開く（概要・チェックリスト・経過・"
	    "判定・メモ・通知）", "open the selected incident (summary, "
	    "checklist, timeline, assessment, notes, notices)"),
	ALIAS(KC_HOME, '\n', '\n', TA_OPEN),
	ALIAS(KC_HOME, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	BAR2(KC_HOME, 'n', "n", TA_NEW, "新規", "new",
	    "新しい事案をウィザードで記録する",
	    "record a new incident in the wizard"),
	BAR2(KC_HOME, 'd', "d", TA_DRILLS, "訓練", "drills",
	    "訓練：シナリオの一覧（中断した訓練は「続きから」）",
	    "drills: the scenarios (a run left unsubmitted: \"continue\")"),
	BAR2(KC_HOME, 'k', "k", TA_SETTINGS, "設定", "settings",
	    "施設の情報と連絡先を入力する（設定）",
	    "fill in the facility profile and contacts (settings)"),
	BAR2(KC_HOME, '/', "/", TA_SEARCH, "検索", "search",
	    "番号・概要・種類で絞り込む（Escで解除）",
	    "filter by reference, summary or kind (Esc clears)"),
	BAR2(KC_HOME, 'f', "f", TA_SHOW_CLOSED, "終了済み", "closed",
	    "終了済みの事案を表示する（もう一度で対応中に戻る）",
	    "show the closed incidents (again: the open ones)"),
	BARL2(KC_HOME, 'l', "l", TA_LEDGER, "台帳", "ledger",
	    "持ち出し台帳：端末・媒体の保護の状態、不足、持ち出し承認",
	    "the device ledger: devices and media, their protection, gaps "
	    "and approvals"),
	BARL2(KC_HOME, 'p', "p", TA_CARD, "初動カード", "card",
	    "初動カード（掲示用）をPDFに出力する（保存先を確認）",
	    "write the first-response card to pin up as a PDF (asks where)"),
	HELP(KC_HOME, 27, "Esc", TA_BACK, "検索を解除", "clear the search"),

	/* the device ledger and one of its devices */
	BAR2(KC_LEDGER, '\r', "Enter", TA_OPEN, "開く", "open",
	    "選んだ端末を開く（記録の変更・紛失・廃棄）",
	    "open the selected device (change, lost, retire)"),
	ALIAS(KC_LEDGER, '\n', '\n', TA_OPEN),
	ALIAS(KC_LEDGER, FN(KEY_ENTER), FN(KEY_ENTER), TA_OPEN),
	BAR2(KC_LEDGER, 'a', "a", TA_NEW, "登録", "add",
	    "端末・媒体を台帳に登録する（管理番号を確認）",
	    "add a device or medium (asks its id)"),
	BARL2(KC_LEDGER, 'x', "x", TA_EXPORT, "PDF", "PDF",
	    "台帳を定期確認用のPDFに出力する（保存先を確認）",
	    "write the ledger as a PDF for the periodic check (asks where)"),
	BAR2(KC_DEVICE, '\r', "Enter", TA_EDIT, "入力・変更", "edit",
	    "選んだ項目を入力・変更する（すぐに台帳に記録）",
	    "type the selected value (recorded in the ledger at once)"),
	ALIAS(KC_DEVICE, '\n', '\n', TA_EDIT),
	ALIAS(KC_DEVICE, FN(KEY_ENTER), FN(KEY_ENTER), TA_EDIT),
	BAR2(KC_DEVICE, 'm', "m", TA_LOST, "紛失", "lost",
	    "紛失・盗難した事案の番号とともに記録する（その事案の「台帳の"
	    "更新」も完了に）", "record it lost in an incident (marks the "
	    "incident's ledger update done)"),
	BARL2(KC_DEVICE, 'r', "r", TA_RETIRE, "廃棄・返却", "retire",
	    "使わなくなった端末として記録する（確認あり）",
	    "record it as no longer in use (asks first)"),
	HELP(KC_LEDGER | KC_DEVICE, 27, "Esc", TA_BACK, "戻る", "back"),

	/* the settings screen */
	BAR2(KC_SETTINGS, '\r', "Enter", TA_EDIT, "入力・変更", "edit",
	    "選んだ項目を入力・変更する（すぐに保存）",
	    "type the selected value (saved at once)"),
	ALIAS(KC_SETTINGS, '\n', '\n', TA_EDIT),
	ALIAS(KC_SETTINGS, FN(KEY_ENTER), FN(KEY_ENTER), TA_EDIT),
	HELP(KC_SETTINGS, 27, "Esc", TA_BACK, "戻る", "back"),
	HELP(KC_SETTINGS, FN(KEY_NPAGE), "PgDn/PgUp", TA_PAGE_NEXT,
	    "1画面送る・戻す", "scroll a screen"),
	ALIAS(KC_SETTINGS, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_PAGE_PREV),

	/* wherever actions are listed (the wizard's checklist, the
	 * incident screen's, an action's detail): one meaning each */
	BAR2(KC_LIST | KC_RLIST, '\r', "Enter", TA_DETAIL, "詳細", "detail",
	    "選んだ対応の詳細（理由・出典・連絡先・記録）",
	    "the selected action's detail (why, source, contact, record)"),
	ALIAS(KC_LIST | KC_RLIST, '\n', '\n', TA_DETAIL),
	ALIAS(KC_LIST | KC_RLIST, FN(KEY_ENTER), FN(KEY_ENTER), TA_DETAIL),
	BAR2(KC_LIST | KC_RLIST | KC_DETAIL, 'd', "d", TA_MARK_DONE, "完了",
	    "done", "対応を完了にする（名前・日時・メモを確認）",
	    "mark the action done (asks your name, when, a note)"),
	BAR2(KC_LIST | KC_RLIST | KC_DETAIL, 's', "s", TA_SKIP, "対象外",
	    "skip", "対応を対象外にする（名前と理由を確認）",
	    "mark the action not applicable (asks your name, the reason)"),
	BARL2(KC_LIST | KC_RLIST | KC_DETAIL, 'o', "o", TA_REOPEN_ACTION,
	    "戻す", "undo", "完了・対象外にした対応を未実施に戻す",
	    "set a done or skipped action back to open"),
	BAR2(KC_DUNSET, 'k', "k", TA_SETTINGS, "今すぐ入力", "enter it now",
	    "未設定の連絡先を設定画面で入力する",
	    "fill in the contact that is not set, on the settings screen"),
	/* a memo wherever an incident is on screen but a field is typed */
	BAR2(KC_LIST | KC_REVIEW | KC_DETAIL, 'a', "a", TA_NOTE, "メモ",
	    "memo", "事案の経過にメモを残す（名前を確認）",
	    "add a memo to the incident's timeline (asks your name)"),

	/* the incident screen's notices (view 6, review_notice.c): first,
	 * so that its own keys lead the bar there */
	BARK2(KC_RNOTICES, 'm', "m", TA_MARK, "記録", "mark",
	    "選んだ人（選んでいなければカーソルの人）の通知を記録する（送付・"
	    "返送・連絡済み・連絡不能、方法、日時、メモ）", "mark the notices "
	    "of those picked (or of the person at the cursor): sent, returned, "
	    "reached or unreachable, how, when, a memo"),
	BAR2(KC_RNOTICES, ' ', "Space", TA_TOGGLE, "選ぶ", "pick",
	    "カーソルの人を選ぶ・選択を外す", "pick or unpick the person at "
	    "the cursor"),
	BAR2(KC_RNOTICES, '*', "*", TA_PICK_ALL, "全員", "all",
	    "表示中の全員を選ぶ（全員選んであれば外す）", "pick everyone shown "
	    "(everyone picked: none)"),
	BAR2(KC_RNOTICES, 'u', "u", TA_FILTER, "未送付", "unsent",
	    "未送付の人（記録なし・返送）だけを表示する（もう一度で全員）",
	    "show only the unsent (no mark, or returned; again: everyone)"),
	BAR2(KC_RNOTICES, 'x', "x", TA_LETTERS, "通知文PDF", "letters",
	    "表示中の人への通知文をPDFに出力する（1人1ページ）",
	    "write the letters to those shown as a PDF (one a page)"),
	BARL2(KC_RNOTICES, 't', "t", TA_ENQUIRY, "問合せ", "enquiry",
	    "通知後の問い合わせを記録する（誰から・内容・回答・要対応）",
	    "log an enquiry after the notice (who, what, the answer, "
	    "follow-up)"),
	BARL2(KC_RNOTICES, 'i', "i", TA_IMPORT, "取り込み", "import",
	    "通知先の一覧をCSVファイルから取り込む（UTF-8またはShift_JIS）",
	    "import the list of individuals from a CSV file (UTF-8 or "
	    "Shift_JIS)"),
	HELP(KC_RNOTICES, '\r', "Enter", TA_DETAIL, "カーソルの人の連絡先と記録",
	    "the contacts and marks of the person at the cursor"),
	ALIAS(KC_RNOTICES, '\n', '\n', TA_DETAIL),
	ALIAS(KC_RNOTICES, FN(KEY_ENTER), FN(KEY_ENTER), TA_DETAIL),

	/* the incident screen (review.c) */
	BAR2(KC_ROPEN, 'c', "c", TA_CLOSE, "事案を終了", "close incident",
	    "事案を終了する（再発防止策を入力。妨げる未実施の対応があれば"
	    "一覧）", "close the incident (asks the measures; lists what "
	    "blocks it)"),
	BAR2(KC_RCLOSED, 'r', "r", TA_REOPEN, "再開", "reopen",
	    "終了した事案を再開する（経過に記録）",
	    "reopen a closed incident (recorded in the timeline)"),
	BARL2(KC_REVIEW, 'x', "x", TA_EXPORT, "PDF", "PDF",
	    "報告書をPDFに出力する（保存先を確認）",
	    "export the report as PDF (asks where)"),
	BARL2(KC_REVIEW, 'e', "e", TA_EDIT, "編集", "edit",
	    "入力内容をウィザードで直す（変更は経過に記録）",
	    "edit the intake in the wizard (changes go to the timeline)"),
	HELP(KC_REVIEW, '1', "1-6/Tab", TA_VIEW, "表示を切り替える（1 概要 "
	    "2 チェックリスト 3 経過 4 判定 5 メモ 6 通知）", "switch views (1 "
	    "summary 2 checklist 3 timeline 4 assessment 5 notes 6 notices)"),
	ALIAS(KC_REVIEW, '2', '6', TA_VIEW),
	ALIAS(KC_REVIEW, '\t', '\t', TA_NEXT),
	ALIAS(KC_REVIEW, FN(KEY_BTAB), FN(KEY_BTAB), TA_PREV),
	HELP(KC_REVIEW, FN(KEY_UP), "↑/↓", TA_UP, "選択・スクロール",
	    "select, scroll"),
	ALIAS(KC_REVIEW, FN(KEY_DOWN), FN(KEY_DOWN), TA_DOWN),
	HELP(KC_REVIEW, FN(KEY_HOME), "Home/End", TA_TOP, "先頭・末尾へ",
	    "to the first / last line"),
	ALIAS(KC_REVIEW, FN(KEY_END), FN(KEY_END), TA_BOTTOM),
	HELP(KC_REVIEW, 27, "Esc", TA_BACK, "ホーム画面に戻る",
	    "back to the home screen"),

	/* help and detail windows */
	BARK(KC_VIEW, 27, "Esc", TA_BACK, "閉じる", "close"),
	ALIAS(KC_VIEW, 'q', 'q', TA_BACK),
	ALIAS(KC_VIEW, '\r', '\r', TA_BACK),
	ALIAS(KC_VIEW, '\n', '\n', TA_BACK),
	ALIAS(KC_VIEW, FN(KEY_F(1)), FN(KEY_F(1)), TA_BACK),
	ALIAS(KC_VIEW, FN(KEY_F(10)), FN(KEY_F(10)), TA_BACK),
	ALIAS(KC_VIEW, '?', '?', TA_BACK),

	/* moving between fields; ↓/↑ only where they do not move inside */
	BAR2(KC_FIELD, '\t', "Tab", TA_NEXT, "次へ", "next",
	    "次の項目へ（入力した文字・チェックは保存。選択肢は数字か "
	    "Enter で決めたものだけ）", "next field (typed text and ticks are "
	    "saved; a choice only by its digit or Enter)"),
	HELP(KC_FIELD, FN(KEY_BTAB), "S-Tab", TA_PREV, "前の項目",
	    "previous field"),
	HELP(KC_TEXT, FN(KEY_DOWN), "↓/↑", TA_NEXT, "次・前の項目",
	    "next/previous field"),
	ALIAS(KC_TEXT, FN(KEY_UP), FN(KEY_UP), TA_PREV),

	/* inside lists, multi-line text, windows */
	HELP(KC_CHOICE | KC_MULTI | KC_LONG | KC_LIST | KC_VIEW | KC_PAGES |
	    ROWS, FN(KEY_UP), "↑/↓", TA_UP, "上下に移動", "move up/down"),
	ALIAS(KC_CHOICE | KC_MULTI | KC_LONG | KC_LIST | KC_VIEW | KC_PAGES |
	    ROWS, FN(KEY_DOWN), FN(KEY_DOWN), TA_DOWN),

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
	BARK(KC_LONG, '\r', "Enter", TA_NEWLINE, "改行（Tabで決定）",
	    "new line (Tab confirms)"),
	ALIAS(KC_LONG, '\n', '\n', TA_NEWLINE),
	ALIAS(KC_LONG, FN(KEY_ENTER), FN(KEY_ENTER), TA_NEWLINE),
	BARK2(KC_FIELD | KC_PROMPT, '\r', "Enter", TA_CONFIRM, "決定",
	    "confirm", "決定して次へ。未回答の項目では「未回答」の行のまま "
	    "Enter で何も記録せずに次へ、回答済みの項目で「未回答」の行を"
	    "選んで Enter なら回答を消す", "confirm and go on; on the \"not "
	    "answered\" line Enter moves on recording nothing, or clears an "
	    "answer given before"),
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

	/* pages, help, checklist */
	HELP(KC_FIELD, FN(KEY_NPAGE), "PgDn/PgUp", TA_PAGE_NEXT,
	    "次・前のページ", "next/previous page"),
	ALIAS(KC_FIELD, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_PAGE_PREV),
	HELP(KC_VIEW | KC_LIST | KC_HOME | KC_PAGES | KC_REVIEW | KC_LEDGER |
	    KC_DEVICE, FN(KEY_NPAGE), "PgDn/PgUp", TA_PAGE_NEXT,
	    "1画面送る・戻す", "scroll a screen"),
	ALIAS(KC_VIEW | KC_LIST | KC_HOME | KC_PAGES | KC_REVIEW | KC_LEDGER |
	    KC_DEVICE, FN(KEY_PPAGE), FN(KEY_PPAGE), TA_PAGE_PREV),
	BARK(KC_FIELD | KC_LIST | KC_PAGES | KC_REVIEW | ROWS, FN(KEY_F(1)),
	    "F1/?", TA_HELP, "ヘルプ", "help"),
	ALIAS(KC_CHOICE | KC_MULTI | KC_LIST | KC_PAGES | KC_REVIEW | ROWS,
	    '?', '?', TA_HELP),
	BAR2(KC_FIELD, FN(KEY_F(2)), "F2", TA_CHECKLIST, "リスト",
	    "checklist", "チェックリストを選ぶ（詳細・完了・対象外・メモ）",
	    "go to the checklist (detail, done, skip, memo)"),
	BARK(KC_LIST, FN(KEY_F(2)), "F2/Esc", TA_BACK, "入力に戻る",
	    "back to the form"),
	HELP(KC_FIELD | KC_LIST | KC_PROMPT, 27, "Esc", TA_BACK, "戻る",
	    "back"),

	/* leaving: F10 leaves the screen, saved, with the same word
	 * everywhere; from home or a screen opened from the command line
	 * it quits. q does the same where nothing is typed. */
	BARK2(KC_DRILL, FN(KEY_F(10)), "F10", TA_QUIT, "閉じる", "leave",
	    "提出せずに閉じる（採点なし。訓練の一覧の「続きから」で再開）",
	    "leave unsubmitted, not scored (\"continue\" in the list of "
	    "drills resumes it)"),
	BARK2(KC_FIELD | KC_LIST, FN(KEY_F(10)), "F10", TA_QUIT, "閉じる",
	    "leave", "入力中の項目を保存して閉じる（ホーム画面・事案画面へ。"
	    "コマンドから開いたときは終了）", "save the field being typed and "
	    "leave (to the screen it came from, or quit)"),
	BARK2(KC_REVIEW | KC_PAGES | ROWS, FN(KEY_F(10)),
	    "F10/q", TA_QUIT, "閉じる", "leave", "この画面を閉じる（保存済み。"
	    "ホーム画面とコマンドから開いた画面では終了）", "leave this "
	    "screen (saved; from home or a screen opened from the command "
	    "line: quit)"),
	ALIAS(KC_REVIEW | KC_PAGES | ROWS, 'q', 'q', TA_QUIT),
	HELP(ANY_NAV | KC_REVIEW, CTRL('c'), "^C", TA_INTERRUPT,
	    "終了（確認あり）", "quit (asks first)"),
	ALIAS(ANY_NAV | KC_VIEW | KC_REVIEW, CTRL('l'), CTRL('l'), TA_REDRAW),
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

/* The bar's items: those that fit in cols, in table order; when not all
 * fit, the last ones not kept go first, whole. */
char *
tui_keys_bar_fit(unsigned ctx, enum lang lang, int cols)
{
	size_t i, n = 0, idx[sizeof keys / sizeof keys[0]];
	unsigned char *drop;
	struct buf b;
	long w = 0;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (shown_in(i, ctx, KF_BAR)) {
			idx[n++] = i;
			w += (long)(text_width(keys[i].name) +
			    text_width(keys[i].hint[lang]) + 1 + (n > 1 ? 2 : 0));
		}
	drop = xcalloc(n + 1, 1);
	for (i = n; i-- > 0 && w > cols;)
		if (keys[idx[i]].show & KF_LOW) {
			drop[i] = 1;
			w -= (long)(text_width(keys[idx[i]].name) +
			    text_width(keys[idx[i]].hint[lang]) + 3);
		}
	for (i = n; i-- > 0 && w > cols;)
		if (!drop[i] && !(keys[idx[i]].show & KF_KEEP)) {
			drop[i] = 1;
			w -= (long)(text_width(keys[idx[i]].name) +
			    text_width(keys[idx[i]].hint[lang]) + 3);
		}
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		if (!drop[i])
			buf_addf(&b, "%s%s %s", b.len > 0 ? "  " : "",
			    keys[idx[i]].name, keys[idx[i]].hint[lang]);
	free(drop);
	return buf_steal(&b);
}

char *
tui_keys_bar(unsigned ctx, enum lang lang)
{
	return tui_keys_bar_fit(ctx, lang, COLS);
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

/* The screens of the reference, each with the keys F1 shows there. */
static const struct {
	const char *name[LANG_COUNT];
	unsigned ctx;
} screens[] = {
	{ { "ホーム画面", "Home screen" }, KC_HOME },
	{ { "ウィザード：選択の項目", "Wizard: a choice" }, KC_CHOICE |
	    KC_PROPOSED },
	{ { "ウィザード：複数選択の項目", "Wizard: a multi-choice" },
	    KC_MULTI },
	{ { "ウィザード：文字・数・日時の項目",
	    "Wizard: text, a number or a time" }, KC_TEXT },
	{ { "ウィザード：複数行の文章", "Wizard: several lines of text" },
	    KC_LONG },
	{ { "ウィザード：台帳の端末", "Wizard: the device from the ledger" },
	    KC_OFFER | KC_TEXT },
	{ { "ウィザード：チェックリスト（F2）",
	    "Wizard: the checklist (F2)" }, KC_LIST },
	{ { "事案画面", "Incident screen" }, KC_REVIEW | KC_ROPEN |
	    KC_RCLOSED | KC_RLIST },
	{ { "事案画面：通知（6）", "Incident screen: the notices (6)" },
	    KC_REVIEW | KC_ROPEN | KC_RNOTICES },
	{ { "対応の詳細", "An action's detail" }, KC_VIEW | KC_DETAIL |
	    KC_DUNSET },
	{ { "入力の小窓（名前・日時・メモなど）",
	    "A popup to fill in (name, time, memo...)" }, KC_DIALOG |
	    KC_TEXT },
	{ { "設定画面", "Settings screen" }, KC_SETTINGS },
	{ { "持ち出し台帳", "Device ledger" }, KC_LEDGER },
	{ { "台帳の端末", "A device of the ledger" }, KC_DEVICE },
	{ { "訓練（ウィザードで）", "Drill (in the wizard)" }, KC_DRILL },
	{ { "訓練の一覧・状況説明・質問・採点", "Drill list, briefing, "
	    "questions and score" }, KC_PAGES },
};

void
tui_keys_reference(enum lang lang, struct strv *out)
{
	char *line;
	size_t i;

	for (i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		line = xasprintf("== %s", screens[i].name[lang]);
		strv_push(out, line);
		free(line);
		tui_keys_help(screens[i].ctx, lang, out);
	}
}
