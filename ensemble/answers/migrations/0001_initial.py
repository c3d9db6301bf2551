"""Answers move here from the participation app (state only).
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
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Answer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(verbose_name='version')),
                        ('state', models.CharField(choices=[('under_study', 'Under study'), ('accepted', 'Accepted'), ('partially_accepted', 'Partially accepted'), ('rejected', 'Rejected'), ('already_done', 'Already done'), ('merged', 'Merged')], max_length=20, verbose_name='answer')),
                        ('explanation', models.TextField(max_length=10000, verbose_name='explanation')),
                        ('decided_by', models.CharField(blank=True, help_text='For example: the municipal council of 12 March 2026.', max_length=200, verbose_name='decided by')),
                        ('cost', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cost (euros)')),
                        ('timeline', models.CharField(blank=True, max_length=200, verbose_name='timeline')),
                        ('author_role', models.CharField(blank=True, max_length=20, verbose_name='role of the author')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='answered at')),
                        ('is_public', models.BooleanField(default=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'answer',
                        'verbose_name_plural': 'answers',
                        'db_table': 'participation_answer',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.AddField(
                    model_name='answer',
                    name='consultation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='consultations.consultation'),
                ),
                migrations.AddField(
                    model_name='answer',
                    name='contribution',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='contributions.contribution'),
                ),
                migrations.AddIndex(
                    model_name='answer',
                    index=models.Index(condition=models.Q(('is_public', True)), fields=['consultation', '-created_at', '-id'], name='answer_journal'),
                ),
                migrations.AddIndex(
                    model_name='answer',
                    index=models.Index(condition=models.Q(('is_public', True)), fields=['consultation', 'state', '-created_at', '-id'], name='answer_journal_state'),
                ),
                migrations.AddConstraint(
                    model_name='answer',
                    constraint=models.UniqueConstraint(fields=('contribution', 'version'), name='answer_version_unique'),
                ),
            ],
        ),
    ]
