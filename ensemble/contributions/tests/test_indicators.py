"""Transparency indicators: share answered, median days to a first answer, overdue."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.selectors import indicators
from ensemble.contributions.tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db


def contribution(consultation, *, age_days, answered_after_days=None, **kwargs):
    now = timezone.now()
    item = ContributionFactory(consultation=consultation, **kwargs)
    created = now - timedelta(days=age_days)
    fields = {"created_at": created}
    if answered_after_days is not None:
        fields.update(
            answer_state="accepted", first_answered_at=created + timedelta(days=answered_after_days)
        )
        Consultation.objects.filter(pk=consultation.pk).update(
            answered_count=F("answered_count") + 1
        )
    Contribution.objects.filter(pk=item.pk).update(**fields)
    return item


def test_empty_consultation(territory):
    result = indicators.consultation_indicators(ConsultationFactory(territory=territory))
    assert (result.answered_share, result.median_days, result.overdue) == (None, None, 0)


def test_share_median_and_overdue(territory, django_assert_num_queries):
    consultation = ConsultationFactory(territory=territory, answer_within_days=30)
    contribution(consultation, age_days=100, answered_after_days=10)
    contribution(consultation, age_days=100, answered_after_days=20)
    contribution(consultation, age_days=100, answered_after_days=40)
    contribution(consultation, age_days=31)  # overdue
    contribution(consultation, age_days=29)  # still within the promise
    hidden = contribution(consultation, age_days=90)
    Contribution.objects.filter(pk=hidden.pk).update(is_hidden=True)
    target = contribution(consultation, age_days=1)
    merged = contribution(consultation, age_days=90)
    Contribution.objects.filter(pk=merged.pk).update(merged_into=target)
    Consultation.objects.filter(pk=consultation.pk).update(contributions_count=6)
    consultation.refresh_from_db()
    with django_assert_num_queries(3):
        result = indicators.consultation_indicators(consultation)
    assert result.median_days == 20.0
    assert result.overdue == 1
    assert result.answered_share == 50.0
    overdue = Contribution.objects.filter(indicators.overdue_q(consultation))
    assert list(overdue.values_list("created_at", flat=True)) != []
    assert overdue.count() == 1


def test_median_of_an_even_number(territory):
    consultation = ConsultationFactory(territory=territory)
    contribution(consultation, age_days=50, answered_after_days=2)
    contribution(consultation, age_days=50, answered_after_days=5)
    assert indicators.consultation_indicators(consultation).median_days == 3.5


def test_overdue_counts_of_a_page_in_one_query(territory, django_assert_num_queries):
    short = ConsultationFactory(territory=territory, answer_within_days=10)
    long = ConsultationFactory(territory=territory, answer_within_days=90)
    contribution(short, age_days=20)
    contribution(long, age_days=20)
    contribution(long, age_days=100)
    with django_assert_num_queries(1):
        counts = indicators.consultation_overdue_counts([short, long])
    assert counts == {short.pk: 1, long.pk: 1}


def test_territory_counts_only_public_published_consultations(territory, other_territory):
    public = ConsultationFactory(territory=territory, answer_within_days=10)
    contribution(public, age_days=20)
    contribution(public, age_days=20, answered_after_days=4)
    Consultation.objects.filter(pk=public.pk).update(contributions_count=2)
    internal = ConsultationFactory(territory=territory, visibility="agents", answer_within_days=10)
    contribution(internal, age_days=20)
    elsewhere = ConsultationFactory(territory=other_territory, answer_within_days=10)
    contribution(elsewhere, age_days=20)
    result = indicators.territory_indicators(territory)
    assert (result.contributions, result.answered, result.overdue, result.median_days) == (
        2,
        1,
        1,
        4.0,
    )
