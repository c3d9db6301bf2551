"""The scale data set loaded by `seed_scale`: each app adds its rows through a generator.

A generator is a module listed in SCALE_GENERATORS with

* `add_arguments(parser)` (optional): the command-line options it reads,
  e.g. `--members`; a later app adds `--projects` in its own module;
* `generate(context: ScaleContext) -> None`: bulk-creates its rows, reading
  what earlier generators left in `context.data` (territories, user ids…).

Generators run in order, in one transaction, and must be reproducible: every
random choice comes from `context.rng` or `context.faker`, both seeded by
`--seed`, so the same seed and sizes give the same data.
"""

import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

SCALE_GENERATORS = [
    "ensemble.territories.scale",
    "ensemble.actors.scale",
    "ensemble.projects.scale",
    "ensemble.participation.scale",
    "ensemble.activity.scale",
    "ensemble.search.scale",
]

BATCH_SIZE = 5000
# Every generated person has this password (hashed once for all of them).
SCALE_PASSWORD = "ensemble-scale"  # noqa: S105 - public benchmark data
# Reserved top-level domain (RFC 2606): no message can ever reach anybody.
SCALE_EMAIL_DOMAIN = "scale.ensemble.test"


@dataclass
class ScaleContext:
    seed: int
    options: dict
    rng: random.Random
    faker: object
    password_hash: str
    log: Callable[[str], None] = print
    batch_size: int = BATCH_SIZE
    data: dict = field(default_factory=dict)
    _started: float = field(default_factory=time.monotonic)

    def step(self, message: str) -> None:
        self.log(f"[{time.monotonic() - self._started:7.1f}s] {message}")


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class keep_timestamps:
    """Let bulk_create store the given created_at/updated_at instead of "now".

    `auto_now`/`auto_now_add` overwrite any value on insert; spreading the
    timestamps over years makes orderings and date filters realistic.
    """

    def __init__(self, *models):
        self.fields = [
            model._meta.get_field(name)
            for model in models
            for name in ("created_at", "updated_at")
            if any(f.name == name for f in model._meta.concrete_fields)
        ]
        self.saved: list[tuple] = []

    def __enter__(self):
        for f in self.fields:
            self.saved.append((f, f.auto_now, f.auto_now_add))
            f.auto_now = f.auto_now_add = False
        return self

    def __exit__(self, *exc):
        for f, auto_now, auto_now_add in self.saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add
        self.saved.clear()
        return False
