"""How responsive actors have been to introduction requests, read in one query per kind of actor.

The figures come from the introductions app's `Introduction` rows (the same
rules as `ensemble.introductions.selectors.responsiveness` and
`helped_count`, but for a whole batch of candidates at once): requests
received (withdrawn ones do not count), answered (accepted or declined), and
introductions marked "this helped", requests and "I can help" offers alike.
If the introductions app is not
installed, every actor is neutral (no figures).
"""

from dataclasses import astuple, dataclass

from django.apps import apps
from django.db.models import Count, F, Q, Value


@dataclass(frozen=True)
class Stats:
    received: int = 0
    answered: int = 0
    helped: int = 0


NO_STATS = Stats()


def actor_key(actor) -> tuple[str, int]:
    kind = "organisation" if actor._meta.model_name == "organisation" else "person"
    return (kind, actor.pk)


def _introduction_model():
    try:
        return apps.get_model("introductions", "Introduction")
    except LookupError:
        return None


def _per_actor(introductions, kind: str, field: str, **counts):
    """(kind, actor, received, answered, helped) per actor named in `field`."""
    return (
        introductions.order_by()
        .values(actor=F(field))
        .annotate(actor_kind=Value(kind), **counts)  # not "kind": Introduction.kind is read
        .values_list("actor_kind", "actor", "received", "answered", "helped")
    )


def counts_for(*, organisation_ids, user_ids) -> dict[tuple[str, int], Stats]:
    """In one query for any number of actors."""
    Introduction = _introduction_model()
    if Introduction is None:
        return {}
    Status = Introduction.Status
    request = Q(kind=Introduction.Kind.REQUEST)
    received = {
        "received": Count("pk", filter=request & ~Q(status=Status.WITHDRAWN)),
        "answered": Count("pk", filter=request & Q(status__in=[Status.ACCEPTED, Status.DECLINED])),
        "helped": Count("pk", filter=Q(outcome=Introduction.Outcome.HELPED)),
    }
    # "I can help" offers that helped count for who offered: the organisation named, or
    # the person when they offered in their own name.
    helped_offers = Q(kind=Introduction.Kind.OFFER, outcome=Introduction.Outcome.HELPED)
    offered = {"received": Value(0), "answered": Value(0), "helped": Count("pk")}
    parts = []
    for kind, wanted, to, by, extra in (
        ("organisation", organisation_ids, "to_organisation_id", "from_organisation_id", Q()),
        ("person", user_ids, "to_user_id", "requested_by_id", Q(from_organisation__isnull=True)),
    ):
        ids = sorted(set(wanted))
        if not ids:
            continue
        to_them = Introduction.objects.filter(**{f"{to}__in": ids})
        parts.append(_per_actor(to_them, kind, to, **received))
        by_them = Introduction.objects.filter(helped_offers & extra, **{f"{by}__in": ids})
        parts.append(_per_actor(by_them, kind, by, **offered))
    if not parts:
        return {}
    result: dict[tuple[str, int], Stats] = {}
    for kind, actor, *figures in parts[0].union(*parts[1:], all=True):
        stats = result.get((kind, actor), NO_STATS)
        result[(kind, actor)] = Stats(
            *(old + new for old, new in zip(astuple(stats), figures, strict=True))
        )
    return result
