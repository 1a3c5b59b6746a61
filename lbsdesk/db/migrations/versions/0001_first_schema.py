"""first schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 10:33:04.962457
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('agency_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('cams_provider_number', sa.String(length=40), nullable=True),
    sa.Column('region', sa.String(length=120), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('logo_png', sa.LargeBinary(), nullable=True),
    sa.Column('setup_completed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_profile'))
    )
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )
    op.create_table('learner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_key', sa.String(length=60), nullable=False),
    sa.Column('first_name', sa.String(length=120), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('preferred_name', sa.String(length=120), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=40), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('postal_code', sa.String(length=10), nullable=True),
    sa.Column('preferred_language', sa.String(length=40), nullable=True),
    sa.Column('first_language', sa.String(length=40), nullable=True),
    sa.Column('preferred_contact_method', sa.String(length=40), nullable=True),
    sa.Column('education_level', sa.String(length=40), nullable=True),
    sa.Column('last_school_year', sa.Integer(), nullable=True),
    sa.Column('last_training_year', sa.Integer(), nullable=True),
    sa.Column('interrupted_education', sa.Boolean(), nullable=True),
    sa.Column('income_source', sa.String(length=40), nullable=True),
    sa.Column('crown_ward', sa.Boolean(), nullable=True),
    sa.Column('disability', sa.Boolean(), nullable=True),
    sa.Column('indigenous', sa.Boolean(), nullable=True),
    sa.Column('deaf', sa.Boolean(), nullable=True),
    sa.Column('deaf_blind', sa.Boolean(), nullable=True),
    sa.Column('francophone', sa.Boolean(), nullable=True),
    sa.Column('newcomer', sa.Boolean(), nullable=True),
    sa.Column('visible_minority', sa.Boolean(), nullable=True),
    sa.Column('intake_date', sa.Date(), nullable=False),
    sa.Column('goal_path', sa.String(length=40), nullable=True),
    sa.Column('goal', sa.Text(), nullable=True),
    sa.Column('stage', sa.String(length=40), nullable=True),
    sa.Column('cams_plan_status', sa.String(length=40), nullable=True),
    sa.Column('exit_date', sa.Date(), nullable=True),
    sa.Column('exit_reason', sa.Text(), nullable=True),
    sa.Column('exit_outcome', sa.Text(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('consent_to_share', sa.Boolean(), nullable=True),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('personal_data_removed_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('exit_date IS NULL OR intake_date IS NULL OR exit_date >= intake_date', name=op.f('ck_learner_exit_not_before_intake')),
    sa.CheckConstraint('satisfaction IS NULL OR (satisfaction >= 1 AND satisfaction <= 5)', name=op.f('ck_learner_satisfaction_1_to_5')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['learner.id'], name=op.f('fk_learner_merged_into_id_learner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learner')),
    sa.UniqueConstraint('learner_key', name=op.f('uq_learner_learner_key'))
    )
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learner_exit_date'), ['exit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_learner_intake_date'), ['intake_date'], unique=False)
        batch_op.create_index('ix_learner_name', ['last_name', 'first_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_learner_phone'), ['phone'], unique=False)

    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('org_type', sa.String(length=40), nullable=False),
    sa.Column('program', sa.String(length=200), nullable=True),
    sa.Column('contact_name', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('website', sa.String(length=200), nullable=True),
    sa.Column('services_offered', sa.Text(), nullable=True),
    sa.Column('agreement', sa.Boolean(), nullable=False),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('co_located', sa.Boolean(), nullable=False),
    sa.Column('listing_checked_date', sa.Date(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner')),
    sa.UniqueConstraint('partner_key', name=op.f('uq_partner_partner_key'))
    )
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_org_type'), ['org_type'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=80), nullable=True),
    sa.Column('username', sa.String(length=80), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_username'))
    )
    op.create_table('suitability_indicator',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('derivation_rule', sa.String(length=60), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_suitability_indicator'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('learner_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_entry_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index('ix_audit_entry_record', ['table_name', 'record_id'], unique=False)

    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('check_in_date', sa.Date(), nullable=False),
    sa.Column('with_whom', sa.String(length=40), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('needs_noticed', sa.String(length=400), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_check_in_learner_id_learner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_check_in_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in'))
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index('ix_check_in_learner_date', ['learner_id', 'check_in_date'], unique=False)

    op.create_table('closed_month',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('figures_json', sa.Text(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by_staff_id', sa.Integer(), nullable=True),
    sa.Column('reopened', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_staff_id'], ['staff.id'], name=op.f('fk_closed_month_closed_by_staff_id_staff')),
    sa.PrimaryKeyConstraint('month', name=op.f('pk_closed_month'))
    )
    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=True),
    sa.Column('what_is_shared', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('signed_date', sa.Date(), nullable=True),
    sa.Column('expiry_date', sa.Date(), nullable=True),
    sa.Column('withdrawn_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_consent_learner_id_learner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_learner_id'), ['learner_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('done_date', sa.Date(), nullable=False),
    sa.Column('unable_to_contact', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.CheckConstraint('months IN (3, 6, 12)', name=op.f('ck_follow_up_months_3_6_12')),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_follow_up_learner_id_learner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_follow_up_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up')),
    sa.UniqueConstraint('learner_id', 'months', name=op.f('uq_follow_up_learner_id'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_learner_id'), ['learner_id'], unique=False)

    op.create_table('inquiry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inquiry_key', sa.String(length=60), nullable=False),
    sa.Column('inquiry_date', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.Column('learner_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_inquiry_learner_id_learner')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_inquiry_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry')),
    sa.UniqueConstraint('inquiry_key', name=op.f('uq_inquiry_inquiry_key'))
    )
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_inquiry_date'), ['inquiry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiry_learner_id'), ['learner_id'], unique=False)

    op.create_table('learner_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('written_date', sa.Date(), nullable=True),
    sa.Column('goal_path', sa.String(length=40), nullable=True),
    sa.Column('goal', sa.Text(), nullable=True),
    sa.Column('background', sa.Text(), nullable=True),
    sa.Column('assessment_results', sa.Text(), nullable=True),
    sa.Column('culminating_task', sa.Text(), nullable=True),
    sa.Column('culminating_task_completed_date', sa.Date(), nullable=True),
    sa.Column('learning_activities', sa.Text(), nullable=True),
    sa.Column('planned_duration_weeks', sa.Integer(), nullable=True),
    sa.Column('planned_hours', sa.Integer(), nullable=True),
    sa.Column('supports_needed', sa.Text(), nullable=True),
    sa.Column('referral_results', sa.Text(), nullable=True),
    sa.Column('review_interval_days', sa.Integer(), nullable=True),
    sa.Column('next_review_date', sa.Date(), nullable=True),
    sa.Column('closed_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_learner_plan_learner_id_learner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learner_plan')),
    sa.UniqueConstraint('learner_id', 'number', name=op.f('uq_learner_plan_learner_id'))
    )
    with op.batch_alter_table('learner_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learner_plan_learner_id'), ['learner_id'], unique=False)

    op.create_table('month_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_month_event_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_month_event'))
    )
    with op.batch_alter_table('month_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_month_event_month'), ['month'], unique=False)

    op.create_table('outreach_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('attendees', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_outreach_activity_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_activity'))
    )
    with op.batch_alter_table('outreach_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_activity_activity_date'), ['activity_date'], unique=False)

    op.create_table('partner_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_contact_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_contact'))
    )
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_contact_partner_id'), ['partner_id'], unique=False)

    op.create_table('partner_program',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('eligibility', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_program_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_program'))
    )
    with op.batch_alter_table('partner_program', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_program_partner_id'), ['partner_id'], unique=False)

    op.create_table('stage_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('entered_date', sa.Date(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_stage_entry_learner_id_learner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_stage_entry_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_entry'))
    )
    with op.batch_alter_table('stage_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_entry_learner_id'), ['learner_id'], unique=False)

    op.create_table('suitability_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_code'], ['suitability_indicator.code'], name=op.f('fk_suitability_override_indicator_code_suitability_indicator')),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_suitability_override_learner_id_learner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suitability_override')),
    sa.UniqueConstraint('learner_id', 'indicator_code', name=op.f('uq_suitability_override_learner_id'))
    )
    with op.batch_alter_table('suitability_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suitability_override_learner_id'), ['learner_id'], unique=False)

    op.create_table('consent_partner',
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_consent_partner_consent_id_consent'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_consent_partner_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('consent_id', 'partner_id', name=op.f('pk_consent_partner'))
    )
    op.create_table('milestone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('competency', sa.String(length=1), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('attempted_date', sa.Date(), nullable=True),
    sa.Column('completed_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.CheckConstraint('level >= 1 AND level <= 3', name=op.f('ck_milestone_level_1_to_3')),
    sa.ForeignKeyConstraint(['plan_id'], ['learner_plan.id'], name=op.f('fk_milestone_plan_id_learner_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_plan_id'), ['plan_id'], unique=False)

    op.create_table('outreach_partner',
    sa.Column('outreach_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['outreach_id'], ['outreach_activity.id'], name=op.f('fk_outreach_partner_outreach_id_outreach_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_outreach_partner_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('outreach_id', 'partner_id', name=op.f('pk_outreach_partner'))
    )
    op.create_table('plan_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('changes_made', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['learner_plan.id'], name=op.f('fk_plan_review_plan_id_learner_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_plan_review_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_review'))
    )
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_review_plan_id'), ['plan_id'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_key', sa.String(length=60), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('referral_date', sa.Date(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.Column('formal', sa.Boolean(), nullable=False),
    sa.Column('program', sa.String(length=200), nullable=True),
    sa.Column('contact_name', sa.String(length=120), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('services_requested', sa.String(length=400), nullable=True),
    sa.Column('services_other', sa.Text(), nullable=True),
    sa.Column('supports_needed', sa.Text(), nullable=True),
    sa.Column('urgency', sa.String(length=40), nullable=True),
    sa.Column('planned', sa.Boolean(), nullable=False),
    sa.Column('supported', sa.Boolean(), nullable=False),
    sa.Column('coordinated', sa.Boolean(), nullable=False),
    sa.Column('information_exchanged', sa.Boolean(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('follow_up_date', sa.Date(), nullable=True),
    sa.Column('cams_entered_date', sa.Date(), nullable=True),
    sa.Column('reply_received_date', sa.Date(), nullable=True),
    sa.Column('reply_accepted', sa.Boolean(), nullable=True),
    sa.Column('reply_reason', sa.Text(), nullable=True),
    sa.Column('reply_first_appointment', sa.Date(), nullable=True),
    sa.Column('reply_by_name', sa.String(length=120), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("direction = 'in' OR partner_id IS NOT NULL", name=op.f('ck_referral_out_has_partner')),
    sa.CheckConstraint("direction IN ('in', 'out')", name=op.f('ck_referral_direction_in_out')),
    sa.CheckConstraint('(partner_id IS NULL) <> (source IS NULL)', name=op.f('ck_referral_partner_or_source')),
    sa.CheckConstraint('source IS NULL OR formal = false', name=op.f('ck_referral_informal_source_not_formal')),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_referral_consent_id_consent')),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_referral_learner_id_learner')),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_referral_partner_id_partner')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_referral_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('referral_key', name=op.f('uq_referral_referral_key'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index('ix_referral_learner_date', ['learner_id', 'referral_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_referral_date'), ['referral_date'], unique=False)

    op.create_table('referral_status_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_status_entry_referral_id_referral'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_referral_status_entry_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_status_entry'))
    )
    with op.batch_alter_table('referral_status_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_status_entry_referral_id'), ['referral_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('referral_status_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_status_entry_referral_id'))

    op.drop_table('referral_status_entry')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_referral_date'))
        batch_op.drop_index(batch_op.f('ix_referral_partner_id'))
        batch_op.drop_index('ix_referral_learner_date')

    op.drop_table('referral')
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_review_plan_id'))

    op.drop_table('plan_review')
    op.drop_table('outreach_partner')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_plan_id'))

    op.drop_table('milestone')
    op.drop_table('consent_partner')
    with op.batch_alter_table('suitability_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suitability_override_learner_id'))

    op.drop_table('suitability_override')
    with op.batch_alter_table('stage_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_entry_learner_id'))

    op.drop_table('stage_entry')
    with op.batch_alter_table('partner_program', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_program_partner_id'))

    op.drop_table('partner_program')
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_contact_partner_id'))

    op.drop_table('partner_contact')
    with op.batch_alter_table('outreach_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_activity_activity_date'))

    op.drop_table('outreach_activity')
    with op.batch_alter_table('month_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_month_event_month'))

    op.drop_table('month_event')
    with op.batch_alter_table('learner_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learner_plan_learner_id'))

    op.drop_table('learner_plan')
    with op.batch_alter_table('inquiry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiry_learner_id'))
        batch_op.drop_index(batch_op.f('ix_inquiry_inquiry_date'))

    op.drop_table('inquiry')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_learner_id'))

    op.drop_table('follow_up')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_learner_id'))

    op.drop_table('consent')
    op.drop_table('closed_month')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index('ix_check_in_learner_date')

    op.drop_table('check_in')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_record')
        batch_op.drop_index(batch_op.f('ix_audit_entry_learner_id'))

    op.drop_table('audit_entry')
    op.drop_table('suitability_indicator')
    op.drop_table('staff')
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_org_type'))

    op.drop_table('partner')
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learner_phone'))
        batch_op.drop_index('ix_learner_name')
        batch_op.drop_index(batch_op.f('ix_learner_intake_date'))
        batch_op.drop_index(batch_op.f('ix_learner_exit_date'))

    op.drop_table('learner')
    op.drop_table('app_setting')
    op.drop_table('agency_profile')
    
