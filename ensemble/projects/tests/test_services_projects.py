import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ensemble.activity.models import Activity
from ensemble.actors.models import Organisation
from ensemble.projects import services
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    member,
)

from .factories import ProjectFactory, archived_project, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db


def create(territory, actor, **kwargs):
    data = {"title": "Jardin partagé", "summary": "Un jardin pour tous.", **kwargs}
    return services.project_create(actor=actor, territory=territory, **data)


# --- create -----------------------------------------------------------------


def test_creator_becomes_owner_of_a_draft(territory):
    user = member(territory)
    theme, local = ThemeFactory(), ThemeFactory(territory=territory)
    project = create(territory, user, themes=[theme, local])
    assert project.status == Project.Status.DRAFT
    assert project.published_at is None
    assert ProjectMember.objects.get(project=project).user == user
    assert ProjectMember.objects.get(project=project).role == ProjectMember.Role.OWNER
    assert set(project.themes.all()) == {theme, local}
    assert not Activity.objects.exists()


def test_create_published_records_activity(territory):
    project = create(territory, member(territory), publish=True)
    assert project.status == Project.Status.PUBLISHED
    assert project.published_at is not None
    assert Activity.objects.get().verb == Activity.Verb.PROJECT_PUBLISHED


@pytest.mark.parametrize("who", ["outsider", "unverified", "other territory"])
def test_create_refused(territory, other_territory, who):
    user = {
        "outsider": lambda: UserFactory(),
        "unverified": lambda: member(territory, verified=False),
        "other territory": lambda: member(other_territory),
    }[who]()
    with pytest.raises(PermissionDenied):
        create(territory, user)
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    "data, field",
    [({"title": ""}, "title"), ({"summary": ""}, "summary"),
     ({"description": "x" * 100_000}, "description"), ({"stage": "dreaming"}, "stage"),
     ({"latitude": 123}, "latitude")],
)  # fmt: skip
def test_create_bad_input_names_the_field(territory, data, field):
    with pytest.raises(ValidationError) as error:
        create(territory, member(territory), **data)
    assert field in error.value.message_dict


def test_theme_of_another_territory_refused(territory, other_territory):
    with pytest.raises(ValidationError) as error:
        create(territory, member(territory), themes=[ThemeFactory(territory=other_territory)])
    assert "themes" in error.value.message_dict
    assert not Project.objects.exists()


def test_neighbourhood_of_another_territory_refused(territory, other_territory):
    with pytest.raises(ValidationError) as error:
        create(
            territory, member(territory),
            neighbourhood=NeighbourhoodFactory(territory=other_territory),
        )  # fmt: skip
    assert "neighbourhood" in error.value.message_dict


# --- update, publish, archive -------------------------------------------------


def test_team_member_updates(territory):
    project = ProjectFactory(territory=territory)
    services.project_update(
        actor=team_member(project), project=project, data={"title": "Nouveau titre"}
    )
    project.refresh_from_db()
    assert project.title == "Nouveau titre"


@pytest.mark.parametrize("who", ["member", "other territory", "anonymous-like outsider"])
def test_update_refused_outside_the_team(territory, other_territory, who):
    project = ProjectFactory(territory=territory)
    user = {"member": lambda: member(territory), "other territory": lambda: member(other_territory),
            "anonymous-like outsider": UserFactory}[who]()  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.project_update(actor=user, project=project, data={"title": "Piraté"})
    project.refresh_from_db()
    assert project.title != "Piraté"


