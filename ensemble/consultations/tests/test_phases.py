"""The phase registry: states at their boundaries, features, blueprints, the database form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.consultations import phases
from ensemble.consultations.models import Phase
from ensemble.consultations.phases import Feature, PhaseState
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.core.registry import AlreadyRegistered, NotRegistered

NOW = timezone.now()
HOUR = timedelta(hours=1)


def test_phase_state_boundaries():
    start, end = NOW, NOW + HOUR
    assert phases.phase_state(start, end, now=start - timedelta(microseconds=1)) == "upcoming"
    assert phases.phase_state(start, end, now=start) == PhaseState.ACTIVE  # start included
    assert phases.phase_state(start, end, now=end - timedelta(microseconds=1)) == "active"
    assert phases.phase_state(start, end, now=end) == PhaseState.PAST  # end excluded
    assert phases.phase_state(start, None, now=start + timedelta(days=9999)) == "active"


def test_every_registered_kind_has_a_label_and_features():
    kinds = {t.kind for t in phases.phase_types()}
    assert {"collect", "workshops", "arbitration", "follow_up"} <= kinds
    for phase_type in phases.phase_types():
        assert str(phase_type.label) and phase_type.features
    assert phases.phase_type("collect").allows(Feature.PROPOSE)
    assert not phases.phase_type("arbitration").allows(Feature.PROPOSE)
    assert not phases.phase_type("arbitration").allows(Feature.SUPPORT)
    assert phases.phase_type("workshops").allows(Feature.REGISTER)


def _phase(kind, start, end):
    return Phase(kind=kind, starts_at=start, ends_at=end)


def test_features_before_between_and_after_the_phases():
    collect = _phase("collect", NOW, NOW + HOUR)
    arbitration = _phase("arbitration", NOW + 2 * HOUR, NOW + 3 * HOUR)
    both = [collect, arbitration]
    assert phases.features_at(both, now=NOW - HOUR) == frozenset()  # not started
    assert Feature.PROPOSE in phases.features_at(both, now=NOW)
    assert phases.features_at(both, now=NOW + HOUR) == frozenset()  # between two phases
    assert phases.features_at(both, now=NOW + 2 * HOUR) == phases.phase_type("arbitration").features
    assert phases.features_at(both, now=NOW + 3 * HOUR) == phases.CLOSED_FEATURES  # all over
    assert phases.features_at([], now=NOW) == frozenset()


def test_the_co_creation_blueprint_has_four_phases_ending_open():
    steps = phases.BLUEPRINTS["co-creation"]
    assert [s.kind for s in steps] == ["collect", "workshops", "arbitration", "follow_up"]
    assert steps[-1].duration is None and all(s.duration for s in steps[:-1])


@pytest.mark.django_db
def test_database_forms_agree_with_phase_state():
    consultation = ConsultationFactory(phase="workshops")
    rows = list(consultation.ordered_phases)
    active = set(Phase.objects.filter(phases.active_phase_q()).values_list("pk", flat=True))
    unfinished = set(Phase.objects.filter(phases.unfinished_phase_q()).values_list("pk", flat=True))
    for phase in rows:
        assert (phase.pk in active) == (phase.state == PhaseState.ACTIVE)
        assert (phase.pk in unfinished) == (phase.state != PhaseState.PAST)


@pytest.mark.django_db
def test_published_consultation_allows_what_its_active_phase_allows(django_assert_num_queries):
    consultation = ConsultationFactory(phase="arbitration")
    consultation = type(consultation).objects.prefetch_related("phases").get(pk=consultation.pk)
    with django_assert_num_queries(0):
        assert consultation.allows(Feature.ANSWER)
        assert not consultation.allows(Feature.PROPOSE)
    draft = ConsultationFactory(status="draft")
    assert not draft.allows(Feature.PROPOSE)  # a draft allows nothing


def test_a_second_phase_type_with_a_known_kind_is_refused():
    class AnotherCollect(phases.PhaseType):
        kind = "collect"
        label = "Another collect"

    with pytest.raises(AlreadyRegistered):
        phases.register(AnotherCollect)
    assert phases.phase_type("collect").label != "Another collect"


def test_an_unknown_phase_kind_is_named_in_the_error():
    with pytest.raises(NotRegistered, match="referendum"):
        phases.phase_type("referendum")
