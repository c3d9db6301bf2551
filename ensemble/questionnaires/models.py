"""Questionnaires, their questions, and the responses people give.

A questionnaire belongs to a consultation (answered during its questionnaire
phase) or, without one, is a quick poll on its territory's home page (open
between `opens_at` and `closes_at`).

Answers are stored one row per atomic item (`Answer`): one per option chosen,
one per row of a matrix, one per ranked option (with its rank). Their counts
are stored (`Tally`), moved in the transaction that saves, changes or withdraws
a response (`tallies`), so a results page reads a few rows whatever the number
of responses (`selectors.question_results`).

**Anonymous questionnaires store no link to the person**: the response has no
user and no time, its id is random (no order to match), and who answered
(to answer once) is kept apart in `Respondent`, which names no response.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel


class Questionnaire(TimeStampedModel):
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="questionnaires"
    )
    consultation = models.OneToOneField(
        "consultations.Consultation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questionnaire",
    )
    title = models.CharField(_("title"), max_length=150)
    introduction = models.TextField(_("introduction"), max_length=5000, blank=True)
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "No link between a response and its person is stored; a response "
            "cannot be changed afterwards."
        ),
    )
    # A quick poll (no consultation): shown on the territory's home while open.
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    responses_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        indexes = [
            models.Index(
                fields=["territory", "-opens_at"],
                condition=Q(consultation__isnull=True),
                name="questionnaire_home_poll",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_poll(self) -> bool:
        return self.consultation_id is None


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RANKING = "ranking", _("Ranking")
        SCALE = "scale", _("Scale")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        MATRIX = "matrix", _("Matrix")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # Choice kinds and matrix: the options (matrix: its columns).
    options = models.JSONField(_("options"), default=list, blank=True)
    # Matrix: its rows.
    rows = models.JSONField(_("rows"), default=list, blank=True)
    max_choices = models.PositiveSmallIntegerField(
        _("at most (multiple choice)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    scale_max = models.PositiveSmallIntegerField(
        _("scale from 1 to"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    # Conditional display: shown only when `show_if` was answered with `show_if_value`.
    show_if = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shown only if the question"),
    )
    show_if_value = models.CharField(_("was answered"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    # Both empty for an anonymous questionnaire. A deleted account leaves its response
    # (counted) without a person, as its ballots and supports.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaire_responses",
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "user"],
                condition=Q(user__isnull=False),
                name="response_one_per_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.pk)


class Respondent(models.Model):
    """Who answered an anonymous questionnaire (to answer once), without their response."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="respondents"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "user"], name="respondent_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.questionnaire_id}"


class Answer(models.Model):
    """One atomic item of a response: an option, a matrix row's option, a rank, a value."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    row = models.CharField(max_length=200, blank=True)  # matrix: the row
    choice = models.CharField(max_length=200, blank=True)  # an option, or a scale value
    rank = models.PositiveSmallIntegerField(null=True, blank=True)  # ranking: 1 is first
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(max_length=5000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["question", "row", "choice"]),
            # The lowest and highest number of a question, found again after a withdrawal.
            models.Index(
                fields=["question", "number"],
                condition=Q(number__isnull=False),
                name="answer_question_number",
            ),
            # The latest free texts of a question (the results list them, newest first).
            models.Index(
                fields=["question", "-id"], condition=~Q(text=""), name="answer_question_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.choice or self.text[:20]}"


class Tally(models.Model):
    """A stored count of the results, moved by `tallies` in the transaction of a response.

    One line per option chosen (`choice`, in the matrix `row`): how many answers
    chose it and the sum of their ranks (ranking). The question's own line (`row`
    and `choice` empty) counts the people who answered it and, for numbers (number
    and scale), their sum, lowest and highest. Free texts are never counted: they
    are listed.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="tallies")
    row = models.CharField(max_length=200, blank=True)
    choice = models.CharField(max_length=200, blank=True)
    count = models.PositiveIntegerField(default=0)
    rank_sum = models.PositiveBigIntegerField(default=0)
    number_sum = models.DecimalField(max_digits=24, decimal_places=2, null=True, blank=True)
    low = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    high = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        constraints = [
            models.UniqueConstraint(fields=["question", "row", "choice"], name="tally_unique")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} {self.row} {self.choice}: {self.count}"

    @property
    def is_question_line(self) -> bool:
        return not self.row and not self.choice
