"""`make bench`: the guide's speed and size, measured (never asserted in tests).

Run `make bench` (or `python -m bench --help`); it writes bench/RESULTS.md. One module per job:
machine facts, timing runs, the build split, growth, page weight, Lighthouse, Zensical, report.
"""
