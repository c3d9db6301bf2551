import pytest
from django.urls import reverse

from ensemble.messaging import services
from ensemble.messaging.models import Block, Conversation, Message
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries


def url(name, **kwargs):
    return reverse(f"messaging:{name}", kwargs=kwargs)


def test_anonymous_is_sent_to_log_in(client, conversation):
    for path in (url("inbox"), conversation.get_absolute_url(), url("new") + "?to=1"):
        response = client.get(path)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_non_participant_cannot_read_list_or_post(client, conversation, stranger):
    client.force_login(stranger)
    assert client.get(conversation.get_absolute_url()).status_code == 404
    assert b"Salle" not in client.get(url("inbox")).content
    response = client.post(conversation.get_absolute_url(), {"body": "Intrus"})
    assert response.status_code == 404
    message = Message.objects.get()
    assert client.get(url("report", pk=message.pk)).status_code == 404
    assert Message.objects.count() == 1


def test_inbox_shows_unread_with_text(client, conversation, bob):
    client.force_login(bob)
    response = client.get(url("inbox"))
    assert response.status_code == 200
    assert "1 unread message" in response.content.decode()


def test_unread_context_processor_is_one_query_and_skips_anonymous(
    rf, conversation, bob, django_assert_num_queries
):
    from django.contrib.auth.models import AnonymousUser

    from ensemble.messaging.context_processors import unread

    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert unread(request) == {}
    request.user = bob
    with django_assert_num_queries(1):
        assert unread(request)["messages_unread"]() == 1


def test_reading_marks_read_and_replying_works(client, conversation, bob, alice):
    client.force_login(bob)
    response = client.get(conversation.get_absolute_url())
    assert "<strong>Bob</strong>" in response.content.decode()  # Markdown rendered
    assert "<time" in response.content.decode()
    assert "0 unread" not in client.get(url("inbox")).content.decode()
    response = client.post(conversation.get_absolute_url(), {"body": "Merci Alice"})
    assert response.status_code == 302
    assert Message.objects.filter(sender=bob).exists()


def test_empty_reply_shows_the_error_summary(client, conversation, bob):
    client.force_login(bob)
    response = client.post(conversation.get_absolute_url(), {"body": " "})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_blocked_person_sees_a_clear_refusal(client, conversation, alice, bob):
    services.person_block(blocker=bob, blocked=alice)
    client.force_login(alice)
    response = client.post(conversation.get_absolute_url(), {"body": "Encore"})
    assert response.status_code == 400
    assert "blocked" in response.content.decode()


def test_block_and_unblock_from_the_conversation(client, conversation, alice, bob):
    client.force_login(bob)
    client.post(url("block", pk=alice.pk), {"next": conversation.get_absolute_url()})
    assert Block.objects.filter(blocker=bob, blocked=alice).exists()
    client.post(url("unblock", pk=alice.pk), {"next": "https://evil.example/"})
    assert not Block.objects.exists()


def test_new_message_to_a_person(client, alice, bob):
    client.force_login(alice)
    path = url("new") + f"?to={bob.pk}"
    assert client.get(path).status_code == 200
    response = client.post(path, {"subject": "Salle", "body": "Bonjour"})
    conversation = Conversation.objects.get()
    assert response["Location"] == conversation.get_absolute_url()


@pytest.mark.parametrize("case", ["self", "not_contactable", "hidden", "blocked_me"])
def test_new_message_refused(client, alice, bob, territory, case):
    person = {
        "self": alice,
        "not_contactable": member(territory, contactable=False),
        "hidden": member(territory, profile_visibility="hidden"),
        "blocked_me": bob,
    }[case]
    if case == "blocked_me":
        services.person_block(blocker=bob, blocked=alice)
    client.force_login(alice)
    path = url("new") + f"?to={person.pk}"
    assert client.get(path).status_code == 403
    assert client.post(path, {"body": "Bonjour"}).status_code == 403
    assert not Conversation.objects.exists()


def test_new_message_to_an_organisation(client, alice, organisation):
    client.force_login(alice)
    path = url("new") + f"?organisation={organisation.pk}"
    response = client.post(path, {"subject": "", "body": "Bonjour"})
    assert response.status_code == 302
    assert Conversation.objects.get().participants.count() == 2
    organisation.contactable = False
    organisation.save()
    assert client.get(path).status_code == 403


