from datetime import datetime

from ninja import Schema

from .display import object_url, visible_actor


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


def _absolute(context, obj) -> str:
    url = object_url(obj)
    return context["request"].build_absolute_uri(url) if url else ""


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

    @staticmethod
    def resolve_verb_label(obj) -> str:
        return str(obj.get_verb_display())

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
