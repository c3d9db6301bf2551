"""The OpenAPI document: one component per schema, and a valid OpenAPI 3 document."""

import pytest

from ensemble.api.urls import api
from ensemble.core.api.hardening import colliding_schema_names

pytestmark = pytest.mark.django_db


def test_no_two_schemas_claim_the_same_component_name():
    assert colliding_schema_names(api) == {}


def test_each_endpoint_points_at_its_own_schema(client):
    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]
    # Nine names were shared before: e.g. the activity's and the results' ProjectRef.
    renamed = ["ActivityProjectRef", "ResultsProjectRef", "ActivityContributionRef",
               "AnswersContributionRef", "ContributionsReportIn", "ModerationReportIn"]  # fmt: skip
    for name in renamed:
        assert name in schemas, name
    assert schemas["ActivityProjectRef"] != schemas["ResultsProjectRef"]


def test_the_document_validates(client):
    validator = pytest.importorskip("openapi_spec_validator")
    document = client.get("/api/openapi.json").json()
    assert validator.validate(document) is None  # raises on the first error
