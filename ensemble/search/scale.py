"""Scale data of this app (see ensemble/core/scale.py)."""


def generate(context) -> None:
    """Filled in by the app: bulk-creates its rows."""
