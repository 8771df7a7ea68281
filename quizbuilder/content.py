"""Loading a whole docs directory: loader → schema → model → validate.

Every file is read and checked even when an earlier one failed, so one run reports
every problem in the content.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ContentError, Problem
from .headings import heading_anchors
from .lint import lint, lint_site
from .loader import (
    MAX_BYTES,
    DeferredPositions,
    Document,
    JsonPath,
    Positions,
    decode,
    load_markdown,
    load_yaml_file,
    markdown_document,
    problem,
)
from .model import (
    Article,
    Band,
    Content,
    Customer,
    CustomerKind,
    Dimension,
    FinderQuestion,
    Level,
    Option,
    Question,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
    Source,
)
from .options import Settings
from .schema import SchemaName, validate_schema
from .strings import DEFAULT_GRADED_BANDS
from .validate import validate

if TYPE_CHECKING:
    from .cache import ContentCache

__all__ = [
    "check",
    "display_path",
    "load_article_file",
    "load_content",
    "load_content_and_warnings",
    "load_role_file",
]


def load_content(
    docs_dir: Path, settings: Settings | None = None, *, cache: ContentCache | None = None
) -> Content:
    """Load and validate all quizbuilder content under `docs_dir`, where the plugin's
    options (`settings`, the defaults if none) say it is.

    Raises `ContentError` with every problem found in any file. With a `cache`, files
    that passed their schema before are taken from it instead of parsed again.
    """
    return load_content_and_warnings(docs_dir, settings, cache=cache)[0]


def load_content_and_warnings(
    docs_dir: Path, settings: Settings | None = None, *, cache: ContentCache | None = None
) -> tuple[Content, list[Problem]]:
    """`load_content`, plus the item-writing warnings (`quizbuilder.lint`) of valid content."""
    result = _load(docs_dir, settings or Settings(), cache=cache)
    if result.problems or result.content is None:
        raise ContentError(result.problems)
    return result.content, result.warnings


def check(
    docs_dir: Path, settings: Settings | None = None, *, warnings: bool = False
) -> list[Problem]:
    """Every problem in the content under `docs_dir`, sorted; empty when all is well.

    With `warnings`, the item-writing warnings too (there are some only when there is
    no error): everything the site build refuses.
    """
    result = _load(docs_dir, settings or Settings())
    return sorted([*result.problems, *(result.warnings if warnings else ())])


def display_path(file: Path) -> str:
    """`file` as shown in messages: relative to the working directory when inside it."""
    if file.is_absolute():
        try:
            return str(file.relative_to(Path.cwd()))
        except ValueError:
            return str(file)
    return str(file)


@dataclass
class _Result:
    content: Content | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of objects (a site of 1,000 roles) and frees
    few: the cyclic garbage collector, run every 700 allocations, would walk them over
    and over for nothing. Reference counting still frees whatever is dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def _load(docs_dir: Path, options: Settings, cache: ContentCache | None = None) -> _Result:
    roles_dir, articles_dir, site_file = options.roles_dir, options.articles_dir, options.site_file
    result = _Result()
    positions: dict[str, Positions] = {}

    site_path = docs_dir / site_file
    settings: SiteSettings | None = None
    if not site_path.is_file():
        result.problems.append(
            problem(display_path(site_path), 1, 1, "site file not found", "a quizbuilder.yml file")
        )
    else:
        try:
            document = load_yaml_file(site_path, display_path(site_path))
            positions[document.path] = document.positions
            found = validate_schema(document.data, "site", document.positions, document.path)
            result.problems += found
            if not found:
                settings = settings_model(document)
        except ContentError as error:
            result.problems += error.problems

    role_files = _markdown_files(docs_dir / roles_dir)
    if not role_files:
        result.problems.append(_no_roles(docs_dir / roles_dir, roles_dir))
    roles = _load_pages(
        role_files,
        "role",
        lambda document, file: _role(document, file, f"{roles_dir}/{file.name}"),
        result.problems,
        positions,
        cache,
    )
    articles = _load_pages(
        _markdown_files(docs_dir / articles_dir),
        "article",
        lambda document, file: _article(document, file, f"{articles_dir}/{file.name}"),
        result.problems,
        positions,
        cache,
    )

    result.problems += validate(settings, roles, articles, positions)
    if settings is not None:
        roles.sort(key=lambda role: (role.title.casefold(), role.slug))
        result.content = Content(settings, tuple(roles), tuple(articles))
        if not result.problems:
            result.warnings = (
                lint(roles, positions, settings)
                if cache is None
                else sorted(
                    [
                        *(w for r in roles for w in cache.lint_role(r, positions.get(r.path))),
                        *lint_site(roles, positions, settings),
                    ]
                )
            )
    return result


def source_files(docs_dir: Path, settings: Settings | None = None) -> list[tuple[str, Path]]:
    """Every content file besides the site file, with its kind ("role" or "article"),
    as `load_content` reads them."""
    settings = settings or Settings()
    return [
        *(("role", file) for file in _markdown_files(docs_dir / settings.roles_dir)),
        *(("article", file) for file in _markdown_files(docs_dir / settings.articles_dir)),
    ]


def _no_roles(folder: Path, roles_dir: str) -> Problem:
    """The problem of a roles folder with no role in it, naming the folder looked in:
    a site without roles is a mistake (most often `roles_dir`), never an empty site."""
    what = "no role files (*.md) found" if folder.is_dir() else "folder not found"
    if roles_dir == Settings().roles_dir:
        where = (
            f"roles_dir is {roles_dir!r} by default: set it under the quizbuilder plugin "
            "in mkdocs.yml if the role files are elsewhere"
        )
    else:
        where = f"roles_dir is {roles_dir!r} in the quizbuilder plugin's options"
    return Problem(display_path(folder), 0, 0, "-", what, f"at least one role file; {where}")


def _markdown_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*.md") if path.is_file())


def load_role_file(file: Path, src_uri: str | None = None) -> tuple[Role | None, list[Problem]]:
    """Load one role file and check it against the schema (no cross-file checks).

    Returns the role (None when the schema found problems) and the problems.
    Raises `ContentError` when the file cannot be read or parsed at all.
    """
    document = load_markdown(file, display_path(file))
    found = validate_schema(document.data, "role", document.positions, document.path)
    if found:
        return None, found
    return _role(document, file, src_uri or f"roles/{file.name}"), []


def load_article_file(
    file: Path, src_uri: str | None = None
) -> tuple[Article | None, list[Problem]]:
    """Load one article's front matter and check it against the schema (see `load_role_file`)."""
    document = load_markdown(file, display_path(file))
    found = validate_schema(document.data, "article", document.positions, document.path)
    if found:
        return None, found
    return _article(document, file, src_uri or f"articles/{file.name}"), []


