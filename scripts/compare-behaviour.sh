#!/usr/bin/env bash
# Runs the same tm commands with two builds and compares what they print and write.
#
#   scripts/compare-behaviour.sh OLD_TM NEW_TM [SHARED_DIR]
#
# Each command runs in a fresh scratch folder holding copies of the shipped TMX/ and Glossaries/,
# the shared sample article and the TICO-19 TMX; stdout, stderr, the exit status and every file the
# command leaves behind are recorded. TMX creation/change dates and run ids are masked, and so is
# the scratch folder's own path. Prints the differences and exits 1 when there are any.
set -uo pipefail

old_tm=$(realpath "$1")
new_tm=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath "${3:-$repo/../shared}")
article_id="$shared/samples/antara-china-russia.id.txt"
article_en="$shared/samples/antara-china-russia.en.txt"
tico_tmx="$shared/corpora/tico19-en-id/original.en-id.tmx"
for f in "$article_id" "$article_en" "$tico_tmx"; do
    [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
done

work=$(mktemp -d)
trap '[ -n "${COMPARE_KEEP:-}" ] && cp -R "$work/old" "$work/new" "$COMPARE_KEEP"/; rm -rf "$work"' EXIT

# One command a line: a name, then the arguments (words split by the shell; quotes kept by eval).
# $ID and $EN are the sample article, $TICO the TICO-19 TMX; $MEM a memory folder with TICO-19 in it.
read -r -d '' COMMANDS <<'EOF'
version                 --version
help                    --help
help-lookup             lookup --help
help-align              align --help
help-glossary           glossary --help
segment-id              segment "$ID"
segment-en              segment "$EN"
segment-id-json         segment --json "$ID"
segment-auto            segment --lang auto "$EN"
segment-stdin           segment - < "$ID"
segment-export-srx      segment --export-srx rules.srx "$ID"
segment-missing         segment no-such-file.txt
segment-bad-lang        segment --lang fr "$ID"
align-dry               align --dry-run "$ID" "$EN"
align-tsv               align --dry-run --format tsv "$ID" "$EN"
align-json              align --dry-run --format json "$ID" "$EN"
align-store             align "$ID" "$EN" --review review.html
align-store-twice       align "$ID" "$EN" && "$TM" align "$ID" "$EN"
align-swapped           align --dry-run "$EN" "$ID"
align-missing           align --dry-run missing.txt "$EN"
import-tico             import --tm mem "$TICO"
import-tico-json        import --json --tm mem "$TICO"
import-twice            import --tm mem "$TICO" && "$TM" import --tm mem "$TICO"
import-tsv              import --tm mem pairs.tsv
import-bad              import --tm mem bad.tmx
stats                   stats --tm "$MEM"
stats-json              stats --json --tm "$MEM"
stats-shipped           stats
stats-missing           stats --tm nowhere
export-tmx              export --tm "$MEM" --out out.tmx
export-tmx-l1           export --tm "$MEM" --out out.tmx --level 1 --src id-ID --tgt en-US
export-tsv              export --tm "$MEM" --out out.tsv --format tsv
export-json             export --json --tm "$MEM" --out out.tmx
lookup-shipped          lookup "kemitraan strategis"
lookup-shipped-json     lookup --json "Kemenlu mengeluarkan pernyataan pada 5-6 Februari"
lookup-tico             lookup --tm "$MEM" "$Q1"
lookup-tico-json        lookup --json --tm "$MEM" --min 40 -n 10 "$Q2"
lookup-tico-en          lookup --tm "$MEM" --from en "$Q3"
lookup-tico-en-json     lookup --json --tm "$MEM" --from en "$Q3"
lookup-tico-target      lookup --tm "$MEM" --target "vaccine"
lookup-bad-min          lookup --min 0 "kata"
lookup-no-words         lookup "..."
glossary-list           glossary list
glossary-list-json      glossary list --json --grep menteri
glossary-stem           glossary stem kemitraannya penanggulangan pembangunan
glossary-stem-deriv     glossary stem --mode derivational kemitraannya penanggulangan pembangunan
glossary-add            glossary add "uji coba" "trial run" --glossary g.tsv
glossary-add-conflict   glossary add "Kemenlu" "MFA"
glossary-import-tbx     glossary import Glossaries/tbx/news-id-en.tbx --glossary new.tsv
glossary-export-tsv     glossary export --format tsv --out g-out.tsv
glossary-export-csv     glossary export --format csv --out g-out.csv
glossary-export-tbx     glossary export --format tbx --out g-out.tbx
glossary-export-tbx2    glossary export --format tbx2 --out g-out2.tbx
glossary-suggest        glossary suggest --tm "$MEM" -n 15
glossary-suggest-json   glossary suggest --json --tm "$MEM" -n 10 --method baseline
glossary-suggest-accept glossary suggest --tm "$MEM" -n 5 --accept acc.tsv --pick 1,3-4
EOF

# Queries made from TICO-19 sentences at run time: a word dropped, a number changed, English.
corpus=$(dirname "$tico_tmx")
query1=$(sed -n '100p' "$corpus/id.txt" | awk '{NF--; print}')
query2=$(grep -m1 -E ' [0-9]+ ' "$corpus/id.txt" | sed -E 's/ [0-9]+ / 4321 /')
query3=$(sed -n '700p' "$corpus/en.txt" | awk '{$2="xyz"; print}')

# A memory holding TICO-19, prepared once with the OLD build and copied for each command.
prepared="$work/prepared-mem"
mkdir -p "$prepared"
(cd "$work" && "$old_tm" import --tm "$prepared" "$tico_tmx" >/dev/null 2>&1)

mask() {
    # Dates, run ids and the scratch path change from run to run.
    sed -E -e 's/(creationdate|changedate|lastusagedate)="[0-9TZ]+"/\1="DATE"/g' \
           -e 's/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}/RUN/g' \
           -e 's/[0-9]{8}T[0-9]{6}Z/DATE/g' \
           -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/DATE/g' \
           -e "s#$1#SCRATCH#g"
}

run_all() { # BINARY OUTDIR
    local tm=$1 out=$2
    mkdir -p "$out"
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        local name=${line%% *}
        local args=${line#"$name"}
        local dir="$work/run-$name"
        rm -rf "$dir"; mkdir -p "$dir"
        cp -R "$repo/TMX" "$repo/Glossaries" "$dir/"
        cp -R "$prepared" "$dir/mem-prepared"
        printf 'kemitraan strategis\tstrategic partnership\nuji coba\ttrial\n' > "$dir/pairs.tsv"
        printf '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body><tu><tuv xml:lang="id"><seg>a' > "$dir/bad.tmx"
        (
            cd "$dir" || exit 1
            export TM="$tm" ID="$article_id" EN="$article_en" TICO="$tico_tmx" MEM="$dir/mem-prepared"
            export Q1="$query1" Q2="$query2" Q3="$query3"
            unset TM_PATH TM_GLOSSARY NO_COLOR
            eval "\"\$TM\" $args" > "$out/$name.stdout" 2> "$out/$name.stderr" < /dev/null
            echo $? > "$out/$name.status"
        )
        # Every file left behind, except the copied inputs that did not change and the index.
        (cd "$dir" && find . -type f ! -path '*/.tm-index/*' ! -name '.tm.lock' | LC_ALL=C sort) > "$work/files"
        mask "$dir" < "$work/files" > "$out/$name.files"
        while IFS= read -r file; do
            local safe
            safe=$(echo "$file" | mask "$dir" | tr '/' '_')
            mask "$dir" < "$dir/$file" > "$out/$name.file$safe" 2>/dev/null || cp "$dir/$file" "$out/$name.file$safe"
        done < "$work/files"
        for f in "$out/$name.stdout" "$out/$name.stderr"; do mask "$dir" < "$f" > "$f.m" && mv "$f.m" "$f"; done
        rm -rf "$dir"
    done <<< "$COMMANDS"
}

run_all "$old_tm" "$work/old"
run_all "$new_tm" "$work/new"

if diff -r "$work/old" "$work/new" > "$work/diff.txt"; then
    echo "identical: $(echo "$COMMANDS" | grep -c .) commands, stdout, stderr, exit status and files written"
    exit 0
fi
cat "$work/diff.txt"
echo
echo "differences in: $(diff -rq "$work/old" "$work/new" | sed -E 's#.*/(old|new)/##; s/ (and|differ).*//' | sed -E 's/\..*//' | sort -u | tr '\n' ' ')"
exit 1
