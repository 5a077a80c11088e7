"""``marsad train``: rebuild the shipped models from the public gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import click

DATA_HELP = "The shared data folder (holds conll2003_en/, anercorp/, wikifane_ar/, plover_gsr_*)."


@click.group("train")
def train_group() -> None:
    """Rebuild the shipped models (NER per language, event-type heads) from public data.

    Ingest and `make test` never train: the package ships the models. Training reads only
    the train and tune parts of the fixed split (`marsad.eval.split`); held-out parts stay
    unread. Needs the `dev` extra (scikit-learn) for the event heads.
    """


@train_group.command("ner")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "ar"]), required=True)
@click.option("--epochs", type=int, default=None, help="Passes over the training data.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the model (default: inside the package, replacing the shipped one).",
)
@click.option(
    "--with-tune",
    is_flag=True,
    help="Also train on the tune part, for exactly --epochs passes (the shipped Arabic model).",
)
def train_ner_command(
    data_dir: Path, lang: str, epochs: int | None, out: Path | None, with_tune: bool
) -> None:
    """Train the NER model of LANG on DATA_DIR; keeps the best epoch on the tune part."""
    from marsad.train.ner import EPOCHS, NerConfig, train_ner

    config = NerConfig(lang=lang, epochs=epochs or EPOCHS[lang], include_tune=with_tune)
    report = train_ner(data_dir, config, out=out, progress=click.echo)
    click.echo(f"best tune F1 {report['best_tune_f1']}")


@train_group.command("events")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the weights (default: inside the package).",
)
def train_events_command(data_dir: Path, out: Path | None) -> None:
    """Train the event-type heads on the tune parts of the PLOVER gold in DATA_DIR."""
    from marsad.train.events import train_events

    meta = train_events(data_dir, out=out, progress=click.echo)
    click.echo(json.dumps(meta, indent=2))


@train_group.command("stories")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (default: inside the package).",
)
def train_stories_command(out: Path | None) -> None:
    """Fit the same-story pair model and its floors on the tuning part of the dev set of
    real reports (tests/stories/data/news_dev.jsonl); the held-out part is never read."""
    from marsad.train.stories import train_stories

    click.echo(json.dumps(train_stories(out=out, progress=click.echo), indent=2))
