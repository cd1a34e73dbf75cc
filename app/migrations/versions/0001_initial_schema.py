"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.models.base


revision: str = '0001'
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('auditentry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('old_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('new_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('user', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('auditentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditentry_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditentry_table_name'), ['table_name'], unique=False)

    op.create_table('fiscalyear',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('year_be', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('fiscalyear', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fiscalyear_year_be'), ['year_be'], unique=True)

    op.create_table('ministry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('short_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ministry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ministry_code'), ['code'], unique=True)

    op.create_table('committee',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ministry_id', sa.Uuid(), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('appointment_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('appointed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['ministry_id'], ['ministry.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('committee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_ministry_id'), ['ministry_id'], unique=False)

    op.create_table('frameworkcomponent',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('fiscal_year_id', sa.Uuid(), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('weight', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('kinds', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('rounds', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id'], ),
    sa.ForeignKeyConstraint(['parent_id'], ['frameworkcomponent.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year_id', 'code')
    )
    with op.batch_alter_table('frameworkcomponent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_frameworkcomponent_fiscal_year_id'), ['fiscal_year_id'], unique=False)

    op.create_table('jointagenda',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('fiscal_year_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('national_sub_count', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year_id', 'number')
    )
    with op.batch_alter_table('jointagenda', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jointagenda_fiscal_year_id'), ['fiscal_year_id'], unique=False)

    op.create_table('round',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('fiscal_year_id', sa.Uuid(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('opdc_due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('approved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('locked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year_id', 'months')
    )
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_fiscal_year_id'), ['fiscal_year_id'], unique=False)

    op.create_table('unit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ministry_id', sa.Uuid(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('short_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ministry_id'], ['ministry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ministry_id', 'code')
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_ministry_id'), ['ministry_id'], unique=False)

    op.create_table('committeemember',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('committee_id', sa.Uuid(), nullable=False),
    sa.Column('person_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('committeemember', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committeemember_committee_id'), ['committee_id'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=48), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('definition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit_of_measure', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('monitor', sa.Boolean(), nullable=False),
    sa.Column('step', sa.Boolean(), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.Column('from_basket', sa.Boolean(), nullable=False),
    sa.Column('strategic_id', sa.Uuid(), nullable=True),
    sa.Column('joint_agenda_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['joint_agenda_id'], ['jointagenda.id'], ),
    sa.ForeignKeyConstraint(['strategic_id'], ['indicator.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_code'), ['code'], unique=True)

    op.create_table('jointleadagency',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('agenda_id', sa.Uuid(), nullable=False),
    sa.Column('agency_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['agenda_id'], ['jointagenda.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('jointleadagency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jointleadagency_agenda_id'), ['agenda_id'], unique=False)

    op.create_table('jointmainindicator',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('agenda_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_value', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('unit_of_measure', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_id'], ['jointagenda.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('jointmainindicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jointmainindicator_agenda_id'), ['agenda_id'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('committee_id', sa.Uuid(), nullable=False),
    sa.Column('fiscal_year_id', sa.Uuid(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('year_be', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('minute_taker_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('minute_taker_position', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('checker_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('checker_position', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('annexes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('committee_id', 'year_be', 'number')
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_committee_id'), ['committee_id'], unique=False)

    op.create_table('agendaitem',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('report', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('discussion', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('resolution', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agendaitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agendaitem_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('indicator_id', sa.Uuid(), nullable=False),
    sa.Column('fiscal_year_id', sa.Uuid(), nullable=False),
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('weight', app.models.base.DecimalText(length=48), nullable=False),
    sa.Column('base', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('standard', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('advanced', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('base_6', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('standard_6', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('advanced_6', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('monitor', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['component_id'], ['frameworkcomponent.id'], ),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id'], ),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('unit_id', 'indicator_id', 'fiscal_year_id')
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_component_id'), ['component_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_fiscal_year_id'), ['fiscal_year_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_unit_id'), ['unit_id'], unique=False)

    op.create_table('meetingattendance',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('person_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role_label', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('absence_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['committeemember.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetingattendance_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('changerequest',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('assignment_id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('reason_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('proposal', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('proposed_weight', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('proposed_base', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('proposed_standard', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('proposed_advanced', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=True),
    sa.Column('sent_to_opdc_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('changerequest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_changerequest_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_changerequest_round_id'), ['round_id'], unique=False)

    op.create_table('jointsubindicator',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('agenda_id', sa.Uuid(), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('holder_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('holder_kind', sa.String(length=32), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('assignment_id', sa.Uuid(), nullable=True),
    sa.Column('value_chain', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_id'], ['jointagenda.id'], ),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('jointsubindicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jointsubindicator_agenda_id'), ['agenda_id'], unique=False)

    op.create_table('result',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('assignment_id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('actual', app.models.base.DecimalText(length=48), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('evidence_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assignment_id', 'round_id')
    )
    with op.batch_alter_table('result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_result_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_result_round_id'), ['round_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_result_round_id'))
        batch_op.drop_index(batch_op.f('ix_result_assignment_id'))

    op.drop_table('result')
    with op.batch_alter_table('jointsubindicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jointsubindicator_agenda_id'))

    op.drop_table('jointsubindicator')
    with op.batch_alter_table('changerequest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changerequest_round_id'))
        batch_op.drop_index(batch_op.f('ix_changerequest_assignment_id'))

    op.drop_table('changerequest')
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetingattendance_meeting_id'))

    op.drop_table('meetingattendance')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_unit_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_fiscal_year_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_component_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('agendaitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agendaitem_meeting_id'))

    op.drop_table('agendaitem')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_committee_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('jointmainindicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jointmainindicator_agenda_id'))

    op.drop_table('jointmainindicator')
    with op.batch_alter_table('jointleadagency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jointleadagency_agenda_id'))

    op.drop_table('jointleadagency')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_code'))

    op.drop_table('indicator')
    with op.batch_alter_table('committeemember', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committeemember_committee_id'))

    op.drop_table('committeemember')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_ministry_id'))
        batch_op.drop_index(batch_op.f('ix_unit_code'))

    op.drop_table('unit')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_fiscal_year_id'))

    op.drop_table('round')
    with op.batch_alter_table('jointagenda', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jointagenda_fiscal_year_id'))

    op.drop_table('jointagenda')
    with op.batch_alter_table('frameworkcomponent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_frameworkcomponent_fiscal_year_id'))

    op.drop_table('frameworkcomponent')
    with op.batch_alter_table('committee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_ministry_id'))

    op.drop_table('committee')
    with op.batch_alter_table('ministry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ministry_code'))

    op.drop_table('ministry')
    with op.batch_alter_table('fiscalyear', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fiscalyear_year_be'))

    op.drop_table('fiscalyear')
    with op.batch_alter_table('auditentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auditentry_table_name'))
        batch_op.drop_index(batch_op.f('ix_auditentry_row_id'))

    op.drop_table('auditentry')
