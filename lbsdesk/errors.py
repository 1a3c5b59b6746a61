"""Errors a person can act on. The command line prints their message and exits 1; the app shows it."""


class LbsDeskError(Exception):
    """Something about the data or the request is wrong; the message says what and where."""


class DatabaseProblem(LbsDeskError):
    """The database cannot be opened or used as it is (not ours, damaged, newer, locked)."""


class ValidationFailed(LbsDeskError):
    """A record cannot be saved; ``problems`` maps each field name to what is wrong and the fix."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))
