"""The support hub: its file (model, load), what the hub page and every page's help strip show (view, chrome)."""
