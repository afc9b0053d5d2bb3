"""`make chromium`: the browser tests' Chromium is there, installed as root, or explained."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _make(*variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(REPO), "chromium", *variables],
        capture_output=True,
        text=True,
        check=False,
    )


def test_present_chromium_needs_nothing(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    done = _make(f"CHROMIUM={browser}", "USER_ID=1000")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_missing_chromium_without_root_says_how_to_install_it(tmp_path: Path) -> None:
    done = _make(f"CHROMIUM={tmp_path / 'none'}", "USER_ID=1000")
    assert done.returncode == 0
    assert "sudo apt-get install -y chromium" in done.stdout


def test_missing_chromium_as_root_is_installed_with_apt_get(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    apt_get = tmp_path / "apt-get"
    apt_get.write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    apt_get.chmod(0o755)
    done = _make(f"CHROMIUM={tmp_path / 'none'}", "USER_ID=0", f"APT_GET={apt_get}")
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == ["update", "install -y chromium"]


def test_a_failed_install_fails_the_target(tmp_path: Path) -> None:
    apt_get = tmp_path / "apt-get"
    apt_get.write_text("#!/bin/sh\nexit 100\n")
    apt_get.chmod(0o755)
    done = _make(f"CHROMIUM={tmp_path / 'none'}", "USER_ID=0", f"APT_GET={apt_get}")
    assert done.returncode != 0
