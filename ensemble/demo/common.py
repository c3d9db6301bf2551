"""What every demo seeder shares: the published password, the logins to show, places."""

import hashlib
from decimal import Decimal

DEMO_PASSWORD = "ensemble-demo"  # noqa: S105 - public demo data

# (email, what this account shows) — listed by `seed_demo`, `serve` (`make run`) and the README.
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


def demo_point(territory, name: str) -> tuple:
    """A stable point near the territory's centre for a demo place (so the map is not empty)."""
    if territory.map_latitude is None or territory.map_longitude is None:
        return None, None
    digest = hashlib.sha256(name.encode()).digest()
    # Up to ~0.012° (about 1 km) around the centre; a wider spread for a rural park.
    spread = Decimal("0.06") if territory.map_zoom <= 11 else Decimal("0.012")
    d_lat = (Decimal(digest[0]) / 255 - Decimal("0.5")) * 2 * spread
    d_lng = (Decimal(digest[1]) / 255 - Decimal("0.5")) * 2 * spread
    quantum = Decimal("0.000001")
    return (
        (Decimal(territory.map_latitude) + d_lat).quantize(quantum),
        (Decimal(territory.map_longitude) + d_lng).quantize(quantum),
    )
