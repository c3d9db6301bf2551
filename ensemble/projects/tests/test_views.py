import re

import pytest
from django.urls import reverse

from ensemble.projects import services
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

from .factories import ProjectFactory, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db


def url(name, territory, **kwargs):
    return reverse(f"projects:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


# --- directory --------------------------------------------------------------------


def test_directory_lists_published_projects_of_the_territory_only(
    client, territory, other_territory
):
    ProjectFactory(territory=territory, title="Jardin des Blagis")
    draft_project(territory=territory, title="Brouillon secret")
    ProjectFactory(territory=other_territory, title="Projet lyonnais")
    content = client.get(url("list", territory)).content.decode()
    assert "Jardin des Blagis" in content
    assert "Brouillon secret" not in content
    assert "Projet lyonnais" not in content


def test_directory_filters_keep_their_values(client, territory):
    theme = ThemeFactory(name="Écologie", slug="ecologie")
    quarter = NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="blagis")
    garden = ProjectFactory(
        territory=territory, title="Jardin", stage="running", neighbourhood=quarter
    )
    garden.themes.add(theme)
    services.need_create(actor=owner_of(garden), project=garden, kind="volunteers", title="Bras")
    ProjectFactory(territory=territory, title="Café réparation", stage="idea")
    response = client.get(
        url("list", territory),
        {"theme": "ecologie", "stage": "running", "neighbourhood": "blagis",
         "need_kind": "volunteers", "open_needs_only": "on", "sort": "needs", "q": "jard"},
    )  # fmt: skip
    content = response.content.decode()
    assert "Jardin" in content and "Café réparation" not in content
    assert '<option value="ecologie" selected>' in content
    assert '<option value="running" selected>' in content
    assert 'value="jard"' in content
    response = client.get(url("list", territory), {"need_kind": "funding"})
    assert "Jardin" not in response.content.decode()


def test_directory_ignores_bad_filters(client, territory):
    ProjectFactory(territory=territory, title="Jardin")
    response = client.get(
        url("list", territory), {"theme": "nope", "sort": "drop table", "page": "x"}
    )
    assert response.status_code == 200
    assert "Jardin" in response.content.decode()


# --- project page -------------------------------------------------------------------


def test_project_page_shows_needs_team_and_sanitised_markdown(client, territory):
    project = ProjectFactory(
        territory=territory,
        description="**Bonjour** <script>alert(1)</script> [x](javascript:alert(2))",
    )
    services.need_create(
        actor=owner_of(project), project=project, kind="funding", title="Serre", amount=1200
    )
    content = client.get(project.get_absolute_url()).content.decode()
    assert "<strong>Bonjour</strong>" in content
    assert "<script>alert" not in content
    assert 'href="javascript:' not in content
    assert "Serre" in content
    assert re.search(r"1\W?200 €", content)
    assert owner_of(project).display_name in content


def test_drafts_and_other_territories_are_404(client, territory, other_territory):
    hidden = draft_project(territory=territory)
    elsewhere = ProjectFactory(territory=other_territory)
    client.force_login(member(territory))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(url("detail", territory, pk=elsewhere.pk)).status_code == 404
    client.force_login(owner_of(hidden))
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_replicated_project_credits_its_source(client, territory, other_territory):
    source = ProjectFactory(territory=territory, is_replicable=True, title="Repair café")
    copy = services.project_replicate(
        actor=member(other_territory), source=source, territory=other_territory
    )
    services.project_publish(actor=owner_of(copy), project=copy)
    content = client.get(copy.get_absolute_url()).content.decode()
    assert source.get_absolute_url() in content


# --- create / edit ---------------------------------------------------------------------


