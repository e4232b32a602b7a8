"""``python -m detente`` runs the CLI (useful where the ``detente`` script is not on PATH)."""

from detente.cli import main

main()
