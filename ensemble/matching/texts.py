"""What each matched object means: the text semantics embeds for it (one place)."""

ORGANISATION_DESCRIPTION_CHARS = 1000


def _join(*parts: str) -> str:
    return ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip())


def need_text(need) -> str:
    return _join(need.title, need.description, need.skill)


def offer_text(offer) -> str:
    return _join(offer.title, offer.description, offer.skill)


def organisation_text(organisation) -> str:
    return _join(
        organisation.name,
        organisation.summary,
        (organisation.description or "")[:ORGANISATION_DESCRIPTION_CHARS],
    )
