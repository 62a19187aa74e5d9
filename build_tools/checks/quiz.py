"""Rules on the quiz and the objectives it assesses."""
from __future__ import annotations

from collections import Counter
from datetime import date

from .. import LANGUAGE_NAMES, LANGUAGES
from ..sources.model import Curriculum, Module, Question
from ..sources.problems import Problems, Severity
from .registry import at, rule


def assessments(module: Module) -> list[tuple[tuple, list[str]]]:
    """(place, objective ids) of each question's `assesses:` and of the exercise's."""
    places = [(("quiz", q, "assesses"), question.assesses) for q, question in enumerate(module.quiz)]
    return places + [(("exercise", "assesses"), module.exercise.assesses)]


def assessed_objectives(module: Module) -> set[str]:
    """The module's objectives that a question or the exercise assesses."""
    return {o.id for o in module.objectives} & {i for _, ids in assessments(module) for i in ids}


@rule("objective-unknown", "objective-not-assessed")
def objectives_assessed(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        objectives = {o.id for o in m.model.objectives}
        assessed = assessed_objectives(m.model)
        for loc, ids in assessments(m.model):
            for index, objective_id in enumerate(ids):
                if objective_id not in objectives:
                    out.add(*at(m, *loc, index), "objective-unknown",
                            f"'{objective_id}' is not an objective of this module: use one of {', '.join(sorted(objectives))}")
        for index, objective in enumerate(m.model.objectives):
            if objective.id not in assessed:
                out.add(*at(m, "objectives", index, "id"), "objective-not-assessed",
                        f"objective '{objective.id}' is assessed by no quiz question and not by the exercise: "
                        "add it to a question's `assesses:` or to the exercise's")


@rule("quiz-answer-unknown", "quiz-option-unexplained")
def quiz_answers_valid(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        for q, question in enumerate(m.model.quiz):
            options = [o.id for o in question.options]
            for index, answer in enumerate(question.answer):
                if answer not in options:
                    loc = ("quiz", q, "answer") if len(question.answer) == 1 else ("quiz", q, "answer", index)
                    out.add(*at(m, *loc), "quiz-answer-unknown",
                            f"answer '{answer}' is not an option of question '{question.id}': use one of {', '.join(options)}")
            for o, option in enumerate(question.options):
                if option.explanation is None:
                    out.add(*at(m, "quiz", q, "options", o, "id"), "quiz-option-unexplained",
                            f"option '{option.id}' of question '{question.id}' has no `explanation:`: "
                            "say why it is right or wrong, in both languages")




# --- answers a reader could guess without reading ----------------------------------------------

# A verdict the site prints itself before every explanation: an explanation that starts with one
# is read twice ("Wrong. Wrong."). Strong words are verdicts whatever follows; weak ones only
# when punctuation follows them ("No." is a verdict, "No agency can..." is a sentence).
_STRONG_VERDICTS = {
    "en": ("right", "wrong", "correct", "incorrect", "exactly", "not quite", "partly right", "partly"),
    "fr": ("juste", "faux", "exact", "exacte", "exactement", "inexact", "correct", "incorrect", "bonne réponse",
           "mauvaise réponse", "pas tout à fait", "doublement faux", "en partie"),
}
_WEAK_VERDICTS = {"en": ("yes", "no", "true", "false"), "fr": ("oui", "non", "vrai")}
LONGEST_RIGHT_LIMIT = 0.4  # share of questions whose right option is the longest
SAME_POSITION_LIMIT = 0.5  # share of questions whose right answer sits at the same place


def verdict_word(text: str, lang: str) -> str | None:
    """The verdict an explanation begins with, if it begins with one."""
    start = text.strip().lower()
    for word in _STRONG_VERDICTS.get(lang, ()):
        if start.startswith(word) and (len(start) == len(word) or not start[len(word)].isalnum()):
            return text.strip()[:len(word)]
    for word in _WEAK_VERDICTS.get(lang, ()):
        if start.startswith(word) and len(start) > len(word) and start[len(word)] in ".,;:!":
            return text.strip()[:len(word)]
    return None


@rule("quiz-explanation-verdict")
def explanations_carry_no_verdict(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        for q, question in enumerate(m.model.quiz):
            for o, option in enumerate(question.options):
                for lang in LANGUAGES:
                    text = option.explanation.get(lang) if option.explanation else None
                    word = verdict_word(text, lang) if text else None
                    if word:
                        out.add(*at(m, "quiz", q, "options", o, "explanation", lang), "quiz-explanation-verdict",
                                f"the explanation of option '{option.id}' begins with \"{word}\": the site already "
                                "prints the verdict, so start with the reason", Severity.WARNING)


def right_is_longest(question: Question, lang: str) -> bool:
    """Whether one of the right options is strictly longer than every wrong one."""
    right = [len(o.text.best(lang).strip()) for o in question.options if o.id in question.answer]
    wrong = [len(o.text.best(lang).strip()) for o in question.options if o.id not in question.answer]
    return bool(right and wrong) and max(right) > max(wrong)


def answer_positions(questions: list[Question]) -> Counter:
    """How often the right answer sits at each place (1st option, 2nd...)."""
    return Counter(index + 1 for question in questions for index, option in enumerate(question.options)
                   if option.id in question.answer)


def balance_summary(questions: list[Question], lang: str) -> str:
    longest = sum(right_is_longest(q, lang) for q in questions)
    places = answer_positions(questions)
    spread = ", ".join(f"option {place}: {places[place]}" for place in sorted(places))
    return f"the right option is the longest in {longest} of {len(questions)} questions; right answers sit at {spread}"


@rule("quiz-right-longest", "quiz-answer-position")
def answers_are_not_guessable(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        questions = m.model.quiz
        if len(questions) < 3:
            continue
        where = (m.yaml_path, *m.source.at(("quiz",), prefer_key=True))
        for lang in LANGUAGES:
            longest = sum(right_is_longest(q, lang) for q in questions)
            if longest / len(questions) > LONGEST_RIGHT_LIMIT:
                out.add(*where, "quiz-right-longest",
                        f"{LANGUAGE_NAMES[lang]}: {balance_summary(questions, lang)}. A reader could pass by picking "
                        f"the longest option: keep it at {LONGEST_RIGHT_LIMIT:.0%} or less by making wrong options as "
                        "full and plausible as the right one, or the right one shorter", Severity.WARNING)
        places = answer_positions(questions)
        place, count = places.most_common(1)[0] if places else (0, 0)
        if len(questions) >= 4 and count / len(questions) > SAME_POSITION_LIMIT:
            out.add(*where, "quiz-answer-position",
                    f"the right answer is option {place} in {count} of {len(questions)} questions: "
                    "vary where the right answer sits", Severity.WARNING)

