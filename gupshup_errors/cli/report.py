"""How the commands report problems: every one on standard error, and as annotations on a pull
request when run in CI."""

from __future__ import annotations

import sys

from ..data.problems import DataError
from . import workflow


def reported(error: DataError, subject: str = "error table data") -> bool:
    """Print the error's problems, and annotate them on a pull request (titled with their
    `subject`); True when it has none."""
    if not error.problems:
        return True
    print(error.report(), file=sys.stderr)
    workflow.emit(workflow.for_data(error.problems, subject))
    return False
