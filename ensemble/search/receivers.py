"""Keeping the entries' territories (`SearchEntry.scope`) true when memberships change.

A person's entry lists the territories they are members of, so that a
territory's search finds its members inside the full-text index. Memberships
are written by the territories app, which sits below the search (it cannot
call it): the search listens to their saves and deletions instead.
"""

from django.db.models.signals import post_delete, post_save

from ensemble.territories.models import Membership

from .indexing import index_object


def _reindex_member(sender, instance: Membership, **kwargs) -> None:
    origin = kwargs.get("origin")  # what a deletion started from
    if origin is not None and not (
        isinstance(origin, Membership) or getattr(origin, "model", None) is Membership
    ):
        return  # a cascade (the person or territory is deleted): their deletion unindexes
    index_object(instance.user)


def connect() -> None:
    post_save.connect(_reindex_member, sender=Membership, dispatch_uid="search_membership_saved")
    post_delete.connect(
        _reindex_member, sender=Membership, dispatch_uid="search_membership_deleted"
    )
