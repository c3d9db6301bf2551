"""Time matching at scale: `need_candidates` latency, and how fast offers are embedded.

    manage.py seed_scale --members 100000 --organisations 5000 --projects 5000
    manage.py matching_perf [--needs 40] [--embed 300]

1. Offers, organisations and needs without a stored vector get one: real ones are too
   slow to compute for 10,000 offers in a benchmark run, so by default they get random
   unit vectors (seeded). The latency of `need_candidates` does not depend on the values,
   only on how many candidates there are (the gates keep at most `RERANK` for the rerank).
2. `need_candidates` is timed for `--needs` open needs of every kind in the largest
   territory, after one warm-up call (the process's vector cache filled, as in a server
   that has been up): p50, p95, max. The data version moves before each call: the
   ranking is computed, not read back from `core.kept`.
3. `--embed N` embeds N real, distinct offer texts through the task's code path
   (`embeddings_refresh_now`) and gives the rate, and the time 10,000 offers would take.
"""

import os
import statistics
import time

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db.models import Count

from ensemble.actors.models import Offer, Organisation
from ensemble.core import versions
from ensemble.matching.selectors import need_candidates
from ensemble.projects.models import Need, Project
from ensemble.semantics import encoders
from ensemble.semantics.models import Embedding
from ensemble.semantics.registry import label_of, registry
from ensemble.semantics.services import embeddings_delete, embeddings_refresh_now


def _fill_random(model, rng) -> int:
    """Random vectors stored with the digest of the object's real text (so that nothing is
    embedded again when the object is read)."""
    content_type = ContentType.objects.get_for_model(model)
    entry = registry.get(label_of(model))
    texts = {obj.pk: entry.text(obj) for obj in entry.objects().iterator()}
    stored = Embedding.objects.filter(content_type=content_type, space=encoders.SPACE)
    stored.filter(digest="random").delete()
    have = set(stored.values_list("object_id", flat=True))
    missing = [pk for pk in texts if pk not in have]
    rows = []
    for pk in missing:
        vector = rng.standard_normal(encoders.DIM).astype(np.float32)
        vector /= np.linalg.norm(vector)
        rows.append(
            Embedding(
                content_type=content_type,
                object_id=pk,
                space=encoders.SPACE,
                digest="random",
                vector=encoders.to_bytes(vector),
            )
        )
    Embedding.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


class Command(BaseCommand):
    help = "Time need_candidates at scale and the embedding of offers."

    def add_arguments(self, parser):
        parser.add_argument("--needs", type=int, default=40)
        parser.add_argument("--embed", type=int, default=300)

    def handle(self, *args, **options):
        rng = np.random.default_rng(1)
        for model in (Offer, Organisation, Need):
            added = _fill_random(model, rng)
            self.stdout.write(f"{model._meta.label}: {added} random vectors added")
        territory_id = (
            Need.objects.values("territory_id").order_by().annotate(n=Count("pk")).order_by("-n")
        )[0]["territory_id"]
        needs = list(
            Need.objects.open()
            .filter(territory_id=territory_id, project__status=Project.Status.PUBLISHED)
            .order_by("pk")[: options["needs"]]
        )
        self.stdout.write(
            f"offers {Offer.objects.count()}, organisations {Organisation.objects.count()}, "
            f"needs timed {len(needs)} (territory {territory_id})"
        )
        need_candidates(need=needs[0], viewer=None)  # warm-up
        timings, cpu = [], []
        for need in needs:
            versions.bump()  # the ranking itself, as after a write (else it is kept)
            started, started_cpu = time.perf_counter(), time.process_time()
            need_candidates(need=need, viewer=None)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        cpu.sort()
        timings.sort()
        p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
        self.stdout.write(
            f"need_candidates: p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
            f"max {timings[-1]:.0f} ms over {len(timings)} needs; this process's CPU time "
            f"p50 {statistics.median(cpu):.0f} ms, "
            f"p95 {cpu[max(0, round(0.95 * len(cpu)) - 1)]:.0f} ms"
            f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        if options["embed"]:
            self._embed(options["embed"])

    def _embed(self, count: int):
        offers = list(Offer.objects.order_by("pk")[:count])
        for i, offer in enumerate(offers):  # distinct texts: the memo must not help
            Offer.objects.filter(pk=offer.pk).update(
                description=f"{offer.description} (offre n° {offer.pk}-{i})"
            )
        embeddings_delete(Offer, [offer.pk for offer in offers])
        started = time.perf_counter()
        done = embeddings_refresh_now("actors.offer", [offer.pk for offer in offers])
        seconds = time.perf_counter() - started
        rate = done / seconds
        self.stdout.write(
            f"embedded {done} offers in {seconds:.1f} s: {rate:.1f} a second, "
            f"10,000 offers in {10000 / rate / 60:.1f} min"
        )
