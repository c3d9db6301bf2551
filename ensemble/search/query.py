"""What a person typed, made safe: at most MAX_TERMS plain words, no operator.

Backends never see the raw input: they build their own query language
(tsquery, FTS5) from `terms`, which hold only letters and digits, so quotes,
`*`, `NEAR`, `-`, parentheses or SQL in the input are just ignored characters.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MIN_LENGTH = 2
MAX_LENGTH = 200
MAX_TERMS = 10
_SEPARATORS = re.compile(r"[\W_]+")
# Words too common to narrow anything down (PostgreSQL drops its own list too).
STOPWORDS = frozenset(
    {
        "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "il",
        "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "mes", "mon",
        "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa",
        "se", "ses", "son", "sur", "ta", "te", "tes", "ton", "tu", "un", "une", "vos", "votre",
        "vous", "the", "and", "of", "to", "in", "for",
    }
)  # fmt: skip


@dataclass
class ParsedQuery:
    text: str
    terms: list[str] = field(default_factory=list)
    message: str = ""


def query_parse(raw) -> ParsedQuery:
    text = " ".join(str(raw or "").split())[:MAX_LENGTH]
    if len(text) < MIN_LENGTH:
        message = _("Type at least %(count)d characters to search.") % {"count": MIN_LENGTH}
        return ParsedQuery(text=text, message=message) if text else ParsedQuery(text="")
    terms: list[str] = []
    for word in _SEPARATORS.split(text.lower()):
        if len(word) < 2 or word in STOPWORDS or word in terms:
            continue
        terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    if not terms:
        return ParsedQuery(text=text, message=_("Use more specific words to search."))
    return ParsedQuery(text=text, terms=terms)
