"""Table constraints: foreign keys, uniqueness, exact decimals, UUID keys and timestamps."""

import uuid
from decimal import Decimal as D

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.models import Assignment, FiscalYear, Indicator, Ministry, Unit
from app.services import framework, indicators, organisation


def test_foreign_keys_are_enforced(empty_store):
    with pytest.raises(IntegrityError):
        with empty_store.transaction() as s:
            s.add(Unit(ministry_id=uuid.uuid4(), code="X", name_th="ไม่มีกระทรวง"))


def test_unit_codes_are_unique_within_a_ministry(empty_store):
    with empty_store.transaction() as s:
        m = organisation.create_ministry(s, code="M", name_th="กระทรวงทดสอบ")
        s.add(Unit(ministry_id=m.id, code="U1", name_th="กรมหนึ่ง"))
    with pytest.raises(IntegrityError):
        with empty_store.transaction() as s:
            m = s.exec(select(Ministry)).one()
            s.add(Unit(ministry_id=m.id, code="U1", name_th="กรมซ้ำ"))


def test_an_indicator_is_assigned_once_per_unit_and_year(empty_store):
    with empty_store.transaction() as s:
        m = organisation.create_ministry(s, code="M", name_th="กระทรวงทดสอบ")
        u = organisation.create_unit(s, ministry=m, code="U", name_th="กรมทดสอบ")
        fy = framework.create_fiscal_year(s, year_be=2568)
        ind = indicators.create_indicator(s, code="K1", name_th="ตัวชี้วัด")
        a = indicators.assign_indicator(s, unit=u, indicator=ind, year=fy, weight=D(10))
        comp = a.component_id
    with pytest.raises(IntegrityError):
        with empty_store.transaction() as s:
            s.add(Assignment(unit_id=u.id, indicator_id=ind.id, fiscal_year_id=fy.id, component_id=comp))


def test_decimals_round_trip_exactly_and_keys_are_uuids(empty_store):
    with empty_store.transaction() as s:
        m = organisation.create_ministry(s, code="M", name_th="กระทรวงทดสอบ")
        u = organisation.create_unit(s, ministry=m, code="U", name_th="กรมทดสอบ")
        fy = framework.create_fiscal_year(s, year_be=2568)
        ind = indicators.create_indicator(s, code="K1", name_th="ตัวชี้วัด")
        indicators.assign_indicator(s, unit=u, indicator=ind, year=fy, weight=D("33.333333"),
                                    base=D("0.1"), standard=D("0.2"), advanced=D("0.30"))
    with empty_store.reading() as s:
        a = s.exec(select(Assignment)).one()
        assert (a.weight, a.base, a.standard, a.advanced) == (D("33.333333"), D("0.1"), D("0.2"), D("0.30"))
        assert str(a.advanced) == "0.30"
        assert isinstance(a.id, uuid.UUID) and a.created_at.tzinfo is not None
        raw = s.connection().exec_driver_sql("SELECT base FROM assignment").scalar()
        assert raw == "0.1"        # stored as text, never through float


def test_updated_at_moves_on_change(empty_store):
    with empty_store.transaction() as s:
        fy = framework.create_fiscal_year(s, year_be=2568)
    before = fy.updated_at
    with empty_store.transaction() as s:
        row = s.get(FiscalYear, fy.id)
        row.note = "แก้ไข"
    with empty_store.reading() as s:
        assert s.get(FiscalYear, fy.id).updated_at > before


def test_indicator_codes_are_unique(empty_store):
    with empty_store.transaction() as s:
        s.add(Indicator(code="K", name_th="ก"))
    with pytest.raises(IntegrityError):
        with empty_store.transaction() as s:
            s.add(Indicator(code="K", name_th="ข"))
