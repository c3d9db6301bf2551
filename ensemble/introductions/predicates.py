"""Who stands where in an introduction; each predicate takes (user, introduction).

The inbox annotates `viewer_on_team` and `viewer_in_organisation` on each
introduction (selectors.introduction_list): the predicates then ask no query.
"""

import rules

from ensemble.actors.models import OrganisationMember
from ensemble.projects.predicates import project_role

from .models import Introduction


def belongs_to_organisation(user, organisation_id: int | None, *, owner: bool = False) -> bool:
    if organisation_id is None or not getattr(user, "is_authenticated", False):
        return False
    memberships = OrganisationMember.objects.filter(organisation_id=organisation_id, user=user)
    if owner:
        memberships = memberships.filter(role=OrganisationMember.Role.OWNER)
    return memberships.exists()


def _on_need_team(user, introduction: Introduction) -> bool:
    annotated = getattr(introduction, "viewer_on_team", None)
    if annotated is not None:
        return annotated
    return project_role(user, introduction.need.project) is not None


@rules.predicate
def is_on_need_team(user, introduction: Introduction) -> bool:
    return _on_need_team(user, introduction)


@rules.predicate
def is_requester(user, introduction: Introduction) -> bool:
    return getattr(user, "pk", None) == introduction.requested_by_id


@rules.predicate
def is_recipient(user, introduction: Introduction) -> bool:
    """The person who must answer: the target (or its organisation's members), or, for an
    offer of help, the project team."""
    if not getattr(user, "is_authenticated", False):
        return False
    if introduction.kind == Introduction.Kind.OFFER:
        return _on_need_team(user, introduction)
    if introduction.to_user_id is not None:
        return introduction.to_user_id == user.pk
    annotated = getattr(introduction, "viewer_in_organisation", None)
    if annotated is not None:
        return annotated
    return belongs_to_organisation(user, introduction.to_organisation_id)


@rules.predicate
def is_pending(user, introduction: Introduction) -> bool:
    return introduction.status == Introduction.Status.REQUESTED


@rules.predicate
def is_accepted(user, introduction: Introduction) -> bool:
    return introduction.status == Introduction.Status.ACCEPTED
