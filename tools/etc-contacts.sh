#!/bin/sh
# etc-contacts.sh SHIPPED DATADIR SYSCONFDIR - prints the machine-wide
# contacts file (SYSCONFDIR/anshin-ir/contacts.conf, a conffile of the
# Debian package) made from the shipped data/contacts.conf: the same
# sections, comments and keys, every key commented out. Generated, so that
# a key added to the shipped file is never missing here. Commented out,
# because a value set here would override the shipped one (a key
# uncommented with an empty value changes nothing: empty values never
# erase). A vendor removes the "#" of the keys they preset, e.g. the
# support desk's phone number, for every user of the machine.
set -eu
[ $# -eq 3 ] || { echo "usage: $0 SHIPPED DATADIR SYSCONFDIR" >&2; exit 64; }
shipped=$1 datadir=$2 sysconfdir=$3
[ -r "$shipped" ] || { echo "$0: cannot read $shipped" >&2; exit 66; }

cat <<HEAD
# anshin-ir 連絡先：このコンピューターの利用者全員の設定
# anshin-ir contact points for every user of this computer
# ($sysconfdir/anshin-ir/contacts.conf)
#
# 販売店・保守担当者の方へ：サポートデスクの電話番号など、利用者全員に
# 共通の値をここに設定できます。キーの行頭の「#」を消して値を記入して
# ください。「#」で始まる行は読み込まれません。示してある値は出荷時の値
# です。パッケージを更新しても、このファイルの変更は保持されます。
# For the vendor or administrator: set values shared by every user here,
# such as the support desk's phone number. Remove the "#" at the start of a
# key's line and fill in the value; lines starting with "#" are not read.
# The values shown are the shipped ones. Package upgrades keep your edits.
#
# 読み込み順（後のファイルがキーごとに上書き）/ Files read, later ones win
# key by key:
#   1. $datadir/data/contacts.conf (shipped)
#   2. $sysconfdir/anshin-ir/contacts.conf (this file)
#   3. \$XDG_CONFIG_HOME/anshin-ir/contacts.conf (default
#      ~/.config/anshin-ir/contacts.conf, one user; "anshin-ir settings")
# 空の値（"phone ="）は前のファイルの値を消しません。
# An empty value ("phone =") never erases a value from an earlier file.
# 書式 / Format: man 5 anshin-ir (CONTACTS FILES). 確認 / Check with:
# anshin-ir check-data

HEAD
# The shipped file's own head (up to its first blank line) describes that
# file; the rest, section by section, is copied with each key line
# ("key = value", "key.ja = value") behind a "#".
awk '
	!body { if ($0 ~ /^[ \t]*$/) body = 1; next }
	/^[ \t]*[^#[ \t][^=]*=/ { sub(/^[ \t]*/, ""); print "#" $0; next }
	{ print }
' "$shipped"
