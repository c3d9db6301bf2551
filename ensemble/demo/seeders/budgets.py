"""Demo: Sceaux's participatory budget (a closed vote with its results) and a quick poll
on Lyon's home page. Seeded through the services; the phases are moved in time between
steps (the vote runs while people vote, then it is over), as a real budget would go."""

from datetime import timedelta

from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.accounts.services import user_create
from ensemble.budgets.models import BudgetProject
from ensemble.budgets.services.ballots import ballot_save, ballot_submit, paper_ballot_add
from ensemble.budgets.services.results import budget_close, budget_results_publish
from ensemble.budgets.services.setup import budget_project_add, budget_set
from ensemble.consultations.models import Consultation
from ensemble.consultations.services.consultations import consultation_create
from ensemble.demo.common import DEMO_PASSWORD, demo_point
from ensemble.questionnaires.models import Questionnaire
from ensemble.questionnaires.services import questionnaire_set, response_submit
from ensemble.territories.models import Neighbourhood
from ensemble.territories.services import membership_join

TITLE = "Budget participatif 2026"
CHARTER = (
    "## Qui vote ?\n\nToute personne membre de Sceaux sur Ensemble, avec une adresse e-mail "
    "confirmée. Chacun vote une fois, pour les projets de toute la ville et ceux de son "
    "quartier.\n\n## Comment les projets sont-ils retenus ?\n\nPar nombre de voix, tant que "
    "leur coût tient dans l'enveloppe ; chaque projet non retenu reçoit une explication."
)
# title, cost (euros), neighbourhood slug (None: the whole town), description
PROJECTS = [
    (
        "Des fontaines à eau dans les parcs",
        45_000,
        None,
        "Six fontaines d'eau potable, accessibles en fauteuil, dans les jardins de la ville.",
    ),
    (
        "Une boîte à livres par quartier",
        12_000,
        None,
        "Des boîtes à livres fabriquées par le lycée Florian, une dans chaque quartier.",
    ),
    (
        "Des arceaux vélos devant les écoles",
        30_000,
        None,
        "Cent arceaux abrités devant les écoles élémentaires et le collège.",
    ),
    (
        "Un composteur collectif par résidence",
        60_000,
        None,
        "Des composteurs partagés, avec une formation des référents de chaque résidence.",
    ),
    (
        "Un jardin partagé place du Général-de-Gaulle",
        35_000,
        "centre-ville",
        "Des bacs de culture et un point d'eau, animés par une association du quartier.",
    ),
    (
        "Des bancs rue Houdan",
        18_000,
        "centre-ville",
        "Douze bancs le long de la rue piétonne, pour les personnes âgées notamment.",
    ),
    (
        "Un éclairage doux du jardin de la Ménagerie",
        40_000,
        "centre-ville",
        "Un éclairage économe et respectueux de la faune pour traverser le jardin le soir.",
    ),
    (
        "Une boîte à outils partagée au marché",
        9_000,
        "centre-ville",
        "Un local où emprunter des outils, tenu par le repair café.",
    ),
    (
        "Un terrain multisport aux Blagis",
        80_000,
        "les-blagis",
        "Un terrain ouvert de basket et de football, avec un revêtement drainant.",
    ),
    (
        "Des tables de pique-nique au parc des Blagis",
        15_000,
        "les-blagis",
        "Dix tables, dont deux accessibles en fauteuil, à l'ombre des arbres.",
    ),
    (
        "Une fresque participative sur le mur de l'école",
        12_000,
        "les-blagis",
        "Une fresque peinte avec les enfants du quartier et un artiste.",
    ),
    (
        "Des nichoirs et un hôtel à insectes",
        6_000,
        "les-blagis",
        "Des nichoirs posés avec la LPO et un hôtel à insectes près de la coulée verte.",
    ),
]
EXPLANATION = (
    "Moins de voix que les projets retenus : l'enveloppe ne permettait plus de le financer. "
    "La ville l'étudiera pour un prochain budget."
)
# (projects the voter picks by index), repeated
BALLOTS = [
    ((0, 1, 2, 4, 5), 9),
    ((0, 2, 9, 10), 8),
    ((1, 3, 6, 7), 5),
    ((0, 1, 4, 7), 6),
    ((2, 3, 9, 10), 4),
    ((0, 8, 11), 6),
]


def _move_phases(consultation: Consultation, active: str) -> None:
    """Date the phases (three weeks each) so that `active` runs now."""
    phases = list(consultation.phases.order_by("position"))
    index = [p.kind for p in phases].index(active)
    start = timezone.now() - timedelta(days=2) - timedelta(weeks=3 * index)
    for position, phase in enumerate(phases):
        phase.starts_at = start + timedelta(weeks=3 * position)
        phase.ends_at = (
            None if position == len(phases) - 1 else phase.starts_at + timedelta(weeks=3)
        )
        phase.save(update_fields=["starts_at", "ends_at"])
    consultation.__dict__.pop("ordered_phases", None)


