"""Bench pages of the statistics, open data and privacy (imported by bench/run.py).

The snapshots and the open data files are computed once here, before the server starts,
as the periodic tasks would: the pages read them and never count rows themselves.
"""

from functools import cache

from registry import Request, page


@cache
def _computed(data) -> None:
    from ensemble.opendata.services import datasets_build
    from ensemble.stats.services import snapshots_compute

    snapshots_compute(months=12)
    datasets_build(territory=data.territory())


@page("network stats")
def _(data):
    _computed(data)
    return "/stats/"


@page("territory stats")
def _(data):
    _computed(data)
    return f"/{data.territory().slug}/stats/"


@page("api network stats")
def _(data):
    _computed(data)
    return "/api/v1/stats"


@page("api territory stats csv")
def _(data):
    _computed(data)
    return f"/api/v1/territories/{data.territory().slug}/stats?format=csv"


@page("territory open data")
def _(data):
    _computed(data)
    return f"/{data.territory().slug}/opendata/"


@page("open data projects json")
def _(data):
    _computed(data)
    return f"/{data.territory().slug}/opendata/projects.json"


@page("my data (member)")
def _(data):
    return Request("/me/donnees/", data.session_headers(data.member()))
