"""The team: member files (model, load), headshots made from their photos (faces, headshots, photos) and what
the team page and signatures show (view)."""