def test_rate_limit_has_a_clear_message_on_the_page(client, alice, territory, settings):
    settings.ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS = 0
    client.force_login(alice)
    response = client.post(url("new") + f"?to={member(territory).pk}", {"body": "Bonjour"})
    assert response.status_code == 429
    assert "a few conversations a day" in response.content.decode()


def test_report_a_message(client, conversation, bob, territory):
    message = Message.objects.get()
    client.force_login(bob)
    assert client.get(url("report", pk=message.pk)).status_code == 200
    response = client.post(url("report", pk=message.pk), {"reason": "spam"})
    assert response.status_code == 302
    assert message.pk == type(message).objects.get().pk


def test_inbox_queries_are_flat(client, alice, territory):
    def grow(n):
        while Conversation.objects.count() < n:
            other = member(territory)
            conversation = services.conversation_open(opened_by=other, participants=[alice])
            services.message_send(sender=other, conversation=conversation, body="Bonjour")

    client.force_login(alice)
    assert (
        assert_flat_queries(client, url("inbox"), grow) <= 7
    )  # + the two unread counts of the header


def test_conversation_queries_are_flat(client, conversation, alice, bob, settings):
    settings.ENSEMBLE_MESSAGES_PER_MINUTE = 1000  # the list grows faster than people write

    def grow(n):
        while Message.objects.count() < n:
            services.message_send(sender=bob, conversation=conversation, body="**Encore**")

    client.force_login(alice)
    page = conversation.get_absolute_url() + "?page=1"
    assert assert_flat_queries(client, page, grow) <= 10  # + the two unread counts of the header


def test_archive_hides_until_a_new_message(client, conversation, alice, bob, stranger):
    client.force_login(stranger)
    assert client.post(url("archive", pk=conversation.pk)).status_code == 404
    client.force_login(bob)
    client.post(url("archive", pk=conversation.pk))
    assert b"Salle" not in client.get(url("inbox")).content
    assert b"Salle" in client.get(url("archived")).content
    services.message_send(sender=alice, conversation=conversation, body="Tu es là ?")
    assert b"Salle" in client.get(url("inbox")).content


# --- a project's team, from the project page (issue 17) ------------------------------


@pytest.fixture
def project(territory, alice):
    from ensemble.projects.tests.factories import ProjectFactory

    return ProjectFactory(territory=territory, title="Repair café", owner=alice)


def test_writing_to_a_project_team(client, project, alice, stranger):
    client.force_login(stranger)
    new = url("new") + f"?project={project.pk}"
    assert "Write to the team of" in client.get(new, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = client.post(new, {"subject": "", "body": "Je peux aider le samedi."})
    conversation = Conversation.objects.get(project=project)
    assert response.status_code == 302 and response.url == conversation.get_absolute_url()
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        alice.pk, stranger.pk,
    }  # fmt: skip
    # Written again: the same conversation.
    client.post(new, {"subject": "", "body": "Et le dimanche aussi."})
    assert Conversation.objects.filter(project=project).count() == 1


def test_a_project_team_is_not_reachable_from_inside_nor_when_unpublished(
    client, project, alice, stranger
):
    from ensemble.projects.models import Project

    new = url("new") + f"?project={project.pk}"
    client.force_login(alice)  # the team does not write to itself
    assert client.get(new).status_code == 403
    assert client.post(new, {"body": "Moi-même"}).status_code == 403
    Project.objects.filter(pk=project.pk).update(status=Project.Status.DRAFT)
    client.force_login(stranger)  # a draft does not exist for others
    assert client.get(new).status_code == 404
    assert client.get(url("new") + "?project=abc").status_code == 404
    assert not Conversation.objects.exists()


def test_the_inbox_names_the_others_without_a_dangling_comma(client, alice, bob, territory):
    zoe = member(territory, display_name="Zoé")
    conversation = services.conversation_open(opened_by=alice, participants=[bob, zoe])
    services.message_send(sender=alice, conversation=conversation, body="Bonjour")
    client.force_login(zoe)
    html = client.get(url("inbox"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Alice, Bob" in html and "Bob, " not in html
