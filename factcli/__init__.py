"""factcli: who said what, and which numbers were claimed, in news text."""

__version__ = "0.1.0"
