"""Scale data of organisations: members, 1–3 offers each, counters true by construction.

Called by `seed_scale` through bench.scale.SCALE_GENERATORS; reads the
territories and members left by ensemble.territories.scale in `context.data`.
"""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils import timezone

from ensemble.actors.models import Offer, Organisation, OrganisationMember
from ensemble.core.timestamps import keep_timestamps
from ensemble.needtypes.types import need_type, need_types
from ensemble.territories.models import Theme

from . import ScaleContext, batched
from .territories import SKILLS

KINDS = [
    (Organisation.Kind.ASSOCIATION, 55), (Organisation.Kind.COMPANY, 15),
    (Organisation.Kind.COLLECTIVE, 12), (Organisation.Kind.PUBLIC_SERVICE, 8),
    (Organisation.Kind.SCHOOL, 6), (Organisation.Kind.FOUNDATION, 4),
]  # fmt: skip
NAME_PATTERNS = {
    Organisation.Kind.ASSOCIATION: ["Association {w} de {p}", "Les Amis de {p}", "{W} {p}"],
    Organisation.Kind.COMPANY: ["{W} & Co", "SCOP {W}", "Atelier {w} de {p}"],
    Organisation.Kind.COLLECTIVE: ["Collectif {w} de {p}", "Les Voisins de {p}"],
    Organisation.Kind.PUBLIC_SERVICE: ["Médiathèque de {p}", "Centre social de {p}",
                                       "Maison de quartier de {p}"],
    Organisation.Kind.SCHOOL: ["École {n}", "Collège {n}", "Lycée {n}"],
    Organisation.Kind.FOUNDATION: ["Fondation {n}", "Fonds de dotation de {p}"],
}  # fmt: skip
WORDS = [
    "solidaire", "vert", "des jardins", "du réemploi", "citoyen", "des voisins", "du vélo",
    "culturel", "numérique", "des familles", "de l'énergie", "du partage",
]  # fmt: skip
OFFER_TITLES = {
    "volunteers": ["Des bénévoles pour vos événements", "Un coup de main ponctuel"],
    "skills": ["Notre savoir-faire", "Atelier d'initiation"],
    "premises": ["Une salle à prêter", "Un local de stockage", "Un jardin pour vos ateliers"],
    "funding": ["Une petite subvention", "Un mécénat de projet"],
    "equipment": ["Du matériel à prêter", "Des outils et une remorque"],
    "expertise": ["Conseil et accompagnement", "Du mentorat de porteurs de projet"],
    "communication": ["Relais sur nos réseaux", "Affichage dans nos locaux"],
    "partnership": ["Un partenariat durable", "Co-porter un projet"],
}
VERIFIED_SHARE = 0.2
PARTNER_SHARE = 0.05
HISTORY_DAYS = 4 * 365


def add_arguments(parser) -> None:
    parser.add_argument(
        "--organisations", type=int, default=0, help="Organisations to create (default 0)."
    )


def _weighted(rng, pairs, k):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=k)


class _Texts:
    """Pools of Faker texts drawn once: Faker is slow, the rng picks from the pools."""

    def __init__(self, faker, size: int = 200):
        self.places = [faker.city() for _ in range(size)]
        self.names = [faker.name() for _ in range(size)]
        self.sentences = [faker.sentence(nb_words=10) for _ in range(size)]
        self.paragraphs = [faker.paragraph(nb_sentences=5) for _ in range(size)]
        self.streets = [faker.street_address() for _ in range(size)]


def _name(rng, texts: _Texts, kind) -> str:
    word = rng.choice(WORDS)
    pattern = rng.choice(NAME_PATTERNS[kind])
    return pattern.format(
        w=word, W=word.capitalize(), p=rng.choice(texts.places), n=rng.choice(texts.names)
    )[:150]


def _offers(rng, texts: _Texts, territory_id: int, kinds: list[str]) -> list[Offer]:
    offers = []
    for kind in kinds:
        skill = rng.choice(SKILLS) if need_type(kind).names_skill else ""
        offers.append(
            Offer(
                territory_id=territory_id, kind=kind,
                title=rng.choice(OFFER_TITLES.get(kind, ["Une offre"])),
                description=rng.choice(texts.sentences) if rng.random() < 0.6 else "",
                skill=skill, availability=rng.choice(["", "", "Le samedi", "En semaine"]),
            )
        )  # fmt: skip
    return offers


