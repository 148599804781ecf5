"""`python -m sqaudit` is the same as the `sqaudit` command."""

from sqaudit.cli import main

raise SystemExit(main())
