"""The site's own logic as plain functions: MkDocs adapters live one folder up, in hooks/."""
