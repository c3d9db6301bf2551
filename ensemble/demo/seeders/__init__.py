"""The demo network loaded by `seed_demo`, one seeder module per area of the product.

A seeder is a function `seed(context: dict) -> None` that must be idempotent;
it reads and adds to `context` (territories, people by key) so that later
seeders (projects, consultations…) can use what earlier ones created. They run
in this order, in one transaction. Seeders go through the services wherever the
data is "now"; the consultations' story is dated in the past and written with
the models (see `consultations.py`), its counters and feed lines derived after.
"""

SEEDERS = [
    "ensemble.demo.seeders.territories.seed",
    "ensemble.demo.seeders.actors.seed",
    "ensemble.demo.seeders.projects.seed",
    "ensemble.demo.seeders.comments.seed",
    "ensemble.demo.seeders.consultations.seed",
    "ensemble.demo.seeders.console.seed",
    "ensemble.demo.seeders.budgets.seed",
    "ensemble.demo.seeders.activity.seed",
    "ensemble.demo.seeders.calendar.seed",
    "ensemble.demo.seeders.resources.seed",
    "ensemble.demo.seeders.practices.seed",
    "ensemble.demo.seeders.search.seed",
]
