"""Run the command line: ``python -m govdisclosure``."""

import sys

from govdisclosure.cli import main

if __name__ == "__main__":
    sys.exit(main())
