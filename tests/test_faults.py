"""Faults lose nothing: every command that writes into the project, on a full disk, killed at
any point of its writing, or run twice at once, leaves every file as it was or as it would have
finished it, and says so in one sentence."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from gupshup_errors.cli.main import main
from gupshup_errors.text import writer

from .helpers import SAMPLE_LANGUAGES, document, edit, entries, make_project, run, translate
from .helpers.cli import environment

SOURCE, TARGET = SAMPLE_LANGUAGES
GUIDE = "# Как читать код\n\nКаждая строка таблицы — один код.\n"  # noqa: RUF001
GUIDE_TRANSLATED = "# How to read a code\n\nEach row of the table is one code.\n"


def _project(where: Path) -> Path:
    """A project of three codes and a guide page, every translation recorded as current."""
    files = {"docs/guide.md": GUIDE, f"docs/guide.{TARGET}.md": GUIDE_TRANSLATED}
    codes = entries([1001, 1002, 1003], SAMPLE_LANGUAGES)
    return make_project(where, languages=SAMPLE_LANGUAGES, codes=codes, files=files)


def _ok(project: Path, *args: str) -> str:
    result = run(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _published(project: Path) -> list[str]:
    """A new code in the data: `published` writes the published record, the translations'
    record and the record of changes."""
    codes = entries([1001, 1002, 1003, 1004], SAMPLE_LANGUAGES)
    (project / "data" / "errors.yml").write_text(document(codes, SAMPLE_LANGUAGES), "utf-8")
    return ["published"]


def _translated(project: Path) -> list[str]:
    """Two changed source texts, recorded by `published`: `translated` records the review."""
    data = project / "data" / "errors.yml"
    for code in (1002, 1003):
        edit(data, f"action {code} {SOURCE}", f"action {code} {SOURCE}, now longer")
    _ok(project, "published")
    return ["translated"]


def _import(project: Path) -> list[str]:
    """A translator's file with a text of the table and a block of the page changed."""
    po = _ok(project, "export", "--format", "po", "--lang", TARGET)
    po = translate(po, "1002/action", "Check the number again.")
    po = translate(po, "guide.md#2", "Every row of the table is one code.")
    path = project.parent / f"{TARGET}.po"
    path.write_text(po, "utf-8")
    return ["import", str(path)]


def _schema(project: Path) -> list[str]:
    """An editor's schema that no longer says what the model does."""
    (project / "data" / "errors.yml.schema.json").write_text("{}\n", "utf-8")
    return ["schema"]


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "published": _published,
    "translated": _translated,
    "import": _import,
    "schema": _schema,
}


