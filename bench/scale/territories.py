"""Scale data for territories and people: the network, territories, neighbourhoods,
themes, people (with verified email addresses and interests) and memberships.

Called by `seed_scale` through bench.scale.SCALE_GENERATORS.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.management.base import CommandError
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from ensemble.accounts.models import User
from ensemble.core.timestamps import keep_timestamps
from ensemble.demo.seeders.territories import NETWORK_THEMES
from ensemble.territories import services
from ensemble.territories.models import Membership, Neighbourhood, Network, Territory, Theme
from ensemble.territories.roles import Role
from ensemble.territories.selectors import network_cache_clear
from ensemble.territories.validators import RESERVED_SLUGS

from . import SCALE_EMAIL_DOMAIN, ScaleContext

TERRITORY_NAMES = [
    ("Bourg-la-Rivière", "Commune"), ("Métropole des Trois Vallées", "Métropole"),
    ("Saint-Aubin-des-Bois", "Commune"), ("Communauté du Val d'Orge", "Communauté de communes"),
    ("Villeneuve-sur-Lande", "Commune"), ("Pays des Étangs", "Parc naturel régional"),
    ("Montclair", "Commune"), ("Les Rives de l'Ouest", "Intercommunalité"),
]  # fmt: skip

NEIGHBOURHOOD_NAMES = [
    "Centre-ville", "Gare", "Les Coteaux", "Le Bourg", "Les Prés", "Saint-Martin",
    "La Plaine", "Le Vieux Port", "Les Hauts", "Bel-Air", "La Roseraie", "Les Tilleuls",
    "Le Moulin", "Les Chênes", "Val Fleuri", "La Croix-Blanche", "Les Grands Champs",
    "Le Château", "Beauregard", "Les Sablons",
]  # fmt: skip

SKILLS = [
    "jardinage", "bricolage", "graphisme", "comptabilité", "droit associatif",
    "communication", "photographie", "développement web", "animation d'ateliers",
    "cuisine", "couture", "menuiserie", "traduction", "recherche de financements",
    "gestion de projet", "médiation", "réparation de vélos", "électricité",
    "enseignement", "musique", "vidéo", "réseaux sociaux", "urbanisme", "agriculture",
]  # fmt: skip

# (value, weight): most people are residents, some carry projects, a few are agents.
KINDS = [
    (User.Kind.RESIDENT, 70), (User.Kind.PROJECT_CARRIER, 8), (User.Kind.ASSOCIATION, 10),
    (User.Kind.ENTREPRENEUR, 5), (User.Kind.PUBLIC_AGENT, 4), (User.Kind.OTHER, 3),
]  # fmt: skip
VISIBILITIES = [
    (User.Visibility.MEMBERS, 60), (User.Visibility.PUBLIC, 30), (User.Visibility.HIDDEN, 10),
]  # fmt: skip
# Per membership; each territory's first member is also made its administrator.
ROLES = [(Role.MEMBER, 9875), (Role.AGENT, 100), (Role.MODERATOR, 20), (Role.ADMIN, 5)]
SECOND_TERRITORY_SHARE = 0.08  # people who take part in two territories
HISTORY_DAYS = 5 * 365  # accounts were opened over the last five years


def add_arguments(parser) -> None:
    parser.add_argument("--members", type=int, default=1000, help="People to create.")
    parser.add_argument("--territories", type=int, default=3, help="Territories to create.")
    parser.add_argument(
        "--neighbourhoods-per-territory", type=int, default=8, help="Neighbourhoods each."
    )


def _weighted(rng, pairs, k):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=k)


def _network_and_themes(context: ScaleContext) -> list[int]:
    network = Network.objects.order_by("pk").first()
    if network is None:
        Network.objects.create(name="Réseau Ensemble", tagline="Données de montée en charge")
    for position, (slug, name) in enumerate(NETWORK_THEMES):
        Theme.objects.get_or_create(
            territory=None, slug=slug, defaults={"name": name, "position": position}
        )
    network_cache_clear()
    return list(Theme.objects.filter(territory=None).order_by("pk").values_list("pk", flat=True))


def _territories(context: ScaleContext, count: int, per_territory: int) -> list[Territory]:
    rng, faker = context.rng, context.faker
    taken = set(Territory.objects.values_list("slug", flat=True)) | RESERVED_SLUGS
    territories = []
    for index in range(count):
        if index < len(TERRITORY_NAMES):
            name, kind = TERRITORY_NAMES[index]
        else:
            name, kind = faker.unique.city(), "Commune"
        slug = base = slugify(name)[:50] or f"territoire-{index + 1}"
        suffix = 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        territory = services.territory_create(
            slug=slug,
            name=name,
            kind=kind,
            description=faker.paragraph(nb_sentences=4),
            map_latitude=f"{rng.uniform(43.0, 50.5):.6f}",
            map_longitude=f"{rng.uniform(-1.5, 7.0):.6f}",
        )
        names = NEIGHBOURHOOD_NAMES[:per_territory]
        names += [f"Quartier {faker.unique.last_name()}" for _ in range(per_territory - len(names))]
        Neighbourhood.objects.bulk_create(
            Neighbourhood(territory=territory, name=n, slug=slugify(n), position=position)
            for position, n in enumerate(names)
        )
        Theme.objects.create(
            territory=territory, name=f"Vivre à {name}"[:80], slug=f"vivre-a-{slug}"[:80]
        )
        territories.append(territory)
    return territories


def generate(context: ScaleContext) -> None:
    options, rng, faker = context.options, context.rng, context.faker
    members = options["members"]
    if members < 0 or options["territories"] < 1:
        raise CommandError("--members must be >= 0 and --territories >= 1.")
    if User.objects.filter(email__endswith=f"@{SCALE_EMAIL_DOMAIN}").exists():
        raise CommandError("This database already holds scale data; start from a fresh one.")

    theme_ids = _network_and_themes(context)
    territories = _territories(
        context, options["territories"], options["neighbourhoods_per_territory"]
    )
    context.step(f"{len(territories)} territories: {', '.join(t.slug for t in territories)}")
    neighbourhoods = {
        t.pk: list(t.neighbourhoods.order_by("pk").values_list("pk", flat=True))
        for t in territories
    }
    # Unequal territories, as in a real network: a big city, then smaller towns.
    weights = [1 / (rank + 1) for rank in range(len(territories))]
    now = timezone.now()
    has_admin: set[int] = set()
    members_by_territory: dict[int, list[int]] = {t.pk: [] for t in territories}
    user_ids: list[int] = []

    for start in range(0, members, context.batch_size):
        size = min(context.batch_size, members - start)
        homes = rng.choices(territories, weights=weights, k=size)
        kinds = _weighted(rng, KINDS, size)
        visibilities = _weighted(rng, VISIBILITIES, size)
        users, plans = [], []
        for offset in range(size):
            index = start + offset
            first, last = faker.first_name(), faker.last_name()
            home = homes[offset]
            joined = now - timedelta(seconds=rng.randrange(HISTORY_DAYS * 86400))
            skills = rng.sample(SKILLS, k=rng.choice((0, 0, 1, 2, 3)))
            users.append(
                User(
                    email=f"{slugify(first)}.{slugify(last)}.{index}@{SCALE_EMAIL_DOMAIN}",
                    password=context.password_hash,
                    display_name=f"{first} {last}",
                    kind=kinds[offset],
                    profile_visibility=visibilities[offset],
                    contactable=rng.random() < 0.85,
                    skills=skills,
                    bio=faker.sentence(nb_words=14) if rng.random() < 0.25 else "",
                    neighbourhood_id=(
                        rng.choice(neighbourhoods[home.pk])
                        if neighbourhoods[home.pk] and rng.random() < 0.7
                        else None
                    ),
                    date_joined=joined,
                )
            )
            places = [home]
            if len(territories) > 1 and rng.random() < SECOND_TERRITORY_SHARE:
                places.append(rng.choice([t for t in territories if t is not home]))
            interests = rng.sample(theme_ids, k=rng.choice((0, 1, 1, 2, 3))) if theme_ids else []
            plans.append((joined, places, interests))

        User.objects.bulk_create(users)
        if users and users[0].pk is None:  # a backend that does not return ids
            by_email = dict(
                User.objects.filter(email__in=[u.email for u in users]).values_list("email", "pk")
            )
            for user in users:
                user.pk = by_email[user.email]

        addresses, memberships, interests = [], [], []
        for user, (joined, places, themes) in zip(users, plans, strict=True):
            addresses.append(
                EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True)
            )
            for territory in places:
                role = _weighted(rng, ROLES, 1)[0]
                if territory.pk not in has_admin:
                    role = Role.ADMIN
                if role == Role.ADMIN:
                    has_admin.add(territory.pk)
                since = min(now, joined + timedelta(seconds=rng.randrange(30 * 86400)))
                memberships.append(
                    Membership(
                        user_id=user.pk,
                        territory_id=territory.pk,
                        role=role,
                        created_at=since,
                        updated_at=since,
                    )
                )
                members_by_territory[territory.pk].append(user.pk)
            interests.extend(
                User.interests.through(user_id=user.pk, theme_id=theme_id) for theme_id in themes
            )
            user_ids.append(user.pk)
        EmailAddress.objects.bulk_create(addresses, batch_size=context.batch_size)
        with keep_timestamps(Membership):
            Membership.objects.bulk_create(memberships, batch_size=context.batch_size)
        User.interests.through.objects.bulk_create(interests, batch_size=context.batch_size)
        done = start + size
        if done == members or done % (context.batch_size * 4) == 0:
            context.step(f"{done:,} people")

    # The stored counters, from the rows themselves: one UPDATE per territory.
    true_count = (
        Membership.objects.filter(territory=OuterRef("pk"))
        .order_by()
        .values("territory")
        .annotate(n=Count("pk"))
        .values("n")
    )
    for territory in territories:
        Territory.objects.filter(pk=territory.pk).update(
            members_count=Coalesce(Subquery(true_count), Value(0))
        )
        services.residents_recount(territory_pk=territory.pk)  # members living in each
    network_cache_clear()
    context.data.update(
        territories=territories, user_ids=user_ids, members_by_territory=members_by_territory
    )
    context.step(f"{Membership.objects.filter(territory__in=territories).count():,} memberships")
