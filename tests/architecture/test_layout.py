"""The shape of the code: packages that say what they hold, no import cycle, renderers apart."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "presskit"


def module_name(path: Path) -> str:
    """presskit.a.b for src/presskit/a/b.py (and presskit.a for a/__init__.py)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The presskit modules a module imports at its top level (a name imported from a package counts
    as that module when it is one)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in MODULES}


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def cycle_from(start: str) -> list[str] | None:
    """An import cycle through `start`, if there is one (depth-first search)."""
    stack, seen = [(start, [start])], set()
    while stack:
        name, trail = stack.pop()
        for imported in GRAPH[name]:
            if imported == start:
                return trail + [start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, trail + [imported]))
    return None


def test_there_is_no_import_cycle_among_presskits_modules():
    cycles = [c for c in map(cycle_from, sorted(GRAPH)) if c]
    assert not cycles, " → ".join(cycles[0])


@pytest.mark.parametrize("package", sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py")))
def test_every_package_says_what_it_holds_and_may_import(package):
    doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc) > 60 and "TODO" not in doc


def test_no_renderer_imports_another():
    renderers = {p.parent.name for p in (PACKAGE / "renderers").glob("*/__init__.py")}
    for name, imported in GRAPH.items():
        if name.startswith("presskit.renderers."):
            own = name.split(".")[2]
            others = {i for i in imported if i.startswith("presskit.renderers.")
                      and i.split(".")[2] in renderers - {own}}
            assert not others, f"{name} imports {others}"


def test_domain_code_knows_nothing_of_forking():
    """Only the runtime, the CLI and the build's caller touch workers: the pipeline and transforms do not."""
    for name, imported in GRAPH.items():
        if name.split(".")[1:2] and name.split(".")[1] in ("pipeline", "transforms", "translation", "glossary", "qa", "readers"):
            assert not {i for i in imported if i.startswith(("presskit.runtime.workers",
                                                             "presskit.runtime.render_pool"))}, name
