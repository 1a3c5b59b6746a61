"""Seed the suitability indicators and the default agency settings.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A copy of the list as it stood for this revision (later changes to the code must not alter
# what this migration wrote).
INDICATORS = (
    ("less_than_grade_12", "Less than grade 12", "education_below_12"),
    ("ow_odsp", "Ontario Works or ODSP recipient", "income_ow_odsp"),
    ("no_income", "No source of income", "income_none"),
    ("crown_ward", "Crown ward", "crown_ward"),
    ("out_of_education_6y", "More than 6 years out of education", "years_out_of_education"),
    ("out_of_training_6y", "More than 6 years out of training", "years_out_of_training"),
    ("age_45_64", "Age 45–64", "age_45_64"),
    ("interrupted_education", "History of interrupted education", "interrupted_education"),
    ("disability", "Disability", "disability"),
    ("indigenous", "Indigenous", "indigenous"),
    ("deaf", "Deaf", "deaf"),
    ("deaf_blind", "Deaf-blind", "deaf_blind"),
    ("francophone", "Francophone", "francophone"),
)

SETTINGS = (
    ("referral_reply_days", "30"),
    ("referral_expiry_days", "60"),
    ("check_in_overdue_days", "35"),
    ("retention_years", "7"),
    ("idle_lock_minutes", "10"),
)


def upgrade() -> None:
    indicator = sa.table(
        "suitability_indicator",
        sa.column("code", sa.String),
        sa.column("label", sa.String),
        sa.column("derivation_rule", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        indicator,
        [
            {"code": code, "label": label, "derivation_rule": rule, "sort_order": i, "active": True}
            for i, (code, label, rule) in enumerate(INDICATORS)
        ],
    )
    setting = sa.table("app_setting", sa.column("key", sa.String), sa.column("value", sa.String))
    op.bulk_insert(setting, [{"key": k, "value": v} for k, v in SETTINGS])
    profile = sa.table(
        "agency_profile",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("language", sa.String),
        sa.column("setup_completed", sa.Boolean),
    )
    op.bulk_insert(profile, [{"id": 1, "name": "", "language": "en", "setup_completed": False}])


def downgrade() -> None:
    op.execute("DELETE FROM agency_profile")
    op.execute("DELETE FROM app_setting")
    op.execute("DELETE FROM suitability_indicator")
