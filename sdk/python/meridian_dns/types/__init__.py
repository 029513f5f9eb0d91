"""Types generated from the served OpenAPI documents, one module per surface."""
