"""Calendar, knowledge base and practice library pages measured by `make bench`
(data from `seed_scale --events N --resources N --practices N`)."""

from registry import Request, page

from ensemble.accounts.models import User
from ensemble.events.models import Registration


@page("calendar")
def _(data):
    return f"/{data.territory().slug}/agenda/"


@page("calendar, month")
def _(data):
    return f"/{data.territory().slug}/agenda/mois/"


@page("calendar, filtered")
def _(data):
    return f"/{data.territory().slug}/agenda/?kind=skill_sharing&with_places=on"


@page("calendar iCalendar feed")
def _(data):
    return f"/{data.territory().slug}/evenements.ics"


@page("my registrations")
def _(data):
    registration = (
        Registration.objects.filter(event__territory=data.territory())
        .values("user_id")
        .order_by("user_id")
        .first()
    )
    if registration is None:
        raise RuntimeError("No registration: pass --seed-args '--events 5000'.")
    return Request("/me/inscriptions/", headers=data.session_headers(
        User.objects.get(pk=registration["user_id"])
    ))  # fmt: skip


@page("API calendar")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}/events?page_size=50"


@page("knowledge base")
def _(data):
    return f"/{data.territory().slug}/ressources/"


@page("API open funding calls")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}/resources?open=true"


@page("practice library")
def _(data):
    return "/pratiques/"


@page("practice library, agent")
def _(data):
    return Request("/pratiques/", headers=data.session_headers(data.admin()))


@page("API practices search")
def _(data):
    return "/api/v1/practices?q=compost&page_size=50"
