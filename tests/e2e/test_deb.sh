# test_deb.sh - the Debian package. `make deb` builds
# anshin-ir_VERSION_ARCH.deb from HEAD and leaves the work tree as it was;
# the package holds the binary, data, man pages (English and Japanese),
# catalogs, copyright and the machine-wide contacts as
# a conffile with every key of data/contacts.conf commented out; lintian
# finds no error. Unpacked into a scratch root, never into this system,
# the binary finds its data with --data-dir unset and man shows its pages.
# Upgrade: a newer package, built for real, installed over the first in a
# scratch root by dpkg --root keeps a user's database (it still verifies)
# and the administrator's edit of the conffile, and migrates a database an
# older version wrote on first use.

# mkvar NAME: a variable of the Makefile, as make sees it.
mkvar() {
	make -s --no-print-directory -C "$REPO" \
	    --eval "print-var: ; @echo \$($1)" print-var
}

# inst ROOT ARGS...: runs ROOT's installed binary from / with no data
# directory given, like a user who installed the package; sets OUT, ERR, RC.
inst() {
	local root=$1
	shift
	OUT=$(cd / && env -u ANSHIN_IR_DATA "$root/usr/bin/anshin-ir" "$@" \
	    2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

# man_text ROOT ARGS...: the page man(1) finds under ROOT's man directory,
# as shown on an 80-column terminal, overstriking removed.
man_text() {
	local root=$1
	shift
	MANPATH="$root/usr/share/man" LANG=C.UTF-8 LC_ALL= LANGUAGE= \
	    MANWIDTH=80 MANPAGER=cat PAGER=cat man "$@" 2>"$TMP/man.err" |
	    sed 's/.\x08//g'
}

# headings: the section headings of a rendered page on stdin (the lines
# that start in column 0), its header and footer lines left out.
headings() {
	grep -v '^$' | sed '1d;$d' | grep '^[^ ]'
}

# contact_keys FILE: "section key" for every key line of a contacts file,
# with the keys behind a single "#" (the conffile's) counted as keys.
contact_keys() {
	awk '/^\[/ { s = $0; next }
	{ sub(/^#/, "") }
	/^[A-Za-z_][A-Za-z0-9_.]*[ \t]*=/ { k = $0; sub(/[ \t]*=.*/, "", k)
	    print s, k }' "$1" | sort
}

# What of anshin-ir this system has: the same after the test.
host_state() {
	dpkg-query -W -f='${Status}\n' anshin-ir 2>/dev/null
	ls -d /usr/share/anshin-ir /etc/anshin-ir 2>/dev/null
}

deb_ok=1
for tool in git dpkg-buildpackage dh lintian man sqlite3; do
	if command -v "$tool" >/dev/null; then pass; else
		fail "$tool is installed (make deps installs it)"
		deb_ok=0
	fi
done
# An installed copy would be found before the scratch root's (docs/contract.md
# §1: the compiled-in data directory comes first) and hide what is tested.
if dpkg-query -W -f='${Status}' anshin-ir 2>/dev/null | grep -q installed ||
    [ -e /usr/share/anshin-ir ]; then
	fail "anshin-ir is not installed on this machine (apt purge anshin-ir)"
	deb_ok=0
else pass; fi
if git -C "$REPO" rev-parse --verify -q HEAD >/dev/null; then pass; else
	fail "the source tree is a git checkout (make deb packages HEAD)"
	deb_ok=0
fi
[ "$deb_ok" = 1 ] || return 0

VERSION=$(mkvar VERSION)
ARCH=$(dpkg --print-architecture)
DEB="$REPO/build/anshin-ir_${VERSION}_$ARCH.deb"
git -C "$REPO" status --porcelain --ignored=no >"$TMP/tree.before"
host_state >"$TMP/host.before"

# ---- make deb

rm -f "$DEB"
if make -s -C "$REPO" deb >"$TMP/deb.log" 2>&1 && [ -f "$DEB" ]; then pass; else
	fail "make deb builds $(basename "$DEB")" "$(tail -30 "$TMP/deb.log")"
	return 0
fi
git -C "$REPO" status --porcelain --ignored=no >"$TMP/tree.after"
if cmp -s "$TMP/tree.before" "$TMP/tree.after"; then pass; else
	fail "make deb leaves the work tree as it was" \
	    "$(diff "$TMP/tree.before" "$TMP/tree.after")"; fi
expect_eq "$(dpkg-deb -f "$DEB" Version)" "$VERSION" \
    "the package's version (debian/changelog) is the Makefile's VERSION"
deps=$(dpkg-deb -f "$DEB" Depends)
case $deps in
*fonts-ipaexfont-gothic*libc6* | *libc6*fonts-ipaexfont-gothic*) pass ;;
*) fail "Depends has the shared libraries and the PDF font" "$deps" ;;
esac
dpkg-deb -e "$DEB" "$TMP/control"
expect_eq "$(cat "$TMP/control/conffiles" 2>/dev/null)" \
    /etc/anshin-ir/contacts.conf "the machine-wide contacts file is the conffile"
# Without maintainer scripts nothing runs at install, upgrade or removal
# that could touch a user's files: dpkg only replaces its own.
scripts=$(cd "$TMP/control" && ls preinst postinst prerm postrm 2>/dev/null)
expect_eq "$scripts" "" "the package has no maintainer scripts"

# ---- contents

dpkg-deb -c "$DEB" | awk '{ print $NF }' | sed 's|^\./||' >"$TMP/contents"
want="usr/bin/anshin-ir usr/share/anshin-ir/forms/intake.form
usr/share/anshin-ir/data/actions.rules usr/share/anshin-ir/data/holidays.tsv
usr/share/anshin-ir/data/contacts.conf usr/share/doc/anshin-ir/copyright
etc/anshin-ir/contacts.conf"
for f in "$REPO"/data/drills/*.drill; do
	[ -f "$f" ] && want="$want usr/share/anshin-ir/data/drills/${f##*/}"
done
for po in "$REPO"/po/*.po; do
	l=$(basename "$po" .po)
	want="$want usr/share/locale/$l/LC_MESSAGES/anshin-ir.mo"
done
# The Japanese pages of man/ja/ too.
for page in "$REPO"/man/anshin-ir.[15] "$REPO"/man/ja/anshin-ir.[15]; do
	[ -f "$page" ] || continue
	case $page in
	*/man/ja/*) dir=usr/share/man/ja ;;
	*) dir=usr/share/man ;;
	esac
	want="$want $dir/man${page##*.}/${page##*/}.gz"
