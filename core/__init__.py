"""Shared building blocks every domain app may use: abstract models and admin helpers."""
