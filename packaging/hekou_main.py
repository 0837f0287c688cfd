"""Entry point of the frozen desktop app: the same `fieldapp` command as the installed one."""

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
