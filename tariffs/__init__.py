"""tariffs: a typed, queryable timeline of the U.S.-Japan tariff negotiations, read from news articles.

    from pathlib import Path
    from tariffs.pipeline import build_timeline
    timeline, warnings = build_timeline(Path("data"))
"""
__version__ = "0.1.0"
