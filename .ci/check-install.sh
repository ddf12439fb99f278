#!/usr/bin/env bash
# Checks `make install` and `make uninstall` as a user meets them: installs to a temporary
# prefix from a fresh release build, deletes that build (an installed tm must load its resources
# from the prefix, not from the build folder Bundle.module falls back to), runs tm from the
# PATH in another folder, renders tm(1), checks the completions, uninstalls and checks that no
# file is left. DESTDIR is checked the same way with a staged /usr install.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
build=$work/build

fail() { echo "check-install: FAIL: $*" >&2; exit 1; }
ok() { echo "check-install: ok: $*"; }

# Runs make quietly; its whole output is shown only when it fails.
run_make() {
    make -C "$repo" "$@" BUILD_DIR="$build" >"$work/make.log" 2>&1 || { cat "$work/make.log" >&2; fail "make $*"; }
}

# Fails unless the tree under $1 holds no file (empty folders may stay: they were there or are shared).
expect_no_files() {
    local left
    left=$(find "$1" ! -type d)
    [ -z "$left" ] || fail "make uninstall left: $left"
}

# --- DESTDIR: a staged install lands under DESTDIR/PREFIX and uninstalls from there.
run_make install DESTDIR="$work/stage" PREFIX=/usr
for file in bin/tm bin/tm_TranslationMemory.resources share/man/man1/tm.1 \
        share/bash-completion/completions/tm share/zsh/site-functions/_tm share/fish/vendor_completions.d/tm.fish; do
    [ -e "$work/stage/usr/$file" ] || fail "DESTDIR install did not write /usr/$file under DESTDIR"
done
run_make uninstall DESTDIR="$work/stage" PREFIX=/usr
expect_no_files "$work/stage"
ok "make install/uninstall DESTDIR=… PREFIX=/usr"

# --- A prefix install, then the build is gone.
run_make install PREFIX="$prefix"
rm -rf "$build"
export PATH="$prefix/bin:$PATH"
export SWIFT_BACKTRACE=enable=no
unset MANPATH
[ "$(command -v tm)" = "$prefix/bin/tm" ] || fail "tm on the PATH is $(command -v tm), not $prefix/bin/tm"

version=$(tm --version) || fail "tm --version exited with $?"
[[ $version =~ ^[0-9]+\.[0-9]+ ]] || fail "tm --version printed '$version'"
ok "PREFIX/bin/tm --version: $version"

# Sentence splitting and alignment read the abbreviation lists and the lexicon from the bundle.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
printf 'Presiden bertemu Dr. Budi di Jakarta pada Senin. Mereka membahas kerja sama ekonomi.\n' > article.id.txt
printf 'The president met Dr. Budi in Jakarta on Monday. They discussed economic cooperation.\n' > article.en.txt
expected=$'Presiden bertemu Dr. Budi di Jakarta pada Senin.\nMereka membahas kerja sama ekonomi.'
segmented=$(tm segment article.id.txt) || fail "tm segment exited with $?"
[ "$segmented" = "$expected" ] || fail "tm segment printed: $segmented"
pairs=$(tm align --dry-run --format tsv article.id.txt article.en.txt) || fail "tm align exited with $?"
[ "$(grep -c $'^[^\t]*\t[^\t]*\t[0-9.]*$' <<<"$pairs")" = 2 ] || fail "tm align printed: $pairs"
ok "installed tm segments and aligns from $PWD"

# The same run without the installed bundle must fail, or the check above proves nothing.
bundle=$prefix/bin/tm_TranslationMemory.resources
mv "$bundle" "$bundle.away"
# (The braces keep bash's "Illegal instruction" report of the crash off the log.)
if { tm segment article.id.txt >/dev/null; } 2>/dev/null; then fail "tm ran without its resource bundle"; fi
mv "$bundle.away" "$bundle"
ok "without PREFIX/bin/tm_TranslationMemory.resources tm fails"
cd "$repo"

page=$prefix/share/man/man1/tm.1
rendered=$(man -l -P cat "$page" 2>"$work/man.err") || { cat "$work/man.err" >&2; fail "man -l $page"; }
grep -q '^NAME' <<<"$rendered" && grep -q -- '--version' <<<"$rendered" || fail "man -l $page rendered: $rendered"
[ "$(man -w tm)" = "$page" ] || fail "man tm opens $(man -w tm), not $page"
ok "man -l PREFIX/share/man/man1/tm.1 renders ($(wc -l <<<"$rendered") lines) and man tm finds it"

for file in share/bash-completion/completions/tm share/zsh/site-functions/_tm share/fish/vendor_completions.d/tm.fish; do
    [ -s "$prefix/$file" ] || fail "PREFIX/$file is missing or empty"
done
bash -n "$prefix/share/bash-completion/completions/tm" || fail "bash -n rejects the bash completion"
bash -c 'source "$1" && complete -p tm' _ "$prefix/share/bash-completion/completions/tm" >/dev/null \
    || fail "the bash completion does not register a completion for tm"
ok "bash, zsh and fish completions installed; bash accepts and registers the bash one"
# .ci/run installs zsh and fish; elsewhere each is checked where it is installed.
if command -v zsh >/dev/null; then
    zsh -n "$prefix/share/zsh/site-functions/_tm" || fail "zsh -n rejects the zsh completion"
    ok "zsh -n accepts the zsh completion"
else
    echo "check-install: skipped: zsh -n (zsh is not installed)"
fi
if command -v fish >/dev/null; then
    fish --no-execute "$prefix/share/fish/vendor_completions.d/tm.fish" || fail "fish rejects the fish completion"
    ok "fish --no-execute accepts the fish completion"
else
    echo "check-install: skipped: fish --no-execute (fish is not installed)"
fi

run_make uninstall PREFIX="$prefix"
expect_no_files "$prefix"
ok "make uninstall PREFIX=… left no file"
