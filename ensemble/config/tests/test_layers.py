"""Every app of the package sits in a layer of the import contract (pyproject.toml).

`lint-imports` (CI, `make lint`) checks that no app imports a higher layer or a
sibling on its own line, which rules out any cycle between the apps it lists.
This test makes sure a new app cannot escape the contract by not being listed.
"""

import re
import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[3]


def _contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return contract["layers"]


def _listed_modules() -> set[str]:
    names = set()
    for layer in _contract_layers():
        for part in layer.split("|"):
            names.add(re.sub(r"[()\s]", "", part))
    return names


def test_every_installed_app_of_the_package_is_in_a_layer():
    listed = _listed_modules()
    ours = {config.name for config in apps.get_app_configs() if config.name.startswith("ensemble.")}
    assert sorted(ours - listed) == []


def test_no_layer_is_optional_once_the_apps_exist():
    # An optional layer "(ensemble.x)" is skipped silently when x is missing: every
    # listed module must exist, so a renamed app cannot fall out of the contract.
    assert [layer for layer in _contract_layers() if "(" in layer] == []


def test_every_package_at_the_top_of_ensemble_is_in_a_layer():
    package = ROOT / "ensemble"
    top = {
        f"ensemble.{path.name}"
        for path in package.iterdir()
        if path.is_dir() and (path / "__init__.py").exists()
    }
    assert sorted(top - _listed_modules()) == []
