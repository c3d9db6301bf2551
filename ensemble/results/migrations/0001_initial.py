"""Results and their updates move here from the participation app (state only).
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('consultations', '0001_initial'),
        ('contributions', '0001_initial'),
        ('projects', '0002_project_origin_contribution'),
        ('territories', '0002_membership_newest_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Result',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('title', models.CharField(max_length=150, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=10000, verbose_name='description')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done'), ('abandoned', 'Abandoned')], default='planned', max_length=12, verbose_name='status')),
                        ('progress', models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='progress (%)')),
                        ('starts_on', models.DateField(blank=True, null=True, verbose_name='start')),
                        ('ends_on', models.DateField(blank=True, null=True, verbose_name='planned end')),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('children_count', models.PositiveIntegerField(default=0)),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='consultations.consultation')),
                        ('contributions', models.ManyToManyField(blank=True, related_name='results', to='contributions.contribution', verbose_name='contributions')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='children', to='results.result', verbose_name='part of')),
                        ('projects', models.ManyToManyField(blank=True, related_name='consultation_results', to='projects.project', verbose_name='projects that carry it')),
                        ('territory', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='territories.territory')),
                    ],
                    options={
                        'verbose_name': 'result',
                        'verbose_name_plural': 'results',
                        'db_table': 'participation_result',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ResultUpdate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=150, verbose_name='title')),
                        ('body', models.TextField(blank=True, max_length=10000, verbose_name='text')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done'), ('abandoned', 'Abandoned')], max_length=12, verbose_name='status')),
                        ('progress', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(100)], verbose_name='progress (%)')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='date')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('result', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='updates', to='results.result')),
                    ],
                    options={
                        'verbose_name': 'result update',
                        'verbose_name_plural': 'result updates',
                        'db_table': 'participation_resultupdate',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='result',
                    index=models.Index(fields=['consultation', 'parent', 'position'], name='participati_consult_1cd878_idx'),
                ),
            ],
        ),
    ]
