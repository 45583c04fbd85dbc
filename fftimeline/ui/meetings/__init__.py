"""Meetings and decisions: the meeting form and the tables it is typed into (ui layer)."""
