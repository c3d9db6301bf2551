from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ensemble.activity.models import Activity
from ensemble.needtypes.types import need_types
from ensemble.projects import services
from ensemble.projects.models import Need
from ensemble.testing.factories import member

from .factories import ProjectFactory, archived_project, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db


def add(project, actor=None, **kwargs):
    data = {"kind": "equipment", "title": "Des outils", **kwargs}
    return services.need_create(actor=actor or owner_of(project), project=project, **data)


def open_count(project):
    project.refresh_from_db()
    assert project.open_needs_count == project.needs.filter(status=Need.Status.OPEN).count()
    return project.open_needs_count


def valid_data(kind):
    data = {"kind": kind.kind}
    if kind.quantity_unit == "people":
        data["quantity"] = 4
    if kind.quantity_unit == "euros":
        data["amount"] = Decimal("1500")
    if kind.names_skill:
        data["skill"] = "menuiserie"
    return data


@pytest.mark.parametrize("kind", need_types(), ids=lambda t: t.kind)
def test_every_kind_accepts_its_own_fields(territory, kind):
    project = ProjectFactory(territory=territory)
    need = add(project, **valid_data(kind))
    assert need.territory == territory
    assert open_count(project) == 1


@pytest.mark.parametrize("kind", need_types(), ids=lambda t: t.kind)
def test_every_kind_refuses_fields_it_does_not_carry(territory, kind):
    project = ProjectFactory(territory=territory)
    wrong = {}
    if kind.quantity_unit != "people":
        wrong["quantity"] = 2
    if kind.quantity_unit != "euros":
        wrong["amount"] = Decimal("10")
    if not kind.names_skill:
        wrong["skill"] = "couture"
    for field, value in wrong.items():
        with pytest.raises(ValidationError) as error:
            add(project, **{**valid_data(kind), field: value})
        assert field in error.value.message_dict
    assert open_count(project) == 0


@pytest.mark.parametrize(
    "data, field",
    [({"kind": "unicorns"}, "kind"), ({"kind": "funding", "amount": Decimal("-5")}, "amount"),
     ({"kind": "volunteers", "quantity": 0}, "quantity"), ({"kind": "skills"}, "skill"),
     ({"title": ""}, "title"), ({"description": "x" * 100_000}, "description"),
     ({"deadline": timezone.localdate() - timedelta(days=1)}, "deadline")],
)  # fmt: skip
def test_bad_needs_name_the_field(territory, data, field):
    project = ProjectFactory(territory=territory)
    with pytest.raises(ValidationError) as error:
        add(project, **data)
    assert field in error.value.message_dict
    assert open_count(project) == 0


@pytest.mark.parametrize("who", ["member", "other territory"])
def test_outsiders_cannot_add(territory, other_territory, who):
    project = ProjectFactory(territory=territory)
    user = member(territory) if who == "member" else member(other_territory)
    with pytest.raises(PermissionDenied):
        add(project, actor=user)


def test_archived_project_takes_no_need(territory):
    project = archived_project(territory=territory)
    with pytest.raises(PermissionDenied):
        add(project)


def test_fulfil_and_reopen_keep_the_counter(territory):
    project = ProjectFactory(territory=territory)
    need = add(project, actor=team_member(project))
    assert Activity.objects.filter(verb=Activity.Verb.NEED_ADDED, need=need).exists()
    owner = owner_of(project)
    need = services.need_fulfil(actor=owner, need=need)
    need = services.need_fulfil(actor=owner, need=need)
    assert need.status == Need.Status.FULFILLED and need.fulfilled_at
    assert open_count(project) == 0
    assert Activity.objects.filter(verb=Activity.Verb.NEED_FULFILLED).count() == 1
    need = services.need_reopen(actor=owner, need=need)
    services.need_reopen(actor=owner, need=need)
    assert open_count(project) == 1
    with pytest.raises(PermissionDenied):
        services.need_fulfil(actor=member(territory), need=need)
    assert open_count(project) == 1


def test_draft_needs_leave_no_activity(territory):
    project = draft_project(territory=territory)
    add(project)
    assert not Activity.objects.exists()


def test_update_validates_against_the_type(territory):
    project = ProjectFactory(territory=territory)
    need = add(project, kind="volunteers", quantity=3)
    with pytest.raises(ValidationError) as error:
        services.need_update(actor=owner_of(project), need=need, data={"kind": "funding"})
    assert "quantity" in error.value.message_dict
    need = services.need_update(
        actor=owner_of(project), need=need,
        data={"kind": "funding", "quantity": None, "amount": Decimal("300")},
    )  # fmt: skip
    assert need.kind == "funding"
    with pytest.raises(ValidationError) as error:
        services.need_update(actor=owner_of(project), need=need, data={"project": None})
    assert "project" in error.value.message_dict