def _files(project: Path) -> dict[str, bytes]:
    """Every file of the project, by path, with its bytes."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


def _finished(
    where: Path, command: str
) -> tuple[Path, list[str], dict[str, bytes], dict[str, bytes]]:
    """A project ready for `command`, the command's arguments, and the project's files before
    and after the command ran to its end (in a copy of it)."""
    project = _project(where / "a" / "project")
    args = COMMANDS[command](project)
    before = _files(project)
    done = _project(where / "b" / "project")
    assert COMMANDS[command](done) == [
        a.replace(str(project.parent), str(done.parent)) for a in args
    ]
    _ok(done, *[a.replace(str(project.parent), str(done.parent)) for a in args])
    after = _files(done)
    assert _changed(before, after), f"{command} changed nothing to begin with"
    return project, args, before, after


# --- a full disk ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_disk_changes_nothing_and_says_so_in_one_line(
    tmp_path: Path,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, args, before, after = _finished(tmp_path, command)
    monkeypatch.chdir(project)
    written = _changed(before, after)
    real_write = os.write
    failed_at = 1
    count = 0

    def full(handle: int, data: bytes | memoryview) -> int:
        nonlocal count
        if Path(f"/proc/self/fd/{handle}").readlink().name != writer.LOCK_FILE:
            count += 1
            if count == failed_at:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(handle, data)

    while True:  # the disk fills at the first byte of each file the command writes, in turn
        count = 0
        monkeypatch.setattr(os, "write", full)
        status = main(args)
        monkeypatch.setattr(os, "write", real_write)
        out, err = capsys.readouterr()
        if count < failed_at:  # every file was written: the disk never filled
            break
        assert status == 1, out
        named = err.split(":", 1)[0]
        assert err == f"{named}: the disk is full: nothing was changed\n"
        assert named in {*before, *after, writer.JOURNAL}, "the line names no file it writes"
        assert _files(project) == before, "a full disk changed a file, or left one behind"
        failed_at += 1
    assert failed_at - 1 >= len(written), "fewer files were written than the command changes"
    assert status == 0
    assert _files(project) == after, "with room again, the command did not finish its job"


def test_a_full_disk_while_building_leaves_the_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    site = _files(project / "site")
    capsys.readouterr()
    real_open = open

    def full(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, Path)) and "-new-" in str(file) and set(mode) & set("wax"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", full)
    monkeypatch.setattr("io.open", full)
    status = main(["build"])
    monkeypatch.setattr("builtins.open", real_open)
    monkeypatch.setattr("io.open", real_open)
    _, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines()[-1] == "site: the disk is full: nothing was changed"
    assert "Traceback" not in err
    assert _files(project / "site") == site
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-new")) == []
    assert main(["build"]) == 0


# --- a kill at any point ---------------------------------------------------------------------

KILLED = textwrap.dedent(
    """
    # The command, killed (SIGKILL) at its Nth step of writing (GS_KILL_AT: a write, an fsync or
    # a rename), or counting its steps into GS_STEPS.
    import atexit, os, signal, sys
    from pathlib import Path

    steps, kill_at = 0, int(os.environ["GS_KILL_AT"])

    def step(real):
        def at_step(*args, **kwargs):
            global steps
            steps += 1
            if steps == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return at_step

    for name in ("write", "fsync", "replace"):
        setattr(os, name, step(getattr(os, name)))
    atexit.register(lambda: Path(os.environ["GS_STEPS"]).write_text(str(steps)))
    from gupshup_errors.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _killed(project: Path, args: list[str], kill_at: int, steps: Path) -> int:
    env = environment({"GS_KILL_AT": str(kill_at), "GS_STEPS": str(steps)})
    result = subprocess.run(
        [sys.executable, "-c", KILLED, *args], cwd=project, env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
    return result.returncode


def _kept(project: Path) -> dict[str, bytes]:
    """The project's files but the temporary ones (dot files) a kill leaves behind."""
    return {name: data for name, data in _files(project).items() if Path(name).name[0] != "."}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_killed_at_any_step_every_file_is_as_it_was_or_as_finished(
    tmp_path: Path, command: str
) -> None:
    project, args, before, after = _finished(tmp_path, command)
    pristine = tmp_path / "pristine"
    shutil.copytree(project.parent, pristine)
    steps = tmp_path / "steps"
    assert _killed(project, args, 0, steps) == 0  # counts the steps
    total = int(steps.read_text())
    assert _files(project) == after
    assert total >= 2 * len(_changed(before, after)), "fewer steps than a write and a rename a file"
    for kill_at in range(1, total + 1):
        copy = shutil.copytree(pristine, tmp_path / f"killed-{kill_at}") / project.name
        moved = [a.replace(str(project.parent), str(copy.parent)) for a in args]
        assert _killed(copy, moved, kill_at, steps) == -signal.SIGKILL, f"step {kill_at}"
        found = _kept(copy)
        torn = [n for n in {*found, *after} if found.get(n) not in (before.get(n), after.get(n))]
        assert torn == [], f"killed at step {kill_at} of {total}"
        _ok(copy, *moved)  # run again, it finishes the job
        assert _kept(copy) == after, f"killed at step {kill_at} of {total}, then run again"


# --- two at once -----------------------------------------------------------------------------

SLOW = textwrap.dedent(
    """
    # The command, slowed down between reading the records and writing them: it holds what it
    # read for GS_PAUSE seconds. With GS_UNLOCKED, without the lock, once GS_BARRIER (a folder)
    # holds as many files as GS_PEERS: every peer has read the records when one writes.
    import contextlib, os, sys, time
    from pathlib import Path
    from gupshup_errors.records import updates
    from gupshup_errors.text import writer

    real_write = writer.Writes.write

    def slow_write(self, path, text):
        time.sleep(float(os.environ["GS_PAUSE"]))
        barrier = os.environ.get("GS_BARRIER")
        if barrier:
            Path(barrier, str(os.getpid())).touch()
            deadline = time.monotonic() + 60
            while len(list(Path(barrier).iterdir())) < int(os.environ["GS_PEERS"]):
                assert time.monotonic() < deadline, "the other command never read the records"
                time.sleep(0.02)
        return real_write(self, path, text)

    writer.Writes.write = slow_write
    if os.environ.get("GS_UNLOCKED"):
        updates.transaction = lambda folder: writer.writing()  # no lock, no journal
    from gupshup_errors.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _together(project: Path, runs: list[list[str]], env: dict[str, str]) -> list[int]:
    """The commands started at once; their exit statuses."""
    started = [
        subprocess.Popen(
            [sys.executable, "-c", SLOW, *args],
            cwd=project,
            env=environment(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for args in runs
    ]
    return [process.wait(timeout=300) for process in started]


def _recorded(project: Path, code: int) -> bool:
    """Whether the translation record holds the current source of the code's action in TARGET."""
    text = (project / "data" / "translated.txt").read_text("utf-8")
    return f"{code} action {TARGET}: action {code} {SOURCE}, now longer" in text.splitlines()


@pytest.mark.parametrize("locked", [True, False], ids=["locked", "control-without-the-lock"])
def test_two_commands_at_once_lose_no_entry(tmp_path: Path, locked: bool) -> None:
    project = _project(tmp_path / "project")
    _translated(project)  # 1002's and 1003's source texts changed, and recorded
    assert not _recorded(project, 1002) and not _recorded(project, 1003)
    runs = [["translated", str(code), "--lang", TARGET] for code in (1002, 1003)]
    env = {"GS_PAUSE": "0.5"}
    if not locked:  # the same two commands, each reading before either writes
        (tmp_path / "barrier").mkdir()
        env |= {"GS_UNLOCKED": "1", "GS_BARRIER": str(tmp_path / "barrier"), "GS_PEERS": "2"}
    assert _together(project, runs, env) == [0, 0]
    both = _recorded(project, 1002) and _recorded(project, 1003)
    # Without the lock the later write drops the earlier one's entry: what the lock prevents.
    assert both is locked
    if locked:
        _ok(project, "check")  # nothing outdated, every change recorded


def test_a_command_that_waits_too_long_names_the_one_writing(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    before = _files(project)
    with (
        writer.locked(project),
        pytest.raises(writer.BusyError) as waited,
        writer.locked(project, wait=0.2),
    ):
        pass
    assert str(waited.value) == (
        f"{project / writer.LOCK_FILE}: another gupshup-errors command (pid {os.getpid()}) has "
        "been writing for 0 seconds: nothing was changed; run this one again when it ends"
    )
    assert _files(project) == before
