import pytest
from django.test import Client

from ensemble.actors import services
from ensemble.actors.models import Offer, Organisation
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.testing.links import links_to

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_directory_lists_home_and_partner_organisations_with_filters(territory, other_territory):
    blagis = NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="les-blagis")
    garden = organisation(territory, name="Jardiniers", neighbourhood=blagis)
    services.offer_create(actor=owner_of(garden), organisation=garden, kind="volunteers",
                          title="Des bénévoles")  # fmt: skip
    organisation(territory, name="Lycée", kind=Organisation.Kind.SCHOOL)
    organisation(other_territory, name="Coopérative lyonnaise", other_territories=[territory])
    organisation(other_territory, name="Seulement à Lyon")
    url = f"/{territory.slug}/organisations/"
    html = _client().get(url).content.decode()
    assert "Jardiniers" in html and "Lycée" in html and "Coopérative lyonnaise" in html
    assert "Seulement à Lyon" not in html
    assert "Volunteers" in html or "Bénévoles" in html
    filtered = _client().get(url, {"neighbourhood": "les-blagis", "offer_kind": "volunteers"})
    assert "Jardiniers" in filtered.content.decode()
    assert "Lycée" not in filtered.content.decode()
    # Unknown filter values are ignored rather than refused.
    assert _client().get(url, {"kind": "nope", "sort": "x", "page": "999"}).status_code == 200


def test_detail_shows_contact_to_signed_in_members_only(territory, other_territory):
    org = organisation(territory, contact_email="contact@jardins.example",
                       description="<script>alert(1)</script>**Bonjour**")  # fmt: skip
    url = f"/{territory.slug}/organisations/{org.pk}/"
    anonymous = _client().get(url).content.decode()
    assert "contact@jardins.example" not in anonymous and "<script>alert" not in anonymous
    assert "<strong>Bonjour</strong>" in anonymous
    assert (
        "contact@jardins.example" not in _client(member(other_territory)).get(url).content.decode()
    )
    assert "contact@jardins.example" in _client(member(territory)).get(url).content.decode()


def test_detail_of_another_territorys_organisation_is_404(territory, other_territory):
    org = organisation(other_territory)
    assert _client().get(f"/{territory.slug}/organisations/{org.pk}/").status_code == 404
    assert _client().get(f"/{territory.slug}/organisations/999999/").status_code == 404


def test_create_page(territory):
    user = member(territory)
    theme = ThemeFactory()
    url = f"/{territory.slug}/organisations/nouvelle/"
    assert _client().get(url).status_code == 302
    assert _client(member(territory, verified=False)).get(url).status_code == 403
    assert _client(UserFactory()).get(url).status_code == 403
    response = _client(user).post(url, {"name": "", "kind": "association", "summary": "Gardé"})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert 'value="Gardé"' in response.content.decode()
    other_theme = ThemeFactory(territory=member(territory) and None)
    response = _client(user).post(url, {"name": "Repair Café", "kind": "association",
                                        "themes": [theme.pk, other_theme.pk]})  # fmt: skip
    org = Organisation.objects.get()
    assert response.status_code == 302 and response.url == org.get_absolute_url()
    assert owner_of(org) == user


def test_create_refuses_a_theme_of_another_territory(territory, other_territory):
    foreign = ThemeFactory(territory=other_territory)
    response = _client(member(territory)).post(
        f"/{territory.slug}/organisations/nouvelle/",
        {"name": "X", "kind": "association", "themes": [foreign.pk]},
    )
    assert response.status_code == 400 and not Organisation.objects.exists()


def test_edit_page_refusals_and_not_an_image(territory, other_territory):
    org = organisation(territory, name="Avant")
    url = f"/{territory.slug}/organisations/{org.pk}/modifier/"
    assert _client().get(url).status_code == 302
    for refused in [member(territory), org_member(org), member(territory, Role.ADMIN),
                    member(other_territory)]:  # fmt: skip
        assert _client(refused).get(url).status_code == 403
    from ensemble.testing.images import not_an_image

    owner = _client(owner_of(org))
    response = owner.post(url, {"name": "Après", "kind": "association", "logo": not_an_image()})
    assert response.status_code == 400 and "logo" in response.context["form"].errors
    response = owner.post(url, {"name": "Après", "kind": "association"})
    assert response.status_code == 302
    assert Organisation.objects.get().name == "Après"


