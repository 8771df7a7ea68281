"""What the renderer needs besides the content: the site's texts, storage namespace and
URL style, and the `data-qb-config` every enhanced element carries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizbuilder.render.urls import RESULTS_PAGE, page_url, relative_url
from quizbuilder.strings import DEFAULT_STRINGS, PAGE_STRINGS, plural_key


@dataclass(frozen=True)
class RenderOptions:
    """Site-wide settings the renderer needs besides the content."""

    strings: Mapping[str, str] = field(default_factory=dict)
    """The site's overrides by key: of `PAGE_STRINGS` (used here) and of the engine's
    `DEFAULT_STRINGS` (sent in `data-qb-config`; the defaults are built into the script)."""
    storage: str = "quizbuilder"
    """The browser storage namespace."""
    use_directory_urls: bool = True

    def text(self, key: str) -> str:
        return self.strings.get(key) or PAGE_STRINGS[key]

    def link(self, to_src_uri: str, from_src_uri: str) -> str:
        """The URL of the page `to_src_uri` from the page `from_src_uri` (both source
        paths, e.g. `roles/clerk.md`), as the site's URL style makes them."""
        here = page_url(from_src_uri, self.use_directory_urls)
        return relative_url(page_url(to_src_uri, self.use_directory_urls), here)

    def front(self, page: str) -> dict[str, str]:
        """The front matter of a page quizbuilder writes: `page_<page>_title` and
        `page_<page>_description` of the site's texts."""
        return {
            "title": self.text(f"page_{page}_title"),
            "description": self.text(f"page_{page}_description"),
        }

    def counted(self, key: str, count: int) -> str:
        """The form of a count-bearing text (`strings.PLURAL_KEYS`) for `count`."""
        texts = {**PAGE_STRINGS, **{k: v for k, v in self.strings.items() if v}}
        return texts[plural_key(texts, key, count)]


def client_config(options: RenderOptions, src_uri: str) -> dict[str, Any]:
    """The `data-qb-config` dict for the page `src_uri` (a source path)."""
    strings = {k: v for k, v in options.strings.items() if k in DEFAULT_STRINGS}
    return {
        "strings": strings,
        "storage": options.storage,
        "results_url": options.link(RESULTS_PAGE, src_uri),
    }
