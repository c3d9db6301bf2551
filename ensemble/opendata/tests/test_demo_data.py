"""On the demo network (with an internal consultation, hidden contributions, organisations
with contact details and dozens of people), no open data file holds anything private."""

import pytest
from django.core.management import call_command

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.contributions.models import Contribution
from ensemble.opendata import services
from ensemble.opendata.models import DatasetFile

pytestmark = pytest.mark.django_db


def test_no_private_content_in_the_open_data_of_the_demo():
    call_command("seed_demo", verbosity=0)
    organisation = Organisation.objects.order_by("pk").first()
    Organisation.objects.filter(pk=organisation.pk).update(
        contact_email="bureau@asso-demo.fr", phone="+33 1 46 61 00 00"
    )
    Contribution.objects.filter(pk=Contribution.objects.order_by("pk").first().pk).update(
        is_hidden=True
    )
    services.datasets_build_all()
    everything = "\n".join(DatasetFile.objects.values_list("content", flat=True))
    assert DatasetFile.objects.count() >= 14 and len(everything) > 10_000
    private = {
        *User.objects.values_list("email", flat=True),
        *Organisation.objects.exclude(contact_email="").values_list("contact_email", flat=True),
        *Organisation.objects.exclude(phone="").values_list("phone", flat=True),
        *Contribution.objects.filter(is_hidden=True).values_list("title", flat=True),
        *Contribution.objects.exclude(consultation__visibility="public").values_list(
            "title", flat=True
        ),
    }
    assert len(private) > 10
    leaks = [text for text in private if text and text in everything]
    assert leaks == []
    assert "@" not in everything.replace("@id", "")  # no address at all, whatever its owner
