"""The local HTTP API (ImageHQ OCR compatible): FastAPI + uvicorn on one JobManager."""
