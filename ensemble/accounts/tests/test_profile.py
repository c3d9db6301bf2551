import pytest
from django.urls import reverse

from ensemble.accounts.tokens import api_token_create
from ensemble.testing.factories import NeighbourhoodFactory, UserFactory, member
from ensemble.testing.images import not_an_image, oversized_upload, png_upload

pytestmark = pytest.mark.django_db

EDIT = reverse("accounts:profile_edit")


def profile_form(**overrides):
    data = {
        "display_name": "Yanis M.",
        "bio": "Bricoleur du dimanche.",
        "kinds": ["resident"],
        "skills": "menuiserie, comptabilité, Menuiserie",
        "profile_visibility": "members",
        "contactable": "on",
    }
    data.update(overrides)
    return data


def test_profile_edit_needs_login(client):
    response = client.get(EDIT)
    assert response.status_code == 302


def test_profile_saves_and_normalises_skills(client, territory):
    user = member(territory)
    neighbourhood = NeighbourhoodFactory(territory=territory)
    client.force_login(user)
    response = client.post(EDIT, profile_form(neighbourhood=neighbourhood.pk, avatar=png_upload()))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.skills == ["menuiserie", "comptabilité"]
    assert user.neighbourhood == neighbourhood
    assert user.avatar.name.endswith(".webp")


def test_neighbourhood_of_a_territory_one_is_not_member_of_is_refused(client, other_territory):
    user = UserFactory()
    client.force_login(user)
    foreign = NeighbourhoodFactory(territory=other_territory)
    response = client.post(EDIT, profile_form(neighbourhood=foreign.pk))
    assert response.status_code == 400
    assert "neighbourhood" in response.context["form"].errors
    user.refresh_from_db()
    assert user.neighbourhood is None


@pytest.mark.parametrize("upload", [oversized_upload, not_an_image])
def test_bad_avatar_keeps_everything_typed_and_changes_nothing(client, upload):
    user = UserFactory(display_name="Avant")
    client.force_login(user)
    response = client.post(EDIT, profile_form(avatar=upload()))
    assert response.status_code == 400
    assert "avatar" in response.context["form"].errors
    assert "Bricoleur du dimanche." in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Avant" and not user.avatar


def test_too_long_bio_names_the_field(client):
    client.force_login(UserFactory())
    response = client.post(EDIT, profile_form(bio="x" * 1001))
    assert response.status_code == 400
    assert "bio" in response.context["form"].errors


def test_null_skills_in_a_patch_clear_the_list_instead_of_a_server_error(client):
    person = UserFactory(skills=["Comptabilité"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=person)}"}
    response = client.patch(
        "/api/v1/me", {"display_name": "Karim Benali", "skills": None},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert response.status_code == 200
    assert response.json()["skills"] == []


def test_the_neighbourhoods_are_grouped_by_territory(client, territory, other_territory):
    user = member(territory)
    from ensemble.territories.services import membership_join

    membership_join(user=user, territory=other_territory)
    NeighbourhoodFactory(territory=territory, name="Zola")
    NeighbourhoodFactory(territory=other_territory, name="Alma")
    NeighbourhoodFactory(territory=territory, name="Blagis")
    client.force_login(user)
    page = client.get(EDIT).content.decode()
    first, second = sorted([territory.name, other_territory.name])
    assert page.count("<optgroup") == 2
    assert page.index(f'<optgroup label="{first}">') < page.index(f'<optgroup label="{second}">')
    group = page[page.index(f'<optgroup label="{territory.name}">') :]
    group = group[: group.index("</optgroup>")]
    assert group.index("Blagis") < group.index("Zola") and "Alma" not in group


def test_i_am_takes_several_choices_and_kind_stays_the_first(client, territory):
    user = member(territory)
    client.force_login(user)
    response = client.post(EDIT, profile_form(kinds=["association", "entrepreneur"]))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.kinds == ["association", "entrepreneur"] and user.kind == "association"
    response = client.post(EDIT, profile_form(kinds=["unicorn"]))
    assert response.status_code == 400 and "kinds" in response.context["form"].errors


def test_the_api_keeps_kind_and_adds_kinds(client):
    person = UserFactory(kind="resident")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=person)}"}
    me = client.get("/api/v1/me", **headers).json()
    assert me["kind"] == "resident" and me["kinds"] == ["resident"]

    def patch(data):
        return client.patch("/api/v1/me", data, content_type="application/json", **headers)

    response = patch({"kinds": ["public_agent", "resident", "public_agent"]})
    assert response.json()["kind"] == "public_agent"
    assert response.json()["kinds"] == ["public_agent", "resident"]
    response = patch({"kind": "resident"})
    assert response.json()["kinds"] == ["resident", "public_agent"]
    response = patch({"kinds": ["unicorn"]})
    assert response.status_code == 400 and "kinds" in response.json()["errors"]
