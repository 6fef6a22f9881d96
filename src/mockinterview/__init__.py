"""mockinterview: a terminal coach for system-design mock interviews."""

__version__ = "0.1.0"
