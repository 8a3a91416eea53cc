"""Stage 1, load: read the site's YAML (with line numbers), validate it against the model, collect references; fetch feeds."""
