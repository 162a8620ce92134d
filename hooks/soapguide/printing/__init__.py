"""Stage 5, printing: the print pages' macros and the PDF downloads made from the built site.
Imports only from earlier stages.
"""

from pathlib import Path

# The print pages' macros (print.html: the script cards and the pocket checklist).
PRINT_TEMPLATES = Path(__file__).parent / "templates"
