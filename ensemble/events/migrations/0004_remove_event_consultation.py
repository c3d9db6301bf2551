"""Events know nothing of consultations: the link is a consultations.Workshop now.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('consultations', '0002_workshops_from_events'),
        ('events', '0003_event_consultation_app'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='event',
            name='events_even_consult_111388_idx',
        ),
        migrations.RemoveField(
            model_name='event',
            name='consultation',
        ),
    ]
