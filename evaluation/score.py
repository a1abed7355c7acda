"""Score the text extractor on the labelled development set: `python -m evaluation.score`.

An event counts as one tuple per unordered pair of its actors: (pair, PLOVER type, status). Gold
events marked `optional` are neither missed when absent nor wrong when found (hypotheticals that may
be dropped, for instance). Date, place and mode accuracy are computed on matched tuples whose gold
event states them. Items of kind `gsr` take their sentence from the PLOVER gold-standard records in
`../shared/data/plover/PLOVER_GSR_CAMEO.txt` (not copied into the repository).

The devset has two splits: `dev`, used while writing the rules, and `test`, written before any
tuning and only ever scored.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from graph.model import ActorRef, Event, Kind, normalize_name
from loaders.text.document import Document, parse_published
from loaders.text.extract import extract_documents
from loaders.text.geo import country_of_name
from loaders.text.lexicon import ORGANISATIONS

DEVSET = Path(__file__).with_name("devset.jsonl")
SHARED = Path(os.environ.get("DIPGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"

Key = tuple[frozenset[str], str, str]


@dataclass
class Tally:
    """Counts for one split."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_occ: int = 0
    fp_occ: int = 0
    fn_occ: int = 0
    date: list[bool] = field(default_factory=list)
    place: list[bool] = field(default_factory=list)
    mode: list[bool] = field(default_factory=list)
    items: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_items(path: Path = DEVSET) -> list[dict]:
    """Devset items with their text filled in (GSR items skipped when the shared file is missing)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gsr = {}
    if GSR.exists():
        gsr = {r["id"]: r for r in json.loads(GSR.read_text(encoding="utf-8"))}
    out = []
    for item in items:
        if item["kind"] == "gsr":
            record = gsr.get(item["gsr"])
            if record is None:
                continue
            item = {**item, "text": record["text"].strip().strip("{}").strip()}
        out.append(item)
    return out


def _alternatives(gold: str) -> list[str]:
    return [g.strip() for g in gold.split("|")]


def _matches(pred: ActorRef, gold: str) -> bool:
    names = {normalize_name(n) for n in [pred.name or "", *pred.aliases]}
    for alt in _alternatives(gold):
        key = normalize_name(alt)
        if key in names:
            return True
        if pred.kind == Kind.state and pred.country and country_of_name(alt) == pred.country:
            return True
        if pred.kind == Kind.organisation and key in ORGANISATIONS and normalize_name(ORGANISATIONS[key][0]) in names:
            return True
        if pred.kind == Kind.person:
            gold_tokens, pred_tokens = set(key.split()), set(normalize_name(pred.name or "").split())
            if pred_tokens and (pred_tokens <= gold_tokens or gold_tokens <= pred_tokens):
                return True
    return False


def _actor_id(pred: ActorRef, golds: list[str]) -> str:
    for gold in golds:
        if _matches(pred, gold):
            return normalize_name(_alternatives(gold)[0])
    return "?" + normalize_name(pred.name or "")


def _keys(actors: list[str], etype: str, status: str) -> list[Key]:
    unique = sorted(set(actors))
    return [(frozenset(pair), etype, status) for pair in combinations(unique, 2)]


def score_item(item: dict, events: list[Event], tally: Tally) -> None:
    """Add one item's comparison to the tally."""
    gold_names = [g for e in item["events"] for g in e["actors"]]
    required: dict[Key, dict] = {}
    optional: set[Key] = set()
    for e in item["events"]:
        for k in _keys([normalize_name(_alternatives(a)[0]) for a in e["actors"]], e["type"], e["status"]):
            if e.get("optional"):
                optional.add(k)
            else:
                required.setdefault(k, e)
    predicted: dict[Key, list[Event]] = defaultdict(list)
    for ev in events:
        for k in _keys([_actor_id(a, gold_names) for a in ev.actors], ev.type, ev.status.value):
            predicted[k].append(ev)
    for k, gold in required.items():
        occurred = k[2] == "occurred"
        if k in predicted:
            tally.tp += 1
            tally.tp_occ += occurred
            preds = predicted[k]
            if "date" in gold:
                tally.date.append(any(p.date == gold["date"] for p in preds))
            if "place" in gold:
                tally.place.append(any(_place_ok(p, gold["place"]) for p in preds))
            if "mode" in gold or gold["type"] == "CONSULT":
                mode = gold.get("mode")
                tally.mode.append(any(p.mode == mode or (mode is None and p.mode == "third-party") for p in preds))
            _note_attrs(item, gold, preds, tally)
        else:
            tally.fn += 1
            tally.fn_occ += occurred
            tally.errors.append(f"{item['id']}: MISSED {sorted(k[0])} {k[1]} {k[2]}")
    for k, preds in predicted.items():
        if k not in required and k not in optional:
            tally.fp += 1
            tally.fp_occ += k[2] == "occurred"
            tally.errors.append(f"{item['id']}: WRONG  {sorted(k[0])} {k[1]} {k[2]} ← {preds[0].source.sentence}")
    tally.items += 1


