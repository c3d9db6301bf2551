"""The network's shared words, in the reader's language: the network's themes and the
kinds of territory. What a territory or a person wrote (its own themes, names) stays as
written. Network themes are known by their slug, territory kinds by their French name
(the name they are stored under)."""

from django.utils.translation import gettext_lazy as _

NETWORK_THEMES = {
    "solidarite": _("Solidarity"),
    "environnement": _("Environment and climate"),
    "alimentation": _("Food"),
    "mobilite": _("Mobility"),
    "mobilites": _("Mobility"),
    "culture": _("Culture and heritage"),
    "jeunesse": _("Youth and education"),
    "sante": _("Health and well-being"),
    "economie-locale": _("Local economy and jobs"),
    "numerique": _("Digital inclusion"),
    "cadre-de-vie": _("Living environment and urban planning"),
    "sport": _("Sport and leisure"),
    "democratie": _("Local democracy"),
}

TERRITORY_KINDS = {
    "commune": _("Municipality"),
    "métropole": _("Metropolis"),
    "parc naturel régional": _("Regional nature park"),
    "communauté de communes": _("Community of municipalities"),
    "communauté d'agglomération": _("Urban community"),
    "département": _("Department"),
    "région": _("Region"),
    "quartier": _("Neighbourhood"),
    "arrondissement": _("District"),
}


def theme_label(*, slug: str, name: str, network: bool = True) -> str:
    """A network theme's name in the active language; a territory's own theme as written."""
    if network and slug in NETWORK_THEMES:
        return str(NETWORK_THEMES[slug])
    return name


def territory_kind_label(kind: str) -> str:
    """A known kind in the active language ("Métropole" → "Metropolis"); any other as written."""
    return str(TERRITORY_KINDS.get(kind.strip().lower(), kind)) if kind else kind
