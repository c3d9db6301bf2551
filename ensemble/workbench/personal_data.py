"""What the agents' workbench holds about a person: the notes they wrote and what was
assigned to them (kept: the territory's work), their departments (left on erasure)."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Assignment, Department, PrivateNote

workbench = PersonalData(
    key="workbench",
    label=_("Agents: your private notes, assignments and departments"),
    retention=_("notes and assignments as long as the contribution; departments until you leave"),
    on_erasure=_("notes and assignments kept without your name; you leave your departments"),
    export=lambda user: {
        "notes": rows(
            PrivateNote.objects.filter(author=user), "contribution_id", "body", "created_at"
        ),
        "assigned_to_you": rows(Assignment.objects.filter(agent=user), "contribution_id"),
        "departments": rows(Department.objects.filter(members=user), "id", "name"),
    },
    erase=lambda user: user.departments.clear(),
)
