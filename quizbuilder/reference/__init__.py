"""Reference implementations, used by tests only: Python twins of what the browser
scripts do, so that shared vectors (`tests/vectors/`) hold both to the same answers.

- `scoring`: scoring a quiz and the share-link codec (`core.js`);
- `aggregate`: combining exported "My results" files (`team-core.js`).

Nothing in the build imports them; the numbers both sides share live in
`quizbuilder/constants.py`.
"""
