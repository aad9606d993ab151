"""Job manager: QThreadPool workers, lifecycle, signals. QtCore only; works headless."""

from app.jobs.manager import InputData, JobManager, QueueFullError, ShuttingDownError

__all__ = ["InputData", "JobManager", "QueueFullError", "ShuttingDownError"]
