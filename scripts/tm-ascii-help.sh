#!/usr/bin/env bash
# Runs $TM_BINARY with the given arguments and prints its output transliterated to ASCII
# (– becomes -, → becomes ->). `make` gives this script to swift-argument-parser's
# generate-manual as the tool: the generator drops every non-ASCII character, which turned
# "(0–1)" into "(01)" and "1–100" into "1100" in tm(1).
set -euo pipefail
"${TM_BINARY:?set TM_BINARY to the tm executable}" "$@" | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT
