"""Scale data of the consoles: departments, assignments of waiting contributions, the audit log.

`--audit-entries N` (default 0) writes N entries spread over the territories
(most in the biggest one), by their admins and agents; assignments cover a
share of the contributions still waiting for an answer (`--assigned-share`).
"""

from ensemble.audit.actions import ACTIONS
from ensemble.audit.models import AuditEntry
from ensemble.contributions.models import Contribution
from ensemble.territories.models import Membership
from ensemble.workbench.models import Assignment, Department

from . import ScaleContext, batched

DEPARTMENTS = ["Voirie", "Espaces verts", "Culture", "Jeunesse", "Urbanisme", "Solidarités"]


def add_arguments(parser) -> None:
    parser.add_argument("--audit-entries", type=int, default=0, help="Audit log entries in all.")
    parser.add_argument(
        "--assigned-share", type=float, default=0.3,
        help="Share of the waiting contributions assigned to an agent or a department.",
    )  # fmt: skip


def _staff(territory) -> list[int]:
    return list(
        Membership.objects.filter(territory=territory, role__in=["agent", "admin"])
        .order_by("pk")
        .values_list("user_id", flat=True)
    )


def _assignments(context: ScaleContext, territories) -> int:
    rng, share, made = context.rng, context.options.get("assigned_share", 0.3), 0
    for territory in territories:
        staff = _staff(territory)
        if not staff:
            continue
        departments = Department.objects.bulk_create(
            Department(territory=territory, name=name) for name in DEPARTMENTS
        )
        for department in departments:
            department.members.set(rng.sample(staff, k=min(3, len(staff))))
        waiting = Contribution.objects.open().filter(territory=territory, answer_state="")
        for chunk in batched(waiting.order_by("pk").values_list("pk", flat=True).iterator(),
                             context.batch_size):  # fmt: skip
            rows = [
                Assignment(
                    contribution_id=pk,
                    agent_id=rng.choice(staff) if rng.random() < 0.6 else None,
                    department=rng.choice(departments),
                    assigned_by_id=rng.choice(staff),
                )
                for pk in chunk if rng.random() < share
            ]  # fmt: skip
            Assignment.objects.bulk_create(rows)
            made += len(rows)
    return made


def _audit(context: ScaleContext, territories) -> int:
    total, rng = context.options.get("audit_entries", 0), context.rng
    if not total or not territories:
        return 0
    weights = [1 / (rank + 1) for rank in range(len(territories))]
    staff = {t.pk: _staff(t) or [None] for t in territories}
    actions = sorted(ACTIONS)
    for start in range(0, total, context.batch_size):
        size = min(context.batch_size, total - start)
        homes = rng.choices(territories, weights=weights, k=size)
        AuditEntry.objects.bulk_create(
            AuditEntry(
                territory=home, actor_id=rng.choice(staff[home.pk]), action=rng.choice(actions),
                target_type="territories.territory", target_id=home.pk, target_label=home.name,
                reason="Scale data", before={"n": start + i}, after={"n": start + i + 1},
            )
            for i, home in enumerate(homes)
        )  # fmt: skip
    return total


def generate(context: ScaleContext) -> None:
    territories = context.data.get("territories") or []
    assigned = _assignments(context, territories)
    entries = _audit(context, territories)
    context.step(f"{assigned:,} assignments, {entries:,} audit entries")
