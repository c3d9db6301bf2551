"""Writes of the workbench: departments, assignments, private notes, draft answers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from ensemble.answers.models import Answer
from ensemble.answers.services import answer_create
from ensemble.audit.services import record
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.core.access import require
from ensemble.notifications.services import notify
from ensemble.territories.models import Membership
from ensemble.territories.roles import POWERS

from .models import AnswerDraft, Assignment, Department, PrivateNote


@transaction.atomic
def department_save(
    *, actor, territory, name: str, department: Department | None = None,
    is_retired: bool = False, members=(),
) -> Department:  # fmt: skip
    """Add a department, or rename it, change its agents, retire it (the territory's admins)."""
    require(actor, "workbench.manage_departments", territory)
    department = department or Department(territory=territory)
    before = None if department.pk is None else {
        "name": department.name, "is_retired": department.is_retired,
    }  # fmt: skip
    department.name, department.is_retired = (name or "").strip(), is_retired
    department.full_clean(validate_constraints=False)
    if Department.objects.filter(territory=territory, name__iexact=department.name).exclude(
        pk=department.pk
    ):
        raise ValidationError({"name": _("The territory already has a department of this name.")})
    department.save()
    members = list(members)
    _check_agents(territory, members, field="members")
    department.members.set(members)
    record(actor=actor, action="department.change", territory=territory, target=department,
           before=before, after={"name": department.name, "is_retired": is_retired,
                                 "members": sorted(m.pk for m in members)})  # fmt: skip
    return department


def _check_agents(territory, users, *, field: str) -> None:
    """Only the territory's agents and admins answer contributions."""
    pks = {user.pk for user in users}
    agents = set(
        Membership.objects.filter(
            territory=territory, user__in=pks, role__in=POWERS["agent"]
        ).values_list("user_id", flat=True)
    )
    if pks - agents:
        raise ValidationError({field: _("Choose public agents of the territory.")})


@transaction.atomic
def contribution_assign(
    *, actor, contribution: Contribution, agent=None, department: Department | None = None,
) -> Assignment:  # fmt: skip
    """Assign a contribution to an agent and/or a department; they are told."""
    require(actor, "workbench.assign", contribution)
    territory = contribution.territory
    if agent is None and department is None:
        raise ValidationError({"agent": _("Choose an agent or a department.")})
    if agent is not None:
        _check_agents(territory, [agent], field="agent")
    if department is not None and (
        department.territory_id != territory.pk or department.is_retired
    ):
        raise ValidationError({"department": _("Choose a department of the territory.")})
    assignment = Assignment.objects.select_for_update().filter(contribution=contribution).first()
    before = None
    if assignment is None:
        assignment = Assignment(contribution=contribution)
    else:
        before = {"agent": assignment.agent_id, "department": assignment.department_id}
    assignment.agent, assignment.department, assignment.assigned_by = agent, department, actor
    assignment.save()
    record(actor=actor, action="contribution.assign", territory=territory, target=contribution,
           person=agent, before=before,
           after={"agent": agent.pk if agent else None,
                  "department": department.pk if department else None})  # fmt: skip
    _notify_assigned(actor, contribution, agent, department)
    return assignment


def _notify_assigned(actor, contribution, agent, department) -> None:
    people = {agent} if agent is not None else set()
    if department is not None:
        people.update(department.members.all())
    people.discard(actor)
    url = contribution_workbench_url(contribution)
    for person in people:
        notify(
            user=person, kind="contribution_assigned", territory=contribution.territory, url=url,
            title=_("A contribution to answer: “%(title)s”") % {"title": contribution.title},
        )  # fmt: skip


def contribution_workbench_url(contribution: Contribution) -> str:
    return reverse(
        "workbench:contribution",
        kwargs={"territory_slug": contribution.territory.slug, "pk": contribution.pk},
    )


def contributions_assign_bulk(
    *, actor, contributions, agent=None, department: Department | None = None
) -> int:
    """Assign several contributions at once (each is one audit entry); returns how many."""
    with transaction.atomic():
        for contribution in contributions:
            contribution_assign(
                actor=actor, contribution=contribution, agent=agent, department=department
            )
    return len(contributions)


@transaction.atomic
def note_add(*, actor, contribution: Contribution, body: str) -> PrivateNote:
    require(actor, "workbench.add_note", contribution)
    note = PrivateNote(contribution=contribution, author=actor, body=(body or "").strip())
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def draft_save(
    *, actor, contribution: Contribution, state: str, explanation: str = "",
    decided_by: str = "", cost: Decimal | None = None, timeline: str = "",
) -> AnswerDraft:  # fmt: skip
    """Prepare (or change) the answer someone will publish; nothing is public yet."""
    require(actor, "workbench.prepare_answer", contribution)
    if contribution.answer_state:
        raise ValidationError({"state": _("This contribution is already answered.")})
    draft = AnswerDraft.objects.filter(contribution=contribution).first() or AnswerDraft(
        contribution=contribution
    )
    draft.state, draft.explanation = state, (explanation or "").strip()
    draft.decided_by, draft.cost = (decided_by or "").strip(), cost
    draft.timeline, draft.prepared_by = (timeline or "").strip(), actor
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def draft_publish(*, actor, contribution: Contribution) -> Answer:
    """Publish the prepared answer as the actor's, under the usual rules (the explanation)."""
    require(actor, "workbench.prepare_answer", contribution)
    draft = AnswerDraft.objects.select_for_update().filter(contribution=contribution).first()
    if draft is None:
        raise ValidationError({"state": _("No answer is prepared for this contribution.")})
    if draft.state not in AnswerState.values:
        raise ValidationError({"state": _("Unknown answer.")})
    answer = answer_create(
        author=actor, contribution=contribution, state=draft.state,
        explanation=draft.explanation, decided_by=draft.decided_by, cost=draft.cost,
        timeline=draft.timeline,
    )  # fmt: skip
    draft.delete()
    return answer
