"""Stage 3: notebook lessons are executed (with a cache) and converted to light Markdown pages."""
