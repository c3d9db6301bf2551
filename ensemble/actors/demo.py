"""Demo data of this app (see ensemble/core/demo.py)."""


def seed(context: dict) -> None:
    """Filled in by the app; must be idempotent."""
