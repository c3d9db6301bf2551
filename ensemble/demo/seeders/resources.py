"""Demo knowledge base (see ensemble/demo/seeders/__init__.py): an open funding call in Sceaux,
a guide, a local service and a question, through the services. Idempotent by title."""

from datetime import timedelta

from django.utils import timezone

from ensemble.demo.common import demo_point
from ensemble.resources.models import Resource
from ensemble.resources.services import resource_create
from ensemble.territories.models import Theme

RESOURCES = [
    ("sceaux", "agent@sceaux.demo", {
        "kind": "funding_call", "title": "Appel à projets « Initiatives de quartier » 2027",
        "summary": "Jusqu'à 5 000 € pour un projet d'habitants ou d'association à Sceaux.",
        "body": "La Ville soutient les projets qui créent du lien dans les quartiers : "
                "jardins partagés, fêtes de voisins, ateliers de réparation…\n\n"
                "**Qui peut candidater ?** Associations et collectifs d'habitants de Sceaux.\n\n"
                "**Comment ?** Un dossier de deux pages et un budget prévisionnel.",
        "funder": "Ville de Sceaux", "amount": "jusqu'à 5 000 €", "deadline_days": 30,
        "themes": ["solidarite", "cadre-de-vie"],
    }),
    ("sceaux", "agent@sceaux.demo", {
        "kind": "guide", "title": "Créer une association, étape par étape",
        "summary": "Statuts, déclaration en préfecture, compte bancaire, assurance.",
        "body": "1. Écrire les statuts (un modèle est disponible à la Maison des associations).\n"
                "2. Tenir l'assemblée constitutive.\n3. Déclarer l'association en ligne.\n"
                "4. Ouvrir un compte et assurer les activités.",
        "themes": ["solidarite"], "need_kind": "expertise",
    }),
    ("sceaux", "mairie@sceaux.demo", {
        "kind": "service", "title": "Maison des associations",
        "summary": "Prêt de salles, conseils et domiciliation pour les associations.",
        "address": "4 rue Michel Charaire, Sceaux", "opening_hours": "Du mardi au samedi, 9 h – 18 h",
        "phone": "01 41 13 33 00", "need_kind": "premises",
    }),
    ("sceaux", "agent@sceaux.demo", {
        "kind": "faq", "title": "Comment réserver une salle municipale ?",
        "body": "Faites la demande au moins un mois avant auprès de la Maison des associations ; "
                "la salle est prêtée gratuitement aux associations de Sceaux.",
        "need_kind": "premises",
    }),
    ("lyon", "agent@lyon.demo", {
        "kind": "funding_call", "title": "Fonds d'initiatives locales – Lyon",
        "summary": "Soutien aux projets citoyens d'arrondissement.",
        "funder": "Ville de Lyon", "amount": "de 500 à 3 000 €", "deadline_days": 12,
        "themes": ["environnement"],
    }),
]  # fmt: skip


def seed(context: dict) -> None:
    territories, people = context["territories"], context["people"]
    now = timezone.now()
    for slug, author, spec in RESOURCES:
        territory = territories[slug]
        if Resource.objects.filter(territory=territory, title=spec["title"]).exists():
            continue
        data = dict(spec)
        themes = list(Theme.objects.filter(territory__isnull=True, slug__in=data.pop("themes", [])))
        if days := data.pop("deadline_days", None):
            data["deadline"] = (now + timedelta(days=days)).replace(hour=23, minute=59, second=0)
        if data.get("address"):
            data["latitude"], data["longitude"] = demo_point(territory, data["title"])
        resource_create(actor=people[author], territory=territory, themes=themes, publish=True,
                        **data)  # fmt: skip
