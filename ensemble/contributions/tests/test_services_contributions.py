"""contribution_create / contribution_update: who may, when, what is recorded and counted."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution, ContributionFollow
from ensemble.contributions.services.contributions import contribution_create, contribution_update
from ensemble.core.exceptions import Conflict
from ensemble.territories.roles import Role
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    member,
)

pytestmark = pytest.mark.django_db


def _post(author, consultation, **extra):
    data = {"kind": "idea", "title": "Des bancs au parc", "body": "Pour se reposer."}
    data.update(extra)
    return contribution_create(author=author, consultation=consultation, **data)


def _png(name="photo.png"):
    output = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(output, format="PNG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


@pytest.fixture
def consultation(territory):
    consultation = ConsultationFactory(territory=territory, charter_version=3)
    return Consultation.objects.prefetch_related("phases").get(pk=consultation.pk)


def test_a_member_posts_records_charter_counts_and_follows(consultation, territory):
    author = member(territory)
    theme = ThemeFactory(territory=territory)
    contribution = _post(author, consultation, themes=[theme], kind="problem")
    assert contribution.charter_version == 3
    assert contribution.kind == "problem"
    assert list(contribution.themes.all()) == [theme]
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1
    assert ContributionFollow.objects.filter(contribution=contribution, user=author).exists()
    assert Contribution.objects.get(pk=contribution.pk).followers_count == 1


@pytest.mark.parametrize("phase", ["workshops", "arbitration", "follow_up", False])
def test_posting_outside_the_collect_phase_is_a_conflict(territory, phase):
    consultation = ConsultationFactory(territory=territory, phase=phase)
    with pytest.raises(Conflict):
        _post(member(territory), consultation)
    assert not Contribution.objects.exists()


def test_refused_to_outsiders(consultation, territory, other_territory):
    with pytest.raises(PermissionDenied):
        _post(member(other_territory), consultation)
    with pytest.raises(PermissionDenied):
        _post(member(territory, verified=False), consultation)
    with pytest.raises(PermissionDenied):
        _post(UserFactory(), consultation)


def test_internal_consultation_takes_agents_only(territory):
    consultation = ConsultationFactory(territory=territory, visibility="agents")
    with pytest.raises(PermissionDenied):
        _post(member(territory), consultation)
    assert _post(member(territory, Role.AGENT), consultation).pk


def test_themes_and_neighbourhood_of_another_territory_are_refused(
    consultation, territory, other_territory
):
    author = member(territory)
    with pytest.raises(ValidationError) as error:
        _post(author, consultation, themes=[ThemeFactory(territory=other_territory)])
    assert "themes" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _post(author, consultation, neighbourhood=NeighbourhoodFactory(territory=other_territory))
    assert "neighbourhood" in error.value.message_dict


def test_an_image_needs_its_description(consultation, territory):
    author = member(territory)
    with pytest.raises(ValidationError) as error:
        _post(author, consultation, image=_png())
    assert "image_alt" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _post(author, consultation, image=SimpleUploadedFile("x.png", b"nope"), image_alt="x")
    assert "image" in error.value.message_dict
    contribution = _post(author, consultation, image=_png(), image_alt="Un parc")
    assert contribution.image.name.endswith(".webp")


def test_empty_title_is_a_field_error(consultation, territory):
    with pytest.raises(ValidationError) as error:
        _post(member(territory), consultation, title="  ")
    assert "title" in error.value.message_dict


def test_a_facilitator_records_a_workshop_group_in_any_phase(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    workshop = _started_workshop(consultation)
    facilitator = member(territory)
    workshop.facilitators.add(facilitator)
    contribution = _post(facilitator, consultation, workshop=workshop, group_size=8)
    assert contribution.workshop == workshop
    assert contribution.group_size == 8


def test_workshop_refusals(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    workshop = WorkshopFactory(consultation=consultation)
    facilitator = member(territory)
    workshop.facilitators.add(facilitator)
    with pytest.raises(PermissionDenied):  # a resident who does not facilitate it
        _post(member(territory), consultation, workshop=workshop, group_size=5)
    with pytest.raises(ValidationError) as error:
        _post(facilitator, consultation, workshop=workshop)
    assert "group_size" in error.value.message_dict
    elsewhere = WorkshopFactory(consultation=ConsultationFactory(territory=territory))
    elsewhere.facilitators.add(facilitator)
    with pytest.raises(ValidationError) as error:
        _post(facilitator, consultation, workshop=elsewhere, group_size=5)
    assert "workshop" in error.value.message_dict


def test_group_size_without_workshop_is_refused(consultation, territory):
    with pytest.raises(ValidationError) as error:
        _post(member(territory), consultation, group_size=4)
    assert "group_size" in error.value.message_dict


def test_the_author_edits_before_any_answer_and_while_collecting(consultation, territory):
    author = member(territory)
    contribution = _post(author, consultation)
    contribution_update(actor=author, contribution=contribution, data={"title": "Plus de bancs"})
    assert Contribution.objects.get(pk=contribution.pk).title == "Plus de bancs"
    with pytest.raises(PermissionDenied):
        contribution_update(actor=member(territory), contribution=contribution, data={"title": "x"})
    with pytest.raises(ValidationError):
        contribution_update(actor=author, contribution=contribution, data={"author": author})
    Contribution.objects.filter(pk=contribution.pk).update(answer_state="accepted")
    contribution.refresh_from_db()
    with pytest.raises(Conflict):
        contribution_update(actor=author, contribution=contribution, data={"title": "Encore"})


def test_no_edit_once_collecting_is_over(territory):
    consultation = ConsultationFactory(territory=territory)
    author = member(territory)
    contribution = _post(author, consultation)
    from ensemble.consultations.tests.factories import lay_out_phases

    lay_out_phases(consultation, "arbitration")
    contribution = Contribution.objects.select_related("consultation").get(pk=contribution.pk)
    with pytest.raises(Conflict):
        contribution_update(actor=author, contribution=contribution, data={"title": "Encore"})


# --- A workshop's group contribution: only once it has started, never when cancelled ---


def _started_workshop(consultation, **extra):
    now = timezone.now()
    return WorkshopFactory(
        consultation=consultation, starts_at=now - timedelta(hours=2),
        ends_at=now - timedelta(hours=1), **extra,
    )  # fmt: skip


def test_a_group_contribution_before_the_workshop_starts_is_a_conflict(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    workshop = WorkshopFactory(consultation=consultation)  # next week
    facilitator = member(territory)
    workshop.facilitators.add(facilitator)
    with pytest.raises(Conflict) as error:
        _post(facilitator, consultation, workshop=workshop, group_size=5)
    assert error.value.code == "not_started"
    assert not Contribution.objects.exists()
    consultation.refresh_from_db()
    assert consultation.contributions_count == 0


def test_a_group_contribution_of_a_cancelled_workshop_is_a_conflict(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    workshop = _started_workshop(consultation, is_cancelled=True)
    agent = member(territory, Role.AGENT)
    with pytest.raises(Conflict) as error:
        _post(agent, consultation, workshop=workshop, group_size=5)
    assert error.value.code == "cancelled"
    assert not Contribution.objects.exists()


def test_a_group_contribution_once_the_workshop_started(territory):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    now = timezone.now()
    workshop = WorkshopFactory(
        consultation=consultation, starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=1),
    )  # fmt: skip
    agent = member(territory, Role.AGENT)
    contribution = _post(agent, consultation, workshop=workshop, group_size=3)
    assert contribution.workshop == workshop


def test_a_stranger_is_refused_before_the_state_is_told(territory):
    """Permission first: a resident learns nothing about the workshop's state."""
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    workshop = WorkshopFactory(consultation=consultation, is_cancelled=True)
    with pytest.raises(PermissionDenied):
        _post(member(territory), consultation, workshop=workshop, group_size=5)


def test_the_same_contribution_posted_twice_moments_apart_is_refused(consultation, territory):
    author = member(territory)
    first = _post(author, consultation)
    with pytest.raises(Conflict) as refused:
        _post(author, consultation, title="  des BANCS au  parc ", body="Pour se\nreposer.")
    assert "title" in refused.value.message_dict
    assert first.get_absolute_url() in refused.value.message_dict["title"][0]
    assert refused.value.original == first
    assert Contribution.objects.count() == 1
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1


def test_a_different_text_another_author_or_a_later_post_is_not_a_duplicate(
    consultation, territory
):
    author = member(territory)
    first = _post(author, consultation)
    _post(author, consultation, body="Pour lire au soleil.")
    _post(member(territory), consultation)
    Contribution.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    Contribution.objects.exclude(pk=first.pk).filter(author=author).delete()
    _post(author, consultation)
    assert Contribution.objects.filter(author=author).count() == 2
