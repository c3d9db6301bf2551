"""Small makers of projects, needs, updates and organisations for this app's tests.

The projects and actors apps are written alongside; these create rows
directly so the feed and the map can be tested on their own.
"""

from datetime import timedelta

from django.utils import timezone

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.projects.models import Need, Project, ProjectMember, ProjectUpdate

Verb = Activity.Verb


def make_project(territory, *, status=Project.Status.PUBLISHED, owner=None, **fields):
    fields.setdefault("title", "Jardin partagé des Blagis")
    fields.setdefault("summary", "Un jardin ouvert à tous.")
    project = Project.objects.create(
        territory=territory,
        status=status,
        created_by=owner,
        published_at=timezone.now() if status == Project.Status.PUBLISHED else None,
        **fields,
    )
    if owner is not None:
        ProjectMember.objects.create(project=project, user=owner, role=ProjectMember.Role.OWNER)
    return project


def make_organisation(territory, *, owner=None, **fields):
    fields.setdefault("name", "Les Amis du Quartier")
    fields.setdefault("kind", Organisation.Kind.ASSOCIATION)
    organisation = Organisation.objects.create(territory=territory, created_by=owner, **fields)
    if owner is not None:
        OrganisationMember.objects.create(
            organisation=organisation, user=owner, role=OrganisationMember.Role.OWNER
        )
    return organisation


def make_need(project, **fields):
    fields.setdefault("kind", "volunteers")
    fields.setdefault("title", "Deux bénévoles le samedi")
    return Need.objects.create(project=project, territory=project.territory, **fields)


def make_update(project, author=None, **fields):
    fields.setdefault("title", "Première récolte")
    fields.setdefault("body", "Les tomates sont là.")
    return ProjectUpdate.objects.create(project=project, author=author, **fields)


def project_story(project, actor=None, *, minutes_ago=0):
    """Lines for a project: published, a need, an update (newest last)."""
    at = timezone.now() - timedelta(minutes=minutes_ago)
    need = make_need(project)
    update = make_update(project, actor)
    territory = project.territory
    return [
        activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=actor,
                        project=project, at=at - timedelta(seconds=3)),
        activity_record(territory=territory, verb=Verb.NEED_ADDED, actor=actor, project=project,
                        need=need, at=at - timedelta(seconds=2)),
        activity_record(territory=territory, verb=Verb.PROJECT_UPDATE, actor=actor,
                        project=project, update=update, at=at - timedelta(seconds=1)),
    ]  # fmt: skip


def consultation_story(territory, *, agent, follower=None, title="Mieux vivre ensemble"):
    """A public consultation through the services: opened, a workshop, an accepted
    contribution (followed by `follower`) answered, and a result that progresses.

    Returns (consultation, contribution, lines); the consultation is in its follow-up.
    """
    from ensemble.answers.services import answer_create
    from ensemble.consultations.services.consultations import consultation_publish
    from ensemble.consultations.services.workshops import workshop_create
    from ensemble.consultations.tests.factories import ConsultationFactory, lay_out_phases
    from ensemble.contributions.models import AnswerState, ContributionFollow
    from ensemble.contributions.tests.factories import ContributionFactory
    from ensemble.results.services import result_create, result_progress

    consultation = ConsultationFactory(
        territory=territory, title=title, status="draft", published_at=None, phase="follow_up"
    )
    consultation_publish(actor=agent, consultation=consultation)
    start = timezone.now() + timedelta(days=3)
    workshop_create(
        author=agent, consultation=consultation, title=f"Atelier {title}", starts_at=start,
        ends_at=start + timedelta(hours=2),
    )  # fmt: skip
    contribution = ContributionFactory(consultation=consultation, title=f"Idée {title}")
    if follower is not None:
        ContributionFollow.objects.create(contribution=contribution, user=follower)
    answer_create(
        author=agent, contribution=contribution, state=AnswerState.ACCEPTED,
        explanation="Accepté : les bancs seront installés au printemps, budget voté en conseil.",
    )  # fmt: skip
    lay_out_phases(consultation, "follow_up")
    result = result_create(
        author=agent, consultation=consultation, title=f"Résultat {title}",
        contributions=[contribution],
    )  # fmt: skip
    result_progress(
        author=agent, result=result, status="in_progress", progress=40, title="Travaux lancés"
    )
    lines = list(Activity.objects.filter(consultation=consultation))
    return consultation, contribution, lines


def consultation_line(territory, verb, *, actor=None, follower=None, index=0):
    """One line of a consultation verb with its own objects, made directly (fast, for the
    query counts); `follower` follows the contribution of an answer or a result."""
    from ensemble.answers.models import Answer
    from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
    from ensemble.contributions.models import ContributionFollow
    from ensemble.contributions.tests.factories import ContributionFactory
    from ensemble.results.models import Result, ResultUpdate

    consultation = ConsultationFactory(territory=territory, title=f"Consultation {index}")
    objects = {}
    if verb in (Verb.CONTRIBUTION_ANSWERED, Verb.RESULT_PROGRESSED):
        contribution = ContributionFactory(consultation=consultation, title=f"Idée {index}")
        if follower is not None:
            ContributionFollow.objects.create(contribution=contribution, user=follower)
        if verb == Verb.CONTRIBUTION_ANSWERED:
            answer = Answer.objects.create(
                contribution=contribution, consultation=consultation, version=1,
                state="accepted", explanation="Accepté, voté en conseil municipal.",
            )  # fmt: skip
            objects = {"contribution": contribution, "answer": answer}
        else:
            result = Result.objects.create(
                consultation=consultation, territory=territory, title=f"Résultat {index}"
            )
            result.contributions.add(contribution)
            update = ResultUpdate.objects.create(
                result=result, title="Travaux", status="in_progress", progress=50
            )
            objects = {"result": result, "result_update": update}
    elif verb == Verb.WORKSHOP_ANNOUNCED:
        objects = {"event": WorkshopFactory(consultation=consultation, title=f"Atelier {index}")}
    return activity_record(
        territory=territory, verb=verb, actor=actor, consultation=consultation, **objects
    )
