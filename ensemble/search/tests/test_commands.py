import pytest
from django.core.management import call_command

from ensemble.demo.seeders.search import seed
from ensemble.search.models import SearchEntry

from .conftest import make_organisation, make_person, make_project

pytestmark = pytest.mark.django_db


def test_search_reindex_and_demo_seed_are_idempotent(territory, capsys):
    make_project(territory, "Jardin")
    make_project(territory, "Brouillon", status="draft")
    make_organisation(territory, "Association")
    make_person("Camille", visibility="members")
    make_person("Cachée", visibility="hidden")
    SearchEntry.objects.all().delete()
    call_command("search_reindex", "--batch-size", "1")
    assert "Indexed 3 entries" in capsys.readouterr().out
    context = {}
    seed(context)
    seed(context)
    assert context["search"] == {
        "project": 1, "organisation": 1, "person": 1, "contribution": 0, "event": 0,
        "resource": 0, "practice": 0,
    }  # fmt: skip
    assert SearchEntry.objects.count() == 3
