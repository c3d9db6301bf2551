"""Bench pages of the activity feeds and the map (imported by bench/run.py)."""

from registry import Request, page


@page("territory activity")
def _(data):
    return f"/{data.territory().slug}/activite/"


@page("territory activity atom")
def _(data):
    return f"/{data.territory().slug}/activite/atom/"


@page("api territory activity")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}/activity"


@page("my feed (member)")
def _(data):
    return Request("/me/fil/", data.session_headers(data.member()))


@page("api my feed (token)")
def _(data):
    return Request("/api/v1/me/feed", data.token_headers(data.member()))


@page("map page")
def _(data):
    return f"/{data.territory().slug}/carte/"


@page("map points json")
def _(data):
    return f"/{data.territory().slug}/carte/points.json"
