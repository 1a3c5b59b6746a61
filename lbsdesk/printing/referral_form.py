"""The printed referral form, modelled on the regional literacy networks' standard template
(DOMAIN.md, Forms), with the return slip at its foot.

``ReferralFormData`` is everything the form prints (plain values; the service fills it from the
database).  ``referral_form_story`` gives the form as ReportLab flowables so the monthly packet can
put many forms behind the tracking sheet in one document; ``render_referral_form`` makes a PDF of
one form.  No database, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from lbsdesk.domain.codes import SERVICES_REQUESTED, URGENCIES
from lbsdesk.printing.labels import code_label, format_date, label, printed_in
from lbsdesk.printing.layout import (
    BOLD,
    ITALIC,
    LABEL_INK,
    MARGIN_X,
    RULE,
    Agency,
    Checks,
    FormRow,
    Gap,
    InlineField,
    Mark,
    Note,
    PageContext,
    PageHeader,
    Section,
    SectionBar,
    SignatureLine,
    TextField,
    TitleBlock,
    build_pdf,
)


@dataclass
class ReferralFormData:
    """Everything one printed referral form shows. Empty strings and ``None`` print as blanks to
    fill in by hand."""

    referral_number: str
    referral_date: date | None
    direction: str  # "in" or "out"
    # the agency printing the form
    agency_name: str = ""
    agency_address: str = ""
    agency_phone: str = ""
    agency_email: str = ""
    agency_logo: bytes | None = None
    cams_provider_number: str = ""
    language: str = "en"  # the agency's language: what the form is printed in
    # who sent the learner, and to whom
    referring_organization: str = ""
    referring_program: str = ""
    referring_contact: str = ""
    referring_phone: str = ""
    referring_email: str = ""
    referring_address: str = ""
    referring_is_informal: bool = False  # an informal source (word of mouth…), not an organization
    receiving_organization: str = ""
    receiving_program: str = ""
    receiving_contact: str = ""
    receiving_phone: str = ""
    receiving_email: str = ""
    receiving_address: str = ""
    # the learner
    learner_name: str = ""
    learner_date_of_birth: date | None = None
    learner_phone: str = ""
    learner_email: str = ""
    learner_preferred_language: str = ""
    learner_preferred_contact: str = ""
    # the referral
    reason: str = ""
    services_requested: Sequence[str] = field(default_factory=tuple)  # SERVICES_REQUESTED codes
    services_other: str = ""
    supports: str = ""
    urgency: str | None = None  # an URGENCIES code
    formal: bool = False
    planned: bool = False
    supported: bool = False
    coordinated: bool = False
    information_exchanged: bool = False
    # consent
    consent_given: bool | None = None  # the learner's consent to share: yes, no, not recorded
    consent_what: str = ""
    consent_with_whom: str = ""
    consent_purpose: str = ""
    consent_valid_until: date | None = None
    consent_given_on: date | None = None
    # after
    follow_up_date: date | None = None
    staff_name: str = ""

    @property
    def agency(self) -> Agency:
        return Agency(
            name=self.agency_name, address=self.agency_address, phone=self.agency_phone,
            email=self.agency_email, cams_provider_number=self.cams_provider_number, logo=self.agency_logo,
            language=self.language,
        )

    @property
    def return_to(self) -> str:
        """Where the return slip goes: whoever sent the referral (the agency, for a referral out)."""
        if self.referring_is_informal:
            return ""
        parts = [self.referring_organization]
        if self.referring_contact:
            parts.append(label("attention_of", name=self.referring_contact))
        if self.referring_phone:
            parts.append(self.referring_phone)
        if self.referring_email:
            parts.append(self.referring_email)
        if self.referring_address:
            parts.append(", ".join(line.strip() for line in self.referring_address.splitlines() if line.strip()))
        return " · ".join(part for part in parts if part)


# --- the return slip, pinned to the foot of the form's last page -------------------------------------


class ReturnSlip(Flowable):
    """A dashed "cut here" line and the slip under it, drawn at the bottom of the page; if the page
    has no room left for it, it moves to the next page (still at the bottom)."""

    CUT_SPACE = 16.0

    def __init__(self, data: ReferralFormData) -> None:
        super().__init__()
        self.data = data
        d = data
        number_caption = f"{label('referral_number')} {d.referral_number}"
        self.parts: list[Flowable] = [
            SectionBar(f"{label('return_slip').upper()} — {number_caption}", strong=True,
                       right=format_date(d.referral_date)),
            FormRow([(Note(_return_note(d), size=10), 1)]),
            FormRow([
                (InlineField(label("return_learner"), d.learner_name, bold=True), 0.44),
                (InlineField(label("return_received_on")), 0.28),
                (InlineField(label("return_first_appointment")), 0.28),
            ], min_height=22),
            FormRow([(Checks("", [(label("return_accepted"), False),
                                  (f"{label('return_not_proceeding')} {label('return_why')}", False)],
                             caption_pos="none", extra=""), 1)], min_height=22),
            FormRow([
                (InlineField(label("return_name")), 0.44),
                (InlineField(label("return_organization")), 0.32),
                (InlineField(label("return_date")), 0.24),
            ], min_height=22),
        ]

    def _slip_height(self, width: float) -> float:
        return sum(part.wrap(width, 10_000)[1] for part in self.parts)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._needed = self._slip_height(available_width) + self.CUT_SPACE
        self.height = max(self._needed, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas: Canvas = self.canv
        y = self._needed
        cut_y = y - 8
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.setDash(5, 3)
        canvas.line(-MARGIN_X + 12, cut_y, self.width + MARGIN_X - 12, cut_y)
        canvas.setDash()
        text = f"  {label('cut_here')}  "
        canvas.setFont(ITALIC, 8.5)
        text_w = canvas.stringWidth(text, ITALIC, 8.5)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(self.width / 2 - text_w / 2 - 12, cut_y - 5, text_w + 24, 10, stroke=0, fill=1)
        canvas.setFillColor(LABEL_INK)
        canvas.drawCentredString(self.width / 2 + 6, cut_y - 3, text)
        _draw_scissors(canvas, self.width / 2 - text_w / 2 - 8, cut_y)
        canvas.restoreState()
        y -= self.CUT_SPACE
        for part in self.parts:
            _, height = part.wrap(self.width, 10_000)
            y -= height
            part.drawOn(canvas, 0, y)


def _draw_scissors(canvas: Canvas, x: float, y: float) -> None:
    """A small pair of scissors pointing right, centred on the cut line at (x, y)."""
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.9)
    canvas.circle(x, y + 2.6, 2.0, stroke=1, fill=0)
    canvas.circle(x, y - 2.6, 2.0, stroke=1, fill=0)
    canvas.line(x + 1.7, y + 1.6, x + 11, y - 2.2)
    canvas.line(x + 1.7, y - 1.6, x + 11, y + 2.2)


def _return_note(d: ReferralFormData) -> str:
    intro = label("return_slip_intro")
    if d.return_to:
        return f"{intro} {label('return_to')} {d.return_to}"
    return f"{intro}."


# --- the form ------------------------------------------------------------------------------------


def _title_block(d: ReferralFormData) -> TitleBlock:
    tag = label("direction_title_in" if d.direction == "in" else "direction_title_out")
    date_line = label("caption_value", caption=label("referral_date"),
                      value=format_date(d.referral_date) or "_______________")
    return TitleBlock(label("form_title"), lines=[(date_line, BOLD, 11)],
                      boxed=(label("referral_number"), d.referral_number), tag=tag)


def referral_form_story(data: ReferralFormData, *, context: PageContext | None = None) -> list[Flowable]:
    """The form as flowables, starting on the current page (the caller adds page breaks)."""
    d = data
    agency_name = d.agency_name or label("agency_name_missing")
    context = context or PageContext(
        running_title=f"{label('form_title')} {d.referral_number}",
        footer_left=label("form_footer", number=d.referral_number),
    )
    referring_caption = label("informal_source") if d.referring_is_informal else label("organization")
    services = [
        (code_label(SERVICES_REQUESTED, code), code in d.services_requested)
        for code in SERVICES_REQUESTED.codes if code != "other"
    ] + [(label("services_other"), "other" in d.services_requested or bool(d.services_other))]
    story: list[Flowable] = [
        Mark(context),
        PageHeader(d.agency, _title_block(d), right_width=200),
        Gap(4),
        Section([(label("section_referring"), 0.5), (label("section_receiving"), 0.5)], [
            FormRow([
                (InlineField(referring_caption, d.referring_organization, bold=True), 0.5),
                (InlineField(label("organization"), d.receiving_organization, bold=True), 0.5),
            ]),
            FormRow([
                (InlineField(label("program"), d.referring_program), 0.5),
                (InlineField(label("program"), d.receiving_program), 0.5),
            ]),
            FormRow([
                (InlineField(label("contact"), d.referring_contact), 0.3),
                (InlineField(label("phone"), d.referring_phone), 0.2),
                (InlineField(label("contact"), d.receiving_contact), 0.3),
                (InlineField(label("phone"), d.receiving_phone), 0.2),
            ]),
            FormRow([
                (InlineField(label("email"), d.referring_email), 0.5),
                (InlineField(label("email"), d.receiving_email), 0.5),
            ]),
        ]),
        Gap(3),
        Section(label("section_learner"), [
            FormRow([
                (InlineField(label("learner_name"), d.learner_name, bold=True), 0.44),
                (InlineField(label("date_of_birth"), format_date(d.learner_date_of_birth)), 0.24),
                (InlineField(label("learner_phone"), d.learner_phone), 0.32),
            ]),
            FormRow([
                (InlineField(label("learner_email"), d.learner_email), 0.44),
                (InlineField(label("preferred_language"), d.learner_preferred_language), 0.24),
                (InlineField(label("preferred_contact"), d.learner_preferred_contact), 0.32),
            ]),
        ]),
        Gap(3),
        Section(label("section_referral"), [
            FormRow([(TextField(label("reason"), d.reason, min_lines=1 if d.reason.strip() else 3), 1)]),
            FormRow([(Checks(label("services_requested"), services, columns=4, extra=d.services_other or ""), 1)]),
            FormRow([
                (TextField(label("supports"), d.supports, min_lines=1), 0.56),
                (Checks(label("urgency"), [(code_label(URGENCIES, code), d.urgency == code) for code in URGENCIES.codes]),
                 0.44),
            ]),
        ]),
        Gap(3),
        Section(label("section_formal"), [
            FormRow([
                (Checks("", [
                    (label("formal_planned"), d.planned),
                    (label("formal_supported"), d.supported),
                    (label("formal_coordinated"), d.coordinated),
                    (label("formal_information_exchanged"), d.information_exchanged),
                ], columns=2, caption_pos="none"), 0.72),
                (TextField(label("follow_up_date"), format_date(d.follow_up_date)), 0.28),
            ]),
        ]),
        Gap(3),
        Section(label("section_consent"), [
            FormRow([
                (Checks(label("consent_to_share"), [(label("yes"), d.consent_given is True),
                                                    (label("no"), d.consent_given is False)],
                        caption_pos="inline"), 0.46),
                (InlineField(label("consent_given_on"), format_date(d.consent_given_on)), 0.28),
                (InlineField(label("consent_valid_until"), format_date(d.consent_valid_until)), 0.26),
            ]),
            FormRow([
                (TextField(label("consent_what"), d.consent_what, min_lines=2), 0.36),
                (TextField(label("consent_with_whom"), d.consent_with_whom, min_lines=2), 0.32),
                (TextField(label("consent_purpose"), d.consent_purpose, min_lines=2), 0.32),
            ]),
            FormRow([(Note(label("consent_statement", agency=agency_name), size=10), 1)]),
            FormRow([
                (SignatureLine(label("learner_signature"), label("signature_date")), 0.5),
                (SignatureLine(label("staff_signature") + (f" ({d.staff_name})" if d.staff_name else ""),
                               label("signature_date")), 0.5),
            ]),
        ]),
        ReturnSlip(d),
    ]
    return story


def render_referral_form(data: ReferralFormData, *, printed_on: date | None = None) -> bytes:
    """One referral form with its return slip, as PDF bytes (Letter), in ``data.language``."""
    with printed_in(data.language):
        story = referral_form_story(data)
        return build_pdf(
            story,
            title=f"{label('form_title')} {data.referral_number}",
            printed_on=printed_on or date.today(),
            author=data.agency_name,
        )


__all__ = ["ReferralFormData", "ReturnSlip", "referral_form_story", "render_referral_form"]
