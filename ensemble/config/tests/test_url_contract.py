"""Every page path and API operation that existed stays: add freely, rename nothing.

`url_contract.json` lists the routes (with their URL names) and the API
operations as they were before the apps were reorganised; the test walks
today's URL conf and OpenAPI schema and fails on anything missing.
"""

import json
from pathlib import Path

from django.urls import get_resolver
from django.urls.resolvers import URLResolver

from ensemble.api.urls import api

CONTRACT = json.loads((Path(__file__).parent / "url_contract.json").read_text())
PRIVATE_PREFIXES = ("admin/", "api/", "accounts/", "media/")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield f"{route} {pattern.name or ''}"


def test_every_page_route_of_the_contract_still_exists():
    today = set(_routes(get_resolver().url_patterns))
    missing = [route for route in CONTRACT["pages"] if route not in today]
    assert missing == []


def test_every_api_operation_of_the_contract_still_exists():
    schema = api.get_openapi_schema()
    today = {
        f"{method.upper()} {path}" for path, item in schema["paths"].items() for method in item
    }
    missing = [operation for operation in CONTRACT["api"] if operation not in today]
    assert missing == []


def test_the_contract_is_not_empty():
    # A contract file emptied by mistake would make the two tests above pass vacuously.
    assert len(CONTRACT["pages"]) >= 100
    assert len(CONTRACT["api"]) >= 80
