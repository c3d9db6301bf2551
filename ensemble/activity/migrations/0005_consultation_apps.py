"""The consultation models moved from participation to their own apps: same tables, state only.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('activity', '0004_feed_order_index'),
        ('answers', '0001_initial'),
        ('consultations', '0001_initial'),
        ('contributions', '0001_initial'),
        ('results', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='activity',
                    name='answer',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='answers.answer'),
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='consultation',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='consultations.consultation'),
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='contribution',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contributions.contribution'),
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='result',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='results.result'),
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='result_update',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='results.resultupdate'),
                ),
            ],
        ),
    ]
