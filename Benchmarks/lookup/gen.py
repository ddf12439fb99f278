#!/usr/bin/env python3
"""Generates the lookup benchmark's memory and queries (into a scratch folder, never committed).

The memory: UNITS Indonesian/English units made by mutating sentence pairs of the TICO-19
corpus (../shared/corpora/tico19-en-id) as news repeats itself: each unit copies a base pair and
applies 0-4 edits to the Indonesian side (replace, insert or delete a word, change or insert a
number, Indonesian style `1.500` / `2,5`), changed numbers mirrored on the English side. 500 pairs
are held out of the memory. Written as FILES TMX files (memory/part-N.tmx).

The queries (queries.txt, one per line): half are bases mutated by 1-2 edits (near-duplicates
are in the memory: a >= 70% match), half are held-out sentences (no near-duplicate).

usage: gen.py CORPUS_DIR OUT_DIR [--units 1000000] [--files 4] [--queries 1000] [--seed 7]
"""
import argparse
import os
import random
from xml.sax.saxutils import escape


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ids = open(os.path.join(args.corpus, "id.txt"), encoding="utf-8").read().split("\n")
    ens = open(os.path.join(args.corpus, "en.txt"), encoding="utf-8").read().split("\n")
    pairs = [(a.strip(), b.strip()) for a, b in zip(ids, ens) if a.strip() and b.strip() and len(a.split()) >= 4]
    rng.shuffle(pairs)
    held_out, bases = pairs[:500], pairs[500:]
    vocabulary = [w for a, _ in bases for w in a.split()]

    def number():
        kind = rng.random()
        if kind < 0.4:
            return str(rng.randint(1, 99))
        if kind < 0.7:
            return f"{rng.randint(1, 999)}.{rng.randint(0, 999):03d}"
        if kind < 0.85:
            return f"{rng.randint(1, 99)},{rng.randint(1, 9)}"
        return str(rng.randint(1990, 2030))

    def mutate(pair, edits):
        words = pair[0].split()
        english = pair[1]
        for _ in range(edits):
            op = rng.random()
            if op < 0.3 and words:
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            elif op < 0.5:
                words.insert(rng.randrange(len(words) + 1), rng.choice(vocabulary))
            elif op < 0.7 and len(words) > 3:
                del words[rng.randrange(len(words))]
            else:
                digits = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
                new = number()
                if digits and rng.random() < 0.7:
                    i = rng.choice(digits)
                    english = english.replace(words[i], new.replace(".", "#").replace(",", ".").replace("#", ","), 1)
                    words[i] = new
                else:
                    words.insert(rng.randrange(len(words) + 1), new)
        return " ".join(words), english

    os.makedirs(os.path.join(args.out, "memory"), exist_ok=True)
    per_file = (args.units + args.files - 1) // args.files
    written = 0
    for part in range(args.files):
        path = os.path.join(args.out, "memory", f"part-{part + 1}.tmx")
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                      '<header creationtool="lookup-bench" creationtoolversion="1" segtype="sentence" o-tmf="none" '
                      'adminlang="en" srclang="id" datatype="plaintext"/>\n<body>\n')
            for _ in range(min(per_file, args.units - written)):
                edits = min(4, int(rng.expovariate(0.7)))
                source, target = mutate(rng.choice(bases), edits)
                who = f"translator{rng.randint(1, 40)}"
                date = f"20{rng.randint(15, 23)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}T120000Z"
                out.write(f'<tu creationid="{who}" creationdate="{date}"><tuv xml:lang="id"><seg>{escape(source)}</seg></tuv>'
                          f'<tuv xml:lang="en"><seg>{escape(target)}</seg></tuv></tu>\n')
                written += 1
            out.write("</body>\n</tmx>\n")
    with open(os.path.join(args.out, "queries.txt"), "w", encoding="utf-8") as out:
        for index in range(args.queries):
            if index % 2 == 0:
                query = mutate(rng.choice(bases), rng.randint(1, 2))[0]
            else:
                query = held_out[(index // 2) % len(held_out)][0]
            out.write(" ".join(query.split()) + "\n")


if __name__ == "__main__":
    main()
