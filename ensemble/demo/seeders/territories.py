"""Demo territories and people: a town like Sceaux, a big city, a rural park."""

from django.utils.text import slugify

from ensemble.accounts.models import User
from ensemble.accounts.services import profile_update, user_create, user_set_verified
from ensemble.demo.common import DEMO_PASSWORD
from ensemble.territories import services
from ensemble.territories.models import Neighbourhood, Network, Territory, Theme
from ensemble.territories.roles import Role
from ensemble.territories.selectors import network_cache_clear

NETWORK_THEMES = [
    ("solidarite", "Solidarité"), ("environnement", "Environnement et climat"),
    ("alimentation", "Alimentation"), ("mobilite", "Mobilités"),
    ("culture", "Culture et patrimoine"), ("jeunesse", "Jeunesse et éducation"),
    ("sante", "Santé et bien-être"), ("economie-locale", "Économie locale et emploi"),
    ("numerique", "Inclusion numérique"), ("cadre-de-vie", "Cadre de vie et urbanisme"),
    ("sport", "Sport et loisirs"), ("democratie", "Démocratie locale"),
]  # fmt: skip

TERRITORIES = [
    {
        "slug": "sceaux", "name": "Sceaux", "kind": "Commune des Hauts-de-Seine",
        "map_latitude": "48.776800", "map_longitude": "2.290300", "map_zoom": 14,
        "description": (
            "**Parlons ensemble de Sceaux** : après une grande consultation "
            "(1 400 habitants, 400 en ateliers, 169 propositions), la ville ouvre "
            "un espace où habitants, associations, entrepreneurs et agents portent "
            "ensemble des projets utiles au territoire.\n\n"
            "Publiez votre projet, dites ce dont vous avez besoin, trouvez des partenaires."
        ),
        "neighbourhoods": ["Centre-ville", "Les Blagis", "Robinson", "Petit-Chambord",
                           "Parc de Sceaux", "Lakanal"],
        "themes": [("jardins-partages", "Jardins partagés")],
    },
    {
        "slug": "lyon", "name": "Lyon", "kind": "Métropole",
        "map_latitude": "45.764000", "map_longitude": "4.835700", "map_zoom": 12,
        "description": (
            "Les Lyonnaises et les Lyonnais, leurs associations et leurs entreprises "
            "inventent la ville de demain, arrondissement par arrondissement."
        ),
        "neighbourhoods": [f"{n}{'er' if n == 1 else 'e'} arrondissement" for n in range(1, 10)],
        "themes": [("fleuves", "Rhône et Saône")],
    },
    {
        "slug": "vexin", "name": "Parc naturel régional du Vexin français",
        "kind": "Parc naturel régional",
        "map_latitude": "49.120000", "map_longitude": "1.880000", "map_zoom": 10,
        "description": (
            "99 communes rurales entre Pontoise et Gisors : circuits courts, "
            "patrimoine bâti, mobilités partagées et vie des villages."
        ),
        "neighbourhoods": ["Magny-en-Vexin", "Marines", "Vigny", "Théméricourt",
                           "La Roche-Guyon", "Chaussy"],
        "themes": [("agriculture", "Agriculture et circuits courts")],
    },
]  # fmt: skip

# (email, display name, kind, territory slug, role, visibility)
PEOPLE = [
    ("mairie@sceaux.demo", "Hélène Martin (mairie de Sceaux)", "public_agent", "sceaux", Role.ADMIN, "public"),
    ("agent@sceaux.demo", "Karim Benali", "public_agent", "sceaux", Role.AGENT, "public"),
    ("moderation@sceaux.demo", "Sophie Lambert", "resident", "sceaux", Role.MODERATOR, "members"),
    ("camille@sceaux.demo", "Camille Dubois", "project_carrier", "sceaux", Role.MEMBER, "public"),
    ("yanis@sceaux.demo", "Yanis Moreau", "resident", "sceaux", Role.MEMBER, "public"),
    ("lea@sceaux.demo", "Léa Fontaine", "association", "sceaux", Role.MEMBER, "members"),
    ("admin@lyon.demo", "Julien Perrin (Ville de Lyon)", "public_agent", "lyon", Role.ADMIN, "public"),
    ("agent@lyon.demo", "Amina Diallo", "public_agent", "lyon", Role.AGENT, "public"),
    ("moderation@lyon.demo", "Marc Rousseau", "resident", "lyon", Role.MODERATOR, "members"),
    ("ines@lyon.demo", "Inès Garcia", "entrepreneur", "lyon", Role.MEMBER, "public"),
    ("admin@vexin.demo", "Claire Lefèvre (Parc du Vexin)", "public_agent", "vexin", Role.ADMIN, "public"),
    ("paul@vexin.demo", "Paul Girard", "resident", "vexin", Role.MEMBER, "public"),
]  # fmt: skip


def _person(email, name, kind="resident", visibility="members", superuser=False) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(
            email=email, password=DEMO_PASSWORD, display_name=name, verified=True,
            is_superuser=superuser,
        )  # fmt: skip
        profile_update(user=user, data={"kind": kind, "profile_visibility": visibility})
    else:
        user_set_verified(user=user)
    return user


def seed(context: dict) -> None:
    # The network's name and the order of its themes are configuration: no service sets them.
    network = Network.objects.order_by("pk").first() or Network(name="Réseau Ensemble")
    network.name = "Réseau Ensemble"
    network.tagline = "Faire ensemble, territoire par territoire"
    network.save()
    network_cache_clear()

    for position, (slug, name) in enumerate(NETWORK_THEMES):
        Theme.objects.update_or_create(
            territory=None, slug=slug, defaults={"name": name, "position": position}
        )

    admin = _person("admin@ensemble.demo", "Équipe du réseau Ensemble", "public_agent", "public",
                    superuser=True)  # fmt: skip
    territories = {}
    for data in TERRITORIES:
        fields = {k: v for k, v in data.items() if k not in {"neighbourhoods", "themes"}}
        territory = Territory.objects.filter(slug=data["slug"]).first()
        if territory is None:
            territory = services.territory_create(**fields)
        territories[territory.slug] = territory
        for name in data["neighbourhoods"]:
            if not Neighbourhood.objects.filter(territory=territory, slug=slugify(name)).exists():
                services.neighbourhood_create(
                    actor=admin, territory=territory, name=name, slug=slugify(name)
                )
        for slug, name in data["themes"]:
            if not Theme.objects.filter(territory=territory, slug=slug).exists():
                services.theme_create(actor=admin, territory=territory, name=name, slug=slug)

    people = {"admin": admin}
    for email, name, kind, slug, role, visibility in PEOPLE:
        person = _person(email, name, kind, visibility)
        membership = services.membership_join(user=person, territory=territories[slug], role=role)
        if membership.role != role:
            services.membership_set_role(actor=admin, membership=membership, role=role)
        people[email] = person
    # A person of Sceaux also takes part in Lyon: one account, several territories.
    services.membership_join(user=people["camille@sceaux.demo"], territory=territories["lyon"])
    context.update(network=network, territories=territories, people=people)
