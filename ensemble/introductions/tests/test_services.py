import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from ensemble.actors.models import OrganisationMember
from ensemble.introductions import selectors, services
from ensemble.introductions.models import Introduction
from ensemble.messaging.models import Message
from ensemble.notifications.models import Notification
from ensemble.projects import services as project_services
from ensemble.projects.models import Need, Project
from ensemble.projects.tests.factories import team_member

from .helpers import old_user, open_need, organisation, owner_of, team_owner

pytestmark = pytest.mark.django_db
HELLO = "Bonjour, auriez-vous une salle le mardi soir ?"


@pytest.fixture
def need(territory):
    return open_need(territory)


@pytest.fixture
def org(territory):
    return organisation(territory, owner=old_user(territory), name="Maison des associations")


def ask(need, **target):
    return services.introduction_request(actor=team_owner(need), need=need, message=HELLO, **target)


def test_request_accept_helped_flow(need, org):
    introduction = ask(need, to_organisation=org)
    owner = owner_of(org)
    notification = Notification.objects.get(user=owner)
    assert notification.kind == "introduction_requested"
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert selectors.responsiveness(organisation=org) == (0, 1)

    introduction = services.introduction_answer(actor=owner, introduction=introduction, accept=True)
    assert introduction.status == "accepted"
    assert introduction.conversation is not None
    first = Message.objects.get(conversation=introduction.conversation)
    assert first.sender == team_owner(need) and first.body == HELLO
    assert Notification.objects.filter(user=team_owner(need), kind="introduction_answered").exists()
    assert selectors.responsiveness(organisation=org) == (1, 1)

    services.introduction_mark_helped(actor=team_owner(need), introduction=introduction)
    need.refresh_from_db()
    assert need.status == Need.Status.FULFILLED
    assert selectors.helped_count(organisation=org) == 1


def test_request_to_person_and_decline(need):
    person = old_user()
    introduction = ask(need, to_user=person)
    introduction = services.introduction_answer(
        actor=person, introduction=introduction, accept=False
    )
    assert introduction.status == "declined" and introduction.conversation is None
    assert selectors.responsiveness(user=person) == (1, 1)


def test_organisation_member_may_answer(need, org):
    member = old_user()
    OrganisationMember.objects.create(organisation=org, user=member)
    introduction = ask(need, to_organisation=org)
    introduction = services.introduction_answer(
        actor=member, introduction=introduction, accept=True
    )
    assert introduction.status == "accepted" and introduction.answered_by == member
    assert introduction.conversation.participants.filter(user=member).exists()


def test_help_offer_answered_by_team(need, org):
    helper = owner_of(org)
    mate = team_member(need.project)
    offer = services.help_offer(
        actor=helper, need=need, message="J'ai une salle.", organisation=org
    )
    assert offer.kind == "offer"
    assert set(Notification.objects.filter(kind="help_offered").values_list("user", flat=True)) == {
        team_owner(need).pk,
        mate.pk,
    }
    with pytest.raises(PermissionDenied):
        services.introduction_answer(actor=helper, introduction=offer, accept=True)
    offer = services.introduction_answer(actor=mate, introduction=offer, accept=True)
    offer.conversation.refresh_from_db()
    assert offer.conversation.messages_count == 1
    assert Notification.objects.filter(user=helper, kind="introduction_answered").exists()


def test_withdraw(need):
    introduction = ask(need, to_user=old_user())
    with pytest.raises(PermissionDenied):
        services.introduction_withdraw(actor=old_user(), introduction=introduction)
    services.introduction_withdraw(actor=team_owner(need), introduction=introduction)
    with pytest.raises(ValidationError):
        services.introduction_withdraw(actor=team_owner(need), introduction=introduction)


# --- refusals -----------------------------------------------------------------------


def test_only_team_may_ask(need):
    with pytest.raises(PermissionDenied):
        services.introduction_request(
            actor=old_user(), need=need, to_user=old_user(), message=HELLO
        )


def test_fulfilled_need_refused(need):
    project_services.need_fulfil(actor=team_owner(need), need=need)
    with pytest.raises(ValidationError) as error:
        ask(need, to_user=old_user())
    assert "need" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.help_offer(actor=old_user(), need=need, message="x")


def test_draft_project_refused(need):
    Project.objects.filter(pk=need.project_id).update(status=Project.Status.DRAFT)
    need.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        ask(need, to_user=old_user())
    assert "need" in error.value.message_dict


@pytest.mark.parametrize(
    "fields", [{"contactable": False}, {"profile_visibility": "hidden"}, {"is_active": False}]
)
def test_person_opted_out_refused(need, fields):
    with pytest.raises(ValidationError) as error:
        ask(need, to_user=old_user(**fields))
    assert "to_user" in error.value.message_dict


