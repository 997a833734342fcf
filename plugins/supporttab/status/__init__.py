"""Status: components, incidents and maintenance (model, load), derived once per build (index), and its outputs
(feeds, statuspage, ics, badges, social)."""
