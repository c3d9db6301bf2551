"""Ballots: refusals first (envelope, neighbourhood, territory, address, twice), then counting."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.budgets.models import Ballot, BudgetProject, VerifiedResident, VoteSettings
from ensemble.budgets.services.ballots import ballot_save, ballot_submit, paper_ballot_add
from ensemble.budgets.tests.factories import budget_with_projects
from ensemble.core.exceptions import Conflict
from ensemble.testing.factories import NeighbourhoodFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(territory):
    north = NeighbourhoodFactory(territory=territory, name="Nord")
    south = NeighbourhoodFactory(territory=territory, name="Sud")
    budget, (park, bench, north_lights, south_garden) = budget_with_projects(
        territory,
        envelope=100,
        envelopes={north: 50, south: 50},
        projects=[
            ("Parc", 70, None),
            ("Bancs", 40, None),
            ("Lampadaires", 30, north),
            ("Jardin", 50, south),
        ],
    )
    return {
        "territory": territory,
        "north": north,
        "south": south,
        "budget": budget,
        "park": park,
        "bench": bench,
        "north_lights": north_lights,
        "south_garden": south_garden,
    }


def resident(town, neighbourhood="north", **kwargs):
    user = member(town["territory"], **kwargs)
    user.neighbourhood = town[neighbourhood]
    user.save(update_fields=["neighbourhood"])
    return user


def test_a_ballot_over_the_envelope_is_refused_and_nothing_is_stored(town):
    voter = resident(town)
    with pytest.raises(ValidationError) as error:
        ballot_save(user=voter, budget=town["budget"], projects=[town["park"], town["bench"]])
    assert "past the envelope" in str(error.value.message_dict["projects"])
    assert not Ballot.objects.exists()
    ballot_save(user=voter, budget=town["budget"], projects=[town["park"]])
    with pytest.raises(ValidationError):
        ballot_save(user=voter, budget=town["budget"], projects=[town["park"], town["bench"]])
    assert list(Ballot.objects.get().projects.all()) == [town["park"]]  # unchanged


def test_another_neighbourhoods_envelope_is_refused(town):
    with pytest.raises(ValidationError) as error:
        ballot_save(user=resident(town), budget=town["budget"], projects=[town["south_garden"]])
    assert "another neighbourhood" in str(error.value)
    assert not Ballot.objects.exists()


def test_a_person_without_a_neighbourhood_votes_only_territory_wide(town):
    voter = member(town["territory"])
    with pytest.raises(ValidationError):
        ballot_save(user=voter, budget=town["budget"], projects=[town["north_lights"]])


def test_another_territorys_person_may_not_vote(town, other_territory):
    with pytest.raises(PermissionDenied):
        ballot_save(user=member(other_territory), budget=town["budget"], projects=[town["park"]])
    assert not Ballot.objects.exists()


def test_an_unconfirmed_address_may_not_vote(town):
    voter = resident(town, verified=False)
    with pytest.raises(PermissionDenied):
        ballot_save(user=voter, budget=town["budget"], projects=[town["park"]])
    with pytest.raises(PermissionDenied):
        ballot_submit(user=voter, budget=town["budget"])


def test_verified_residents_only_when_the_territory_says_so(town):
    VoteSettings.objects.create(territory=town["territory"], verified_residents_only=True)
    voter = resident(town)
    with pytest.raises(PermissionDenied):
        ballot_save(user=voter, budget=town["budget"], projects=[town["park"]])
    VerifiedResident.objects.create(territory=town["territory"], user=voter)
    assert ballot_save(user=voter, budget=town["budget"], projects=[town["park"]])


def test_no_vote_outside_the_vote_phase(territory):
    budget, (park,) = budget_with_projects(territory, projects=[("Parc", 10, None)], phase="study")
    with pytest.raises(Conflict):
        ballot_save(user=member(territory), budget=budget, projects=[park])


def test_submit_once_then_nothing_changes(town):
    voter, budget = resident(town), town["budget"]
    with pytest.raises(ValidationError):  # an empty ballot
        ballot_submit(user=voter, budget=budget)
    ballot_save(user=voter, budget=budget, projects=[town["park"], town["north_lights"]])
    ballot = ballot_submit(user=voter, budget=budget)
    assert ballot.is_submitted and ballot.neighbourhood == town["north"]
    with pytest.raises(Conflict):
        ballot_submit(user=voter, budget=budget)
    with pytest.raises(Conflict):
        ballot_save(user=voter, budget=budget, projects=[town["bench"]])
    counts = dict(BudgetProject.objects.values_list("title", "votes_count"))
    assert counts == {"Parc": 1, "Bancs": 0, "Lampadaires": 1, "Jardin": 0}
    budget.refresh_from_db()
    assert budget.ballots_count == 1
    budget.consultation.refresh_from_db()
    assert budget.consultation.participants_count == 1


def test_pick_n_and_approval_rules(territory):
    budget, projects = budget_with_projects(
        territory,
        envelope=10,
        projects=[("A", 10, None), ("B", 10, None), ("C", 10, None)],
        rule="pick_n",
        rule_count=2,
    )
    voter = member(territory)
    with pytest.raises(ValidationError):
        ballot_save(user=voter, budget=budget, projects=projects)
    ballot_save(user=voter, budget=budget, projects=projects[:2])  # past the envelope: no matter
    budget.rule, budget.rule_count = "approval", 3
    budget.save()
    with pytest.raises(ValidationError):
        ballot_submit(user=voter, budget=budget)
    ballot_save(user=voter, budget=budget, projects=projects)
    assert ballot_submit(user=voter, budget=budget).is_submitted


def test_paper_ballots_are_counted_apart_with_who_entered_them(town):
    agent = member(town["territory"], "agent")
    with pytest.raises(PermissionDenied):
        paper_ballot_add(actor=resident(town), budget=town["budget"], projects=[town["park"]])
    with pytest.raises(ValidationError):
        paper_ballot_add(
            actor=agent,
            budget=town["budget"],
            projects=[town["south_garden"]],
            neighbourhood=town["north"],
        )
    ballot = paper_ballot_add(
        actor=agent,
        budget=town["budget"],
        projects=[town["park"], town["south_garden"]],
        neighbourhood=town["south"],
    )
    assert ballot.channel == "paper" and ballot.entered_by == agent and ballot.user is None
    town["park"].refresh_from_db()
    assert (town["park"].votes_count, town["park"].paper_votes_count) == (0, 1)
    town["budget"].refresh_from_db()
    assert (town["budget"].ballots_count, town["budget"].paper_ballots_count) == (0, 1)
