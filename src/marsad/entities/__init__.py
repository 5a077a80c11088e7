"""Entities: recognising names in the text, linking them to one identity across articles and
scripts, and the registry of entities seen."""
