"""The charter: versions are never edited, each new one is in force from now."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.consultations.models import CharterVersion
from ensemble.consultations.services.charter import charter_publish
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def publish(author, consultation, **kwargs):
    data = {"body": "Nouvelles règles.", "changes": "Délai raccourci.", "answer_within_days": 30}
    return charter_publish(author=author, consultation=consultation, **{**data, **kwargs})


def test_refused_to_residents_moderators_and_other_territories(territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    for user in (
        member(territory),
        member(territory, "moderator"),
        member(other_territory, "agent"),
    ):
        with pytest.raises(PermissionDenied):
            publish(user, consultation)
    assert CharterVersion.objects.filter(consultation=consultation).count() == 1


def test_a_new_version_says_what_changed_and_keeps_the_promise_valid(territory):
    consultation = ConsultationFactory(territory=territory)
    agent = member(territory, "agent")
    with pytest.raises(ValidationError) as error:
        publish(agent, consultation, changes="  ")
    assert "changes" in error.value.message_dict
    for days in (0, 731):
        with pytest.raises(ValidationError) as error:
            publish(agent, consultation, answer_within_days=days)
        assert "answer_within_days" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        publish(agent, consultation, body="")
    assert "body" in error.value.message_dict
    consultation.refresh_from_db()
    assert consultation.charter_version == 1


def test_versions_follow_each_other_and_the_consultation_copies_the_newest(territory):
    consultation = ConsultationFactory(territory=territory)
    agent = member(territory, "agent")
    old = ContributionFactory(consultation=consultation)
    second = publish(agent, consultation)
    third = publish(
        agent, consultation, body="Encore.", changes="Précision.", answer_within_days=45
    )
    assert (second.version, third.version) == (2, 3)
    consultation.refresh_from_db()
    assert (consultation.charter_version, consultation.answer_within_days) == (3, 45)
    first = CharterVersion.objects.get(consultation=consultation, version=1)
    assert first.body.startswith("Toute personne")  # never edited
    old.refresh_from_db()
    assert old.charter_version == 1  # a contribution keeps the version it was posted under
