"""round snapshots and the reason recorded with a round's status

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('roundsnapshot',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('taken_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('payload', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'revision')
    )
    with op.batch_alter_table('roundsnapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roundsnapshot_round_id'), ['round_id'], unique=False)
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('status_note')
    with op.batch_alter_table('roundsnapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roundsnapshot_round_id'))
    op.drop_table('roundsnapshot')
