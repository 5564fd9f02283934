"""HTTP layer: the blueprint (routes), request/response schemas, and problem+json errors."""