def test_organisation_opted_out_refused(need, org):
    org.contactable = False
    org.save()
    with pytest.raises(ValidationError) as error:
        ask(need, to_organisation=org)
    assert "to_organisation" in error.value.message_dict


def test_self_team_and_own_organisation_refused(need, org):
    with pytest.raises(ValidationError):
        ask(need, to_user=team_owner(need))
    with pytest.raises(ValidationError):
        ask(need, to_user=team_member(need.project))
    OrganisationMember.objects.create(organisation=org, user=team_owner(need))
    with pytest.raises(ValidationError):
        ask(need, to_organisation=org)
    with pytest.raises(ValidationError):
        services.help_offer(actor=team_owner(need), need=need, message="x")


def test_no_target_or_two_targets_or_empty_message(need, org):
    with pytest.raises(ValidationError):
        ask(need)
    with pytest.raises(ValidationError):
        ask(need, to_user=old_user(), to_organisation=org)
    with pytest.raises(ValidationError) as error:
        services.introduction_request(
            actor=team_owner(need), need=need, to_user=old_user(), message=" "
        )
    assert "message" in error.value.message_dict


def test_identical_request_refused_while_pending_or_declined(need):
    person = old_user()
    introduction = ask(need, to_user=person)
    with pytest.raises(services.IntroductionLimitReached):
        ask(need, to_user=person)
    introduction = services.introduction_answer(
        actor=person, introduction=introduction, accept=False
    )
    with pytest.raises(services.IntroductionLimitReached):
        ask(need, to_user=person)
    Introduction.objects.update(answered_at=introduction.answered_at.replace(year=2000))
    ask(need, to_user=person)


def test_identical_offer_refused(need):
    helper = old_user()
    services.help_offer(actor=helper, need=need, message="x")
    with pytest.raises(services.IntroductionLimitReached):
        services.help_offer(actor=helper, need=need, message="y")


@override_settings(ENSEMBLE_INTRODUCTIONS_PER_DAY_NEW=2, ENSEMBLE_INTRODUCTIONS_PER_DAY=4)
def test_daily_limits(territory):
    from ensemble.testing.factories import member

    new = member(territory)
    need = open_need(territory, owner=new)
    for _ in range(2):
        ask(need, to_user=old_user())
    with pytest.raises(services.IntroductionLimitReached) as error:
        ask(need, to_user=old_user())
    assert "__all__" in error.value.message_dict
    need = open_need(territory)
    for _ in range(4):
        ask(need, to_user=old_user())
    with pytest.raises(services.IntroductionLimitReached):
        ask(need, to_user=old_user())


def test_answering_someone_elses_introduction_refused(need, org):
    introduction = ask(need, to_organisation=org)
    for intruder in (old_user(), team_owner(need)):
        with pytest.raises(PermissionDenied):
            services.introduction_answer(actor=intruder, introduction=introduction, accept=True)
    services.introduction_answer(actor=owner_of(org), introduction=introduction, accept=False)
    with pytest.raises(ValidationError):
        services.introduction_answer(actor=owner_of(org), introduction=introduction, accept=True)


def test_mark_helped_refusals(need, org):
    introduction = ask(need, to_organisation=org)
    with pytest.raises(ValidationError):  # not accepted yet
        services.introduction_mark_helped(actor=team_owner(need), introduction=introduction)
    services.introduction_answer(actor=owner_of(org), introduction=introduction, accept=True)
    with pytest.raises(PermissionDenied):
        services.introduction_mark_helped(actor=owner_of(org), introduction=introduction)


def test_inactive_recipient_owner_gets_no_mail(need, org):
    owner = owner_of(org)
    owner.is_active = False
    owner.save()
    ask(need, to_organisation=org)
    assert mail.outbox == [] and not Notification.objects.exists()


def test_a_person_who_blocked_the_requester_cannot_be_asked(need, territory):
    from ensemble.messaging.services import person_block

    target = old_user(territory)
    person_block(blocker=target, blocked=team_owner(need))
    with pytest.raises(ValidationError) as error:
        ask(need, to_user=target)
    assert "to_user" in error.value.message_dict
    assert not Introduction.objects.exists()


def test_an_unverified_address_cannot_offer_help(need, territory):
    from ensemble.testing.factories import member

    newcomer = member(territory, verified=False)
    with pytest.raises(ValidationError) as error:
        services.help_offer(actor=newcomer, need=need, message=HELLO)
    assert "message" in error.value.message_dict
    assert not Introduction.objects.exists()
