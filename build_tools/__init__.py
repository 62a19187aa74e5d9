"""Turns the curriculum sources (modules/, notebooks/, docs/, tools/) into a bilingual static site."""

LANGUAGES = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "French"}  # in messages to authors
