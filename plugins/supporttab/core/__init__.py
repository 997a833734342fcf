"""What every part uses: YAML with positions, located problems, confined paths, the build clock, safe Markdown,
time formatting, the URL scheme and the one vocabulary of statuses. Imports nothing from the parts above it."""
