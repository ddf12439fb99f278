#!/usr/bin/env python3
"""Runs hunalign (the peer) on one Indonesian/English file pair and prints the pairs in the
yardstick's TSV format (INDONESIAN<TAB>ENGLISH<TAB>CONFIDENCE).

  hunalign_align.py [--raw] ID_FILE EN_FILE

hunalign is NOT part of this project: build it yourself from https://github.com/danielvarga/hunalign
in a scratch folder and point HUNALIGN at the binary (default /work/scratch/hunalign/src/hunalign/hunalign).
The dictionary is made from the FreeDict English–Indonesian lexicon (LEXICON, default
/work/shared/lexicon/freedict-eng-ind.tsv) in hunalign's `english @ indonesian` format, lower-cased,
and cached next to the binary.

Pre-segmented input (default): one segment a line, `<p>` between paragraphs, as hunalign reads it.
With --raw the files are articles: paragraphs split at blank lines, sentences split with the Moses
rules of the `sentence-splitter` package (English rules for both languages, since Moses has no
Indonesian list) — the LF Aligner pipeline. hunalign runs with -utf (see TOKENIZE/REALIGN below);
its ladder output is mapped back to the original sentences.
"""
import os, re, subprocess, sys, tempfile

HUNALIGN = os.environ.get("HUNALIGN", "/work/scratch/hunalign/src/hunalign/hunalign")
LEXICON = os.environ.get("LEXICON", "/work/shared/lexicon/freedict-eng-ind.tsv")
# Its best settings here: sentences as written, no -realign. HUNALIGN_TOKENIZE=1 tokenises and
# lower-cases them first, HUNALIGN_REALIGN=1 adds -realign (both score lower on TICO-19).
TOKENIZE = os.environ.get("HUNALIGN_TOKENIZE", "0") != "0"
REALIGN = os.environ.get("HUNALIGN_REALIGN", "0") != "0"
TOKEN = re.compile(r"\w+(?:[-'.,]\w+)*|[^\w\s]", re.UNICODE)


def dictionary():
    path = os.path.join(os.path.dirname(HUNALIGN), "freedict-en-id.dic")
    if not os.path.exists(path):
        with open(LEXICON, encoding="utf-8") as f, open(path + ".tmp", "w", encoding="utf-8") as out:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2 and parts[0] and parts[1]:
                    out.write(f"{' '.join(tokens(parts[1]))} @ {' '.join(tokens(parts[0]))}\n")
        os.replace(path + ".tmp", path)
    return path


def tokens(text):
    return [t.lower() for t in TOKEN.findall(text)]


def read_preseg(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f.read().split("\n") if line.strip()]


def read_raw(path, language):
    from sentence_splitter import SentenceSplitter
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        splitter = SentenceSplitter(language="en")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = []
    for paragraph in re.split(r"\n\s*\n", text):
        sentences = []
        for line in paragraph.split("\n"):
            if line.strip():
                sentences += [s for s in splitter.split(line) if s.strip()]
        if sentences:
            if lines:
                lines.append("<p>")
            lines += sentences
    return lines


def main():
    args = sys.argv[1:]
    raw = "--raw" in args
    args = [a for a in args if a != "--raw"]
    id_path, en_path = args
    id_lines = read_raw(id_path, "id") if raw else read_preseg(id_path)
    en_lines = read_raw(en_path, "en") if raw else read_preseg(en_path)
    tmp = tempfile.mkdtemp(prefix="hunalign-")
    try:
        for name, lines in (("id", id_lines), ("en", en_lines)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                for line in lines:
                    f.write(("<p>" if line == "<p>" else " ".join(tokens(line)) if TOKENIZE else line) + "\n")
        p = subprocess.run([HUNALIGN, "-utf"] + (["-realign"] if REALIGN else []) + [dictionary(), os.path.join(tmp, "id"), os.path.join(tmp, "en")],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            sys.exit(1)
        rungs = []
        for line in p.stdout.split("\n"):
            parts = line.split("\t")
            if len(parts) >= 2:
                rungs.append((int(parts[0]), int(parts[1]), float(parts[2]) if len(parts) > 2 else 0.0))
        out = []
        for (i0, j0, c), (i1, j1, _) in zip(rungs, rungs[1:]):
            a = [s for s in id_lines[i0:i1] if s != "<p>"]
            b = [s for s in en_lines[j0:j1] if s != "<p>"]
            if a or b:
                out.append(f"{' '.join(a)}\t{' '.join(b)}\t{c:.3f}")
        sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    finally:
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
