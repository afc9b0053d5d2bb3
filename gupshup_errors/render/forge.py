"""Where each page's text is written, on the forge that holds the repository (REPO_URL)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote


@dataclass(frozen=True)
class Forge:
    """The repository's files on its forge, in GitHub's form: `<repo>/blob/<branch>/<path>`
    (Forgejo, Gitea and GitLab redirect or use the same form for a file at a line)."""

    repo_url: str
    """The repository's address, e.g. https://github.com/<owner>/<repo>, without a slash."""
    branch: str
    data_file: str
    """The data file's path in the repository, e.g. data/errors.yml."""
    changes_file: str
    lines: Mapping[int, int] = field(default_factory=dict)
    """Each code's line in the data file: where its entry starts ('- code: 1002')."""

    def file(self, path: str, line: int | None = None) -> str:
        """The address of a file of the repository (at a line)."""
        at = f"#L{line}" if line else ""
        return f"{self.repo_url}/blob/{quote(self.branch)}/{quote(path)}{at}"

    def code(self, code: int) -> str:
        """The address of a code's entry in the data file, at its line."""
        return self.file(self.data_file, self.lines.get(code))

    def data(self) -> str:
        return self.file(self.data_file)

    def changes(self) -> str:
        return self.file(self.changes_file)
