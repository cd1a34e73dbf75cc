"""Strategic KPIs with yearly targets and results, and each department indicator's link (the cascade)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.models.base


revision: str = '0007'
down_revision: Union[str, None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        'strategickpi',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('ministry_id', sa.Uuid(), nullable=False),
        sa.Column('code', TEXT(length=48), nullable=False),
        sa.Column('name_th', TEXT(), nullable=False),
        sa.Column('unit_of_measure', TEXT(), nullable=False),
        sa.Column('plan_from', sa.Integer(), nullable=False),
        sa.Column('plan_to', sa.Integer(), nullable=False),
        sa.Column('sort_order', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['ministry_id'], ['ministry.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_strategickpi_code', 'strategickpi', ['code'], unique=True)
    op.create_index('ix_strategickpi_ministry_id', 'strategickpi', ['ministry_id'])
    op.create_table(
        'strategictarget',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('strategic_kpi_id', sa.Uuid(), nullable=False),
        sa.Column('year_be', sa.Integer(), nullable=False),
        sa.Column('target', TEXT(), nullable=False),
        sa.Column('target_value', app.models.base.DecimalText(), nullable=True),
        sa.Column('result_value', app.models.base.DecimalText(), nullable=True),
        sa.ForeignKeyConstraint(['strategic_kpi_id'], ['strategickpi.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_strategictarget_strategic_kpi_id', 'strategictarget', ['strategic_kpi_id'])
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('strategic_kpi_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('joint_main_id', sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('joint_main_id')
        batch_op.drop_column('strategic_kpi_id')
        batch_op.drop_column('link')
    op.drop_index('ix_strategictarget_strategic_kpi_id', table_name='strategictarget')
    op.drop_table('strategictarget')
    op.drop_index('ix_strategickpi_ministry_id', table_name='strategickpi')
    op.drop_index('ix_strategickpi_code', table_name='strategickpi')
    op.drop_table('strategickpi')
