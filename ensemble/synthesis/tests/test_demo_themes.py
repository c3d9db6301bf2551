import pytest
from django.core.management import call_command

from ensemble.synthesis.models import Synthesis, Theme


@pytest.mark.slow
@pytest.mark.django_db
def test_seed_demo_computes_the_demo_consultation_s_themes():
    call_command("seed_demo", verbosity=0)
    synthesis = Synthesis.objects.get(consultation__title="Parlons Ensemble de Sceaux")
    assert synthesis.computed_at is not None
    themes = Theme.objects.filter(consultation=synthesis.consultation)
    assert themes.count() >= 2 and all(theme.status == "draft" for theme in themes)
    call_command("seed_demo", verbosity=0)  # idempotent: computed once
    assert Theme.objects.filter(consultation=synthesis.consultation).count() == themes.count()
