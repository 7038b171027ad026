"""`python -m statement_kg` runs the command line."""

from statement_kg.cli import main

main()
