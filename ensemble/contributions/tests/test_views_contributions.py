"""Contribution pages: list (filters, sorts, flat queries), post, page, 404s, moderation."""

import re

import pytest
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import ThemeFactory, UserFactory, member
from ensemble.testing.links import links_to
from ensemble.testing.queries import assert_flat_queries, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")


def _url(name, consultation, **kwargs):
    kwargs = {"territory_slug": consultation.territory.slug, "consultation_pk": consultation.pk,
              **kwargs}  # fmt: skip
    return reverse(f"contributions:{name}", kwargs=kwargs)


@pytest.mark.parametrize("sort", ["supports", "newest", "comments", "answer"])
def test_list_queries_stay_flat(client, territory, sort):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory))
    author = UserFactory()

    def grow(n):
        while Contribution.objects.filter(consultation=consultation).count() < n:
            ContributionFactory(consultation=consultation, author=author)

    assert_flat_queries(client, _url("contribution_list", consultation) + f"?sort={sort}", grow)


def test_list_filters_and_unknown_values(client, territory):
    consultation = ConsultationFactory(territory=territory)
    ContributionFactory(consultation=consultation, kind="problem", title="Un problème")
    ContributionFactory(consultation=consultation, kind="idea", title="Une idée",
                        answer_state="accepted")  # fmt: skip
    url = _url("contribution_list", consultation)
    page = client.get(url + "?kind=problem").content.decode()
    assert "Un problème" in page and "Une idée" not in page
    page = client.get(url + "?answer=unanswered").content.decode()
    assert "Un problème" in page and "Une idée" not in page
    page = client.get(url + "?answer=overdue").content.decode()
    assert "Un problème" not in page
    assert client.get(url + "?sort=nope&kind=bad&theme=zz&page=99").status_code == 200


def test_internal_consultation_is_404_for_residents_and_other_territories(
    client, territory, other_territory
):
    consultation = ConsultationFactory(territory=territory, visibility="agents")
    contribution = ContributionFactory(consultation=consultation)
    urls = [
        _url("contribution_list", consultation),
        _url("contribution_detail", consultation, pk=contribution.pk),
        _url("contribution_similar", consultation) + "?title=bancs",
    ]
    for viewer in (None, member(territory), member(other_territory, Role.AGENT)):
        if viewer:
            client.force_login(viewer)
        for url in urls:
            assert client.get(url).status_code == 404, url
    client.force_login(member(territory, Role.AGENT))
    assert client.get(urls[1]).status_code == 200


def test_a_contribution_of_another_consultation_is_404(client, territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    url = _url("contribution_detail", consultation, pk=contribution.pk)
    assert client.get(url).status_code == 404


def test_post_form_keeps_what_was_typed_on_error_and_publishes(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory))
    url = _url("contribution_create", consultation)
    assert 'hx-get="' in client.get(url).content.decode()
    response = client.post(url, {"kind": "idea", "title": "", "body": "Mon texte précieux"})
    assert response.status_code == 400
    assert "Mon texte précieux" in response.content.decode()
    response = client.post(url, {"kind": "idea", "title": "Bancs", "body": "Texte"})
    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == contribution.get_absolute_url()


