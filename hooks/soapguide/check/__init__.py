"""Stage 2, check: JSON Schemas, the text policy and the cross-file checks. Imports only from
``read``.
"""
