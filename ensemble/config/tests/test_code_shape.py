"""The shape of the code that the layers rely on (docs/architecture.md).

* No module of app code grows past ~400 lines (migrations and tests aside): a
  bigger one asks to be split by sub-domain.
* No function-level import of another Ensemble module and no `except ImportError`
  in app code: both are how a cycle between apps hides from the import contract.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
MAX_LINES = 450


def _app_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "migrations" in parts or "tests" in parts or parts[0] == "testing":
            continue
        yield path


def _label(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_no_module_of_app_code_is_over_the_limit():
    too_long = {
        _label(path): count
        for path in _app_modules()
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}


def _hidden_imports(path: Path, label: str = "") -> list[str]:
    label = label or _label(path)
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                module = ""
                if isinstance(inner, ast.ImportFrom):
                    module = ("." * inner.level) + (inner.module or "")
                elif isinstance(inner, ast.Import):
                    module = ",".join(alias.name for alias in inner.names)
                if module.startswith(("ensemble.", "..")):
                    found.append(f"{label}:{inner.lineno} {module}")
        guard = isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name)
        if guard and node.type.id in ("ImportError", "ModuleNotFoundError"):
            found.append(f"{label}:{node.lineno} except {node.type.id}")
    return found


def test_no_function_level_import_of_another_app_and_no_import_guard():
    found = [item for path in _app_modules() for item in _hidden_imports(path)]
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    from ensemble.projects.models import Project\n", 1),
        ("def f():\n    from ..models import Project\n", 1),
        ("try:\n    import x\nexcept ImportError:\n    x = None\n", 1),
        ("from ensemble.projects.models import Project\n", 0),
        ("def f():\n    from django.db import models\n", 0),
    ],
    ids=["absolute-in-function", "parent-relative-in-function", "guard", "top-level", "django"],
)
def test_the_hidden_import_check_itself(tmp_path, source, expected):
    module = tmp_path / "probe.py"
    module.write_text(source)
    assert len(_hidden_imports(module, label="probe.py")) == expected
