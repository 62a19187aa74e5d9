"""Stage 1: the sources on disk (YAML, Markdown, notebooks) become the typed model, with every
problem located at path:line:col. Nothing here knows about checks, rendering or MkDocs."""
