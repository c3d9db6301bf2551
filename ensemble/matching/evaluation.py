"""Evaluate the ranking on the labelled sets of bench/matching, through the API's code path.

Two sets: `dataset.py` (plain: offers and needs on the same topics, in varied words) and
`paraphrase.py` (needs written from the need's point of view before any offer, decoys
that share words or fail a condition, same-neighbourhood decoys, a far territory, and
needs nobody can meet). `load(module)` writes a set into the current database (use a
fresh test database); nothing is embedded in advance: the first request embeds what the
task has not, as when the worker is late. `evaluate(loaded)` asks `need_candidates` (what
`GET /needs/{id}/matches` returns) for every need and reports hit@1, hit@3 and MRR, and
for the needs nobody can meet, how often the answer is rightly empty.
"""

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.semantics import encoders
from ensemble.territories.models import Neighbourhood, Territory, Theme

from .selectors import need_candidates

BENCH = Path(settings.BASE_DIR) / "bench" / "matching"
DATASET = BENCH / "dataset.py"
PARAPHRASE = BENCH / "paraphrase.py"
SETS = {"plain": DATASET, "paraphrase": PARAPHRASE}
# The vectors of both sets' texts, as the models compute them, saved by
# `matching_evaluate --save-vectors`: the test and the bench do not embed 700 texts again.
VECTORS = BENCH / "vectors.npz"
DEPTH = 20


def vectors_load() -> int:
    if not VECTORS.exists():
        return 0
    return encoders.memo_load(VECTORS)


def dataset_module(path: Path = DATASET):
    spec = importlib.util.spec_from_file_location(f"matching_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Loaded:
    needs: list[tuple[Need, set[tuple[str, int]]]]
    keys: dict[tuple[str, int], str]
    nobody: list[Need] = field(default_factory=list)
    owner: User | None = None


def _territories(dataset):
    territories, hoods = {}, {}
    centres = getattr(dataset, "CENTRES", {})
    for slug, names in dataset.TERRITORIES.items():
        lat, lon = centres.get(slug, (None, None))
        territory = Territory.objects.create(
            slug=slug, name=slug.replace("-", " ").title(), map_latitude=lat, map_longitude=lon
        )
        territories[slug] = territory
        for i, name in enumerate(names):
            hoods[(slug, name)] = Neighbourhood.objects.create(
                territory=territory, name=name, slug=slugify(name), position=i
            )
    return territories, hoods


def load(dataset) -> Loaded:
    # A set loaded before in the same database must not answer for this one.
    Territory.objects.update(is_active=False)
    territories, hoods = _territories(dataset)
    default_territory = next(iter(territories))
    themes = {
        slug: Theme.objects.create(slug=slug, name=name)
        for slug, name in getattr(dataset, "THEMES", {}).items()
    }
    ids: dict[str, tuple[str, int]] = {}
    for n, actor in enumerate(dataset.actors()):
        slug = actor["territory"]
        territory = territories[slug]
        hood = hoods[(slug, actor["neighbourhood"])]
        offer = {
            "territory": territory, "kind": actor["kind"], "title": actor["title"],
            "description": actor["description"], "skill": actor.get("skill", ""),
        }  # fmt: skip
        if actor["type"] == "organisation":
            org = Organisation.objects.create(
                territory=territory, name=actor["name"], kind=Organisation.Kind.ASSOCIATION,
                summary=actor.get("summary", ""), neighbourhood=hood,
                is_verified=actor.get("verified", False),
                contactable=actor.get("contactable", True),
            )  # fmt: skip
            org.themes.set([themes[t] for t in actor.get("themes", [])])
            Offer.objects.create(organisation=org, **offer)
            ids[actor["id"]] = ("organisation", org.pk)
        else:
            user = User.objects.create(
                email=f"actor{n}@{slugify(dataset.__name__)}.example.org",
                display_name=actor["name"], neighbourhood=hood,
                contactable=actor.get("contactable", True),
                profile_visibility="hidden" if actor.get("hidden") else "public",
                skills=[actor["skill"]] if actor.get("skill") else [],
            )  # fmt: skip
            user.interests.set([themes[t] for t in actor.get("themes", [])])
            Offer.objects.create(user=user, **offer)
            ids[actor["id"]] = ("person", user.pk)
    owner = User.objects.create(
        email=f"team@{slugify(dataset.__name__)}.example.org", display_name="Équipe"
    )

    def need_of(item) -> Need:
        slug = item.get("territory", default_territory)
        territory = territories[slug]
        project = Project.objects.create(
            territory=territory, title=item["title"][:150], summary=item["title"][:300],
            status=Project.Status.PUBLISHED, published_at=timezone.now(),
            neighbourhood=hoods[(slug, item["neighbourhood"])],
        )  # fmt: skip
        project.themes.set([themes[t] for t in item.get("themes", [])])
        ProjectMember.objects.create(project=project, user=owner, role=ProjectMember.Role.OWNER)
        return Need.objects.create(
            project=project, territory=territory, kind=item["kind"], title=item["title"],
            description=item["description"], skill=item.get("skill", ""),
        )  # fmt: skip

    loaded = [(need_of(item), {ids[key] for key in item["relevant"]}) for item in dataset.needs()]
    nobody = [need_of(item) for item in getattr(dataset, "nobody", list)()]
    return Loaded(needs=loaded, keys={v: k for k, v in ids.items()}, nobody=nobody, owner=owner)


def evaluate(loaded: Loaded) -> dict:
    hits1, hits3, reciprocal_ranks, misses = [], [], [], []
    without_reason = 0
    for need, relevant in loaded.needs:
        candidates = need_candidates(need=need, viewer=loaded.owner, limit=DEPTH)
        without_reason += sum(1 for c in candidates if not c.reasons)
        ranked = [(c.actor_type, c.actor.pk) for c in candidates]
        rank = next((i + 1 for i, key in enumerate(ranked) if key in relevant), None)
        hits1.append(rank == 1)
        hits3.append(rank is not None and rank <= 3)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if rank != 1:
            misses.append((need.title, [loaded.keys.get(key, key) for key in ranked[:3]]))
    empty = [not need_candidates(need=need, viewer=loaded.owner) for need in loaded.nobody]
    count = len(loaded.needs)
    return {
        "needs": count,
        "hit_at_1": sum(hits1) / count,
        "hit_at_3": sum(hits3) / count,
        "mrr": sum(reciprocal_ranks) / count,
        "nobody": len(empty),
        "rightly_empty": sum(empty) / len(empty) if empty else None,
        "without_reason": without_reason,
        "misses": misses,
    }
