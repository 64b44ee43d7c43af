"""Benchmarks (not tests): each prints its figure and its ratio to a bare-library floor from the same run."""
