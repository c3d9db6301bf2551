"""Benchmarks and scale data; a Django app (`seed_scale`) outside the product package.

Not shipped in the wheel. The settings install it only where it can run: this
checkout on the path and Faker installed (the `bench` extra).
"""
