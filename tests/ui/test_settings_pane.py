"""The Settings page: the agency's details and the referral reply limits."""


def test_the_settings_page_changes_the_reply_and_expiry_days(qtbot, database):
    from lbsdesk.services import referrals as referral_service
    from lbsdesk.ui.first_run_setup_dialog import AgencySettingsPane

    pane = AgencySettingsPane(database)
    qtbot.addWidget(pane)
    pane.load()
    assert (pane.reply_days.value(), pane.expiry_days.value()) == (30, 60)
    pane.form.name.setText("Maple Valley Literacy Centre")
    pane.reply_days.setValue(21)
    pane.expiry_days.setValue(14)
    assert pane.save() is False
    assert "Expired after" in pane.message.text()
    pane.expiry_days.setValue(45)
    assert pane.save() is True
    with database.session() as session:
        limits = referral_service.reply_limits(session)
    assert (limits.reply_days, limits.expiry_days) == (21, 45)
