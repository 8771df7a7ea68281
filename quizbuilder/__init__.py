"""quizbuilder: customer-service role pages and client-scored quizzes for MkDocs."""

__version__ = "0.1.0"
