"""Newsletters: written by a territory's team, sent in batches to who asked for it only."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from ensemble.newsletters import services
from ensemble.newsletters.models import Newsletter, NewsletterConsent, NewsletterDelivery
from ensemble.newsletters.tasks import newsletter_batch_send
from ensemble.notifications import unsubscribe
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
BODY = "Bonjour à toutes et à tous,\n\n**Samedi**, fête des jardins partagés."


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def _draft(territory, agent, **kwargs):
    return services.newsletter_save(
        actor=agent, territory=territory, subject="La lettre de décembre", body=BODY, **kwargs
    )


def _opted_in(territory, count, **kwargs):
    people = [member(territory, **kwargs) for _ in range(count)]
    for person in people:
        services.consent_set(user=person, territory=territory, consent=True)
    return people


def test_many_opted_in_members_get_it_in_batches_and_the_others_nothing(
    territory, agent, settings, django_capture_on_commit_callbacks
):
    settings.ENSEMBLE_EMAIL_BATCH_SIZE = 4
    readers = _opted_in(territory, 10)
    silent = [member(territory) for _ in range(3)]  # never asked: default off
    _opted_in(territory, 1, verified=False)  # an unconfirmed address gets nothing
    newsletter = _draft(territory, agent)
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=agent, newsletter=newsletter)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    assert (newsletter.recipients_count, newsletter.sent_count, newsletter.failed_count) == (
        10, 10, 0,
    )  # fmt: skip
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in readers)
    assert not {p.email for p in silent} & {m.to[0] for m in mail.outbox}
    message = mail.outbox[0]
    assert message.subject == "[Sceaux] La lettre de décembre"
    assert "<strong>Samedi</strong>" in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_batches_of_the_configured_size(territory, agent, settings, monkeypatch):
    from ensemble.newsletters import tasks

    settings.ENSEMBLE_EMAIL_BATCH_SIZE = 4
    _opted_in(territory, 10)
    newsletter = _draft(territory, agent)
    Newsletter.objects.filter(pk=newsletter.pk).update(status="sending", recipients_count=10)
    batches = []

    class Spy:
        def enqueue(self, **kwargs):
            batches.append(kwargs["user_ids"])
            return newsletter_batch_send.enqueue(**kwargs)

    monkeypatch.setattr(tasks, "newsletter_batch_send", Spy())
    assert tasks.newsletter_fan_out.enqueue(newsletter_id=newsletter.pk).return_value == 3
    assert [len(batch) for batch in batches] == [4, 4, 2]
    assert len(mail.outbox) == 10


def test_a_retried_batch_sends_nobody_twice(territory, agent):
    readers = _opted_in(territory, 3)
    newsletter = _draft(territory, agent)
    ids = [p.pk for p in readers]
    newsletter_batch_send.enqueue(newsletter_id=newsletter.pk, user_ids=ids)
    newsletter_batch_send.enqueue(newsletter_id=newsletter.pk, user_ids=ids)
    assert len(mail.outbox) == 3
    assert NewsletterDelivery.objects.count() == 3


def test_failures_are_counted(territory, agent, settings, django_capture_on_commit_callbacks):
    _opted_in(territory, 2)
    settings.EMAIL_BACKEND = "ensemble.notifications.tests.test_emails.Broken"
    newsletter = _draft(territory, agent)
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=agent, newsletter=newsletter)
    newsletter.refresh_from_db()
    assert (newsletter.sent_count, newsletter.failed_count, newsletter.status) == (0, 2, "sent")


def test_only_admins_and_agents_write_and_send(territory, agent):
    newsletter = _draft(territory, agent)
    for person in (member(territory), member(territory, "moderator"), UserFactory()):
        with pytest.raises(PermissionDenied):
            services.newsletter_save(actor=person, territory=territory, subject="x", body="y")
        with pytest.raises(PermissionDenied):
            services.newsletter_send(actor=person, newsletter=newsletter)
        with pytest.raises(PermissionDenied):
            services.newsletter_test_send(actor=person, newsletter=newsletter)
    admin = member(territory, "admin")
    assert _draft(territory, admin).author == admin


def test_a_sent_letter_cannot_be_sent_or_changed_again(
    territory, agent, django_capture_on_commit_callbacks
):
    from ensemble.core.exceptions import Conflict

    newsletter = _draft(territory, agent)
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send(actor=agent, newsletter=newsletter)
    with pytest.raises(Conflict):
        services.newsletter_send(actor=agent, newsletter=newsletter)
    with pytest.raises(Conflict):
        _draft(territory, agent, newsletter=newsletter)


def test_test_send_goes_to_the_writer_only_in_their_language(territory):
    writer = member(territory, "agent", language="en")
    _opted_in(territory, 2)
    services.newsletter_test_send(actor=writer, newsletter=_draft(territory, writer))
    (message,) = mail.outbox
    assert message.to == [writer.email]
    assert "Test: only you received this email." in message.body


def test_consent_is_recorded_with_its_date_and_one_click_stops_it(client, territory):
    (reader,) = _opted_in(territory, 1)
    consent = NewsletterConsent.objects.get(user=reader)
    assert consent.consented_at is not None
    token = unsubscribe.token(user=reader, topic=f"newsletter:{territory.pk}")
    with translation.override("en"):
        page = client.get(f"/me/notifications/desabonnement/{token}/")
    assert "Sceaux" in page.content.decode()
    client.post(f"/me/notifications/desabonnement/{token}/")
    assert not NewsletterConsent.objects.filter(user=reader).exists()


def test_outsiders_cannot_consent(territory):
    with pytest.raises(PermissionDenied):
        services.consent_set(user=UserFactory(), territory=territory, consent=True)
    assert not NewsletterConsent.objects.exists()


def test_pages_refuse_members_and_other_territories(client, territory, other_territory, agent):
    newsletter = _draft(territory, agent)
    client.force_login(member(territory))
    assert client.get("/sceaux/console/lettres/").status_code == 403
    assert client.post(f"/sceaux/console/lettres/{newsletter.pk}/envoyer/").status_code == 403
    client.force_login(member(other_territory, "agent"))
    assert client.get(f"/lyon/console/lettres/{newsletter.pk}/").status_code == 404
    client.force_login(agent)
    page = client.get(f"/sceaux/console/lettres/{newsletter.pk}/")
    assert page.status_code == 200 and "<strong>Samedi</strong>" in page.content.decode()


def test_member_page_sets_consent(client, territory):
    person = member(territory)
    client.force_login(person)
    assert client.get("/me/lettres/").status_code == 200
    client.post("/me/lettres/", {f"territory_{territory.pk}": "on"})
    assert NewsletterConsent.objects.filter(user=person, territory=territory).exists()
    client.post("/me/lettres/", {})
    assert not NewsletterConsent.objects.filter(user=person).exists()
