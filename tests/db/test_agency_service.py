"""First-run agency setup and staff names."""

import pytest

from lbsdesk.services.agency import (
    AgencySettings,
    is_setup_needed,
    list_staff,
    load_agency,
    save_agency,
    save_staff_names,
)
from lbsdesk.services.learners import ValidationFailed

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_setup_round_trip(database):
    with database.session() as session:
        assert is_setup_needed(session)
        settings = load_agency(session)
        assert settings.name == "" and settings.language == "en" and not settings.setup_completed
        settings.name = "  Haliburton Literacy Council "
        settings.address = "12 Main St, Haliburton ON"
        settings.phone = "705-555-0100"
        settings.email = "office@example.ca"
        settings.cams_provider_number = "12345"
        settings.region = "Central East"
        settings.logo_png = PNG
        save_agency(session, settings)
        save_staff_names(session, ["Anne Roy", "  ", "Luc Côté"])
    with database.session() as session:
        loaded = load_agency(session)
        assert loaded.name == "Haliburton Literacy Council"
        assert (loaded.cams_provider_number, loaded.region, loaded.logo_png) == ("12345", "Central East", PNG)
        assert loaded.setup_completed and not is_setup_needed(session)
        save_staff_names(session, ["anne  roy", "Luc Cote", "Marie Gagnon"])
    with database.session() as session:
        staff = list_staff(session)
        assert [s.name for s in staff] == ["Anne Roy", "Luc Côté", "Marie Gagnon"]  # no duplicates added
        assert all(s.active for s in staff)


@pytest.mark.parametrize(
    "changes, field",
    [({"name": " "}, "name"), ({"email": "nope"}, "email"), ({"language": "de"}, "language"), ({"logo_png": b"GIF89a"}, "logo_png")],
)
def test_setup_validation(session, changes, field):
    settings = AgencySettings(name="X", address=None, phone=None, email=None, cams_provider_number=None,
                              region=None, language="en", logo_png=None, setup_completed=False)
    for key, value in changes.items():
        setattr(settings, key, value)
    with pytest.raises(ValidationFailed) as failure:
        save_agency(session, settings)
    assert field in failure.value.problems
    assert is_setup_needed(session)
