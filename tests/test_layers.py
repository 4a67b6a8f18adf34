"""The layout shows the stages: each package imports only those below it.

models (the domain) ← loaders (bytes to text) and extractors (text to facts) ← pipeline (files, processes,
tables, command line). Imports inside functions count too.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

OURS = ("models", "loaders", "extractors", "pipeline")
ALLOWED = {
    "models": {"models"},
    "loaders": {"loaders", "models"},
    "extractors": {"extractors", "models"},
    "pipeline": set(OURS),
}


def imported_packages(package: str) -> dict[str, set[str]]:
    """Our top-level packages each module of ``package`` imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names & set(OURS)
    return found


@pytest.mark.parametrize("package", OURS)
def test_each_package_imports_only_the_stages_below_it(package):
    modules = imported_packages(package)
    assert modules, f"no modules found in {package}"
    wrong = {module: sorted(names - ALLOWED[package]) for module, names in modules.items() if names - ALLOWED[package]}
    assert wrong == {}


def test_the_loaders_have_a_module_per_format_and_engine():
    names = {path.stem for path in (ROOT / "loaders").glob("*.py")}
    assert {"text", "html", "pdf", "pdf_pdfium", "pdf_pdfplumber", "pdf_layout"} <= names
    assert not list((ROOT / "pipeline").glob("load_*.py"))


# Each room of pipeline/ and the rooms it may import (beside itself); cli.py, on top, imports any.
ROOMS = {
    "store": set(),
    "derive": set(),
    "extract": {"store", "derive"},
    "web": {"store"},
    "read": {"store"},
    "dev": {"store", "derive", "extract", "read"},
}


def _rooms_imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        modules = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else []
        for module in modules:
            parts = module.split(".")
            if parts[0] == "pipeline" and len(parts) > 1:
                names.add(parts[1])
            if isinstance(node, ast.ImportFrom) and module == "pipeline":
                names.update(alias.name for alias in node.names)
    return names & set(ROOMS)


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_each_room_of_pipeline_imports_only_the_rooms_below_it(room):
    folder = ROOT / "pipeline" / room
    modules = sorted(folder.glob("*.py"))
    assert len(modules) > 1 and (folder / "__init__.py").read_text(encoding="utf-8").startswith('"""')
    wrong = {p.name: sorted(_rooms_imported(p) - ROOMS[room] - {room}) for p in modules
             if _rooms_imported(p) - ROOMS[room] - {room}}
    assert wrong == {}


def test_pipeline_holds_only_its_rooms_and_the_command_line():
    assert sorted(p.name for p in (ROOT / "pipeline").glob("*.py")) == ["__init__.py", "cli.py"]
    assert sorted(p.name for p in (ROOT / "pipeline").iterdir() if p.is_dir() and p.name != "__pycache__") == \
        sorted(ROOMS)


# The names code compares, kept as enums in models/ (models.vocabulary): a field of these names is never
# compared with words typed in a module.
ENUM_FIELDS = ("scope", "era", "framework", "reason", "rule", "construction")


def _compared_with_words(path) -> list[int]:
    def name_of(node: ast.AST) -> str | None:
        if isinstance(node, ast.Attribute):
            return node.attr
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            return str(node.slice.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and node.args and isinstance(node.args[0], ast.Constant):
            return str(node.args[0].value)
        return None

    def words(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        return isinstance(node, ast.Tuple | ast.List | ast.Set) and any(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)

    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        # rule.startswith("changed_from") is a comparison too
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "startswith", "endswith") and name_of(node.func.value) in ENUM_FIELDS and node.args \
                and words(node.args[0]):
            lines.append(node.lineno)
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(name_of(s) in ENUM_FIELDS for s in sides) and any(words(s) for s in sides):
                lines.append(node.lineno)
    return lines


def test_scopes_frameworks_reasons_and_rules_are_compared_as_enums_never_as_typed_words():
    found = {str(p.relative_to(ROOT)): lines for package in ("extractors", "pipeline")
             for p in sorted((ROOT / package).rglob("*.py")) if (lines := _compared_with_words(p))}
    assert found == {}


def test_the_enums_hold_the_vocabularies():
    from models.frameworks import FRAMEWORKS
    from models.schemas import SCOPES
    from models.vocabulary import REASON_NAMES, Framework, ReasonName, Scope

    assert tuple(ReasonName) == REASON_NAMES
    assert {f.value for f in Framework} == {f.key for f in FRAMEWORKS} | {"unknown"}
    assert tuple(Scope) == SCOPES and Scope.OVERALL == "overall"  # a member is its words, in every table


def test_the_derived_tables_are_worked_out_from_rows_and_models_alone():
    # checks, inspections and the catalogue read rows, never text: no extractor, no loader
    for path in sorted((ROOT / "pipeline" / "derive").glob("*.py")):
        assert imported_packages("pipeline")[str(path.relative_to(ROOT))] <= {"pipeline", "models"}, path.name
