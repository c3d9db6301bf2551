"""Demo calendar (see ensemble/demo/seeders/__init__.py): a know-how session in Sceaux this
month with places left, a neighbourhood meeting and a network event, through the services.
Idempotent: an event is identified by its title in its territory."""

import calendar
from datetime import timedelta

from django.utils import timezone

from ensemble.demo.common import demo_point
from ensemble.events.models import Event
from ensemble.events.services import event_organise, registration_create
from ensemble.territories.models import Theme


def _this_month(now, days: int, hour: int):
    """A date `days` from now at `hour`, kept in the current month when it can be."""
    local = timezone.localtime(now)
    last_day = calendar.monthrange(local.year, local.month)[1]
    day = min(local.day + days, last_day)
    start = local.replace(day=day, hour=hour, minute=0, second=0, microsecond=0)
    return start if start > now + timedelta(hours=1) else now + timedelta(hours=2)


def _theme(slug):
    return list(Theme.objects.filter(slug=slug, territory__isnull=True))


EVENTS = [
    # (territory, organiser, kind, title, description, address, online, days, hour, capacity,
    #  themes, registered)
    ("sceaux", "lea@sceaux.demo", Event.Kind.SKILL_SHARING, "Atelier : réparer son vélo soi-même",
     "Léa, mécanicienne bénévole, montre comment régler ses freins, changer une chambre à air "
     "et entretenir sa chaîne.\n\nApportez votre vélo ; les outils sont fournis.",
     "Maison des associations, 4 rue Michel Charaire, Sceaux", "", 3, 18, 12, ["mobilite"],
     ["camille@sceaux.demo", "yanis@sceaux.demo"]),
    ("sceaux", "camille@sceaux.demo", Event.Kind.SKILL_SHARING,
     "La comptabilité d'une association, pas à pas",
     "Tenir ses comptes, préparer l'assemblée générale, demander une subvention : une soirée "
     "d'échange entre trésoriers.", "", "https://visio.sceaux.demo/compta", 10, 19, 20,
     ["solidarite"], []),
    ("sceaux", "agent@sceaux.demo", Event.Kind.MEETING, "Réunion publique du quartier des Blagis",
     "Point d'étape sur les projets du quartier, questions des habitants.",
     "Gymnase des Blagis, Sceaux", "", 14, 19, None, [], ["camille@sceaux.demo"]),
    ("lyon", "agent@lyon.demo", Event.Kind.NETWORK, "Rencontre du réseau : essaimer un projet",
     "Les territoires du réseau partagent ce qui a marché et comment le reproduire.",
     "", "https://visio.lyon.demo/reseau", 20, 14, 60, [], []),
]  # fmt: skip


def seed(context: dict) -> None:
    territories, people = context["territories"], context["people"]
    now = timezone.now()
    for (slug, organiser, kind, title, description, address, online, days, hour, capacity,
         themes, registered) in EVENTS:  # fmt: skip
        territory = territories[slug]
        if Event.objects.filter(territory=territory, title=title).exists():
            continue
        starts_at = (
            _this_month(now, days, hour)
            if slug == "sceaux" and days < 5
            else (now + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
        )
        latitude, longitude = demo_point(territory, title) if address else (None, None)
        event = event_organise(
            actor=people[organiser], territory=territory, kind=kind, title=title,
            description=description, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2),
            address=address, online_url=online, latitude=latitude, longitude=longitude,
            capacity=capacity, themes=[t for slug in themes for t in _theme(slug)],
        )  # fmt: skip
        for email in registered:
            registration_create(user=people[email], event=event)
