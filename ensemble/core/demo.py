"""The demo network loaded by `seed_demo`: each app adds its objects through a seeder.

A seeder is a function `seed(context: dict) -> None` that must be idempotent;
it reads and adds to `context` (territories, people by key) so that later
seeders (projects, consultations…) can use what earlier ones created.
"""

DEMO_PASSWORD = "ensemble-demo"  # noqa: S105 - public demo data

# (email, what this account shows) — listed by `make run` and in the README.
DEMO_LOGINS = [
    ("admin@ensemble.demo", "network admin (every territory)"),
    ("mairie@sceaux.demo", "Sceaux — territory admin"),
    ("agent@sceaux.demo", "Sceaux — public agent"),
    ("moderation@sceaux.demo", "Sceaux — moderator"),
    ("camille@sceaux.demo", "Sceaux — resident (member)"),
    ("admin@lyon.demo", "Lyon — territory admin"),
    ("agent@lyon.demo", "Lyon — public agent"),
    ("admin@vexin.demo", "Vexin park — territory admin"),
]

SEEDERS = [
    "ensemble.territories.demo.seed",
    "ensemble.actors.demo.seed",
    "ensemble.projects.demo.seed",
    "ensemble.comments.demo.seed",
    "ensemble.search.demo.seed",
]
