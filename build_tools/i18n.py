"""The words the generated pages use, in each language."""
from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "paths": "Learning paths",
        "paths_intro": "Each path is a series of modules to read in order. A module takes under an hour: a few short lessons, a self-check quiz and an exercise on your own company.",
        "mentor_guides": "Mentor guides",
        "mentors_intro": "One guide per module, for the mentor who runs the session: a timed agenda, what to prepare, a demo script, questions to ask and to expect, pitfalls and a follow-up challenge.",
        "glossary": "Glossary",
        "glossary_intro": "Every term the lessons use, explained in plain words.",
        "used_in": "Used in",
        "level": "Level",
        "time": "Time",
        "minutes": "{n} minutes",
        "read_minutes": "{n} min read",
        "prerequisites": "Before this module",
        "none": "None",
        "competences": "DigComp 2.2 competences",
        "last_reviewed": "Last reviewed",
        "objectives": "What you will be able to do",
        "lessons": "Lessons",
        "quiz": "Self-check quiz",
        "quiz_intro": "Answer each question for yourself first, then open the answer: it explains why each option is right or wrong.",
        "question": "Question {n}",
        "answer": "Answer and explanations",
        "right_answer": "Right answer",
        "right": "Right",
        "wrong": "Wrong",
        "practice": "Try it and remember",
        "takeaways": "Key takeaways",
        "terms": "Terms used in this module",
        "sources": "Sources",
        "for_mentor": "For the mentor",
        "mentor_guide": "Mentor guide",
        "mentor_guide_link": "The mentor's guide for the session on this module",
        "module_link": "The module the executive reads before the session",
        "session": "Session length",
        "preparation": "Preparation checklist",
        "agenda": "Agenda",
        "start": "Start",
        "activity": "Activity",
        "modules": "Modules",
        "untranslated": "This page is not translated into English yet: the text below is the French original.",
        "beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced",
        "overview": "Overview",
    },
    "fr": {
        "home": "Accueil",
        "paths": "Parcours",
        "paths_intro": "Chaque parcours est une suite de modules à lire dans l'ordre. Un module prend moins d'une heure : quelques leçons courtes, un quiz d'auto-évaluation et un exercice sur votre propre entreprise.",
        "mentor_guides": "Guides du mentor",
        "mentors_intro": "Un guide par module, pour le mentor qui anime la séance : un déroulé minuté, ce qu'il faut préparer, un scénario de démonstration, les questions à poser et celles à attendre, les pièges et un défi pour la suite.",
        "glossary": "Glossaire",
        "glossary_intro": "Chaque terme employé dans les leçons, expliqué simplement.",
        "used_in": "Employé dans",
        "level": "Niveau",
        "time": "Durée",
        "minutes": "{n} minutes",
        "read_minutes": "{n} min de lecture",
        "prerequisites": "À lire avant",
        "none": "Aucun",
        "competences": "Compétences DigComp 2.2",
        "last_reviewed": "Dernière relecture",
        "objectives": "Ce que vous saurez faire",
        "lessons": "Leçons",
        "quiz": "Quiz d'auto-évaluation",
        "quiz_intro": "Répondez d'abord à chaque question par vous-même, puis ouvrez la réponse : elle explique pourquoi chaque option est juste ou fausse.",
        "question": "Question {n}",
        "answer": "Réponse et explications",
        "right_answer": "Bonne réponse",
        "right": "Juste",
        "wrong": "Faux",
        "practice": "Mise en pratique et points clés",
        "takeaways": "Points clés à retenir",
        "terms": "Termes employés dans ce module",
        "sources": "Sources",
        "for_mentor": "Pour le mentor",
        "mentor_guide": "Guide du mentor",
        "mentor_guide_link": "Le guide du mentor pour la séance consacrée à ce module",
        "module_link": "Le module que le dirigeant lit avant la séance",
        "session": "Durée de la séance",
        "preparation": "Check-list de préparation",
        "agenda": "Déroulé",
        "start": "Début",
        "activity": "Activité",
        "modules": "Modules",
        "untranslated": "Cette page n'est pas encore traduite en français : le texte ci-dessous est l'original anglais.",
        "beginner": "Débutant", "intermediate": "Intermédiaire", "advanced": "Avancé",
        "overview": "Présentation",
    },
}

COMPETENCES = {
    "1.1": ("Browsing, searching and filtering data, information and digital content",
            "Naviguer, rechercher et filtrer des données, des informations et des contenus numériques"),
    "1.2": ("Evaluating data, information and digital content", "Évaluer des données, des informations et des contenus numériques"),
    "1.3": ("Managing data, information and digital content", "Gérer des données, des informations et des contenus numériques"),
    "2.1": ("Interacting through digital technologies", "Interagir au moyen des technologies numériques"),
    "2.2": ("Sharing through digital technologies", "Partager au moyen des technologies numériques"),
    "2.3": ("Engaging in citizenship through digital technologies", "S'engager dans la citoyenneté au moyen des technologies numériques"),
    "2.4": ("Collaborating through digital technologies", "Collaborer au moyen des technologies numériques"),
    "2.5": ("Netiquette", "Nétiquette"),
    "2.6": ("Managing digital identity", "Gérer son identité numérique"),
    "3.1": ("Developing digital content", "Développer des contenus numériques"),
    "3.2": ("Integrating and re-elaborating digital content", "Intégrer et retravailler des contenus numériques"),
    "3.3": ("Copyright and licences", "Droits d'auteur et licences"),
    "3.4": ("Programming", "Programmation"),
    "4.1": ("Protecting devices", "Protéger les équipements"),
    "4.2": ("Protecting personal data and privacy", "Protéger les données personnelles et la vie privée"),
    "4.3": ("Protecting health and well-being", "Protéger la santé et le bien-être"),
    "4.4": ("Protecting the environment", "Protéger l'environnement"),
    "5.1": ("Solving technical problems", "Résoudre des problèmes techniques"),
    "5.2": ("Identifying needs and technological responses", "Identifier des besoins et des réponses technologiques"),
    "5.3": ("Creatively using digital technologies", "Utiliser les technologies numériques de manière créative"),
    "5.4": ("Identifying digital competence gaps", "Identifier les lacunes en matière de compétences numériques"),
}

_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")


def t(lang: str, key: str, **values: object) -> str:
    return STRINGS[lang][key].format(**values)


def competence(lang: str, number: str) -> str:
    names = COMPETENCES.get(number)
    return f"{number} {names[0 if lang == 'en' else 1]}" if names else number


def long_date(lang: str, day: date) -> str:
    if lang == "fr":
        return f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"
