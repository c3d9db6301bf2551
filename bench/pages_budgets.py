"""Budget and questionnaire pages and API measured by `make bench`.

Data: `seed_scale --budget-voters 100000 --questionnaire-responses 100000`
(see bench/scale/budgets.py): the vote is running, its results shown live.
"""

from registry import Request, page


def _consultation(data, title: str):
    from ensemble.consultations.models import Consultation

    consultation = Consultation.objects.filter(territory=data.territory(), title=title).first()
    if consultation is None:
        raise RuntimeError(
            "No budget: pass --seed-args '--budget-voters 100000 --questionnaire-responses 100000'."
        )
    return consultation


def _budget(data) -> str:
    consultation = _consultation(data, "Budget participatif (échelle)")
    return f"/{data.territory().slug}/consultations/{consultation.pk}/"


def _questionnaire(data) -> str:
    consultation = _consultation(data, "Questionnaire (échelle)")
    return f"/{data.territory().slug}/consultations/{consultation.pk}/"


@page("budget ballot, member")
def _(data):
    return Request(f"{_budget(data)}budget/", data.session_headers(data.member()))


@page("budget results")
def _(data):
    return f"{_budget(data)}budget/resultats/"


@page("API budget results")
def _(data):
    return f"/api/v1{_budget(data).removeprefix('/' + data.territory().slug)}budget/results"


@page("questionnaire, member")
def _(data):
    return Request(f"{_questionnaire(data)}questionnaire/", data.session_headers(data.member()))


@page("questionnaire results")
def _(data):
    return f"{_questionnaire(data)}questionnaire/resultats/"