done
for f in $want; do
	if grep -qxF "$f" "$TMP/contents"; then pass; else
		fail "the package holds $f" "$(cat "$TMP/contents")"; fi
done

# debian/control builds with what `make deps` installs for building, and
# lists all of it: DEB_BUILD in the Makefile, both ways.
awk '/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, "") }
	on && /^[A-Za-z-]+:/ && !/^Build-Depends:/ { on = 0 }
	on' "$REPO/debian/control" | tr ',' '\n' |
    sed 's/(.*)//; s/^[ \t]*//; s/[ \t]*$//' | grep -v '^$' |
    grep -vx debhelper-compat | sort >"$TMP/bdeps"
mkvar DEB_BUILD | tr ' ' '\n' | grep -v '^$' | sort >"$TMP/mkdeps"
if [ -s "$TMP/mkdeps" ] && cmp -s "$TMP/bdeps" "$TMP/mkdeps"; then pass; else
	fail "debian/control Build-Depends = the Makefile's DEB_BUILD" \
	    "$(diff "$TMP/bdeps" "$TMP/mkdeps")"; fi
if grep -qx 'Build-Depends: debhelper-compat (= 13),' "$REPO/debian/control"
then pass; else fail "debian/control builds with debhelper-compat (= 13)"; fi

# The license: MIT in LICENSE, the same text in the machine-readable
# debian/copyright that the package installs.
if grep -qx 'MIT License' "$REPO/LICENSE" &&
    grep -q 'Copyright (c) 2026 anshin-ir developers' "$REPO/LICENSE"; then
	pass; else fail "LICENSE is the MIT license of anshin-ir developers"; fi
lic=$(sed -n '/^Permission/,$p' "$REPO/LICENSE" | tr -s ' \n' '  ')
cop=$(awk '/^[^ ]/ { on = /^License: Expat$/; next }
	on && NF { sub(/^ /, ""); if ($0 != ".") print }' "$REPO/debian/copyright" |
    tr -s ' \n' '  ')
if [ -n "$lic" ] && [ "$lic" = "$cop" ]; then pass; else
	fail "debian/copyright has LICENSE's text" "LICENSE: $lic
copyright: $cop"; fi
if head -1 "$REPO/debian/copyright" | grep -qx \
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/'
then pass; else fail "debian/copyright is machine-readable (DEP-5)"; fi

# ---- lintian

