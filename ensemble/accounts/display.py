"""The name a viewer may see of a person: one rule for every page, list and API.

It follows the person's "who can see my profile" choice (docs/users.md, privacy choices):

* the person themself and the network's administrators always see it;
* a deleted account is "Deleted participant" for everyone;
* nobody sees the name of an inactive (former) member;
* **everyone**: every viewer, logged in or not;
* **members of my territories**: logged-in people who share a territory with the person
  and whose email address is confirmed (joining a territory takes one click).
  Where the person appears inside a territory (a comment, a feed line, a contribution),
  pass it as `territory`: a viewer who is a member of it is answered without a query per
  person (the viewer's territories are read once per request); for other viewers, lists
  call `prime_visible_names` once so that their names cost no query per person either;
* **nobody (hidden)**: nobody else. Territory moderators and administrators get no
  exception here (they see members in their console's member list, not through this rule).

`visible_name` answers "" when the viewer may not see the name: callers say "a resident".
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ensemble.territories.models import Membership

from .models import User
from .predicates import has_verified_email

_TERRITORIES_MEMO = "_viewer_territory_ids"
_SHARED_MEMO = "_people_sharing_a_territory"


def viewer_territory_ids(viewer) -> frozenset[int]:
    """The territories the viewer belongs to, memoised on the user for the request."""
    if not getattr(viewer, "is_authenticated", False):
        return frozenset()
    if _TERRITORIES_MEMO not in viewer.__dict__:
        viewer.__dict__[_TERRITORIES_MEMO] = frozenset(
            Membership.objects.filter(user=viewer).values_list("territory_id", flat=True)
        )
    return viewer.__dict__[_TERRITORIES_MEMO]


def _is_network_admin(viewer) -> bool:
    return bool(getattr(viewer, "is_superuser", False) and viewer.is_active)


def _shares_a_territory(person: User, viewer) -> bool:
    memo = viewer.__dict__.setdefault(_SHARED_MEMO, {})
    if person.pk not in memo:
        territory_ids = viewer_territory_ids(viewer)
        memo[person.pk] = bool(territory_ids) and (
            Membership.objects.filter(user=person, territory_id__in=territory_ids).exists()
        )
    return memo[person.pk]


def may_see_person(person: User | None, viewer, *, territory=None) -> bool:
    """Whether the viewer may see who `person` is (their name, their profile page)."""
    if person is None:
        return False
    authenticated = bool(getattr(viewer, "is_authenticated", False))
    if authenticated and (viewer.pk == person.pk or _is_network_admin(viewer)):
        return True
    if not person.is_active:
        return False
    if person.profile_visibility == User.Visibility.PUBLIC:
        return True
    if person.profile_visibility != User.Visibility.MEMBERS or not authenticated:
        return False
    if not has_verified_email(viewer):
        return False  # "members": of a shared territory, with a confirmed address
    if territory is not None and getattr(territory, "pk", territory) in viewer_territory_ids(
        viewer
    ):
        return True
    return _shares_a_territory(person, viewer)


def names_audience(viewer, territory) -> str:
    """A key shared by the viewers who see the same names in `territory` (`may_see_person`):
    what a page lists about the territory's people may be kept once per audience.

    Visitors and people without a confirmed address see public profiles ("public"); confirmed
    members of the territory also see "members" profiles ("members"); network admins see
    everybody ("all"). Anyone else, and anyone whose own profile is more hidden than what
    their audience sees (they always see their own name), is an audience of one.
    """
    if not getattr(viewer, "is_authenticated", False):
        return "public"
    if _is_network_admin(viewer):
        return "all"
    own = viewer.profile_visibility
    if not has_verified_email(viewer):
        return "public" if own == User.Visibility.PUBLIC else f"user:{viewer.pk}"
    if getattr(territory, "pk", territory) in viewer_territory_ids(viewer) and own in (
        User.Visibility.PUBLIC,
        User.Visibility.MEMBERS,
    ):
        return "members"
    return f"user:{viewer.pk}"


def visible_name(person: User | None, viewer, *, territory=None) -> str:
    """The person's display name if the viewer may see it, else "" (say "a resident")."""
    if person is not None and person.erased_at is not None:
        return _("Deleted participant")
    if may_see_person(person, viewer, territory=territory):
        return person.display_name
    return ""


def prime_visible_names(people: Iterable[User | None], viewer, *, territory=None) -> None:
    """Read in one query which of `people` share a territory with the viewer, so that
    `visible_name` costs no query per person in a list (none at all when the viewer is a
    member of the `territory` where they appear)."""
    if not getattr(viewer, "is_authenticated", False) or not has_verified_email(viewer):
        return
    if territory is not None and getattr(territory, "pk", territory) in viewer_territory_ids(
        viewer
    ):
        return
    memo = viewer.__dict__.setdefault(_SHARED_MEMO, {})
    wanted = {
        person.pk
        for person in people
        if person is not None
        and person.profile_visibility == User.Visibility.MEMBERS
        and person.pk not in memo
    }
    if not wanted:
        return
    territory_ids = viewer_territory_ids(viewer)
    shared = set()
    if territory_ids:
        shared = set(
            Membership.objects.filter(user_id__in=wanted, territory_id__in=territory_ids)
            .values_list("user_id", flat=True)
            .distinct()
        )
    memo.update({pk: pk in shared for pk in wanted})
