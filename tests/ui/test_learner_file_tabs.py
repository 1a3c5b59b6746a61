"""The learner file's tabs in the main window: plan and timeline, check-ins, exit; the Due page."""

from datetime import date, timedelta

from PySide6.QtWidgets import QTabWidget

from lbsdesk.services import plans as plan_service
from lbsdesk.ui.main_window import PAGE_DUE


def test_the_tabs_wait_for_a_saved_file_and_load_when_shown(qtbot, window, make_learner):
    editor = window.learner_editor
    window.new_learner()
    tabs: QTabWidget = editor.tabs
    assert [tabs.isTabEnabled(i) for i in range(tabs.count())] == [True] + [False] * (tabs.count() - 1)

    learner_id = make_learner("Cleo", "Stage", intake_date=date.today() - timedelta(days=30))
    window.open_learner(learner_id)
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
    editor.show_tab(window.plan_tab)
    assert window.plan_tab.findChild(object, "planTimeline") is not None
    assert "Commencement" in window.plan_tab.advance_button.text()


def test_a_stage_moved_on_the_plan_tab_shows_in_the_registration(qtbot, window, make_learner, database):
    learner_id = make_learner("Cleo", "Stage", intake_date=date.today() - timedelta(days=30))
    window.open_learner(learner_id)
    window.learner_editor.show_tab(window.plan_tab)
    assert window.plan_tab.advance_stage(date.today()) == "commencement"
    stage_field = window.learner_editor._fields["stage"]
    assert stage_field.get() == "commencement"
    assert not window.learner_editor.is_dirty()


def test_a_timeline_marker_opens_its_part_of_the_file(qtbot, window, make_learner):
    learner_id = make_learner("Cleo", "Stage", intake_date=date.today() - timedelta(days=30))
    window.open_learner(learner_id)
    window.open_record("check_in", 1)
    assert window.learner_editor.tabs.currentWidget() is window.check_ins_panel
    window.open_record("follow_up", 1)
    assert window.learner_editor.tabs.currentWidget() is window.exit_panel
    window.open_record("milestone", 1)
    assert window.learner_editor.tabs.currentWidget() is window.plan_tab


def test_the_due_page_is_shown_at_start_when_anything_is_due(qtbot, window, make_learner):
    make_learner("Nora", "Gap", intake_date=date.today() - timedelta(days=60))  # no formal referral: due
    with qtbot.waitSignal(window.due_view.loaded, timeout=10_000):
        window.show_due_at_start()
    qtbot.waitUntil(lambda: window.current_page() == PAGE_DUE)


def test_referrals_partners_and_outreach_are_in_the_rail(qtbot, window):
    for key, name in (("referrals", "referralTable"), ("partners", "partnerTable")):
        window.show_page(key)
        assert window.pages.currentWidget().findChild(object, name) is not None


def test_a_need_noticed_at_a_check_in_opens_a_prefilled_referral_out(qtbot, window, make_learner):
    learner_id = make_learner("Hana", "Need", intake_date=date.today() - timedelta(days=30))
    window.open_learner(learner_id)
    dialog = window.refer_for_need(learner_id, "housing")  # owned by the window: closed with it
    assert dialog.objectName() == "referralForm"
    assert dialog.service_boxes["housing"].isChecked()
    assert "housing" in dialog.reason.toPlainText().lower()
    dialog._dirty = False  # nothing to ask about when it closes
    dialog.reject()
