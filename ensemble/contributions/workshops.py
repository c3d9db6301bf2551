"""What a workshop is to the events app: the policy registered for the events of a consultation.

An event that is a consultation's workshop (`consultations.Workshop`) is seen
by whoever sees the consultation, takes registrations while the consultation's
phase allows it, links back to the consultation's workshops and offers its
facilitators the report page. Registered from `registrations.py`.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ensemble.consultations.models import Phase, public_q, workshop_of
from ensemble.consultations.phases import Feature, phase_type
from ensemble.core.exceptions import Conflict
from ensemble.events.policies import EventParent, EventPolicy
from ensemble.territories.predicates import is_territory_agent


class WorkshopPolicy(EventPolicy):
    key = "workshop"
    label = "workshop"

    def with_relations(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related("workshop__consultation__territory").prefetch_related(
            Prefetch(
                "workshop__consultation__phases",
                queryset=Phase.objects.order_by("position", "starts_at", "pk"),
            )
        )

    def owns(self, event) -> bool:
        return workshop_of(event) is not None

    def may_view(self, user, event) -> bool:
        return user.has_perm("consultations.view_consultation", workshop_of(event).consultation)

    def visible_q(self, user, territory) -> Q:
        if is_territory_agent(user, territory):
            return Q()
        return Q(workshop__isnull=True) | public_q("workshop__consultation__")

    def registration_refusal(self, event) -> Conflict | None:
        consultation = workshop_of(event).consultation
        if consultation.allows(Feature.REGISTER):
            return None
        now = timezone.now()
        coming = [
            phase.starts_at
            for phase in consultation.ordered_phases
            if phase.starts_at > now and phase_type(phase.kind).allows(Feature.REGISTER)
        ]
        if coming and consultation.status == consultation.Status.PUBLISHED:
            # Say when, rather than "not now": the workshops phase has a date.
            opens_at = formats.date_format(timezone.localtime(min(coming)), "DATETIME_FORMAT")
            return Conflict(
                _("Registration for the workshops opens on %(date)s.") % {"date": opens_at},
                code="phase",
            )
        return Conflict(
            _("The consultation is not taking registrations for its workshops now."), code="phase"
        )

    def parent(self, event) -> EventParent:
        consultation = workshop_of(event).consultation
        url = reverse(
            "contributions:consultation_workshops",
            kwargs={
                "territory_slug": consultation.territory.slug,
                "consultation_pk": consultation.pk,
            },
        )
        return EventParent(
            id=consultation.pk, title=consultation.title, url=url, label=_("Workshops")
        )

    def actions(self, user, event) -> list[tuple[str, str]]:
        if not user.has_perm("consultations.record_workshop", event):
            return []
        url = reverse(
            "contributions:workshop_report",
            kwargs={"territory_slug": event.territory.slug, "pk": event.pk},
        )
        return [(url, _("Workshop report"))]
