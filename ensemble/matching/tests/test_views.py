import pytest
from django.urls import reverse

from ensemble.actors.models import OrganisationMember
from ensemble.matching.models import MatchAlert
from ensemble.projects.models import ProjectMember
from ensemble.territories.roles import Role
from ensemble.testing.factories import TerritoryFactory, UserFactory, member

from . import helpers
from .test_selectors import STORE


def _matches_url(world, territory=None, need=None):
    return reverse(
        "matching:need_matches",
        kwargs={
            "territory_slug": (territory or world["territory"]).slug,
            "pk": world["project"].pk,
            "need_pk": (need or world["need"]).pk,
        },
    )


@pytest.fixture
def offerer(world):
    return helpers.organisation(
        world["territory"], name="Centre social des Moulins", neighbourhood=world["moulins"],
        is_verified=True, offers=[STORE],
    )  # fmt: skip


def test_team_sees_ranked_candidates_with_reasons_and_introduction_link(client, world, offerer):
    client.force_login(world["project"].memberships.get().user)
    response = client.get(_matches_url(world), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Centre social des Moulins" in html
    assert "in the same neighbourhood" in html
    assert (
        f"/me/mises-en-relation/demander/?need={world['need'].pk}&amp;organisation={offerer.pk}"
        in html
    )


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(_matches_url(world))
    assert response.status_code == 302 and "login" in response.url


def test_territory_member_outside_the_team_is_refused(client, world):
    client.force_login(member(world["territory"]))
    assert client.get(_matches_url(world)).status_code == 403


def test_need_of_another_project_or_territory_is_not_found(client, world):
    client.force_login(world["project"].memberships.get().user)
    other_project = helpers.project(world["territory"])
    other_need = helpers.need(other_project, kind="premises", title="Local")
    assert client.get(_matches_url(world, need=other_need)).status_code == 404
    elsewhere = TerritoryFactory(name="Roubaix", slug="roubaix")
    assert client.get(_matches_url(world, territory=elsewhere)).status_code == 404


def test_draft_project_need_is_not_found_for_others(client, world):
    draft = helpers.project(world["territory"], status="draft")
    need = helpers.need(draft, kind="premises", title="Local")
    client.force_login(member(world["territory"], Role.AGENT))
    url = reverse(
        "matching:need_matches",
        kwargs={"territory_slug": "lille", "pk": draft.pk, "need_pk": need.pk},
    )
    assert client.get(url).status_code == 404


def test_organisation_opportunities_members_only(client, world, offerer):
    url = reverse(
        "matching:organisation_opportunities", kwargs={"territory_slug": "lille", "pk": offerer.pk}
    )
    client.force_login(member(world["territory"]))
    assert client.get(url).status_code == 403
    person = UserFactory()
    OrganisationMember.objects.create(organisation=offerer, user=person)
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200
    assert world["need"].title in response.content.decode()


def test_my_opportunities(client, world):
    person = helpers.person(world["territory"], offers=[STORE])
    url = reverse("matching:my_opportunities", kwargs={"territory_slug": "lille"})
    assert client.get(url).status_code == 302
    client.force_login(person)
    assert world["need"].title in client.get(url).content.decode()


def test_alerts_page_opt_in_and_out(client, world, offerer):
    url = reverse("matching:alerts", kwargs={"territory_slug": "lille"})
    assert client.get(url).status_code == 302
    person = UserFactory()
    client.force_login(person)
    assert client.get(url).status_code == 200
    response = client.post(url, {"target": "person", "mode": "digest", "is_active": "on"})
    assert response.status_code == 302
    alert = MatchAlert.objects.get(user=person)
    assert (alert.mode, alert.is_active) == ("digest", True)
    client.post(url, {"target": "person", "mode": "digest"})
    alert.refresh_from_db()
    assert alert.is_active is False


def test_alerts_page_refuses_someone_elses_organisation(client, world, offerer):
    url = reverse("matching:alerts", kwargs={"territory_slug": "lille"})
    client.force_login(UserFactory())
    response = client.post(
        url, {"target": f"organisation-{offerer.pk}", "mode": "immediate", "is_active": "on"}
    )
    assert response.status_code == 400  # not among the choices
    assert not MatchAlert.objects.exists()


def test_bad_mode_is_a_field_error(client, world):
    url = reverse("matching:alerts", kwargs={"territory_slug": "lille"})
    client.force_login(UserFactory())
    response = client.post(url, {"target": "person", "mode": "hourly"})
    assert response.status_code == 400


def test_team_member_not_owner_also_sees_candidates(client, world, offerer):
    teammate = UserFactory()
    ProjectMember.objects.create(project=world["project"], user=teammate)
    client.force_login(teammate)
    assert client.get(_matches_url(world)).status_code == 200


def test_nobody_fits_says_so_and_offers_what_helps(client, world):
    helpers.organisation(
        world["territory"], name="Club de foot",
        offers=[("premises", "Terrain de football synthétique", "Créneaux le dimanche matin.")],
    )  # fmt: skip
    need = helpers.need(
        world["project"], kind="premises", title="Un bassin de natation olympique",
        description="Entraîner notre club de water-polo.",
    )  # fmt: skip
    client.force_login(world["project"].memberships.get().user)
    html = client.get(_matches_url(world, need=need), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Club de foot" not in html
    assert "Nobody on the platform offers something that fits this need yet" in html
    assert "Post news about this need on the territory&#x27;s feed" in html
    assert "I can help" in html
