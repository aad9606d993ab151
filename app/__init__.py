"""ImageHQ OCR: desktop OCR with a local ImageHQ-compatible API."""

__version__ = "0.1.0"
APP_NAME = "ImageHQ OCR"
APP_ID = "imagehq-ocr"
