"""the committee cycle: retired units and members, the CCO, attendance kept whatever its order, the
invitation memo, change requests of every kind, withdrawn indicators

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.models.base


revision: str = '0004'
down_revision: Union[str, None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_on', sa.Date(), nullable=True))
    with op.batch_alter_table('committeemember', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_cco', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('retired_on', sa.Date(), nullable=True))
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invitation_number', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('invitation_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('invitation_body', TEXT(), nullable=False, server_default=''))
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('substitute_name', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('substitute_position', TEXT(), nullable=False, server_default=''))
    op.execute("UPDATE meetingattendance SET substitute_name = person_name, substitute_position = position "
               "WHERE status = 'substitute'")
    op.execute("UPDATE committeemember SET is_cco = true WHERE role = 'vice_chair'")
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_on', sa.Date(), nullable=True))
    with op.batch_alter_table('changerequest', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', TEXT(length=16), nullable=False, server_default='modify'))
        batch_op.alter_column('assignment_id', existing_type=sa.Uuid(), nullable=True)
        batch_op.add_column(sa.Column('unit_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('indicator_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('component_code', TEXT(), nullable=False, server_default=''))
        for name in ('proposed_base_6', 'proposed_standard_6', 'proposed_advanced_6'):
            batch_op.add_column(sa.Column(name, app.models.base.DecimalText(length=48), nullable=True))
        batch_op.add_column(sa.Column('proposed_monitor', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('proposed_name', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('proposed_definition', TEXT(), nullable=False, server_default=''))
        batch_op.create_foreign_key('fk_changerequest_unit_id_unit', 'unit', ['unit_id'], ['id'])
        batch_op.create_foreign_key('fk_changerequest_indicator_id_indicator', 'indicator', ['indicator_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('changerequest', schema=None) as batch_op:
        batch_op.drop_constraint('fk_changerequest_indicator_id_indicator', type_='foreignkey')
        batch_op.drop_constraint('fk_changerequest_unit_id_unit', type_='foreignkey')
        for name in ('proposed_definition', 'proposed_name', 'proposed_monitor', 'proposed_advanced_6',
                     'proposed_standard_6', 'proposed_base_6', 'component_code', 'indicator_id', 'unit_id', 'kind'):
            batch_op.drop_column(name)
        batch_op.alter_column('assignment_id', existing_type=sa.Uuid(), nullable=False)
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('withdrawn_on')
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.drop_column('substitute_position')
        batch_op.drop_column('substitute_name')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        for name in ('invitation_body', 'invitation_date', 'invitation_number'):
            batch_op.drop_column(name)
    with op.batch_alter_table('committeemember', schema=None) as batch_op:
        batch_op.drop_column('retired_on')
        batch_op.drop_column('is_cco')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_column('retired_on')
