"""Scale data for participatory budgets and questionnaires: one budget in its vote phase
in the biggest territory (projects in the territory's and two neighbourhoods' envelopes,
`--budget-voters` submitted ballots: its members online, the rest paper ballots) and one
questionnaire phase with `--questionnaire-responses` responses to its nine questions.

Rows are bulk-inserted; the stored counts (votes, turnout, the questionnaire's tallies)
are then counted from them by the services' recounts.

    manage.py seed_scale --members 100000 --budget-voters 100000 \
        --questionnaire-responses 100000
"""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils import timezone

from ensemble.budgets.models import Ballot, Budget, BudgetProject, NeighbourhoodEnvelope
from ensemble.budgets.services import counts
from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.questionnaires import tallies
from ensemble.questionnaires.models import Answer, Question, Questionnaire, Response
from ensemble.territories.models import Neighbourhood

from . import ScaleContext, batched

PROJECTS = 60
SUBJECTS = [
    "Des fontaines",
    "Un jardin partagé",
    "Des bancs",
    "Un terrain de sport",
    "Des arceaux vélos",
    "Une boîte à livres",
    "Des nichoirs",
    "Un éclairage doux",
    "Une fresque",
    "Des tables de pique-nique",
]
QUESTIONS = [
    {"kind": "single", "text": "Venez-vous à vélo ?", "options": ["Oui", "Non"]},
    {
        "kind": "multiple",
        "text": "Quels aménagements ?",
        "options": ["Pistes", "Arceaux", "Ateliers"],
        "max_choices": 2,
    },
    {"kind": "ranking", "text": "Vos priorités", "options": ["Sécurité", "Confort", "Coût"]},
    {"kind": "scale", "text": "Votre satisfaction", "scale_max": 10},
    {"kind": "short_text", "text": "Un mot ?"},
    {"kind": "long_text", "text": "Vos idées"},
    {"kind": "number", "text": "Kilomètres par semaine"},
    {"kind": "date", "text": "Depuis quand ?"},
    {
        "kind": "matrix",
        "text": "Votre avis",
        "rows": ["Pistes", "Parkings"],
        "options": ["Bien", "Moyen", "Mal"],
    },
]


def add_arguments(parser) -> None:
    parser.add_argument("--budget-voters", type=int, default=0, help="Ballots of the budget.")
    parser.add_argument(
        "--questionnaire-responses", type=int, default=0, help="Responses to the questionnaire."
    )


def _consultation(territory, title: str, kind: str, now) -> Consultation:
    consultation = Consultation.objects.create(
        territory=territory,
        title=title,
        question=title,
        status="published",
        published_at=now - timedelta(days=30),
        charter_version=1,
    )
    CharterVersion.objects.create(
        consultation=consultation, version=1, body="Règles.", answer_within_days=60
    )
    Phase.objects.bulk_create(
        [
            Phase(
                consultation=consultation,
                kind=kind,
                position=0,
                starts_at=now - timedelta(days=7),
                ends_at=now + timedelta(days=14),
            ),
            Phase(
                consultation=consultation,
                kind="follow_up",
                position=1,
                starts_at=now + timedelta(days=14),
            ),
        ]
    )
    return consultation


