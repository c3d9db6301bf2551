"""What each searchable model looks like to the search: one provider per kind.

A provider turns an object into a `Document` (the text to index and who may
find it), or None when the object must not be found: a draft or archived
project, a hidden profile, a deactivated account. Adding a searchable kind is
one provider here plus a choice in `SearchEntry.Kind`.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.participation.models import Consultation, Contribution
from ensemble.projects.models import Need, Project

from .models import SearchEntry

SUMMARY_LENGTH = 300


@dataclass(frozen=True)
class Document:
    kind: str
    object_id: int
    territory_id: int | None
    title: str
    summary: str
    body: str
    visibility: str = SearchEntry.Visibility.PUBLIC


def _join(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)


def _reverse(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:  # the page does not exist (yet): the result is shown unlinked
        return ""


class ProjectProvider:
    kind = SearchEntry.Kind.PROJECT
    model = Project

    def queryset(self) -> QuerySet[Project]:
        return (
            Project.objects.published()
            .select_related("neighbourhood")
            .prefetch_related(
                "themes",
                Prefetch("needs", queryset=Need.objects.open()),
            )
            .order_by("pk")
        )

    def document(self, project: Project) -> Document | None:
        if project.status != Project.Status.PUBLISHED:
            return None
        needs = [
            _join(need.title, need.skill)
            for need in project.needs.all()
            if need.status == Need.Status.OPEN
        ]
        return Document(
            kind=self.kind,
            object_id=project.pk,
            territory_id=project.territory_id,
            title=project.title,
            summary=project.summary[:SUMMARY_LENGTH],
            body=_join(
                project.description,
                project.address,
                project.neighbourhood.name if project.neighbourhood else "",
                *(theme.name for theme in project.themes.all()),
                *needs,
            ),
        )

    def url(self, entry: SearchEntry) -> str:
        return _reverse("projects:detail", territory_slug=entry.territory.slug, pk=entry.object_id)


class OrganisationProvider:
    kind = SearchEntry.Kind.ORGANISATION
    model = Organisation

    def queryset(self) -> QuerySet[Organisation]:
        return (
            Organisation.objects.select_related("neighbourhood")
            .prefetch_related("themes", Prefetch("offers", queryset=Offer.objects.active()))
            .order_by("pk")
        )

    def document(self, organisation: Organisation) -> Document | None:
        offers = [
            _join(offer.title, offer.skill)
            for offer in organisation.offers.all()
            if offer.is_active
        ]
        return Document(
            kind=self.kind,
            object_id=organisation.pk,
            territory_id=organisation.territory_id,
            title=organisation.name,
            summary=(organisation.summary or organisation.description)[:SUMMARY_LENGTH],
            body=_join(
                organisation.description,
                organisation.address,
                organisation.neighbourhood.name if organisation.neighbourhood else "",
                *(theme.name for theme in organisation.themes.all()),
                *offers,
            ),
        )

    def url(self, entry: SearchEntry) -> str:
        return _reverse("actors:detail", territory_slug=entry.territory.slug, pk=entry.object_id)


class PersonProvider:
    """People who show their profile; never their email address."""

    kind = SearchEntry.Kind.PERSON
    model = User
    VISIBILITIES = {
        User.Visibility.PUBLIC: SearchEntry.Visibility.PUBLIC,
        User.Visibility.MEMBERS: SearchEntry.Visibility.MEMBERS,
    }

    def queryset(self) -> QuerySet[User]:
        return (
            User.objects.filter(is_active=True, profile_visibility__in=list(self.VISIBILITIES))
            .prefetch_related(Prefetch("offers", queryset=Offer.objects.active()))
            .order_by("pk")
        )

    def document(self, person: User) -> Document | None:
        visibility = self.VISIBILITIES.get(person.profile_visibility)
        if not person.is_active or visibility is None:
            return None
        skills = person.skills if isinstance(person.skills, list) else []
        offers = [
            _join(offer.title, offer.skill) for offer in person.offers.all() if offer.is_active
        ]
        return Document(
            kind=self.kind,
            object_id=person.pk,
            territory_id=None,
            title=person.display_name or str(person.pk),
            summary=person.bio[:SUMMARY_LENGTH],
            body=_join(person.bio, *skills, *offers),
            visibility=visibility,
        )

    def url(self, entry: SearchEntry) -> str:
        return _reverse("home:profile", pk=entry.object_id)


class ContributionProvider:
    """Open contributions of published public consultations.

    Contributions of internal (`agents`) or draft consultations, hidden ones
    and merged ones are not indexed at all: the index is what residents may
    find, and "who is an agent of which territory" is not something an entry's
    visibility can say. Agents find internal contributions on their pages.
    """

    kind = SearchEntry.Kind.CONTRIBUTION
    model = Contribution

    def queryset(self) -> QuerySet[Contribution]:
        return (
            Contribution.objects.filter(
                consultation__status=Consultation.Status.PUBLISHED,
                consultation__visibility=Consultation.Visibility.PUBLIC,
                is_hidden=False,
                merged_into__isnull=True,
            )
            .select_related("consultation", "neighbourhood")
            .prefetch_related("themes")
            .order_by("pk")
        )

    def document(self, contribution: Contribution) -> Document | None:
        consultation = contribution.consultation
        if (
            contribution.is_hidden
            or contribution.merged_into_id is not None
            or consultation.status != Consultation.Status.PUBLISHED
            or consultation.visibility != Consultation.Visibility.PUBLIC
        ):
            return None
        return Document(
            kind=self.kind,
            object_id=contribution.pk,
            territory_id=contribution.territory_id,
            title=contribution.title,
            summary=contribution.body[:SUMMARY_LENGTH],
            body=_join(
                contribution.body,
                contribution.address,
                contribution.neighbourhood.name if contribution.neighbourhood else "",
                *(theme.name for theme in contribution.themes.all()),
                consultation.title,
            ),
        )

    def url(self, entry: SearchEntry) -> str:
        # A short address that redirects to the contribution's page: no query per result.
        return _reverse(
            "participation:contribution_goto", territory_slug=entry.territory.slug,
            pk=entry.object_id,
        )  # fmt: skip


PROVIDERS = [ProjectProvider(), OrganisationProvider(), PersonProvider(), ContributionProvider()]
_BY_MODEL = {provider.model: provider for provider in PROVIDERS}
_BY_KIND = {provider.kind: provider for provider in PROVIDERS}


def provider_for(obj):
    """The provider of `obj`'s model (or of `obj`, a model), or None when it is not searchable."""
    for cls in (obj if isinstance(obj, type) else type(obj)).__mro__:
        if cls in _BY_MODEL:
            return _BY_MODEL[cls]
    return None


def provider_for_kind(kind: str):
    return _BY_KIND[kind]
