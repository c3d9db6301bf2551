"""The audit log's vocabulary: each action key and the sentence shown for it.

A key is "<object>.<verb>". An unknown key is still recorded and shown as is,
so a new action never fails; naming it here gives it a translated label.
"""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "territory.open": _("Territory opened from a template"),
    "territory.settings": _("Settings changed"),
    "territory.deactivate": _("Territory deactivated"),
    "territory.reactivate": _("Territory reactivated"),
    "membership.role": _("Role changed"),
    "membership.remove": _("Member removed"),
    "membership.invite": _("Invitation sent"),
    "theme.add": _("Theme added"),
    "theme.change": _("Theme renamed, moved or retired"),
    "neighbourhood.add": _("Neighbourhood added"),
    "neighbourhood.change": _("Neighbourhood renamed, moved or retired"),
    "organisation.verify": _("Organisation verified"),
    "organisation.unverify": _("Organisation's badge removed"),
    "report.uphold": _("Report upheld"),
    "report.dismiss": _("Report dismissed"),
    "comment.hide": _("Comment hidden"),
    "comment.unhide": _("Comment shown again"),
    "comment.delete": _("Comment deleted by a moderator"),
    "contribution.hide": _("Contribution hidden"),
    "contribution.unhide": _("Contribution shown again"),
    "contribution.merge": _("Contributions merged"),
    "answer.publish": _("Answer published"),
    "answer.revise": _("Answer revised"),
    "page.publish": _("Page published"),
    "department.change": _("Departments changed"),
    "contribution.assign": _("Contribution assigned"),
    "audit.export": _("Audit log exported"),
}


def action_label(key: str) -> str:
    return str(ACTIONS.get(key, key))


def action_choices() -> list[tuple[str, str]]:
    return sorted(((key, str(label)) for key, label in ACTIONS.items()), key=lambda c: c[1])
