"""Offline pipeline for feelalike: catalog, moods, vectors and nearest neighbours.

Pure numpy / scikit-learn: nothing here imports Flask or Redis.
"""
