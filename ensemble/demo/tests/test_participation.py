import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count

from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.consultations.models import Consultation, Participant
from ensemble.consultations.phases import Feature
from ensemble.consultations.tests.test_participants import people_online
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.demo.seeders import actors as actors_demo
from ensemble.demo.seeders import budgets as budgets_demo
from ensemble.demo.seeders import consultations as demo
from ensemble.demo.seeders import projects as projects_demo
from ensemble.demo.seeders import territories as territories_demo
from ensemble.events.models import Event, Registration
from ensemble.projects.models import Project
from ensemble.results.models import Result, ResultUpdate

pytestmark = pytest.mark.django_db

MODELS = [Consultation, Contribution, Support, Answer, Result, ResultUpdate, ContributionFollow,
          Comment, Event, Registration, Participant]  # fmt: skip


def _seed(context: dict | None = None) -> dict:
    context = {} if context is None else context
    territories_demo.seed(context)
    actors_demo.seed(context)
    projects_demo.seed(context)
    demo.seed(context)
    return context


def _counts():
    return [model.objects.count() for model in MODELS]


def _assert_counters_true():
    content_type = ContentType.objects.get_for_model(Contribution)
    for contribution in Contribution.objects.annotate(
        n_supports=Count("supports", distinct=True), n_follows=Count("follows", distinct=True)
    ):
        assert contribution.supports_count == contribution.n_supports
        assert contribution.followers_count == contribution.n_follows
        assert contribution.comments_count == Comment.objects.filter(
            content_type=content_type, object_id=contribution.pk, is_deleted=False,
            is_hidden=False,
        ).count()  # fmt: skip
        newest = contribution.answers.order_by("-version").first()
        assert contribution.answer_id == (newest.pk if newest else None)
        assert contribution.answer_state == (newest.state if newest else "")
    for consultation in Consultation.objects.all():
        open_ones = consultation.contributions.filter(is_hidden=False, merged_into=None)
        assert consultation.contributions_count == open_ones.count()
        assert consultation.answered_count == open_ones.exclude(answer_state="").count()
        assert (
            consultation.supports_count == Support.objects.filter(consultation=consultation).count()
        )
        assert consultation.results_count == consultation.results.count()
        assert consultation.participants_count == consultation.participants.count()
        assert set(consultation.participants.values_list("user_id", flat=True)) == people_online(
            consultation
        )
    for answer in Answer.objects.select_related("contribution"):
        assert answer.is_public == (not answer.contribution.is_hidden)
    for result in Result.objects.all():
        assert result.children_count == result.children.count()
    for event in Event.objects.all():
        assert event.registered_count == event.registrations.filter(status="registered").count()
        assert event.waitlist_count == event.registrations.filter(status="waitlisted").count()


def test_seed_twice_gives_the_same_rows_and_true_counters():
    context = _seed()
    counts = _counts()
    _seed(context)
    assert _counts() == counts
    # The budget of seeders/budgets.py is the one consultation not in demo.CONSULTATIONS.
    assert Consultation.objects.exclude(title=budgets_demo.TITLE).count() == len(demo.CONSULTATIONS)
    _assert_counters_true()


def test_the_finished_consultation_tells_the_whole_story():
    _seed()
    consultation = Consultation.objects.get(title="Parlons Ensemble de Sceaux")
    assert consultation.visibility == "public" and consultation.status == "published"
    assert consultation.active_phase.kind == "follow_up"
    assert not consultation.allows(Feature.PROPOSE) and consultation.allows(Feature.ANSWER)
    assert consultation.charter_versions.count() == 2
    assert consultation.charter_version == 2 and consultation.answer_within_days == 90
    assert consultation.charter_versions.get(version=2).changes
    contributions = consultation.contributions.all()
    assert contributions.count() >= 12
    # Every contribution is answered, with a real explanation; some answers were revised.
    assert not contributions.filter(answer_state="").exists()
    for answer in Answer.objects.filter(consultation=consultation):
        assert len(answer.explanation) >= consultation.explanation_min_length
    assert Answer.objects.filter(consultation=consultation, version=2).count() >= 2
    states = set(contributions.values_list("answer_state", flat=True))
    assert {"accepted", "partially_accepted", "rejected", "already_done", "merged"} <= states
    duplicate = contributions.get(answer_state="merged")
    assert duplicate.merged_into.consultation_id == consultation.pk
    assert duplicate.author in duplicate.merged_into.coauthors.all()
    # Two workshops, with people present and contributions recorded on behalf of groups.
    workshops = consultation.workshops.all()
    assert workshops.count() == 2
    assert all(w.event.participants_count for w in workshops)
    assert contributions.exclude(workshop=None).filter(group_size__gte=1).count() >= 4
    # Three results: a parent with two children, linked to contributions and projects.
    parent = consultation.results.get(parent=None)
    assert parent.children.count() == 2
    assert consultation.results.filter(projects__isnull=False).count() == 2
    assert all(r.updates.exists() and r.contributions.exists() for r in consultation.results.all())
    project = Project.objects.get(territory__slug="sceaux", title="Repair café de Sceaux")
    assert project.origin_contribution.consultation_id == consultation.pk


def test_open_and_internal_consultations():
    _seed()
    mobility = Consultation.objects.get(title="Quelles mobilités douces pour Sceaux ?")
    assert mobility.allows(Feature.PROPOSE) and mobility.allows(Feature.SUPPORT)
    assert mobility.contributions.exists() and mobility.supports_count > 0
    assert mobility.workshops.get().event.starts_at > mobility.active_phase.ends_at
    lyon = Consultation.objects.get(territory__slug="lyon")
    assert lyon.allows(Feature.REGISTER)
    assert lyon.workshops.get().event.starts_at > lyon.active_phase.starts_at
    internal = Consultation.objects.get(title="Simplifier l'accueil du public en mairie")
    assert internal.visibility == Consultation.Visibility.AGENTS
    assert not AnonymousUser().has_perm("consultations.view_consultation", internal)
    from ensemble.accounts.models import User

    resident = User.objects.get(email="camille@sceaux.demo")
    agent = User.objects.get(email="agent@sceaux.demo")
    assert not resident.has_perm("consultations.view_consultation", internal)
    assert agent.has_perm("consultations.view_consultation", internal)
    assert set(internal.contributions.values_list("author__email", flat=True)) <= {
        "agent@sceaux.demo", "mairie@sceaux.demo",
    }  # fmt: skip


def test_seed_demo_command_indexes_after_the_consultations():
    from ensemble.search.documents import PROVIDERS
    from ensemble.search.models import SearchEntry

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    # The budget of seeders/budgets.py is the one consultation not in demo.CONSULTATIONS.
    assert Consultation.objects.exclude(title=budgets_demo.TITLE).count() == len(demo.CONSULTATIONS)
    _assert_counters_true()
    if any(provider.model is Contribution for provider in PROVIDERS):
        indexed = set(
            SearchEntry.objects.filter(kind="contribution").values_list("object_id", flat=True)
        )
        public = Contribution.objects.filter(
            consultation__visibility="public", is_hidden=False, merged_into=None
        )
        assert indexed == set(public.values_list("pk", flat=True))
