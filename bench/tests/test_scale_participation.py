import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count

from ensemble.accounts.models import User
from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.test_participants import people_online
from ensemble.contributions.models import Contribution, Support
from ensemble.events.models import Event
from ensemble.results.models import Result
from ensemble.territories.models import Membership, Territory

pytestmark = pytest.mark.django_db

SIZES = {"members": 200, "territories": 2, "neighbourhoods_per_territory": 3, "projects": 30,
         "consultations": 12, "contributions": 600, "supports": 6000}  # fmt: skip


def _seed(seed=3, **sizes):
    call_command("seed_scale", seed=seed, verbosity=0, **{**SIZES, **sizes})


def _snapshot():
    return (
        list(
            Contribution.objects.order_by("pk").values_list(
                "consultation__title", "title", "kind", "supports_count", "answer_state",
                "merged_into__title", "is_hidden",
            )
        ),
        list(Support.objects.order_by("contribution_id", "user__email").values_list(
            "contribution__title", "user__email"
        )),
    )  # fmt: skip


def test_counters_equal_rows():
    _seed()
    assert Consultation.objects.count() == 12
    assert Contribution.objects.count() == 600
    assert Support.objects.count() == 6000
    content_type = ContentType.objects.get_for_model(Contribution)
    comments = dict(
        Comment.objects.filter(content_type=content_type, is_deleted=False, is_hidden=False)
        .values_list("object_id")
        .annotate(n=Count("pk"))
    )
    for contribution in Contribution.objects.annotate(
        n_supports=Count("supports", distinct=True), n_follows=Count("follows", distinct=True)
    ):
        assert contribution.supports_count == contribution.n_supports
        assert contribution.followers_count == contribution.n_follows
        assert contribution.comments_count == comments.get(contribution.pk, 0)
        newest = contribution.answers.order_by("-version").first()
        if newest is None:
            assert contribution.answer_id is None and contribution.answer_state == ""
            assert contribution.first_answered_at is None
        else:
            assert contribution.answer_id == newest.pk
            assert contribution.answer_state == newest.state
            first = contribution.answers.order_by("version").first()
            assert contribution.first_answered_at == first.created_at
        if contribution.merged_into_id:
            assert contribution.answer_state == "merged"
            assert contribution.merged_into.consultation_id == contribution.consultation_id
    for consultation in Consultation.objects.all():
        open_ones = consultation.contributions.filter(is_hidden=False, merged_into=None)
        assert consultation.contributions_count == open_ones.count()
        assert consultation.answered_count == open_ones.exclude(answer_state="").count()
        assert (
            consultation.supports_count == Support.objects.filter(consultation=consultation).count()
        )
        assert consultation.results_count == consultation.results.count()
        assert consultation.phases.count() == 4
        assert consultation.participants_count == consultation.participants.count()
        assert set(consultation.participants.values_list("user_id", flat=True)) == people_online(
            consultation
        )
    assert Consultation.objects.filter(participants_count__gt=0).exists()
    for answer in Answer.objects.select_related("contribution"):
        assert answer.is_public == (not answer.contribution.is_hidden)
    for result in Result.objects.all():
        assert result.children_count == result.children.count()
    for event in Event.objects.all():
        assert event.registered_count == event.registrations.filter(status="registered").count()
        assert event.waitlist_count == event.registrations.filter(status="waitlisted").count()


def test_shape_of_the_data():
    _seed()
    # The big consultation is in the biggest territory and holds the most supported ones.
    biggest = Territory.objects.order_by("-members_count", "pk").first()
    top = Contribution.objects.order_by("-supports_count", "pk").first()
    assert top.territory_id == biggest.pk
    assert top.supports_count > 10 * (6000 / 600)  # skewed: far above the mean
    assert top.consultation.status == "published" and top.consultation.visibility == "public"
    # Supporters are people of the consultation's territory (agents, for an internal one).
    strangers = Support.objects.exclude(
        user__memberships__territory=Contribution.objects.filter(pk=top.pk).values("territory")[:1]
    ).filter(contribution=top)
    assert not strangers.exists()
    answered = Contribution.objects.exclude(answer_state="").count()
    assert 0.25 * 600 < answered < 0.6 * 600
    assert Answer.objects.filter(version=2).exists()  # some answers were revised
    assert Contribution.objects.exclude(workshop=None).filter(group_size__gte=1).exists()
    for contribution in Contribution.objects.exclude(workshop=None).select_related(
        "workshop__workshop"
    ):
        assert contribution.workshop.workshop.consultation_id == contribution.consultation_id


def test_supports_respect_territory_and_internal_visibility():
    _seed(seed=4, consultations=30)
    internal = Consultation.objects.filter(visibility="agents")
    assert internal.exists()
    for consultation in internal:
        agents = Membership.objects.filter(
            territory=consultation.territory_id, role__in=["agent", "admin"]
        ).values("user")
        assert (
            not Support.objects.filter(consultation=consultation).exclude(user__in=agents).exists()
        )
        assert not consultation.contributions.exclude(author__in=agents).exists()


def test_reproducible():
    _seed(seed=5)
    first = _snapshot()
    Consultation.objects.all().delete()
    User.objects.all().delete()
    Territory.objects.all().delete()
    _seed(seed=5)
    assert _snapshot() == first


def test_nothing_by_default():
    _seed(consultations=0, contributions=0, supports=0)
    assert not Consultation.objects.exists()
