"""`python -m gupshup_errors`."""

import sys

from .cli.main import main

sys.exit(main())
