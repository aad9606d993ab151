"""Job manager: the core's job runner on QThreadPool workers, with Qt signals. QtCore only;
works headless."""

from app.jobs.manager import InputData, JobManager, QueueFullError, ShuttingDownError

__all__ = ["InputData", "JobManager", "QueueFullError", "ShuttingDownError"]
