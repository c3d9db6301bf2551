"""Demo and scale data stay out of the product: no app imports them."""

import ast
from pathlib import Path

import ensemble

PACKAGE = Path(ensemble.__file__).resolve().parent


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def _app_modules():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] == "demo" or "tests" in parts or "migrations" in parts:
            continue
        yield path


def test_no_app_imports_the_demo_or_the_bench():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {module}"
        for path in _app_modules()
        for module in _imported_modules(path)
        if module == "bench" or module.startswith(("bench.", "ensemble.demo"))
    ]
    assert offenders == []


def test_the_product_has_no_seeders_or_generators_left():
    leftovers = sorted(
        str(path.relative_to(PACKAGE.parent))
        for name in ("demo.py", "scale.py", "seed_demo.py", "seed_scale.py")
        for path in PACKAGE.rglob(name)
        if "demo" not in path.relative_to(PACKAGE).parts[:1]
    )
    assert leftovers == []
