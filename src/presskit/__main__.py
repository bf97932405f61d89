"""`python -m presskit` runs the CLI."""
from presskit.cli import main

main()
