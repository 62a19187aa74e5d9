"""Turns the curriculum sources (modules/, notebooks/, docs/) into a bilingual static site."""

LANGUAGES = ("en", "fr")
