"""Generate a large, reproducible data set (benchmarks, query plans, pagination).

    manage.py seed_scale --members 100000 --territories 3 --seed 1

Each area of the product contributes through bench.scale.SCALE_GENERATORS (its
options included); everything is written in one transaction with bulk inserts.
Needs Faker (the `bench` extra); the `bench` app is installed only where it can run.
"""

import random
import time
from importlib import import_module

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from faker import Faker

from bench.scale import BATCH_SIZE, SCALE_GENERATORS, SCALE_PASSWORD, ScaleContext


def _generators():
    return [import_module(path) for path in SCALE_GENERATORS]


class Command(BaseCommand):
    help = "Generate a large reproducible data set (same --seed, same data)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="Rows per bulk insert."
        )
        for generator in _generators():
            if hasattr(generator, "add_arguments"):
                generator.add_arguments(parser)

    def handle(self, *args, **options):
        seed = options["seed"]
        faker = Faker("fr_FR")
        faker.seed_instance(seed)
        context = ScaleContext(
            seed=seed,
            options=options,
            rng=random.Random(seed),
            faker=faker,
            password_hash=make_password(SCALE_PASSWORD),
            log=self.stdout.write if options["verbosity"] > 0 else (lambda message: None),
            batch_size=options["batch_size"],
        )
        started = time.monotonic()
        with transaction.atomic():
            for generator in _generators():
                generator.generate(context)
        if connection.vendor == "postgresql":
            # Fresh planner statistics and visibility maps: after a bulk load they are
            # empty until autovacuum wakes up, and plans (hence benchmarks) would be
            # wrong: no index-only scan (deep page keys, counts) without the map.
            # Outside the transaction above: VACUUM cannot run inside one (a caller's
            # transaction, as in the tests, gets ANALYZE alone).
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            context.step(statement)
            with connection.cursor() as cursor:
                cursor.execute(statement)
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Scale data generated in {time.monotonic() - started:.1f}s "
                    f"(seed {seed}; password for every person: {SCALE_PASSWORD})."
                )
            )
