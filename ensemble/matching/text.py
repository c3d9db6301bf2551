"""French text normalisation for matching: accents and word forms must not matter.

`stems(text)` lowercases, strips accents (unicodedata), drops stop words and
reduces each word to a light French stem (plural and common derivational
suffixes: "locaux" → "local", "cuisinières" → "cuisin", "réparations" →
"repar"). `similarity(a, b)` is the cosine between the two bags of stems.
The stemmer is deliberately tiny (a handful of suffix rules): enough for
needs and offers, which are short, and without a dependency.
"""

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ensemble.search.query import STOPWORDS

_WORDS = re.compile(r"[a-z0-9]+")
_EXTRA_STOPWORDS = frozenset(
    {
        "a", "est", "sont", "avoir", "etre", "fait", "faire", "peut", "plus", "tres", "tout",
        "tous", "toute", "toutes", "cette", "cet", "ainsi", "aussi", "comme", "entre", "chez",
        "depuis", "sans", "sous", "vers", "afin", "besoin", "besoins", "cherche", "cherchons",
        "recherche", "recherchons", "propose", "proposons", "offre", "offrons", "notre", "nos",
        "projet", "projets", "association", "quartier", "y", "d", "l", "n", "s", "c", "j", "m",
        "qu", "dont", "ici", "etc", "bien", "peu", "quelques", "quelque", "chaque", "mois",
        "semaine", "semaines", "an", "ans", "annee",
    }
)  # fmt: skip
_STOP = frozenset(STOPWORDS) | _EXTRA_STOPWORDS
# Longest suffixes first; a stem keeps at least MIN_STEM letters.
_SUFFIXES = (
    "abilites", "abilite", "issements", "issement", "ements", "ement", "ations", "ation",
    "atrices", "atrice",
    "ateurs", "ateur", "euses", "euse", "eurs", "eur", "iques", "ique", "ismes", "isme",
    "istes", "iste", "ables", "able", "ances", "ance", "ences", "ence", "ites", "ite",
    "ieres", "iere", "iers", "ier", "ives", "ive", "ifs", "if", "elles", "elle", "ees",
    "ee", "ages", "age", "ats", "at", "es", "er", "ez", "s", "x", "e",
)  # fmt: skip
MIN_STEM = 3


def fold(text: str) -> str:
    """Lowercase without accents: "Réparation Vélos" → "reparation velos"."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    if word.endswith("aux") and len(word) > 4:  # locaux → local, travaux → traval
        word = word[:-3] + "al"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The meaningful folded words of `text`, in order (stop words removed)."""
    return [w for w in _WORDS.findall(fold(text)) if len(w) > 1 and w not in _STOP]


def stems(text: str) -> Counter:
    return Counter(stem(w) for w in words(text))


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[key] for key, count in a.items() if key in b)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm


def similarity(a: str, b: str) -> float:
    return cosine(stems(a), stems(b))


def shared_words(text: str, other: Counter, limit: int = 3) -> list[str]:
    """Words of `text` (as written, accents kept) whose stem is in `other`."""
    found: list[str] = []
    seen: set[str] = set()
    for original in re.findall(r"\w+", str(text or "")):
        folded = fold(original)
        if len(folded) < 3 or folded in _STOP:
            continue
        key = stem(folded)
        if key in other and key not in seen:
            seen.add(key)
            found.append(original.lower())
            if len(found) == limit:
                break
    return found
