"""Stage 5: publishing with MkDocs and Material: one build per language, the offline edition,
the atomic swap of site/, and `serve`. The only stage that imports MkDocs."""
