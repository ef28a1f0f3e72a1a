"""The import graph of gui/, read from the source (ast): no circle anywhere, no module reaching for
another package's private names, and PySide6 only under gui/qt — so a PDF import travels from its
reader down to the builder and the form without climbing back, and the core runs where Qt cannot."""
from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "gui"
QT_PACKAGES = ("PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(GUI.rglob("*.py"))}


def _package(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


@functools.lru_cache(maxsize=None)
def _parsed(path: Path) -> ast.Module:
    """Each module parsed once for all the tests here (read only: ast.walk changes nothing)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def imports(name: str, path: Path, known: dict[str, Path], top_level_only: bool = False):
    """(imported module, names taken from it, line) for each import in the module: a `from X import y`
    whose y is a module counts as an import of X.y. Imports inside functions count too (a lazy import
    is still an edge) unless `top_level_only` — what importing the module itself runs."""
    tree = _parsed(path)
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in _flatten(nodes) if top_level_only else nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, (), node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package(name, path).split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            plain = []
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    yield f"{target}.{alias.name}", (), node.lineno
                else:
                    plain.append(alias.name)
            if plain or not node.names:
                yield target, tuple(plain), node.lineno


def _flatten(body):
    """Module-level statements, entering if/try blocks (not functions or classes)."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(node, field, None)
            if isinstance(inner, list) and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                   ast.ClassDef)):
                yield from _flatten(inner)


def graph(top_level_only: bool = False) -> dict[str, set[str]]:
    """Module → the gui modules it imports (and the outside packages, by their top name)."""
    known = modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        found = edges.setdefault(name, set())
        for target, _, _ in imports(name, path, known, top_level_only):
            if target in known:
                if target != name:
                    found.add(target)
            else:
                found.add(target.split(".")[0])
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def reaches(edges: dict[str, set[str]], start: str, goal) -> list[str] | None:
    """A path of imports from `start` to a module for which goal(name) holds, or None."""
    seen, queue = {start: None}, [start]
    while queue:
        v = queue.pop(0)
        if goal(v) and v != start:
            path = [v]
            while seen[path[-1]] is not None:
                path.append(seen[path[-1]])
            return path[::-1]
        for w in sorted(edges.get(v, ())):
            if w not in seen:
                seen[w] = v
                queue.append(w)
    return None


def _is_qt(name: str) -> bool:
    return name.split(".")[0] in QT_PACKAGES


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_no_module_of_gui_imports_one_that_imports_it_back():
    found = cycles(graph())
    assert found == [], "import circles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_the_cycle_finder_sees_a_circle_through_a_lazy_import():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_outside_gui_qt_imports_pyside6_when_it_is_imported():
    edges = graph(top_level_only=True)
    for name in edges:
        if _under(name, "gui.qt"):
            continue
        path = reaches(edges, name, _is_qt)
        assert path is None, f"{name} imports Qt: " + " → ".join(path)


def test_the_core_and_the_commands_never_reach_qt_even_lazily():
    edges = graph()
    for name in edges:
        if _under(name, "gui.report") or _under(name, "gui.commands"):
            path = reaches(edges, name, lambda n: _is_qt(n) or _under(n, "gui.qt"))
            assert path is None, f"{name} reaches Qt: " + " → ".join(path)


def test_no_module_imports_another_packages_private_names():
    known = modules()
    wrong = []
    for name, path in known.items():
        for target, names, line in imports(name, path, known):
            if not _under(target, "gui"):
                continue
            own = _package(name, path)
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if target in known and target.rpartition(".")[2].startswith("_") and target.rpartition(".")[0] != own:
                private.append(target)
            if private and (target if target in known and known[target].name == "__init__.py"
                            else target.rpartition(".")[0]) != own:
                wrong.append(f"{name}:{line} takes {', '.join(private)} from {target}")
    assert wrong == []


def test_the_builder_reaches_no_reader_and_no_writer():
    """gui/report/published/ is where every reader ends: it never climbs back to a reader, the Word
    export or python-docx, so a PDF or a web page is imported without either."""
    edges = graph()
    readers = ("gui.report.docx_import", "gui.report.pdf_import", "gui.report.web_import", "gui.report.excel",
               "gui.report.docx_export")
    for name in [n for n in edges if _under(n, "gui.report.published")] + ["gui.report.pdf_import.reader",
                                                                           "gui.report.web_import.html_reader",
                                                                           "gui.report.web_import.text_reader"]:
        own = next((r for r in readers if _under(name, r)), None)
        path = reaches(edges, name, lambda n: n in ("docx", "openpyxl") or any(
            _under(n, r) for r in readers if r != own))
        assert path is None, f"{name} climbs back: " + " → ".join(path)
