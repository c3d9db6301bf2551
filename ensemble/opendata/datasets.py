"""The open datasets of a territory: what each holds, field by field (the data dictionary),
and the rows. Apps added later register their own dataset the same way (`registry`).

Only what anyone may already see on the site goes in: published projects, organisations
without their contact address and phone, open needs of those projects, events that are not
workshops of an internal consultation, open contributions of public consultations (neither
hidden nor merged) with their public answer, the public decision journal, results. Never a
person's name or address, an agent's note or a members-only profile; email addresses and
phone numbers written in free text are masked.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from ensemble.actors.models import Organisation
from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.core.registry import Registry
from ensemble.events.models import Event
from ensemble.events.policies import visible_q
from ensemble.projects.models import Need, Project
from ensemble.results.models import Result

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+\d{2,3}[\s.]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")


def masked(text: str) -> str:
    """Free text without the email addresses and phone numbers people sometimes type in."""
    return PHONE.sub("[…]", EMAIL.sub("[…]", text or ""))


@dataclass(frozen=True)
class Dataset:
    key: str
    label: object
    description: object
    #: The data dictionary: (field, what it means), in the order of the CSV columns.
    fields: list[tuple[str, object]]
    rows: Callable[[object], Iterable[dict]]


registry: Registry[Dataset] = Registry("open datasets")


def _public_consultations(territory):
    return Consultation.objects.public().filter(territory=territory)


def _projects(territory):
    for project in (
        Project.objects.published().filter(territory=territory)
        .select_related("neighbourhood").prefetch_related("themes").order_by("pk")
    ):  # fmt: skip
        yield {
            "id": project.pk, "title": project.title, "summary": masked(project.summary),
            "description": masked(project.description), "stage": project.stage,
            "themes": "|".join(sorted(theme.slug for theme in project.themes.all())),
            "neighbourhood": project.neighbourhood.slug if project.neighbourhood_id else "",
            "published_at": project.published_at, "followers": project.followers_count,
            "open_needs": project.open_needs_count,
        }  # fmt: skip


def _organisations(territory):
    for organisation in (
        Organisation.objects.filter(territory=territory).prefetch_related("themes").order_by("pk")
    ):
        yield {
            "id": organisation.pk, "name": organisation.name, "kind": organisation.kind,
            "summary": masked(organisation.summary),
            "description": masked(organisation.description), "website": organisation.website,
            "themes": "|".join(sorted(theme.slug for theme in organisation.themes.all())),
            "verified": organisation.is_verified,
        }  # fmt: skip


def _needs(territory):
    needs = Need.objects.filter(
        territory=territory, project__in=Project.objects.published()
    ).order_by("pk")
    for need in needs:
        yield {
            "id": need.pk, "project_id": need.project_id, "kind": need.kind,
            "title": need.title, "description": masked(need.description),
            "status": need.status, "created_at": need.created_at,
            "fulfilled_at": need.fulfilled_at,
        }  # fmt: skip


def _events(territory):
    events = (
        Event.objects.filter(territory=territory)
        .filter(visible_q(AnonymousUser(), territory))
        .order_by("pk")
    )
    for event in events:
        yield {
            "id": event.pk, "kind": event.kind, "title": event.title,
            "description": masked(event.description), "starts_at": event.starts_at,
            "ends_at": event.ends_at, "cancelled": event.is_cancelled,
            "capacity": event.capacity, "registered": event.registered_count,
            "present": event.participants_count,
        }  # fmt: skip


def _contributions(territory):
    contributions = (
        Contribution.objects.open()
        .filter(consultation__in=_public_consultations(territory))
        .select_related("answer").order_by("pk")
    )  # fmt: skip
    for contribution in contributions:
        answer = contribution.answer if contribution.answer_id else None
        public_answer = answer if answer is not None and answer.is_public else None
        yield {
            "id": contribution.pk, "consultation_id": contribution.consultation_id,
            "kind": contribution.kind, "title": contribution.title,
            "body": masked(contribution.body), "created_at": contribution.created_at,
            "supports": contribution.supports_count, "comments": contribution.comments_count,
            "answer_state": public_answer.state if public_answer else "",
            "answer_explanation": masked(public_answer.explanation) if public_answer else "",
            "answered_at": public_answer.created_at if public_answer else None,
        }  # fmt: skip


def _decisions(territory):
    answers = Answer.objects.filter(
        consultation__in=_public_consultations(territory), is_public=True,
        contribution__is_hidden=False,
    ).order_by("pk")  # fmt: skip
    for answer in answers:
        yield {
            "id": answer.pk, "contribution_id": answer.contribution_id,
            "consultation_id": answer.consultation_id, "version": answer.version,
            "state": answer.state, "explanation": masked(answer.explanation),
            "author_role": answer.author_role, "answered_at": answer.created_at,
        }  # fmt: skip


def _results(territory):
    results = Result.objects.filter(
        territory=territory, consultation__in=_public_consultations(territory)
    ).order_by("pk")
    for result in results:
        yield {
            "id": result.pk, "consultation_id": result.consultation_id,
            "parent_id": result.parent_id, "title": result.title,
            "description": masked(result.description), "status": result.status,
            "progress": result.progress, "starts_on": result.starts_on,
            "ends_on": result.ends_on,
        }  # fmt: skip


ID = ("id", _("identifier, stable"))
for _dataset in [
    Dataset(
        "projects",
        _("Projects"),
        _("Published projects of the territory."),
        [
            ID,
            ("title", _("title")),
            ("summary", _("summary")),
            ("description", _("description (Markdown)")),
            ("stage", _("stage: idea, starting, running, completed, paused")),
            ("themes", _("theme slugs, separated by |")),
            ("neighbourhood", _("neighbourhood slug")),
            ("published_at", _("date of publication")),
            ("followers", _("number of followers")),
            ("open_needs", _("number of open needs")),
        ],
        _projects,
    ),
    Dataset(
        "organisations",
        _("Organisations"),
        _("Organisations of the territory, without their contact details."),
        [
            ID,
            ("name", _("name")),
            ("kind", _("kind")),
            ("summary", _("in one sentence")),
            ("description", _("description (Markdown)")),
            ("website", _("website")),
            ("themes", _("theme slugs, separated by |")),
            ("verified", _("verified by the territory")),
        ],
        _organisations,
    ),
    Dataset(
        "needs",
        _("Needs"),
        _("What published projects need (volunteers, premises, funding…)."),
        [
            ID,
            ("project_id", _("project identifier")),
            ("kind", _("kind of need")),
            ("title", _("what is needed")),
            ("description", _("details")),
            ("status", _("open or fulfilled")),
            ("created_at", _("published at")),
            ("fulfilled_at", _("fulfilled at")),
        ],
        _needs,
    ),
    Dataset(
        "events",
        _("Events"),
        _("The territory's calendar, workshops of internal consultations excepted."),
        [
            ID,
            ("kind", _("kind")),
            ("title", _("title")),
            ("description", _("description")),
            ("starts_at", _("start")),
            ("ends_at", _("end")),
            ("cancelled", _("cancelled")),
            ("capacity", _("places")),
            ("registered", _("people registered")),
            ("present", _("people present, when recorded")),
        ],
        _events,
    ),
    Dataset(
        "contributions",
        _("Contributions"),
        _(
            "Contributions to public consultations with their supports and public answer "
            "(neither hidden nor merged)."
        ),
        [
            ID,
            ("consultation_id", _("consultation identifier")),
            ("kind", _("problem or idea")),
            ("title", _("title")),
            ("body", _("text (Markdown)")),
            ("created_at", _("posted at")),
            ("supports", _("number of supports")),
            ("comments", _("number of comments")),
            ("answer_state", _("state of the public answer")),
            ("answer_explanation", _("explanation of the answer")),
            ("answered_at", _("date of the answer")),
        ],
        _contributions,
    ),
    Dataset(
        "decisions",
        _("Decisions journal"),
        _("Every public answer, with its explanation and the role of its author."),
        [
            ID,
            ("contribution_id", _("contribution identifier")),
            ("consultation_id", _("consultation identifier")),
            ("version", _("version of the answer")),
            ("state", _("decision")),
            ("explanation", _("explanation")),
            ("author_role", _("role of the author (agent, admin)")),
            ("answered_at", _("date")),
        ],
        _decisions,
    ),
    Dataset(
        "results",
        _("Results"),
        _("What was decided and how far it went."),
        [
            ID,
            ("consultation_id", _("consultation identifier")),
            ("parent_id", _("parent result")),
            ("title", _("title")),
            ("description", _("description")),
            ("status", _("status")),
            ("progress", _("progress, 0 to 100")),
            ("starts_on", _("start")),
            ("ends_on", _("planned end")),
        ],
        _results,
    ),
]:
    registry.register(_dataset)
