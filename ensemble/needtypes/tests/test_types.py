"""Each need type validates what its needs and offers carry."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ensemble.core.registry import NotRegistered
from ensemble.needtypes.types import NeedType, kind_choices, need_type, need_types, registry


def _errors(kind: str, **values) -> dict:
    values = {"quantity": None, "amount": None, "skill": "", **values}
    try:
        need_type(kind).need_check(**values)
    except ValidationError as error:
        return error.message_dict
    return {}


def test_kinds_are_listed_in_registration_order_with_their_labels():
    assert [kind for kind, _label in kind_choices()] == [t.kind for t in need_types()] == [
        "volunteers", "skills", "premises", "funding", "equipment", "expertise",
        "communication", "partnership",
    ]  # fmt: skip
    assert dict(kind_choices())["funding"] == need_type("funding").label


def test_an_unknown_kind_is_not_registered():
    with pytest.raises(NotRegistered):
        need_type("unicorns")


@pytest.mark.parametrize("kind", ["volunteers", "skills"])
def test_people_needs_count_at_least_one_person(kind):
    skill = "Menuiserie" if kind == "skills" else ""
    assert _errors(kind, quantity=3, skill=skill) == {}
    assert set(_errors(kind, quantity=0, skill=skill)) == {"quantity"}


@pytest.mark.parametrize("kind", ["premises", "funding", "equipment", "partnership"])
def test_a_need_that_counts_no_people_refuses_a_quantity(kind):
    assert set(_errors(kind, quantity=2)) == {"quantity"}


def test_only_funding_has_an_amount_and_it_is_positive():
    assert _errors("funding", amount=Decimal("500")) == {}
    assert set(_errors("funding", amount=Decimal("0"))) == {"amount"}
    assert set(_errors("premises", amount=Decimal("500"))) == {"amount"}


def test_only_skills_needs_name_a_skill_and_must():
    assert set(_errors("skills")) == {"skill"}
    assert set(_errors("skills", skill="   ")) == {"skill"}
    assert set(_errors("volunteers", skill="Menuiserie")) == {"skill"}


def test_an_offer_keeps_its_skill_only_when_its_kind_names_one():
    assert need_type("skills").offer_skill("  Menuiserie ") == "Menuiserie"
    assert need_type("equipment").offer_skill("Menuiserie") == ""
    with pytest.raises(ValidationError) as error:
        need_type("skills").offer_skill(" ")
    assert set(error.value.message_dict) == {"skill"}


def test_an_offer_of_the_same_kind_meets_a_need_fully_others_partly_or_not():
    skills = need_type("skills")
    assert skills.offer_fit("skills") == 1.0
    assert skills.offer_fit("expertise") == 0.6
    assert skills.offer_fit("funding") == 0.0


def test_a_new_kind_is_one_registered_class():
    class Transport(NeedType):
        kind = "transport"
        label = "Transport"

    registry.register(Transport)
    try:
        assert need_type("transport").offer_fit("transport") == 1.0
        assert ("transport", "Transport") in kind_choices()
        assert set(_errors("transport", skill="x")) == {"skill"}
    finally:
        registry.unregister("transport")


def test_each_kind_declares_the_details_it_asks():
    assert need_type("premises").details == ("surface", "schedule")
    assert need_type("funding").details == ("amount",)
    assert need_type("volunteers").details == ("quantity",)
    assert need_type("skills").details == ("quantity", "skill")


@pytest.mark.parametrize(
    ("kind", "values", "field"),
    [("premises", {"surface": 0}, "surface"), ("funding", {"surface": 40}, "surface"),
     ("volunteers", {"schedule": "Le samedi"}, "schedule")],
)  # fmt: skip
def test_a_detail_the_kind_does_not_ask_or_a_bad_surface_is_refused(kind, values, field):
    with pytest.raises(ValidationError) as refused:
        need_type(kind).need_check(quantity=None, amount=None, skill="", **values)
    assert field in refused.value.message_dict


def test_premises_take_a_surface_and_a_schedule():
    checked = need_type("premises").need_check(
        quantity=None, amount=None, skill="", surface=40, schedule="Le samedi matin"
    )
    assert checked is None  # no error
