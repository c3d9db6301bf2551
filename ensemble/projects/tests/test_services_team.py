import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.projects import services
from ensemble.projects.models import ProjectInvitation, ProjectMember
from ensemble.testing.factories import UserFactory, member

from .factories import ProjectFactory, archived_project, owner_of, team_member

pytestmark = pytest.mark.django_db
OWNER, MEMBER = ProjectMember.Role.OWNER, ProjectMember.Role.MEMBER


@pytest.fixture
def sent(monkeypatch):
    messages = []
    monkeypatch.setattr("ensemble.projects.team.email_enqueue", messages.append)
    return messages


def test_invite_unknown_email_sends_an_accept_link(
    territory, sent, django_capture_on_commit_callbacks
):
    project = ProjectFactory(territory=territory)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.project_member_invite(
            actor=owner_of(project), project=project, email="nouvelle@example.org",
            base_url="https://ensemble.example",
        )  # fmt: skip
    assert len(sent) == 1
    assert sent[0].to == ["nouvelle@example.org"]
    assert (
        f"https://ensemble.example/sceaux/projets/invitations/{invitation.token}/" in sent[0].body
    )


def test_existing_account_accepts(territory, sent, django_capture_on_commit_callbacks):
    project = ProjectFactory(territory=territory)
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.project_member_invite(
            actor=owner_of(project), project=project, email=person.email.upper()
        )
    assert not person.has_perm("projects.change_project", project)
    membership = services.project_invitation_accept(user=person, token=invitation.token)
    assert membership.role == MEMBER
    assert person.has_perm("projects.change_project", project)
    with pytest.raises(ValidationError):  # used once
        services.project_invitation_accept(user=person, token=invitation.token)


def test_invitation_for_someone_else_is_refused(territory, sent):
    project = ProjectFactory(territory=territory)
    invitation = services.project_member_invite(
        actor=owner_of(project), project=project, email="quelquun@example.org"
    )
    with pytest.raises(PermissionDenied):
        services.project_invitation_accept(user=UserFactory(), token=invitation.token)
    with pytest.raises(ValidationError):
        services.project_invitation_accept(user=UserFactory(), token="forged")
    assert ProjectMember.objects.filter(project=project).count() == 1


def test_duplicates_refused(territory, sent):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    services.project_member_invite(actor=owner, project=project, email="a@example.org")
    for email in ("a@example.org", "A@example.org", owner.email, team_member(project).email):
        with pytest.raises(ValidationError) as error:
            services.project_member_invite(actor=owner, project=project, email=email)
        assert "email" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.project_member_invite(actor=owner, project=project, email="not an email")
    assert "email" in error.value.message_dict
    assert ProjectInvitation.objects.count() == 1


@pytest.mark.parametrize("who", ["team member", "territory member", "outsider"])
def test_only_owners_invite(territory, sent, who):
    project = ProjectFactory(territory=territory)
    user = {
        "team member": lambda: team_member(project),
        "territory member": lambda: member(territory),
        "outsider": UserFactory,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.project_member_invite(actor=user, project=project, email="x@example.org")


def test_last_owner_cannot_leave_nor_be_removed(territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    with pytest.raises(ValidationError):
        services.project_leave(user=owner, project=project)
    with pytest.raises(ValidationError):
        services.project_member_remove(
            actor=owner, membership=ProjectMember.objects.get(user=owner)
        )
    assert ProjectMember.objects.filter(project=project, user=owner, role=OWNER).exists()


def test_member_leaves_and_owner_removes(territory):
    project = ProjectFactory(territory=territory)
    leaver, removed = team_member(project), team_member(project)
    services.project_leave(user=leaver, project=project)
    assert not leaver.has_perm("projects.change_project", project)
    with pytest.raises(PermissionDenied):
        services.project_member_remove(
            actor=leaver, membership=ProjectMember.objects.get(user=removed)
        )
    services.project_member_remove(
        actor=owner_of(project), membership=ProjectMember.objects.get(user=removed)
    )
    assert ProjectMember.objects.filter(project=project).count() == 1


def test_transfer_ownership(territory):
    project = ProjectFactory(territory=territory)
    owner, heir = owner_of(project), team_member(project)
    with pytest.raises(PermissionDenied):
        services.project_transfer_ownership(actor=heir, project=project, to_user=heir)
    with pytest.raises(ValidationError) as error:
        services.project_transfer_ownership(actor=owner, project=project, to_user=UserFactory())
    assert "user" in error.value.message_dict
    services.project_transfer_ownership(actor=owner, project=project, to_user=heir)
    assert owner_of(project) == heir
    assert ProjectMember.objects.get(project=project, user=owner).role == MEMBER
    assert not owner.has_perm("projects.manage_team", project)
    services.project_leave(user=owner, project=project)


def test_archived_project_team_is_frozen(territory, sent):
    project = archived_project(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_member_invite(
            actor=owner_of(project), project=project, email="x@example.org"
        )
