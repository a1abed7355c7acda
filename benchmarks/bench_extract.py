"""Throughput and memory of text extraction: `python -m benchmarks.bench_extract [--corpus mixed|seed]`.

The `mixed` corpus is the seed article (`../shared/seed/article.txt`), the demo article and the
devset articles and sentences, repeated; `seed` is the seed article alone, repeated (the corpus of
the NLP notes: 68 copies, 2,788 sentences, 233 sentences/s for the full pipeline in one process).
Sentences are counted once with a full spaCy parse of every paragraph (the unit the notes used).
Each configuration runs in a fresh process; the table shows wall time, CPU time (parent + workers),
sentences/s on wall time and per CPU-second, and peak RSS (parent, largest worker); with `--runs N`
the fastest of N runs. The load average is printed first: on a shared machine, wall times are only
comparable at low load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
BATCH = 16


def corpus(name: str) -> list[tuple[str, str | None]]:
    """(text, published) of one copy of the corpus."""
    from evaluation.score import load_items

    docs: list[tuple[str, str | None]] = []
    if SEED.exists():
        docs.append((SEED.read_text(encoding="utf-8"), "2023-08-17"))
    if name == "seed":
        return docs
    meta = json.loads((ROOT / "api" / "demo" / "article.json").read_text(encoding="utf-8"))
    docs.append(((ROOT / "api" / "demo" / "article.txt").read_text(encoding="utf-8"), meta["published"]))
    items = load_items()
    docs += [(i["text"], i.get("published")) for i in items if i["kind"] == "article"]
    sentences = [i["text"] for i in items if i["kind"] != "article"]
    docs += [("\n\n".join(sentences[k: k + 8]), None) for k in range(0, len(sentences), 8)]
    return docs


def count_sentences(docs: list[tuple[str, str | None]]) -> int:
    """Sentences in the corpus by the full pipeline's parser, paragraph by paragraph."""
    from loaders.text.document import Document
    from loaders.text.nlp import parse

    paragraphs = [p.text for text, _ in docs for p in Document(text).paragraphs()]
    return sum(len(list(doc.sents)) for doc in parse(paragraphs))


def run(processes: int, repeat: int, name: str) -> dict:
    """One measurement (in this process).

    `processes=0` is the notes' baseline: the stock pipeline over every paragraph (`nlp.pipe`, batch
    size 64), no extraction.
    """
    from loaders.text.document import Document, parse_published
    from loaders.text.extract import extract_batches
    from loaders.text.nlp import MODEL, load

    once = corpus(name)
    sentences = count_sentences(once) * repeat
    documents = [Document(text, published=parse_published(pub)) for _ in range(repeat) for text, pub in once]
    if processes == 0:
        import spacy

        stock = spacy.load(MODEL)
        paragraphs = [p.text for d in documents for p in d.paragraphs()]
    else:
        load()
    batches = [documents[i: i + BATCH] for i in range(0, len(documents), BATCH)]
    cpu0 = os.times()
    start = time.perf_counter()
    if processes == 0:
        events = 0
        for _ in stock.pipe(paragraphs, batch_size=64):
            pass
    else:
        events = sum(len(e) for batch in extract_batches(batches, processes) for e in batch)
    wall = time.perf_counter() - start
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system) + (cpu1.children_user - cpu0.children_user) + (
        cpu1.children_system - cpu0.children_system)
    return {"processes": processes, "documents": len(documents), "sentences": sentences, "events": events,
            "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "sentences_per_s": round(sentences / wall),
            "rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}


def main() -> int:
    """Run each configuration in a fresh interpreter and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["mixed", "seed"], default="mixed")
    parser.add_argument("--repeat", type=int, default=0, help="copies of the corpus (default: 20 mixed, 68 seed)")
    parser.add_argument("--processes", type=int, nargs="*", default=[0, 1, 2],
                        help="0 = baseline (stock pipeline, every paragraph, no extraction)")
    parser.add_argument("--runs", type=int, default=1, help="runs per configuration; the fastest is shown")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    repeat = args.repeat or (68 if args.corpus == "seed" else 20)
    if args.child:
        print(json.dumps(run(args.processes[0], repeat, args.corpus)))
        return 0
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'procs':>5} {'docs':>5} {'sents':>6} {'events':>6} {'wall s':>7} {'cpu s':>7} {'sents/s':>8} "
          f"{'sents/cpu-s':>11} {'RSS MiB':>8} {'worker RSS':>10}")
    for n in args.processes:
        command = [sys.executable, "-m", "benchmarks.bench_extract", "--child", "--corpus", args.corpus,
                   "--repeat", str(repeat), "--processes", str(n)]
        runs = [json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
                           .stdout.strip().splitlines()[-1]) for _ in range(max(1, args.runs))]
        r = min(runs, key=lambda x: x["wall_s"])
        print(f"{r['processes']:5d} {r['documents']:5d} {r['sentences']:6d} {r['events']:6d} {r['wall_s']:7.2f} "
              f"{r['cpu_s']:7.2f} {r['sentences_per_s']:8d} {round(r['sentences'] / r['cpu_s']):11d} "
              f"{r['rss_mib']:8d} {r['worker_rss_mib']:10d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