def test_create_errors_keep_what_was_typed(client, territory, other_territory):
    client.force_login(member(territory))
    foreign = NeighbourhoodFactory(territory=other_territory)
    response = client.post(
        url("create", territory),
        {"title": "", "summary": "Mon résumé", "stage": "idea", "neighbourhood": foreign.pk},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert "Mon résumé" in content
    assert not Project.objects.exists()


def test_create_publish(client, territory):
    user = member(territory)
    client.force_login(user)
    theme = ThemeFactory()
    response = client.post(
        url("create", territory),
        {"title": "Épicerie solidaire", "summary": "Des produits pour tous.", "stage": "starting",
         "themes": [theme.pk], "publish": ""},
    )  # fmt: skip
    project = Project.objects.get()
    assert response.status_code == 302
    assert project.status == Project.Status.PUBLISHED
    assert list(project.themes.all()) == [theme]


def test_create_refused_elsewhere_and_anonymous(client, territory, other_territory):
    assert client.get(url("create", territory)).status_code == 302
    client.force_login(member(other_territory))
    assert client.post(url("create", territory), {"title": "x", "summary": "y"}).status_code == 403


def test_only_team_edits(client, territory):
    project = ProjectFactory(territory=territory, title="Avant")
    data = {"title": "Piraté", "summary": "s", "stage": "idea"}
    client.force_login(member(territory))
    assert client.post(url("edit", territory, pk=project.pk), data).status_code == 403
    client.force_login(team_member(project))
    assert client.post(url("edit", territory, pk=project.pk), data).status_code == 302
    project.refresh_from_db()
    assert project.title == "Piraté"


# --- needs, news, follow, replicate ---------------------------------------------------------


def test_need_form_errors_then_success(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(
        url("need_create", territory, pk=project.pk),
        {"kind": "funding", "title": "Serre", "amount": "-3", "quantity": "2"},
    )
    assert response.status_code == 400
    assert "Serre" in response.content.decode()
    response = client.post(
        url("need_create", territory, pk=project.pk),
        {"kind": "funding", "title": "Serre", "amount": "300"},
    )
    assert response.status_code == 302
    need = Need.objects.get()
    client.post(url("need_status", territory, pk=project.pk, need_pk=need.pk), {"action": "fulfil"})
    project.refresh_from_db()
    assert project.open_needs_count == 0


def test_need_pages_refused_outside_team(client, territory, other_territory):
    project = ProjectFactory(territory=territory)
    need = services.need_create(
        actor=owner_of(project), project=project, kind="equipment", title="x"
    )
    client.force_login(member(territory))
    assert client.get(url("need_create", territory, pk=project.pk)).status_code == 403
    assert (
        client.post(url("need_status", territory, pk=project.pk, need_pk=need.pk)).status_code
        == 403
    )
    other = ProjectFactory(territory=territory)
    client.force_login(owner_of(other))
    assert (
        client.post(url("need_status", territory, pk=other.pk, need_pk=need.pk)).status_code == 404
    )


def test_post_update_and_follow(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(
        url("update_create", territory, pk=project.pk), {"title": "Nouvelles", "body": ""}
    )
    assert response.status_code == 400
    client.post(
        url("update_create", territory, pk=project.pk), {"title": "Nouvelles", "body": "Texte"}
    )
    fan = UserFactory()
    client.force_login(fan)
    client.post(url("follow", territory, pk=project.pk), {"action": "follow"})
    client.post(url("follow", territory, pk=project.pk), {"action": "follow"})
    project.refresh_from_db()
    assert (project.updates_count, project.followers_count) == (1, 1)
    assert "toggle--on" in client.get(project.get_absolute_url()).content.decode()
    client.post(url("follow", territory, pk=project.pk), {"action": "unfollow"})
    project.refresh_from_db()
    assert project.followers_count == 0


def test_replicate_form_lists_my_territories(client, territory, other_territory):
    source = ProjectFactory(territory=territory, is_replicable=True)
    user = member(territory)
    from ensemble.territories.services import membership_join

    membership_join(user=user, territory=other_territory)
    client.force_login(user)
    content = client.get(source.get_absolute_url()).content.decode()
    assert f'value="{other_territory.slug}"' in content
    response = client.post(
        url("replicate", territory, pk=source.pk), {"territory": other_territory.slug}
    )
    copy = Project.objects.get(territory=other_territory)
    assert response["Location"] == copy.get_absolute_url()
    client.force_login(member(territory))
    client.post(url("replicate", territory, pk=source.pk), {"territory": other_territory.slug})
    assert Project.objects.filter(territory=other_territory).count() == 1


# --- team ---------------------------------------------------------------------------------


def test_team_invite_and_accept(client, territory, django_capture_on_commit_callbacks, mailoutbox):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(url("team", territory, pk=project.pk), {"email": "bad"})
    assert response.status_code == 400
    newcomer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("team", territory, pk=project.pk), {"email": newcomer.email})
    invitation = project.invitations.get()
    assert (
        client.post(url("team", territory, pk=project.pk), {"email": newcomer.email}).status_code
        == 400
    )
    intruder = UserFactory()
    client.force_login(intruder)
    accept = url("invitation_accept", territory, token=invitation.token)
    assert client.post(accept).status_code == 400
    client.force_login(newcomer)
    assert client.get(url("mine", territory)).status_code == 200
    assert client.post(accept).status_code == 302
    assert ProjectMember.objects.filter(project=project, user=newcomer).exists()


def test_team_management_refused_to_members(client, territory):
    project = ProjectFactory(territory=territory)
    member_user = team_member(project)
    owner_membership = ProjectMember.objects.get(project=project, role="owner")
    client.force_login(member_user)
    assert client.get(url("team", territory, pk=project.pk)).status_code == 200
    assert (
        client.post(url("team", territory, pk=project.pk), {"email": "x@example.org"}).status_code
        == 403
    )
    assert (
        client.post(
            url("team_remove", territory, pk=project.pk), {"membership": owner_membership.pk}
        ).status_code
        == 403
    )
    client.force_login(member(territory))
    assert client.get(url("team", territory, pk=project.pk)).status_code == 403


def test_last_owner_cannot_leave_through_the_page(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    client.post(url("team_leave", territory, pk=project.pk))
    assert ProjectMember.objects.filter(project=project).count() == 1


def test_a_need_deadline_in_the_past_is_refused_on_the_page_naming_the_field(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    response = client.post(
        url("need_create", territory, pk=project.pk),
        {"kind": "equipment", "title": "Serre", "deadline": "2020-03-01"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_deadline"' in page
    assert not Need.objects.exists()


def test_the_need_form_asks_each_detail_for_the_kinds_that_need_it(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    page = client.get(url("need_create", territory, pk=project.pk)).content.decode()
    assert re.search(r'name="surface"[^>]*data-show-for="premises"', page)
    assert re.search(r'name="amount"[^>]*data-show-for="funding"', page)
    assert re.search(r'name="quantity"[^>]*data-show-for="volunteers skills"', page)
    response = client.post(
        url("need_create", territory, pk=project.pk),
        {"kind": "premises", "title": "Salle", "surface": "35", "schedule": "Le soir"},
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.surface, need.schedule) == (35, "Le soir")
    response = client.post(
        url("need_create", territory, pk=project.pk),
        {"kind": "funding", "title": "Serre", "surface": "35"},
    )
    assert response.status_code == 400 and 'href="#id_surface"' in response.content.decode()
