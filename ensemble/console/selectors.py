"""What the consoles show: figures per territory for the network, what waits in a territory."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from ensemble.activity.models import Activity
from ensemble.actors.models import Organisation
from ensemble.consultations.models import Consultation
from ensemble.projects.models import Need, Project
from ensemble.territories.models import Territory


def _count(queryset) -> Subquery:
    counted = queryset.order_by().values("territory").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def network_dashboard() -> QuerySet[Territory]:
    """Every territory (active or not) with its figures, in one query."""
    here = OuterRef("pk")
    consultations = Consultation.objects.filter(territory=here).order_by().values("territory")
    published = Project.objects.filter(territory=here, status=Project.Status.PUBLISHED)
    return Territory.objects.annotate(
        projects_total=_count(published),
        open_needs=_count(Need.objects.filter(territory=here, status=Need.Status.OPEN)),
        consultations_total=_count(Consultation.objects.filter(territory=here)),
        contributions_total=Coalesce(Subquery(
            consultations.annotate(n=Sum("contributions_count")).values("n"),
            output_field=IntegerField()), 0),
        answered_total=Coalesce(Subquery(
            consultations.annotate(n=Sum("answered_count")).values("n"),
            output_field=IntegerField()), 0),
        last_activity=Subquery(
            Activity.objects.filter(territory=here).order_by("-created_at").values("created_at")[:1]
        ),
    ).order_by("-is_active", "name")  # fmt: skip


def answer_rate(territory) -> int | None:
    """Answered contributions as a percentage (None without any contribution)."""
    if not territory.contributions_total:
        return None
    return round(100 * territory.answered_total / territory.contributions_total)


def organisations_to_verify(*, territory) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(territory=territory, is_verified=False)
        .select_related("territory")
        .order_by("created_at", "pk")
    )
