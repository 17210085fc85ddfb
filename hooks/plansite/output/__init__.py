"""Writing the built site atomically: a failed build leaves the previous site/ in place."""
