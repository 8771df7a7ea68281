"""The largest US occupations and the role pages that cover them (see README.md)."""
