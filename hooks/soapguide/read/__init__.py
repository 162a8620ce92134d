"""Stage 1, read: YAML files into located data (line and column for every value), and the
error type every later stage reports with. Imports nothing from the other stages.
"""
