"""A territory with a bit of everything, public and not, for the statistics and open data
tests: what must be counted or exported, and what must not."""

from datetime import timedelta

from django.utils import timezone

from ensemble.actors.models import Organisation
from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation, Participant
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.events.models import Event
from ensemble.introductions.models import Introduction
from ensemble.projects.models import Need, Project
from ensemble.projects.tests.factories import ProjectFactory, draft_project
from ensemble.results.models import Result
from ensemble.territories.models import Theme
from ensemble.testing.factories import ThemeFactory, member

SECRET_EMAIL = "contact-prive@asso-exemple.fr"
SECRET_PHONE = "01 46 60 12 34"
HIDDEN_TITLE = "Contribution cachée par la modération"
INTERNAL_TITLE = "Idée interne réservée aux agents"


def populate(territory, *, size: int = 3):
    """`size` scales the counts; everything the figures distinguish appears at least once."""
    now = timezone.now()
    people = [member(territory) for _i in range(size + 2)]
    theme = Theme.objects.filter(territory=territory, slug="nature").first() or ThemeFactory(
        territory=territory, name="Nature", slug="nature"
    )
    Organisation.objects.create(
        territory=territory, name="Asso des Blagis", kind=Organisation.Kind.ASSOCIATION,
        contact_email=SECRET_EMAIL, phone=SECRET_PHONE, is_verified=True,
        verified_at=now - timedelta(days=2),
    )  # fmt: skip
    Organisation.objects.create(territory=territory, name="Collectif", kind="collective")
    for index in range(size):
        project = ProjectFactory(territory=territory, stage=Project.Stage.values[index % 5])
        if index % 2:
            project.themes.add(theme)
        need = Need.objects.create(
            project=project, territory=territory, kind="volunteers", title=f"Bénévoles {index}"
        )
        if index % 2 == 0:
            created = now - timedelta(days=10)
            Need.objects.filter(pk=need.pk).update(
                status=Need.Status.FULFILLED,
                created_at=created,
                fulfilled_at=created + timedelta(days=index + 1),
            )
        intro = Introduction.objects.create(
            need=need, requested_by=people[0], to_user=people[1], message="Bonjour",
            status=Introduction.Status.ACCEPTED if index % 2 else Introduction.Status.REQUESTED,
            outcome=Introduction.Outcome.HELPED if index == 1 else Introduction.Outcome.NONE,
        )  # fmt: skip
        assert intro.pk
    draft_project(territory=territory)
    public = ConsultationFactory(territory=territory, phase="collect")
    internal = ConsultationFactory(
        territory=territory, phase="collect", visibility=Consultation.Visibility.AGENTS
    )
    contributions = [ContributionFactory(consultation=public, author=people[i % len(people)])
                     for i in range(size)]  # fmt: skip
    ContributionFactory(consultation=internal, title=INTERNAL_TITLE,
                        body=f"Écrire à {SECRET_EMAIL}")  # fmt: skip
    hidden = ContributionFactory(consultation=public, title=HIDDEN_TITLE, is_hidden=True)
    for index, contribution in enumerate(contributions):
        for person in people[: index + 1]:
            Support.objects.create(contribution=contribution, consultation=public, user=person)
        Contribution.objects.filter(pk=contribution.pk).update(supports_count=index + 1)
        Participant.objects.get_or_create(consultation=public, user=contribution.author)
    answered = contributions[0]
    Contribution.objects.filter(pk=answered.pk).update(
        created_at=now - timedelta(days=100), answer_state="accepted",
        first_answered_at=now - timedelta(days=90),
    )  # fmt: skip
    answer = Answer.objects.create(
        contribution=answered, consultation=public, version=1, state="accepted",
        explanation=f"Accepté. Contact : {SECRET_EMAIL} ou {SECRET_PHONE}.",
        author_role="agent",
    )  # fmt: skip
    Contribution.objects.filter(pk=answered.pk).update(answer=answer)
    if size > 1:
        Contribution.objects.filter(pk=contributions[1].pk).update(
            created_at=now - timedelta(days=200)
        )  # overdue: unanswered for longer than the charter's delay
    Answer.objects.create(contribution=hidden, consultation=public, version=1, state="rejected",
                          explanation="Hors charte.", is_public=False)  # fmt: skip
    past = WorkshopFactory(consultation=public, starts_at=now - timedelta(days=3),
                           ends_at=now - timedelta(days=3, hours=-2))  # fmt: skip
    Event.objects.filter(pk=past.pk).update(participants_count=12, registered_count=10)
    secret = WorkshopFactory(consultation=internal, starts_at=now - timedelta(days=3),
                             ends_at=now - timedelta(days=3, hours=-2),
                             title="Atelier interne")  # fmt: skip
    Event.objects.filter(pk=secret.pk).update(participants_count=5)
    Result.objects.create(consultation=public, territory=territory, title="Bancs", progress=40)
    Result.objects.create(consultation=public, territory=territory, title="Arbres",
                          progress=100, status=Result.Status.DONE)  # fmt: skip
    Result.objects.create(consultation=internal, territory=territory, title="Interne",
                          progress=10)  # fmt: skip
