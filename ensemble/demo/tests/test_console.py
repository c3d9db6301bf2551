import pytest
from django.core.management import call_command

from ensemble.audit.models import AuditEntry
from ensemble.sitepages.models import PageVersion
from ensemble.territories.models import Territory
from ensemble.workbench.models import Assignment, PrivateNote

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_template_its_pages_and_a_workbench_and_seeds_once():
    call_command("seed_demo")
    sceaux = Territory.objects.get(slug="sceaux")
    assert sceaux.is_template and sceaux.accessibility_conformity == "partial"
    assert PageVersion.objects.filter(territory=sceaux).count() == 2
    assert Assignment.objects.filter(contribution__territory=sceaux).count() == 3
    counts = (AuditEntry.objects.count(), PrivateNote.objects.count())
    call_command("seed_demo")
    assert (AuditEntry.objects.count(), PrivateNote.objects.count()) == counts
