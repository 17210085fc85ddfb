"""Stage 3, derive: what the data implies (statuses, counts, a plan's state, today's holder of a duty, facts)."""
