"""Slow pages made fast by design: the journal without a join (`Answer.is_public`), the
contribution lists counted by the stored counter and walked along partial indexes."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ensemble.answers.models import Answer
from ensemble.answers.selectors import journal
from ensemble.answers.services import answer_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.selectors.contributions import SORTS, contribution_list
from ensemble.contributions.selectors.indicators import overdue_q
from ensemble.contributions.services.moderation import (
    contribution_hide,
    contribution_merge,
    contribution_unhide,
)
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.pagination import Paginator, known_count, with_known_count
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
API = "/api/v1"
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration")


@pytest.fixture
def agent(territory):
    return member(territory, Role.AGENT)


def _answer(contribution, agent, state="accepted"):
    return answer_create(
        author=agent, contribution=contribution, state=state, explanation=EXPLANATION
    )


def _journal_url(consultation) -> str:
    return reverse(
        "answers:journal",
        kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk},
    )


def _public(consultation) -> set[int]:
    return set(journal(consultation).values_list("contribution_id", flat=True))


def uses(index: str, queryset) -> bool:
    found = plan(queryset)
    assert re.search(rf"\b{index}\b", found), found
    return True


def plan(queryset) -> str:
    """The query plan, with the planner told to prefer indexes (tiny test tables).

    The tables are analysed first, inside the test's transaction: otherwise the plan
    depends on statistics that autovacuum took whenever earlier tests (browser and
    concurrency tests commit rows) left the tables in some state.
    """
    if connection.vendor == "postgresql":
        tables = {alias.table_name for alias in queryset.query.alias_map.values()}
        tables.add(queryset.model._meta.db_table)
        with connection.cursor() as cursor:  # SET LOCAL: the test's transaction only
            for table in sorted(tables):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
            for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
                cursor.execute(f"SET LOCAL {setting} = off")
    return queryset.explain()


# --- Answer.is_public follows moderation --------------------------------------------------------


def test_hiding_takes_every_answer_version_out_and_showing_brings_them_back(consultation, agent):
    kept, hidden = ContributionFactory.create_batch(2, consultation=consultation)
    _answer(kept, agent)
    _answer(hidden, agent, "under_study")
    _answer(hidden, agent, "rejected")  # two versions
    assert _public(consultation) == {kept.pk, hidden.pk}

    contribution_hide(actor=agent, contribution=hidden, reason="Propos injurieux")
    assert not Answer.objects.filter(contribution=hidden, is_public=True).exists()
    assert _public(consultation) == {kept.pk}
    assert journal(consultation).count() == 1

    contribution_unhide(actor=agent, contribution=hidden)
    assert Answer.objects.filter(contribution=hidden, is_public=True).count() == 2
    assert _public(consultation) == {kept.pk, hidden.pk}


def test_an_answer_to_a_hidden_contribution_is_not_public(consultation, agent):
    hidden = ContributionFactory(consultation=consultation, is_hidden=True, hidden_reason="Hors")
    answer = _answer(hidden, agent, "rejected")
    assert answer.is_public is False
    assert _public(consultation) == set()


def test_a_merged_contribution_keeps_its_answers_public(consultation, agent):
    source, target = ContributionFactory.create_batch(2, consultation=consultation)
    _answer(source, agent, "merged")
    contribution_merge(actor=agent, source=source, target=target, reason="Doublon")
    assert _public(consultation) == {source.pk}


def test_refused_moderation_changes_no_answer(consultation, agent, territory):
    from django.core.exceptions import PermissionDenied

    contribution = ContributionFactory(consultation=consultation)
    _answer(contribution, agent)
    with pytest.raises(PermissionDenied):
        contribution_hide(actor=member(territory), contribution=contribution, reason="Non")
    assert Answer.objects.get(contribution=contribution).is_public is True


def test_pages_and_api_leave_hidden_answers_out_and_count_right(client, consultation, agent):
    shown = ContributionFactory(consultation=consultation, title="Des bancs au parc")
    hidden = ContributionFactory(consultation=consultation, title="Message injurieux")
    _answer(shown, agent)
    _answer(hidden, agent, "rejected")
    contribution_hide(actor=agent, contribution=hidden, reason="Injurieux")

    response = client.get(_journal_url(consultation))
    page = response.content.decode()
    assert "Des bancs au parc" in page and "Message injurieux" not in page
    assert response.context["page"].paginator.count == 1
    data = client.get(f"{API}/consultations/{consultation.pk}/decisions").json()
    assert data["count"] == 1 and [a["contribution"]["id"] for a in data["items"]] == [shown.pk]
    data = client.get(f"{API}/consultations/{consultation.pk}/decisions?state=rejected").json()
    assert data["count"] == 0 and data["items"] == []


# --- The journal's queries ----------------------------------------------------------------------


def test_the_journal_and_its_count_do_not_join_the_contributions(client, consultation, agent):
    _answer(ContributionFactory(consultation=consultation), agent)
    contribution_table = Contribution._meta.db_table
    for url in (_journal_url(consultation), f"{API}/consultations/{consultation.pk}/decisions"):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        counts = [q["sql"] for q in context.captured_queries if "COUNT(" in q["sql"].upper()]
        answers = [q["sql"] for q in context.captured_queries if "participation_answer" in q["sql"]]
        assert counts and all(contribution_table not in sql for sql in counts), counts
        for sql in answers:  # the contribution is joined to be shown, never to filter
            where = sql.upper().split(" WHERE ", 1)[-1]
            assert "IS_HIDDEN" not in where, sql


@pytest.fixture
def decided(consultation, agent):
    """Many answered contributions of other states, so that each index's selectivity
    shows in the statistics (on a near-empty table every index costs the same and the
    planner's pick is a coin toss)."""
    author = agent
    contributions = Contribution.objects.bulk_create(
        Contribution(
            consultation=consultation, territory=consultation.territory, title=f"Idée {n}",
            body="Des bancs.", author=author, answer_state="rejected",
            charter_version=consultation.charter_version,
        )
        for n in range(300)
    )  # fmt: skip
    Answer.objects.bulk_create(
        Answer(
            contribution=contribution, consultation=consultation, version=1,
            state="rejected", explanation=EXPLANATION, author=agent,
        )
        for contribution in contributions
    )  # fmt: skip
    # Old enough to be overdue if they were waiting: only the answer state tells them apart.
    Contribution.objects.filter(pk__in=[c.pk for c in contributions]).update(
        created_at=timezone.now() - timedelta(days=400)
    )


@pytest.mark.parametrize("state", [None, "accepted"])
def test_the_journal_follows_its_partial_index(consultation, decided, state):
    expected = "answer_journal_state" if state else "answer_journal"
    queryset = journal(consultation, state=state)
    assert uses(expected, queryset[:20])
    # The paginator's count: any index of the answers by consultation will do (no order
    # to follow; PostgreSQL may take the foreign key's), never the contributions.
    count_plan = plan(queryset.order_by().values("pk"))
    assert "index" in count_plan.lower() and Contribution._meta.db_table not in count_plan


# --- Contribution lists: the stored count, an index per sort --------------------------------


@pytest.mark.parametrize(
    "sort, index",
    [
        ("supports", "contribution_open_supports"),
        ("newest", "contribution_open_newest"),
        ("comments", "contribution_open_comments"),
        ("answer", "contribution_open_answer"),
    ],
)
def test_each_sort_follows_its_partial_index(consultation, sort, index):
    assert set(SORTS) == {"supports", "newest", "comments", "answer"}
    queryset = contribution_list(consultation=consultation, sort=sort)
    assert uses(index, queryset[:20])


def test_the_overdue_count_follows_the_answer_index(consultation, decided):
    queryset = Contribution.objects.filter(overdue_q(consultation))
    assert uses("contribution_open_answer", queryset)


def _open_count(consultation) -> int:
    return Contribution.objects.filter(
        consultation=consultation, is_hidden=False, merged_into__isnull=True
    ).count()


def _mixed(consultation, agent, open_ones=7):
    """Open contributions, a hidden one and a merged one, counters kept by the services."""
    rows = ContributionFactory.create_batch(open_ones + 2, consultation=consultation)
    contribution_hide(actor=agent, contribution=rows[-1], reason="Hors sujet")
    contribution_merge(actor=agent, source=rows[-2], target=rows[0], reason="Doublon")
    consultation.refresh_from_db()
    assert consultation.contributions_count == _open_count(consultation) == open_ones
    return rows


def test_the_unfiltered_page_takes_the_stored_count_without_counting(
    client, consultation, agent, settings
):
    settings.ENSEMBLE_PAGE_SIZE = 3
    _mixed(consultation, agent)
    url = reverse(
        "contributions:contribution_list",
        kwargs={"territory_slug": consultation.territory.slug, "consultation_pk": consultation.pk},
    )
    for query in ("", "?sort=newest", "?sort=answer&page=3"):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url + query)
        paginator = response.context["page"].paginator
        assert (paginator.count, paginator.num_pages) == (7, 3)
        assert not [q for q in context.captured_queries if "COUNT(" in q["sql"].upper()]
    last = client.get(url + "?page=3").context["page"]
    assert len(last.object_list) == 1  # 7 = 3 + 3 + 1
    # A filter: counted for real.
    ContributionFactory(consultation=consultation, kind="problem")
    page = client.get(url + "?kind=problem").context["page"]
    assert page.paginator.count == 1


