"""How responsive actors have been to introduction requests, read in one query per kind of actor.

The figures come from the introductions app's `Introduction` rows (the same
rules as `ensemble.introductions.selectors.responsiveness` and
`helped_count`, but for a whole batch of candidates at once): requests
received (withdrawn ones do not count), answered (accepted or declined), and
introductions marked "this helped", requests and "I can help" offers alike.
If the introductions app is not
installed, every actor is neutral (no figures).
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q


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


def counts_for(*, organisation_ids, user_ids) -> dict[tuple[str, int], Stats]:
    Introduction = _introduction_model()
    if Introduction is None:
        return {}
    request = Q(kind=Introduction.Kind.REQUEST)
    aggregates = {
        "received": Count("pk", filter=request & ~Q(status=Introduction.Status.WITHDRAWN)),
        "answered": Count(
            "pk",
            filter=request
            & Q(status__in=[Introduction.Status.ACCEPTED, Introduction.Status.DECLINED]),
        ),
        "helped": Count("pk", filter=Q(outcome=Introduction.Outcome.HELPED)),
    }
    result: dict[tuple[str, int], Stats] = {}
    for kind, field, wanted in (
        ("organisation", "to_organisation_id", organisation_ids),
        ("person", "to_user_id", user_ids),
    ):
        ids = sorted(set(wanted))
        if not ids:
            continue
        rows = (
            Introduction.objects.filter(**{f"{field}__in": ids})
            .order_by()
            .values(field)
            .annotate(**aggregates)
        )
        for row in rows:
            result[(kind, row[field])] = Stats(row["received"], row["answered"], row["helped"])
    # "I can help" offers that helped count for who offered: the organisation named, or
    # the person when they offered in their own name.
    helped_offers = Q(kind=Introduction.Kind.OFFER, outcome=Introduction.Outcome.HELPED)
    for kind, field, wanted, extra in (
        ("organisation", "from_organisation_id", organisation_ids, Q()),
        ("person", "requested_by_id", user_ids, Q(from_organisation__isnull=True)),
    ):
        ids = sorted(set(wanted))
        if not ids:
            continue
        rows = (
            Introduction.objects.filter(helped_offers & extra, **{f"{field}__in": ids})
            .order_by()
            .values(field)
            .annotate(helped=Count("pk"))
        )
        for row in rows:
            key = (kind, row[field])
            stats = result.get(key, NO_STATS)
            result[key] = Stats(stats.received, stats.answered, stats.helped + row["helped"])
    return result
