"""Concurrent registrations on PostgreSQL: the event row lock keeps capacity and counters true."""

import threading

import pytest
from django.db import connection, connections

from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Registration
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_cancel, registration_create
from ensemble.testing.factories import member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite serialises writes: no row locks"
    ),
]


def _run_together(functions):
    barrier = threading.Barrier(len(functions))
    errors = []

    def run(function):
        try:
            barrier.wait()
            function()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def _assert_counters_true(event):
    event.refresh_from_db()
    rows = Registration.objects.filter(event=event)
    assert event.registered_count == rows.filter(status="registered").count()
    assert event.waitlist_count == rows.filter(status="waitlisted").count()


def test_twenty_people_for_five_places(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, capacity=5)
    people = [member(territory) for _ in range(20)]

    def register(person):
        return lambda: registration_create(user=person, event=event_get(pk=event.pk))

    _run_together([register(person) for person in people])

    _assert_counters_true(event)
    assert (event.registered_count, event.waitlist_count) == (5, 15)


def test_cancellations_and_registrations_together(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, capacity=3)
    registered = [member(territory) for _ in range(6)]
    for person in registered:
        registration_create(user=person, event=event_get(pk=event.pk))
    newcomers = [member(territory) for _ in range(6)]

    functions = [
        (lambda p=p: registration_cancel(user=p, event=event_get(pk=event.pk)))
        for p in registered[:3]
    ] + [(lambda p=p: registration_create(user=p, event=event_get(pk=event.pk))) for p in newcomers]
    _run_together(functions)

    _assert_counters_true(event)
    assert (event.registered_count, event.waitlist_count) == (3, 6)


def test_thirty_people_for_the_last_five_places_of_a_know_how_session(territory):
    from ensemble.events.tests.factories import EventFactory

    event = EventFactory(territory=territory, capacity=8)
    for person in [member(territory) for _ in range(3)]:
        registration_create(user=person, event=event_get(pk=event.pk))
    people = [member(territory) for _ in range(30)]

    _run_together(
        [lambda p=p: registration_create(user=p, event=event_get(pk=event.pk)) for p in people]
    )

    _assert_counters_true(event)
    newcomers = Registration.objects.filter(event=event, user__in=people)
    assert newcomers.filter(status="registered").count() == 5
    assert newcomers.filter(status="waitlisted").count() == 25
