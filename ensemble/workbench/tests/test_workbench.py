"""The agents' workbench: the queue, assignment, private notes, draft answers."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.answers.models import Answer
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications.models import Notification
from ensemble.testing.factories import ThemeFactory, UserFactory, member
from ensemble.testing.queries import assert_flat_queries
from ensemble.workbench import selectors, services
from ensemble.workbench.models import Assignment, PrivateNote

pytestmark = pytest.mark.django_db
SECRET = "Le maire refuse, ne pas le dire avant le conseil"
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def url(name, territory, **kwargs):
    return reverse(f"workbench:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration", answer_within_days=30)


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


@pytest.fixture
def contribution(consultation):
    return ContributionFactory(consultation=consultation)


def aged(contribution, days):
    Contribution.objects.filter(pk=contribution.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return contribution


def test_the_queue_puts_overdue_first_then_the_oldest(client, territory, consultation, agent):
    patient = ConsultationFactory(territory=territory, phase="arbitration", answer_within_days=90)
    young = aged(ContributionFactory(consultation=consultation), 2)
    overdue_recent = aged(ContributionFactory(consultation=consultation), 40)
    old_not_due = aged(ContributionFactory(consultation=patient), 60)
    overdue_old = aged(ContributionFactory(consultation=consultation), 50)
    answered = ContributionFactory(consultation=consultation)
    Contribution.objects.filter(pk=answered.pk).update(answer_state=AnswerState.ACCEPTED)
    client.force_login(agent)
    rows = list(client.get(url("queue", territory)).context["rows"].page.object_list)
    assert [c.pk for c in rows] == [overdue_old.pk, overdue_recent.pk, old_not_due.pk, young.pk]
    assert [c.is_overdue for c in rows] == [True, True, False, False]


def test_pages_of_the_queue_cross_from_the_overdue_to_the_others(territory, consultation):
    """The overdue and the others are read apart: a page may hold the end of one and the
    start of the other, and every contribution is on exactly one page, in order."""
    patient = ConsultationFactory(territory=territory, phase="arbitration", answer_within_days=90)
    made = [
        aged(ContributionFactory(consultation=consultation), 35),  # overdue
        aged(ContributionFactory(consultation=patient), 80),  # not due: 90 days
        aged(ContributionFactory(consultation=consultation), 45),  # overdue
        aged(ContributionFactory(consultation=consultation), 5),
        aged(ContributionFactory(consultation=patient), 95),  # overdue
    ]
    expected = [made[4].pk, made[2].pk, made[0].pk, made[1].pk, made[3].pk]
    queue = selectors.queue(territory=territory)
    assert queue.count() == 5
    for size in (1, 2, 3, 4):
        pages = [queue[start : start + size] for start in range(0, 5, size)]
        assert [c.pk for page in pages for c in page] == expected
    assert [c.is_overdue for c in queue[1:4]] == [True, True, False]
    assert [c.pk for c in queue[5:10]] == []


def test_the_queue_of_me_holds_my_departments_work(client, territory, consultation, agent):
    colleague = member(territory, "agent")
    department = services.department_save(
        actor=member(territory, "admin"), territory=territory, name="Voirie",
        members=[agent, colleague],
    )  # fmt: skip
    theirs = ContributionFactory(consultation=consultation)
    services.contribution_assign(actor=colleague, contribution=theirs, department=department)
    elsewhere = ContributionFactory(consultation=consultation)
    services.contribution_assign(actor=colleague, contribution=elsewhere, agent=colleague)
    client.force_login(agent)
    page = client.get(url("queue", territory), {"assignee": "me"}).context["rows"].page
    assert [c.pk for c in page.object_list] == [theirs.pk]


def test_the_queue_filters(client, territory, consultation, agent):
    theme = ThemeFactory(territory=territory)
    themed = ContributionFactory(consultation=consultation)
    themed.themes.add(theme)
    other = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    services.contribution_assign(actor=agent, contribution=other, agent=agent)
    client.force_login(agent)

    def pks(**params):
        page = client.get(url("queue", territory), params).context["rows"].page
        return {c.pk for c in page.object_list}

    assert pks(theme=theme.pk) == {themed.pk}
    assert pks(consultation=consultation.pk) == {themed.pk}
    assert pks(assignee="me") == {other.pk}
    assert pks(assignee="none") == {themed.pk}
    assert pks(assignee=f"agent:{agent.pk}") == {other.pk}


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_who_is_not_an_agent_has_no_workbench(client, territory, contribution, role):
    client.force_login(member(territory, role))
    assert client.get(url("queue", territory)).status_code == 403
    assert client.get(url("contribution", territory, pk=contribution.pk)).status_code == 403


def test_an_agent_of_a_has_no_workbench_in_b(client, other_territory, contribution, territory):
    agent_of_b = member(other_territory, "agent")
    client.force_login(agent_of_b)
    assert client.get(url("queue", territory)).status_code == 403
    assert client.get(url("contribution", territory, pk=contribution.pk)).status_code == 403
    # Through B's own workbench, A's contribution does not exist.
    assert client.get(url("contribution", other_territory, pk=contribution.pk)).status_code == 404
    assert (
        client.get(f"/api/v1/contributions/{contribution.pk}/notes", **auth(agent_of_b)).status_code
        == 404
    )


def test_assignment_notifies_the_agent_and_the_department(territory, contribution, agent):
    admin, colleague = member(territory, "admin"), member(territory, "agent")
    department = services.department_save(
        actor=admin, territory=territory, name="Voirie", members=[colleague]
    )
    services.contribution_assign(
        actor=admin, contribution=contribution, agent=agent, department=department
    )
    notified = set(
        Notification.objects.filter(kind="contribution_assigned").values_list("user_id", flat=True)
    )
    assert notified == {agent.pk, colleague.pk}
    assignment = Assignment.objects.get(contribution=contribution)
    assert (assignment.agent, assignment.department) == (agent, department)


def test_only_agents_are_assigned(territory, contribution, agent):
    with pytest.raises(ValidationError) as error:
        services.contribution_assign(
            actor=agent, contribution=contribution, agent=member(territory, "moderator")
        )
    assert "agent" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.contribution_assign(
            actor=member(territory), contribution=contribution, agent=agent
        )
    assert not Assignment.objects.exists()


def test_bulk_assignment(client, territory, consultation, agent):
    rows = [ContributionFactory(consultation=consultation) for _ in range(3)]
    client.force_login(agent)
    response = client.post(
        url("queue_assign", territory), {"contributions": [c.pk for c in rows], "agent": agent.pk}
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(agent=agent).count() == 3


def test_bulk_assignment_refuses_another_territorys_contributions(
    client, territory, other_territory, agent
):
    foreign = ContributionFactory(consultation=ConsultationFactory(territory=other_territory))
    client.force_login(agent)
    response = client.post(
        url("queue_assign", territory), {"contributions": [foreign.pk], "agent": agent.pk}
    )
    assert response.status_code == 400 and not Assignment.objects.exists()


def test_a_resident_never_sees_a_private_note(client, territory, contribution, agent):
    services.note_add(actor=agent, contribution=contribution, body=SECRET)
    services.contribution_assign(
        actor=member(territory, "admin"), contribution=contribution, agent=agent
    )
    resident = member(territory)
    client.force_login(resident)
    pages = [
        contribution.get_absolute_url(),
        reverse("search:territory_search", kwargs={"territory_slug": territory.slug})
        + "?q=maire+refuse",
        "/api/v1/search?q=maire+refuse",
        f"/api/v1/contributions/{contribution.pk}",
    ]
    for page in pages:
        assert SECRET not in client.get(page).content.decode(), page
    assert (
        client.get(f"/api/v1/contributions/{contribution.pk}/notes", **auth(resident)).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/contributions/{contribution.pk}/notes",
            {"body": "x"},
            content_type="application/json",
            **auth(resident),
        ).status_code
        == 404
    )
    assert client.get(url("contribution", territory, pk=contribution.pk)).status_code == 403
    assert not Notification.objects.filter(body__contains="refuse").exists()
    assert not Notification.objects.filter(title__contains="refuse").exists()
    assert PrivateNote.objects.count() == 1


def test_agents_read_and_write_notes_in_the_api(client, contribution, agent):
    response = client.post(
        f"/api/v1/contributions/{contribution.pk}/notes",
        {"body": SECRET},
        content_type="application/json",
        **auth(agent),
    )
    assert response.status_code == 201
    notes = client.get(f"/api/v1/contributions/{contribution.pk}/notes", **auth(agent)).json()
    assert [note["body"] for note in notes] == [SECRET]


def test_a_draft_prepared_by_one_agent_is_published_by_another(
    client, territory, contribution, agent
):
    client.force_login(agent)
    response = client.post(
        url("contribution_draft", territory, pk=contribution.pk),
        {"state": AnswerState.ACCEPTED, "explanation": "Trop court"},
    )
    assert response.status_code == 302
    assert not Answer.objects.exists()
    assert "Trop court" not in client.get(contribution.get_absolute_url()).content.decode()
    publisher = member(territory, "agent")
    client.force_login(publisher)
    client.post(url("contribution_publish", territory, pk=contribution.pk))
    assert not Answer.objects.exists()  # the mandatory explanation rule still holds
    client.force_login(agent)
    client.post(
        url("contribution_draft", territory, pk=contribution.pk),
        {"state": AnswerState.ACCEPTED, "explanation": EXPLANATION},
    )
    client.force_login(publisher)
    response = client.post(url("contribution_publish", territory, pk=contribution.pk))
    answer = Answer.objects.get()
    assert (answer.author, answer.explanation) == (publisher, EXPLANATION)
    assert response.url == contribution.get_absolute_url()


def test_a_moderator_cannot_prepare_or_publish(territory, contribution):
    moderator = member(territory, "moderator")
    with pytest.raises(PermissionDenied):
        services.draft_save(actor=moderator, contribution=contribution, state="accepted")
    with pytest.raises(PermissionDenied):
        services.note_add(actor=moderator, contribution=contribution, body="x")


def test_the_queue_runs_a_fixed_number_of_queries(client, territory, consultation, agent):
    client.force_login(agent)
    theme = ThemeFactory(territory=territory)

    def grow(n):
        while Contribution.objects.filter(territory=territory).count() < n:
            contribution = ContributionFactory(consultation=consultation)
            contribution.themes.add(theme)
            services.contribution_assign(actor=agent, contribution=contribution, agent=agent)

    assert_flat_queries(client, url("queue", territory), grow)


def test_the_desk_runs_a_fixed_number_of_queries(client, territory, contribution, agent):
    client.force_login(agent)
    authors = [UserFactory() for _ in range(3)]
    for person in authors:
        member(territory, "agent", email=f"x{person.pk}@example.org")

    def grow(n):
        while PrivateNote.objects.count() < n:
            PrivateNote.objects.create(contribution=contribution, author=agent, body="Note")

    assert_flat_queries(client, url("contribution", territory, pk=contribution.pk), grow)


def test_departments_are_a_setting_of_the_admins(client, territory, agent):
    client.force_login(agent)
    assert client.post(url("departments", territory), {"name": "Voirie"}).status_code == 403
    client.force_login(member(territory, "admin"))
    assert (
        client.post(
            url("departments", territory), {"name": "Voirie", "members": [agent.pk]}
        ).status_code
        == 302
    )
    assert territory.departments.get().members.get() == agent


def test_a_private_note_is_never_in_the_open_data(territory, contribution, agent):
    from ensemble.opendata.models import DatasetFile
    from ensemble.opendata.services import datasets_build

    services.note_add(actor=agent, contribution=contribution, body=SECRET)
    datasets_build(territory=territory)
    files = list(DatasetFile.objects.filter(territory=territory))
    assert files and not any(SECRET in f.content for f in files)
    assert any(contribution.title in f.content for f in files)


@pytest.mark.usefixtures("fragments")
def test_the_kept_queue_moves_with_every_write_and_keeps_me_apart(territory, consultation, agent):
    colleague = member(territory, "agent")
    mine = ContributionFactory(consultation=consultation, title="Banc cassé rue Haute")
    clients = {}
    for person in (agent, colleague):
        clients[person] = Client()
        clients[person].force_login(person)

    def html(person, **params):
        return clients[person].get(url("queue", territory), params).content.decode()

    assert "Banc cassé rue Haute" not in html(agent, assignee="me")
    services.contribution_assign(actor=agent, contribution=mine, agent=agent)
    assert "Banc cassé rue Haute" in html(agent, assignee="me")
    assert "Banc cassé rue Haute" not in html(colleague, assignee="me")
    ContributionFactory(consultation=consultation, title="Lampadaire éteint")
    assert "Lampadaire éteint" in html(colleague)
