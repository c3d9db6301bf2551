from ninja import Schema


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


#: Every error the API answers with, all in the shape of `ErrorOut`: bad input (400),
#: not signed in (401), not allowed (403), not found or not visible (404), a state
#: that forbids the change (409), a body or query that does not validate (422), a
#: limit reached (429). Endpoints declare them all through `responses()`.
ERRORS: dict[int, type[Schema]] = dict.fromkeys((400, 401, 403, 404, 409, 422, 429), ErrorOut)


def responses(ok=None, status: int = 200) -> dict:
    """The `response=` of an endpoint: its success (`status` with the `ok` schema,
    `None` for an empty body) and every error of `ERRORS`.

    `@router.get("/x", response=responses(XOut))`, `responses(XOut, 201)`,
    `responses(None, 204)`, `responses(list[XOut])` for a paginated list.
    """
    return {status: ok, **ERRORS}