def _voters(territory, neighbourhoods, count: int) -> list[User]:
    voters = []
    for index in range(count):
        email = f"habitant{index + 1}@sceaux.demo"
        user = User.objects.filter(email=email).first() or user_create(
            email=email,
            password=DEMO_PASSWORD,
            display_name=f"Habitant·e {index + 1}",
            verified=True,
        )
        membership_join(user=user, territory=territory)
        user.neighbourhood = neighbourhoods[index % len(neighbourhoods)]
        user.save(update_fields=["neighbourhood"])
        voters.append(user)
    return voters


def _seed_budget(context: dict) -> None:
    territory = context["territories"]["sceaux"]
    if Consultation.objects.filter(territory=territory, title=TITLE).exists():
        return
    agent, mayor = context["people"]["agent@sceaux.demo"], context["people"]["mairie@sceaux.demo"]
    consultation = consultation_create(
        author=mayor,
        territory=territory,
        title=TITLE,
        status=Consultation.Status.PUBLISHED,
        question="Quels projets la ville doit-elle financer avec 310 000 € ?",
        description="Les Scéens ont proposé leurs idées, la ville les a étudiées et chiffrées, "
        "puis chacun a voté pour les projets de la ville et de son quartier.",
        blueprint="participatory-budget",
        charter_body=CHARTER,
    )
    _move_phases(consultation, "vote")
    neighbourhoods = {n.slug: n for n in Neighbourhood.objects.filter(territory=territory)}
    centre, blagis = neighbourhoods["centre-ville"], neighbourhoods["les-blagis"]
    budget = budget_set(
        actor=agent,
        consultation=consultation,
        envelope=130_000,
        neighbourhood_envelopes={centre: 80_000, blagis: 100_000},
    )
    projects = []
    for title, cost, slug, description in PROJECTS:
        latitude, longitude = demo_point(territory, title)
        projects.append(
            budget_project_add(
                actor=agent,
                budget=budget,
                title=title,
                cost=cost,
                description=description,
                neighbourhood=neighbourhoods[slug] if slug else None,
                latitude=latitude,
                longitude=longitude,
            )
        )
    voters = iter(_voters(territory, [centre, blagis], sum(times for _, times in BALLOTS)))
    for picks, times in BALLOTS:
        for _ in range(times):
            voter = next(voters)
            chosen = [
                projects[i]
                for i in picks
                if projects[i].neighbourhood_id in (None, voter.neighbourhood_id)
            ]
            ballot_save(user=voter, budget=budget, projects=chosen)
            ballot_submit(user=voter, budget=budget)
    for _ in range(4):  # ballots cast at the town hall, entered by the agent
        paper_ballot_add(
            actor=agent, budget=budget, projects=[projects[1], projects[9]], neighbourhood=blagis
        )
    _move_phases(consultation, "follow_up")
    budget_close(actor=agent, budget=budget)
    losers = BudgetProject.objects.filter(budget=budget, selected=False)
    budget_results_publish(
        actor=agent, budget=budget, explanations={p.pk: EXPLANATION for p in losers}
    )


POLL_TITLE = "Les marchés de quartier le soir ?"


def _seed_poll(context: dict) -> None:
    territory = context["territories"]["lyon"]
    if Questionnaire.objects.filter(territory=territory, title=POLL_TITLE).exists():
        return
    poll = questionnaire_set(
        actor=context["people"]["agent@lyon.demo"],
        territory=territory,
        title=POLL_TITLE,
        introduction="La ville envisage des marchés de producteurs en soirée. Votre avis compte !",
        opens_at=timezone.now() - timedelta(days=3),
        closes_at=timezone.now() + timedelta(days=27),
        questions=[
            {
                "kind": "single",
                "text": "Iriez-vous à un marché de quartier en soirée ?",
                "options": ["Oui, chaque semaine", "De temps en temps", "Non"],
                "required": True,
            },
            {
                "kind": "multiple",
                "text": "Quels produits aimeriez-vous y trouver ?",
                "options": ["Fruits et légumes", "Fromages", "Pain", "Plats à emporter"],
                "max_choices": 2,
                "show_if": 0,
                "show_if_value": "Oui, chaque semaine",
            },
            {
                "kind": "scale",
                "text": "Le marché actuel de votre quartier vous convient-il ?",
                "scale_max": 5,
            },
        ],
    )
    questions = list(poll.questions.all())
    for email, first, products, scale in (
        ("ines@lyon.demo", "Oui, chaque semaine", ["Fromages", "Pain"], 3),
        ("moderation@lyon.demo", "De temps en temps", [], 4),
        ("camille@sceaux.demo", "Oui, chaque semaine", ["Fruits et légumes"], 2),
    ):
        answers = {questions[0].pk: first, questions[1].pk: products, questions[2].pk: scale}
        response_submit(user=context["people"][email], questionnaire=poll, answers=answers)


def seed(context: dict) -> None:
    _seed_budget(context)
    _seed_poll(context)
