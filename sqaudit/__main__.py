"""`python -m sqaudit` is the same as the `sqaudit` command."""

from sqaudit.cli import main

if __name__ == "__main__":  # worker processes (--jobs) import this module again: they must not start a run
    raise SystemExit(main())
