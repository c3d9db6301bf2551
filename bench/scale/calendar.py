"""Scale data of the calendar, the knowledge base and the practice library (see
bench/scale/__init__.py): events over a year with registrations and waiting lists
(counters computed from the rows), resources of every kind (funding calls before and
past their deadline), practices across the network with their authors and bookmarks.

    manage.py seed_scale --events 5000 --resources 2000 --practices 1000
"""

from datetime import timedelta

from django.utils import timezone

from ensemble.events.models import Event, Registration
from ensemble.practices.models import Bookmark, Practice
from ensemble.resources.models import Resource
from ensemble.territories.models import Theme

from . import ScaleContext, batched

TOPICS = ["réparer son vélo", "la comptabilité associative", "le compost", "le jardinage",
          "le numérique pour tous", "la couture", "la cuisine anti-gaspi", "le théâtre",
          "la photographie", "l'apiculture"]  # fmt: skip
KINDS = [Event.Kind.SKILL_SHARING, Event.Kind.MEETING, Event.Kind.PROJECT, Event.Kind.NETWORK]


def add_arguments(parser) -> None:
    parser.add_argument("--events", type=int, default=0, help="Calendar events to create.")
    parser.add_argument("--resources", type=int, default=0, help="Knowledge base resources.")
    parser.add_argument("--practices", type=int, default=0, help="Practice sheets.")


def _events(context: ScaleContext, territories, members, theme_ids) -> None:
    rng, now, count = context.rng, timezone.now(), context.options.get("events") or 0
    events = []
    for index in range(count):
        territory = territories[index % len(territories)]
        start = now + timedelta(days=rng.randint(-180, 180), hours=rng.randint(8, 20))
        events.append(Event(
            territory=territory, kind=rng.choice(KINDS),
            title=f"Atelier : {rng.choice(TOPICS)} ({index + 1})",
            description="On apprend ensemble, apportez vos questions.",
            starts_at=start, ends_at=start + timedelta(hours=2),
            address=f"{rng.randint(1, 80)} rue de la Mairie",
            organiser_id=rng.choice(members[territory.pk]),
            capacity=rng.choice([None, 8, 12, 20, 40]),
        ))  # fmt: skip
    for chunk in batched(events, context.batch_size):
        Event.objects.bulk_create(chunk, batch_size=context.batch_size)
    links, registrations = [], []
    through = Event.themes.through
    for event in events:
        links.append(through(event_id=event.pk, theme_id=rng.choice(theme_ids)))
        people = rng.sample(members[event.territory_id], min(len(members[event.territory_id]),
                                                             rng.randint(0, 30)))  # fmt: skip
        registered = 0
        for user_id in people:
            full = event.capacity is not None and registered >= event.capacity
            registrations.append(Registration(
                event_id=event.pk, user_id=user_id,
                status=Registration.Status.WAITLISTED if full else Registration.Status.REGISTERED,
            ))  # fmt: skip
            registered += 0 if full else 1
        event.registered_count, event.waitlist_count = registered, len(people) - registered
    through.objects.bulk_create(links, batch_size=context.batch_size)
    Registration.objects.bulk_create(registrations, batch_size=context.batch_size)
    Event.objects.bulk_update(events, ["registered_count", "waitlist_count"],
                              batch_size=context.batch_size)  # fmt: skip
    context.data["event_ids"] = [event.pk for event in events]
    context.step(f"{len(events):,} events, {len(registrations):,} registrations")


def _resources(context: ScaleContext, territories, theme_ids) -> None:
    rng, now, count = context.rng, timezone.now(), context.options.get("resources") or 0
    resources = []
    for index in range(count):
        kind = rng.choice(Resource.Kind.values)
        days = rng.randint(-120, 90)
        resources.append(Resource(
            territory=territories[index % len(territories)], kind=kind,
            status="published" if rng.random() < 0.9 else "draft",
            title=f"{dict(Resource.Kind.choices)[kind]} : {rng.choice(TOPICS)} ({index + 1})",
            summary="Ce qu'il faut savoir, en bref.", body="1. D'abord…\n2. Ensuite…",
            funder="Ville" if kind == "funding_call" else "",
            deadline=now + timedelta(days=days) if kind == "funding_call" else None,
            published_at=now,
        ))  # fmt: skip
    Resource.objects.bulk_create(resources, batch_size=context.batch_size)
    through = Resource.themes.through
    through.objects.bulk_create(
        [through(resource_id=r.pk, theme_id=rng.choice(theme_ids)) for r in resources],
        batch_size=context.batch_size,
    )
    context.step(f"{len(resources):,} resources")


def _practices(context: ScaleContext, territories, members, theme_ids) -> None:
    rng, now, count = context.rng, timezone.now(), context.options.get("practices") or 0
    practices = []
    for index in range(count):
        published = rng.random() < 0.85
        practices.append(Practice(
            territory=territories[index % len(territories)],
            status="published" if published else "draft",
            title=f"Pratique : {rng.choice(TOPICS)} ({index + 1})",
            summary="Ce qui a marché ici.", problem="Le problème.", solution="Ce qui a été fait.",
            results="Des résultats chiffrés.", cost_range=rng.choice(Practice.Cost.values),
            territory_size=rng.choice(Practice.TerritorySize.values),
            published_at=now - timedelta(days=rng.randint(0, 700)) if published else None,
        ))  # fmt: skip
    Practice.objects.bulk_create(practices, batch_size=context.batch_size)
    authors, themes, bookmarks = Practice.authors.through, Practice.themes.through, []
    authors.objects.bulk_create(
        [authors(practice_id=p.pk, user_id=rng.choice(members[p.territory_id])) for p in practices],
        batch_size=context.batch_size,
    )
    themes.objects.bulk_create(
        [themes(practice_id=p.pk, theme_id=rng.choice(theme_ids)) for p in practices],
        batch_size=context.batch_size,
    )
    readers = [user_id for ids in members.values() for user_id in ids[:50]]
    for practice in practices:
        if practice.status == "published":
            for user_id in set(rng.sample(readers, min(len(readers), rng.randint(0, 3)))):
                bookmarks.append(Bookmark(practice_id=practice.pk, user_id=user_id))
                practice.bookmarks_count += 1
    Bookmark.objects.bulk_create(bookmarks, batch_size=context.batch_size)
    Practice.objects.bulk_update(practices, ["bookmarks_count"], batch_size=context.batch_size)
    context.step(f"{len(practices):,} practices, {len(bookmarks):,} bookmarks")


def generate(context: ScaleContext) -> None:
    options = context.options
    if not any(options.get(name) for name in ("events", "resources", "practices")):
        return
    members = context.data.get("members_by_territory") or {}
    territories = [t for t in context.data.get("territories") or [] if members.get(t.pk)]
    if not territories:
        return
    theme_ids = list(Theme.objects.values_list("pk", flat=True)) or [
        Theme.objects.create(name="Solidarité", slug="solidarite").pk
    ]
    _events(context, territories, members, theme_ids)
    _resources(context, territories, theme_ids)
    _practices(context, territories, members, theme_ids)
