"""Stage 4, render: pages and files from templates/ and the catalogue in locales/."""
