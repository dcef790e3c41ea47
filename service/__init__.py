"""newsbrief: turn a news article into a structured, grounded brief."""

__version__ = "0.1.0"