def test_post_out_of_phase_shows_the_reason(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    client.force_login(member(territory))
    response = client.post(_url("contribution_create", consultation),
                           {"kind": "idea", "title": "Bancs", "body": "Texte"})  # fmt: skip
    assert response.status_code == 400
    assert "does not take new contributions" in response.content.decode()
    assert not Contribution.objects.exists()


def test_anonymous_is_sent_to_log_in(client, territory):
    consultation = ConsultationFactory(territory=territory)
    response = client.get(_url("contribution_create", consultation))
    assert response.status_code == 302 and "login" in response["Location"]


def test_detail_page_and_its_queries(client, territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation, body="**Gras**")
    client.force_login(member(territory))
    url = _url("contribution_detail", consultation, pk=contribution.pk)
    page = client.get(url).content.decode()
    assert "<strong>Gras</strong>" in page
    assert "Posted under version 1 of the charter" in page
    assert count_queries(client, url) < 40


def test_hidden_contribution_shows_its_reason_only(client, territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation, title="Titre secret",
                                       is_hidden=True, hidden_reason="Injurieux")  # fmt: skip
    page = client.get(_url("contribution_detail", consultation, pk=contribution.pk)).content
    assert b"Injurieux" in page and b"Titre secret" not in page


def test_moderation_pages_refuse_residents_and_hide_for_moderators(client, territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation)
    url = _url("contribution_hide", consultation, pk=contribution.pk)
    client.force_login(member(territory))
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(member(territory, Role.MODERATOR))
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Hors sujet"}).status_code == 302
    assert Contribution.objects.get(pk=contribution.pk).is_hidden


def test_merge_page_with_an_unknown_number(client, territory):
    consultation = ConsultationFactory(territory=territory)
    source = ContributionFactory(consultation=consultation)
    target = ContributionFactory(consultation=consultation)
    client.force_login(member(territory, Role.MODERATOR))
    url = _url("contribution_merge", consultation, pk=source.pk)
    assert client.post(url, {"target": 999999, "reason": "Doublon"}).status_code == 400
    response = client.post(url, {"target": target.pk, "reason": "Doublon"})
    assert response.status_code == 302
    assert Contribution.objects.get(pk=source.pk).merged_into_id == target.pk


def test_follow_page_action(client, territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation)
    client.force_login(member(territory))
    url = _url("contribution_follow", consultation, pk=contribution.pk)
    client.post(url, {"action": "follow"})
    assert Contribution.objects.get(pk=contribution.pk).followers_count == 1
    client.post(url, {"action": "unfollow"})
    assert Contribution.objects.get(pk=contribution.pk).followers_count == 0


def test_report_reaches_the_moderation_queue(client, territory):
    from ensemble.moderation.models import Report

    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation)
    client.force_login(member(territory))
    url = _url("contribution_report", consultation, pk=contribution.pk)
    assert client.post(url, {"reason": "spam"}).status_code in (302, 400)
    reasons = [value for value, _label in Report.Reason.choices]
    client.post(url, {"reason": reasons[0]})
    assert Report.objects.filter(object_id=contribution.pk).count() == 1


# --- Hidden contributions: the moderators' view, the "hidden" filter, show again ----------


def _hide(contribution, reason="Injurieux"):
    from ensemble.contributions.services.moderation import contribution_hide

    moderator = member(contribution.territory, Role.MODERATOR)
    return contribution_hide(actor=moderator, contribution=contribution, reason=reason)


def test_moderators_read_a_hidden_contribution_and_find_how_to_show_it_again(
    client, territory, other_territory
):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation, title="Titre secret",
                                       body="Corps secret", address="12 rue Secrète")  # fmt: skip
    _hide(contribution)
    url = _url("contribution_detail", consultation, pk=contribution.pk)
    unhide = _url("contribution_unhide", consultation, pk=contribution.pk)
    for viewer in (None, member(territory), member(other_territory, Role.MODERATOR)):
        if viewer:
            client.force_login(viewer)
        page = client.get(url).content.decode()
        assert "Injurieux" in page
        assert "Titre secret" not in page and "Corps secret" not in page
        assert "12 rue Secrète" not in page and unhide not in page
    for role in (Role.MODERATOR, Role.AGENT):
        client.force_login(member(territory, role))
        page = client.get(url).content.decode()
        assert "Titre secret" in page and "Corps secret" in page and unhide in page


def test_show_again_page_refusals(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation)
    _hide(contribution)
    url = _url("contribution_unhide", consultation, pk=contribution.pk)
    response = client.post(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(member(territory))
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(member(other_territory, Role.MODERATOR))
    assert client.post(url).status_code == 403
    internal = ConsultationFactory(territory=territory, visibility="agents")
    secret = ContributionFactory(consultation=internal)
    client.force_login(member(territory, Role.MODERATOR))
    assert client.get(_url("contribution_unhide", internal, pk=secret.pk)).status_code == 404
    assert Contribution.objects.get(pk=contribution.pk).is_hidden


def test_show_again_confirms_then_restores_counts_and_search(client, territory):
    from ensemble.consultations.models import Consultation
    from ensemble.search.models import SearchEntry

    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation, title="Des bancs au parc")
    _hide(contribution, reason="Par erreur")
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 0
    client.force_login(member(territory, Role.MODERATOR))
    url = _url("contribution_unhide", consultation, pk=contribution.pk)
    page = client.get(url).content.decode()
    assert "Par erreur" in page and "Des bancs au parc" in page and "<form" in page
    assert Contribution.objects.get(pk=contribution.pk).is_hidden  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == contribution.get_absolute_url()
    contribution.refresh_from_db()
    assert not contribution.is_hidden and contribution.hidden_reason == ""
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1
    assert SearchEntry.objects.filter(kind="contribution", object_id=contribution.pk).exists()
    # Not hidden any more: the page sends back to the contribution, nothing is counted twice.
    assert client.post(url).status_code == 302
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1


