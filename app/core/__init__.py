"""Core: options, result model, engines, preprocessing, export and the store. No Qt here."""
