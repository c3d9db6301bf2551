"""How each figure is named on the dashboards, grouped as the tables show them."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "members": _("Members"),
    "organisations": _("Organisations"),
    "organisations_verified": _("Verified organisations"),
    "projects": _("Published projects"),
    "needs_opened": _("Needs published"),
    "needs_fulfilled": _("Needs fulfilled"),
    "needs_median_days": _("Median days to fulfil a need"),
    "introductions_asked": _("Introductions asked"),
    "introductions_accepted": _("Introductions accepted"),
    "introductions_helpful": _("Introductions that helped"),
    "events": _("Past events"),
    "events_registrations": _("Registrations to past events"),
    "events_attendance": _("People present at past events"),
    "consultations": _("Public consultations"),
    "contributions": _("Contributions"),
    "supports": _("Supports"),
    "participants_online": _("Participants online"),
    "participants_in_person": _("Participants in person (workshops)"),
    "answer_rate": _("Contributions answered (%)"),
    "answer_median_days": _("Median days to answer"),
    "overdue": _("Contributions waiting past the promised delay"),
    "results": _("Results followed"),
    "results_done": _("Results done"),
    "results_progress": _("Average progress of results (%)"),
}

GROUPS = [
    (_("People"), ["members", "participants_online", "participants_in_person"]),
    (_("Organisations"), ["organisations", "organisations_verified"]),
    (_("Projects and needs"), ["projects", "needs_opened", "needs_fulfilled", "needs_median_days"]),
    (
        _("Introductions"),
        ["introductions_asked", "introductions_accepted", "introductions_helpful"],
    ),
    (_("Events"), ["events", "events_registrations", "events_attendance"]),
    (
        _("Consultations"),
        [
            "consultations",
            "contributions",
            "supports",
            "answer_rate",
            "answer_median_days",
            "overdue",
        ],
    ),
    (_("Results"), ["results", "results_done", "results_progress"]),
]

#: The figures drawn month by month on the dashboards.
CHARTED = ["members", "projects", "needs_fulfilled", "contributions", "answer_rate"]
