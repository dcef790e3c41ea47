"""Measuring quality: gold labels of the development set, scoring, and `newsbrief eval`."""
