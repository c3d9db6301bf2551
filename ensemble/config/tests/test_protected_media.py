"""Uploaded files of objects that may be hidden pass the access check of their owner
(ensemble.core.media): a person who may not see the object gets 404 for its file too."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ensemble.budgets.models import Budget, BudgetProject
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.media import protected_media
from ensemble.projects.models import ProjectImage
from ensemble.projects.tests.factories import ProjectFactory, draft_project, owner_of
from ensemble.resources.models import Attachment
from ensemble.resources.services import resource_create, resource_set_status
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
BYTES = b"RIFF\x00\x00\x00\x00WEBPVP8 "


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_ACCEL_REDIRECT = ""
    settings.MEDIA_X_SENDFILE = False


def stored(prefix: str) -> str:
    return default_storage.save(f"{prefix}photo.webp", ContentFile(BYTES))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def refused_to(client, url, *people):
    client.logout()
    assert client.get(url).status_code == 404, "anonymous"
    for person in people:
        client.force_login(person)
        assert client.get(url).status_code == 404, person


def test_every_owner_that_can_be_hidden_is_registered():
    prefixes = {entry.prefix for entry in protected_media.all()}
    assert {"projects/images/", "contributions/", "budgets/", "resources/"} <= prefixes


def test_a_draft_projects_image_is_for_its_team(client, territory, other_territory):
    project = draft_project(territory=territory)
    image = ProjectImage.objects.create(
        project=project, image=stored("projects/images/"), alt_text="x"
    )
    url = image.image.url
    refused_to(client, url, member(territory), member(other_territory, Role.ADMIN))
    client.force_login(owner_of(project))
    response = client.get(url)
    assert response.status_code == 200 and body(response) == BYTES
    assert response["Cache-Control"].startswith("private")


def test_a_published_projects_image_is_for_everyone(client, territory):
    image = ProjectImage.objects.create(
        project=ProjectFactory(territory=territory), image=stored("projects/images/"), alt_text="x"
    )
    assert client.get(image.image.url).status_code == 200


def test_an_agents_only_consultations_contribution_image_is_for_agents(
    client, territory, other_territory
):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS
    )
    contribution = ContributionFactory(consultation=consultation, image=stored("contributions/"))
    url = contribution.image.url
    refused_to(client, url, member(territory), member(territory, Role.MODERATOR),
               member(other_territory, Role.AGENT))  # fmt: skip
    client.force_login(member(territory, Role.AGENT))
    assert client.get(url).status_code == 200


def test_a_hidden_contributions_image_is_for_moderators(client, territory):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory), image=stored("contributions/"),
        is_hidden=True,
    )  # fmt: skip
    url = contribution.image.url
    refused_to(client, url, member(territory), contribution.author)
    client.force_login(member(territory, Role.MODERATOR))
    assert client.get(url).status_code == 200


def test_a_draft_budgets_project_image_is_for_agents(client, territory):
    consultation = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    budget = Budget.objects.create(consultation=consultation)
    project = BudgetProject.objects.create(budget=budget, title="Bancs", cost=100,
                                           image=stored("budgets/"))  # fmt: skip
    url = project.image.url
    refused_to(client, url, member(territory))
    client.force_login(member(territory, Role.AGENT))
    assert client.get(url).status_code == 200


def test_a_draft_resources_attachment_file_is_for_agents(client, territory, other_territory):
    agent = member(territory, Role.AGENT)
    draft = resource_create(actor=agent, territory=territory, kind="guide", title="Brouillon")
    attachment = Attachment.objects.create(
        resource=draft, file=stored("resources/2026/12/"), name="a.webp",
        content_type="image/webp", size=len(BYTES),
    )  # fmt: skip
    url = attachment.file.url
    refused_to(client, url, member(territory), member(other_territory, Role.AGENT))
    client.force_login(agent)
    assert client.get(url).status_code == 200
    resource_set_status(actor=agent, resource=draft, status="published")
    client.logout()
    assert client.get(url).status_code == 200


def test_a_path_nobody_stored_under_a_protected_prefix_is_a_404(client, territory):
    stored("projects/images/")  # on disk, but no image points to it
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/media/projects/images/photo.webp").status_code == 404
    assert client.get("/media/projects/images/../../etc/passwd").status_code == 404


def test_public_files_are_served_and_missing_ones_are_404(client):
    name = stored("avatars/")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    assert client.get("/media/avatars/none.webp").status_code == 404


def test_in_production_the_web_server_sends_the_bytes_after_the_check(client, territory, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    project = draft_project(territory=territory)
    image = ProjectImage.objects.create(
        project=project, image=stored("projects/images/"), alt_text="x"
    )
    assert client.get(image.image.url).status_code == 404
    client.force_login(owner_of(project))
    response = client.get(image.image.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{image.image.name}"
    assert response.content == b""
