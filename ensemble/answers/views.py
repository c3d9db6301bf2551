"""Pages of the consultations: answering a contribution, the decision journal and its feed."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from ensemble.answers import selectors
from ensemble.answers.forms import AnswerForm, JournalFilterForm
from ensemble.answers.services import answer_create
from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.phases import Feature
from ensemble.contributions.access import contribution_get_visible
from ensemble.core.feeds import AtomFeed
from ensemble.core.forms import form_add_service_errors
from ensemble.core.markdown import render_markdown
from ensemble.core.pagination import paginate

FEED_SIZE = 30


def contribution_answer(request, consultation_pk: int, pk: int):
    """The answer form of an agent, with the contribution and its previous answers."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    contribution = contribution_get_visible(
        user=request.user, pk=pk, consultation=consultation_pk, territory=request.territory,
        perm="answers.answer_contribution",
    )  # fmt: skip
    consultation = contribution.consultation
    form = AnswerForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            answer = answer_create(
                author=request.user, contribution=contribution, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your answer is published."))
            return redirect(f"{contribution.get_absolute_url()}#answer-{answer.version}")
    return render(
        request,
        "answers/answer_form.html",
        {
            "consultation": consultation,
            "contribution": contribution,
            "answers": list(selectors.answer_history(contribution=contribution)),
            "form": form,
            "answering_open": consultation.allows(Feature.ANSWER),
        },
        status=400 if form.errors else 200,
    )


def journal(request, pk: int):
    """The public decision journal: every answer with its reasons, newest first."""
    consultation = consultation_get_visible(user=request.user, pk=pk, territory=request.territory)
    form = JournalFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else None
    page = paginate(request, selectors.journal(consultation, state=state))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "answers/journal.html",
        {
            "consultation": consultation,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(state),
        },
    )


class JournalFeed(Feed):
    """The decision journal as an Atom feed, for feed readers and the local press."""

    feed_type = AtomFeed

    def get_object(self, request, pk: int):
        return consultation_get_visible(user=request.user, pk=pk, territory=request.territory)

    def title(self, consultation):
        return _("Decisions of “%(title)s”") % {"title": consultation.title}

    def link(self, consultation):
        return reverse(
            "answers:journal",
            kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk},
        )

    def subtitle(self, consultation):
        return _("Every answer to the contributions, with its explanation.")

    def items(self, consultation):
        return selectors.journal(consultation)[:FEED_SIZE]

    def item_title(self, answer):
        return _("%(state)s: %(title)s") % {
            "state": answer.get_state_display(), "title": answer.contribution.title,
        }  # fmt: skip

    def item_description(self, answer):
        return render_markdown(answer.explanation)

    def item_link(self, answer):
        return f"{answer.contribution.get_absolute_url()}#answer-{answer.version}"

    def item_pubdate(self, answer):
        return answer.created_at


urlpatterns: list = [
    path(
        "consultations/<int:consultation_pk>/contributions/<int:pk>/repondre/",
        contribution_answer,
        name="contribution_answer",
    ),
    path("consultations/<int:pk>/journal/", journal, name="journal"),
    path("consultations/<int:pk>/journal/atom/", JournalFeed(), name="journal_atom"),
]
