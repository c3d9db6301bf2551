"""Name the Sites framework's site after the installation instead of example.com.

Links in emails and feeds use it; production sets SITE_DOMAIN before the
first migration, or edits the site in the Django admin afterwards.
"""

import os

from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = os.environ.get("SITE_DOMAIN", "localhost:8000")
    Site.objects.update_or_create(pk=1, defaults={"domain": domain, "name": "Ensemble"})


class Migration(migrations.Migration):
    dependencies = [("sites", "0002_alter_domain_unique")]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
