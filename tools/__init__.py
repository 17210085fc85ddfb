"""Commands around the built site: a local nginx, the CSP hashes, the benchmark and the audit."""
