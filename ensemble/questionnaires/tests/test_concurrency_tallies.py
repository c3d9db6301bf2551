"""Stored results under real concurrent connections (PostgreSQL, READ COMMITTED); see
contributions/tests/test_concurrency_supports.py for how the threads are run."""

import random

from ensemble.accounts.models import User
from ensemble.contributions.tests.test_concurrency_supports import residents, run_concurrently
from ensemble.core.exceptions import Conflict
from ensemble.questionnaires.models import Questionnaire, Response
from ensemble.questionnaires.services import response_submit, response_withdraw
from ensemble.questionnaires.tests.factories import by_text, questionnaire_consultation
from ensemble.questionnaires.tests.test_tallies import assert_tallies_equal_a_recount, stored
from ensemble.testing.concurrency import CONCURRENT

pytestmark = CONCURRENT

THREADS = 40


def test_concurrent_answers_changes_and_withdrawals_give_counts_equal_to_a_recount(territory):
    _consultation, questionnaire = questionnaire_consultation(territory)
    q = by_text(questionnaire)
    people = residents(territory, 400)
    draw = random.Random(19)

    def answers():
        return {
            q["Venez-vous à vélo ?"]: "Oui",
            q["Quels aménagements ?"]: draw.sample(["Pistes", "Arceaux", "Ateliers"], 2),
            q["Vos priorités"]: draw.sample(["Sécurité", "Confort", "Coût"], 3),
            q["Votre satisfaction"]: draw.randint(1, 5),
            q["Kilomètres par semaine"]: str(draw.randint(0, 400)),
            q["Votre avis"]: {"Pistes": draw.choice(["Bien", "Moyen", "Mal"])},
        }

    plans = {pk: (answers(), answers(), draw.random() < 0.25) for pk in people}

    def take_part(user_pk):
        user = User.objects.get(pk=user_pk)
        target = (
            Questionnaire.objects.select_related("consultation")
            .prefetch_related("questions")
            .get(pk=questionnaire.pk)
        )
        first, second, withdraws = plans[user_pk]
        response_submit(user=user, questionnaire=target, answers=first)
        response_submit(user=user, questionnaire=target, answers=second)
        if withdraws:
            response_withdraw(user=user, questionnaire=target)

    outcomes = run_concurrently([lambda pk=pk: take_part(pk) for pk in people], THREADS)

    assert not [o for o in outcomes if isinstance(o, Conflict)]
    staying = sum(not withdraws for _first, _second, withdraws in plans.values())
    assert Response.objects.filter(questionnaire=questionnaire).count() == staying
    yes = stored(questionnaire)[(q["Venez-vous à vélo ?"], "", "Oui")]
    assert yes[0] == staying
    assert_tallies_equal_a_recount(questionnaire)
