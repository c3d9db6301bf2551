"""What territories plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.core.recounts import Recount, register
from ensemble.territories.services import residents_recount

# The members living in each neighbourhood (`manage.py recount neighbourhoods`).
register(
    Recount(
        key="neighbourhoods",
        model="territories.Territory",
        recount=lambda pk: residents_recount(territory_pk=pk),
    )
)
