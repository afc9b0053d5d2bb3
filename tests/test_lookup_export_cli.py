"""`lookup` and `export` as support staff and integrators run them, and `--help`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from gupshup_errors.text.suggest import similar, slips

from .helpers import SAMPLE_LANGUAGES, run

CONSOLE_SCRIPT = Path(sys.executable).parent / "gupshup-errors"
PAGES = "https://someone.github.io/errors/"


# The sample data's texts (tests/data/sample), whatever the repository's data says now.


def test_lookup_prints_name_action_and_the_link_from_site_url(project: Path) -> None:
    result = run("lookup", "1002", "--lang", "en", cwd=project, env={"SITE_URL": PAGES})
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1002: Number does not exist on WhatsApp\n"
        "  API message: Number Not Exist On WhatsApp\n"
        "  The recipient's number is not registered on WhatsApp.\n"
        f"  {PAGES}en/#1002\n"
        f"  {PAGES}en/1002/\n"
    )


def test_lookup_defaults_to_the_first_language_and_the_documented_site_url(
    project: Path,
) -> None:
    result = run("lookup", "#1003", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1003: Низкий баланс кошелька\n"
        "  API message: Wallet Balance Low\n"
        "  Невозможно отправить сообщение — проверьте баланс кошелька.\n"
        f"  http://127.0.0.1:8000/{SAMPLE_LANGUAGES[0]}/#1003\n"
        f"  http://127.0.0.1:8000/{SAMPLE_LANGUAGES[0]}/1003/\n"
    )


def test_console_script_is_installed_and_works(project: Path) -> None:
    result = run("lookup", "500", "--lang", "en", cwd=project, program=(str(CONSOLE_SCRIPT),))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("500: Internal server error\n")


def test_unknown_code_is_a_clear_error(project: Path) -> None:
    result = run("lookup", "1020", "1002", cwd=project)
    assert result.returncode == 1
    assert "there is no code 1020 in data/errors.yml; did you mean 1010 or 1002?" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("1002: ")  # the known code is still printed


@pytest.mark.parametrize(
    ("typed", "meant", "count"),
    [("1002", "1002", 0), ("1020", "1002", 1), ("102", "1002", 1), ("10002", "1002", 1),
     ("1003", "1002", 1), ("2001", "1002", 2), ("", "500", 3), ("kitten", "sitting", 3)],
)  # fmt: skip
def test_slips_count_a_swap_of_neighbours_as_one(typed: str, meant: str, count: int) -> None:
    assert slips(typed, meant) == count


def test_similar_codes_are_one_slip_away_nearest_first() -> None:
    assert similar(1020, [500, 1002, 1010, 1011, 4020, 1021]) == [1021, 1010, 1002]
    assert similar(9999, [500, 1002]) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lookup", "abc"), "'abc' is not a code: codes are numbers, e.g. 1002"),
        (("lookup", "1002", "--lang", "xx"), "--lang xx: the site's languages are"),
        (("export", "--format", "xml"), "invalid choice: 'xml'"),
    ],
)
def test_wrong_usage_is_explained(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_export_json_is_the_published_file(site: Path) -> None:
    result = run("export", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (site / "errors.json").read_text("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_export_one_language_leaves_the_others_out(project: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, "--lang", "en", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Number does not exist on WhatsApp" in result.stdout
    assert "Номер" not in result.stdout


def test_help_documents_every_command_and_the_environment() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("lookup", "export", "check", "build", "serve", "SITE_URL", "examples:"):
        assert command in result.stdout
    for command in ("lookup", "export", "check", "build", "serve"):
        sub = run(command, "--help")
        assert sub.returncode == 0 and f"usage: gupshup-errors {command}" in sub.stdout


def test_the_lookup_example_in_help_is_what_lookup_prints(project: Path) -> None:
    # The example's texts are the sample's (the repository's data may have been edited since).
    example = run("lookup", "--help").stdout.split("example:\n", 1)[1]
    command, *output = example.splitlines()
    args = re.sub(r"^\s*gupshup-errors ", "", command).split()
    printed = run(*args, cwd=project).stdout.splitlines()
    assert [line.strip() for line in output] == [line.strip() for line in printed]