lintian "$DEB" >"$TMP/lintian.out" 2>"$TMP/lintian.err"
lrc=$?
if [ "$lrc" = 0 ] && ! grep -q '^E:' "$TMP/lintian.out"; then pass; else
	fail "lintian reports no error (exit $lrc)" \
	    "$(cat "$TMP/lintian.out" "$TMP/lintian.err")"; fi

# ---- unpacked into a scratch root

ROOT="$TMP/root"
dpkg -x "$DEB" "$ROOT"
inst "$ROOT" --version
expect_eq "$OUT" "anshin-ir $VERSION" "installed binary: --version"
inst "$ROOT" check-data
expect_rc 0 "installed binary validates its data with --data-dir unset"
expect_out_has "$ROOT/usr/share/anshin-ir:" "it found the installed data"
inst "$ROOT" new --answers "$REPO/tests/fixtures/lost-tablet.answers"
expect_rc 0 "installed binary: new --answers"
expect_eq "$OUT" 2026-0001 "new --answers prints the reference"
inst "$ROOT" frob
expect_err_has "不明なコマンド" "installed catalog gives Japanese messages"
inst "$ROOT" export 2026-0001 -o "$TMP/report.pdf"
expect_rc 0 "installed binary exports a PDF with the font it depends on"
if head -c 5 "$TMP/report.pdf" 2>/dev/null | grep -q '%PDF-'; then pass; else
	fail "export wrote a PDF"; fi

# The manual pages, found through MANPATH and rendered as a user sees them.
for sec in 1 5; do
	[ -f "$REPO/man/anshin-ir.$sec" ] || continue
	where=$(MANPATH="$ROOT/usr/share/man" man -w "$sec" anshin-ir 2>&1)
	expect_eq "$where" "$ROOT/usr/share/man/man$sec/anshin-ir.$sec.gz" \
	    "man finds the installed anshin-ir($sec)"
	man_text "$ROOT" "$sec" anshin-ir >"$TMP/page.txt"
	case $sec in
	1) want='NAME|SYNOPSIS|COMMANDS|OPTIONS|FILES|EXIT STATUS|SEE ALSO' ;;
	5) want='NAME|ANSWERS FILE|CONTACTS FILES|SEE ALSO' ;;
	esac
	IFS='|' read -r -a heads <<<"$want"
	for h in "${heads[@]}"; do
		if grep -qx "$h" "$TMP/page.txt"; then pass; else
			fail "man $sec anshin-ir shows the heading $h" \
			    "$(head -20 "$TMP/page.txt"; cat "$TMP/man.err")"; fi
	done
done
# The Japanese pages: man -L ja shows the installed page,
# with the same headings as the tree's page, all of them Japanese.
for page in "$REPO"/man/ja/anshin-ir.[15]; do
	[ -f "$page" ] || continue
	sec=${page##*.}
	where=$(MANPATH="$ROOT/usr/share/man" man -w -L ja "$sec" anshin-ir 2>&1)
	expect_eq "$where" "$ROOT/usr/share/man/ja/man$sec/anshin-ir.$sec.gz" \
	    "man -L ja finds the installed Japanese anshin-ir($sec)"
	man_text "$ROOT" -L ja "$sec" anshin-ir | headings >"$TMP/ja.heads"
	LANG=C.UTF-8 LC_ALL= MANWIDTH=80 MANPAGER=cat man -l "$page" 2>/dev/null |
	    sed 's/.\x08//g' | headings >"$TMP/ja.src.heads"
	n=$(wc -l <"$TMP/ja.heads")
	if [ "$n" -ge 3 ] && cmp -s "$TMP/ja.heads" "$TMP/ja.src.heads"; then
		pass; else fail "man -L ja $sec anshin-ir shows the page's headings" \
		    "$(diff "$TMP/ja.heads" "$TMP/ja.src.heads")"; fi
	# Every heading in Japanese: an English one left in would show here.
	if LC_ALL=C grep -v '[^[:print:]]' "$TMP/ja.heads" >"$TMP/ascii.heads"
	then fail "the Japanese anshin-ir($sec) has Japanese headings only" \
		    "$(cat "$TMP/ascii.heads")"; else pass; fi
done

# ---- the conffile: every key of the shipped contacts, commented out

CONF="$ROOT/etc/anshin-ir/contacts.conf"
contact_keys "$REPO/data/contacts.conf" >"$TMP/keys.shipped"
contact_keys "$CONF" >"$TMP/keys.etc"
if [ "$(wc -l <"$TMP/keys.shipped")" -ge 10 ] &&
    cmp -s "$TMP/keys.shipped" "$TMP/keys.etc"; then pass; else
	fail "the conffile has every key of data/contacts.conf, by section" \
	    "$(diff "$TMP/keys.shipped" "$TMP/keys.etc")"; fi
if grep -nE '^[ \t]*[^#[ \t][^=]*=' "$CONF" >"$TMP/active"; then
	fail "every key of the conffile is commented out" "$(cat "$TMP/active")"
else pass; fi
# Read as a contacts file (the user's has the same syntax and sits later
# in the same merge) it changes nothing; a key the vendor uncomments wins.
inst "$ROOT" --lang en show 2026-0001
without=$OUT
mkdir -p "$XDG_CONFIG_HOME/anshin-ir"
cp "$CONF" "$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
inst "$ROOT" --lang en show 2026-0001
expect_rc 0 "the conffile as shipped parses"
expect_eq "$OUT" "$without" "the conffile as shipped changes no contact"
awk '/^\[/ { s = $0 } s == "[support_desk]" && /^#phone =/ {
	print "phone = 075-000-1234"; next } { print }' "$CONF" \
    >"$XDG_CONFIG_HOME/anshin-ir/contacts.conf"
