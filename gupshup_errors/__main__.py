"""`python -m gupshup_errors`."""

import sys

from .cli import main

sys.exit(main())
