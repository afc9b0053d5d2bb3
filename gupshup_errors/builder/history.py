"""The "What changed" pages and feed of one language's build: generated pages whose body goes
in after MkDocs renders them, and the feed written beside the table page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from ..data.model import ErrorTable
from ..records.changes import Record
from ..render import history
from ..text import i18n


class HistoryPages:
    """One language's view of the record of changes, made once for its pages and its feed."""

    def __init__(
        self,
        record: Record,
        table: ErrorTable,
        language: str,
        source: str,
        catalogs: i18n.Catalogs,
    ) -> None:
        self.language, self.source, self.catalogs = language, source, catalogs
        self.views = history.views(record, table, language, catalogs)
        self.bodies: dict[str, str] = {}

    def files(self, config: MkDocsConfig) -> list[File]:
        """The pages, for MkDocs: the newest entries' page in the navigation, the years' pages
        linked from it."""
        made = []
        self.bodies = {}
        for page in history.pages(self.views, self.language, self.source, self.catalogs):
            self.bodies[page.src_uri] = page.body
            level = InclusionLevel.INCLUDED if page.src_uri == history.PAGE else None
            made.append(
                File.generated(
                    config,
                    page.src_uri,
                    content=page.markdown,
                    inclusion=level or InclusionLevel.NOT_IN_NAV,
                )
            )
        return made

    def filled(self, output: str, page: Page) -> str:
        """A rendered page, with its body in place if it is one of these."""
        body = self.bodies.get(page.file.src_uri)
        if body is None:
            return output
        if history.HISTORY_SLOT not in output:
            raise PluginError(f"the page lost its history slot {history.HISTORY_SLOT!r}")
        return output.replace(history.HISTORY_SLOT, body, 1)

    def write_feed(self, site: Path, root_url: str) -> None:
        """The Atom feed beside the table page."""
        feed = history.feed(self.views, self.language, self.source, root_url, self.catalogs)
        (site / history.FEED).write_text(feed, encoding="utf-8")
