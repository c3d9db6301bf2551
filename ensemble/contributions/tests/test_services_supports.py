"""support_add / support_remove: who may, when, the per-person limit, counters equal to rows."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Count

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.selectors.supports import (
    SupportBlock,
    support_status,
    supported_ids,
    supports_remaining,
)
from ensemble.contributions.services.supports import support_add, support_ensure, support_remove
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory)


@pytest.fixture
def contribution(consultation):
    return ContributionFactory(consultation=consultation)


@pytest.fixture
def resident(territory):
    return member(territory)


def assert_counters_true(consultation: Consultation) -> None:
    for contribution in Contribution.objects.filter(consultation=consultation).annotate(
        rows=Count("supports")
    ):
        assert contribution.supports_count == contribution.rows, contribution
    consultation.refresh_from_db()
    assert consultation.supports_count == Support.objects.filter(consultation=consultation).count()


def test_support_creates_one_row_and_counts_it(resident, contribution):
    support = support_add(user=resident, contribution=contribution)

    assert support.user == resident and support.consultation_id == contribution.consultation_id
    assert contribution.supports_count == 1  # refreshed by the service
    assert_counters_true(contribution.consultation)


def test_supporting_twice_changes_nothing(resident, contribution):
    first, created = support_ensure(user=resident, contribution=contribution)
    again, created_again = support_ensure(user=resident, contribution=contribution)

    assert created and not created_again
    assert again.pk == first.pk
    assert Support.objects.count() == 1
    assert_counters_true(contribution.consultation)


def test_withdraw_removes_the_row_and_decrements(resident, contribution):
    support_add(user=resident, contribution=contribution)

    assert support_remove(user=resident, contribution=contribution) is True
    assert support_remove(user=resident, contribution=contribution) is False  # idempotent
    assert not Support.objects.exists()
    assert contribution.supports_count == 0
    assert_counters_true(contribution.consultation)


def test_anonymous_is_refused(contribution):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        support_add(user=AnonymousUser(), contribution=contribution)


def test_unverified_member_is_refused(territory, contribution):
    with pytest.raises(PermissionDenied):
        support_add(user=member(territory, verified=False), contribution=contribution)


def test_member_of_another_territory_is_refused(other_territory, contribution):
    with pytest.raises(PermissionDenied):
        support_add(user=member(other_territory), contribution=contribution)


def test_verified_person_who_did_not_join_is_refused(contribution):
    with pytest.raises(PermissionDenied):
        support_add(user=UserFactory(), contribution=contribution)


def test_resident_cannot_support_in_an_internal_consultation(territory, resident):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(
            territory=territory, visibility=Consultation.Visibility.AGENTS
        )
    )
    with pytest.raises(PermissionDenied):
        support_add(user=resident, contribution=contribution)
    support_add(user=member(territory, Role.AGENT), contribution=contribution)  # agents take part


def test_draft_consultation_cannot_be_supported(territory):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    )
    with pytest.raises(PermissionDenied):
        support_add(user=member(territory, Role.AGENT), contribution=contribution)


@pytest.mark.parametrize("state", [{"is_hidden": True, "hidden_reason": "Hors sujet"}, "merged"])
def test_hidden_or_merged_contribution_is_refused(consultation, resident, state):
    if state == "merged":
        state = {"merged_into": ContributionFactory(consultation=consultation)}
    contribution = ContributionFactory(consultation=consultation, **state)
    with pytest.raises(PermissionDenied):
        support_add(user=resident, contribution=contribution)
    assert not Support.objects.exists()


@pytest.mark.parametrize("phase", ["arbitration", "follow_up", False])
def test_phase_without_support_is_a_conflict(territory, resident, phase):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase=phase)
    )
    with pytest.raises(Conflict):
        support_add(user=resident, contribution=contribution)
    assert not Support.objects.exists()


def test_workshops_phase_allows_supporting(territory, resident):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops")
    )
    support_add(user=resident, contribution=contribution)
    assert Support.objects.count() == 1


def test_withdrawing_after_the_phase_is_a_conflict(territory, resident):
    from ensemble.consultations.tests.factories import lay_out_phases

    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation)
    support_add(user=resident, contribution=contribution)
    lay_out_phases(consultation, "arbitration")
    contribution = Contribution.objects.get(pk=contribution.pk)

    with pytest.raises(Conflict):
        support_remove(user=resident, contribution=contribution)
    assert Support.objects.count() == 1
    assert_counters_true(consultation)


def test_limit_per_person_is_a_conflict_naming_the_limit(territory, resident):
    consultation = ConsultationFactory(territory=territory, supports_per_person=2)
    first, second, third = ContributionFactory.create_batch(3, consultation=consultation)
    support_add(user=resident, contribution=first)
    support_add(user=resident, contribution=second)

    with pytest.raises(Conflict) as refused:
        support_add(user=resident, contribution=third)

    assert refused.value.error_list[0].code == "support_limit"
    assert " 2 " in refused.value.messages[0]
    assert refused.value.code == "support_limit"
    support_add(user=resident, contribution=second)  # already supported: still idempotent
    support_remove(user=resident, contribution=first)
    support_add(user=resident, contribution=third)  # a withdrawn support can be given again
    assert set(Support.objects.values_list("contribution", flat=True)) == {second.pk, third.pk}
    assert_counters_true(consultation)


def test_limit_counts_only_the_same_consultation(territory, resident):
    limited = ConsultationFactory(territory=territory, supports_per_person=1)
    other = ConsultationFactory(territory=territory, supports_per_person=1)
    support_add(user=resident, contribution=ContributionFactory(consultation=other))
    support_add(user=resident, contribution=ContributionFactory(consultation=limited))
    assert Support.objects.filter(user=resident).count() == 2


def test_other_people_do_not_use_my_supports(territory, resident):
    consultation = ConsultationFactory(territory=territory, supports_per_person=1)
    contribution = ContributionFactory(consultation=consultation)
    for _ in range(3):
        support_add(user=member(territory), contribution=contribution)
    support_add(user=resident, contribution=contribution)
    assert Contribution.objects.get(pk=contribution.pk).supports_count == 4
    assert_counters_true(consultation)


# --- selectors ---------------------------------------------------------------


def test_supported_ids_is_one_query_and_empty_for_anonymous(
    django_assert_num_queries, resident, consultation
):
    from django.contrib.auth.models import AnonymousUser

    contributions = ContributionFactory.create_batch(3, consultation=consultation)
    support_add(user=resident, contribution=contributions[0])
    ids = [c.pk for c in contributions]
    with django_assert_num_queries(1):
        assert supported_ids(user=resident, contribution_ids=ids) == {contributions[0].pk}
    with django_assert_num_queries(0):
        assert supported_ids(user=AnonymousUser(), contribution_ids=ids) == set()


def test_supports_remaining(territory, resident, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    unlimited = ConsultationFactory(territory=territory)
    limited = ConsultationFactory(territory=territory, supports_per_person=3)
    support_add(user=resident, contribution=ContributionFactory(consultation=limited))
    with django_assert_num_queries(0):
        assert supports_remaining(user=resident, consultation=unlimited) is None
        assert supports_remaining(user=AnonymousUser(), consultation=limited) is None
    assert supports_remaining(user=resident, consultation=limited) == 2


def test_support_status_says_why(territory, other_territory, consultation, contribution):
    from django.contrib.auth.models import AnonymousUser

    def block(user, target=contribution, **kwargs):
        return support_status(user=user, contribution=target, supported=False, **kwargs).block

    assert block(AnonymousUser()) == SupportBlock.LOGIN
    assert block(member(territory, verified=False)) == SupportBlock.VERIFY
    assert block(member(other_territory)) == SupportBlock.JOIN
    assert block(member(territory), allows=False) == SupportBlock.CLOSED
    assert block(member(territory), remaining=0) == SupportBlock.LIMIT
    hidden = ContributionFactory(consultation=consultation, is_hidden=True)
    assert block(member(territory), hidden) == SupportBlock.HIDDEN
    merged = ContributionFactory(consultation=consultation, merged_into=contribution)
    assert block(member(territory), merged) == SupportBlock.MERGED
    assert block(member(territory)) is None
    status = support_status(user=member(territory), contribution=contribution, supported=True,
                            remaining=0)  # fmt: skip
    assert status.can_act  # one can always withdraw a support, even at the limit


def test_a_support_left_on_a_merged_contribution_frees_its_place_under_the_limit(
    territory, resident
):
    from ensemble.contributions.services.moderation import contribution_merge

    consultation = ConsultationFactory(territory=territory, supports_per_person=1)
    duplicate, original = ContributionFactory.create_batch(2, consultation=consultation)
    support_add(user=resident, contribution=duplicate)
    contribution_merge(
        actor=member(territory, "moderator"), source=duplicate, target=original,
        reason="Même proposition que l'originale.",
    )  # fmt: skip

    support_add(user=resident, contribution=original)

    assert Support.objects.filter(user=resident).count() == 2  # the old one was not moved
