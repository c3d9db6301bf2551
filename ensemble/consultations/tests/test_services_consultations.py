"""Writes of consultations and phases: refusals first, then what they lay out."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.consultations.phases import Feature
from ensemble.consultations.services import consultations as services
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db
CHARTER = "Toute personne peut participer ; chaque contribution reçoit une réponse motivée."


def create(author, territory, **kwargs):
    data = {
        "title": "Parlons ensemble",
        "question": "Comment mieux vivre ?",
        "charter_body": CHARTER,
        **kwargs,
    }
    return services.consultation_create(author=author, territory=territory, **data)


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_create_refused_to_residents_and_moderators(territory, role):
    with pytest.raises(PermissionDenied):
        create(member(territory, role), territory)
    assert not Consultation.objects.exists()


def test_create_refused_to_agents_of_another_territory(territory, other_territory):
    with pytest.raises(PermissionDenied):
        create(member(other_territory, "agent"), territory)


def test_create_refuses_foreign_themes_and_neighbourhoods(territory, other_territory):
    agent = member(territory, "agent")
    with pytest.raises(ValidationError) as error:
        create(agent, territory, themes=[ThemeFactory(territory=other_territory)])
    assert "themes" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        create(agent, territory, neighbourhoods=[NeighbourhoodFactory(territory=other_territory)])
    assert "neighbourhoods" in error.value.message_dict
    assert not Consultation.objects.exists()


def test_create_names_every_faulty_field(territory):
    with pytest.raises(ValidationError) as error:
        create(
            member(territory, "agent"),
            territory,
            title="",
            charter_body="  ",
            answer_within_days=0,
            supports_per_person=0,
            blueprint="unknown",
        )
    assert "blueprint" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        create(
            member(territory, "agent"),
            territory,
            title="",
            charter_body="  ",
            answer_within_days=0,
            supports_per_person=0,
        )
    assert {"title", "charter_body", "answer_within_days", "supports_per_person"} <= set(
        error.value.message_dict
    )
    assert not Consultation.objects.exists()


def test_create_from_the_blueprint(territory):
    agent = member(territory, "agent")
    theme, local = ThemeFactory(), ThemeFactory(territory=territory)
    quarter = NeighbourhoodFactory(territory=territory)
    before = timezone.now()
    consultation = create(
        agent,
        territory,
        status="published",
        themes=[theme, local],
        neighbourhoods=[quarter],
        answer_within_days=30,
    )
    phases = list(consultation.phases.order_by("position"))
    assert [p.kind for p in phases] == ["collect", "workshops", "arbitration", "follow_up"]
    assert before <= phases[0].starts_at <= timezone.now()
    for previous, following in itertools.pairwise(phases):
        assert previous.ends_at == following.starts_at  # consecutive
    assert phases[-1].ends_at is None
    assert consultation.published_at is not None
    consultation = Consultation.objects.get(pk=consultation.pk)
    assert consultation.allows(Feature.PROPOSE)
    assert (consultation.charter_version, consultation.answer_within_days) == (1, 30)
    charter = CharterVersion.objects.get(consultation=consultation)
    assert (charter.version, charter.body, charter.author) == (1, CHARTER, agent)
    assert set(consultation.themes.all()) == {theme, local}


def test_create_draft_without_phases(territory):
    consultation = create(member(territory, "admin"), territory, blueprint=None)
    assert consultation.status == "draft" and consultation.published_at is None
    assert not consultation.phases.exists()


def test_update_and_publish_refused_to_others(territory, other_territory):
    consultation = ConsultationFactory(territory=territory, status="draft", published_at=None)
    for user in (
        member(territory),
        member(territory, "moderator"),
        member(other_territory, "agent"),
    ):
        with pytest.raises(PermissionDenied):
            services.consultation_update(actor=user, consultation=consultation, data={"title": "x"})
        with pytest.raises(PermissionDenied):
            services.consultation_publish(actor=user, consultation=consultation)


def test_update_refuses_fields_it_does_not_own(territory):
    consultation = ConsultationFactory(territory=territory)
    with pytest.raises(ValidationError) as error:
        services.consultation_update(
            actor=member(territory, "agent"), consultation=consultation, data={"charter_version": 9}
        )
    assert "charter_version" in error.value.message_dict


def test_update_then_publish(territory):
    agent = member(territory, "agent")
    consultation = ConsultationFactory(territory=territory, status="draft", published_at=None)
    services.consultation_update(
        actor=agent,
        consultation=consultation,
        data={"title": "Nouveau titre", "visibility": "agents", "supports_per_person": 3},
    )
    services.consultation_publish(actor=agent, consultation=consultation)
    consultation.refresh_from_db()
    assert (consultation.title, consultation.visibility, consultation.status) == (
        "Nouveau titre",
        "agents",
        "published",
    )
    published_at = consultation.published_at
    services.consultation_publish(actor=agent, consultation=consultation)
    consultation.refresh_from_db()
    assert consultation.published_at == published_at


# --- phases ------------------------------------------------------------------------


def test_phase_changes_refused_to_residents(territory):
    consultation = ConsultationFactory(territory=territory)
    phase = consultation.phases.first()
    resident = member(territory)
    with pytest.raises(PermissionDenied):
        services.phase_add(
            actor=resident,
            consultation=consultation,
            kind="collect",
            starts_at=timezone.now() + timedelta(days=400),
        )
    with pytest.raises(PermissionDenied):
        services.phase_update(actor=resident, phase=phase, data={"title": "x"})
    with pytest.raises(PermissionDenied):
        services.phase_delete(actor=resident, phase=phase)
    with pytest.raises(PermissionDenied):
        services.phase_move(actor=resident, phase=phase, direction="down")
    assert consultation.phases.count() == 4


def test_phase_dates_must_make_sense(territory):
    consultation = ConsultationFactory(territory=territory, phase=False)
    agent = member(territory, "agent")
    now = timezone.now()
    for ends_at in (now, now - timedelta(days=1)):
        with pytest.raises(ValidationError) as error:
            services.phase_add(
                actor=agent,
                consultation=consultation,
                kind="collect",
                starts_at=now,
                ends_at=ends_at,
            )
        assert "ends_at" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.phase_add(actor=agent, consultation=consultation, kind="nope", starts_at=now)
    assert "kind" in error.value.message_dict


def test_phases_never_overlap(territory):
    consultation = ConsultationFactory(territory=territory, phase=False)
    agent = member(territory, "agent")
    now = timezone.now()
    first = services.phase_add(
        actor=agent,
        consultation=consultation,
        kind="collect",
        starts_at=now,
        ends_at=now + timedelta(days=10),
    )
    with pytest.raises(ValidationError) as error:
        services.phase_add(
            actor=agent,
            consultation=consultation,
            kind="arbitration",
            starts_at=now + timedelta(days=9),
            ends_at=now + timedelta(days=20),
        )
    assert "starts_at" in error.value.message_dict
    last = services.phase_add(
        actor=agent, consultation=consultation, kind="follow_up", starts_at=now + timedelta(days=10)
    )  # touching is fine
    with pytest.raises(ValidationError):  # an open-ended phase overlaps anything after it
        services.phase_add(
            actor=agent,
            consultation=consultation,
            kind="arbitration",
            starts_at=now + timedelta(days=400),
        )
    with pytest.raises(ValidationError):
        services.phase_update(actor=agent, phase=first, data={"ends_at": now + timedelta(days=11)})
    assert [first.position, last.position] == [0, 1]


def test_phase_added_before_the_others_is_numbered_first(territory):
    consultation = ConsultationFactory(territory=territory)  # four phases from yesterday
    agent = member(territory, "agent")
    start = consultation.ordered_phases[0].starts_at
    phase = services.phase_add(
        actor=agent,
        consultation=consultation,
        kind="collect",
        title="Avant",
        starts_at=start - timedelta(days=3),
        ends_at=start,
    )
    assert phase.position == 0
    assert list(consultation.phases.order_by("position").values_list("starts_at", flat=True)) == (
        sorted(consultation.phases.values_list("starts_at", flat=True))
    )


def test_phase_move_swaps_time_slots_and_keeps_durations(territory):
    consultation = ConsultationFactory(territory=territory)
    agent = member(territory, "agent")
    collect, workshops, _arbitration, follow_up = consultation.ordered_phases
    workshops_slot = (workshops.starts_at, workshops.ends_at)
    services.phase_move(actor=agent, phase=workshops, direction="up")
    moved = {p.kind: p for p in Phase.objects.filter(consultation=consultation)}
    assert [
        p.kind for p in Phase.objects.filter(consultation=consultation).order_by("position")
    ] == [
        "workshops",
        "collect",
        "arbitration",
        "follow_up",
    ]
    assert moved["workshops"].starts_at == collect.starts_at
    assert moved["collect"].ends_at == workshops_slot[1]
    assert moved["workshops"].ends_at - moved["workshops"].starts_at == (
        workshops_slot[1] - workshops_slot[0]
    )
    first = Phase.objects.get(pk=workshops.pk)
    assert services.phase_move(actor=agent, phase=first, direction="up").position == 0  # no-op
    with pytest.raises(ValidationError):  # the open-ended phase stays last
        services.phase_move(actor=agent, phase=follow_up, direction="up")
    with pytest.raises(ValidationError):
        services.phase_move(actor=agent, phase=first, direction="sideways")


def test_phase_delete_renumbers(territory):
    consultation = ConsultationFactory(territory=territory)
    services.phase_delete(actor=member(territory, "admin"), phase=consultation.ordered_phases[1])
    assert list(consultation.phases.order_by("position").values_list("kind", "position")) == [
        ("collect", 0),
        ("arbitration", 1),
        ("follow_up", 2),
    ]


def test_network_admin_may_create_anywhere(territory):
    consultation = create(UserFactory(is_superuser=True), territory)
    assert consultation.territory == territory


def test_making_a_consultation_internal_takes_its_contributions_out_of_search(
    territory, django_capture_on_commit_callbacks
):
    from ensemble.contributions.services.contributions import contribution_create
    from ensemble.search.models import SearchEntry

    agent = member(territory, "agent")
    resident = member(territory)
    consultation = ConsultationFactory(territory=territory)
    contribution = contribution_create(
        author=resident, consultation=consultation, kind="idea",
        title="Des bancs au parc", body="Pour se reposer en chemin.",
    )  # fmt: skip
    entries = SearchEntry.objects.filter(kind="contribution", object_id=contribution.pk)
    assert entries.exists()

    services.consultation_update(
        actor=agent, consultation=consultation, data={"visibility": "agents"}
    )
    assert not entries.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_update(
            actor=agent, consultation=consultation, data={"visibility": "public"}
        )
    assert entries.exists()
