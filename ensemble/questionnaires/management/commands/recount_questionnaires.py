from django.core.management.base import BaseCommand

from ensemble.questionnaires import tallies
from ensemble.questionnaires.models import Questionnaire


class Command(BaseCommand):
    help = (
        "Count the questionnaires' stored results (tallies, responses) again from their "
        "responses: a repair, never needed while the services write the answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="questionnaires (default: all)")

    def handle(self, *args, ids, **options):
        questionnaires = Questionnaire.objects.order_by("pk").values_list("pk", flat=True)
        for pk in questionnaires.filter(pk__in=ids) if ids else questionnaires:
            lines = tallies.recount(questionnaire_pk=pk)
            self.stdout.write(f"questionnaire {pk}: {lines} lines")
