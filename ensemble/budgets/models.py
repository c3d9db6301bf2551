"""Participatory budgets: a consultation's envelope(s), the projects put to the vote, ballots.

Amounts are whole euros. The territory-wide envelope is `Budget.envelope`; a
neighbourhood's own envelope is a `NeighbourhoodEnvelope`. A project with a
neighbourhood is paid from that neighbourhood's envelope, one without from the
territory-wide one. Stored counters (`votes_count`, `ballots_count`, the
`Turnout` lines) are kept by `services.ballots` when a ballot is submitted,
never by signals, and counted again by `services.counts.recount`.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel


class VoteSettings(models.Model):
    """A territory's rule on who may vote in its budgets (absent: the default rule)."""

    territory = models.OneToOneField(
        "territories.Territory",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="vote_settings",
    )
    verified_residents_only = models.BooleanField(
        _("only residents verified by an agent vote"),
        default=False,
        help_text=_("Otherwise every member with a confirmed email address votes."),
    )

    class Meta:
        verbose_name = _("vote settings")
        verbose_name_plural = _("vote settings")

    def __str__(self) -> str:
        return str(self.territory_id)


class VerifiedResident(models.Model):
    """A person an agent checked lives in the territory (and in which neighbourhood)."""

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="residences"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), auto_now_add=True)

    class Meta:
        verbose_name = _("verified resident")
        verbose_name_plural = _("verified residents")
        constraints = [
            models.UniqueConstraint(fields=["territory", "user"], name="verified_resident_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.territory_id}"


class Budget(TimeStampedModel):
    class Rule(models.TextChoices):
        ENVELOPE = "envelope", _("Choose projects within the envelope")
        PICK_N = "pick_n", _("Choose a number of projects")
        APPROVAL = "approval", _("Approve at least a number of projects")

    consultation = models.OneToOneField(
        "consultations.Consultation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="budget",
    )
    envelope = models.PositiveBigIntegerField(
        _("territory-wide envelope (euros)"),
        default=0,
        help_text=_("For the projects of the whole territory."),
    )
    rule = models.CharField(_("ballot rule"), max_length=10, choices=Rule, default=Rule.ENVELOPE)
    rule_count = models.PositiveSmallIntegerField(
        _("number of projects"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("At most this many (choose a number), at least this many (approval)."),
    )
    results_visible_during_vote = models.BooleanField(
        _("show the votes while the vote runs"), default=False
    )
    closed_at = models.DateTimeField(_("vote closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    ballots_count = models.PositiveIntegerField(_("online ballots"), default=0)
    paper_ballots_count = models.PositiveIntegerField(_("paper ballots"), default=0)

    class Meta:
        verbose_name = _("participatory budget")
        verbose_name_plural = _("participatory budgets")

    def __str__(self) -> str:
        return str(self.consultation_id)

    def get_absolute_url(self) -> str:
        consultation = self.consultation
        return reverse(
            "budgets:ballot",
            kwargs={
                "territory_slug": consultation.territory.slug,
                "consultation_pk": consultation.pk,
            },
        )

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class NeighbourhoodEnvelope(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="envelopes")
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("neighbourhood"),
    )
    amount = models.PositiveBigIntegerField(_("envelope (euros)"))

    class Meta:
        verbose_name = _("neighbourhood envelope")
        verbose_name_plural = _("neighbourhood envelopes")
        constraints = [
            models.UniqueConstraint(fields=["budget", "neighbourhood"], name="envelope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood_id}: {self.amount}"


class BudgetProject(TimeStampedModel, PlacedModel):
    """A project put to the vote: costed, placed, with the contributions it comes from."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    cost = models.PositiveBigIntegerField(_("cost (euros)"), validators=[MinValueValidator(1)])
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
        help_text=_("Empty: a project of the whole territory, paid from its envelope."),
    )
    image = models.ImageField(_("image"), upload_to="budgets/", blank=True)
    image_alt = models.CharField(_("description of the image"), max_length=250, blank=True)
    contributions = models.ManyToManyField(
        "contributions.Contribution",
        blank=True,
        related_name="budget_projects",
        verbose_name=_("contributions it comes from"),
    )
    votes_count = models.PositiveIntegerField(_("votes"), default=0)
    paper_votes_count = models.PositiveIntegerField(_("paper votes"), default=0)
    # Set when the vote closes (`services.results.budget_close`).
    selected = models.BooleanField(_("retained"), default=False)
    explanation = models.TextField(_("why it is not retained"), max_length=5000, blank=True)
    result = models.ForeignKey(
        "results.Result", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    project = models.ForeignKey(
        "projects.Project", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("budget project")
        verbose_name_plural = _("budget projects")
        ordering = ["neighbourhood_id", "title", "pk"]
        indexes = [models.Index(fields=["budget", "-votes_count"])]

    def __str__(self) -> str:
        return self.title

    @property
    def total_votes(self) -> int:
        return self.votes_count + self.paper_votes_count


SUBMITTED_BALLOT = Q(submitted_at__isnull=False)


class BallotQuerySet(models.QuerySet):
    def submitted(self) -> "BallotQuerySet":
        return self.filter(SUBMITTED_BALLOT)


class Ballot(models.Model):
    """One person's ballot (online), or a paper ballot an agent entered (no person)."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper, entered by an agent")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ballots",
    )
    # The voter's neighbourhood when they voted (turnout by neighbourhood).
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    projects = models.ManyToManyField(BudgetProject, related_name="ballots", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = BallotQuerySet.as_manager()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "user"],
                condition=Q(user__isnull=False),
                name="ballot_one_per_person",
            )
        ]
        indexes = [
            models.Index(
                fields=["budget", "neighbourhood"],
                condition=SUBMITTED_BALLOT,
                name="ballot_submitted_turnout",
            )
        ]

    def __str__(self) -> str:
        return f"{self.budget_id}: {self.user_id or self.channel}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Turnout(models.Model):
    """The ballots of one neighbourhood (online, on paper): a stored counter of the results,
    moved by `services.ballots` under the budget row's lock. The voter's neighbourhood when
    they voted; none: not given."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="turnout")
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    online = models.PositiveIntegerField(default=0)
    paper = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("turnout")
        verbose_name_plural = _("turnout")
        constraints = [
            models.UniqueConstraint(fields=["budget", "neighbourhood"], name="turnout_unique")
        ]

    def __str__(self) -> str:
        return f"{self.budget_id} {self.neighbourhood_id}: {self.online} + {self.paper}"
