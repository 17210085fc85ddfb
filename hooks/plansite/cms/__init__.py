"""The CMS at /admin/: its configuration from the models, its files, and the page-to-entry links."""
