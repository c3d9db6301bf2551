from django.http import Http404

from .display import may_see_person
from .models import User


def profile_is_visible(*, viewer, person: User) -> bool:
    """Public: everyone; members: people sharing a territory; hidden: only the person."""
    return may_see_person(person, viewer)


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
