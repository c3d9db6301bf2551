"""Scale data for consultations: processes in every phase, contributions, supports
(skewed: a few contributions get thousands), answers for about 40 % of the
contributions (some revised), comments, follows, workshops with registrations
and a few results. One big consultation in the biggest territory is the
benchmark's worst case.

Every row is bulk-inserted; the stored counters are then computed from the
rows by `ensemble.demo.recount.recount` (one UPDATE per counter, correlated subqueries, portable to
SQLite and PostgreSQL). Reads what the territories and projects generators
left in `context.data`.

    manage.py seed_scale --members 100000 --projects 5000 \
        --consultations 200 --contributions 100000 --supports 1000000
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.utils import timezone

from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.consultations import phases as phase_registry
from ensemble.consultations.models import CharterVersion, Consultation, Phase, Workshop
from ensemble.contributions.models import AnswerState, Contribution, ContributionFollow, Support
from ensemble.core.timestamps import keep_timestamps
from ensemble.demo.recount import recount
from ensemble.events.models import Event, Registration
from ensemble.results.models import Result, ResultUpdate
from ensemble.territories.models import Membership, Neighbourhood, Theme
from ensemble.territories.roles import Role

from . import ScaleContext, batched

# The big consultation of the biggest territory takes this share of the contributions.
BIG_SHARE = 0.3
ANSWERED_SHARE = 0.4
REVISED_SHARE = 0.15  # of the answered contributions: a first "under study" version
# Supports follow a Zipf-like law over the contributions: rank r gets ~ 1 / r**SKEW.
SKEW = 0.8
PHASE_WEEKS = [6, 4, 4]  # collect, workshops, arbitration; the follow-up is open-ended
# (active phase kind, weight); the big consultation is in its collect phase.
STAGES = [("collect", 25), ("workshops", 15), ("arbitration", 15), ("follow_up", 45)]
FINAL_STATES = [
    (AnswerState.ACCEPTED, 25), (AnswerState.PARTIALLY_ACCEPTED, 20),
    (AnswerState.REJECTED, 25), (AnswerState.ALREADY_DONE, 10),
    (AnswerState.UNDER_STUDY, 20),
]  # fmt: skip
SUBJECTS = [
    "Ralentir la circulation", "Plus d'arbres", "Des bancs", "Un jardin partagé",
    "Des pistes cyclables", "Éclairer le passage", "Une aire de jeux", "Un marché bio",
    "Des toilettes publiques", "Une boîte à livres", "Nettoyer les berges",
    "Un composteur collectif", "Des fontaines à eau", "Un lieu pour les jeunes",
    "Des horaires élargis", "Un parking vélo sécurisé", "Réparer les trottoirs",
    "Une navette le dimanche", "Végétaliser la cour d'école", "Un café associatif",
]  # fmt: skip
PLACES = ["près de la gare", "au centre", "rue de la République", "place de l'Église",
          "aux Coteaux", "devant l'école", "dans le parc", "le long du canal",
          "au marché", "à Bel-Air", "aux Tilleuls", "partout"]  # fmt: skip
QUESTIONS = [
    ("Mieux se déplacer", "Comment mieux se déplacer à pied et à vélo ?"),
    ("Un budget pour nos quartiers", "Que feriez-vous avec 100 000 € pour votre quartier ?"),
    ("La ville plus fraîche", "Comment rafraîchir nos rues pendant les canicules ?"),
    ("Parlons ensemble", "Quels lieux et quels projets pour mieux vivre ensemble ?"),
    ("Nos écoles demain", "Comment transformer les cours d'école ?"),
    ("Le centre-ville", "Comment faire revivre le centre-ville ?"),
]  # fmt: skip
INTERNAL_QUESTIONS = [
    ("Simplifier l'accueil du public", "Comment simplifier l'accueil du public en mairie ?"),
    ("Nos outils de travail", "Quels outils nous font perdre du temps ?"),
]  # fmt: skip
EXPLANATIONS = {
    AnswerState.UNDER_STUDY: "Les services techniques étudient la faisabilité et le coût de "
    "cette proposition ; une réponse définitive sera publiée après leur avis.",
    AnswerState.ACCEPTED: "La proposition est retenue : elle répond à un besoin exprimé par de "
    "nombreux habitants et son coût entre dans le budget voté pour l'année.",
    AnswerState.PARTIALLY_ACCEPTED: "Une partie de la proposition est retenue ; le reste "
    "dépasse les compétences de la commune ou le budget disponible cette année.",
    AnswerState.REJECTED: "La proposition n'est pas retenue : l'étude a montré un coût trop "
    "élevé pour le service rendu, et une solution existe déjà à proximité.",
    AnswerState.ALREADY_DONE: "C'est déjà fait : les travaux correspondants ont été réalisés "
    "l'an dernier, nous avons ajouté l'information sur le site de la ville.",
    AnswerState.MERGED: "Cette contribution rejoint une proposition très proche : nous les "
    "avons réunies pour en débattre et y répondre ensemble.",
}
COMMENTS = [
    "Tout à fait d'accord, c'est un vrai problème le soir.",
    "Bonne idée, mais qui s'occupera de l'entretien ?",
    "On pourrait commencer par un essai de quelques mois.",
    "Je soutiens, et je suis prête à donner un coup de main.",
    "Il y a déjà quelque chose de semblable dans le quartier voisin.",
]


def add_arguments(parser) -> None:
    parser.add_argument("--consultations", type=int, default=0, help="Consultations to create.")
    parser.add_argument(
        "--contributions", type=int, default=0, help="Contributions in all (problems and ideas)."
    )
    parser.add_argument("--supports", type=int, default=0, help="Supports in all (skewed).")


def _weighted(rng, pairs, k=1):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights, k=k)


class _Texts:
    def __init__(self, faker, size: int = 200):
        self.bodies = ["\n\n".join(faker.paragraphs(nb=1 + i % 3)) for i in range(size)]
        self.descriptions = [faker.paragraph(nb_sentences=5) for _ in range(20)]


# --- Consultations, phases, charters, workshops -----------------------------------


def _schedule(rng, stage: str, now):
    """(phase rows as (kind, starts, ends), collect start) so that `stage` runs now."""
    kinds = [step.kind for step in phase_registry.BLUEPRINTS["co-creation"]]
    index = kinds.index(stage)
    if index < len(PHASE_WEEKS):
        into = timedelta(seconds=rng.randrange(PHASE_WEEKS[index] * 7 * 86400))
    else:
        into = timedelta(days=rng.randrange(1, 3 * 365))
    start = now - into - sum((timedelta(weeks=w) for w in PHASE_WEEKS[:index]), timedelta())
    rows, at = [], start
    for position, kind in enumerate(kinds):
        ends = at + timedelta(weeks=PHASE_WEEKS[position]) if position < len(PHASE_WEEKS) else None
        rows.append((kind, at, ends))
        at = ends
    return rows, start


def _consultations(context, territories, count, big_territory, texts, now):
    rng = context.rng
    weights = [1 / (rank + 1) for rank in range(len(territories))]
    homes = [big_territory, *rng.choices(territories, weights=weights, k=count - 1)]
    consultations, schedules = [], []
    for index, home in enumerate(homes):
        internal = index > 0 and rng.random() < 0.1
        stage = "collect" if index == 0 else _weighted(rng, STAGES)[0]
        rows, start = _schedule(rng, stage, now)
        title, question = rng.choice(INTERNAL_QUESTIONS if internal else QUESTIONS)
        published = index == 0 or rng.random() < 0.95
        consultations.append(
            Consultation(
                territory_id=home.pk, title=f"{title} ({index + 1})"[:150], question=question,
                description=rng.choice(texts.descriptions),
                visibility=Consultation.Visibility.AGENTS if internal
                else Consultation.Visibility.PUBLIC,
                status=Consultation.Status.PUBLISHED if published else Consultation.Status.DRAFT,
                published_at=start if published else None,
                supports_per_person=rng.choice((None, None, None, 10)),
                charter_version=1, answer_within_days=60,
                created_at=start - timedelta(days=7), updated_at=start,
            )
        )  # fmt: skip
        schedules.append(rows)
    with keep_timestamps(Consultation):
        Consultation.objects.bulk_create(consultations, batch_size=context.batch_size)
    phases, charters, themes = [], [], []
    theme_ids = list(
        Theme.objects.filter(territory=None).order_by("pk").values_list("pk", flat=True)
    )
    for consultation, rows in zip(consultations, schedules, strict=True):
        phases += [
            Phase(consultation_id=consultation.pk, kind=kind, position=position, starts_at=starts,
                  ends_at=ends)
            for position, (kind, starts, ends) in enumerate(rows)
        ]  # fmt: skip
        charters.append(
            CharterVersion(
                consultation_id=consultation.pk, version=1, answer_within_days=60,
                body="Toute personne du territoire peut participer. Chaque contribution reçoit "
                "une réponse motivée et publique sous 60 jours.",
            )
        )  # fmt: skip
        themes += [
            Consultation.themes.through(consultation_id=consultation.pk, theme_id=pk)
            for pk in rng.sample(theme_ids, k=min(len(theme_ids), rng.randint(1, 2)))
        ]
    Phase.objects.bulk_create(phases, batch_size=context.batch_size)
    CharterVersion.objects.bulk_create(charters, batch_size=context.batch_size)
    Consultation.themes.through.objects.bulk_create(themes, batch_size=context.batch_size)
    return consultations, schedules


def _workshops(context, consultations, schedules, members, now):
    """Two workshops per public consultation, dated in its workshops phase, with registrations."""
    rng = context.rng
    events, plans, links = [], [], []
    for consultation, rows in zip(consultations, schedules, strict=True):
        if consultation.visibility != Consultation.Visibility.PUBLIC:
            continue
        _kind, starts, _ends = rows[1]
        for number in (1, 2):
            at = starts + timedelta(days=3 + 10 * (number - 1), hours=18)
            past = at + timedelta(hours=2) < now
            capacity = rng.choice((20, 30, 40))
            people = members[consultation.territory_id]
            wanted = min(len(people), rng.randint(capacity // 2, capacity + 5))
            events.append(
                Event(
                    territory_id=consultation.territory_id,
                    kind=Event.Kind.WORKSHOP,
                    title=f"Atelier {number} : {consultation.title}"[:150],
                    description="Un atelier pour se mettre à la place des usagers.",
                    starts_at=at, ends_at=at + timedelta(hours=2), capacity=capacity,
                    address="Salle des fêtes", participants_count=wanted + rng.randint(0, 20)
                    if past else None,
                    created_at=starts - timedelta(days=14), updated_at=starts - timedelta(days=14),
                )
            )  # fmt: skip
            plans.append(rng.sample(people, k=wanted))
            links.append(consultation.pk)
    with keep_timestamps(Event, Registration):
        Event.objects.bulk_create(events, batch_size=context.batch_size)
        Workshop.objects.bulk_create(
            [
                Workshop(event=event, consultation_id=pk)
                for event, pk in zip(events, links, strict=True)
            ],
            batch_size=context.batch_size,
        )
        registrations = []
        for event, people in zip(events, plans, strict=True):
            for position, user_id in enumerate(people):
                at = event.created_at + timedelta(hours=position)
                status = (
                    Registration.Status.REGISTERED
                    if position < event.capacity
                    else Registration.Status.WAITLISTED
                )
                registrations.append(
                    Registration(event_id=event.pk, user_id=user_id, status=status,
                                 created_at=at, updated_at=at)
                )  # fmt: skip
        Registration.objects.bulk_create(registrations, batch_size=context.batch_size)
    by_consultation: dict[int, list[Event]] = {}
    for event, consultation_id in zip(events, links, strict=True):
        by_consultation.setdefault(consultation_id, []).append(event)
    return by_consultation


# --- Contributions ------------------------------------------------------------------


def _contributions(context, consultations, schedules, people_of, workshops, texts, neighbourhoods,
                   theme_ids, count, now):  # fmt: skip
    """Bulk-create `count` contributions; return them in insertion order."""
    rng = context.rng
    others = [rng.paretovariate(1.5) for _ in consultations[1:]]
    weights = [BIG_SHARE / (1 - BIG_SHARE) * sum(others) or 1.0, *others]
    placed = rng.choices(range(len(consultations)), weights=weights, k=count)
    placed[0] = 0  # the big one always has contributions
    made: list[Contribution] = []
    for chunk in batched(placed, context.batch_size):
        rows, themes = [], []
        for index in chunk:
            consultation = consultations[index]
            collect_start = schedules[index][0][1]
            collect_end = min(now, schedules[index][1][2] or now)
            created = collect_start + (collect_end - collect_start) * rng.random()
            events = [e for e in workshops.get(consultation.pk, ()) if e.starts_at < now]
            at_workshop = events and rng.random() < 0.05
            people = people_of(consultation)
            workshop = rng.choice(events) if at_workshop else None
            territory_hoods = neighbourhoods.get(consultation.territory_id) or []
            rows.append(
                Contribution(
                    consultation_id=consultation.pk, territory_id=consultation.territory_id,
                    kind=rng.choice((Contribution.Kind.PROBLEM, Contribution.Kind.IDEA)),
                    title=f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)}"[:150],
                    body=rng.choice(texts.bodies), author_id=rng.choice(people),
                    charter_version=1,
                    workshop_id=workshop.pk if workshop else None,
                    group_size=rng.randint(3, 10) if workshop else None,
                    neighbourhood_id=rng.choice(territory_hoods)
                    if territory_hoods and rng.random() < 0.6 else None,
                    is_hidden=rng.random() < 0.01,
                    created_at=workshop.ends_at if workshop else created,
                    updated_at=workshop.ends_at if workshop else created,
                )
            )  # fmt: skip
        with keep_timestamps(Contribution):
            Contribution.objects.bulk_create(rows, batch_size=context.batch_size)
        for row in rows:
            if row.is_hidden:
                row.hidden_reason = "Propos injurieux."
            themes += [
                Contribution.themes.through(contribution_id=row.pk, theme_id=pk)
                for pk in rng.sample(theme_ids, k=min(len(theme_ids), rng.choice((0, 1, 1, 2))))
            ]
        Contribution.themes.through.objects.bulk_create(themes, batch_size=context.batch_size)
        made += rows
        context.step(f"{len(made):,} contributions")
    hidden = [row for row in made if row.is_hidden]
    Contribution.objects.bulk_update(hidden, ["hidden_reason"], batch_size=context.batch_size)
    return made


def _merge_duplicates(context, made: list[Contribution]) -> set[int]:
    """About 1 % of contributions are merged into an older one of the same consultation."""
    rng = context.rng
    last_of: dict[int, int] = {}
    merged = []
    for row in made:
        target = last_of.get(row.consultation_id)
        if target is not None and not row.is_hidden and rng.random() < 0.01:
            row.merged_into_id = target
            merged.append(row)
        else:
            last_of[row.consultation_id] = row.pk
    Contribution.objects.bulk_update(merged, ["merged_into"], batch_size=context.batch_size)
    coauthors = {
        (row.merged_into_id, row.author_id): Contribution.coauthors.through(
            contribution_id=row.merged_into_id, user_id=row.author_id
        )
        for row in merged
    }
    Contribution.coauthors.through.objects.bulk_create(
        list(coauthors.values()), batch_size=context.batch_size, ignore_conflicts=True
    )
    return {row.pk for row in merged}


# --- Supports, follows, comments ------------------------------------------------------


def _support_counts(context, made, eligible_size, total: int) -> list[int]:
    """How many supports each contribution gets: Zipf-like, the head in the big consultation."""
    rng = context.rng
    n = len(made)
    if not n or total <= 0:
        return [0] * n
    order = list(range(n))
    rng.shuffle(order)
    big = made[0].consultation_id
    # The most supported contributions belong to the big consultation (the bench's worst case).
    head = [i for i in order if made[i].consultation_id == big][:20]
    head_set = set(head)
    order = head + [i for i in order if i not in head_set]
    weights = [1 / (rank + 1) ** SKEW for rank in range(n)]
    scale = total / sum(weights)
    counts = [0] * n
    for rank, index in enumerate(order):
        counts[index] = min(int(weights[rank] * scale), eligible_size(made[index]))
    # Give what rounding and caps left to random contributions that still have room.
    missing = total - sum(counts)
    attempts = 0
    while missing > 0 and attempts < 20 * n:
        index = rng.randrange(n)
        attempts += 1
        if counts[index] < eligible_size(made[index]):
            counts[index] += 1
            missing -= 1
    return counts


def _supports_and_follows(context, made, counts, people_of, schedules_of, now):
    rng = context.rng
    size = context.batch_size
    supports, follows = [], []
    inserted = 0
    with keep_timestamps(Support, ContributionFollow):
        for row, count in zip(made, counts, strict=True):
            consultation = row._scale_consultation
            end = min(now, schedules_of[consultation.pk][2][1])
            span = max(end - row.created_at, timedelta(minutes=1))
            supporters = rng.sample(people_of(consultation), k=count) if count else []
            for user_id in supporters:
                at = row.created_at + span * rng.random()
                supports.append(
                    Support(contribution_id=row.pk, consultation_id=consultation.pk,
                            user_id=user_id, created_at=at)
                )  # fmt: skip
            followers = [row.author_id] if row.author_id else []
            followers += [u for u in supporters[: max(0, count // 20)] if u != row.author_id]
            follows += [
                ContributionFollow(contribution_id=row.pk, user_id=u, created_at=row.created_at)
                for u in followers
            ]
            if len(supports) >= size * 4:
                Support.objects.bulk_create(supports, batch_size=size)
                inserted += len(supports)
                supports = []
                if inserted % (size * 40) < size * 4:
                    context.step(f"{inserted:,} supports")
            if len(follows) >= size:
                ContributionFollow.objects.bulk_create(follows, batch_size=size)
                follows = []
        Support.objects.bulk_create(supports, batch_size=size)
        ContributionFollow.objects.bulk_create(follows, batch_size=size)
    context.step(f"{inserted + len(supports):,} supports")


def _comments(context, made, people_of, now):
    rng = context.rng
    content_type = ContentType.objects.get_for_model(Contribution)
    rows = []
    for row in made:
        if rng.random() >= 0.2:
            continue
        people = people_of(row._scale_consultation)
        for _ in range(rng.randint(1, 3)):
            at = row.created_at + (now - row.created_at) * rng.random()
            rows.append(
                Comment(territory_id=row.territory_id, content_type=content_type,
                        object_id=row.pk, author_id=rng.choice(people), body=rng.choice(COMMENTS),
                        created_at=at, updated_at=at)
            )  # fmt: skip
    with keep_timestamps(Comment):
        Comment.objects.bulk_create(rows, batch_size=context.batch_size)
    context.step(f"{len(rows):,} comments on contributions")


# --- Answers and results --------------------------------------------------------------


def _answers(context, made, merged_ids, agents_of, now):
    rng = context.rng
    answers = []
    for row in made:
        if row.is_hidden:
            continue
        if row.pk in merged_ids:
            states = [AnswerState.MERGED]
        elif rng.random() < ANSWERED_SHARE:
            final = _weighted(rng, FINAL_STATES)[0]
            revised = final != AnswerState.UNDER_STUDY and rng.random() < REVISED_SHARE
            states = [AnswerState.UNDER_STUDY, final] if revised else [final]
        else:
            continue
        agents = agents_of(row.territory_id)
        at = row.created_at
        for version, state in enumerate(states, start=1):
            at = min(now, at + timedelta(days=rng.randint(1, 90)))
            answers.append(
                Answer(contribution_id=row.pk, consultation_id=row.consultation_id,
                       version=version, state=state, explanation=EXPLANATIONS[state],
                       decided_by="Conseil municipal" if state == AnswerState.ACCEPTED else "",
                       author_id=rng.choice(agents) if agents else None, author_role="agent",
                       created_at=at)
            )  # fmt: skip
    with keep_timestamps(Answer):
        Answer.objects.bulk_create(answers, batch_size=context.batch_size)
    context.step(f"{len(answers):,} answers")


def _results(context, consultations, schedules, project_ids_of, now):
    """A few results in each consultation that reached its follow-up phase."""
    rng = context.rng
    accepted_states = [AnswerState.ACCEPTED, AnswerState.PARTIALLY_ACCEPTED]
    accepted: dict[int, list[int]] = {}
    for pk, consultation_id in (
        Answer.objects.filter(consultation__in=consultations, state__in=accepted_states)
        .order_by("pk")
        .values_list("contribution_id", "consultation_id")
    ):
        accepted.setdefault(consultation_id, []).append(pk)
    results, links, projects, updates = [], [], [], []
    for consultation, rows in zip(consultations, schedules, strict=True):
        follow_start = rows[3][1]
        candidates = sorted(set(accepted.get(consultation.pk, [])))
        if follow_start > now or not candidates:
            continue
        for position in range(min(len(candidates), rng.randint(1, 6))):
            status = rng.choice(list(Result.Status.values))
            progress = {"planned": 0, "done": 100}.get(status, rng.randrange(5, 95, 5))
            results.append(
                Result(consultation_id=consultation.pk, territory_id=consultation.territory_id,
                       title=f"Résultat {position + 1} : {consultation.title}"[:150],
                       description="Ce qui a été décidé, et où nous en sommes.",
                       status=status, progress=progress, position=position,
                       starts_on=follow_start.date(), created_at=follow_start,
                       updated_at=follow_start)
            )  # fmt: skip
            links.append(rng.sample(candidates, k=min(len(candidates), rng.randint(1, 3))))
            territory_projects = project_ids_of.get(consultation.territory_id) or []
            projects.append(
                [rng.choice(territory_projects)]
                if territory_projects and rng.random() < 0.3
                else []
            )
    with keep_timestamps(Result, ResultUpdate):
        Result.objects.bulk_create(results, batch_size=context.batch_size)
        for result in results:
            for step in range(rng.randint(1, 3)):
                at = result.created_at + timedelta(days=30 * (step + 1))
                updates.append(
                    ResultUpdate(result_id=result.pk, title="Point d'étape",
                                 body="Les travaux avancent comme prévu.", status=result.status,
                                 progress=result.progress, created_at=min(at, now))
                )  # fmt: skip
        ResultUpdate.objects.bulk_create(updates, batch_size=context.batch_size)
    Result.contributions.through.objects.bulk_create(
        [
            Result.contributions.through(result_id=result.pk, contribution_id=pk)
            for result, pks in zip(results, links, strict=True)
            for pk in pks
        ],
        batch_size=context.batch_size,
    )
    Result.projects.through.objects.bulk_create(
        [
            Result.projects.through(result_id=result.pk, project_id=pk)
            for result, pks in zip(results, projects, strict=True)
            for pk in pks
        ],
        batch_size=context.batch_size,
    )
    context.step(f"{len(results):,} results")


# --- The generator ----------------------------------------------------------------------


def generate(context: ScaleContext) -> None:
    options = context.options
    count = options.get("consultations") or 0
    contributions = options.get("contributions") or 0
    supports = options.get("supports") or 0
    if min(count, contributions, supports) < 0:
        raise CommandError("--consultations, --contributions and --supports must be >= 0.")
    members = context.data.get("members_by_territory") or {}
    territories = [t for t in context.data.get("territories") or [] if members.get(t.pk)]
    if contributions and not count:
        count = 1
    if not count or not territories:
        context.data.setdefault("consultation_ids", [])
        return
    now = timezone.now()
    texts = _Texts(context.faker)
    big_territory = max(territories, key=lambda t: (len(members[t.pk]), -t.pk))
    consultations, schedules = _consultations(
        context, territories, count, big_territory, texts, now
    )
    context.step(f"{len(consultations):,} consultations")
    schedules_of = {c.pk: rows for c, rows in zip(consultations, schedules, strict=True)}

    agents: dict[int, list[int]] = {t.pk: [] for t in territories}
    for territory_id, user_id in (
        Membership.objects.filter(territory__in=territories, role__in=[Role.AGENT, Role.ADMIN])
        .order_by("pk")
        .values_list("territory_id", "user_id")
    ):
        agents[territory_id].append(user_id)

    def agents_of(territory_id: int) -> list[int]:
        return agents.get(territory_id) or members[territory_id][:1]

    def people_of(consultation: Consultation) -> list[int]:
        if consultation.visibility == Consultation.Visibility.AGENTS:
            return agents_of(consultation.territory_id)
        return members[consultation.territory_id]

    workshops = _workshops(context, consultations, schedules, members, now)
    neighbourhoods: dict[int, list[int]] = {}
    for pk, territory_id in (
        Neighbourhood.objects.filter(territory__in=territories)
        .order_by("pk")
        .values_list("pk", "territory_id")
    ):
        neighbourhoods.setdefault(territory_id, []).append(pk)
    theme_ids = list(
        Theme.objects.filter(territory=None).order_by("pk").values_list("pk", flat=True)
    )

    made = []
    if contributions:
        made = _contributions(
            context, consultations, schedules, people_of, workshops, texts, neighbourhoods,
            theme_ids, contributions, now,
        )  # fmt: skip
    by_pk = {c.pk: c for c in consultations}
    for row in made:
        row._scale_consultation = by_pk[row.consultation_id]
    merged_ids = _merge_duplicates(context, made)
    counts = _support_counts(
        context, made, lambda row: len(people_of(row._scale_consultation)), supports
    )
    _supports_and_follows(context, made, counts, people_of, schedules_of, now)
    _comments(context, made, people_of, now)
    _answers(context, made, merged_ids, agents_of, now)

    project_ids_of: dict[int, list[int]] = {}
    project_ids = context.data.get("project_ids") or []
    if project_ids:
        from ensemble.projects.models import Project

        for pk, territory_id in (
            Project.objects.filter(pk__in=project_ids, status=Project.Status.PUBLISHED)
            .order_by("pk")
            .values_list("pk", "territory_id")
        ):
            project_ids_of.setdefault(territory_id, []).append(pk)
    _results(context, consultations, schedules, project_ids_of, now)
    recount([c.pk for c in consultations])
    context.step("consultation counters")
    context.data["consultation_ids"] = [c.pk for c in consultations]
    context.data["contribution_ids"] = [row.pk for row in made]
