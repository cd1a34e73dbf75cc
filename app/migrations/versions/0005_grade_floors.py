"""a fiscal year's grade bands (the floors of quality, upper and basic standard)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('fiscalyear', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grade_floors', sa.String(), nullable=False, server_default='90,75,60'))


def downgrade() -> None:
    with op.batch_alter_table('fiscalyear', schema=None) as batch_op:
        batch_op.drop_column('grade_floors')
