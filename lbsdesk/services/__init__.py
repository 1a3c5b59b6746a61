"""The use cases: each takes a Session and returns plain objects; no Qt here."""
