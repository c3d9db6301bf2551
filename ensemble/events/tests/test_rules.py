"""Permission matrix on an event: who × what it belongs to (nothing, or a consultation
in some state). The events app knows nothing of consultations: what a workshop changes
comes from the consultation side's event policy, which these cases go through."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event
from ensemble.testing import rules
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db

PUBLISHED, DRAFT, INTERNAL = "published consultation", "draft consultation", "internal consultation"
TERRITORY_EVENT = "no consultation"


def _facilitator(cast):
    user = member(cast.territory)
    cast.obj.facilitators.add(user)
    return user


PEOPLE = rules.people(facilitator=_facilitator)
AGENTS = {"agent", "territory admin", "network admin"}
EVERYONE = set(PEOPLE)
NOBODY = {"network admin"}  # Django grants an active superuser every permission
VERIFIED_MEMBERS = {
    "member",
    "agent",
    "moderator",
    "territory admin",
    "facilitator",
    "network admin",
}
RUNS_IT = {"facilitator", "agent", "territory admin", "network admin"}

MATRIX = {
    "events.change_event": {
        PUBLISHED: AGENTS, DRAFT: AGENTS, INTERNAL: AGENTS, TERRITORY_EVENT: AGENTS,
    },
    "events.register": {
        PUBLISHED: VERIFIED_MEMBERS, DRAFT: AGENTS, INTERNAL: AGENTS,
        TERRITORY_EVENT: VERIFIED_MEMBERS,
    },
    "events.view_registrations": {
        PUBLISHED: RUNS_IT, DRAFT: RUNS_IT, INTERNAL: RUNS_IT, TERRITORY_EVENT: RUNS_IT,
    },
    # A facilitators' report exists only for a workshop of a published consultation.
    "consultations.record_workshop": {
        PUBLISHED: RUNS_IT, DRAFT: NOBODY, INTERNAL: RUNS_IT, TERRITORY_EVENT: NOBODY,
    },
}  # fmt: skip

# An event of a public consultation, or of no consultation, is seen by everyone: this
# one accepts more than it refuses; the refusals are drafts and internal consultations.
VIEW = {
    "events.view_event": {
        PUBLISHED: EVERYONE, DRAFT: AGENTS, INTERNAL: AGENTS, TERRITORY_EVENT: EVERYONE,
    },
}  # fmt: skip


def _event(territory, state) -> Event:
    if state == TERRITORY_EVENT:
        starts_at = timezone.now() + timedelta(days=7)
        return Event.objects.create(
            territory=territory, kind=Event.Kind.MEETING, title="Réunion publique",
            starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), capacity=20,
        )  # fmt: skip
    consultation = ConsultationFactory(
        territory=territory,
        phase="workshops",
        status=Consultation.Status.DRAFT if state == DRAFT else Consultation.Status.PUBLISHED,
        visibility="agents" if state == INTERNAL else "public",
    )
    return WorkshopFactory(consultation=consultation)


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(MATRIX, PEOPLE))
def test_matrix(territory, other_territory, state, who, expected):
    event = _event(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, event))
    rules.assert_perms(user, event, expected)


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(VIEW, PEOPLE, balanced=False))
def test_view(territory, other_territory, perm, state, who, allowed):
    event = _event(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, event))
    rules.assert_perm(user, perm, event, allowed)


# The object is the consultation: its territory's agents add workshops to it.
ADD_WORKSHOP = {
    "consultations.add_workshop": {"published": AGENTS, "draft": AGENTS, "internal": AGENTS}
}
CONSULTATION_PEOPLE = rules.people()


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(ADD_WORKSHOP, CONSULTATION_PEOPLE))
def test_add_workshop(territory, other_territory, perm, state, who, allowed):
    consultation = ConsultationFactory(
        territory=territory,
        status=Consultation.Status.DRAFT if state == "draft" else Consultation.Status.PUBLISHED,
        visibility="agents" if state == "internal" else "public",
    )
    user = CONSULTATION_PEOPLE[who](rules.Cast(territory, other_territory, consultation))
    rules.assert_perm(user, perm, consultation, allowed)


def test_a_facilitator_of_another_workshop_holds_nothing_on_this_one(territory):
    event, other = _event(territory, PUBLISHED), _event(territory, PUBLISHED)
    facilitator = member(territory)
    other.facilitators.add(facilitator)
    for perm in ("consultations.record_workshop", "events.view_registrations"):
        rules.assert_perm(facilitator, perm, event, False)
