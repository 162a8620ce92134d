"""Stage 6, flow: the "Should I call?" decision graph, its checks and what its page needs.
Imports only from earlier stages; ``soapguide.guide`` adds its check to the pipeline.
"""
