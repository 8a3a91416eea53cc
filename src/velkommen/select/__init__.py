"""Stage 3, select: plain-Python views of the data (the plan in force, the steps for a situation, upcoming events)."""
