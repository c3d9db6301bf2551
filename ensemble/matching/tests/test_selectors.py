import pytest
from django.utils import translation

from ensemble.accounts.models import User
from ensemble.matching.selectors import actor_opportunities, need_candidates
from ensemble.projects.models import ProjectMember
from ensemble.testing.factories import TerritoryFactory

from . import helpers

PREMISES = ("premises", "Salle de 80 m² au rez-de-chaussée", "Local pour stockage et réunions")


@pytest.fixture
def crowd(world):
    t = world["territory"]
    verified = helpers.organisation(
        t, name="Centre social des Moulins", neighbourhood=world["moulins"], is_verified=True,
        themes=[world["food"], world["solidarity"]], offers=[PREMISES],
    )  # fmt: skip
    elsewhere = helpers.organisation(
        t, name="Maison des associations de Fives", neighbourhood=world["fives"],
        offers=[PREMISES],
    )  # fmt: skip
    opted_out = helpers.organisation(
        t, name="Salle Wazemmes", neighbourhood=world["moulins"], is_verified=True,
        contactable=False, themes=[world["food"]], offers=[PREMISES],
    )  # fmt: skip
    hidden = helpers.person(
        t, neighbourhood=world["moulins"], profile_visibility=User.Visibility.HIDDEN,
        offers=[PREMISES],
    )  # fmt: skip
    refuses = helpers.person(
        t, neighbourhood=world["moulins"], contactable=False, offers=[PREMISES]
    )
    inactive = helpers.person(t, neighbourhood=world["moulins"], is_active=False, offers=[PREMISES])
    funder = helpers.organisation(t, name="Fondation", offers=[("funding", "Bourses", "")])
    return {
        "verified": verified, "elsewhere": elsewhere, "opted_out": opted_out, "hidden": hidden,
        "refuses": refuses, "inactive": inactive, "funder": funder,
    }  # fmt: skip


def test_premises_need_shows_the_verified_local_organisation_first_with_reasons(world, crowd):
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    assert candidates[0].organisation == crowd["verified"]
    reasons = candidates[0].reasons
    assert "offers “Salle de 80 m² au rez-de-chaussée”" in reasons
    assert "in the same neighbourhood" in reasons
    assert "works on alimentation and solidarité" in reasons
    assert "verified organisation" in reasons
    assert candidates[1].organisation == crowd["elsewhere"]
    assert 0 < candidates[1].score < candidates[0].score <= 1


def test_actors_who_opted_out_hidden_or_inactive_never_appear(world, crowd):
    candidates = need_candidates(need=world["need"], viewer=None, limit=50)
    orgs = {c.organisation for c in candidates if c.organisation}
    people = {c.user for c in candidates if c.user}
    assert crowd["opted_out"] not in orgs
    assert not people & {crowd["hidden"], crowd["refuses"], crowd["inactive"]}


def test_kinds_that_cannot_meet_the_need_are_not_proposed(world, crowd):
    orgs = {c.organisation for c in need_candidates(need=world["need"], viewer=None, limit=50)}
    assert crowd["funder"] not in orgs


def test_the_project_team_is_not_proposed(world):
    teammate = helpers.person(world["territory"], offers=[PREMISES])
    ProjectMember.objects.create(project=world["project"], user=teammate)
    assert all(c.user != teammate for c in need_candidates(need=world["need"], viewer=None))


def test_same_data_same_order(world, crowd):
    for i in range(6):  # ties: identical offers, same neighbourhood
        helpers.organisation(world["territory"], name=f"Asso {i}", offers=[PREMISES])
    first = [
        (c.actor_type, c.actor.pk, c.score)
        for c in need_candidates(need=world["need"], viewer=None)
    ]
    for _ in range(3):
        again = need_candidates(need=world["need"], viewer=None)
        assert [(c.actor_type, c.actor.pk, c.score) for c in again] == first


def test_other_territories_come_after_the_needs_territory(world):
    other = TerritoryFactory(name="Roubaix", slug="roubaix")
    far = helpers.organisation(other, name="Loin", is_verified=True, offers=[PREMISES])
    near = helpers.organisation(world["territory"], name="Près", offers=[PREMISES])
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    order = [c.organisation for c in candidates]
    assert order.index(near) < order.index(far)
    assert "acts in Roubaix" in candidates[order.index(far)].reasons


def test_expertise_offers_partly_meet_skills_needs(world):
    need = helpers.need(world["project"], kind="skills", title="Comptabilité", skill="comptabilité")
    expert = helpers.person(
        world["territory"], offers=[("expertise", "Conseils en comptabilité associative")]
    )
    skilled = helpers.person(
        world["territory"], offers=[("skills", "Tenue de comptes", "", "Comptable")]
    )
    candidates = need_candidates(need=need, viewer=None)
    assert [c.user for c in candidates[:2]] == [skilled, expert]


def test_reasons_are_in_french_too(world, crowd):
    with translation.override("fr"):
        reasons = need_candidates(need=world["need"], viewer=None)[0].reasons
    assert reasons[:3] == [
        "propose « Salle de 80 m² au rez-de-chaussée »",
        "dans le même quartier",
        "agit pour alimentation et solidarité",
    ]
    assert "organisation vérifiée" in reasons


def test_opportunities_for_an_organisation(world, crowd):
    opportunities = actor_opportunities(organisation=crowd["verified"], viewer=None)
    assert [o.need for o in opportunities] == [world["need"]]
    assert opportunities[0].reasons
    assert actor_opportunities(organisation=crowd["funder"], viewer=None) == []


def test_opportunities_skip_projects_of_the_person(world):
    owner = world["project"].memberships.get().user
    helpers.person  # noqa: B018 - owner gets an offer below
    from ensemble.actors.models import Offer

    Offer.objects.create(user=owner, territory=world["territory"], kind="premises", title="Garage")
    assert actor_opportunities(user=owner, viewer=owner) == []


def test_opportunities_skip_drafts(world, crowd):
    draft = helpers.project(world["territory"], status="draft")
    helpers.need(draft, kind="premises", title="Un local")
    needs = [o.need for o in actor_opportunities(organisation=crowd["verified"], viewer=None)]
    assert needs == [world["need"]]