def _article(document: Document, file: Path, src_uri: str) -> Article:
    data = document.data
    return Article(
        slug=file.stem,
        title=data["title"],
        description=data["description"],
        dimensions=tuple(data.get("dimensions", ())),
        src_uri=src_uri,
        path=document.path,
        anchors=heading_anchors(document.body),
    )


def _source(document: Document, path: JsonPath) -> Source:
    line, column = document.positions.value(path)
    return Source(document.path, line, column)


def _role(document: Document, file: Path, src_uri: str) -> Role:
    data = document.data
    customers = tuple(
        Customer(
            who=item["who"],
            kind=item["kind"],
            needs=item.get("needs", ""),
            source=_source(document, ("customers", index)),
        )
        for index, item in enumerate(data["customers"])
    )
    quizzes = tuple(
        _quiz(document, item, ("quizzes", index))
        for index, item in enumerate(data.get("quizzes", ()))
    )
    return Role(
        slug=file.stem,
        title=data["title"],
        summary=data["summary"],
        sector=data["sector"],
        body=document.body,
        body_line=document.body_line,
        path=document.path,
        src_uri=src_uri,
        aliases=tuple(data.get("aliases", ())),
        tags=tuple(data.get("tags", ())),
        customers=customers,
        finder=dict(data.get("finder", {})),
        quizzes=quizzes,
        source=Source(document.path, 1, 1),
    )


def _quiz(document: Document, data: dict[str, Any], path: JsonPath) -> Quiz:
    questions = tuple(
        _question(document, item, (*path, "questions", index))
        for index, item in enumerate(data["questions"])
    )
    return Quiz(
        id=data["id"],
        title=data["title"],
        kind=QuizKind(data["kind"]),
        questions=questions,
        intro=data.get("intro", ""),
        shuffle=data.get("shuffle", True),
        source=_source(document, path),
    )


