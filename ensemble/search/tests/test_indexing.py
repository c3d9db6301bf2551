import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ensemble.accounts.services import profile_update, user_create
from ensemble.actors.models import Organisation
from ensemble.projects.models import Need, Project
from ensemble.search.indexing import index_object, reindex_all, unindex_object
from ensemble.search.models import SearchEntry
from ensemble.search.selectors import search
from ensemble.territories.models import Theme
from ensemble.testing.factories import UserFactory

from .conftest import make_organisation, make_person, make_project

pytestmark = pytest.mark.django_db


def found(query, viewer=None, **kwargs) -> list[str]:
    from django.contrib.auth.models import AnonymousUser

    results = search(query=query, viewer=viewer or AnonymousUser(), **kwargs)
    return [entry.title for entry in results.items]


def test_updating_a_title_updates_results(territory):
    project = make_project(territory, "Grainothèque")
    project.title = "Bibliothèque de semences"
    project.save()
    index_object(project)
    assert found("grainotheque") == []
    assert found("semences") == ["Bibliothèque de semences"]
    assert SearchEntry.objects.count() == 1


def test_publishing_indexes_and_archiving_unindexes(territory):
    project = make_project(territory, "Recyclerie", status="draft")
    assert found("recyclerie") == []
    project.status = Project.Status.PUBLISHED
    project.save()
    index_object(project)
    assert found("recyclerie") == ["Recyclerie"]
    project.status = Project.Status.ARCHIVED
    project.save()
    index_object(project)
    assert found("recyclerie") == []
    assert not SearchEntry.objects.exists()


def test_unindex_on_delete(territory):
    project = make_project(territory, "Recyclerie")
    organisation = make_organisation(territory, "Recyclerie associative")
    unindex_object(project)
    project.delete()
    assert found("recyclerie") == ["Recyclerie associative"]
    unindex_object(organisation)
    organisation.delete()
    assert found("recyclerie") == []
    unindex_object(organisation)  # twice: nothing to do


def test_other_models_are_ignored(territory):
    theme = Theme.objects.create(name="Climat", slug="climat")
    index_object(theme)
    unindex_object(theme)
    index_object(Project(territory=territory, title="Unsaved", status="published"))
    assert not SearchEntry.objects.exists()


def test_project_body_has_themes_neighbourhood_and_open_needs(territory):
    project = make_project(territory, "Projet")
    project.themes.add(Theme.objects.create(name="Biodiversité", slug="biodiversite"))
    Need.objects.create(project=project, territory=territory, kind="skills", title="Menuisier")
    Need.objects.create(project=project, territory=territory, kind="skills", title="Plombier",
                        status=Need.Status.FULFILLED)  # fmt: skip
    index_object(project)
    assert found("biodiversite") == ["Projet"]
    assert found("menuisier") == ["Projet"]
    assert found("plombier") == []


def test_profile_update_reindexes_the_person(territory):
    person = user_create(email="c@example.org", password=None, display_name="Claude Dupont")
    profile_update(user=person, data={"profile_visibility": "public"})
    assert found("dupont") == ["Claude Dupont"]
    profile_update(user=person, data={"display_name": "Claude Martin"})
    assert found("dupont") == [] and found("martin") == ["Claude Martin"]
    profile_update(user=person, data={"profile_visibility": "hidden"})
    assert found("martin", viewer=UserFactory(is_superuser=True)) == []


def test_reindex_all_rebuilds_from_the_database(territory, other_territory):
    kept = make_project(territory, "Compost du quartier")
    make_organisation(other_territory, "Compost et cie")
    make_person("Compostelle", visibility="members")
    # Rows changed behind the index's back: the rebuild puts things right.
    Project.objects.filter(pk=kept.pk).update(title="Compost renommé")
    Project.objects.create(territory=territory, title="Compost oublié", summary="s",
                           status="published")  # fmt: skip
    Project.objects.create(territory=territory, title="Compost brouillon", summary="s")
    Organisation.objects.all().delete()
    counts = reindex_all(batch_size=2)
    assert counts == {
        "project": 2, "organisation": 0, "person": 1, "contribution": 0, "event": 0,
        "resource": 0, "practice": 0,
    }  # fmt: skip
    assert sorted(found("compost")) == ["Compost oublié", "Compost renommé"]
    reindex_all()
    assert SearchEntry.objects.count() == 3


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_text_is_a_safe_query(territory, query):
    if not SearchEntry.objects.exists():
        make_project(territory, "Jardin")
    results = search(query=query, viewer=None, territory=territory)
    assert results.count in (0, 1)