inst "$ROOT" --lang en show 2026-0001
expect_out_has "support desk / phone: 075-000-1234" \
    "a key uncommented in the conffile is used"
rm -f "$XDG_CONFIG_HOME/anshin-ir/contacts.conf"

# ---- upgrade: a newer package over this one, in a scratch dpkg root

SYS="$TMP/sys"
ADMIN="$SYS/var/lib/dpkg"
mkdir -p "$ADMIN/info" "$ADMIN/updates"
: >"$ADMIN/status"
asroot=""
[ "$(id -u)" = 0 ] || asroot=fakeroot
# The libraries are this machine's, not the scratch root's: their
# dependencies are not checked there. Standard input is closed, so a
# conffile question fails the install instead of waiting.
sysdpkg() {
	$asroot dpkg --root="$SYS" --log=/dev/null --force-depends "$@" \
	    </dev/null >>"$TMP/dpkg.log" 2>&1
}
sysver() {
	dpkg-query --admindir="$ADMIN" -W -f='${Version} ${db:Status-Abbrev}' \
	    anshin-ir 2>/dev/null | sed 's/ *$//'
}

# The newer version: HEAD again with a later changelog entry and VERSION.
NEWV="$VERSION+upgradetest1"
NEWSRC="$TMP/newer/anshin-ir-$NEWV"
mkdir -p "$NEWSRC"
git -C "$REPO" archive HEAD | tar -x -C "$NEWSRC"
sed -i "s/^VERSION *= .*/VERSION     = $NEWV/" "$NEWSRC/Makefile"
{ printf 'anshin-ir (%s) unstable; urgency=medium\n\n' "$NEWV"
  printf '  * Upgrade test.\n\n'
  printf ' -- anshin-ir developers <test@invalid.example>  %s\n\n' "$(date -R)"
  cat "$NEWSRC/debian/changelog"; } >"$NEWSRC/debian/changelog.new"
mv "$NEWSRC/debian/changelog.new" "$NEWSRC/debian/changelog"
NEWDEB="$TMP/newer/anshin-ir_${NEWV}_$ARCH.deb"
if (cd "$NEWSRC" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
    dpkg-buildpackage -us -uc -b -jauto) >"$TMP/newer.log" 2>&1 &&
    [ -f "$NEWDEB" ]; then pass; else
	fail "the newer package builds" "$(tail -30 "$TMP/newer.log")"
	return 0
fi

if sysdpkg -i "$DEB"; then pass; else
	fail "dpkg --root installs the package" "$(cat "$TMP/dpkg.log")"; fi
expect_eq "$(sysver)" "$VERSION ii" "installed in the scratch root"

# A user of the old version, HOME inside the scratch root, database where
# it goes by default (XDG_DATA_HOME unset); the vendor presets a number.
user_env() {
	(cd / && env -u ANSHIN_IR_DB -u XDG_DATA_HOME -u XDG_CONFIG_HOME \
	    -u ANSHIN_IR_DATA HOME="$SYS/home/$1" "${@:2}")
}
mkdir -p "$SYS/home/aoki" "$SYS/home/baba"
DB_A="$SYS/home/aoki/.local/share/anshin-ir/incidents.db"
OUT=$(user_env aoki "$SYS/usr/bin/anshin-ir" new \
    --answers "$REPO/tests/fixtures/lost-tablet.answers" 2>&1)
