"""The themes on the labelled set of bench/synthesis, with the real encoders' vectors
(saved in bench/synthesis/vectors.npz): the figures must not drop below those reached."""

import pytest

from ensemble.synthesis import evaluation


@pytest.mark.slow
def test_themes_and_near_duplicates_do_not_regress():
    assert evaluation.vectors_load() >= 225
    report = evaluation.evaluate()
    assert report.contributions >= 200 and report.themes >= 10
    assert report.ari >= 0.42, report
    assert report.v_measure >= 0.62, report
    assert report.near_duplicates_found >= 25, report
