"""Human-readable output of reports, digests and articles."""

from __future__ import annotations

import click

from marsad.entities.views import EntityPage, EntityView
from marsad.ops import Digest, IngestReport
from marsad.types import Article


def ingest_summary(report: IngestReport) -> str:
    lines = [
        f"read {report.read} article(s): {report.new} new, {report.known} already stored, "
        f"{report.copies} copies of stored articles; {len(report.skipped)} input(s) skipped"
    ]
    for problem in report.skipped[:50]:
        lines.append(f"  skipped {problem.source}: {problem.reason}")
    if len(report.skipped) > 50:
        lines.append(f"  … and {len(report.skipped) - 50} more")
    return "\n".join(lines)


def digest_text(d: Digest) -> str:
    out = [click.style(f"{d.articles} article(s) in the store", bold=True)]
    if d.copies:
        out[0] += f" ({d.copies} copies of others)"
    out.append("by language: " + _counts(d.by_lang))
    out.append("by outlet:   " + _wrapped(_top(d.by_outlet, TOP_OUTLETS), "by outlet:   "))
    days = sorted(d.published.items())
    dated = ", ".join(f"{day} ({n})" for day, n in days[-TOP_OUTLETS:]) or "none"
    if len(days) > TOP_OUTLETS:
        earlier = days[:-TOP_OUTLETS]
        dated = f"{len(earlier)} earlier days ({sum(n for _, n in earlier)} articles) … " + dated
    out.append("published:   " + _wrapped(f"{dated}; undated: {d.undated}", "published:   "))
    out.append(
        f"dates found in text: {d.date_mentions} ({d.relative_dates} relative or unresolved)"
    )
    cleaned = ", ".join(
        f"{kind} ×{n} ({d.removed_chars[kind]} chars)" for kind, n in d.removed.most_common()
    )
    out.append(f"cleaned away: {cleaned or 'nothing'}")
    if d.stories:
        multi = d.multilingual_stories
        out.append(f"stories:     {d.stories} ({multi} in more than one language)")
    if d.events or d.quotes:
        by_type = _counts(dict(d.events.most_common()))
        out.append(f"events:      {sum(d.events.values())} ({by_type})")
        out.append(f"quotes:      {d.quotes}")
    out.append("")
    for a in d.rows:
        out.append(
            f"{a.id}  {a.lang or '?':2}  {a.published or 'undated':10}  "
            f"{(a.outlet or '?')[:14]:14}  {a.title or _first_words(a.text)}"
        )
    return "\n".join(out)


def article_text(a: Article) -> str:
    fields = [
        ("id", a.id),
        ("source", a.source),
        ("url", a.url),
        ("lang", a.lang),
        ("title", a.title),
        ("outlet", a.outlet),
        ("byline", a.byline),
        ("dateline", a.dateline_place),
        ("published", a.published),
        ("duplicate of", a.duplicate_of),
        ("story", a.story_id),
        ("sentences", str(len(a.sentences))),
    ]
    head = "\n".join(f"{k:>12}: {v}" for k, v in fields if v)
    dates = "\n".join(
        f"{'':>12}  {a.text[d.start : d.end]!r} → {d.value or d.relative}" for d in a.dates
    )
    removed = "\n".join(f"{'':>12}  [{r.kind}] {_first_words(r.text, 12)}" for r in a.removed)
    parts = [head]
    if a.mentions:
        names = sorted({m.name or a.text[m.start : m.end] for m in a.mentions})
        parts.append(f"{'names':>12}: {' · '.join(names[:30])}")
    for q in a.quotes[:20]:
        said = _first_words(a.text[q.start : q.end], 14)
        parts.append(f"{'said':>12}: {q.speaker or '(speaker not given)'}: {said}")
    for e in a.events[:20]:
        who = f"{e.source or '?'} → {e.target or '?'}"
        parts.append(
            f"{'event':>12}: {e.type}{'/' + e.mode if e.mode else ''} {who} {e.date or ''}"
        )
    if dates:
        parts.append(f"{'dates':>12}:\n{dates}")
    if removed:
        parts.append(f"{'cleaned away':>12}:\n{removed}")
    parts.append("─" * 60)
    parts.append(a.text)
    return "\n".join(parts)


TOP_OUTLETS = 12  # a real store has a hundred outlets or more: the most frequent, then a count
WIDTH = 88


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def _top(counts: dict[str, int], n: int) -> str:
    """The ``n`` largest counts, then how many more there are and what they hold."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{k} {v}" for k, v in ranked[:n]) or "none"
    rest = ranked[n:]
    if rest:
        shown += f" … and {len(rest)} more ({sum(v for _, v in rest)} articles)"
    return shown


def _wrapped(text: str, prefix: str) -> str:
    """``text`` wrapped at ``WIDTH``, continuation lines indented under the first."""
    import textwrap

    lines = textwrap.wrap(text, WIDTH - len(prefix), break_long_words=False)
    return ("\n" + " " * len(prefix)).join(lines)


def _first_words(text: str, n: int = 10) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def entity_table(views: list[EntityView]) -> str:
    if not views:
        return "no entities match"
    lines = [f"{'id':26} {'type':4} {'mentions':>8} {'articles':>8}  name · also"]
    for v in views:
        also = [n for n in v.seen_as if n != v.name][:6]
        lines.append(
            f"{v.id:26} {v.label:4} {v.mentions:8} {v.articles:8}  {v.name}"
            + (f" · {' · '.join(also)}" if also else "")
        )
    return "\n".join(lines)


def entity_text(page: EntityPage) -> str:
    v = page.entity
    out = [click.style(f"{v.name}  [{v.label}, {v.id}, {v.origin}]", bold=True)]
    for lang, names in sorted(v.names.items()):
        out.append(f"  {lang}: {' · '.join(names)}")
    out.append(f"  seen as: {' · '.join(v.seen_as)}")
    if v.kb is not None and v.kb.lat is not None:
        out.append(f"  at {v.kb.lat:.3f}, {v.kb.lon:.3f} ({v.kb.country or '?'})")
    out.append(f"\n{v.mentions} mention(s) in {v.articles} article(s):")
    for article_id, mentions in page.mentions_by_article.items():
        spans = ", ".join(f"{m.surface!r}@{m.start}" for m in mentions[:8])
        out.append(f"  {article_id}  {page.titles.get(article_id, '')}\n      {spans}")
    if page.co_mentioned:
        out.append("\nnamed in the same articles:")
        out.extend(f"  {n:3}× {name}  ({eid})" for eid, name, n in page.co_mentioned)
    return "\n".join(out)


def event_line(row: dict[str, object]) -> str:
    def show(v: object) -> str:
        return "?" if v in (None, "") else str(v)

    head = f"{show(row['event_date']):10}  {row['event_type']}"
    if row["mode"]:
        head += f"/{row['mode']}"
    if row["aux"]:
        head += f" [{row['aux']}]"
    who = f"{show(row['actor1'])} → {show(row['actor2'])}"
    where = f" @ {row['location']}" if row["location"] else ""
    return f"{head}  {who}{where}\n    {str(row['evidence'])[:160]}  ({row['article_id']})"
