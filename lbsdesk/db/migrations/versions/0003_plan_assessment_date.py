"""The date of the intake assessment on a learner plan (drawn on the timeline).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner_plan") as batch:
        batch.add_column(sa.Column("assessment_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("learner_plan") as batch:
        batch.drop_column("assessment_date")
