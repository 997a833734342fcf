"""Support Tab: a support hub and status site, built from YAML and Markdown on mkdocs-material."""

__version__ = "0.1.0"
