"""The scale data set loaded by `seed_scale`: one generator module per area of the product.

Not part of the product: `bench/` is not in the wheel, and the `bench` Django app
(`seed_scale`) is installed only where it can run (a checkout with Faker, the
`bench` extra; see ensemble/config/settings/base.py).

A generator is a module listed in SCALE_GENERATORS with

* `add_arguments(parser)` (optional): the command-line options it reads,
  e.g. `--members`; a later module adds `--projects`;
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
    "bench.scale.territories",
    "bench.scale.actors",
    "bench.scale.projects",
    "bench.scale.participation",
    "bench.scale.budgets",
    "bench.scale.activity",
    "bench.scale.console",
    "bench.scale.calendar",
    "bench.scale.search",
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
