"""Scenarios: the model, the YAML loader and the catalogue."""
