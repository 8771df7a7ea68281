"""Synthetic but valid role files, for the build benchmark and for scale tests.

Every generated role follows the authoring format: an article of about 500 words,
a graded quiz of 8 questions and a profile quiz of 12 questions. The site file's
dimension and finder ids are read from the site file given, so the generator
follows the content model instead of hard-coding it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

WORDS = [
    "customer",
    "colleague",
    "service",
    "queue",
    "ticket",
    "follow-up",
    "promise",
    "answer",
    "question",
    "team",
    "handover",
    "patience",
    "listen",
    "explain",
    "notice",
    "calm",
    "owner",
    "detail",
    "record",
    "request",
    "schedule",
    "visit",
    "counter",
    "desk",
    "call",
    "message",
    "reply",
    "update",
    "problem",
    "solution",
    "care",
    "trust",
    "clear",
    "simple",
    "honest",
    "steady",
    "quick",
    "small",
    "next",
    "shared",
    "public",
    "internal",
    "external",
    "partner",
    "office",
    "shift",
    "morning",
    "evening",
    "week",
    "report",
    "note",
    "check",
    "plan",
]


@dataclass(frozen=True)
class SiteIds:
    dimensions: tuple[str, ...]
    finder: tuple[str, ...]
    kinds: tuple[str, ...]
    sectors: tuple[str, ...] = ()
    """The site file's sectors; empty when it lists none (any sector is accepted)."""
    kind_traits: tuple[str, ...] = ()
    """The finder questions that are evidence for a customer kind."""


def site_ids(site_file: Path) -> SiteIds:
    data = yaml.safe_load(site_file.read_text(encoding="utf-8"))
    questions = data.get("finder", {}).get("questions", [])
    return SiteIds(
        dimensions=tuple(d["id"] for d in data["dimensions"]),
        finder=tuple(q["id"] for q in questions),
        kinds=tuple(k["id"] for k in data["customer_kinds"]),
        sectors=tuple(data.get("sectors", ())),
        kind_traits=tuple(q["id"] for q in questions if q.get("kind")),
    )


def article(rng: random.Random, words: int = 500) -> str:
    """About `words` words of Markdown in short paragraphs under a few headings."""
    paragraphs: list[str] = []
    written = 0
    section = 0
    while written < words:
        if written % 160 < 60 and written // 160 >= section:
            section += 1
            paragraphs.append(f"## Part {section}")
        sentence_count = rng.randint(3, 5)
        sentences = []
        for _ in range(sentence_count):
            n = rng.randint(8, 14)
            sentence = " ".join(rng.choice(WORDS) for _ in range(n))
            sentences.append(sentence.capitalize() + ".")
            written += n
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _graded(slug: str, rng: random.Random) -> list[str]:
    lines = [
        f"  - id: {slug}-graded",
        f"    title: Graded quiz for {slug}",
        "    kind: graded",
        "    questions:",
    ]
    for q in range(8):
        correct = rng.randrange(3)
        lines += [
            f"      - id: g{q + 1}",
            "        type: single",
            f"        text: Which answer fits situation {q + 1}?",
            "        options:",
        ]
        for o in range(3):
            lines.append(f"          - text: Option {o + 1} for situation {q + 1}")
            if o == correct:
                lines.append("            correct: true")
        lines.append(f"        explanation: Option {correct + 1} keeps the customer informed.")
    return lines


def _profile(slug: str, ids: SiteIds, rng: random.Random) -> list[str]:
    lines = [
        f"  - id: {slug}-profile",
        f"    title: Profile for {slug}",
        "    kind: profile",
        "    questions:",
    ]
    for q in range(12):
        dimension = ids.dimensions[q % len(ids.dimensions)]
        if q % 3 == 2:
            other = ids.dimensions[(q + 1) % len(ids.dimensions)]
            # The best answer is not always the longest, as the item-writing rules ask
            # (`quizbuilder check` warns otherwise, as it would on a real site).
            texts = ["Wait and see", "Ask a colleague", "Take it on and report back"]
            best = (q // 3) % len(texts)
            texts[best], texts[-1] = texts[-1], texts[best]
            lines += [
                f"      - id: p{q + 1}",
                "        type: single",
                f"        text: What do you do in case {q + 1}?",
                "        options:",
                f"          - text: {texts[0]}",
                "            points: {}",
                f"          - text: {texts[1]}",
                f"            points: {{{other}: 2}}",
                f"          - text: {texts[2]}",
                f"            points: {{{dimension}: 3, {other}: 1}}",
            ]
        else:
            lines += [
                f"      - id: p{q + 1}",
                "        type: scale",
                f"        text: Statement {q + 1} about {dimension}.",
                f"        dimension: {dimension}",
            ]
            if rng.random() < 0.3:
                lines.append("        reverse: true")
    return lines


def role_file(index: int, ids: SiteIds, seed: int = 0) -> tuple[str, str, str]:
    """Return (slug, full role file text, article body) for role number `index`."""
    rng = random.Random(seed * 100_003 + index)
    slug = f"synthetic-role-{index:05d}"
    body = article(rng)
    lines = [
        "---",
        f"title: Synthetic Role {index:05d}",
        f"summary: A generated role number {index} used to measure build time.",
        "sector: "
        + json.dumps(
            ids.sectors[index % len(ids.sectors)] if ids.sectors else f"Sector {index % 7}"
        ),
        f"aliases: [Generated job {index}, Test title {index}]",
        f"tags: [synthetic, group-{index % 5}]",
        "customers:",
    ]
    for kind in ids.kinds:
        lines += [f"  - who: {kind.capitalize()} people of role {index}", f"    kind: {kind}"]
    if ids.finder:
        values = {trait: rng.randrange(5) for trait in ids.finder}
        # A role with customers serves someone: answers that point at no kind of customer
        # would tell another story than its page (`quizbuilder check` warns).
        if ids.kind_traits and not any(values[trait] for trait in ids.kind_traits):
            values[ids.kind_traits[0]] = 1
        lines.append("finder:")
        lines += [f"  {trait}: {value}" for trait, value in values.items()]
    lines.append("quizzes:")
    lines += _graded(slug, rng)
    lines += _profile(slug, ids, rng)
    lines += ["---", ""]
    return slug, "\n".join(lines) + body, body


def write_roles(roles_dir: Path, count: int, ids: SiteIds, seed: int = 0) -> list[str]:
    """Write `count` role files into `roles_dir`; return their slugs."""
    roles_dir.mkdir(parents=True, exist_ok=True)
    slugs = []
    for i in range(count):
        slug, text, _ = role_file(i, ids, seed)
        (roles_dir / f"{slug}.md").write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs
