"""The editor's view of the data file, through the real yaml-language-server (npm, pinned in
package-lock.json) spoken to over stdio as VS Code speaks to it: JSON-RPC messages framed by
Content-Length headers. The schema is found by the file's own first line (its modeline)."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from gupshup_errors.data.model import Texts
from gupshup_errors.render import editor_schema as schema

from .helpers import DATA

REPO = DATA.parents[1]
SERVER = REPO / "node_modules" / ".bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "hover": True, "schemaStore": {"enable": False}}}
WAIT = 60.0  # seconds; the server answers in well under one, but CI machines are shared


class Client:
    """Just enough of an editor: send requests and notifications, answer the server's own
    requests for settings, and keep what it publishes."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.next_id = 0
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return  # the server exited
            message = json.loads(stream.read(int(headers["content-length"])))
            if "id" in message and "method" in message:  # a request from the server
                result = (
                    [SETTINGS.get(item.get("section")) for item in message["params"]["items"]]
                    if message["method"] == "workspace/configuration"
                    else None
                )
                self._send({"id": message["id"], "result": result})
            else:
                self.inbox.put(message)

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        answer = self.wait(lambda message: message.get("id") == self.next_id)
        assert "error" not in answer, answer
        return answer["result"]

    def wait(self, wanted: Any) -> dict[str, Any]:
        """The first message `wanted` accepts; the others are dropped."""
        while True:
            try:
                message = self.inbox.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"yaml-language-server said nothing useful within {WAIT:.0f} s")
            if wanted(message):
                return message

    def open(self, path: Path) -> list[dict[str, Any]]:
        """Open the file as an editor does; the problems the server then shows for it."""
        uri = path.as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text()}
        self.notify("textDocument/didOpen", {"textDocument": document})
        published = self.wait(
            lambda message: (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"]["uri"] == uri
            )
        )
        diagnostics: list[dict[str, Any]] = published["params"]["diagnostics"]
        return diagnostics

    def hover(self, path: Path, line: int, column: int) -> str:
        """The hover text at a 1-based line and column."""
        position = {"line": line - 1, "character": column - 1}
        found = self.request(
            "textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": position}
        )
        assert found is not None, f"no hover at {path.name}:{line}:{column}"
        contents = found["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    if not SERVER.exists():
        # Never a skip: `make test` installs it, and a test that quietly skips proves nothing.
        pytest.fail(f"{SERVER} is missing; install it with: make node_modules/.installed")
    root = tmp_path_factory.mktemp("editor")
    process = subprocess.Popen(
        [str(SERVER), "--stdio"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=root,
    )
    client = Client(process)
    client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": root.as_uri(),
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
            },
            "initializationOptions": SETTINGS,
        },
    )
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
    try:
        yield client
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def copy(tmp_path: Path, text: str | None = None) -> Path:
    """The data file (or `text`) beside its schema, as the modeline expects."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA.with_name(schema.FILE_NAME), folder / schema.FILE_NAME)
    path = folder / "errors.yml"
    path.write_text(DATA.read_text("utf-8") if text is None else text, "utf-8")
    return path


def line_of(text: str, start: str, after: int = 0) -> int:
    """The 1-based number of the first line after line `after` that starts with `start`."""
    lines = text.split("\n")
    return next(n for n in range(after + 1, len(lines) + 1) if lines[n - 1].startswith(start))


def problems(diagnostics: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(item["range"]["start"]["line"] + 1, item["message"]) for item in diagnostics]


def test_the_committed_file_shows_no_problems(editor: Client, tmp_path: Path) -> None:
    assert editor.open(copy(tmp_path)) == []


def test_a_misspelt_field_is_named_on_its_line(editor: Client, tmp_path: Path) -> None:
    text = DATA.read_text("utf-8")
    block = line_of(text, "    ru:", line_of(text, "  - code:"))
    line = line_of(text, "      action:")
    broken = text.replace("\n      action:", "\n      acton:", 1)
    assert problems(editor.open(copy(tmp_path, broken))) == [
        (block, 'Missing property "action".'),
        (line, "Property acton is not allowed."),
    ]


def test_a_missing_language_block_is_named_at_its_entry(editor: Client, tmp_path: Path) -> None:
    text = DATA.read_text("utf-8")
    entry = line_of(text, "  - code:")
    block = line_of(text, "    en:", entry)
    lines = text.split("\n")
    broken = "\n".join(lines[: block - 1] + lines[block + 2 :])  # 'en:', its name and action
    assert problems(editor.open(copy(tmp_path, broken))) == [(entry, 'Missing property "en".')]


def test_an_empty_text_is_explained_in_words(editor: Client, tmp_path: Path) -> None:
    text = DATA.read_text("utf-8")
    line = line_of(text, "      name:")
    lines = text.split("\n")
    lines[line - 1] = '      name: ""'
    found = problems(editor.open(copy(tmp_path, "\n".join(lines))))
    assert len(found) == 1
    assert found[0][0] == line
    assert found[0][1].startswith("a text must not be empty, or start or end with a space")


@pytest.mark.parametrize("field", ["name", "action"])
def test_hover_shows_the_fields_own_description(editor: Client, tmp_path: Path, field: str) -> None:
    path = copy(tmp_path)
    assert editor.open(path) == []
    line = line_of(path.read_text("utf-8"), f"      {field}:")
    shown = editor.hover(path, line, 8)
    docs = {item.name: str(item.metadata["doc"]) for item in fields(Texts)}
    assert docs[field] in shown
    assert all(doc not in shown for name, doc in docs.items() if name != field)


def test_an_unsafe_link_and_a_quoted_code_are_explained_in_words(
    editor: Client, tmp_path: Path
) -> None:
    text = DATA.read_text("utf-8")
    lines = text.split("\n")
    entry = line_of(text, "  - code:")
    name = line_of(text, "      name:")
    lines[entry - 1] = '  - code: "12"'
    lines[name - 1] = '      name: "see [x](javascript:alert(1))"'
    found = dict(problems(editor.open(copy(tmp_path, "\n".join(lines)))))
    assert set(found) == {entry, name}
    assert found[entry].startswith("a code is a whole number")
    assert found[name].startswith("a link goes to https://, http://, mailto: or a code")
