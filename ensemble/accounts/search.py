"""How people are found by the search (registered from `registrations.py`).

People who show their profile, never their email address: to everybody
(public profiles) or to who shares a territory with them ("members").
"""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)
from ensemble.search.models import SearchEntry
from ensemble.territories.models import Membership

from .models import User


class PersonProvider(SearchProvider):
    kind = "person"
    label = _("Person")
    model = User
    position = 30
    VISIBILITIES = {
        User.Visibility.PUBLIC: SearchEntry.Visibility.PUBLIC,
        User.Visibility.MEMBERS: SearchEntry.Visibility.MEMBERS,
    }

    def queryset(self) -> QuerySet[User]:
        # `offers` is the people's offers of help (actors): named by its relation, as
        # accounts sits below actors; inactive ones are left out by `document()`.
        return (
            User.objects.filter(is_active=True, profile_visibility__in=list(self.VISIBILITIES))
            .prefetch_related("offers", "memberships")
            .order_by("pk")
        )

    def document(self, person: User) -> Document | None:
        visibility = self.VISIBILITIES.get(person.profile_visibility)
        if not person.is_active or visibility is None:
            return None
        skills = person.skills if isinstance(person.skills, list) else []
        offers = [
            join_text(offer.title, offer.skill) for offer in person.offers.all() if offer.is_active
        ]
        return Document(
            kind=self.kind,
            object_id=person.pk,
            territory_id=None,
            title=person.display_name or str(person.pk),
            summary=person.bio[:SUMMARY_LENGTH],
            body=join_text(person.bio, *skills, *offers),
            visibility=visibility,
            territory_ids=tuple(m.territory_id for m in person.memberships.all()),
        )

    def url(self, entry) -> str:
        return reverse_or_empty("home:profile", pk=entry.object_id)

    def visible_to(self, viewer) -> Q:
        """People who show their profile to members, to who shares a territory; oneself."""
        viewer_territories = Membership.objects.filter(user=viewer).values("territory_id")
        neighbours = Membership.objects.filter(territory_id__in=viewer_territories).values(
            "user_id"
        )
        return Q(kind=self.kind, object_id__in=neighbours) | Q(kind=self.kind, object_id=viewer.pk)
