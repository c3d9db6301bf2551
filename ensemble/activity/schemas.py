from datetime import datetime

from ninja import Schema

from .display import object_url, visible_actor
from .verbs import line_url, verb_label


class ActorOut(Schema):
    id: int
    display_name: str


class ProjectRef(Schema):
    id: int
    title: str
    url: str


class NeedRef(Schema):
    id: int
    title: str
    kind: str


class UpdateRef(Schema):
    id: int
    title: str


class OrganisationRef(Schema):
    id: int
    name: str
    url: str


class ConsultationRef(Schema):
    id: int
    title: str
    url: str


class ContributionRef(Schema):
    id: int
    title: str
    kind: str
    url: str


class AnswerRef(Schema):
    id: int
    version: int
    state: str
    state_label: str
    url: str


class ResultRef(Schema):
    id: int
    title: str
    url: str


class ResultUpdateRef(Schema):
    id: int
    title: str
    status: str
    progress: int


class EventRef(Schema):
    id: int
    title: str
    starts_at: datetime
    url: str


def _absolute(context, obj, url=None) -> str:
    url = object_url(obj) if url is None else url
    return context["request"].build_absolute_uri(url) if url else ""


def _titled(context, obj):
    return (
        None if obj is None else {"id": obj.pk, "title": obj.title, "url": _absolute(context, obj)}
    )


class ActivityOut(Schema):
    id: int
    verb: str
    verb_label: str
    created_at: datetime
    territory: str
    actor: ActorOut | None
    project: ProjectRef | None
    need: NeedRef | None
    update: UpdateRef | None
    organisation: OrganisationRef | None
    consultation: ConsultationRef | None
    contribution: ContributionRef | None
    answer: AnswerRef | None
    result: ResultRef | None
    result_update: ResultUpdateRef | None
    event: EventRef | None

    @staticmethod
    def resolve_verb_label(obj) -> str:
        return str(verb_label(obj.verb))

    @staticmethod
    def resolve_territory(obj) -> str:
        return obj.territory.slug

    @staticmethod
    def resolve_actor(obj, context):
        actor = visible_actor(obj, context["request"].user)
        return None if actor is None else {"id": actor.pk, "display_name": actor.display_name}

    @staticmethod
    def resolve_project(obj, context):
        project = obj.project
        if project is None:
            return None
        return {"id": project.pk, "title": project.title, "url": _absolute(context, project)}

    @staticmethod
    def resolve_organisation(obj, context):
        organisation = obj.organisation
        if organisation is None:
            return None
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "url": _absolute(context, organisation),
        }

    @staticmethod
    def resolve_consultation(obj, context):
        return _titled(context, obj.consultation)

    @staticmethod
    def resolve_contribution(obj, context):
        contribution = obj.contribution
        if contribution is None:
            return None
        return {**_titled(context, contribution), "kind": contribution.kind}

    @staticmethod
    def resolve_answer(obj, context):
        answer = obj.answer
        if answer is None:
            return None
        return {
            "id": answer.pk,
            "version": answer.version,
            "state": answer.state,
            "state_label": str(answer.get_state_display()),
            "url": _absolute(context, obj.contribution, line_url(obj)),
        }

    @staticmethod
    def resolve_result(obj, context):
        return _titled(context, obj.result)

    @staticmethod
    def resolve_event(obj, context):
        event = obj.event
        if event is None:
            return None
        return {**_titled(context, event), "starts_at": event.starts_at}
