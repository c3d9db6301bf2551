"""The registered need types: one class per kind, its label and its own rules.

A type validates what a need or an offer of its kind carries (a number of
people, an amount, a skill): services ask the type, never test `kind == …`.
Adding a kind is one class decorated with `@register` (plus its tests).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ensemble.core.registry import Registry


class NeedType:
    kind: str
    label = ""
    label_plural = ""
    # What the number of a need counts, if anything: "people", "euros" or "".
    quantity_unit = ""
    quantity_label = ""
    # Skills needs and offers name the skill itself.
    names_skill = False
    help_text = ""
    # Other offer kinds that partly meet a need of this kind, with how well
    # (0..1); an offer of the same kind meets it fully. Read by matching.
    partly_met_by: dict[str, float] = {}
    # Met by someone nearby (a room, a van, people's time): matching looks in the need's
    # territory and the territories next to it first. Other kinds can come from afar.
    place_bound = False
    # Details asked besides the number, amount and skill above: "surface", "schedule".
    extra_details: tuple[str, ...] = ()

    def __str__(self) -> str:
        return str(self.label)

    def offer_fit(self, offer_kind: str) -> float:
        """How well an offer of `offer_kind` can meet a need of this kind (0..1)."""
        if offer_kind == self.kind:
            return 1.0
        return self.partly_met_by.get(offer_kind, 0.0)

    @property
    def details(self) -> tuple[str, ...]:
        """The need's fields that this kind asks for, besides its title, text and deadline."""
        asked = {"people": ("quantity",), "euros": ("amount",)}.get(self.quantity_unit, ())
        return (*asked, *(("skill",) if self.names_skill else ()), *self.extra_details)

    def need_check(self, *, quantity, amount, skill: str, surface=None, schedule: str = "") -> None:
        """Raise ValidationError, by field, when a need of this kind cannot carry these values."""
        errors = {}
        if "surface" in self.details:
            if surface is not None and surface < 1:
                errors["surface"] = gettext("Give a surface of at least 1 m².")
        elif surface is not None:
            errors["surface"] = gettext("This kind of need has no surface.")
        if "schedule" not in self.details and (schedule or "").strip():
            errors["schedule"] = gettext("This kind of need has no schedule.")
        if self.quantity_unit == "people":
            if quantity is not None and quantity < 1:
                errors["quantity"] = gettext("Give a number of at least 1.")
        elif quantity is not None:
            errors["quantity"] = gettext("This kind of need does not count people.")
        if self.quantity_unit == "euros":
            if amount is not None and amount <= 0:
                errors["amount"] = gettext("The amount must be more than zero.")
        elif amount is not None:
            errors["amount"] = gettext("This kind of need has no amount.")
        if self.names_skill and not (skill or "").strip():
            errors["skill"] = gettext("Name the skill you are looking for.")
        elif not self.names_skill and skill:
            errors["skill"] = gettext("This kind of need does not name a skill.")
        if errors:
            raise ValidationError(errors)

    def offer_skill(self, skill: str) -> str:
        """The skill an offer of this kind keeps: required when the kind names one, else none."""
        skill = (skill or "").strip()
        if self.names_skill and not skill:
            raise ValidationError({"skill": gettext("Name the skill you offer.")})
        return skill if self.names_skill else ""


registry: Registry[NeedType] = Registry("need types", key=lambda entry: entry.kind)


# The module-level API that projects, actors and matching call.


def register(cls: type[NeedType]) -> type[NeedType]:
    return registry.register(cls)


def need_type(kind: str) -> NeedType:
    """The type of `kind`; `NotRegistered` (a LookupError) for an unknown kind."""
    return registry.get(kind)


def need_types() -> list[NeedType]:
    return registry.all()


def kind_choices() -> list[tuple[str, str]]:
    return registry.choices()


@register
class Volunteers(NeedType):
    kind = "volunteers"
    label = _("Volunteers")
    label_plural = _("Volunteers")
    quantity_unit = "people"
    quantity_label = _("Number of volunteers")
    place_bound = True
    help_text = _("People who give some of their time.")
    partly_met_by = {"skills": 0.5}


@register
class Skills(NeedType):
    kind = "skills"
    label = _("Skills")
    label_plural = _("Skills")
    names_skill = True
    quantity_unit = "people"
    quantity_label = _("Number of people")
    help_text = _("A know-how: carpentry, accounting, web design…")
    partly_met_by = {"expertise": 0.6, "volunteers": 0.3}


@register
class Premises(NeedType):
    kind = "premises"
    label = _("Premises")
    label_plural = _("Premises")
    place_bound = True
    extra_details = ("surface", "schedule")
    help_text = _("A room, a workshop, a plot of land, storage…")
    partly_met_by = {"equipment": 0.2}


@register
class Funding(NeedType):
    kind = "funding"
    label = _("Funding")
    label_plural = _("Funding")
    quantity_unit = "euros"
    quantity_label = _("Amount (euros)")
    help_text = _("A grant, sponsorship, a loan, crowdfunding…")
    partly_met_by = {"partnership": 0.4}


@register
class Equipment(NeedType):
    kind = "equipment"
    label = _("Equipment")
    label_plural = _("Equipment")
    place_bound = True
    help_text = _("Tools, furniture, a vehicle, computers…")
    partly_met_by = {"premises": 0.2}


@register
class Expertise(NeedType):
    kind = "expertise"
    label = _("Expertise and mentoring")
    label_plural = _("Expertise and mentoring")
    help_text = _("Advice from someone who has done it before.")
    partly_met_by = {"skills": 0.6}


@register
class Communication(NeedType):
    kind = "communication"
    label = _("Communication")
    label_plural = _("Communication")
    help_text = _("Making the project known: posters, social media, press…")
    partly_met_by = {"skills": 0.5, "expertise": 0.3}


@register
class Partnership(NeedType):
    kind = "partnership"
    label = _("Partnership")
    label_plural = _("Partnerships")
    help_text = _("An organisation to carry the project with.")
    partly_met_by = {"funding": 0.3, "expertise": 0.3, "premises": 0.3}
