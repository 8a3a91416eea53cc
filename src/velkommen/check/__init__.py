"""Stage 2, check: problems an editor can act on, rules across fields and files, notices for editors."""
