"""`make system-packages`: Java and the browser engines are there, installed as root, or
explained."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .helpers import REPO

pytestmark = pytest.mark.system_packages


def _make(tmp_path: Path, *variables: str, ci: bool = False) -> subprocess.CompletedProcess[str]:
    """The target with every program present, but for what `variables` say (they come last,
    so they win)."""
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    present = _program(tmp_path / "present")
    programs = [f"{name}={present}" for name in ("CHROMIUM", "FIREFOX", "WEBKIT_DRIVER", "XVFB")]
    commands = [f"{name}=sh" for name in ("JAVA", "NPM", "MSGFMT")]
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(REPO), "system-packages",
         *programs, *commands, f"LOCALE_SOURCES={tmp_path}", *variables],
        capture_output=True, text=True, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip


def _program(path: Path, body: str = "") -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def test_present_programs_need_nothing(tmp_path: Path) -> None:
    done = _make(tmp_path, "USER_ID=1000")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_missing_chromium_without_root_says_how_to_install_it(tmp_path: Path) -> None:
    done = _make(tmp_path, f"CHROMIUM={tmp_path / 'none'}", "USER_ID=1000")
    assert done.returncode == 0
    assert "sudo apt-get install -y chromium" in done.stderr


def test_missing_programs_without_root_fail_in_ci(tmp_path: Path) -> None:
    done = _make(
        tmp_path, f"CHROMIUM={tmp_path / 'none'}", "JAVA=no-such-java", "USER_ID=1000", ci=True
    )
    assert done.returncode != 0
    assert "sudo apt-get install -y default-jre-headless chromium" in done.stderr


@pytest.mark.parametrize(
    ("missing", "packages"),
    [
        (("JAVA", "CHROMIUM"), "default-jre-headless chromium"),
        (("FIREFOX", "WEBKIT_DRIVER", "XVFB", "LOCALE_SOURCES"),
         "firefox-esr webkit2gtk-driver xvfb locales"),
        (("NPM",), "nodejs npm"),
        (("MSGFMT",), "gettext"),
    ],
    ids=["java-and-chromium", "engines", "node", "msgfmt"],
)  # fmt: skip
def test_missing_programs_as_root_are_installed_with_apt_get(
    tmp_path: Path, missing: tuple[str, ...], packages: str
) -> None:
    calls = tmp_path / "calls"
    apt_get = _program(tmp_path / "apt-get", f'echo "$*" >> {calls}')
    absent = [f"{name}={tmp_path / 'none'}" for name in missing]
    done = _make(tmp_path, *absent, "USER_ID=0", f"APT_GET={apt_get}")
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == ["update -qq", f"install -y -qq {packages}"]


def test_a_failed_install_fails_the_target(tmp_path: Path) -> None:
    apt_get = _program(tmp_path / "apt-get", "exit 100")
    done = _make(tmp_path, f"CHROMIUM={tmp_path / 'none'}", "USER_ID=0", f"APT_GET={apt_get}")
    assert done.returncode != 0


def test_a_missing_engine_without_root_fails_in_ci(tmp_path: Path) -> None:
    done = _make(tmp_path, f"WEBKIT_DRIVER={tmp_path / 'none'}", "USER_ID=1000", ci=True)
    assert done.returncode != 0
    assert "sudo apt-get install -y webkit2gtk-driver" in done.stderr
