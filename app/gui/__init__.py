"""The desktop window and its widgets (QtWidgets). Business logic lives in core/ and jobs/."""