def _note_attrs(item: dict, gold: dict, preds: list[Event], tally: Tally) -> None:
    p = preds[0]
    if "date" in gold and not any(x.date == gold["date"] for x in preds):
        tally.errors.append(f"{item['id']}: DATE   {gold['actors']} gold={gold['date']} got={p.date}")
    if "place" in gold and not any(_place_ok(x, gold["place"]) for x in preds):
        tally.errors.append(f"{item['id']}: PLACE  {gold['actors']} gold={gold['place']} "
                            f"got={p.location.name if p.location else None}")


def _place_ok(event: Event, gold: str | None) -> bool:
    if gold is None:
        return event.location is None
    if event.location is None:
        return False
    got = normalize_name(event.location.name)
    return any(got == normalize_name(alt) for alt in _alternatives(gold))


def evaluate(split: str, items: list[dict]) -> Tally:
    """Run the extractor over a split and tally the comparison."""
    chosen = [i for i in items if split == "all" or i["split"] == split]
    documents = [Document(i["text"], url=i.get("url"), title=i.get("title"),
                          published=parse_published(i.get("published"))) for i in chosen]
    tally = Tally()
    for item, events in zip(chosen, extract_documents(documents), strict=True):
        score_item(item, events, tally)
    return tally


def _pct(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):5.1f}% ({sum(values)}/{len(values)})" if values else "   n/a"


def table(results: dict[str, Tally]) -> str:
    """The score table."""
    lines = [f"{'split':6} {'items':>5} {'P':>6} {'R':>6} {'F1':>6} | {'P occ':>6} {'R occ':>6} {'F1 occ':>6} | "
             f"{'date acc':>16} {'place acc':>16} {'mode acc':>16}"]
    for split, t in results.items():
        p, r, f = Tally.prf(t.tp, t.fp, t.fn)
        po, ro, fo = Tally.prf(t.tp_occ, t.fp_occ, t.fn_occ)
        lines.append(f"{split:6} {t.items:5d} {p:6.3f} {r:6.3f} {f:6.3f} | {po:6.3f} {ro:6.3f} {fo:6.3f} | "
                     f"{_pct(t.date):>16} {_pct(t.place):>16} {_pct(t.mode):>16}")
        lines.append(f"{'':12} tp={t.tp} fp={t.fp} fn={t.fn} (occurred: tp={t.tp_occ} fp={t.fp_occ} fn={t.fn_occ})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table; `--errors` lists what went wrong (use it on the dev split only)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "both", "all"], default="both")
    parser.add_argument("--errors", action="store_true", help="list misses and wrong events")
    args = parser.parse_args(argv)
    items = load_items()
    if not GSR.exists():
        print(f"note: {GSR} not found; PLOVER gold-standard items skipped", file=sys.stderr)
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    results = {s: evaluate(s, items) for s in splits}
    print(table(results))
    if args.errors:
        for split, t in results.items():
            print(f"\n# {split}")
            print("\n".join(t.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
