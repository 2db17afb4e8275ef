"""Datasets feelalike knows about, and the built-in demo catalog."""
from pathlib import Path

DEMO_CATALOG = Path(__file__).with_name("demo") / "her_score.csv"
DEMO_ALBUM = "Her (Original Score)"
