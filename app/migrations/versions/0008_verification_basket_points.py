"""Verified results with their source, evidence files, the KPI Basket per year, and components scored on points

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import app.models.base


revision: str = '0008'
down_revision: Union[str, None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEXT = sqlmodel.sql.sqltypes.AutoString
TIME = sqlmodel.sql.sqltypes.UTCDateTime


def _base() -> list:
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('created_at', TIME(), nullable=False),
            sa.Column('updated_at', TIME(), nullable=False)]


def upgrade() -> None:
    with op.batch_alter_table('result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verified_actual', app.models.base.DecimalText(), nullable=True))
        batch_op.add_column(sa.Column('verified_source', TEXT(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('verified_by', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('verified_at', TIME(), nullable=True))
        batch_op.add_column(sa.Column('source_ref', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('source_date', sa.Date(), nullable=True))
    with op.batch_alter_table('frameworkcomponent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('takes', TEXT(length=16), nullable=False, server_default='targets'))
    op.create_table(
        'evidencefile', *_base(),
        sa.Column('assignment_id', sa.Uuid(), nullable=False),
        sa.Column('round_id', sa.Uuid(), nullable=False),
        sa.Column('name', TEXT(length=255), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', TEXT(length=64), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('added_by', TEXT(), nullable=False),
        sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id']),
        sa.ForeignKeyConstraint(['round_id'], ['round.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_evidencefile_assignment_id', 'evidencefile', ['assignment_id'])
    op.create_index('ix_evidencefile_round_id', 'evidencefile', ['round_id'])
    op.create_table(
        'basketentry', *_base(),
        sa.Column('fiscal_year_id', sa.Uuid(), nullable=False),
        sa.Column('code', TEXT(length=48), nullable=False),
        sa.Column('name_th', TEXT(), nullable=False),
        sa.Column('definition', TEXT(), nullable=False),
        sa.Column('unit_of_measure', TEXT(), nullable=False),
        sa.Column('direction', sa.String(length=16), nullable=False),
        sa.Column('formula', TEXT(), nullable=False),
        sa.Column('data_source', TEXT(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscalyear.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('fiscal_year_id', 'code'),
    )
    op.create_index('ix_basketentry_fiscal_year_id', 'basketentry', ['fiscal_year_id'])


def downgrade() -> None:
    op.drop_index('ix_basketentry_fiscal_year_id', table_name='basketentry')
    op.drop_table('basketentry')
    op.drop_index('ix_evidencefile_round_id', table_name='evidencefile')
    op.drop_index('ix_evidencefile_assignment_id', table_name='evidencefile')
    op.drop_table('evidencefile')
    with op.batch_alter_table('frameworkcomponent', schema=None) as batch_op:
        batch_op.drop_column('takes')
    with op.batch_alter_table('result', schema=None) as batch_op:
        for name in ('source_date', 'source_ref', 'verified_at', 'verified_by', 'verified_source', 'verified_actual'):
            batch_op.drop_column(name)
