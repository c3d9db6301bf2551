"""Permission matrices: who × object state → allowed, as parametrised pytest cases.

A matrix names, for each permission and each state of the object, the people who
hold it; everyone else in the cast is refused. `matrix_cases` turns it into one
pytest case per (permission, state, person) with an id that reads as a sentence,
``answer_introduction-accepted-recipient-refused``, so a failure says who got
what wrong::

    PEOPLE = rules.people(author=lambda cast: cast.obj.author)
    MATRIX = {
        "messaging.report_message": {"visible": {"member"}, "hidden": set()},
    }

    @pytest.mark.parametrize(rules.CASE, rules.matrix_cases(MATRIX, PEOPLE))
    def test_matrix(territory, other_territory, perm, state, who, allowed):
        message = make_message(territory, state)
        user = PEOPLE[who](rules.Cast(territory, other_territory, message))
        rules.assert_perm(user, perm, message, allowed)

`matrix_cases` refuses, when the tests are collected, a matrix that names someone
absent from the cast, and a permission that nobody holds, that everybody holds,
or that accepts as many people as it refuses: a permission test shows who may
and, mostly, who may not. Django grants every permission to an active
superuser, so "network admin" appears in every allowed set where it is cast.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.territories.roles import Role

from .factories import UserFactory, member

# The argument names of every matrix case, in order.
CASE = "perm, state, who, allowed"

# The single state of an object whose permissions do not depend on its state.
ANY = "any"


@dataclass
class Cast:
    """What a person is built from: the territory, another one, and the object."""

    territory: Any
    other_territory: Any = None
    obj: Any = None
    extra: dict = field(default_factory=dict)


Builder = Callable[[Cast], Any]

# Everyone a territory knows, from nobody to the network admin.
TERRITORY_PEOPLE: dict[str, Builder] = {
    "anonymous": lambda cast: AnonymousUser(),
    "outsider": lambda cast: UserFactory(),
    "unverified member": lambda cast: member(cast.territory, verified=False),
    "member of another territory": lambda cast: member(cast.other_territory),
    "member": lambda cast: member(cast.territory),
    "agent": lambda cast: member(cast.territory, Role.AGENT),
    "moderator": lambda cast: member(cast.territory, Role.MODERATOR),
    "moderator of another territory": lambda cast: member(cast.other_territory, Role.MODERATOR),
    "territory admin": lambda cast: member(cast.territory, Role.ADMIN),
    "network admin": lambda cast: UserFactory(is_superuser=True),
}

NETWORK_ADMIN = "network admin"


def people(*, without: Iterable[str] = (), **extra: Builder) -> dict[str, Builder]:
    """The territory's people, less `without`, plus the object's own (author, owner…).

    Keyword names use underscores; they are cast with spaces: ``team_member=`` is
    "team member".
    """
    cast = {who: build for who, build in TERRITORY_PEOPLE.items() if who not in set(without)}
    for name, build in extra.items():
        cast[name.replace("_", " ")] = build
    return cast


def _by_state(allowed: Mapping | set) -> Mapping[str, set]:
    return allowed if isinstance(allowed, Mapping) else {ANY: allowed}


def _check(matrix: Mapping, cast: Iterable[str], balanced: bool) -> None:
    cast = set(cast)
    for perm, states in matrix.items():
        states = _by_state(states)
        for state, allowed in states.items():
            unknown = set(allowed) - cast
            if unknown:
                raise ValueError(f"{perm} [{state}] names people not cast: {sorted(unknown)}")
        if not balanced:
            continue
        accepted = sum(len(allowed) for allowed in states.values())
        refused = len(cast) * len(states) - accepted
        if not accepted or refused <= accepted:
            raise ValueError(
                f"{perm} accepts {accepted} and refuses {refused} (person, state) pairs: "
                "a matrix shows who may and, mostly, who may not."
            )


def _slug(text: str) -> str:
    return str(text).replace(" ", "_")


def matrix_cases(
    matrix: Mapping[str, Mapping[str, set] | set],
    cast: Iterable[str],
    *,
    balanced: bool = True,
) -> list:
    """One `pytest.param(perm, state, who, allowed)` per permission × state × person.

    `matrix` maps a permission to ``{state: people who hold it}``, or directly to
    the set of people when the object has one state (the state is then `ANY`).
    """
    cast = list(cast)
    _check(matrix, cast, balanced)
    cases = []
    for perm in sorted(matrix):
        for state, allowed in _by_state(matrix[perm]).items():
            for who in cast:
                verdict = who in allowed
                name = "-".join(
                    [
                        perm.split(".")[-1],
                        _slug(state),
                        _slug(who),
                        "allowed" if verdict else "refused",
                    ]
                )
                cases.append(pytest.param(perm, state, who, verdict, id=name))
    return cases


def person_cases(
    matrix: Mapping[str, Mapping[str, set] | set],
    cast: Iterable[str],
    *,
    balanced: bool = True,
) -> list:
    """One `pytest.param(state, who, expected)` per state × person, `expected` mapping each
    permission of that state to whether `who` holds it.

    The same table as `matrix_cases`, for objects that are slow to build: one object and one
    person per case, every permission checked (`assert_perms` names each one it gets wrong).
    """
    cast = list(cast)
    _check(matrix, cast, balanced)
    states: dict[str, dict[str, set]] = {}
    for perm in sorted(matrix):
        for state, allowed in _by_state(matrix[perm]).items():
            states.setdefault(state, {})[perm] = set(allowed)
    return [
        pytest.param(
            state,
            who,
            {perm: who in allowed for perm, allowed in perms.items()},
            id=f"{_slug(state)}-{_slug(who)}",
        )
        for state, perms in states.items()
        for who in cast
    ]


# The argument names of every `person_cases` case, in order.
PERSON_CASE = "state, who, expected"


def assert_perms(user, obj, expected: Mapping[str, bool]) -> None:
    """For each permission, `user.has_perm(perm, obj)` is what `expected` says."""
    wrong = {
        perm: "should hold" if allowed else "should not hold"
        for perm, allowed in expected.items()
        if user.has_perm(perm, obj) is not allowed
    }
    assert not wrong, f"{user!r} on {obj!r}: {wrong}"


def assert_perm(user, perm: str, obj, allowed: bool) -> None:
    """`user.has_perm(perm, obj)` is `allowed`, with a message that says who it was."""
    held = user.has_perm(perm, obj)
    verb = "should hold" if allowed else "should not hold"
    assert held is allowed, f"{user!r} {verb} {perm} on {obj!r}"
