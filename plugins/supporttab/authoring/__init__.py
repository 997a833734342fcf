"""Tools for comms staff: the command line (cli), writing files (write, text), the linter (lint), the history
guard (guard) and JSON Schemas for editors (schema)."""
