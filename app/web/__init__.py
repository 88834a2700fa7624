"""Cross-cutting web plumbing: security headers, request ids, logs, error pages."""
