"""The one Jinja2 environment of the package, its filters, and the one JSON encoder for
data that goes into HTML (`data-qb-*` attributes)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from quizbuilder.markdown_inline import render_block, render_inline, render_prose

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def encode_json(data: Any) -> str:
    """Compact JSON that stays inert in HTML: `<`, `>`, `&`, U+2028/9 as `\\uXXXX` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _md_text(value: object) -> Markup:
    """Plain text made literal for Markdown: HTML-escaped, then Markdown syntax escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(str(value)))))


_DUMPER: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it: the same YAML, several times faster."""


def _yaml_front_matter(data: Mapping[str, Any]) -> Markup:
    dumped = yaml.dump(dict(data), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return Markup(f"---\n{dumped}---\n")


@cache
def environment() -> jinja2.Environment:
    """The package's Jinja2 environment: autoescaping, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quizbuilder", "templates"),
        # The templates are the package's own: no need to look at each file's time on
        # every render (five times a role page, a stat call each).
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["mdtext"] = _md_text
    env.filters["inline"] = render_inline
    env.filters["block"] = render_block
    env.filters["prose"] = render_prose
    env.filters["json"] = encode_json
    env.filters["front_matter"] = _yaml_front_matter
    env.filters["yaml"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    return env


def render_template(template: str, **context: Any) -> str:
    """A template of the package rendered with `context`."""
    return environment().get_template(template).render(**context)


def render_fragment(template: str, **context: Any) -> str:
    """A fragment of HTML, without the newline that ends its template."""
    return render_template(template, **context).rstrip("\n")
