import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, ContributionFollow, Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications.models import Notification
from ensemble.projects.tests.factories import ProjectFactory, draft_project
from ensemble.results.models import Result
from ensemble.results.services import result_create, result_progress, result_update
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="follow_up")


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def accepted(consultation, **kwargs):
    return ContributionFactory(
        consultation=consultation, answer_state=AnswerState.ACCEPTED, **kwargs
    )


def make(consultation, agent, **kwargs):
    kwargs.setdefault("title", "Des bancs")
    return result_create(author=agent, consultation=consultation, **kwargs)


# --- refusals -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_only_agents_manage_results(consultation, territory, role):
    with pytest.raises(PermissionDenied):
        make(consultation, member(territory, role))


def test_agent_of_another_territory_is_refused(consultation, other_territory, agent):
    with pytest.raises(PermissionDenied):
        make(consultation, member(other_territory, "agent"))
    result = make(consultation, agent)
    with pytest.raises(PermissionDenied):
        result_progress(
            author=member(other_territory, "admin"), result=result, status="done",
            progress=100, title="Fini",
        )  # fmt: skip


@pytest.mark.parametrize("progress", [-1, 101, "beaucoup"])
def test_progress_is_a_percentage(consultation, agent, progress):
    with pytest.raises(ValidationError) as error:
        make(consultation, agent, progress=progress)
    assert "progress" in error.value.message_dict
    result = make(consultation, agent)
    with pytest.raises(ValidationError) as error:
        result_progress(author=agent, result=result, status="done", progress=progress, title="x")
    assert "progress" in error.value.message_dict


def test_unknown_status_is_refused(consultation, agent):
    with pytest.raises(ValidationError) as error:
        make(consultation, agent, status="finished")
    assert "status" in error.value.message_dict


def test_contribution_of_another_consultation_is_refused(consultation, agent, territory):
    other = accepted(ConsultationFactory(territory=territory))
    with pytest.raises(ValidationError) as error:
        make(consultation, agent, contributions=[other])
    assert "contributions" in error.value.message_dict


@pytest.mark.parametrize("state", ["", "rejected", "under_study", "already_done", "merged"])
def test_contribution_not_accepted_is_refused(consultation, agent, state):
    contribution = ContributionFactory(consultation=consultation, answer_state=state)
    with pytest.raises(ValidationError) as error:
        make(consultation, agent, contributions=[contribution])
    assert "contributions" in error.value.message_dict


def test_projects_must_be_published_here(consultation, agent, territory, other_territory):
    for project in (draft_project(territory=territory), ProjectFactory(territory=other_territory)):
        with pytest.raises(ValidationError) as error:
            make(consultation, agent, projects=[project])
        assert "projects" in error.value.message_dict


def test_parent_of_another_consultation_or_itself(consultation, agent, territory):
    elsewhere = make(ConsultationFactory(territory=territory), agent)
    with pytest.raises(ValidationError) as error:
        make(consultation, agent, parent=elsewhere)
    assert "parent" in error.value.message_dict
    parent = make(consultation, agent)
    child = make(consultation, agent, parent=parent)
    for bad in (parent, child):
        with pytest.raises(ValidationError) as error:
            result_update(author=agent, result=parent, data={"parent": bad})
        assert "parent" in error.value.message_dict


def test_parent_progress_cannot_be_set_directly(consultation, agent):
    parent = make(consultation, agent)
    make(consultation, agent, parent=parent, progress=40)
    parent.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        result_progress(author=agent, result=parent, status="in_progress", progress=90, title="x")
    assert "progress" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        result_update(author=agent, result=parent, data={"progress": 90})
    assert "progress" in error.value.message_dict
    # The computed value, or none, is accepted: only the status changes.
    update = result_progress(author=agent, result=parent, status="in_progress", progress=None,
                             title="En route")  # fmt: skip
    assert update.progress == 40


def test_ends_before_it_starts(consultation, agent):
    import datetime

    with pytest.raises(ValidationError) as error:
        make(consultation, agent, starts_on=datetime.date(2026, 5, 1),
             ends_on=datetime.date(2026, 4, 1))  # fmt: skip
    assert "ends_on" in error.value.message_dict


# --- acceptances, counters, roll-up --------------------------------------------------------


