"""Evaluate the ranking on the labelled set in bench/matching/dataset.py.

`load(dataset)` writes the set into the current database (use a fresh test
database), `evaluate(loaded)` runs `need_candidates` for every need and
returns precision@3 and MRR against the labels.
"""

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.territories.models import Neighbourhood, Territory, Theme

from .selectors import need_candidates

DATASET = Path(settings.BASE_DIR) / "bench" / "matching" / "dataset.py"
K = 3


def dataset_module(path: Path = DATASET):
    spec = importlib.util.spec_from_file_location("matching_dataset", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Loaded:
    needs: list[tuple[Need, set[tuple[str, int]]]]
    keys: dict[tuple[str, int], str]


def load(dataset) -> Loaded:
    territories, hoods = {}, {}
    for slug, names in dataset.TERRITORIES.items():
        territory = Territory.objects.create(slug=slug, name=slug.title())
        territories[slug] = territory
        for i, name in enumerate(names):
            hoods[name] = Neighbourhood.objects.create(
                territory=territory, name=name, slug=slugify(name), position=i
            )
    themes = {
        slug: Theme.objects.create(slug=slug, name=name) for slug, name in dataset.THEMES.items()
    }
    ids: dict[str, tuple[str, int]] = {}
    for n, actor in enumerate(dataset.actors()):
        territory = territories[actor["territory"]]
        offer = {
            "territory": territory, "kind": actor["kind"], "title": actor["title"],
            "description": actor["description"], "skill": actor["skill"],
        }  # fmt: skip
        if actor["type"] == "organisation":
            org = Organisation.objects.create(
                territory=territory, name=actor["name"], kind=Organisation.Kind.ASSOCIATION,
                neighbourhood=hoods[actor["neighbourhood"]], is_verified=actor["verified"],
                contactable=actor["contactable"],
            )  # fmt: skip
            org.themes.set([themes[t] for t in actor["themes"]])
            Offer.objects.create(organisation=org, **offer)
            ids[actor["id"]] = ("organisation", org.pk)
        else:
            user = User.objects.create(
                email=f"actor{n}@example.org", display_name=actor["name"],
                neighbourhood=hoods[actor["neighbourhood"]], contactable=actor["contactable"],
                profile_visibility=User.Visibility.HIDDEN if actor["hidden"] else "members",
                skills=[actor["skill"]] if actor["skill"] else [],
            )  # fmt: skip
            user.interests.set([themes[t] for t in actor["themes"]])
            Offer.objects.create(user=user, **offer)
            ids[actor["id"]] = ("person", user.pk)
    owner = User.objects.create(email="team@example.org", display_name="Équipe")
    loaded = []
    for item in dataset.needs():
        territory = territories["lille"]
        project = Project.objects.create(
            territory=territory, title=item["title"][:150], summary=item["title"][:300],
            status=Project.Status.PUBLISHED, published_at=timezone.now(),
            neighbourhood=hoods[item["neighbourhood"]],
        )  # fmt: skip
        project.themes.set([themes[t] for t in item["themes"]])
        ProjectMember.objects.create(project=project, user=owner, role=ProjectMember.Role.OWNER)
        need = Need.objects.create(
            project=project, territory=territory, kind=item["kind"], title=item["title"],
            description=item["description"], skill=item["skill"],
        )  # fmt: skip
        loaded.append((need, {ids[key] for key in item["relevant"]}))
    return Loaded(needs=loaded, keys={v: k for k, v in ids.items()})


def evaluate(loaded: Loaded, *, k: int = K) -> dict:
    precisions, reciprocal_ranks, misses = [], [], []
    for need, relevant in loaded.needs:
        ranked = [
            (c.actor_type, c.actor.pk) for c in need_candidates(need=need, viewer=None, limit=20)
        ]
        top = ranked[:k]
        precisions.append(sum(1 for key in top if key in relevant) / k)
        rank = next((i + 1 for i, key in enumerate(ranked) if key in relevant), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if not top or top[0] not in relevant:
            misses.append((need.title, [loaded.keys.get(key, key) for key in top]))
    count = len(loaded.needs)
    return {
        "needs": count,
        "precision_at_3": sum(precisions) / count,
        "mrr": sum(reciprocal_ranks) / count,
        "misses": misses,
    }
