"""Rewrite every .expected file from what `check` prints now: `make expected`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import cases, check, expected


def main() -> int:
    with tempfile.TemporaryDirectory() as workdir:
        for case in cases():
            status, output = check(case, Path(workdir))
            if status != 1:
                print(f"{case.name}: check passed; a broken file must fail", file=sys.stderr)
                return 1
            target = expected(case)
            if not target.exists() or target.read_text("utf-8") != output:
                target.write_text(output, "utf-8")
                print(f"rewrote {target.relative_to(Path.cwd())}")
    print("review the changes with `git diff tests/broken` before committing them")
    return 0


sys.exit(main())
