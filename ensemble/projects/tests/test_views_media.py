"""Pages to manage a project's images, links and partner organisations."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ensemble.actors.models import Organisation
from ensemble.projects import services
from ensemble.projects.models import ProjectImage, ProjectLink
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

from .factories import ProjectFactory, archived_project, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db

PAGES = ["images", "links", "partners"]
REMOVALS = ["image_remove", "link_remove", "partner_remove"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def url(name, territory, **kwargs):
    return reverse(f"projects:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


def png(size=(40, 30), name="photo.png"):
    output = io.BytesIO()
    Image.new("RGB", size, "green").save(output, format="PNG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


def organisation(territory, name="Les Jardiniers"):
    return Organisation.objects.create(territory=territory, name=name, kind="association")


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


# --- who may come -------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES + REMOVALS)
def test_anonymous_is_sent_to_log_in(client, territory, name):
    project = ProjectFactory(territory=territory)
    path = url(name, territory, pk=project.pk)
    response = client.post(path) if name in REMOVALS else client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_territory_member_outside_the_team_is_refused(client, territory, name):
    project = ProjectFactory(territory=territory)
    client.force_login(member(territory))
    assert client.get(url(name, territory, pk=project.pk)).status_code == 403
    assert client.post(url(name, territory, pk=project.pk), {"title": "x"}).status_code == 403


@pytest.mark.parametrize("name", REMOVALS)
def test_removals_refused_outside_the_team(client, territory, name):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    image = ProjectImage.objects.create(
        project=project, image="projects/images/x.webp", alt_text="x"
    )
    link = services.project_link_add(actor=owner, project=project, url="https://e.org", title="E")
    partner = organisation(territory)
    services.project_partner_add(actor=owner, project=project, organisation=partner)
    data = {"image": image.pk, "link": link.pk, "organisation": partner.pk}
    client.force_login(member(territory))
    assert client.post(url(name, territory, pk=project.pk), data).status_code == 403
    assert project.images.count() == project.links.count() == project.partners.count() == 1


@pytest.mark.parametrize("name", PAGES)
def test_member_of_another_territory_is_refused(client, territory, other_territory, name):
    project = ProjectFactory(territory=territory)
    client.force_login(member(other_territory))
    assert client.get(url(name, territory, pk=project.pk)).status_code == 403
    # the project is not one of the other territory's
    client.force_login(owner_of(project))
    assert client.get(url(name, other_territory, pk=project.pk)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_drafts_of_others_are_404(client, territory, name):
    project = draft_project(territory=territory)
    client.force_login(member(territory))
    assert client.get(url(name, territory, pk=project.pk)).status_code == 404
    client.force_login(owner_of(project))
    assert client.get(url(name, territory, pk=project.pk)).status_code == 200


def test_team_member_manages_images_and_links_not_partners(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(team_member(project))
    assert client.get(url("images", territory, pk=project.pk)).status_code == 200
    assert client.get(url("links", territory, pk=project.pk)).status_code == 200
    assert client.get(url("partners", territory, pk=project.pk)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_archived_project_is_read_only(client, territory, name):
    project = archived_project(territory=territory)
    client.force_login(owner_of(project))
    assert client.get(url(name, territory, pk=project.pk)).status_code == 403


def test_project_page_links_to_the_pages_for_those_allowed(client, territory):
    project = ProjectFactory(territory=territory)
    paths = {name: url(name, territory, pk=project.pk) for name in PAGES}
    client.force_login(member(territory))
    content = client.get(project.get_absolute_url()).content.decode()
    assert not any(path in content for path in paths.values())
    client.force_login(team_member(project))
    content = client.get(project.get_absolute_url()).content.decode()
    assert paths["images"] in content and paths["links"] in content
    assert paths["partners"] not in content
    client.force_login(owner_of(project))
    content = client.get(project.get_absolute_url()).content.decode()
    assert all(path in content for path in paths.values())


# --- images -------------------------------------------------------------------------


def test_image_upload_and_removal(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(team_member(project))
    path = url("images", territory, pk=project.pk)
    response = client.post(path, {"image": png(), "alt_text": " Le potager au printemps "})
    assert response.status_code == 302
    image = project.images.get()
    assert image.image.name.endswith(".webp")
    assert image.alt_text == "Le potager au printemps"
    content = client.get(path).content.decode()
    assert image.image.url in content and "Le potager au printemps" in content
    assert "Le potager au printemps" in client.get(project.get_absolute_url()).content.decode()
    response = client.post(url("image_remove", territory, pk=project.pk), {"image": image.pk})
    assert response.status_code == 302
    assert not project.images.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"image": SimpleUploadedFile("x.png", b"not an image", "image/png")}, "image"),
        (
            {"image": SimpleUploadedFile("x.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")},
            "image",
        ),
        ({}, "image"),
    ],
)
def test_image_bad_files_are_field_errors(client, territory, data, field):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(
        url("images", territory, pk=project.pk), {**data, "alt_text": "Un potager typé"}
    )
    assert response.status_code == 400
    assert field_errors(response, field)
    assert 'value="Un potager typé"' in response.content.decode()
    assert not project.images.exists()


def test_image_missing_alt_text(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    for alt_text in ["", "   "]:
        response = client.post(
            url("images", territory, pk=project.pk), {"image": png(), "alt_text": alt_text}
        )
        assert response.status_code == 400
        assert field_errors(response, "alt_text")
    assert not project.images.exists()


def test_image_too_large(client, territory, settings):
    settings.ENSEMBLE_PROJECT_IMAGE_MAX_BYTES = 100
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(
        url("images", territory, pk=project.pk), {"image": png((400, 300)), "alt_text": "Grand"}
    )
    assert response.status_code == 400
    assert field_errors(response, "image")
    assert not project.images.exists()


def test_image_too_many(client, territory):
    project = ProjectFactory(territory=territory)
    ProjectImage.objects.bulk_create(
        ProjectImage(project=project, image=f"projects/images/{i}.webp", alt_text=f"I{i}")
        for i in range(services.MAX_IMAGES)
    )
    client.force_login(owner_of(project))
    response = client.post(
        url("images", territory, pk=project.pk), {"image": png(), "alt_text": "x"}
    )
    assert response.status_code == 400
    assert field_errors(response, "image")
    assert project.images.count() == services.MAX_IMAGES


def test_image_of_another_project_cannot_be_removed(client, territory):
    project = ProjectFactory(territory=territory)
    other = ProjectFactory(territory=territory)
    image = ProjectImage.objects.create(project=other, image="projects/images/x.webp", alt_text="x")
    client.force_login(owner_of(project))
    path = url("image_remove", territory, pk=project.pk)
    assert client.post(path, {"image": image.pk}).status_code == 404
    assert client.post(path, {"image": "nope"}).status_code == 404
    assert client.get(path).status_code == 405
    assert other.images.exists()


# --- links --------------------------------------------------------------------------


def test_link_add_and_remove(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(team_member(project))
    path = url("links", territory, pk=project.pk)
    response = client.post(path, {"title": "Notre blog", "url": "https://blog.example.org/"})
    assert response.status_code == 302
    link = project.links.get()
    assert link.url == "https://blog.example.org/"
    assert "Notre blog" in client.get(path).content.decode()
    response = client.post(url("link_remove", territory, pk=project.pk), {"link": link.pk})
    assert response.status_code == 302
    assert not project.links.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"title": "Blog", "url": "not a web address"}, "url"),
        ({"title": "Blog", "url": "javascript:alert(1)"}, "url"),
        ({"title": "Blog", "url": "JavaScript://example.org/%0Aalert(1)"}, "url"),
        ({"title": "Blog", "url": "data:text/html,<script>alert(1)</script>"}, "url"),
        ({"title": "Blog", "url": "ftp://example.org/file"}, "url"),
        ({"title": "", "url": "https://example.org"}, "title"),
        ({"title": "x" * 151, "url": "https://example.org"}, "title"),
    ],
)
def test_link_bad_input(client, territory, data, field):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(url("links", territory, pk=project.pk), data)
    assert response.status_code == 400
    assert field_errors(response, field)
    if data["title"] == "Blog":
        assert 'value="Blog"' in response.content.decode()
    assert not project.links.exists()


def test_link_too_many(client, territory):
    project = ProjectFactory(territory=territory)
    ProjectLink.objects.bulk_create(
        ProjectLink(project=project, url=f"https://e.org/{i}", title="L")
        for i in range(services.MAX_LINKS)
    )
    client.force_login(owner_of(project))
    response = client.post(
        url("links", territory, pk=project.pk), {"title": "x", "url": "https://e.org"}
    )
    assert response.status_code == 400
    assert field_errors(response, "url")
    assert project.links.count() == services.MAX_LINKS


# --- partners -----------------------------------------------------------------------


def test_partner_add_and_remove(client, territory, other_territory):
    project = ProjectFactory(territory=territory)
    local = organisation(territory, "Les Jardiniers")
    visiting = organisation(other_territory, "Réseau lyonnais")
    visiting.other_territories.add(territory)
    foreign = organisation(other_territory, "Club lointain")
    client.force_login(owner_of(project))
    path = url("partners", territory, pk=project.pk)
    content = client.get(path).content.decode()
    assert f'<option value="{local.pk}">Les Jardiniers</option>' in content
    assert "Réseau lyonnais" in content
    assert "Club lointain" not in content
    assert content.index("Les Jardiniers") < content.index("Réseau lyonnais")
    assert client.post(path, {"organisation": visiting.pk}).status_code == 302
    assert list(project.partners.all()) == [visiting]
    content = client.get(path).content.decode()
    assert f'<option value="{visiting.pk}">' not in content  # already a partner
    assert visiting.get_absolute_url() in content
    visiting.refresh_from_db()
    assert visiting.projects_count == 1
    response = client.post(
        url("partner_remove", territory, pk=project.pk), {"organisation": visiting.pk}
    )
    assert response.status_code == 302
    assert not project.partners.exists()
    visiting.refresh_from_db()
    assert visiting.projects_count == 0
    assert foreign.projects_count == 0


@pytest.mark.parametrize("value", ["foreign", "", "999999", "x"])
def test_partner_bad_choice_is_a_field_error(client, territory, other_territory, value):
    project = ProjectFactory(territory=territory)
    foreign = organisation(other_territory, "Club lointain")
    client.force_login(owner_of(project))
    posted = foreign.pk if value == "foreign" else value
    response = client.post(url("partners", territory, pk=project.pk), {"organisation": posted})
    assert response.status_code == 400
    assert field_errors(response, "organisation")
    assert not project.partners.exists()
    foreign.refresh_from_db()
    assert foreign.projects_count == 0


def test_partner_removal_of_a_non_partner_is_404(client, territory):
    project = ProjectFactory(territory=territory)
    stranger = organisation(territory)
    client.force_login(owner_of(project))
    path = url("partner_remove", territory, pk=project.pk)
    assert client.post(path, {"organisation": stranger.pk}).status_code == 404


# --- queries ------------------------------------------------------------------------


def test_images_page_queries_are_flat(client, territory):
    project = ProjectFactory(territory=territory)

    def grow(n):
        ProjectImage.objects.bulk_create(
            ProjectImage(project=project, image=f"projects/images/{i}.webp", alt_text=f"I{i}")
            for i in range(project.images.count(), n)
        )

    client.force_login(owner_of(project))
    # images are capped at MAX_IMAGES (12), so 2 against the cap
    assert_flat_queries(
        client, url("images", territory, pk=project.pk), grow, small=2, large=services.MAX_IMAGES
    )


def test_links_page_queries_are_flat(client, territory):
    project = ProjectFactory(territory=territory)

    def grow(n):
        ProjectLink.objects.bulk_create(
            ProjectLink(project=project, url=f"https://e.org/{i}", title=f"L{i}")
            for i in range(project.links.count(), n)
        )

    client.force_login(owner_of(project))
    # links are capped at MAX_LINKS (20)
    assert_flat_queries(
        client, url("links", territory, pk=project.pk), grow, small=5, large=services.MAX_LINKS
    )


def test_partners_page_queries_are_flat(client, territory, other_territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)

    def grow(n):
        for i in range(project.partners.count(), n):
            partner = organisation(territory if i % 2 else other_territory, f"P{i}")
            partner.other_territories.add(territory)
            services.project_partner_add(actor=owner, project=project, organisation=partner)
            organisation(territory, f"Candidate {i}")

    client.force_login(owner)
    assert_flat_queries(client, url("partners", territory, pk=project.pk), grow)
