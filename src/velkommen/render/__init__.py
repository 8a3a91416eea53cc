"""Stage 4, render: markers in pages, the fragments and templates that fill them, the generator's words, sanitising."""
