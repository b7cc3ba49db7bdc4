"""Places: the integrated care systems, their places, neighbourhoods and journey milestones."""
