"""The quizbuilder plugin's options, defined once.

`Settings` lists every option of `plugins: - quizbuilder: {...}` in `mkdocs.yml`: its
name, type, default and what it does (`doc`). Everything else is made from it: the
plugin's MkDocs config class (`plugin.py`), the options `quizbuilder generate`,
`finish`, `check`, `build` and `serve` read from `mkdocs.yml` (`settings_from_config`),
and the table of options in README.md (`options_table`, held to it by a test).

Plain Python: only `plugin.py` imports MkDocs.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PLUGIN_NAME = "quizbuilder"


def _option(default: Any, doc: str) -> Any:
    """A field of `Settings`: its default, and `doc`, what the option does (the README's
    table and the plugin's config read it)."""
    if isinstance(default, dict):
        return field(default_factory=dict, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Settings:
    """The plugin's options (`plugins: - quizbuilder: {...}` in `mkdocs.yml`).

    Each field is one option; its type says what `mkdocs.yml` may give (`bool`,
    `str`, `str | None`, `Mapping[str, str]`) and its `doc` what it does.
    """

    enabled: bool = _option(
        True,
        "`false` turns the plugin off: role files are built as plain pages, and `build` "
        "and `generate` check no content (`check` still does).",
    )
    roles_dir: str = _option(
        "roles", "Folder of role files, relative to `docs_dir`; it must hold at least one."
    )
    articles_dir: str = _option(
        "articles",
        "Folder of articles whose front matter names dimensions, relative to `docs_dir`.",
    )
    site_file: str = _option(
        "quizbuilder.yml",
        "The site file (customer kinds, dimensions, bands, scale, finder), relative to `docs_dir`.",
    )
    storage_namespace: str | None = _option(
        None, "Browser storage namespace of quiz results; none: `site_url`'s host and path."
    )
    strings: Mapping[str, str] = _option(
        {}, "Overrides for the engine's and the pages' texts, by key."
    )
    cache: bool = _option(
        True,
        "Keep loaded roles and rendered role pages between builds and `generate` runs "
        "(`check` never caches).",
    )
    cache_dir: str = _option(
        ".cache/quizbuilder", "Folder of the cache, relative to the folder of `mkdocs.yml`."
    )
    headers: bool = _option(
        True,
        "Write `_headers` (Content-Security-Policy and other security headers) into the "
        "built site, and refuse the build if a page would break under the policy.",
    )
    csp_meta: bool = _option(
        False,
        "Also put the policy into every page as `<meta http-equiv>`, for hosts that cannot "
        "set headers (without `frame-ancestors`, which browsers ignore there).",
    )


@dataclass(frozen=True)
class Option:
    """One option as the plugin's config and the README describe it."""

    name: str
    kind: type
    """`bool` or `str`, the type of the value (of each value, for a mapping)."""
    optional: bool
    """None is allowed (and is the default)."""
    mapping: bool
    """A mapping of texts by key (`strings`)."""
    default: Any
    doc: str

    @property
    def expected(self) -> str:
        """What a value must be, in the words of error messages."""
        if self.mapping:
            return "a mapping of texts"
        return "true or false" if self.kind is bool else "a string"

    @property
    def type_name(self) -> str:
        """The type as the README's table writes it."""
        if self.mapping:
            return "mapping of text"
        name = "bool" if self.kind is bool else "text"
        return f"{name} or null" if self.optional else name

    def check(self, value: Any) -> bool:
        """Whether `value` is what this option accepts, as MkDocs' validators decide:
        None (`roles_dir:` with no value) is the default, but for a mapping."""
        if value is None:
            return not self.mapping
        if self.mapping:
            return isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, self.kind) for k, v in value.items()
            )
        return isinstance(value, self.kind)


def _options() -> tuple[Option, ...]:
    """Every option, in the order `Settings` defines them."""
    hints = typing.get_type_hints(Settings)
    defaults = Settings()
    found = []
    for item in dataclasses.fields(Settings):
        hint = hints[item.name]
        args = typing.get_args(hint)
        optional = isinstance(hint, types.UnionType) and type(None) in args
        mapping = typing.get_origin(hint) is Mapping
        if optional:
            (kind,) = (arg for arg in args if arg is not type(None))
        elif mapping:
            kind = args[1]
        else:
            kind = hint
        if kind not in (bool, str):  # pragma: no cover - a new kind of option needs code
            raise TypeError(f"Settings.{item.name}: unsupported option type {hint!r}")
        found.append(
            Option(
                item.name,
                kind,
                optional,
                mapping,
                getattr(defaults, item.name),
                item.metadata["doc"],
            )
        )
    return tuple(found)


OPTIONS = _options()
"""Every option of the plugin, in the order `Settings` defines them."""


class ConfigError(Exception):
    """The quizbuilder options in a site config are not what the plugin accepts.

    Carries every problem found, one line each (`plugins.quizbuilder.<key>: ...`).
    """

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


def plugin_options(config: Mapping[str, Any]) -> Any:
    """The quizbuilder entry of `config["plugins"]` as written: its options, `{}` when
    it is listed without options, None when it is not listed."""
    found: Any = None
    plugins = config.get("plugins")
    entries = plugins if isinstance(plugins, list) else [plugins] if plugins else []
    for entry in entries:
        if entry == PLUGIN_NAME:
            found = {}
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            found = entry[PLUGIN_NAME] or {}
    return found


def settings_from_config(config: Mapping[str, Any]) -> Settings:
    """The quizbuilder options from a parsed `mkdocs.yml`, checked as the plugin checks
    them: the defaults when the plugin is not listed (a host that runs no plugins).

    `ConfigError` names every option that is wrong and what was expected.
    """
    found = plugin_options(config)
    if found is None:
        return Settings()
    if not isinstance(found, dict):
        raise ConfigError([f"plugins.{PLUGIN_NAME}: expected a mapping of options"])
    return settings_from_options(found)


def settings_from_options(values: Mapping[str, Any]) -> Settings:
    """`Settings` from the plugin's options as written (`{"roles_dir": "jobs"}`), every
    value checked against its option's type; `ConfigError` lists every problem."""
    known = {option.name: option for option in OPTIONS}
    problems = []
    for key in values:
        option = known.get(key)
        if option is None:
            problems.append(
                f"plugins.{PLUGIN_NAME}.{key}: unknown option "
                f"(expected one of: {', '.join(sorted(known))})"
            )
        elif not option.check(values[key]):
            problems.append(f"plugins.{PLUGIN_NAME}.{key}: expected {option.expected}")
    if problems:
        raise ConfigError(problems)
    given = {key: value for key, value in values.items() if value is not None}
    if "strings" in given:
        given["strings"] = dict(given["strings"])
    return Settings(**given)


def options_table() -> str:
    """The options as the Markdown table README.md carries (a test holds them equal)."""
    lines = ["| option | type | default | what it does |", "|---|---|---|---|"]
    for option in OPTIONS:
        if option.mapping:
            default = "`{}`"
        elif option.default is None:
            default = "none"
        elif isinstance(option.default, bool):
            default = f"`{str(option.default).lower()}`"
        else:
            default = f"`{option.default}`"
        lines.append(f"| `{option.name}` | {option.type_name} | {default} | {option.doc} |")
    return "\n".join(lines) + "\n"