def test_verify_button(territory, other_territory):
    org = organisation(territory)
    url = f"/{territory.slug}/organisations/{org.pk}/verifier/"
    assert _client(member(other_territory, Role.ADMIN)).post(url).status_code == 403
    assert _client(owner_of(org)).post(url).status_code == 403
    assert _client(member(territory, Role.ADMIN)).post(url).status_code == 302
    assert Organisation.objects.get().is_verified
    detail = _client().get(org.get_absolute_url()).content.decode()
    assert "badge--verified" in detail


def test_members_page(territory):
    org = organisation(territory)
    someone = member(territory)
    url = f"/{territory.slug}/organisations/{org.pk}/membres/"
    assert _client(someone).get(url).status_code == 403
    assert _client(someone).post(url, {"email": someone.email, "role": "member"}).status_code == 403
    owner = _client(owner_of(org))
    # The same answer whether or not the address has an account.
    unknown = owner.post(url, {"email": "nobody@example.org", "role": "member"}, follow=True)
    known = owner.post(url, {"email": someone.email, "role": "member"}, follow=True)
    assert unknown.status_code == known.status_code == 200
    assert [str(m) for m in unknown.context["messages"]] == [
        str(m) for m in known.context["messages"]
    ]
    assert _client(someone).get(url).status_code == 403  # not a member before accepting
    invitation = someone.organisation_invitations.get()
    invitations = _client(someone).get("/me/organisations/invitations/")
    assert org.name in invitations.content.decode()
    accept = f"/me/organisations/invitations/{invitation.pk}/accepter/"
    assert _client(member(territory)).post(accept).status_code == 404  # not theirs
    assert _client(someone).post(accept).status_code == 302
    assert _client(someone).get(url).status_code == 200  # members see the list
    assert (
        _client(someone).post(f"{url}{org.memberships.get(user=someone).pk}/retirer/").status_code
        == 403
    )
    assert (
        _client(someone).post(f"/{territory.slug}/organisations/{org.pk}/quitter/").status_code
        == 302
    )
    assert Organisation.objects.get().members_count == 1


def test_organisation_offers_pages(territory):
    org = organisation(territory)
    url = f"/{territory.slug}/organisations/{org.pk}/offres/"
    assert _client(member(territory)).get(url).status_code == 403
    client = _client(org_member(org))
    response = client.post(url, {"kind": "skills", "title": "Réparer", "skill": ""})
    assert response.status_code == 400 and "skill" in response.context["form"].errors
    assert 'value="Réparer"' in response.content.decode()
    assert (
        client.post(
            url, {"kind": "skills", "title": "Réparer", "skill": "électronique"}
        ).status_code
        == 302
    )
    offer = Offer.objects.get()
    assert client.get(f"{url}{offer.pk}/").status_code == 200
    assert (
        client.post(f"{url}{offer.pk}/", {"kind": "premises", "title": "Salle"}).status_code == 302
    )
    assert client.post(f"{url}{offer.pk}/retirer/").status_code == 302
    assert Organisation.objects.get().offers_count == 0


def test_my_offers(territory, other_territory):
    person = member(territory)
    url = f"/{territory.slug}/mes-offres/"
    assert _client().get(url).status_code == 302
    outsider = _client(member(other_territory))
    assert outsider.get(url).status_code == 200
    assert outsider.post(url, {"kind": "volunteers", "title": "x"}).status_code == 403
    client = _client(person)
    response = client.post(url, {"kind": "", "title": "Menuiserie"})
    assert response.status_code == 400
    assert client.post(url, {"kind": "skills", "title": "Menuiserie", "skill": "menuiserie",
                             "availability": "Le samedi"}).status_code == 302  # fmt: skip
    offer = Offer.objects.get(user=person)
    assert _client(member(territory)).get(f"{url}{offer.pk}/").status_code == 404
    assert _client(member(territory)).post(f"{url}{offer.pk}/retirer/").status_code == 404
    assert client.post(f"{url}{offer.pk}/retirer/").status_code == 302
    assert not Offer.objects.get().is_active


def test_offer_chips_link_to_the_directory_filtered_by_them(territory):
    garden = organisation(territory, name="Jardiniers")
    offer = services.offer_create(actor=owner_of(garden), organisation=garden,
                                  kind="volunteers", title="Des bénévoles")  # fmt: skip
    organisation(territory, name="Lycée")
    url = f"/{territory.slug}/organisations/"
    link = f"{url}?offer_kind={offer.kind}"

    assert links_to(_client().get(url), url) == [link]
    assert links_to(_client().get(garden.get_absolute_url()), url).count(link) == 1
    names = [o.name for o in _client().get(link).context["page"].object_list]
    assert names == ["Jardiniers"]
