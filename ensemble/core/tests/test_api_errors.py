"""Every API operation declares its errors through one constant, `core.api.schemas.ERRORS`."""

import pytest

from ensemble.api.urls import api
from ensemble.core.api.schemas import ERRORS, ErrorOut, responses

# The consultation and event endpoints adopt `responses()` with the consultations split.
NOT_YET = {"consultations", "events"}


def _operations():
    schema = api.get_openapi_schema()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if not NOT_YET & set(operation.get("tags", [])):
                yield f"{method.upper()} {path}", operation


def test_responses_is_the_success_then_every_error():
    assert responses(None, 204) == {204: None, **ERRORS}
    assert responses(ErrorOut)[200] is ErrorOut
    assert set(ERRORS) == {400, 401, 403, 404, 409, 422, 429}


OPERATIONS = dict(_operations())


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_documents_every_error(name):
    codes = {int(code) for code in OPERATIONS[name]["responses"]}
    assert set(ERRORS) <= codes, name
    # One success; or "done now" (200) / "queued for a task" (202), as themes/compute.
    assert len(codes - set(ERRORS)) == 1 or codes - set(ERRORS) == {200, 202}, name
