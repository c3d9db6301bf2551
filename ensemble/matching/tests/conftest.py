import pytest

from ensemble.testing.factories import NeighbourhoodFactory, TerritoryFactory, ThemeFactory

from . import helpers


@pytest.fixture
def world(db):
    """A territory with two neighbourhoods and two themes, and a project needing premises."""
    territory = TerritoryFactory(name="Lille", slug="lille")
    moulins = NeighbourhoodFactory(territory=territory, name="Moulins", slug="moulins")
    fives = NeighbourhoodFactory(territory=territory, name="Fives", slug="fives")
    food = ThemeFactory(name="Alimentation", slug="alimentation")
    solidarity = ThemeFactory(name="Solidarité", slug="solidarite")
    project = helpers.project(
        territory, title="Épicerie solidaire des Moulins", neighbourhood=moulins,
        themes=[food, solidarity],
    )  # fmt: skip
    need = helpers.need(
        project, kind="premises", title="Un local pour stocker les denrées",
        description="Nous cherchons des locaux au rez-de-chaussée pour la distribution.",
    )  # fmt: skip
    return {
        "territory": territory, "moulins": moulins, "fives": fives, "food": food,
        "solidarity": solidarity, "project": project, "need": need,
    }  # fmt: skip
