"""Test clients for the fragment tests: several viewers of one page."""

from django.test import Client


def clients_for(*users) -> list[Client]:
    """A client per user (None: a visitor), logged in before any visit: a login writes
    (last_login), which moves the data version and would hide a stale fragment."""
    clients = []
    for user in users:
        client = Client()
        if user is not None:
            client.force_login(user)
        clients.append(client)
    return clients


def page_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()
