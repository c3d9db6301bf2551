"""Hide, show again and merge: permissions, counters, search, people kept, supports never
moved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.services.follows import contribution_follow
from ensemble.contributions.services.moderation import (
    contribution_hide,
    contribution_merge,
    contribution_unhide,
)
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.notifications.models import Notification
from ensemble.search.models import SearchEntry
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory)


def _post(consultation, author, title="Des bancs au parc"):
    return contribution_create(
        author=author, consultation=consultation, kind="idea", title=title, body="Texte."
    )


def _support(contribution, user):
    Support.objects.create(contribution=contribution, consultation=contribution.consultation,
                           user=user)  # fmt: skip
    Contribution.objects.filter(pk=contribution.pk).update(supports_count=1)


def _counts(consultation):
    return Consultation.objects.get(pk=consultation.pk).contributions_count


def test_hide_needs_a_moderator_and_a_reason(consultation, territory, other_territory):
    contribution = _post(consultation, member(territory))
    for outsider in (member(territory), member(other_territory, Role.MODERATOR)):
        with pytest.raises(PermissionDenied):
            contribution_hide(actor=outsider, contribution=contribution, reason="Hors sujet")
    with pytest.raises(ValidationError) as error:
        contribution_hide(actor=member(territory, Role.MODERATOR), contribution=contribution,
                          reason="  ")  # fmt: skip
    assert "reason" in error.value.message_dict


def test_hide_leaves_counts_and_search(consultation, territory):
    contribution = _post(consultation, member(territory))
    assert SearchEntry.objects.filter(kind="contribution", object_id=contribution.pk).exists()
    assert _counts(consultation) == 1
    moderator = member(territory, Role.MODERATOR)
    contribution_hide(actor=moderator, contribution=contribution, reason="Propos injurieux")
    contribution_hide(actor=moderator, contribution=contribution, reason="Deux fois")
    assert _counts(consultation) == 0
    assert not SearchEntry.objects.filter(kind="contribution", object_id=contribution.pk).exists()
    contribution.refresh_from_db()
    assert contribution.is_hidden and contribution.hidden_reason == "Propos injurieux"


def test_merge_keeps_authors_and_followers_and_leaves_supports(
    consultation, territory, django_capture_on_commit_callbacks
):
    source_author, target_author = member(territory), member(territory)
    source = _post(consultation, source_author, "Bancs au parc")
    target = _post(consultation, target_author, "Des bancs dans le parc")
    follower, supporter = member(territory), member(territory)
    contribution_follow(user=follower, contribution=source)
    _support(source, supporter)
    agent = member(territory, Role.AGENT)
    with django_capture_on_commit_callbacks(execute=True):
        contribution_merge(actor=agent, source=source, target=target, reason="Doublon")
    source.refresh_from_db()
    target.refresh_from_db()
    assert source.merged_into_id == target.pk
    assert list(target.coauthors.all()) == [source_author]
    assert ContributionFollow.objects.filter(contribution=target, user=follower).exists()
    assert ContributionFollow.objects.filter(contribution=target, user=source_author).exists()
    assert target.followers_count == ContributionFollow.objects.filter(contribution=target).count()
    assert target.followers_count == 3
    # Supports stay where they were given.
    assert Support.objects.filter(contribution=source, user=supporter).exists()
    assert not Support.objects.filter(contribution=target).exists()
    assert source.supports_count == 1 and target.supports_count == 0
    assert _counts(consultation) == 1
    assert not SearchEntry.objects.filter(kind="contribution", object_id=source.pk).exists()
    notified = Notification.objects.filter(kind="contribution_merged")
    told = set(notified.values_list("user_id", flat=True))
    assert {supporter.pk, follower.pk, source_author.pk} <= told
    assert agent.pk not in told


def test_merge_refusals(consultation, territory):
    moderator = member(territory, Role.MODERATOR)
    a, b, c = (_post(consultation, member(territory), f"Idée {n}") for n in range(3))
    with pytest.raises(PermissionDenied):
        contribution_merge(actor=member(territory), source=a, target=b, reason="Doublon")
    with pytest.raises(ValidationError):
        contribution_merge(actor=moderator, source=a, target=a, reason="Doublon")
    elsewhere = _post(ConsultationFactory(territory=territory), member(territory))
    with pytest.raises(ValidationError) as error:
        contribution_merge(actor=moderator, source=a, target=elsewhere, reason="Doublon")
    assert "target" in error.value.message_dict
    with pytest.raises(ValidationError):
        contribution_merge(actor=moderator, source=a, target=b, reason="")
    contribution_merge(actor=moderator, source=b, target=c, reason="Doublon")
    b.refresh_from_db()
    with pytest.raises(ValidationError):  # into a merged one
        contribution_merge(actor=moderator, source=a, target=b, reason="Doublon")
    with pytest.raises(Conflict):  # merged twice
        contribution_merge(actor=moderator, source=b, target=a, reason="Doublon")
    assert _counts(consultation) == 2


def _answered(consultation):
    return Consultation.objects.get(pk=consultation.pk).answered_count


def test_unhide_needs_a_moderator_of_the_territory(consultation, territory, other_territory):
    contribution = _post(consultation, member(territory))
    contribution_hide(actor=member(territory, Role.MODERATOR), contribution=contribution,
                      reason="Hors sujet")  # fmt: skip
    for outsider in (member(territory), member(other_territory, Role.MODERATOR),
                     member(other_territory, Role.AGENT)):  # fmt: skip
        with pytest.raises(PermissionDenied):
            contribution_unhide(actor=outsider, contribution=contribution)
    assert Contribution.objects.get(pk=contribution.pk).is_hidden
    assert _counts(consultation) == 0


def test_unhide_restores_counters_and_search(territory):
    from ensemble.answers.services import answer_create

    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    agent = member(territory, Role.AGENT)
    contribution = ContributionFactory(consultation=consultation)
    answer_create(author=agent, contribution=contribution, state="under_study",
                  explanation="Les services étudient la faisabilité de cette idée.")  # fmt: skip
    contribution.refresh_from_db()
    assert (_counts(consultation), _answered(consultation)) == (1, 1)
    contribution_hide(actor=agent, contribution=contribution, reason="Par erreur")
    assert (_counts(consultation), _answered(consultation)) == (0, 0)
    contribution_unhide(actor=agent, contribution=contribution)
    contribution_unhide(actor=agent, contribution=contribution)  # twice changes nothing
    assert (_counts(consultation), _answered(consultation)) == (1, 1)
    contribution.refresh_from_db()
    assert not contribution.is_hidden and contribution.hidden_reason == ""
    entry = SearchEntry.objects.get(kind="contribution", object_id=contribution.pk)
    assert entry.title == contribution.title


def test_unhide_a_merged_contribution_does_not_count_it_nor_index_it(consultation, territory):
    moderator = member(territory, Role.MODERATOR)
    source = _post(consultation, member(territory), "Bancs au parc")
    target = _post(consultation, member(territory), "Des bancs dans le parc")
    stale = Contribution.objects.get(pk=source.pk)  # read before the merge
    contribution_merge(actor=moderator, source=source, target=target, reason="Doublon")
    contribution_hide(actor=moderator, contribution=source, reason="Injurieux")
    assert _counts(consultation) == 1
    stale.is_hidden = True
    contribution_unhide(actor=moderator, contribution=stale)
    assert _counts(consultation) == 1
    assert not SearchEntry.objects.filter(kind="contribution", object_id=source.pk).exists()
    assert not Contribution.objects.get(pk=source.pk).is_hidden
