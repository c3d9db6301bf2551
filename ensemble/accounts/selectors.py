from django.http import Http404

from ensemble.territories.models import Membership

from .models import User


def profile_is_visible(*, viewer, person: User) -> bool:
    """Public: everyone; members: people sharing a territory; hidden: only the person."""
    if getattr(viewer, "is_authenticated", False) and (
        viewer.pk == person.pk or viewer.is_superuser
    ):
        return True
    if person.profile_visibility == User.Visibility.PUBLIC:
        return person.is_active
    if person.profile_visibility == User.Visibility.MEMBERS and viewer.is_authenticated:
        shared = Membership.objects.filter(user=person).values("territory_id")
        return Membership.objects.filter(user=viewer, territory_id__in=shared).exists()
    return False


def profile_get(*, viewer, pk: int) -> User:
    """A profile the viewer may see, or 404 (a hidden profile does not exist for others)."""
    person = (
        User.objects.filter(pk=pk, is_active=True)
        .select_related("neighbourhood__territory")
        .prefetch_related("interests")
        .first()
    )
    if person is None or not profile_is_visible(viewer=viewer, person=person):
        raise Http404("No such person")
    return person
