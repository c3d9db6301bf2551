"""Consultation pages and API measured by `make bench`.

Data: `seed_scale --consultations 200 --contributions 100000 --supports 1000000`
(see ensemble/participation/scale.py); the measured consultation is the big
one of the biggest territory (most contributions, the most supported ones).
"""

from registry import Request, page


def _consultation(data, order: str = "-contributions_count"):
    """The published public consultation of territory() that is the worst case for `order`."""
    from ensemble.consultations.models import Consultation

    consultation = (
        Consultation.objects.filter(
            territory=data.territory(), status="published", visibility="public"
        )
        .select_related("territory")
        .order_by(order, "pk")
        .first()
    )
    if consultation is None:
        raise RuntimeError(
            "No consultation: pass --seed-args '--consultations 200 --contributions 100000 "
            "--supports 1000000'."
        )
    return consultation


def _base(data, order: str = "-contributions_count") -> str:
    consultation = _consultation(data, order)
    return f"/{consultation.territory.slug}/consultations/{consultation.pk}/"


def _most_supported(data):
    from ensemble.contributions.models import Contribution

    return (
        Contribution.objects.filter(
            consultation=_consultation(data), is_hidden=False, merged_into=None
        )
        .select_related("territory")
        .order_by("-supports_count", "pk")
        .first()
    )


@page("consultation page")
def _(data):
    return _base(data)


@page("contributions by supports")
def _(data):
    return f"{_base(data)}contributions/?sort=supports"


@page("contributions by supports, member")
def _(data):
    return Request(
        f"{_base(data)}contributions/?sort=supports", data.session_headers(data.member())
    )


@page("contributions newest")
def _(data):
    return f"{_base(data)}contributions/?sort=newest"


@page("contributions by answer state")
def _(data):
    return f"{_base(data)}contributions/?sort=answer"


@page("contributions last page")
def _(data):
    from django.conf import settings

    consultation = _consultation(data)
    last = max(1, -(-consultation.contributions_count // settings.ENSEMBLE_PAGE_SIZE))
    return f"{_base(data)}contributions/?sort=supports&page={last}"


@page("contribution page")
def _(data):
    return _most_supported(data).get_absolute_url()


@page("contribution page, member")
def _(data):
    return Request(_most_supported(data).get_absolute_url(), data.session_headers(data.member()))


@page("decision journal")
def _(data):
    return f"{_base(data, '-answered_count')}journal/"


@page("decision journal, accepted")
def _(data):
    return f"{_base(data, '-answered_count')}journal/?state=accepted"


@page("results list")
def _(data):
    return f"{_base(data, '-results_count')}resultats/"


@page("API contributions by supports")
def _(data):
    return f"/api/v1/consultations/{_consultation(data).pk}/contributions?sort=supports"


@page("API contributions newest")
def _(data):
    return f"/api/v1/consultations/{_consultation(data).pk}/contributions?sort=newest"


@page("API decisions")
def _(data):
    return f"/api/v1/consultations/{_consultation(data, '-answered_count').pk}/decisions"


@page("API consultation")
def _(data):
    return f"/api/v1/consultations/{_consultation(data).pk}"


def _last_page_cursor(data, queryset_of) -> tuple[str, str]:
    """(base path, cursor leading to the last page) of the big consultation's list."""
    from django.conf import settings

    from ensemble.core.pagination import Paginator

    consultation = _consultation(data)
    paginator = Paginator(queryset_of(consultation), settings.ENSEMBLE_PAGE_SIZE)
    return _base(data), paginator.page(max(1, paginator.num_pages - 1)).next_cursor


@page("contributions last page, cursor")
def _(data):
    from ensemble.contributions.selectors.contributions import contribution_list

    base, cursor = _last_page_cursor(
        data, lambda consultation: contribution_list(consultation=consultation, sort="supports")
    )
    return f"{base}contributions/?sort=supports&cursor={cursor}"
