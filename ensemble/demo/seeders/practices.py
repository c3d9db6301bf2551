"""Demo practice library (see ensemble/demo/seeders/__init__.py): five practices from three
territories, one replicated from another, through the services. Idempotent by title."""

from ensemble.practices.models import Practice
from ensemble.practices.services import bookmark_add, practice_create
from ensemble.territories.models import Theme

PRACTICES = [
    ("sceaux", "agent@sceaux.demo", {
        "title": "Des ateliers de réparation tenus par les habitants",
        "summary": "Un repair café mensuel dans les locaux municipaux.",
        "problem": "Beaucoup d'objets réparables finissent à la déchetterie, et les habitants "
                   "manquent de lieux pour se rencontrer.",
        "solution": "La Ville prête une salle un samedi par mois ; des bénévoles réparent avec "
                    "les habitants petit électroménager, vélos et vêtements.",
        "results": "420 objets réparés la première année, 65 % de réussite, 30 bénévoles.",
        "cost": "1 200 € par an (outillage, assurance)", "cost_range": "medium",
        "territory_size": "town", "partners": "Association Repair Café Sceaux",
        "contact": "Service vie associative, mairie de Sceaux",
        "replication_notes": "Trouver 5 bénévoles bricoleurs et une salle accessible.",
        "themes": ["environnement", "solidarite"],
    }),
    ("sceaux", "agent@sceaux.demo", {
        "title": "Répondre publiquement à chaque proposition d'une consultation",
        "summary": "Un journal des décisions avec une explication pour chaque réponse.",
        "problem": "Les habitants ne savaient pas ce que devenaient leurs idées.",
        "solution": "Chaque contribution reçoit une réponse motivée, publiée sous 60 jours.",
        "results": "169 propositions, 100 % de réponses ; participation doublée à la consultation "
                   "suivante.",
        "cost": "Temps d'agents (0,2 ETP pendant trois mois)", "cost_range": "free",
        "territory_size": "town", "themes": ["democratie"],
    }),
    ("lyon", "agent@lyon.demo", {
        "title": "Une vélo-école pour adultes",
        "summary": "Apprendre à circuler à vélo en ville, en six séances.",
        "problem": "Des adultes n'ont jamais appris le vélo et restent dépendants des transports.",
        "solution": "Des moniteurs associatifs donnent six séances, vélos prêtés.",
        "results": "180 adultes formés par an, 70 % roulent encore six mois après.",
        "cost": "25 000 € par an", "cost_range": "large", "territory_size": "large_city",
        "themes": ["mobilite"],
    }),
    ("lyon", "agent@lyon.demo", {
        "title": "Des composteurs partagés au pied des immeubles",
        "summary": "Les habitants gèrent eux-mêmes le compost de leur résidence.",
        "problem": "Un tiers des ordures ménagères sont des biodéchets.",
        "solution": "La Métropole fournit bacs et formation ; un référent par résidence.",
        "results": "12 tonnes de biodéchets évitées par site et par an.",
        "cost": "800 € par site", "cost_range": "small", "territory_size": "large_city",
        "themes": ["environnement"],
    }),
    ("vexin", "admin@vexin.demo", {
        "title": "Un repair café itinérant dans les villages",
        "summary": "Le repair café de Sceaux, adapté aux villages du parc.",
        "problem": "Dans les petits villages, aucun lieu de réparation à moins de 20 km.",
        "solution": "Une camionnette équipée passe chaque mois dans un village différent.",
        "results": "14 villages visités, 260 objets réparés.",
        "cost": "9 000 € (camionnette d'occasion) puis 2 000 € par an", "cost_range": "medium",
        "territory_size": "village", "themes": ["environnement"],
        "replicated_from": "Des ateliers de réparation tenus par les habitants",
    }),
]  # fmt: skip


def seed(context: dict) -> None:
    territories, people = context["territories"], context["people"]
    for slug, author, spec in PRACTICES:
        territory = territories[slug]
        if Practice.objects.filter(territory=territory, title=spec["title"]).exists():
            continue
        data = dict(spec)
        themes = list(Theme.objects.filter(territory__isnull=True, slug__in=data.pop("themes")))
        if source := data.pop("replicated_from", None):
            data["replicated_from"] = Practice.objects.published().get(title=source)
        practice_create(actor=people[author], territory=territory, themes=themes, publish=True,
                        **data)  # fmt: skip
    lyon_agent = people["agent@lyon.demo"]
    for practice in Practice.objects.published().exclude(territory=territories["lyon"])[:2]:
        bookmark_add(user=lyon_agent, practice=practice)
