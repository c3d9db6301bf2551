"""Contributions, supports and follows move here from the participation app (state only).
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
        ('events', '0002_initial'),
        ('territories', '0002_membership_newest_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Contribution',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('address', models.CharField(blank=True, max_length=250, verbose_name='address')),
                        ('latitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude')),
                        ('longitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude')),
                        ('kind', models.CharField(choices=[('problem', 'Problem'), ('idea', 'Idea')], max_length=10, verbose_name='kind')),
                        ('title', models.CharField(max_length=150, verbose_name='title')),
                        ('body', models.TextField(max_length=10000, verbose_name='text')),
                        ('image', models.ImageField(blank=True, upload_to='contributions/', verbose_name='image')),
                        ('image_alt', models.CharField(blank=True, help_text='What the image shows, for people who cannot see it.', max_length=250, verbose_name='description of the image')),
                        ('charter_version', models.PositiveIntegerField(verbose_name='charter version')),
                        ('group_size', models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='people in the group')),
                        ('answer_state', models.CharField(blank=True, choices=[('under_study', 'Under study'), ('accepted', 'Accepted'), ('partially_accepted', 'Partially accepted'), ('rejected', 'Rejected'), ('already_done', 'Already done'), ('merged', 'Merged')], default='', max_length=20, verbose_name='answer')),
                        ('first_answered_at', models.DateTimeField(blank=True, null=True, verbose_name='first answered at')),
                        ('is_hidden', models.BooleanField(default=False, verbose_name='hidden by moderation')),
                        ('hidden_reason', models.CharField(blank=True, max_length=300, verbose_name='reason for hiding')),
                        ('supports_count', models.PositiveIntegerField(default=0)),
                        ('comments_count', models.PositiveIntegerField(default=0)),
                        ('followers_count', models.PositiveIntegerField(default=0)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to=settings.AUTH_USER_MODEL)),
                        ('coauthors', models.ManyToManyField(blank=True, related_name='coauthored_contributions', to=settings.AUTH_USER_MODEL)),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='consultations.consultation')),
                        ('merged_into', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='merged_from', to='contributions.contribution', verbose_name='merged into')),
                        ('neighbourhood', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to='territories.neighbourhood', verbose_name='neighbourhood')),
                        ('territory', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='territories.territory')),
                        ('themes', models.ManyToManyField(blank=True, to='territories.theme', verbose_name='themes')),
                        ('workshop', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to='events.event', verbose_name='workshop')),
                    ],
                    options={
                        'verbose_name': 'contribution',
                        'verbose_name_plural': 'contributions',
                        'db_table': 'participation_contribution',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ContributionFollow',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('contribution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to='contributions.contribution')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contribution_follows', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'follow',
                        'verbose_name_plural': 'follows',
                        'db_table': 'participation_contributionfollow',
                    },
                ),
                migrations.CreateModel(
                    name='Support',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='consultations.consultation')),
                        ('contribution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='supports', to='contributions.contribution')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contribution_supports', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'support',
                        'verbose_name_plural': 'supports',
                        'db_table': 'participation_support',
                    },
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(condition=models.Q(('is_hidden', False), ('merged_into__isnull', True)), fields=['consultation', '-supports_count', '-id'], name='contribution_open_supports'),
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(condition=models.Q(('is_hidden', False), ('merged_into__isnull', True)), fields=['consultation', '-created_at', '-id'], name='contribution_open_newest'),
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(condition=models.Q(('is_hidden', False), ('merged_into__isnull', True)), fields=['consultation', '-comments_count', '-id'], name='contribution_open_comments'),
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(condition=models.Q(('is_hidden', False), ('merged_into__isnull', True)), fields=['consultation', 'answer_state', 'created_at', 'id'], name='contribution_open_answer'),
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(condition=models.Q(('is_hidden', True)), fields=['consultation', '-created_at'], name='contribution_hidden'),
                ),
                migrations.AddIndex(
                    model_name='contribution',
                    index=models.Index(fields=['territory', '-created_at'], name='participati_territo_0e0f80_idx'),
                ),
                migrations.AddConstraint(
                    model_name='contributionfollow',
                    constraint=models.UniqueConstraint(fields=('contribution', 'user'), name='contribution_follow_unique'),
                ),
                migrations.AddIndex(
                    model_name='support',
                    index=models.Index(fields=['consultation', 'user'], name='participati_consult_697582_idx'),
                ),
                migrations.AddConstraint(
                    model_name='support',
                    constraint=models.UniqueConstraint(fields=('contribution', 'user'), name='support_unique'),
                ),
            ],
        ),
    ]
