import hashlib

import numpy as np
import pytest

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.semantics import encoders

from .topics import TOPICS


def _fake_encode(texts, *, query=True):
    """Bag of words hashed into the encoders' dimensions: same words, close vectors."""
    rows = np.zeros((len(texts), encoders.DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in encoders.clean(text).lower().split():
            digest = int(hashlib.sha256(word.strip(".,").encode()).hexdigest(), 16)
            rows[row, digest % encoders.E5_DIM] += 1
            rows[row, encoders.E5_DIM + digest % encoders.USE_DIM] += 1
    left, right = encoders.parts(rows + 1e-6)
    return np.hstack([left, right]) * np.float32(1 / np.sqrt(2))


@pytest.fixture(autouse=True)
def fake_encoders(request, monkeypatch):
    if request.node.get_closest_marker("slow"):
        return
    monkeypatch.setattr(encoders, "encode", _fake_encode)


@pytest.fixture
def consultation(territory):
    """A consultation with three rounds of the three topics (a test module may override)."""
    consultation = ConsultationFactory(territory=territory)
    for index in range(3):
        for title, body in TOPICS:
            ContributionFactory(consultation=consultation, title=f"{title} {index}", body=body)
    return consultation
