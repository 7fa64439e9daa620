"""Staff-facing operations shared by the HTTP views and the CLI.

Each module holds one job (searching entries, trying a question, inbox groups, the dashboard, ...). Views and
CLI commands only translate HTTP requests or command-line arguments into calls to these functions and render
what they return; nothing here knows about Flask requests or Click.
"""
