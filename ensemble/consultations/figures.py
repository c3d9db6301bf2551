"""What the apps above add to a consultation's pages and API: figures computed from their models.

The consultations app knows nothing of contributions or answers. The apps
that do register a `ConsultationFigure` here from their `registrations.py`
(the transparency indicators, the most supported contributions, the
participation figures); the overview page and the API read them by key.

    figures.register(ConsultationFigure(key="indicators", one=consultation_indicators,
                                        page=indicators_of_page))
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class ConsultationFigure:
    key: str  # the name in the page context, and the attribute set on a consultation of a list
    one: Callable[[Any], Any]  # (consultation) -> the figure, for its overview and API detail
    # (consultations) -> {consultation id: figure}, for a page of a list, in a fixed number
    # of queries; None when lists do not show it.
    page: Callable[[list], dict[int, Any]] | None = None

    @property
    def label(self) -> str:
        return self.key


figures: Registry[ConsultationFigure] = Registry("consultation figures")


def figures_of(consultation) -> dict[str, Any]:
    """Every registered figure of one consultation, by key."""
    return {figure.key: figure.one(consultation) for figure in figures}


def figure_of(consultation, key: str) -> Any:
    figure = figures.find(key)
    return None if figure is None else figure.one(consultation)


def set_page_figures(consultations: Iterable) -> None:
    """Set each list figure as an attribute of each consultation of a page."""
    consultations = list(consultations)
    for figure in figures:
        if figure.page is None:
            continue
        values = figure.page(consultations)
        for consultation in consultations:
            setattr(consultation, figure.key, values.get(consultation.pk))
