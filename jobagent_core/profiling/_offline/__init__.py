"""Building blocks of the offline profile extractor (`jobagent_core.profiling.offline`)."""
