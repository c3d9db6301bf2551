"""Extractive names for themes: phrases and words taken from the contributions, never
invented. The label is the title of the theme's most representative contribution; the
keywords are the words that set the theme apart (class-based TF-IDF over the themes)."""

import math
import re
from collections import Counter

LABEL_MAX = 200
WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ][a-zàâäçéèêëîïôöùûüÿœæ'-]{2,}", re.IGNORECASE)
_STOPWORDS = (
    "les des une dans pour par sur avec sans sous plus moins que qui quoi dont est "
    "sont ont pas tout tous toute toutes aux ces ses nos vos leur leurs mon mes ton "
    "tes son notre votre elle elles ils nous vous mais car donc alors comme très "
    "trop aussi même peu bien faire fait faut être avoir avait été cette ceux celui "
    "chez entre depuis encore jamais rien personne chaque quand où faudrait serait "
    "pourrait the and for with that this from are was were have has not but all can "
    "our your "
)
STOPWORDS = frozenset(_STOPWORDS.split())


def words(text: str) -> list[str]:
    return [
        word.strip("'-").lower()
        for word in WORD.findall(text or "")
        if word.lower() not in STOPWORDS and "'" not in word[:3]
    ]


def label_from(title: str) -> str:
    text = " ".join((title or "").split())
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1].rstrip() + "…"


def keywords(groups: list[list[str]], count: int = 5) -> list[list[str]]:
    """For each group of texts, its `count` most distinctive words (as written, lower case)."""
    counts = [Counter(word for text in texts for word in words(text)) for texts in groups]
    document_frequency = Counter(word for counter in counts for word in counter)
    total = len(groups)
    result = []
    for counter in counts:
        scored = sorted(
            (
                (-(times * math.log(1 + total / document_frequency[word])), word)
                for word, times in counter.items()
                if times > 1 or len(counter) < count
            ),
        )
        result.append([word for _score, word in scored[:count]])
    return result
