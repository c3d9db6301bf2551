"""What matching plugs into the platform: its notification kind, alerts when a need is
published (projects calls its listeners without knowing matching), and the texts it
compares by meaning (needs, offers, organisations: semantics embeds them after each write)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind
from ensemble.projects.hooks import NeedListener, need_listeners
from ensemble.resources.selectors import resources_for_need
from ensemble.semantics.registry import register as register_embeddable
from ensemble.territories.vocabulary import theme_label

from . import texts
from .hooks import HelpItem, NoMatchHelper, no_match_helpers
from .services import need_published


def _need_matches(params: dict) -> dict:
    """The themes are the network's words: named in the reader's language."""
    themes = ", ".join(
        theme_label(slug=slug, name=name, network=network)
        for slug, name, network in params.get("themes") or []
    )
    if themes:
        text = _("A new need in %(themes)s matches what you offer: %(title)s")
    else:
        text = _("A new need matches what you offer: %(title)s")
    return {"text": text % {"title": params["title"], "themes": themes}}


register_kind(
    "matching_new_need", _("A new need matches what you offer"), text="%(text)s",
    params=_need_matches, channel=Channel.IMMEDIATE,
)  # fmt: skip
need_listeners.register(NeedListener(key="matching", published=need_published))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.alerts)
register_embeddable("projects.need", text=texts.need_text)
register_embeddable("actors.offer", text=texts.offer_text)
register_embeddable("actors.organisation", text=texts.organisation_text)


def _feed_help(need, viewer) -> list[HelpItem]:
    return [
        HelpItem(
            label=str(_("Post news about this need on the territory's feed")),
            url=f"{need.project.get_absolute_url()}actualites/nouvelle/",
            description=str(_("People who follow the territory see it and can answer.")),
        )
    ]


def _community_help(need, viewer) -> list[HelpItem]:
    return [
        HelpItem(
            label=str(_("Let the community answer « I can help »")),
            url=need.project.get_absolute_url(),
            description=str(
                _("The need is on the project's page, where anyone can offer their help.")
            ),
        )
    ]


def _knowledge_base_help(need, viewer) -> list[HelpItem]:
    """The knowledge base's resources for the need's kind (a funding need: open calls)."""
    return [
        HelpItem(
            label=resource.title,
            url=resource.get_absolute_url(),
            description=str(resource.get_kind_display()),
        )
        for resource in resources_for_need(need)[:5]
    ]


no_match_helpers.register(
    NoMatchHelper(key="knowledge_base", items=_knowledge_base_help, kinds={"funding"}, position=5)
)
no_match_helpers.register(NoMatchHelper(key="feed", items=_feed_help, position=10))
no_match_helpers.register(NoMatchHelper(key="i_can_help", items=_community_help, position=20))