def generate(context: ScaleContext) -> None:
    count = context.options.get("organisations") or 0
    if count < 0:
        raise CommandError("--organisations must be >= 0.")
    territories = context.data.get("territories") or []
    members = context.data.get("members_by_territory") or {}
    territories = [t for t in territories if members.get(t.pk)]
    if not count or not territories:
        context.data.setdefault("organisation_ids", [])
        return
    rng = context.rng
    texts = _Texts(context.faker)
    offer_kinds = [t.kind for t in need_types()]
    themes = {
        t.pk: list(Theme.objects.filter(territory__in=[t.pk]).values_list("pk", flat=True))
        + list(Theme.objects.filter(territory=None).values_list("pk", flat=True))
        for t in territories
    }
    neighbourhoods = {
        t.pk: list(t.neighbourhoods.order_by("pk").values_list("pk", flat=True))
        for t in territories
    }
    weights = [1 / (rank + 1) for rank in range(len(territories))]
    now = timezone.now()
    ids: list[int] = []
    for chunk in batched(range(count), context.batch_size):
        homes = rng.choices(territories, weights=weights, k=len(chunk))
        kinds = _weighted(rng, KINDS, len(chunk))
        organisations, plans = [], []
        for home, kind in zip(homes, kinds, strict=True):
            people = rng.sample(members[home.pk], k=min(len(members[home.pk]), rng.randint(1, 4)))
            offers = _offers(rng, texts, home.pk, rng.sample(offer_kinds, k=rng.randint(1, 3)))
            created = now - timedelta(seconds=rng.randrange(HISTORY_DAYS * 86400))
            verified = rng.random() < VERIFIED_SHARE
            organisations.append(
                Organisation(
                    territory_id=home.pk, name=_name(rng, texts, kind), kind=kind,
                    summary=rng.choice(texts.sentences),
                    description=rng.choice(texts.paragraphs),
                    neighbourhood_id=(rng.choice(neighbourhoods[home.pk])
                                      if neighbourhoods[home.pk] and rng.random() < 0.7
                                      else None),
                    address=rng.choice(texts.streets) if rng.random() < 0.5 else "",
                    website=f"https://org-{rng.randrange(10**8)}.example.org"
                    if rng.random() < 0.4 else "",
                    is_verified=verified, verified_at=created if verified else None,
                    created_by_id=people[0], members_count=len(people),
                    offers_count=len(offers), created_at=created, updated_at=created,
                )
            )  # fmt: skip
            partners = [t.pk for t in territories if t.pk != home.pk]
            others = [rng.choice(partners)] if partners and rng.random() < PARTNER_SHARE else []
            picked = rng.sample(themes[home.pk], k=min(len(themes[home.pk]), rng.randint(0, 2)))
            plans.append((people, offers, others, picked, created))
        with keep_timestamps(Organisation, OrganisationMember, Offer):
            Organisation.objects.bulk_create(organisations)
            if organisations[0].pk is None:
                raise CommandError("This database does not return the ids of bulk inserts.")
            memberships, offers, partner_rows, theme_rows = [], [], [], []
            for organisation, (people, its_offers, others, picked, created) in zip(
                organisations, plans, strict=True
            ):
                for position, user_id in enumerate(people):
                    role = OrganisationMember.Role.OWNER if position == 0 else "member"
                    memberships.append(OrganisationMember(
                        organisation_id=organisation.pk, user_id=user_id, role=role,
                        created_at=created, updated_at=created,
                    ))  # fmt: skip
                for offer in its_offers:
                    offer.organisation_id = organisation.pk
                    offer.created_at = offer.updated_at = created
                    offers.append(offer)
                partner_rows += [
                    Organisation.other_territories.through(
                        organisation_id=organisation.pk, territory_id=pk
                    )
                    for pk in others
                ]
                theme_rows += [
                    Organisation.themes.through(organisation_id=organisation.pk, theme_id=pk)
                    for pk in picked
                ]
                ids.append(organisation.pk)
            OrganisationMember.objects.bulk_create(memberships, batch_size=context.batch_size)
            Offer.objects.bulk_create(offers, batch_size=context.batch_size)
        Organisation.other_territories.through.objects.bulk_create(partner_rows)
        Organisation.themes.through.objects.bulk_create(theme_rows, batch_size=context.batch_size)
        context.step(f"{len(ids):,} organisations")
    context.data["organisation_ids"] = ids
