"""The winning rule on a hand-checked example: greedy by votes within each envelope."""

from types import SimpleNamespace

from ensemble.budgets.services.results import winning_set


def project(pk, cost, votes, neighbourhood=None):
    return SimpleNamespace(pk=pk, cost=cost, total_votes=votes, neighbourhood_id=neighbourhood)


def test_greedy_by_votes_skips_a_project_that_no_longer_fits():
    # Territory envelope 100 000 €. By votes: A (60 000, 90 votes) fits, 40 000 left;
    # B (50 000, 80 votes) no longer fits: skipped; C (30 000, 70 votes) fits, 10 000
    # left; D (15 000, 60 votes) does not fit; E (10 000, 50 votes) fits exactly, 0 left;
    # F (1 000, 0 votes) has no vote: never retained.
    projects = [
        project(1, 60_000, 90),
        project(2, 50_000, 80),
        project(3, 30_000, 70),
        project(4, 15_000, 60),
        project(5, 10_000, 50),
        project(6, 1_000, 0),
    ]
    assert winning_set(projects, {None: 100_000}) == {1, 3, 5}


def test_each_envelope_is_filled_on_its_own():
    # Neighbourhood 7 has 20 000 €: G (15 000, 10 votes) in, H (10 000, 9 votes) out.
    # What is left in the territory's envelope never pays for a neighbourhood's project.
    projects = [
        project(1, 50_000, 5),
        project(2, 15_000, 10, 7),
        project(3, 10_000, 9, 7),
        project(4, 10_000, 100, 8),  # neighbourhood 8 has no envelope: never fits
    ]
    assert winning_set(projects, {None: 100_000, 7: 20_000}) == {1, 2}


def test_ties_go_to_the_cheaper_then_the_older():
    projects = [project(1, 60, 10), project(2, 50, 10), project(3, 50, 10)]
    assert winning_set(projects, {None: 100}) == {2, 3}


def test_the_budget_phases_and_blueprints_are_registered():
    from ensemble.consultations import phases

    assert phases.phase_type("vote").allows(phases.Feature.VOTE)
    assert not phases.phase_type("study").allows(phases.Feature.VOTE)
    kinds = [step.kind for step in phases.BLUEPRINTS["participatory-budget"]]
    assert kinds == ["collect", "study", "vote", "follow_up"]
    assert [step.kind for step in phases.BLUEPRINTS["budget-vote"]] == ["vote", "follow_up"]
    assert "budget-vote" in dict(phases.blueprint_choices())
