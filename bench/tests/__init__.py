"""Tests of the benches themselves (their scoring, readers and workers), and the floors on the peer suites.

They run with the package's tests (pyproject's ``testpaths``); the package's own tests in tests/ never import
``bench``. Tests marked ``seeds`` need ../shared beside the repository.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "corpus"