def test_the_hidden_filter_is_offered_to_moderators_only(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    hidden = ContributionFactory(consultation=consultation, title="Titre caché")
    _hide(hidden, reason="Hors sujet")
    ContributionFactory(consultation=consultation, title="Titre ouvert")
    url = _url("contribution_list", consultation)
    for viewer in (None, member(territory), member(other_territory, Role.MODERATOR)):
        if viewer:
            client.force_login(viewer)
        page = client.get(url + "?hidden=on").content.decode()
        assert 'name="hidden"' not in page
        assert "Titre ouvert" in page and "Titre caché" not in page
    client.force_login(member(territory, Role.AGENT))
    assert 'name="hidden"' in client.get(url).content.decode()
    page = client.get(url + "?hidden=on").content.decode()
    assert "Titre caché" in page and "Hors sujet" in page and "Titre ouvert" not in page
    assert "1 contribution hidden by moderation" in page


def test_the_hidden_list_queries_stay_flat(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory, Role.MODERATOR))
    author = UserFactory()

    def grow(n):
        while Contribution.objects.filter(consultation=consultation).count() < n:
            ContributionFactory(consultation=consultation, author=author, is_hidden=True,
                                hidden_reason="Spam")  # fmt: skip

    assert_flat_queries(client, _url("contribution_list", consultation) + "?hidden=on", grow)


def test_a_hidden_duplicate_is_not_named_on_the_contribution_it_was_merged_into(client, territory):
    from ensemble.contributions.services.moderation import contribution_merge

    consultation = ConsultationFactory(territory=territory)
    source = ContributionFactory(consultation=consultation, title="Doublon injurieux")
    target = ContributionFactory(consultation=consultation, title="La bonne")
    moderator = member(territory, Role.MODERATOR)
    contribution_merge(actor=moderator, source=source, target=target, reason="Doublon")
    url = _url("contribution_detail", consultation, pk=target.pk)
    assert "Doublon injurieux" in client.get(url).content.decode()
    _hide(Contribution.objects.get(pk=source.pk))
    assert "Doublon injurieux" not in client.get(url).content.decode()


def test_author_names_link_to_the_profiles_the_viewer_may_see(client, territory, other_territory):
    """Authors link to their profile only when its visibility lets the viewer see it."""
    consultation = ConsultationFactory(territory=territory)
    public = member(territory, display_name="Inès", profile_visibility=User.Visibility.PUBLIC)
    members = member(territory, display_name="Paul", profile_visibility=User.Visibility.MEMBERS)
    hidden = member(territory, display_name="Noé", profile_visibility=User.Visibility.HIDDEN)
    contribution = ContributionFactory(consultation=consultation, author=public)
    contribution.coauthors.add(members, hidden)
    url = _url("contribution_detail", consultation, pk=contribution.pk)

    def profile_links():
        return links_to_profiles(client.get(url))

    assert profile_links() == {public.pk}  # anonymous: the public profile only
    client.force_login(member(other_territory))
    assert profile_links() == {public.pk}
    client.force_login(member(territory))
    assert profile_links() == {public.pk, members.pk}
    page = client.get(url).content.decode()
    assert "Noé" not in page and "a resident" in page  # hidden: neither name nor link
    client.force_login(hidden)
    assert profile_links() == {public.pk, members.pk, hidden.pk}


def links_to_profiles(response) -> set[int]:
    """The profiles linked from the "Posted by" line."""
    authors = response.content.decode().split('class="contribution__authors"')[1].split("</p>")[0]
    return {int(pk) for pk in re.findall(r'href="/people/(\d+)/"', authors)}


def test_theme_chips_link_to_the_list_filtered_by_them_a_retired_one_stays_text(client, territory):
    consultation = ConsultationFactory(territory=territory)
    theme, retired = ThemeFactory(), ThemeFactory(is_retired=True)
    tagged = ContributionFactory(consultation=consultation)
    tagged.themes.add(theme, retired)
    ContributionFactory(consultation=consultation)
    contributions = _url("contribution_list", consultation)

    links = links_to(client.get(contributions), contributions)
    assert links == [f"{contributions}?theme={theme.slug}"]  # the retired theme is no filter
    assert [c.pk for c in client.get(links[0]).context["page"].object_list] == [tagged.pk]


def test_posting_the_same_idea_twice_is_refused_with_a_link_to_the_first(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory))
    url = _url("contribution_create", consultation)
    data = {"kind": "idea", "title": "Bancs", "body": "Texte"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "title": "bancs "})
    first = Contribution.objects.get()
    page = response.content.decode()
    assert response.status_code == 400
    assert "You posted this same contribution" in page
    assert f'href="{first.get_absolute_url()}"' in page
    assert Contribution.objects.count() == 1
