"""``python -m lbsdesk``: the same entry point as the ``lbsdesk`` command."""

import sys

from lbsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
