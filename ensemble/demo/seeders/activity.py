"""Demo data of this app (see ensemble/demo/seeders/__init__.py).

The demo consultations are made with models, not through the services, so their
lines are derived afterwards from what is in the database, exactly as for the
scale data: the opening of each public, published consultation, its answers,
result updates and workshops (never those of an internal consultation or a
draft). Idempotent. List this seeder after `ensemble.participation.demo.seed`.
"""

from ensemble.demo.feed import consultation_lines_add


def seed(context: dict) -> None:
    territories = context.get("territories") or {}
    consultation_lines_add([territory.pk for territory in territories.values()] or None)
