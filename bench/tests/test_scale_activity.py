import random
from datetime import timedelta

import pytest
from django.utils import timezone

from bench.scale import ScaleContext
from bench.scale import activity as scale
from ensemble.activity.models import Activity
from ensemble.activity.tests.makers import make_need, make_organisation, make_project, make_update
from ensemble.projects.models import Need, Project
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


def context(territories):
    return ScaleContext(
        seed=1, options={}, rng=random.Random(1), faker=None, password_hash="",
        log=lambda message: None, data={"territories": territories},
    )  # fmt: skip


def lines():
    return sorted(
        Activity.objects.values_list(
            "verb", "territory_id", "actor_id", "project_id", "need_id", "update_id",
            "organisation_id", "created_at",
        )
    )  # fmt: skip


def test_generate_derives_the_feed_from_the_data(territory, other_territory):
    author = member(territory)
    published = make_project(territory, owner=author)
    make_need(published)
    make_need(
        published, status=Need.Status.FULFILLED, fulfilled_at=timezone.now() - timedelta(days=1)
    )
    make_update(published, author)
    draft = make_project(territory, owner=author, status=Project.Status.DRAFT)
    make_need(draft)
    make_project(territory, replicated_from=published, title="Copie")
    make_organisation(territory, owner=author)
    make_project(other_territory)  # not one of the generated territories

    scale.generate(context([territory]))

    verbs = sorted(Activity.objects.values_list("verb", flat=True))
    assert verbs == sorted(
        [Verb.PROJECT_PUBLISHED] * 2 + [Verb.PROJECT_REPLICATED] + [Verb.NEED_ADDED] * 2
        + [Verb.NEED_FULFILLED, Verb.PROJECT_UPDATE, Verb.ORGANISATION_CREATED]
    )  # fmt: skip
    assert not Activity.objects.filter(project=draft).exists()
    assert not Activity.objects.filter(territory=other_territory).exists()
    fulfilled = Activity.objects.get(verb=Verb.NEED_FULFILLED)
    assert fulfilled.created_at == fulfilled.need.fulfilled_at
    assert Activity.objects.get(verb=Verb.NEED_ADDED, need__status="open").actor == author


def test_generate_is_reproducible_and_never_duplicates(territory):
    project = make_project(territory, owner=member(territory))
    make_need(project)
    scale.generate(context([territory]))
    first = lines()
    scale.generate(context([territory]))
    assert lines() == first
    Activity.objects.all().delete()
    scale.generate(context([territory]))
    assert [line[:7] for line in lines()] == [line[:7] for line in first]


def test_generate_adds_the_lines_of_public_consultations_only(territory, other_territory):
    from ensemble.answers.models import Answer
    from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
    from ensemble.contributions.tests.factories import ContributionFactory
    from ensemble.results.models import Result, ResultUpdate

    public = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=public)
    for version in (1, 2):
        Answer.objects.create(
            contribution=contribution, consultation=public, version=version, state="accepted",
            explanation="Accepté en conseil municipal.",
        )  # fmt: skip
    result = Result.objects.create(consultation=public, territory=territory, title="Bancs")
    ResultUpdate.objects.create(result=result, title="Posés", status="done", progress=100)
    WorkshopFactory(consultation=public)
    WorkshopFactory(consultation=public, is_cancelled=True)
    internal = ConsultationFactory(territory=territory, visibility="agents")
    WorkshopFactory(consultation=internal)
    Answer.objects.create(
        contribution=ContributionFactory(consultation=internal), consultation=internal,
        version=1, state="rejected", explanation="Refusé.",
    )  # fmt: skip
    draft = ConsultationFactory(territory=territory, status="draft", published_at=None)
    WorkshopFactory(consultation=draft)
    ConsultationFactory(territory=other_territory)  # not one of the generated territories

    scale.generate(context([territory]))
    scale.generate(context([territory]))  # never twice

    assert set(Activity.objects.values_list("consultation_id", flat=True)) == {public.pk}
    assert sorted(Activity.objects.values_list("verb", flat=True)) == sorted(
        [Verb.CONSULTATION_PUBLISHED, Verb.RESULT_PROGRESSED, Verb.WORKSHOP_ANNOUNCED]
        + [Verb.CONTRIBUTION_ANSWERED] * 2
    )
