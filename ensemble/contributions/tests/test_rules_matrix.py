"""Permission matrix on a contribution: who × its state, for the permissions no other
test named (support, comment, report, make a project, read what a hidden one said), and
who manages a consultation's results."""

import pytest

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing import rules
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db

OPEN, HIDDEN, MERGED, ACCEPTED = "open", "hidden", "merged", "accepted"
NO_PHASE, INTERNAL, DRAFT = "no active phase", "internal consultation", "draft consultation"

PEOPLE = rules.people(author=lambda cast: cast.obj.author)
AGENTS = {"agent", "territory admin", "network admin"}
# A verified member of the consultation's territory (the author is one).
TAKE_PART = {"member", "agent", "moderator", "territory admin", "author", "network admin"}
EVERYONE = set(PEOPLE)
NOBODY = {"network admin"}  # Django grants an active superuser every permission

MATRIX = {
    "contributions.support_contribution": {
        OPEN: TAKE_PART, HIDDEN: NOBODY, MERGED: NOBODY, ACCEPTED: TAKE_PART,
        NO_PHASE: TAKE_PART, INTERNAL: AGENTS, DRAFT: NOBODY,
    },
    # The one action that is a permission *and* a phase: no active phase, no comment.
    "contributions.comment_contribution": {
        OPEN: TAKE_PART, HIDDEN: NOBODY, MERGED: NOBODY, ACCEPTED: TAKE_PART,
        NO_PHASE: NOBODY, INTERNAL: AGENTS, DRAFT: NOBODY,
    },
    "contributions.report_contribution": {
        OPEN: TAKE_PART, HIDDEN: TAKE_PART, MERGED: TAKE_PART, ACCEPTED: TAKE_PART,
        NO_PHASE: TAKE_PART, INTERNAL: AGENTS, DRAFT: NOBODY,
    },
    # From an accepted, open contribution: its author or the territory's agents.
    "contributions.make_project": {
        OPEN: NOBODY, HIDDEN: NOBODY, MERGED: NOBODY,
        ACCEPTED: {"author", "agent", "territory admin", "network admin"},
        NO_PHASE: NOBODY, INTERNAL: NOBODY, DRAFT: NOBODY,
    },
}  # fmt: skip

# Reading what a hidden contribution said stays with those who moderate; a public
# contribution is read by everyone, so this one accepts more than it refuses.
READ = {
    "contributions.read_contribution": {
        OPEN: EVERYONE, HIDDEN: {"moderator", "agent", "territory admin", "network admin"},
        MERGED: EVERYONE, ACCEPTED: EVERYONE, NO_PHASE: EVERYONE, INTERNAL: AGENTS,
        DRAFT: AGENTS,
    },
}  # fmt: skip


def _contribution(territory, state) -> Contribution:
    consultation = ConsultationFactory(
        territory=territory,
        phase=False if state == NO_PHASE else None,
        visibility="agents" if state == INTERNAL else "public",
        status=Consultation.Status.DRAFT if state == DRAFT else Consultation.Status.PUBLISHED,
    )
    fields = {}
    if state == HIDDEN:
        fields["is_hidden"] = True
    elif state == MERGED:
        fields["merged_into"] = ContributionFactory(consultation=consultation)
    elif state == ACCEPTED:
        fields["answer_state"] = AnswerState.ACCEPTED
    return ContributionFactory(consultation=consultation, author=member(territory), **fields)


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(MATRIX, PEOPLE))
def test_matrix(territory, other_territory, state, who, expected):
    contribution = _contribution(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, contribution))
    rules.assert_perms(user, contribution, expected)


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(READ, PEOPLE, balanced=False))
def test_read(territory, other_territory, perm, state, who, allowed):
    contribution = _contribution(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, contribution))
    rules.assert_perm(user, perm, contribution, allowed)


# The object is the consultation: the territory's agents record its results.
CONSULTATION = {
    "results.manage_results": {"published": AGENTS, "draft": AGENTS, "internal": AGENTS},
}


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(CONSULTATION, PEOPLE))
def test_consultation_matrix(territory, other_territory, state, who, expected):
    consultation = ConsultationFactory(
        territory=territory,
        status=Consultation.Status.DRAFT if state == "draft" else Consultation.Status.PUBLISHED,
        visibility="agents" if state == "internal" else "public",
    )
    # The author of a contribution holds nothing on its consultation.
    contribution = ContributionFactory(consultation=consultation, author=member(territory))
    user = PEOPLE[who](rules.Cast(territory, other_territory, contribution))
    rules.assert_perms(user, consultation, expected)


def test_an_agent_of_another_territory_holds_nothing(territory, other_territory):
    contribution = _contribution(territory, ACCEPTED)
    agent = member(other_territory, "agent")
    for perm in (*MATRIX, *READ):
        expected = perm == "contributions.read_contribution"  # public: anyone reads it
        rules.assert_perm(agent, perm, contribution, expected)
