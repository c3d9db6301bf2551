"""Scale data for projects: projects across the territories with their team, themes,
needs (mixed kinds and statuses), news, followers and partners; the stored
counters are computed from the very rows inserted. Reads what the territories
and actors generators left in `context.data`.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ensemble.actors.models import Organisation
from ensemble.core.timestamps import keep_timestamps
from ensemble.needtypes.types import need_types
from ensemble.projects.models import Need, Project, ProjectFollow, ProjectMember, ProjectUpdate
from ensemble.territories.models import Theme

from . import ScaleContext, batched

HISTORY_DAYS = 4 * 365
STATUSES = [(Project.Status.PUBLISHED, 90), (Project.Status.DRAFT, 7),
            (Project.Status.ARCHIVED, 3)]  # fmt: skip
STAGES = [(s, w) for s, w in zip(Project.Stage.values, (20, 20, 40, 10, 10), strict=True)]
SUBJECTS = [
    "Jardin partagé", "Repair café", "Épicerie solidaire", "Mentorat de jeunes",
    "Coopérative d'énergie", "Boîte à livres", "Atelier vélo", "Ressourcerie",
    "Cantine solidaire", "Fresque participative", "Compost collectif", "Café des parents",
    "Cours de français", "Chorale de quartier", "Marché de producteurs", "Tiers-lieu",
    "Covoiturage solidaire", "Aide aux devoirs", "Ciné-club", "Verger partagé",
]  # fmt: skip
PLACES = ["du centre", "de la gare", "des Coteaux", "du Bourg", "des Prés", "de Saint-Martin",
          "de la Plaine", "des Hauts", "de Bel-Air", "des Tilleuls", "du Moulin"]  # fmt: skip
NEED_TITLES = {
    "volunteers": ["Bénévoles pour les permanences", "Des bras le samedi", "Animateurs"],
    "skills": ["Un graphiste", "Un comptable", "Un développeur web", "Un menuisier"],
    "premises": ["Un local de stockage", "Une salle de réunion", "Un terrain"],
    "funding": ["Financer le matériel", "Boucler le budget", "Une subvention de démarrage"],
    "equipment": ["Des outils", "Des ordinateurs", "Un véhicule utilitaire", "Des tables"],
    "expertise": ["Conseils juridiques", "Un mentor", "Un accompagnement au montage"],
    "communication": ["Des affiches", "Un relais presse", "Animer les réseaux sociaux"],
    "partnership": ["Une association partenaire", "Une entreprise mécène"],
}
SKILLS = ["graphisme", "comptabilité", "développement web", "menuiserie", "jardinage",
          "communication", "droit associatif", "photographie"]  # fmt: skip


def add_arguments(parser) -> None:
    parser.add_argument("--projects", type=int, default=0, help="Projects to create.")


def _weighted(rng, pairs, k):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=k)


class _Plan:
    __slots__ = ("followers", "needs", "partners", "project", "team", "themes", "updates")


def _need(rng, kind, territory_id, created, now) -> Need:
    kind_type = kind_types[kind]
    status = Need.Status.OPEN if rng.random() < 0.7 else Need.Status.FULFILLED
    deadline = (
        (created + timedelta(days=rng.randint(10, 180))).date() if rng.random() < 0.3 else None
    )
    return Need(
        territory_id=territory_id, kind=kind, title=rng.choice(NEED_TITLES.get(kind, ["Aide"])),
        skill=rng.choice(SKILLS) if kind_type.names_skill else "",
        quantity=rng.randint(1, 10) if kind_type.quantity_unit == "people" else None,
        amount=(
            Decimal(rng.randrange(100, 20000, 50)) if kind_type.quantity_unit == "euros" else None
        ),
        deadline=deadline, status=status,
        fulfilled_at=created + (now - created) * rng.random() if status == "fulfilled" else None,
        created_at=created, updated_at=created,
    )  # fmt: skip


kind_types = {t.kind: t for t in need_types()}


class _Texts:
    """Faker is slow: a pool of texts drawn once (from the seeded faker) is reused."""

    def __init__(self, faker, size: int = 300):
        self.summaries = [faker.sentence(nb_words=14)[:300] for _ in range(size)]
        self.descriptions = ["\n\n".join(faker.paragraphs(nb=1 + i % 3)) for i in range(size)]


def _plan(context, texts, territory, members, themes, neighbourhoods, organisations, now):
    rng = context.rng
    plan = _Plan()
    created = now - timedelta(seconds=rng.randrange(HISTORY_DAYS * 86400))
    status = _weighted(rng, STATUSES, 1)[0]
    team = rng.sample(members, k=min(len(members), rng.choice((1, 1, 1, 2, 2, 3))))
    plan.team = team
    plan.themes = rng.sample(themes, k=min(len(themes), rng.randint(0, 3)))
    kinds = rng.choices(list(kind_types), k=rng.choice((1, 2, 3, 3, 3, 4, 5)))
    plan.needs = [_need(rng, kind, territory.pk, created, now) for kind in kinds]
    published = status != Project.Status.DRAFT
    plan.updates = [
        created + (now - created) * rng.random() for _ in range(rng.choice((0, 0, 1, 2, 4)))
    ] if published else []  # fmt: skip
    followers = min(len(members), int(rng.paretovariate(1.2)) - 1) if published else 0
    plan.followers = rng.sample(members, k=min(followers, 200))
    plan.partners = [rng.choice(organisations)] if organisations and rng.random() < 0.2 else []
    subject = rng.choice(SUBJECTS)
    plan.project = Project(
        territory_id=territory.pk,
        title=f"{subject} {rng.choice(PLACES)}"[:150],
        summary=rng.choice(texts.summaries),
        description=rng.choice(texts.descriptions),
        stage=_weighted(rng, STAGES, 1)[0],
        status=status,
        neighbourhood_id=rng.choice(neighbourhoods)
        if neighbourhoods and rng.random() < 0.7
        else None,
        is_replicable=rng.random() < 0.25,
        created_by_id=team[0],
        published_at=created if published else None,
        followers_count=len(plan.followers),
        open_needs_count=sum(1 for need in plan.needs if need.status == Need.Status.OPEN),
        updates_count=len(plan.updates),
        created_at=created,
        updated_at=created,
    )
    return plan


def generate(context: ScaleContext) -> None:
    count = context.options.get("projects") or 0
    if count < 0:
        raise CommandError("--projects must be >= 0.")
    members = context.data.get("members_by_territory") or {}
    territories = [t for t in context.data.get("territories") or [] if members.get(t.pk)]
    if not count or not territories:
        context.data.setdefault("project_ids", [])
        return
    rng, now = context.rng, timezone.now()
    network_themes = list(Theme.objects.filter(territory=None).values_list("pk", flat=True))
    themes = {
        t.pk: network_themes + list(t.own_themes.values_list("pk", flat=True)) for t in territories
    }
    neighbourhoods = {
        t.pk: list(t.neighbourhoods.values_list("pk", flat=True)) for t in territories
    }
    organisations: dict[int, list[int]] = {t.pk: [] for t in territories}
    for pk, territory_id in Organisation.objects.filter(
        pk__in=context.data.get("organisation_ids") or []
    ).values_list("pk", "territory_id"):
        organisations.setdefault(territory_id, []).append(pk)
    weights = [1 / (rank + 1) for rank in range(len(territories))]
    texts = _Texts(context.faker)
    ids: list[int] = []
    for chunk in batched(range(count), context.batch_size):
        homes = rng.choices(territories, weights=weights, k=len(chunk))
        plans = [
            _plan(context, texts, home, members[home.pk], themes[home.pk], neighbourhoods[home.pk],
                  organisations.get(home.pk, []), now)
            for home in homes
        ]  # fmt: skip
        _insert(context, plans)
        ids += [plan.project.pk for plan in plans]
        context.step(f"{len(ids):,} projects")
    _replications(context, ids)
    _partner_counters(context)
    context.data["project_ids"] = ids


def _insert(context: ScaleContext, plans: list[_Plan]) -> None:
    size = context.batch_size
    with keep_timestamps(Project, ProjectMember, Need, ProjectUpdate, ProjectFollow):
        Project.objects.bulk_create([plan.project for plan in plans], batch_size=size)
        if plans[0].project.pk is None:
            raise CommandError("This database does not return the ids of bulk inserts.")
        team, needs, updates, follows, themes, partners = [], [], [], [], [], []
        for plan in plans:
            project = plan.project
            created = project.created_at
            team += [
                ProjectMember(
                    project_id=project.pk, user_id=user_id, created_at=created, updated_at=created,
                    role=ProjectMember.Role.OWNER if position == 0 else ProjectMember.Role.MEMBER,
                )
                for position, user_id in enumerate(plan.team)
            ]  # fmt: skip
            for need in plan.needs:
                need.project_id = project.pk
                needs.append(need)
            updates += [
                ProjectUpdate(
                    project_id=project.pk, author_id=plan.team[0], title="Des nouvelles du projet",
                    body="Merci à toutes et à tous : le projet avance bien.",
                    created_at=at, updated_at=at,
                )
                for at in plan.updates
            ]  # fmt: skip
            follows += [
                ProjectFollow(project_id=project.pk, user_id=user_id, created_at=created,
                              updated_at=created)
                for user_id in plan.followers
            ]  # fmt: skip
            themes += [
                Project.themes.through(project_id=project.pk, theme_id=pk) for pk in plan.themes
            ]
            partners += [
                Project.partners.through(project_id=project.pk, organisation_id=pk)
                for pk in plan.partners
            ]
        ProjectMember.objects.bulk_create(team, batch_size=size)
        Need.objects.bulk_create(needs, batch_size=size)
        ProjectUpdate.objects.bulk_create(updates, batch_size=size)
        ProjectFollow.objects.bulk_create(follows, batch_size=size)
    Project.themes.through.objects.bulk_create(themes, batch_size=size)
    Project.partners.through.objects.bulk_create(partners, batch_size=size)


def _replications(context: ScaleContext, ids: list[int]) -> None:
    """About 1 % of projects are replications of an older replicable project elsewhere."""
    rng = context.rng
    territory_of = dict(Project.objects.filter(pk__in=ids).values_list("pk", "territory_id"))
    rows = list(
        Project.objects.filter(pk__in=ids, status=Project.Status.PUBLISHED, is_replicable=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(rows) < 2:
        return
    links: dict[int, int] = {}
    for pk in sorted(rng.sample(ids, k=len(ids) // 100)):
        source = rng.choice(rows)
        if source < pk and territory_of[source] != territory_of[pk]:
            links[pk] = source
    sources: dict[int, int] = {}
    for copy, source in links.items():
        Project.objects.filter(pk=copy).update(replicated_from_id=source)
        sources[source] = sources.get(source, 0) + 1
    for source, replications in sources.items():
        Project.objects.filter(pk=source).update(replications_count=replications)
    context.step(f"{len(links):,} replications")


def _partner_counters(context: ScaleContext) -> None:
    organisation_ids = context.data.get("organisation_ids") or []
    if not organisation_ids:
        return
    true_count = (
        Project.partners.through.objects.filter(organisation_id=OuterRef("pk"))
        .order_by()
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Organisation.objects.filter(pk__in=organisation_ids).update(
        projects_count=Coalesce(Subquery(true_count), Value(0))
    )
