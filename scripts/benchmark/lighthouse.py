"""Lighthouse on the real site, served as GitHub Pages serves it: the reader's first visit
(performance, paints, layout shift, bytes and requests).

Lighthouse is the npm package pinned in package.json (`make node_modules/.installed`); it
drives the system Chromium. Each page is measured `runs` times per form factor and the median
of every figure is reported, as scores and timings vary from run to run on a shared machine.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.helpers import CHROMIUM, DATA, GITHUB_PAGES, LANGUAGES, REPO, serve

from .builds import ENV

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
VERSION = json.loads((REPO / "package.json").read_text("utf-8"))["devDependencies"]["lighthouse"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")


@dataclass(frozen=True)
class Sample:
    """One Lighthouse run of one page."""

    scores: dict[str, float]
    fcp_ms: float
    lcp_ms: float
    cls: float
    tbt_ms: float
    bytes: float
    requests: float  # a median of counts may fall between two


@dataclass(frozen=True)
class Figures:
    """The medians of several runs of one page in one form factor."""

    page: str
    form_factor: str
    runs: int
    median: Sample


def install() -> None:
    """The pinned Lighthouse, installed by the Makefile from package-lock.json."""
    subprocess.run(["make", "-s", "-C", str(REPO), "node_modules/.installed"], check=True)


def run_once(url: str, form_factor: str) -> Sample:
    with tempfile.TemporaryDirectory(prefix="gupshup-lighthouse-") as temp:
        report = Path(temp) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            f"--only-categories={','.join(CATEGORIES)}",
        ]  # fmt: skip
        if form_factor == "desktop":
            command.append("--preset=desktop")
        subprocess.run(
            command, check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        return parse(json.loads(report.read_text("utf-8")))


def parse(report: dict[str, object]) -> Sample:
    """The figures scripts/benchmark/HISTORY.md reports, from one Lighthouse JSON report."""
    audits = report["audits"]
    categories = report["categories"]
    assert isinstance(audits, dict) and isinstance(categories, dict)

    def value(name: str) -> float:
        return float(audits[name]["numericValue"])

    requests = audits["network-requests"]["details"]["items"]
    return Sample(
        scores={name: 100 * float(categories[name]["score"]) for name in CATEGORIES},
        fcp_ms=value("first-contentful-paint"),
        lcp_ms=value("largest-contentful-paint"),
        cls=value("cumulative-layout-shift"),
        tbt_ms=value("total-blocking-time"),
        bytes=value("total-byte-weight"),
        requests=len(requests),
    )


def measure(runs: int) -> list[Figures]:
    """The repository's own site, built for the address it is served at and served as GitHub
    Pages serves it: each language's page, and a code's own page and the guide where the site
    has them, in each form factor, `runs` times; medians."""
    install()
    first = str(yaml.safe_load(DATA.read_text("utf-8"))["codes"][0]["code"])
    with tempfile.TemporaryDirectory(prefix="gupshup-lighthouse-") as temp:
        site = Path(temp) / "site"
        with serve(site, GITHUB_PAGES) as served:
            subprocess.run(
                [sys.executable, "-m", "gupshup_errors", "build", "--site-dir", str(site)],
                cwd=REPO, env={**ENV, "SITE_URL": served.root}, check=True, capture_output=True,
            )  # fmt: skip
            pages = [f"/{language}/" for language in LANGUAGES]
            pages += [
                f"/{lang}/{first}/" for lang in LANGUAGES[:1] if (site / lang / first).is_dir()
            ]
            # A page of prose (docs/guide.md), where the site has it.
            guide = [f"/{lang}/guide/" for lang in LANGUAGES if (site / lang / "guide").is_dir()]
            pages += guide[:1]
            return [
                summarise(
                    page,
                    form_factor,
                    [run_once(served.url + page, form_factor) for _ in range(runs)],
                )
                for page in pages
                for form_factor in FORM_FACTORS
            ]


def summarise(page: str, form_factor: str, samples: Sequence[Sample]) -> Figures:
    def median(attribute: str) -> float:
        return statistics.median(float(getattr(s, attribute)) for s in samples)

    return Figures(
        page=page,
        form_factor=form_factor,
        runs=len(samples),
        median=Sample(
            scores={
                name: statistics.median(s.scores[name] for s in samples) for name in CATEGORIES
            },
            fcp_ms=median("fcp_ms"),
            lcp_ms=median("lcp_ms"),
            cls=median("cls"),
            tbt_ms=median("tbt_ms"),
            bytes=median("bytes"),
            requests=median("requests"),
        ),
    )


def report(figures: Sequence[Figures]) -> str:
    """A Markdown table of the medians."""
    lines = [
        f"Lighthouse {VERSION}, served as GitHub Pages serves it (median of {figures[0].runs}):",
        "",
        "| page | device | performance | a11y / best pr. / SEO | FCP | LCP | CLS | TBT | "
        "transferred | requests |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in figures:
        m, s = f.median, f.median.scores
        lines.append(
            f"| `{f.page}` | {f.form_factor} | {s['performance']:.0f} | "
            f"{s['accessibility']:.0f} / {s['best-practices']:.0f} / {s['seo']:.0f} | "
            f"{m.fcp_ms / 1000:.2f} s | {m.lcp_ms / 1000:.2f} s | {m.cls:.3f} | "
            f"{m.tbt_ms:.0f} ms | {m.bytes / 1024:,.0f} KB | {m.requests:.0f} |"
        )
    return "\n".join(lines)
