"""Quote-attribution service: quotations, their speakers and their variants in news text.

Importing this package loads nothing; `service.app.create_app()` wires the application.
"""
