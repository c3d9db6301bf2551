"""Bench pages added by the design and hardening work (imported by bench/run.py)."""

from registry import Request, page


@page("API reference page")
def _(data):
    return "/api/docs"


@page("territory accent stylesheet")
def _(data):
    return f"/{data.territory().slug}/theme.css"


@page("my organisation invitations (member)")
def _(data):
    return Request("/me/organisations/invitations/", data.session_headers(data.member()))
