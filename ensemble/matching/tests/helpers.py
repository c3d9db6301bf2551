"""Direct builders for matching tests (plain rows: matching only reads them)."""

from django.db.models import F
from django.utils import timezone

from ensemble.actors.models import Offer, Organisation, OrganisationMember
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.testing.factories import UserFactory, member


def organisation(territory, *, name="Maison de quartier", offers=(), members=(), **fields):
    fields.setdefault("kind", Organisation.Kind.ASSOCIATION)
    themes = fields.pop("themes", [])
    org = Organisation.objects.create(territory=territory, name=name, **fields)
    org.themes.set(themes)
    for person in members:
        OrganisationMember.objects.create(organisation=org, user=person)
    for kind, title, *rest in offers:
        Offer.objects.create(
            organisation=org, territory=territory, kind=kind, title=title,
            description=rest[0] if rest else "", skill=rest[1] if len(rest) > 1 else "",
        )  # fmt: skip
    return org


def person(territory, *, offers=(), interests=(), **fields):
    user = UserFactory(**fields)
    user.interests.set(interests)
    for kind, title, *rest in offers:
        Offer.objects.create(
            user=user, territory=territory, kind=kind, title=title,
            description=rest[0] if rest else "", skill=rest[1] if len(rest) > 1 else "",
        )  # fmt: skip
    return user


def project(territory, *, owner=None, themes=(), status=Project.Status.PUBLISHED, **fields):
    fields.setdefault("title", "Un projet")
    fields.setdefault("summary", "Un projet pour le quartier.")
    published = timezone.now() if status == Project.Status.PUBLISHED else None
    proj = Project.objects.create(
        territory=territory, status=status, published_at=published, **fields
    )
    proj.themes.set(themes)
    ProjectMember.objects.create(
        project=proj, user=owner or member(territory), role=ProjectMember.Role.OWNER
    )
    return proj


def need(proj, *, kind, title, description="", skill=""):
    created = Need.objects.create(
        project=proj, territory=proj.territory, kind=kind, title=title,
        description=description, skill=skill,
    )  # fmt: skip
    # Keep the stored counter true, as the projects services do.
    Project.objects.filter(pk=proj.pk).update(open_needs_count=F("open_needs_count") + 1)
    return created
