"""Logs never hold learners' personal details, even when an error message carries them."""

import logging

from lbsdesk.app_logging import PrivateFormatter


def test_an_exception_is_logged_without_its_message():
    handler_output = []

    class Collect(logging.Handler):
        def emit(self, record):
            handler_output.append(self.format(record))

    handler = Collect()
    handler.setFormatter(PrivateFormatter("%(levelname)s %(message)s"))
    log = logging.getLogger("lbsdesk.test_private")
    log.addHandler(handler)
    message = "INSERT INTO learner ... [parameters: ('Marie', 'Côté', '705-555-0101')]"
    try:
        raise ValueError(message)  # tracebacks quote this line of code, never the values
    except ValueError:
        log.exception("unexpected failure in import")
    finally:
        log.removeHandler(handler)
    text = "\n".join(handler_output)
    assert "unexpected failure in import" in text
    assert "ValueError" in text and "test_private_logging.py" in text
    assert "Côté" not in text and "705-555-0101" not in text
