#!/usr/bin/env python3
"""Runs a Python sentence segmenter the way `tm segment --sentences-only` runs: one sentence a
line, a blank line between paragraphs (paragraphs are blank-line blocks of the input).

  peer_segment.py NAME LANG FILE     NAME: sentencex | moses | pysbd | syntok;  LANG: id | en

None of the peers has Indonesian rules: sentence-splitter (Moses) and pysbd are given their
English rules for Indonesian text (as a user would have to); sentencex falls back on its own.
"""
import re
import sys


def make(name, lang):
    if name == "sentencex":
        import sentencex
        return lambda text: list(sentencex.segment(lang, text))
    if name == "moses":
        from sentence_splitter import SentenceSplitter
        splitter = SentenceSplitter(language="en" if lang == "id" else lang)
        return splitter.split
    if name == "pysbd":
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False)
        return seg.segment
    if name == "syntok":
        from syntok import segmenter

        def split(text):
            out = []
            for paragraph in segmenter.analyze(text):
                for sentence in paragraph:
                    out.append("".join(t.spacing + t.value for t in sentence))
            return out
        return split
    raise SystemExit(f"unknown segmenter {name}")


def main():
    name, lang, path = sys.argv[1:4]
    split = make(name, lang)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for sentence in split(paragraph):
            sentence = " ".join(sentence.split())
            if sentence:
                out.append(sentence)
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
