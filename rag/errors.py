"""The one exception type the command line turns into a one-line error."""


class RagError(Exception):
    """A problem the user can fix: bad input, a missing corpus, a broken index."""
