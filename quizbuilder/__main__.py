"""`python -m quizbuilder` runs the command-line tool."""

from quizbuilder.cli import run

run()