def test_create_links_and_counts(consultation, agent, territory):
    contribution = accepted(consultation)
    partial = ContributionFactory(
        consultation=consultation, answer_state=AnswerState.PARTIALLY_ACCEPTED
    )
    project = ProjectFactory(territory=territory)
    result = make(consultation, agent, contributions=[contribution, partial], projects=[project])
    assert set(result.contributions.all()) == {contribution, partial}
    assert list(result.projects.all()) == [project]
    make(consultation, agent, parent=result)
    consultation.refresh_from_db()
    result.refresh_from_db()
    assert consultation.results_count == 2
    assert result.children_count == 1


def test_progress_rolls_up_two_levels(consultation, agent):
    root = make(consultation, agent, title="Mobilité")
    bikes = make(consultation, agent, title="Vélos", parent=root)
    racks = make(consultation, agent, title="Arceaux", parent=bikes, progress=100)
    lanes = make(consultation, agent, title="Pistes", parent=bikes, progress=0)
    benches = make(consultation, agent, title="Bancs", parent=root, progress=20)
    root.refresh_from_db()
    bikes.refresh_from_db()
    assert bikes.progress == 50  # mean(100, 0)
    assert root.progress == 35  # mean(50, 20)
    result_progress(author=agent, result=lanes, status="in_progress", progress=60, title="x")
    bikes.refresh_from_db()
    root.refresh_from_db()
    assert (bikes.progress, root.progress) == (80, 50)
    # Moving a part elsewhere recomputes both parents and their counters.
    result_update(author=agent, result=racks, data={"parent": benches})
    for result in (root, bikes, benches):
        result.refresh_from_db()
    assert (bikes.children_count, benches.children_count) == (1, 1)
    assert (bikes.progress, benches.progress, root.progress) == (60, 100, 80)


def test_progress_records_a_timeline_entry(consultation, agent):
    result = make(consultation, agent)
    update = result_progress(
        author=agent, result=result, status="in_progress", progress=30, title="Travaux lancés",
        body="Les **premiers** bancs sont posés.",
    )  # fmt: skip
    result.refresh_from_db()
    assert (result.status, result.progress) == ("in_progress", 30)
    assert (update.status, update.progress, update.author) == ("in_progress", 30, agent)
    assert list(result.updates.all()) == [update]


# --- notifications -------------------------------------------------------------------------


def _people(contribution, territory, supporters=2, followers=2):
    people = []
    for _n in range(supporters):
        person = member(territory)
        Support.objects.create(
            contribution=contribution, consultation=contribution.consultation, user=person
        )
        people.append(person)
    for _n in range(followers):
        person = member(territory)
        ContributionFollow.objects.create(contribution=contribution, user=person)
        people.append(person)
    return people


def test_notifies_each_person_once(
    consultation, agent, territory, django_capture_on_commit_callbacks
):
    first, second = accepted(consultation), accepted(consultation)
    people = _people(first, territory) + _people(second, territory)
    both = people[0]  # supports the first, follows and supports the second
    Support.objects.create(contribution=second, consultation=consultation, user=both)
    ContributionFollow.objects.create(contribution=second, user=both)
    second.coauthors.add(first.author)
    ContributionFollow.objects.create(contribution=first, user=agent)  # the agent: not told
    parent = make(consultation, agent, title="Parent", contributions=[second])
    result = make(consultation, agent, contributions=[first], parent=parent)
    with django_capture_on_commit_callbacks(execute=True):
        result_progress(author=agent, result=result, status="in_progress", progress=50,
                        title="Commencé")  # fmt: skip
    notified = list(
        Notification.objects.filter(kind="result_progressed").values_list("user_id", flat=True)
    )
    expected = {p.pk for p in people} | {first.author_id, second.author_id}
    assert sorted(notified) == sorted(expected)  # each once, the parent's people too
    assert agent.pk not in notified


def test_no_notification_before_follow_up(territory, agent, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    contribution = accepted(consultation)
    result = make(consultation, agent, contributions=[contribution])
    with django_capture_on_commit_callbacks(execute=True):
        result_progress(author=agent, result=result, status="in_progress", progress=10, title="x")
    assert not Notification.objects.filter(kind="result_progressed").exists()
    assert result.updates.count() == 1  # recorded all the same


def test_draft_consultation_can_prepare_results(territory, agent):
    consultation = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    assert make(consultation, agent).pk
    assert Result.objects.filter(consultation=consultation).count() == 1
