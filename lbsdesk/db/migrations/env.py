"""Alembic environment: run by ``lbsdesk.db.migrate`` with an open connection, never from a CLI ini."""

from __future__ import annotations

from alembic import context

from lbsdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # ``alembic`` run by hand for a new revision: use the configured URL
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables instead
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
