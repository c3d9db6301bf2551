"""The packaged encoders: shapes, unit length, and meaning over shared words."""

import numpy as np
import pytest

from ensemble.semantics import encoders


def test_vectors_have_the_documented_shape_and_unit_length():
    matrix = encoders.encode(["Un local deux soirs par semaine", ""])
    assert matrix.shape == (2, encoders.DIM)
    assert matrix.dtype == np.float32
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1, atol=1e-4)


def test_no_text_gives_no_vector():
    assert encoders.encode([]).shape == (0, encoders.DIM)


def test_dot_product_is_the_mean_of_the_two_models_cosines():
    matrix = encoders.encode(["Réparer des vélos", "Atelier de réparation de bicyclettes"])
    e5, use = encoders.parts(matrix)
    mean = (e5[0] @ e5[1] + use[0] @ use[1]) / 2
    assert matrix[0] @ matrix[1] == pytest.approx(mean, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "paraphrase", "decoy"),
    [
        (
            "Besoin d'un mentor en ressources humaines",
            "Accompagnement au recrutement et à la gestion du personnel",
            "Café réparation : ressources pour humains bricoleurs",
        ),
    ],
)
def test_a_paraphrase_is_closer_than_a_decoy_that_shares_the_words(text, paraphrase, decoy):
    vectors = encoders.encode([text, paraphrase, decoy])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_long_texts_are_cut_and_blank_ones_embedded():
    assert len(encoders.clean("mot " * 5000)) == encoders.MAX_CHARS
    assert encoders.clean(" \n\t") == " "


def test_bytes_round_trip():
    vector = encoders.encode(["Compost partagé"])[0]
    assert np.array_equal(encoders.from_bytes(encoders.to_bytes(vector)), vector)
