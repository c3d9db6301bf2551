"""Pages of questionnaires: answer, results (charts and tables), CSV export, the agents' set-up.

A consultation's questionnaire lives at …/consultations/<pk>/questionnaire/, a
quick poll of a territory at …/sondages/<pk>/; both use the same pages.
"""

from functools import partial

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from ensemble.consultations.access import consultation_get_visible
from ensemble.core.access import login_first
from ensemble.core.views import service_form
from ensemble.questionnaires import selectors, services
from ensemble.questionnaires.access import poll_get_visible, questionnaire_of_consultation
from ensemble.questionnaires.forms import QuestionForm, QuestionnaireForm, ResponseForm
from ensemble.questionnaires.models import Questionnaire

MANAGE = "questionnaires.manage_questionnaire"


def _urls(questionnaire) -> dict:
    slug = questionnaire.territory.slug
    if questionnaire.is_poll:
        kwargs, prefix = {"territory_slug": slug, "pk": questionnaire.pk}, "poll"
    else:
        kwargs = {"territory_slug": slug, "consultation_pk": questionnaire.consultation_id}
        prefix = "questionnaire"
    return {
        name: reverse(f"questionnaires:{prefix}{suffix}", kwargs=kwargs)
        for name, suffix in (
            ("answer", ""),
            ("results", "_results"),
            ("export", "_export"),
            ("manage", "_manage"),
        )
    }


def _load(request, consultation_pk=None, pk=None, perm=None):
    if consultation_pk is not None:
        return questionnaire_of_consultation(
            user=request.user,
            consultation_pk=consultation_pk,
            territory=request.territory,
            perm=perm,
        )
    return poll_get_visible(user=request.user, pk=pk, territory=request.territory, perm=perm)


def questionnaire_answer(request, consultation_pk=None, pk=None):
    """The questions; answering again replaces one's response (not an anonymous one)."""
    if consultation_pk is not None:
        consultation = consultation_get_visible(
            user=request.user, pk=consultation_pk, territory=request.territory
        )
        if not Questionnaire.objects.filter(consultation=consultation).exists():
            return render(
                request,
                "questionnaires/answer.html",
                {
                    "consultation": consultation,
                    "questionnaire": None,
                    "can_manage": request.user.has_perm(
                        "consultations.change_consultation", consultation
                    ),
                },
            )
    questionnaire = _load(request, consultation_pk, pk)
    user = request.user
    response = selectors.response_get(user=user, questionnaire=questionnaire)
    form = ResponseForm(request.POST or None, questionnaire=questionnaire, response=response)
    urls = _urls(questionnaire)
    context = {
        "questionnaire": questionnaire,
        "consultation": questionnaire.consultation,
        "urls": urls,
        "response": response,
        "is_open": services.is_open(questionnaire),
        "may_respond": user.has_perm("questionnaires.respond", questionnaire),
        "answered": selectors.has_answered(user=user, questionnaire=questionnaire),
        "can_manage": user.has_perm(MANAGE, questionnaire),
    }
    if request.method == "POST" and (redirect_ := login_first(request)):
        return redirect_
    return service_form(
        request,
        form,
        lambda data: services.response_submit(
            user=user, questionnaire=questionnaire, answers=form.answers()
        ),
        template="questionnaires/answer.html",
        context=context,
        success_message=_("Thank you: your answers are saved."),
        success_url=urls["results"],
    )


def questionnaire_results(request, consultation_pk=None, pk=None):
    questionnaire = _load(request, consultation_pk, pk)
    return render(
        request,
        "questionnaires/results.html",
        {
            "questionnaire": questionnaire,
            "consultation": questionnaire.consultation,
            "urls": _urls(questionnaire),
            # Read when the page's fragment renders (a kept one reads nothing).
            "results": partial(selectors.question_results, questionnaire=questionnaire),
            "can_manage": request.user.has_perm(MANAGE, questionnaire),
        },
    )


def questionnaire_export(request, consultation_pk=None, pk=None):
    """Every response as CSV, for the agents: no name, email or date of anybody."""
    if redirect_ := login_first(request):
        return redirect_
    questionnaire = _load(request, consultation_pk, pk, perm=MANAGE)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="questionnaire-{questionnaire.pk}.csv"'
    selectors.export_csv(questionnaire=questionnaire, out=response)
    return response


def questionnaire_manage(request, consultation_pk=None, pk=None):
    """Agents: the questionnaire's title and questions (until the first response)."""
    if redirect_ := login_first(request):
        return redirect_
    if consultation_pk is not None:
        consultation = consultation_get_visible(
            user=request.user,
            pk=consultation_pk,
            territory=request.territory,
            perm="consultations.change_consultation",
        )
        questionnaire = Questionnaire.objects.filter(consultation=consultation).first()
    else:
        questionnaire = _load(request, None, pk, perm=MANAGE)
        consultation = None
    if questionnaire is None:
        form = QuestionnaireForm(request.POST or None)
        return service_form(
            request,
            form,
            lambda data: services.questionnaire_set(
                actor=request.user,
                territory=consultation.territory,
                consultation=consultation,
                **data,
            ),
            template="questionnaires/manage.html",
            context={"consultation": consultation, "questionnaire": None},
            success_message=_("The questionnaire is created: add its questions."),
        )
    if consultation is not None:
        questionnaire.consultation = consultation
    form = QuestionForm(request.POST or None, questionnaire=questionnaire)
    if request.method == "POST" and request.POST.get("delete"):
        question = questionnaire.questions.filter(pk=request.POST["delete"]).first()
        if question is None:
            raise Http404
        form = QuestionnaireForm({"title": questionnaire.title})
        return service_form(
            request,
            form,
            lambda data: services.question_delete(actor=request.user, question=question),
            template="questionnaires/manage.html",
            context={"consultation": consultation, "questionnaire": questionnaire},
            success_message=_("The question is deleted."),
        )
    return service_form(
        request,
        form,
        lambda data: services.question_add(
            actor=request.user, questionnaire=questionnaire, data=form.as_question_data()
        ),
        template="questionnaires/manage.html",
        context={
            "consultation": consultation,
            "questionnaire": questionnaire,
            "urls": _urls(questionnaire),
        },
        success_message=_("The question is added."),
    )


CONSULTATION = "consultations/<int:consultation_pk>/questionnaire/"
POLL = "sondages/<int:pk>/"
urlpatterns = [
    path(CONSULTATION, questionnaire_answer, name="questionnaire"),
    path(f"{CONSULTATION}resultats/", questionnaire_results, name="questionnaire_results"),
    path(f"{CONSULTATION}export.csv", questionnaire_export, name="questionnaire_export"),
    path(f"{CONSULTATION}gerer/", questionnaire_manage, name="questionnaire_manage"),
    path(POLL, questionnaire_answer, name="poll"),
    path(f"{POLL}resultats/", questionnaire_results, name="poll_results"),
    path(f"{POLL}export.csv", questionnaire_export, name="poll_export"),
    path(f"{POLL}gerer/", questionnaire_manage, name="poll_manage"),
]
