"""Checks that what a form or an API request names belongs to the territory.

Services call the `check_*` functions on objects; API endpoints turn the slugs
they receive into objects with the `*_from_slugs` functions. Each raises a
ValidationError naming the field.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Neighbourhood, Territory, Theme
from .selectors import neighbourhood_list, theme_list


def check_themes(territory: Territory, themes: Iterable[Theme] | None) -> list[Theme]:
    """Network-wide themes and the territory's own."""
    themes = list(themes or ())
    for theme in themes:
        if theme.territory_id not in (None, territory.pk):
            raise ValidationError({"themes": _("This theme is not one of this territory's.")})
    return themes


def check_neighbourhood(territory: Territory, neighbourhood: Neighbourhood | None) -> None:
    if neighbourhood is not None and neighbourhood.territory_id != territory.pk:
        raise ValidationError({"neighbourhood": _("This neighbourhood is not in this territory.")})


def check_neighbourhoods(
    territory: Territory, neighbourhoods: Iterable[Neighbourhood] | None
) -> list[Neighbourhood]:
    neighbourhoods = list(neighbourhoods or ())
    for neighbourhood in neighbourhoods:
        if neighbourhood.territory_id != territory.pk:
            raise ValidationError(
                {"neighbourhoods": _("This neighbourhood is not in this territory.")}
            )
    return neighbourhoods


def themes_from_slugs(territory: Territory, slugs: list[str]) -> list[Theme]:
    themes = list(theme_list(territory=territory).filter(slug__in=slugs))
    unknown = set(slugs) - {theme.slug for theme in themes}
    if unknown:
        raise ValidationError(
            {"themes": _("Unknown theme: %(slugs)s.") % {"slugs": ", ".join(sorted(unknown))}}
        )
    return themes


def neighbourhood_from_slug(territory: Territory, slug: str | None) -> Neighbourhood | None:
    if not slug:
        return None
    neighbourhood = neighbourhood_list(territory=territory).filter(slug=slug).first()
    if neighbourhood is None:
        raise ValidationError({"neighbourhood": _("Unknown neighbourhood in this territory.")})
    return neighbourhood


def neighbourhoods_from_slugs(territory: Territory, slugs: list[str]) -> list[Neighbourhood]:
    neighbourhoods = list(neighbourhood_list(territory=territory).filter(slug__in=slugs))
    unknown = set(slugs) - {neighbourhood.slug for neighbourhood in neighbourhoods}
    if unknown:
        raise ValidationError(
            {"neighbourhoods": _("Unknown neighbourhood: %(slugs)s.")
             % {"slugs": ", ".join(sorted(unknown))}}
        )  # fmt: skip
    return neighbourhoods
