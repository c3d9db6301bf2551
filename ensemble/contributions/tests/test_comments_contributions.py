"""Comments on contributions follow the phase: open while it takes comments, closed otherwise."""

import pytest

from ensemble.comments.models import Comment
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def _api(contribution) -> str:
    return f"/api/v1/contributions/{contribution.pk}/comments"


@pytest.mark.parametrize("phase", ["collect", "workshops", "arbitration", "follow_up"])
def test_a_phase_that_takes_comments_accepts_them(client, territory, phase):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase=phase)
    )
    client.force_login(member(territory))
    response = client.post(_api(contribution), {"body": "Bonne idée."}, "application/json")
    assert response.status_code == 201
    contribution.refresh_from_db()
    assert contribution.comments_count == 1


def test_before_the_first_phase_comments_are_refused_and_the_page_says_why(client, territory):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase=False)
    )
    client.force_login(member(territory))
    response = client.post(_api(contribution), {"body": "Trop tôt ?"}, "application/json")
    assert response.status_code == 403
    assert not Comment.objects.exists()
    page = client.get(contribution.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "does not take comments" in page.content.decode()


def test_a_hidden_contribution_takes_no_comment(client, territory):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory),
        is_hidden=True,
        hidden_reason="Hors sujet",
    )
    client.force_login(member(territory))
    response = client.post(_api(contribution), {"body": "Et pourtant…"}, "application/json")
    assert response.status_code == 404  # its comments are not shown: nothing to add to
    assert not Comment.objects.exists()


def test_the_comments_of_a_hidden_contribution_stay_with_moderators(client, territory):
    from ensemble.comments.services import comment_create

    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    comment_create(author=member(territory), target=contribution, body="Propos déplacés")
    type(contribution).objects.filter(pk=contribution.pk).update(
        is_hidden=True, hidden_reason="Injures"
    )
    client.force_login(member(territory))
    assert client.get(_api(contribution)).status_code == 404
    assert "Propos déplacés" not in client.get(contribution.get_absolute_url()).content.decode()
    client.force_login(member(territory, "moderator"))
    assert client.get(_api(contribution)).status_code == 200
