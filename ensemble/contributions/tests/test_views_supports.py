"""The support button: POST …/soutenir/ (redirect with a message, or the htmx partial) and why
one cannot support, said instead of a dead button."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.services.supports import support_add
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def contribution(territory):
    return ContributionFactory(consultation=ConsultationFactory(territory=territory))


def url(contribution, territory_slug=None, consultation_pk=None):
    return reverse(
        "contributions:contribution_support",
        kwargs={
            "territory_slug": territory_slug or contribution.territory.slug,
            "consultation_pk": consultation_pk or contribution.consultation_id,
            "pk": contribution.pk,
        },
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def test_support_redirects_back_with_a_message(client, territory, contribution):
    client.force_login(member(territory))

    response = client.post(url(contribution), {"action": "support"})

    assert response.status_code == 302
    assert response.url == f"{contribution.get_absolute_url()}#support-{contribution.pk}"
    assert messages_of(response) == ["You support this contribution."]
    assert Contribution.objects.get(pk=contribution.pk).supports_count == 1


def test_withdraw(client, territory, contribution):
    user = member(territory)
    support_add(user=user, contribution=contribution)
    client.force_login(user)

    response = client.post(url(contribution), {"action": "withdraw"})

    assert messages_of(response) == ["Your support was withdrawn."]
    assert not Support.objects.exists()
    assert Consultation.objects.get(pk=contribution.consultation_id).supports_count == 0


def test_redirects_to_a_safe_next_only(client, territory, contribution):
    client.force_login(member(territory))
    list_url = reverse(
        "contributions:contribution_list",
        kwargs={"territory_slug": territory.slug, "consultation_pk": contribution.consultation_id},
    )
    response = client.post(
        url(contribution), {"action": "support", "next": f"{list_url}?sort=supports"}
    )
    assert response.url == f"{list_url}?sort=supports#support-{contribution.pk}"
    response = client.post(
        url(contribution), {"action": "withdraw", "next": "https://evil.example/"}
    )
    assert response.url.startswith(contribution.get_absolute_url())


def test_htmx_gets_the_partial_pressed(client, territory, contribution):
    client.force_login(member(territory))

    response = client.post(url(contribution), {"action": "support"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    html = response.content.decode()
    assert "You support · withdraw" in html and "aria-pressed" not in html
    assert "1 support" in html
    assert "You support this contribution." in html
    assert 'name="action" value="withdraw"' in html
    assert 'id="support-' not in html.split("<p")[0]  # the inside of the wrapper only
    assert not messages_of(response)  # nothing left for the next page


def test_anonymous_is_sent_to_log_in(client, contribution):
    response = client.post(url(contribution), {"action": "support"})
    assert response.status_code == 302
    assert "/login" in response.url or "connexion" in response.url
    response = client.post(url(contribution), {"action": "support"}, HTTP_HX_REQUEST="true")
    assert response.headers["HX-Redirect"] == contribution.get_absolute_url()
    assert not Support.objects.exists()


def test_get_is_not_allowed(client, territory, contribution):
    client.force_login(member(territory))
    assert client.get(url(contribution)).status_code == 405


def test_unknown_action_is_an_error_message(client, territory, contribution):
    client.force_login(member(territory))
    response = client.post(url(contribution), {"action": "love"})
    assert response.status_code == 302
    assert messages_of(response) == ["Choose whether to support or withdraw your support."]
    assert not Support.objects.exists()


@pytest.mark.parametrize("phase", ["arbitration", "follow_up"])
def test_closed_phase_is_explained(client, territory, phase):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase=phase)
    )
    client.force_login(member(territory))
    response = client.post(url(contribution), {"action": "support"})
    assert "phase" in messages_of(response)[0]
    response = client.post(url(contribution), {"action": "support"}, HTTP_HX_REQUEST="true")
    assert "Supporting is not open in the current phase" in response.content.decode()
    assert "<button" not in response.content.decode()
    assert not Support.objects.exists()


def test_limit_is_explained(client, territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=1)
    first, second = ContributionFactory.create_batch(2, consultation=consultation)
    user = member(territory)
    support_add(user=user, contribution=first)
    client.force_login(user)

    response = client.post(url(second), {"action": "support"})

    assert " 1 " in messages_of(response)[0]
    assert not Support.objects.filter(contribution=second).exists()


def test_refused_people_get_a_message_not_a_500(territory, other_territory, contribution):
    for user in (member(territory, verified=False), member(other_territory), UserFactory()):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        response = client.post(url(contribution), {"action": "support"})
        assert response.status_code == 302
        assert messages_of(response) == ["You may not support this contribution."]
    assert not Support.objects.exists()


def test_not_visible_or_wrong_address_is_404(client, territory, other_territory, contribution):
    internal = ContributionFactory(
        consultation=ConsultationFactory(
            territory=territory, visibility=Consultation.Visibility.AGENTS
        )
    )
    client.force_login(member(territory))
    assert client.post(url(internal), {"action": "support"}).status_code == 404
    other = ConsultationFactory(territory=territory)
    assert (
        client.post(url(contribution, consultation_pk=other.pk), {"action": "support"}).status_code
        == 404
    )
    assert (
        client.post(
            url(contribution, territory_slug=other_territory.slug), {"action": "support"}
        ).status_code
        == 404
    )
    client.force_login(member(territory, Role.AGENT))
    assert client.post(url(internal), {"action": "support"}).status_code == 302
    assert Support.objects.filter(contribution=internal).count() == 1


# --- the partial ----------------------------------------------------------------


def render_partial(user, contribution, supported=None, **extra):
    request = RequestFactory().get("/")
    request.user = user
    context = {"contribution": contribution, "request": request, **extra}
    if supported is not None:
        context["supported"] = supported
    # In English whatever language an earlier test's request left active.
    with translation.override("en"):
        return render_to_string("contributions/_support.html", context, request=request)


def test_partial_for_a_member_who_may_support(territory, contribution):
    html = render_partial(member(territory), contribution, supported=False)
    assert "I support it" in html and "withdraw" not in html
    assert 'name="action" value="support"' in html
    assert f'aria-describedby="support-{contribution.pk}-count"' in html
    assert "0 supports" in html


def test_partial_reads_supported_when_not_given(territory, contribution):
    user = member(territory)
    support_add(user=user, contribution=contribution)
    html = render_partial(user, Contribution.objects.get(pk=contribution.pk))
    assert "You support · withdraw" in html and "1 support" in html


def test_partial_shows_the_remaining_supports(territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=3)
    first, second = ContributionFactory.create_batch(2, consultation=consultation)
    user = member(territory)
    support_add(user=user, contribution=first)
    html = render_partial(user, second, supported=False)
    assert "You have 2 supports left out of 3" in html
    assert f"support-{second.pk}-remaining" in html.split("aria-describedby=")[1].split(">")[0]


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("anonymous", "Log in to support this contribution"),
        ("unverified", "Verify your email address"),
        ("outsider", "Join the territory"),
    ],
)
def test_partial_says_why_instead_of_a_dead_button(territory, contribution, who, reason):
    user = {
        "anonymous": AnonymousUser,
        "unverified": lambda: member(territory, verified=False),
        "outsider": UserFactory,
    }[who]()
    html = render_partial(user, contribution, supported=False)
    assert reason in html
    assert "<button" not in html
    assert "0 supports" in html  # the count is always shown


def test_partial_at_the_limit_still_lets_one_withdraw(territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=1)
    first, second = ContributionFactory.create_batch(2, consultation=consultation)
    user = member(territory)
    support_add(user=user, contribution=first)
    assert "You have used all your supports" in render_partial(user, second, supported=False)
    html = render_partial(user, Contribution.objects.get(pk=first.pk), supported=True)
    assert 'name="action" value="withdraw"' in html


def test_list_with_support_buttons_stays_flat_with_a_limit(client, territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=100)
    user = member(territory)
    client.force_login(user)

    def grow(n):
        while Contribution.objects.filter(consultation=consultation).count() < n:
            support_add(user=user, contribution=ContributionFactory(consultation=consultation))

    list_url = reverse(
        "contributions:contribution_list",
        kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
    )
    assert_flat_queries(client, list_url, grow)
    assert "You have 50 supports left out of 100" in client.get(list_url).content.decode()
