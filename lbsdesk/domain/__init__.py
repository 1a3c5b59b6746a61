"""The work LBS Desk supports, as plain Python: code lists, time rules and the counting rules.

Nothing here imports Qt or SQLAlchemy.
"""