def _budget(context: ScaleContext, territory, members: list[int], now) -> None:
    rng, voters = context.rng, context.options.get("budget_voters") or 0
    consultation = _consultation(territory, "Budget participatif (échelle)", "vote", now)
    budget = Budget.objects.create(
        consultation=consultation, envelope=10**9, results_visible_during_vote=True
    )
    neighbourhoods = list(Neighbourhood.objects.filter(territory=territory).order_by("pk")[:2])
    NeighbourhoodEnvelope.objects.bulk_create(
        NeighbourhoodEnvelope(budget=budget, neighbourhood=n, amount=10**8) for n in neighbourhoods
    )
    projects = BudgetProject.objects.bulk_create(
        BudgetProject(
            budget=budget,
            title=f"{SUBJECTS[i % len(SUBJECTS)]} n° {i + 1}",
            cost=rng.randrange(5, 200) * 1000,
            description=context.faker.paragraph(),
            neighbourhood=neighbourhoods[i % 3] if i % 3 < len(neighbourhoods) else None,
        )
        for i in range(PROJECTS)
    )
    through = Ballot.projects.through
    for start in range(0, voters, context.batch_size):
        size = min(context.batch_size, voters - start)
        ballots = Ballot.objects.bulk_create(
            Ballot(
                budget=budget,
                user_id=members[start + i] if start + i < len(members) else None,
                channel="online" if start + i < len(members) else "paper",
                submitted_at=now - timedelta(seconds=rng.randrange(7 * 86400)),
            )
            for i in range(size)
        )
        through.objects.bulk_create(
            through(ballot_id=ballot.pk, budgetproject_id=project.pk)
            for ballot in ballots
            for project in rng.sample(projects, rng.randint(1, 5))
        )
    counts.recount(budget_pk=budget.pk)  # votes, ballots and turnout, from the ballots
    context.step(f"budget: {PROJECTS} projects, {voters:,} ballots")


def _answer_rows(rng, faker, question_pks: list[int]) -> list[dict]:
    q = dict(zip(range(len(QUESTIONS)), question_pks, strict=True))
    rows = [{"question_id": q[0], "choice": rng.choice(["Oui", "Non"])}]
    rows += [
        {"question_id": q[1], "choice": c} for c in rng.sample(["Pistes", "Arceaux", "Ateliers"], 2)
    ]
    rows += [
        {"question_id": q[2], "choice": c, "rank": r + 1}
        for r, c in enumerate(rng.sample(["Sécurité", "Confort", "Coût"], 3))
    ]
    scale = rng.randint(1, 10)
    rows.append({"question_id": q[3], "choice": str(scale), "number": scale})
    if rng.random() < 0.3:
        rows.append({"question_id": q[5], "text": faker.sentence()})
    rows.append({"question_id": q[6], "number": rng.randint(0, 200)})
    rows.append({"question_id": q[8], "row": "Pistes", "choice": rng.choice(["Bien", "Mal"])})
    return rows


def _questionnaire(context: ScaleContext, territory, members: list[int], now) -> None:
    count = context.options.get("questionnaire_responses") or 0
    consultation = _consultation(territory, "Questionnaire (échelle)", "questionnaire", now)
    questionnaire = Questionnaire.objects.create(
        territory=territory, consultation=consultation, title="Le vélo au quotidien"
    )
    questions = Question.objects.bulk_create(
        Question(questionnaire=questionnaire, position=i, **spec)
        for i, spec in enumerate(QUESTIONS)
    )
    pks = [question.pk for question in questions]
    for chunk in batched(range(count), context.batch_size):
        responses = Response.objects.bulk_create(
            Response(questionnaire=questionnaire, user_id=members[i] if i < len(members) else None)
            for i in chunk
        )
        Answer.objects.bulk_create(
            (
                Answer(response=response, **row)
                for response in responses
                for row in _answer_rows(context.rng, context.faker, pks)
            ),
            batch_size=context.batch_size,
        )
    tallies.recount(questionnaire_pk=questionnaire.pk)  # the results and responses_count
    context.step(f"questionnaire: {count:,} responses")


def generate(context: ScaleContext) -> None:
    options = context.options
    if min(options.get("budget_voters") or 0, options.get("questionnaire_responses") or 0) < 0:
        raise CommandError("--budget-voters and --questionnaire-responses must be >= 0.")
    members = context.data.get("members_by_territory") or {}
    territories = [t for t in context.data.get("territories") or [] if members.get(t.pk)]
    if not territories:
        return
    big = max(territories, key=lambda t: (len(members[t.pk]), -t.pk))
    now = timezone.now()
    if options.get("budget_voters"):
        _budget(context, big, members[big.pk], now)
    if options.get("questionnaire_responses"):
        _questionnaire(context, big, members[big.pk], now)
