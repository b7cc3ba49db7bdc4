"""Alliances: provider collaboratives and place alliances, their members and governance."""
