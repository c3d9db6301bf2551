"""Organisation pages and API measured by `make bench` (data from `seed_scale --organisations`)."""

from registry import Request, page


def _organisation(data):
    """The organisation of territory() with the most offers and members: the worst case."""
    from ensemble.actors.models import Organisation

    organisation = (
        Organisation.objects.filter(territory=data.territory())
        .order_by("-offers_count", "-members_count", "pk")
        .first()
    )
    if organisation is None:
        raise RuntimeError("No organisation: pass --seed-args '--organisations 5000'.")
    return organisation


@page("organisations directory")
def _(data):
    return f"/{data.territory().slug}/organisations/"


@page("organisations directory, filtered")
def _(data):
    return f"/{data.territory().slug}/organisations/?kind=association&offer_kind=skills&sort=newest"


@page("organisation page")
def _(data):
    return _organisation(data).get_absolute_url()


@page("organisation page, member")
def _(data):
    return Request(
        _organisation(data).get_absolute_url(), headers=data.session_headers(data.member())
    )


@page("API organisations list")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}/organisations?page_size=50"


@page("API organisation detail")
def _(data):
    return f"/api/v1/organisations/{_organisation(data).pk}"
