"""``python -m cleaner``: the same command line as the ``cleaner`` script."""

from __future__ import annotations

from cleaner.cli import main

if __name__ == "__main__":
    main()