def test_the_unfiltered_api_list_takes_the_stored_count_without_counting(
    client, consultation, agent
):
    _mixed(consultation, agent)
    url = f"{API}/consultations/{consultation.pk}/contributions"
    for query in ("?page_size=3", "?sort=comments&page_size=3&page=3"):
        with CaptureQueriesContext(connection) as context:
            data = client.get(url + query).json()
        assert (data["count"], data["pages"]) == (7, 3)
        assert not [q for q in context.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(client.get(url + "?page_size=3&page=3").json()["items"]) == 1
    # Filters and the moderators' hidden list are counted for real.
    assert client.get(url + "?answer=unanswered").json()["count"] == 7
    assert client.get(url + "?kind=problem").json()["count"] == 0
    client.force_login(agent)
    assert client.get(url + "?hidden=true").json()["count"] == 1


def test_known_count_is_the_counter_and_any_refinement_drops_it(consultation):
    ContributionFactory.create_batch(3, consultation=consultation)
    consultation.refresh_from_db()
    listed = contribution_list(consultation=consultation)
    assert known_count(listed) == 3
    assert known_count(listed.filter(kind="idea")) is None
    assert known_count(listed.order_by("pk")) is None
    assert (
        known_count(contribution_list(consultation=consultation, filters={"kind": "idea"})) is None
    )
    assert known_count(contribution_list(consultation=consultation, filters={"kind": ""})) == 3


def test_paginator_uses_the_known_count_without_a_query(consultation, django_assert_num_queries):
    queryset = with_known_count(Consultation.objects.order_by("pk"), 41)
    paginator = Paginator(queryset, settings.ENSEMBLE_PAGE_SIZE)
    with django_assert_num_queries(0):
        assert paginator.count == 41
    plain = Paginator(Consultation.objects.order_by("pk"), 10)
    with django_assert_num_queries(1):
        assert plain.count == 1
    assert known_count(with_known_count(Consultation.objects.all(), -5)) == 0
