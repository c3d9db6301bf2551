"""Need types: what a project can ask for and what an actor can offer.

A type is one class registered here; pages, forms, matching and the API ask
the registry what a kind means (its label, whether it counts people or
euros, whether it names a skill) instead of testing `kind == …`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

_REGISTRY: dict[str, "NeedType"] = {}


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

    def offer_fit(self, offer_kind: str) -> float:
        """How well an offer of `offer_kind` can meet a need of this kind (0..1)."""
        if offer_kind == self.kind:
            return 1.0
        return self.partly_met_by.get(offer_kind, 0.0)

    def __str__(self) -> str:
        return str(self.label)


def register(cls: type[NeedType]) -> type[NeedType]:
    _REGISTRY[cls.kind] = cls()
    return cls


def need_type(kind: str) -> NeedType:
    return _REGISTRY[kind]


def need_types() -> list[NeedType]:
    return list(_REGISTRY.values())


def kind_choices() -> list[tuple[str, str]]:
    return [(t.kind, t.label) for t in _REGISTRY.values()]


@register
class Volunteers(NeedType):
    kind = "volunteers"
    label = _("Volunteers")
    label_plural = _("Volunteers")
    quantity_unit = "people"
    quantity_label = _("Number of volunteers")
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


class NeedKindField(models.CharField):
    """A CharField whose choices are the registry's kinds (not enumerated in migrations)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs["choices"] = kind_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs
