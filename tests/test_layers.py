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
