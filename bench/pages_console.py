"""The consoles, the agents' workbench and the audit log, measured by `make bench`.

Data: `--seed-args "--consultations 200 --contributions 100000 --audit-entries 100000"`
(see bench/scale/console.py): the workbench lists the biggest territory's
contributions waiting for an answer, the audit log its entries.
"""

from registry import Request, page


def _agent(data):
    from ensemble.territories.models import Membership

    membership = (
        Membership.objects.filter(territory=data.territory(), role="agent")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else data.admin()


def _network_admin():
    from ensemble.accounts.models import User

    admin = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if admin is None:
        admin = User.objects.create_superuser(
            email="bench-network-admin@scale.ensemble.test", password=None,
            display_name="Bench network admin",
        )  # fmt: skip
    return admin


@page("workbench queue")
def _(data):
    return Request(f"/{data.territory().slug}/atelier-agents/",
                   data.session_headers(_agent(data)))  # fmt: skip


@page("workbench queue, assigned to me")
def _(data):
    return Request(f"/{data.territory().slug}/atelier-agents/?assignee=me",
                   data.session_headers(_agent(data)))  # fmt: skip


@page("workbench API")
def _(data):
    return Request(f"/api/v1/territories/{data.territory().slug}/workbench",
                   data.token_headers(_agent(data)))  # fmt: skip


@page("audit log")
def _(data):
    return Request(f"/{data.territory().slug}/console/journal/",
                   data.session_headers(data.admin()))  # fmt: skip


@page("audit log, one action")
def _(data):
    return Request(f"/{data.territory().slug}/console/journal/?action=membership.role",
                   data.session_headers(data.admin()))  # fmt: skip


@page("territory console members")
def _(data):
    return Request(f"/{data.territory().slug}/console/membres/",
                   data.session_headers(data.admin()))  # fmt: skip


@page("network console")
def _(data):
    return Request("/reseau/console/", data.session_headers(_network_admin()))
