"""Benchmarks: each prints its figures as ratios against a raw baseline run in the same process."""
