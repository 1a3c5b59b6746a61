"""The database: models, engine and PRAGMAs, Alembic migrations, backup and restore, checks."""