def _question(document: Document, data: dict[str, Any], path: JsonPath) -> Question:
    options = tuple(
        Option(
            text=item["text"],
            correct=item.get("correct", False),
            points=dict(item.get("points", {})),
            pin=item.get("pin", False),
            source=_source(document, (*path, "options", index)),
        )
        for index, item in enumerate(data.get("options", ()))
    )
    return Question(
        id=data["id"],
        type=QuestionType(data["type"]),
        text=data["text"],
        options=options,
        explanation=data.get("explanation", ""),
        dimension=data.get("dimension"),
        reverse=data.get("reverse", False),
        shuffle=data.get("shuffle"),
        learn_more=data.get("learn_more", ""),
        source=_source(document, path),
    )


_Built = TypeVar("_Built")


def _load_pages(
    files: Iterable[Path],
    schema: SchemaName,
    build: Callable[[Document, Path], _Built],
    problems: list[Problem],
    positions: dict[str, Positions],
    cache: ContentCache | None = None,
) -> list[_Built]:
    """Load Markdown files of one kind; those that pass their schema become models."""
    built: list[_Built] = []
    for file in files:
        display = display_path(file)
        raw = _raw(file) if cache is not None else None
        key = cache.file_key(schema, display, raw) if cache is not None and raw else None
        hit = cache.loaded(key) if cache is not None and key is not None else None
        if hit is not None and raw is not None:
            path, model = hit
            positions[path] = _positions_of(raw, display)
            built.append(model)
            continue
        try:
            # From the bytes the key was made of: a file saved meanwhile is not stored
            # under the old key.
            if raw is not None:
                document = markdown_document(decode(raw, display), display)
            else:
                document = load_markdown(file, display)
        except ContentError as error:
            problems += error.problems
            continue
        positions[document.path] = document.positions
        found = validate_schema(document.data, schema, document.positions, document.path)
        problems += found
        if not found:
            model = build(document, file)
            if cache is not None and key is not None:
                cache.store_loaded(key, document.path, model)
            built.append(model)
    return built


def _positions_of(raw: bytes, display: str) -> Positions:
    """The positions of a file taken from the cache, parsed again only if asked for."""
    return DeferredPositions(lambda: markdown_document(decode(raw, display), display).positions)


def _raw(file: Path) -> bytes | None:
    """The file's bytes for the cache, or None (too large, unreadable: the loader says why)."""
    try:
        return file.read_bytes() if file.stat().st_size <= MAX_BYTES else None
    except OSError:
        return None


def _bands(document: Document, name: str, items: Iterable[dict[str, Any]]) -> tuple[Band, ...]:
    return tuple(
        Band(
            id=item["id"],
            label=item["label"],
            min=item["min"],
            max=item["max"],
            message=item["message"],
            source=_source(document, (name, index)),
        )
        for index, item in enumerate(items)
    )


def settings_model(document: Document) -> SiteSettings:
    """The `SiteSettings` of a loaded, schema-valid site file."""
    data = document.data
    return SiteSettings(
        customer_kinds=tuple(
            CustomerKind(id=item["id"], name=item["name"], summary=item.get("summary", ""))
            for item in data["customer_kinds"]
        ),
        dimensions=tuple(
            Dimension(
                id=item["id"],
                name=item["name"],
                summary=item["summary"],
                description=item.get("description", ""),
                levels={
                    band: Level(meaning=level["meaning"], habit=level["habit"])
                    for band, level in item.get("levels", {}).items()
                },
                source=_source(document, ("dimensions", index)),
            )
            for index, item in enumerate(data["dimensions"])
        ),
        bands=_bands(document, "bands", data["bands"]),
        graded_bands=_bands(
            document, "graded_bands", data.get("graded_bands", DEFAULT_GRADED_BANDS)
        ),
        scale_labels=tuple(data["scale"]["labels"]),
        finder_questions=tuple(
            FinderQuestion(
                id=item["id"],
                text=item["text"],
                options=tuple(item["options"]),
                kind=item.get("kind"),
                source=_source(document, ("finder", "questions", index)),
            )
            for index, item in enumerate(data.get("finder", {}).get("questions", ()))
        ),
        sectors=tuple(data.get("sectors", ())),
        path=document.path,
    )