expect_eq "$OUT" 2026-0001 "the old version creates a user's database"
user_env aoki "$SYS/usr/bin/anshin-ir" done 2026-0001 change_password \
    --note "全員変更済み" >/dev/null 2>&1
OLD_VERIFY=$(user_env aoki "$SYS/usr/bin/anshin-ir" verify 2026-0001 2>&1)
case $OLD_VERIFY in
ok*events=2[0-9]*) pass ;;
*) fail "the old version records and verifies the incident" "$OLD_VERIFY" ;;
esac
OLD_SUM=$(sha256sum <"$DB_A")
awk '/^\[/ { s = $0 } s == "[support_desk]" && /^#phone =/ {
	print "phone = 075-000-1234"; next } { print }' \
    "$SYS/etc/anshin-ir/contacts.conf" >"$TMP/edited.conf"
cp "$TMP/edited.conf" "$SYS/etc/anshin-ir/contacts.conf"
# Baba's database was written by a version before the hash chain.
mkdir -p -m 700 "$SYS/home/baba/.local/share/anshin-ir"
DB_B="$SYS/home/baba/.local/share/anshin-ir/incidents.db"
sqlite3 "$DB_B" <"$REPO/tests/fixtures/schema1.sql"
chmod 600 "$DB_B"
expect_eq "$(sqlite3 "$DB_B" 'PRAGMA user_version')" 1 \
    "the older database is at schema version 1"

if sysdpkg -i "$NEWDEB"; then pass; else
	fail "dpkg --root installs the newer package over the old one" \
	    "$(cat "$TMP/dpkg.log")"; fi
expect_eq "$(sysver)" "$NEWV ii" "the newer version is installed"
OUT=$(user_env aoki "$SYS/usr/bin/anshin-ir" --version 2>&1)
expect_eq "$OUT" "anshin-ir $NEWV" "the binary is the newer one"
if cmp -s "$TMP/edited.conf" "$SYS/etc/anshin-ir/contacts.conf"; then pass; else
	fail "the upgrade keeps the administrator's contacts.conf" \
	    "$(diff "$TMP/edited.conf" "$SYS/etc/anshin-ir/contacts.conf")"; fi
left=$(ls "$SYS/etc/anshin-ir")
expect_eq "$left" contacts.conf "no .dpkg-new or .dpkg-dist beside it"
expect_eq "$(sha256sum <"$DB_A")" "$OLD_SUM" \
    "the upgrade leaves the user's database as it was"
OUT=$(user_env aoki "$SYS/usr/bin/anshin-ir" verify 2026-0001 2>&1)
RC=$?
expect_rc 0 "the newer binary verifies the user's incident"
expect_eq "$OUT" "$OLD_VERIFY" "same events and chain head as before"

# First use of the older database by the newer binary migrates it.
FRESH_V=$(sqlite3 "$DB_A" 'PRAGMA user_version')
OUT=$(user_env baba "$SYS/usr/bin/anshin-ir" verify 2026-0001 2>&1)
RC=$?
expect_rc 0 "the older database migrates and verifies on first use"
expect_out_has "events=27" "every event of the older database is chained"
expect_eq "$(sqlite3 "$DB_B" 'PRAGMA user_version')" "$FRESH_V" \
    "the older database is now at the current schema"
OUT=$(user_env baba "$SYS/usr/bin/anshin-ir" answers 2026-0001 2>&1)
expect_out_has "persons_count = 45" "its answers survive the migration"
expect_out_has "place = タクシー車内（京都駅八条口から）" \
    "its text survives the migration"
OUT=$(user_env baba "$SYS/usr/bin/anshin-ir" --lang en checklist 2026-0001 2>&1)
expect_out_has "[x] immediate   1 change_password" \
    "its action states survive the migration"

# Purging the package removes the conffile, never a user's data.
if sysdpkg --purge anshin-ir; then pass; else
	fail "dpkg --root purges the package" "$(cat "$TMP/dpkg.log")"; fi
if [ ! -e "$SYS/usr/bin/anshin-ir" ] && [ ! -e "$SYS/etc/anshin-ir" ]; then
	pass; else fail "purge removes the binary and /etc/anshin-ir"; fi
if [ -f "$DB_A" ] && [ -f "$DB_B" ]; then pass; else
	fail "purge leaves the users' databases"; fi

# None of this installed anything into this system.
host_state >"$TMP/host.after"
if cmp -s "$TMP/host.before" "$TMP/host.after"; then pass; else
	fail "the test installed nothing into this system" \
	    "$(diff "$TMP/host.before" "$TMP/host.after")"; fi
