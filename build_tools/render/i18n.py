"""The words the generated pages use, in each language."""
from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site_name": "Reverse mentoring curriculum",
        "site_description": "Digital skills for company leaders, taught through reverse mentoring.",
        "copyright": "Content under CC BY-SA 4.0, code under the MIT licence.",
        "not_found_title": "Page not found",
        "not_found_text": "This page does not exist, or no longer does. The lessons, the quizzes and the mentor guides are all reachable from the home page.",
        "not_found_home": "Go to the home page",
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
        "minutes_one": "{n} minute",
        "read_minutes": "{n} min read",
        "prerequisites": "Before this module",
        "none": "None",
        "last_reviewed": "Last reviewed",
        "objectives": "What you will be able to do",
        "lessons": "Lessons",
        "quiz": "Self-check quiz",
        "quiz_intro": "Answer each question, then check it: the explanation says why each option is right or wrong. Your best score stays on this device.",
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
        "module_link": "The module to read before the session",
        "session": "Session length",
        "preparation": "Preparation checklist",
        "agenda": "Agenda",
        "start": "Start",
        "activity": "Activity",
        "modules": "Modules",
        "untranslated": "This page is not translated into English yet: the text below is the French original.",
        "beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced",
        "overview": "Overview",
        "quiz_nav": "Quiz",
        "practice_nav": "Try it and remember",
        "print_nav": "Print this module",
        "print_title": "{title}: the whole module to print",
        "print_intro": "The whole module on one page, for printing or reading offline. The answers to the quiz are at the end.",
        "quiz_description": "Check what you have learnt in the module “{title}”: {n} questions on real situations, each answer explained.",
        "quiz_description_one": "Check what you have learnt in the module “{title}”: one question on a real situation, its answer explained.",
        "mentor_description": "How to run the {n}-minute mentoring session on the module “{title}”: agenda, preparation, demo script, questions and pitfalls.",
        "print_description": "The module “{title}” on one printable page: every lesson, the quiz, the exercise and the answer key.",
        "home_description": "Digital skills for company leaders, taught through reverse mentoring: SEO, social media codes and digital strategy.",
        "progress": "Your progress",
        "progress_intro": "What you have marked as done and your best quiz scores. This record stays in this browser, on this device: nothing is sent anywhere. Export it to keep a copy or move it.",
        "progress_description": "Your progress through the curriculum, kept only in this browser.",
        "needs_js": "This page needs JavaScript, which seems to be off. The lessons themselves work without it.",
        "self_assessment": "Where to start",
        "self_assessment_intro": "Rate each statement from 1 (not at all) to 4 (I could explain it to a colleague). The page suggests the learning path to start with. Your answers stay in this browser, on this device.",
        "self_assessment_description": "A short self-assessment of your digital skills that suggests where to start; answers stay on your device.",
        "scale": "1 not at all · 2 a little · 3 fairly well · 4 I could explain it",
        "quiz_question_label": "Question {n}.",
        "brief_nav": "One-page brief",
        "brief_title": "{title}: the one-page brief",
        "brief_intro": "The module “{title}” on one page, to keep or to forward (last reviewed {date}).",
        "brief_description": "The module “{title}” on one page: the key takeaways, the exercise, and the questions to bring to the next session and to ask the team.",
        "brief_exercise": "The exercise in brief",
        "brief_questions_session": "Questions for your next mentoring session",
        "brief_questions_team": "Questions to ask your team",
        "answer_key": "Answer key",
        "about_minutes": "About {n} minutes.",
        "for_sponsors": "For sponsors and HR",
        "competences_intro": "The competences of the EU digital competence framework, DigComp, that this module builds. DigComp 3.0 (2025) keeps the 21 numbers of version 2.2; the names below are those of 2.2.",
        "in_language": "in {language}",
        "tools": "Programme tools",
        "tools_intro": "Printable tools for running the programme: each one prints on A4, without the site's navigation.",
        "tools_description": "Printable tools for a reverse mentoring programme: the pair charter, a session log, a follow-up message, a kick-off plan, a sponsor's brief and the self-assessment.",
        "tools_for_mentors": "The programme's printable tools, for this session and the next:",
        "prints_on": "prints on {n} A4 pages",
        "prints_on_one": "prints on one A4 page",
        "self_assessment_sheet": "Self-assessment questionnaire",
        "self_assessment_sheet_summary": "the skills self-assessment, rated from 1 to 4, to fill in at the first and the last session.",
        "offline": "Reading on a train or a plane? Download the offline edition (zip, open index.html from the folder; search works too).",
    },
    "fr": {
        "site_name": "Mentorat inversé",
        "site_description": "Les compétences numériques des dirigeants, par le mentorat inversé.",
        "copyright": "Contenus sous licence CC BY-SA 4.0, code sous licence MIT.",
        "not_found_title": "Page introuvable",
        "not_found_text": "Cette page n'existe pas, ou plus. Les leçons, les quiz et les guides du mentor sont tous accessibles depuis l'accueil.",
        "not_found_home": "Aller à l'accueil",
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
        "minutes_one": "{n} minute",
        "read_minutes": "{n} min de lecture",
        "prerequisites": "À lire avant",
        "none": "Aucun",
        "last_reviewed": "Dernière relecture",
        "objectives": "Ce que vous saurez faire",
        "lessons": "Leçons",
        "quiz": "Quiz d'auto-évaluation",
        "quiz_intro": "Répondez à chaque question, puis vérifiez : l'explication dit pourquoi chaque option est juste ou fausse. Votre meilleur score reste sur cet appareil.",
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
        "module_link": "Le module à lire avant la séance",
        "session": "Durée de la séance",
        "preparation": "Check-list de préparation",
        "agenda": "Déroulé",
        "start": "Début",
        "activity": "Activité",
        "modules": "Modules",
        "untranslated": "Cette page n'est pas encore traduite en français : le texte ci-dessous est l'original anglais.",
        "beginner": "Débutant", "intermediate": "Intermédiaire", "advanced": "Avancé",
        "overview": "Présentation",
        "quiz_nav": "Quiz",
        "practice_nav": "Mise en pratique",
        "print_nav": "Imprimer ce module",
        "print_title": "{title} : le module complet à imprimer",
        "print_intro": "Tout le module sur une seule page, à imprimer ou à lire hors connexion. Le corrigé du quiz se trouve à la fin.",
        "quiz_description": "Vérifiez ce que vous avez retenu du module « {title} » : {n} questions sur des situations réelles, chaque réponse expliquée.",
        "quiz_description_one": "Vérifiez ce que vous avez retenu du module « {title} » : une question sur une situation réelle, sa réponse expliquée.",
        "mentor_description": "Comment animer la séance de mentorat de {n} minutes consacrée au module « {title} » : déroulé, préparation, démonstration, questions et pièges.",
        "print_description": "Le module « {title} » sur une seule page à imprimer : toutes les leçons, le quiz, l'exercice et le corrigé.",
        "home_description": "Les compétences numériques des dirigeants, par le mentorat inversé : SEO, codes des réseaux sociaux et stratégie numérique.",
        "progress": "Votre progression",
        "progress_intro": "Ce que vous avez marqué comme lu et vos meilleurs scores aux quiz. Ces données restent dans ce navigateur, sur cet appareil : rien n'est envoyé nulle part. Exportez-les pour en garder une copie ou les transférer.",
        "progress_description": "Votre progression dans le curriculum, conservée uniquement dans ce navigateur.",
        "needs_js": "Cette page a besoin de JavaScript, qui semble désactivé. Les leçons, elles, fonctionnent sans.",
        "self_assessment": "Par où commencer",
        "self_assessment_intro": "Notez chaque affirmation de 1 (pas du tout) à 4 (je saurais l'expliquer à un collègue). La page vous suggère le parcours par lequel commencer. Vos réponses restent dans ce navigateur, sur cet appareil.",
        "self_assessment_description": "Une courte auto-évaluation de vos compétences numériques qui suggère par où commencer ; les réponses restent sur votre appareil.",
        "scale": "1 pas du tout · 2 un peu · 3 plutôt bien · 4 je saurais l'expliquer",
        "quiz_question_label": "Question {n}.",
        "brief_nav": "Fiche de synthèse",
        "brief_title": "{title} : la fiche de synthèse",
        "brief_intro": "Le module « {title} » en une page, à garder ou à transmettre (dernière relecture le {date}).",
        "brief_description": "Le module « {title} » en une page : les points clés, l'exercice, les questions à apporter à la prochaine séance et celles à poser à l'équipe.",
        "brief_exercise": "L'exercice en bref",
        "brief_questions_session": "Questions pour votre prochaine séance de mentorat",
        "brief_questions_team": "Questions à poser à votre équipe",
        "answer_key": "Corrigé du quiz",
        "about_minutes": "Environ {n} minutes.",
        "for_sponsors": "Pour les sponsors et la DRH",
        "competences_intro": "Les compétences du cadre européen des compétences numériques, DigComp, que ce module développe. DigComp 3.0 (2025) conserve les 21 numéros de la version 2.2 ; les intitulés ci-dessous sont ceux de la 2.2.",
        "in_language": "en {language}",
        "tools": "Outils du programme",
        "tools_intro": "Des outils à imprimer pour faire vivre le programme : chacun s'imprime en A4, sans la navigation du site.",
        "tools_description": "Des outils à imprimer pour un programme de mentorat inversé : la charte du binôme, le journal de séance, le message de suivi, le plan de lancement, la note au sponsor et l'auto-évaluation.",
        "tools_for_mentors": "Les outils du programme à imprimer, pour cette séance et les suivantes :",
        "prints_on": "tient sur {n} pages A4",
        "prints_on_one": "tient sur une page A4",
        "self_assessment_sheet": "Questionnaire d'auto-évaluation",
        "self_assessment_sheet_summary": "l'auto-évaluation des compétences, notée de 1 à 4, à remplir à la première et à la dernière séance.",
        "offline": "Vous lisez dans le train ou l'avion ? Téléchargez l'édition hors connexion (zip ; ouvrez index.html dans le dossier, la recherche fonctionne aussi).",
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

LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def colon(lang: str) -> str:
    """French puts a space before a colon."""
    return " :" if lang == "fr" else ":"


def t(lang: str, key: str, **values: object) -> str:
    """The words for `key`; with a count `n`, its singular form `key_one` where the language's
    plural rules call for it (French: 0 and 1; English: 1)."""
    strings = STRINGS[lang]
    if "n" in values and f"{key}_one" in strings and Locale.parse(LOCALES[lang]).plural_form(values["n"]) == "one":
        key = f"{key}_one"
    return strings[key].format(**values)


def competence(lang: str, number: str) -> str:
    names = COMPETENCES.get(number)
    return f"{number} {names[0 if lang == 'en' else 1]}" if names else number


def long_date(lang: str, day: date) -> str:
    """`1 December 2026`, `1er décembre 2026`: Babel's long date, with French's ordinal first day."""
    text = format_date(day, format="long", locale=LOCALES[lang])
    if lang == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text


def number(lang: str, value: float) -> str:
    """`12,000` / `12 000`, `2.5` / `2,5`."""
    return format_decimal(value, locale=LOCALES[lang])
