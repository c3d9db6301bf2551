"""A person who did a bit of everything, for the export and erasure tests."""

from types import SimpleNamespace

from ensemble.accounts.services import api_token_create
from ensemble.comments.services import comment_create
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.services.follows import contribution_follow
from ensemble.contributions.services.supports import support_add
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.events.services import registration_create
from ensemble.messaging.services import conversation_open, message_send
from ensemble.notifications.services import notify
from ensemble.projects.models import ProjectInvitation
from ensemble.projects.services import project_follow
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.factories import member

EMAIL = "camille.rousseau-unique@example.org"
NAME = "Camille Rousseau-Unique"
BIO = "Jardinière passionnée du quartier des Blagis, bio introuvable ailleurs."


def busy_person(territory) -> SimpleNamespace:
    person = member(territory, email=EMAIL, display_name=NAME, bio=BIO)
    other = member(territory)
    consultation = ConsultationFactory(territory=territory, phase="collect")
    theirs = ContributionFactory(consultation=consultation, author=person)
    support_add(user=other, contribution=theirs)
    others_contribution = ContributionFactory(consultation=consultation, author=other)
    support_add(user=person, contribution=others_contribution)
    contribution_follow(user=person, contribution=others_contribution)
    comment = comment_create(author=person, target=others_contribution, body="Bonne idée !")
    project = ProjectFactory(territory=territory)
    project_follow(user=person, project=project)
    ProjectInvitation.objects.create(project=project, email=EMAIL, invited_by=other,
                                     token="t" * 40)  # fmt: skip
    conversation = conversation_open(opened_by=person, participants=[other], subject="Bancs")
    message = message_send(sender=person, conversation=conversation, body="Bonjour !")
    workshop = WorkshopFactory(consultation=ConsultationFactory(territory=territory,
                                                                phase="workshops"))  # fmt: skip
    registration_create(user=person, event=workshop)
    notify(user=person, kind="data_export_ready", title="Bonjour " + NAME, url="/")
    token = api_token_create(user=person)
    return SimpleNamespace(
        person=person, other=other, contribution=theirs, supported=others_contribution,
        comment=comment, project=project, message=message, workshop=workshop, token=token,
    )  # fmt: skip
