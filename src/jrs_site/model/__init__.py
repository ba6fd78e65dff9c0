"""The model: the schemas of the sources, the bundles they load into, and problems.

It imports nothing of the other stages: loading (`load`), rendering (`render`), the outputs
and the adapters all build on it.
"""
