import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.actors import services
from ensemble.actors.models import Offer, Organisation
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db


def _count(org) -> int:
    return Organisation.objects.get(pk=org.pk).offers_count


def test_organisation_offers_keep_the_count_of_active_offers(territory):
    org = organisation(territory)
    offer = services.offer_create(
        actor=org_member(org), organisation=org, kind="volunteers", title="Des bras"
    )
    services.offer_create(actor=owner_of(org), organisation=org, kind="premises", title="Salle")
    assert _count(org) == 2 and offer.territory == territory
    services.offer_deactivate(actor=owner_of(org), offer=offer)
    services.offer_deactivate(actor=owner_of(org), offer=offer)  # twice counts once
    assert _count(org) == 1
    services.offer_update(actor=owner_of(org), offer=offer, data={"is_active": True})
    assert _count(org) == 2 == Offer.objects.filter(organisation=org, is_active=True).count()


def test_organisation_offer_refused_to_non_members(territory, other_territory):
    org = organisation(territory)
    for refused in [UserFactory(), member(territory), member(territory, Role.ADMIN),
                    member(other_territory)]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            services.offer_create(actor=refused, organisation=org, kind="funding", title="€")
    assert _count(org) == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "magic"}, "kind"),
        ({"kind": "skills", "skill": "  "}, "skill"),
        ({"title": ""}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"description": "x" * 2001}, "description"),
    ],
)
def test_bad_offers_are_named(territory, fields, field):
    org = organisation(territory)
    data = {"kind": "equipment", "title": "Outils"} | fields
    with pytest.raises(ValidationError) as error:
        services.offer_create(actor=owner_of(org), organisation=org, **data)
    assert field in error.value.message_dict
    assert _count(org) == 0


def test_skill_is_kept_only_for_kinds_that_name_one(territory):
    org = organisation(territory)
    skills = services.offer_create(actor=owner_of(org), organisation=org, kind="skills",
                                   title="Réparer", skill=" électronique ")  # fmt: skip
    other = services.offer_create(actor=owner_of(org), organisation=org, kind="premises",
                                  title="Salle", skill="ignored")  # fmt: skip
    assert skills.skill == "électronique" and other.skill == ""


def test_person_offers_in_territories_where_they_are_members(territory, other_territory):
    person = member(territory)
    offer = services.offer_create(actor=person, territory=territory, kind="skills",
                                  title="Comptabilité", skill="comptabilité",
                                  availability="Le samedi")  # fmt: skip
    assert offer.user == person and offer.organisation is None
    with pytest.raises(PermissionDenied):
        services.offer_create(actor=person, territory=other_territory, kind="skills",
                              title="x", skill="y")  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.offer_create(actor=member(territory, verified=False), territory=territory,
                              kind="volunteers", title="x")  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.offer_create(actor=person, kind="volunteers", title="no territory")
    with pytest.raises(PermissionDenied):
        services.offer_update(actor=member(territory), offer=offer, data={"title": "Pris"})
    services.offer_update(actor=person, offer=offer, data={"availability": "En semaine"})
    with pytest.raises(ValidationError):
        services.offer_update(actor=person, offer=offer, data={"user": UserFactory()})
