"""Consultations, phases, charter versions and participants move here from the
participation app: their tables keep their names (state only). Workshops are new.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import ensemble.consultations.phases
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('events', '0002_initial'),
        ('participation', '0002_participants_public_answers_open_indexes'),
        ('territories', '0002_membership_newest_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Consultation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('title', models.CharField(max_length=150, verbose_name='title')),
                        ('question', models.CharField(max_length=300, verbose_name='question asked')),
                        ('description', models.TextField(blank=True, max_length=20000, verbose_name='description')),
                        ('visibility', models.CharField(choices=[('public', 'Public'), ('agents', 'Public agents only')], default='public', help_text="An internal consultation is seen only by the territory's public agents.", max_length=10, verbose_name='who takes part')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', max_length=10, verbose_name='status')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                        ('supports_per_person', models.PositiveIntegerField(blank=True, help_text='How many contributions one person may support; empty: no limit.', null=True, verbose_name='supports per person')),
                        ('explanation_min_length', models.PositiveIntegerField(default=50, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(2000)], verbose_name="minimum length of an answer's explanation")),
                        ('charter_version', models.PositiveIntegerField(default=0, verbose_name='charter version')),
                        ('answer_within_days', models.PositiveIntegerField(default=60, help_text="The charter's promise: every contribution gets an answer within this delay.", verbose_name='answer within (days)')),
                        ('contributions_count', models.PositiveIntegerField(default=0)),
                        ('answered_count', models.PositiveIntegerField(default=0)),
                        ('supports_count', models.PositiveIntegerField(default=0)),
                        ('results_count', models.PositiveIntegerField(default=0)),
                        ('participants_count', models.PositiveIntegerField(default=0)),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('neighbourhoods', models.ManyToManyField(blank=True, help_text='Leave empty when the whole territory is concerned.', to='territories.neighbourhood', verbose_name='neighbourhoods')),
                        ('territory', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultations', to='territories.territory', verbose_name='territory')),
                        ('themes', models.ManyToManyField(blank=True, to='territories.theme', verbose_name='themes')),
                    ],
                    options={
                        'verbose_name': 'consultation',
                        'verbose_name_plural': 'consultations',
                        'db_table': 'participation_consultation',
                        'ordering': ['-published_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CharterVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(verbose_name='version')),
                        ('body', models.TextField(help_text='Who may take part, what will be done with the contributions, when answers come.', max_length=20000, verbose_name='charter')),
                        ('changes', models.TextField(blank=True, help_text='Shown in the public changelog.', max_length=2000, verbose_name='what changed')),
                        ('answer_within_days', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(730)], verbose_name='answer within (days)')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='published at')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='charter_versions', to='consultations.consultation')),
                    ],
                    options={
                        'verbose_name': 'charter version',
                        'verbose_name_plural': 'charter versions',
                        'db_table': 'participation_charterversion',
                        'ordering': ['-version'],
                    },
                ),
                migrations.CreateModel(
                    name='Participant',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='took part first at')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='consultations.consultation')),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='consultation_participations', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'participant',
                        'verbose_name_plural': 'participants',
                        'db_table': 'participation_participant',
                    },
                ),
                migrations.CreateModel(
                    name='Phase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', ensemble.consultations.phases.PhaseKindField(max_length=20, verbose_name='kind')),
                        ('title', models.CharField(blank=True, help_text='Empty: the name of the kind.', max_length=150, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=5000, verbose_name='description')),
                        ('starts_at', models.DateTimeField(verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(blank=True, help_text='Empty: open-ended.', null=True, verbose_name='ends at')),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='phases', to='consultations.consultation')),
                    ],
                    options={
                        'verbose_name': 'phase',
                        'verbose_name_plural': 'phases',
                        'db_table': 'participation_phase',
                        'ordering': ['position', 'starts_at', 'pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='consultation',
                    index=models.Index(fields=['territory', 'status', 'visibility', '-published_at'], name='participati_territo_850827_idx'),
                ),
                migrations.AddConstraint(
                    model_name='charterversion',
                    constraint=models.UniqueConstraint(fields=('consultation', 'version'), name='charter_version_unique'),
                ),
                migrations.AddConstraint(
                    model_name='participant',
                    constraint=models.UniqueConstraint(fields=('consultation', 'user'), name='consultation_participant_unique'),
                ),
                migrations.AddIndex(
                    model_name='phase',
                    index=models.Index(fields=['consultation', 'starts_at'], name='participati_consult_861738_idx'),
                ),
            ],
        ),
        migrations.CreateModel(
            name='Workshop',
            fields=[
                ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='workshop', serialize=False, to='events.event')),
                ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='workshops', to='consultations.consultation', verbose_name='consultation')),
            ],
            options={
                'verbose_name': 'workshop',
                'verbose_name_plural': 'workshops',
            },
        ),
    ]
