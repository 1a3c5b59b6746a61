"""Learner search text starts with the folded "last first", indexed: the name sort needs no sorting.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000


# A copy of lbsdesk.domain.text as it stood for this revision: later changes to the program must
# not change what this migration writes.
def _fold(value):  # noqa: ANN001, ANN202
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _search_text(first, last, key, phone):  # noqa: ANN001, ANN202
    first, last = _fold(first), _fold(last)
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    parts = [f"{last} {first}", f"{first} {last}", _fold(key), _fold(phone), digits]
    return " | ".join(part for part in parts if part)


def upgrade() -> None:
    connection = op.get_bind()
    learner = sa.table(
        "learner",
        sa.column("id", sa.Integer),
        sa.column("first_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("learner_key", sa.String),
        sa.column("phone", sa.String),
        sa.column("search_text", sa.Text),
    )
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(learner.c.id, learner.c.first_name, learner.c.last_name, learner.c.learner_key, learner.c.phone)
            .where(learner.c.id > last_id)
            .order_by(learner.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            learner.update().where(learner.c.id == sa.bindparam("row_id")).values(search_text=sa.bindparam("text")),
            [{"row_id": r.id, "text": _search_text(r.first_name, r.last_name, r.learner_key, r.phone)} for r in rows],
        )
        last_id = rows[-1].id
    op.create_index("ix_learner_search_text", "learner", ["search_text", "merged_into_id"])


def downgrade() -> None:
    op.drop_index("ix_learner_search_text", table_name="learner")
