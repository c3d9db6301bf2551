"""Every test asserts something: a test that only runs code proves nothing when it passes.

An assertion is an `assert` statement, `pytest.raises`/`warns`/`fail`, a call whose name
says it checks (`assert_*`, `assertContains`, `django_assert_num_queries`, `check_*`,
Playwright's `expect`), or a call to a helper of the same module that asserts.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TEST_MODULES = sorted(
    path
    for folder in ("ensemble", "bench")
    for path in (ROOT / folder).rglob("test_*.py")
    if "tests" in path.parts or folder == "bench"
)
CHECKING_CALLS = {"raises", "warns", "fail", "deprecated_call", "expect"}


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return getattr(func, "id", "")


def _checks(name: str, helpers: set[str]) -> bool:
    return (
        "assert" in name.lower()
        or name.startswith(("check_", "expect"))
        or name in CHECKING_CALLS
        or name in helpers
    )


def _asserts(function: ast.AST, helpers: set[str]) -> bool:
    return any(
        isinstance(node, ast.Assert)
        or (isinstance(node, ast.Call) and _checks(_call_name(node), helpers))
        for node in ast.walk(function)
    )


def _functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from (
                item
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            )


def unasserted_tests(source: str) -> list[str]:
    """The names of the test functions of `source` that assert nothing."""
    functions = list(_functions(ast.parse(source)))
    # Helpers of the module that assert count as assertions (two passes: helpers of helpers).
    helpers: set[str] = set()
    for _ in range(2):
        helpers |= {f.name for f in functions if _asserts(f, helpers)}
    return [f.name for f in functions if f.name.startswith("test") and not _asserts(f, helpers)]


def test_the_check_sees_a_test_that_only_runs_code():
    source = (
        "import pytest\n"
        "def _assert_ok(x):\n    assert x\n"
        "def _helper(x):\n    _assert_ok(x)\n"
        "def test_runs():\n    print(1)\n"
        "def test_asserts():\n    assert 1\n"
        "def test_raises():\n    with pytest.raises(ValueError):\n        int('x')\n"
        "def test_counts(django_assert_num_queries):\n"
        "    with django_assert_num_queries(1):\n        pass\n"
        "def test_through_a_helper():\n    _helper(1)\n"
        "class TestPage:\n    def test_nothing(self):\n        self.client.get('/')\n"
    )
    assert unasserted_tests(source) == ["test_runs", "test_nothing"]


@pytest.mark.parametrize("path", TEST_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_test_asserts_something(path):
    assert unasserted_tests(path.read_text()) == []
