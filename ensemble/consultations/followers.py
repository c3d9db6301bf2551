"""What the apps above do when a consultation becomes public, or stops being public.

Residents find a public consultation's contributions in search; when it
becomes internal, its words must leave the search at once. The consultations
app does not know the contributions: the contributions app registers a
`PublicityFollower` here (from its `registrations.py`) and the consultation
services call every follower when the publicity changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class PublicityFollower:
    key: str
    became_public: Callable  # (consultation) -> None; may defer the work to a task
    became_hidden: Callable  # (consultation) -> None; immediate, inside the transaction

    @property
    def label(self) -> str:
        return self.key


followers: Registry[PublicityFollower] = Registry("consultation publicity followers")


def publicity_changed(consultation, *, was_public: bool) -> None:
    is_public = consultation.is_public
    for follower in followers:
        if was_public and not is_public:
            follower.became_hidden(consultation)
        elif is_public and not was_public:
            follower.became_public(consultation)
