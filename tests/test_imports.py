"""The import graph of ``detente/`` goes one way: no cycle, no stage importing one above it, no SQL outside the store.

Read from the source with :mod:`ast`, so imports made inside functions (which hide a cycle from Python until
the function runs) count like any other. The layers are those of docs/design.md, lowest first; a package may
import from its own layer or below.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "detente"

LAYERS: list[set[str]] = [
    {"version", "errors", "records", "tables", "atomic"},  # foundations
    {"attribute_lookup", "lemma_lookup", "nlp", "minilm"},  # the spaCy model, the MiniLM encoder
    {"ingest", "clean"},  # reading and cleaning
    {"actors", "dating"},  # per-article stages
    {"events", "quotes"},
    {"dedup", "stories"},  # what the corpus passes decide with (pure)
    {"pipeline", "batch"},  # one article, a batch of articles
    {"store"},
    {"corpus_passes"},  # passes over the stored corpus
    {"scale", "corpus"},  # whole ingests, here or on Ray
    {"analysis", "eval", "export", "report"},  # outputs
    {"web", "api"},
    {"cli", "__main__", ""},  # "" is the package's own __init__ (detente.analyze, detente.open)
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("detente", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The detente modules ``name`` imports anywhere in its source (``from pkg import module`` names the module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _top(module: str) -> str:
    """The top-level part of detente a module belongs to: ``detente.events.extract`` → ``events``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(top: str) -> int:
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank
    pytest.fail(f"detente/{top}: not in any layer of tests/test_imports.py LAYERS; place it there (and in docs/design.md)")


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        return exc.args[1]
    return None


def test_no_module_imports_itself_round_a_cycle():
    assert _cycle(_graph()) is None


def test_no_package_cycle():
    packages: dict[str, set[str]] = {}
    for module, imported in _graph().items():
        packages.setdefault(_top(module), set()).update(_top(m) for m in imported if _top(m) != _top(module))
    assert _cycle(packages) is None


def test_no_import_goes_up_a_layer():
    upward = sorted(
        f"{module} imports {target}"
        for module, imported in _graph().items()
        for target in imported
        if _layer(_top(target)) > _layer(_top(module))
    )
    assert upward == []


def test_only_the_store_touches_the_sqlite_connection():
    outside = []
    for name, path in _modules().items():
        if _top(name) == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        outside += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}" for node in ast.walk(tree)
                    if isinstance(node, ast.Attribute) and node.attr == "conn"]
    assert outside == []


def test_the_checks_see_imports_inside_functions(tmp_path):
    """The reader counts an import made inside a function, and a cycle made only of such imports is found."""
    (tmp_path / "a.py").write_text("def f():\n    from detente.b import g\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def g():\n    import detente.a\n", encoding="utf-8")
    modules = {"detente.a": tmp_path / "a.py", "detente.b": tmp_path / "b.py"}
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert graph == {"detente.a": {"detente.b"}, "detente.b": {"detente.a"}}
    assert _cycle(graph) is not None
