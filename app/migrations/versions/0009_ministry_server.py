"""The ministry server: accounts and tokens, the change log (one revision sequence), pushed batches, conflicts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0009'
down_revision: Union[str, None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEXT = sqlmodel.sql.sqltypes.AutoString
TIME = sqlmodel.sql.sqltypes.UTCDateTime


def _base() -> list:
    return [sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('created_at', TIME(), nullable=False),
            sa.Column('updated_at', TIME(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        'account', *_base(),
        sa.Column('username', TEXT(length=64), nullable=False),
        sa.Column('display_name', TEXT(), nullable=False),
        sa.Column('role', TEXT(length=16), nullable=False),
        sa.Column('unit_id', sa.Uuid(), nullable=True),
        sa.Column('password_hash', TEXT(), nullable=False),
        sa.Column('failed_logins', sa.Integer(), nullable=False),
        sa.Column('locked_until', TIME(), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_account_username', 'account', ['username'], unique=True)
    op.create_table(
        'accesstoken', *_base(),
        sa.Column('account_id', sa.Uuid(), nullable=False),
        sa.Column('token_hash', TEXT(length=64), nullable=False),
        sa.Column('expires_at', TIME(), nullable=False),
        sa.Column('revoked_at', TIME(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_accesstoken_account_id', 'accesstoken', ['account_id'])
    op.create_index('ix_accesstoken_token_hash', 'accesstoken', ['token_hash'], unique=True)
    op.create_table(
        'changelog',
        sa.Column('revision', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('table_name', TEXT(length=64), nullable=False),
        sa.Column('row_id', sa.Uuid(), nullable=False),
        sa.Column('op', TEXT(length=8), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('unit_id', sa.Uuid(), nullable=True),
        sa.Column('username', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('batch_id', sa.Uuid(), nullable=True),
        sa.Column('at', TIME(), nullable=False),
        sa.PrimaryKeyConstraint('revision'),
    )
    op.create_index('ix_changelog_table_name', 'changelog', ['table_name'])
    op.create_index('ix_changelog_row_id', 'changelog', ['row_id'])
    op.create_index('ix_changelog_unit_id', 'changelog', ['unit_id'])
    op.create_table(
        'syncbatch', *_base(),
        sa.Column('batch_id', sa.Uuid(), nullable=False),
        sa.Column('account_id', sa.Uuid(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_syncbatch_batch_id', 'syncbatch', ['batch_id'], unique=True)
    op.create_table(
        'syncconflict', *_base(),
        sa.Column('table_name', TEXT(length=64), nullable=False),
        sa.Column('row_id', sa.Uuid(), nullable=False),
        sa.Column('field', TEXT(length=64), nullable=False),
        sa.Column('unit_id', sa.Uuid(), nullable=True),
        sa.Column('base', TEXT(), nullable=True),
        sa.Column('mine', TEXT(), nullable=True),
        sa.Column('theirs', TEXT(), nullable=True),
        sa.Column('mine_by', TEXT(), nullable=False),
        sa.Column('theirs_by', TEXT(), nullable=False),
        sa.Column('theirs_revision', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Uuid(), nullable=True),
        sa.Column('edit', sa.Text(), nullable=False),
        sa.Column('resolved_at', TIME(), nullable=True),
        sa.Column('resolved_by', TEXT(), nullable=False),
        sa.Column('resolution', TEXT(length=8), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_syncconflict_row_id', 'syncconflict', ['row_id'])
    op.create_table(
        'outboxedit',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('edit', sa.Text(), nullable=False),
        sa.Column('batch_id', sa.Uuid(), nullable=True),
        sa.Column('refused', sa.Text(), nullable=False, server_default=''),
        sa.Column('at', TIME(), nullable=False),
        sa.PrimaryKeyConstraint('seq'),
    )


def downgrade() -> None:
    op.drop_table('outboxedit')
    op.drop_index('ix_syncconflict_row_id', table_name='syncconflict')
    op.drop_table('syncconflict')
    op.drop_index('ix_syncbatch_batch_id', table_name='syncbatch')
    op.drop_table('syncbatch')
    for name in ('ix_changelog_unit_id', 'ix_changelog_row_id', 'ix_changelog_table_name'):
        op.drop_index(name, table_name='changelog')
    op.drop_table('changelog')
    op.drop_index('ix_accesstoken_token_hash', table_name='accesstoken')
    op.drop_index('ix_accesstoken_account_id', table_name='accesstoken')
    op.drop_table('accesstoken')
    op.drop_index('ix_account_username', table_name='account')
    op.drop_table('account')