def test_update_refuses_unknown_field_and_foreign_neighbourhood(territory, other_territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    with pytest.raises(ValidationError) as error:
        services.project_update(actor=owner, project=project, data={"status": "published"})
    assert "status" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.project_update(
            actor=owner, project=project,
            data={"neighbourhood": NeighbourhoodFactory(territory=other_territory)},
        )  # fmt: skip
    assert "neighbourhood" in error.value.message_dict


def test_archived_project_is_read_only(territory):
    project = archived_project(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_update(actor=owner_of(project), project=project, data={"title": "x"})


def test_only_owner_publishes(territory):
    project = draft_project(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_publish(actor=team_member(project), project=project)
    services.project_publish(actor=owner_of(project), project=project)
    assert project.status == Project.Status.PUBLISHED
    assert Activity.objects.filter(verb=Activity.Verb.PROJECT_PUBLISHED, project=project).exists()


def test_moderator_archives_but_not_in_another_territory(territory, other_territory):
    from ensemble.territories.roles import Role

    project = ProjectFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_archive(actor=member(other_territory, Role.MODERATOR), project=project)
    with pytest.raises(PermissionDenied):
        services.project_archive(actor=team_member(project), project=project)
    services.project_archive(actor=member(territory, Role.MODERATOR), project=project)
    assert project.status == Project.Status.ARCHIVED


# --- news, follow --------------------------------------------------------------


def test_update_post_counts_and_records(territory):
    project = ProjectFactory(territory=territory)
    services.project_update_post(actor=owner_of(project), project=project, title="T", body="B")
    project.refresh_from_db()
    assert project.updates_count == 1 == project.updates.count()
    assert Activity.objects.filter(verb=Activity.Verb.PROJECT_UPDATE).count() == 1


def test_update_post_refused_outside_team_and_empty_body(territory):
    project = ProjectFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_update_post(actor=member(territory), project=project, title="T", body="B")
    with pytest.raises(ValidationError) as error:
        services.project_update_post(actor=owner_of(project), project=project, title="T", body="")
    assert "body" in error.value.message_dict
    project.refresh_from_db()
    assert project.updates_count == 0


def test_follow_is_idempotent_and_counted(territory):
    project, user = ProjectFactory(territory=territory), UserFactory()
    services.project_follow(user=user, project=project)
    services.project_follow(user=user, project=project)
    project.refresh_from_db()
    assert project.followers_count == 1 == project.follows.count()
    services.project_unfollow(user=user, project=project)
    services.project_unfollow(user=user, project=project)
    project.refresh_from_db()
    assert project.followers_count == 0 == project.follows.count()


def test_cannot_follow_a_draft(territory):
    with pytest.raises(PermissionDenied):
        services.project_follow(user=UserFactory(), project=draft_project(territory=territory))


# --- partners ------------------------------------------------------------------


def organisation(territory, **kwargs):
    return Organisation.objects.create(
        territory=territory, name="Asso", kind="association", **kwargs
    )


def test_partner_must_act_in_the_territory(territory, other_territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    foreign = organisation(other_territory)
    with pytest.raises(ValidationError) as error:
        services.project_partner_add(actor=owner, project=project, organisation=foreign)
    assert "organisation" in error.value.message_dict
    foreign.other_territories.add(territory)
    services.project_partner_add(actor=owner, project=project, organisation=foreign)
    services.project_partner_add(actor=owner, project=project, organisation=foreign)
    foreign.refresh_from_db()
    assert foreign.projects_count == 1
    services.project_partner_remove(actor=owner, project=project, organisation=foreign)
    foreign.refresh_from_db()
    assert foreign.projects_count == 0


def test_team_member_cannot_manage_partners(territory):
    project = ProjectFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_partner_add(
            actor=team_member(project), project=project, organisation=organisation(territory)
        )


# --- images and links ------------------------------------------------------------


def png(size=(40, 30)):
    output = io.BytesIO()
    Image.new("RGB", size, "green").save(output, format="PNG")
    return SimpleUploadedFile("photo.png", output.getvalue(), content_type="image/png")


def test_image_is_reencoded(territory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory(territory=territory)
    image = services.project_image_add(
        actor=owner_of(project), project=project, image=png(), alt_text="Le potager"
    )
    assert image.image.name.endswith(".webp")


def test_image_refusals(territory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    fake = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.project_image_add(actor=owner, project=project, image=fake, alt_text="x")
    assert "image" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.project_image_add(actor=owner, project=project, image=png(), alt_text="  ")
    assert "alt_text" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.project_image_add(
            actor=member(territory), project=project, image=png(), alt_text="x"
        )
    assert not project.images.exists()


def test_links(territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    with pytest.raises(ValidationError) as error:
        services.project_link_add(
            actor=owner, project=project, url="javascript:alert(1)", title="x"
        )
    assert "url" in error.value.message_dict
    link = services.project_link_add(
        actor=owner, project=project, url="https://example.org", title="Site"
    )
    with pytest.raises(PermissionDenied):
        services.project_link_remove(actor=member(territory), link=link)
    services.project_link_remove(actor=owner, link=link)
    assert not project.links.exists()


# --- replication -------------------------------------------------------------------


def test_replicate_into_another_territory(territory, other_territory):
    network_theme, local_theme = ThemeFactory(), ThemeFactory(territory=territory)
    source = ProjectFactory(territory=territory, is_replicable=True, stage="running")
    source.themes.set([network_theme, local_theme])
    owner = owner_of(source)
    services.need_create(actor=owner, project=source, kind="volunteers", title="Bras", quantity=3)
    need = services.need_create(actor=owner, project=source, kind="equipment", title="Outils")
    services.need_fulfil(actor=owner, need=need)
    replicator = member(other_territory)
    copy = services.project_replicate(actor=replicator, source=source, territory=other_territory)
    copy.refresh_from_db()
    source.refresh_from_db()
    assert copy.territory == other_territory
    assert copy.status == Project.Status.DRAFT
    assert copy.stage == Project.Stage.IDEA
    assert copy.replicated_from == source
    assert list(copy.themes.all()) == [network_theme]
    assert copy.needs.count() == 2
    assert set(copy.needs.values_list("status", flat=True)) == {Need.Status.OPEN}
    assert copy.open_needs_count == 2
    assert source.replications_count == 1
    assert ProjectMember.objects.get(project=copy).user == replicator
    assert Activity.objects.filter(verb=Activity.Verb.PROJECT_REPLICATED).exists()


@pytest.mark.parametrize(
    "case, refusal",
    [
        pytest.param("not a member of the target territory", ValidationError, id="not-member"),
        pytest.param("into the same territory", ValidationError, id="same-territory"),
        pytest.param("not replicable", PermissionDenied, id="not-replicable"),
        pytest.param("a draft", PermissionDenied, id="draft"),
    ],
)
def test_replicate_refusals(territory, other_territory, case, refusal):
    source = {
        "not replicable": lambda: ProjectFactory(territory=territory, is_replicable=False),
        "a draft": lambda: draft_project(territory=territory, is_replicable=True),
    }.get(case, lambda: ProjectFactory(territory=territory, is_replicable=True))()
    actor, target = member(other_territory), other_territory
    if case == "not a member of the target territory":
        actor = member(territory)
    elif case == "into the same territory":
        actor, target = member(territory), territory
    with pytest.raises(refusal) as error:
        services.project_replicate(actor=actor, source=source, territory=target)
    if case == "not a member of the target territory":
        assert "territory" in error.value.message_dict
    assert Project.objects.count() == 1  # the source only
