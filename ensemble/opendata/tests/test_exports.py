"""Open data: built by the task, served as built; nothing private ever in a file."""

import csv
import io
import json

import pytest

from ensemble.opendata import services
from ensemble.opendata.datasets import masked, registry
from ensemble.opendata.models import DatasetFile
from ensemble.stats.tests.world import (
    HIDDEN_TITLE,
    INTERNAL_TITLE,
    SECRET_EMAIL,
    SECRET_PHONE,
    populate,
)
from ensemble.territories.models import Membership
from ensemble.territories.roles import Role
from ensemble.testing.factories import member
from ensemble.testing.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(territory, other_territory):
    populate(territory, size=3)
    populate(other_territory, size=1)
    services.datasets_build_all()
    return territory


def _every_file(client, territory) -> str:
    texts = []
    for dataset in registry:
        for fmt in ("csv", "json"):
            response = client.get(f"/{territory.slug}/opendata/{dataset.key}.{fmt}")
            assert response.status_code == 200, (dataset.key, fmt)
            texts.append(response.content.decode())
    return "\n".join(texts)


def test_nothing_private_in_any_file(client, built):
    everything = _every_file(client, built)
    people_emails = Membership.objects.filter(territory=built).values_list("user__email", flat=True)
    forbidden = [SECRET_EMAIL, SECRET_PHONE, HIDDEN_TITLE, INTERNAL_TITLE, "Atelier interne",
                 "Hors charte", "@example.org", "Brouillon secret", *people_emails]  # fmt: skip
    for text in forbidden:
        assert text not in everything, text
    assert "Asso des Blagis" in everything  # the organisation is there, without its contacts
    assert "Jardins partagés" in everything  # the practice too, without its contact


def test_each_file_holds_its_dictionary_and_licence(client, built):
    document = json.loads(client.get(f"/{built.slug}/opendata/contributions.json").content)
    assert document["licence"]["id"] == "etalab-2.0"
    names = [field["name"] for field in document["fields"]]
    assert names[:3] == ["id", "consultation_id", "kind"]
    assert {"supports", "answer_state", "answer_explanation"} <= set(names)
    assert len(document["items"]) == 3  # neither the hidden nor the internal contribution
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/{built.slug}/opendata/contributions.csv").content.decode()
    )))  # fmt: skip
    assert list(rows[0]) == names
    assert sorted(int(row["supports"]) for row in rows) == [1, 2, 3]


def test_files_are_served_as_built_not_computed(client, built):
    DatasetFile.objects.filter(territory=built, dataset="projects", format="csv").update(
        content="id\n42\n"
    )
    assert client.get(f"/{built.slug}/opendata/projects.csv").content == b"id\n42\n"


def test_an_unknown_dataset_or_one_not_built_is_a_404(client, territory):
    assert client.get(f"/{territory.slug}/opendata/people.csv").status_code == 404
    assert client.get(f"/{territory.slug}/opendata/projects.csv").status_code == 404
    assert client.get(f"/{territory.slug}/opendata/projects.xml").status_code == 404


def test_the_api_lists_datasets_with_urls_and_licence(client, built):
    body = client.get(f"/api/v1/territories/{built.slug}/opendata").json()
    assert body["licence"]["url"].startswith("https://www.etalab.gouv.fr/")
    keys = [dataset["key"] for dataset in body["datasets"]]
    assert keys == ["projects", "organisations", "needs", "events", "contributions",
                    "decisions", "practices", "results"]  # fmt: skip
    urls = [d["url"] for d in body["datasets"][0]["distributions"]]
    assert urls[0].endswith(f"/{built.slug}/opendata/projects.csv")
    assert client.get("/api/v1/territories/nowhere/opendata").status_code == 404


def test_only_territory_admins_choose_the_licence(
    client, territory, django_capture_on_commit_callbacks
):
    url = f"/{territory.slug}/opendata/"
    for role in (Role.MEMBER, Role.MODERATOR, Role.AGENT):
        client.force_login(member(territory, role=role))
        assert client.post(url, {"licence": "odbl-1.0"}).status_code == 404
    client.logout()
    assert client.post(url, {"licence": "odbl-1.0"}).status_code == 404
    assert services.licence_of(territory)["id"] == "etalab-2.0"
    client.force_login(member(territory, role=Role.ADMIN))
    assert client.post(url, {"licence": "nope"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"licence": "odbl-1.0"}).status_code == 302
    assert services.licence_of(territory)["id"] == "odbl-1.0"
    document = json.loads(client.get(f"/{territory.slug}/opendata/projects.json").content)
    assert document["licence"]["id"] == "odbl-1.0"  # rebuilt by the task


def test_the_page_runs_a_fixed_number_of_queries(client, territory, other_territory):
    populate(territory, size=1)
    services.datasets_build(territory=territory)
    count_queries(client, f"/{territory.slug}/opendata/")
    small = count_queries(client, f"/{territory.slug}/opendata/")
    populate(other_territory, size=1)
    populate(territory, size=6)
    services.datasets_build(territory=territory)
    assert count_queries(client, f"/{territory.slug}/opendata/") == small


def test_masking_free_text():
    assert masked("Écrire à jean.dupont@mairie.fr ou au 01 46 60 12 34.") == (
        "Écrire à […] ou au […]."
    )
    assert masked("Budget de 12 000 euros en 2026") == "Budget de 12 000 euros en 2026"


def test_a_file_already_downloaded_is_not_sent_again(client, built):
    url = f"/{built.slug}/opendata/projects.json"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    assert client.get(url, HTTP_IF_NONE_MATCH='"another-build"').status_code == 200
    services.datasets_build_all()  # a new build: a new tag, the new file is sent
    rebuilt = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert rebuilt.status_code == 200 and rebuilt["ETag"] != first["ETag"]
    assert json.loads(rebuilt.content)["licence"]["id"] == "etalab-2.0"


def test_an_unknown_dataset_is_404_even_with_a_tag(client, built):
    response = client.get(f"/{built.slug}/opendata/secrets.json", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 404
