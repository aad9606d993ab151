"""Where the save dialogs start: the first save in the image's folder, then the last used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import settings as S


class SaveFolders:
    """Remembers the folder each opened file came from (this session) and the last save."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.image_dirs: dict[str, str] = {}  # job id -> folder of the file it was made from
        self.saved = False  # a save happened in this session

    def note_source(self, job_id: str, folder: str) -> None:
        self.image_dirs[job_id] = folder

    def start_dir(self, job_id: str | None) -> str:
        last = str(S.get(self.settings, S.EXPORT_LAST_DIR) or "")
        image_dir = self.image_dirs.get(job_id or "", "")
        if not self.saved and image_dir and Path(image_dir).is_dir():
            return image_dir
        for folder in (last, image_dir):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def saved_to(self, folder: Path) -> None:
        self.saved = True
        self.settings.setValue(S.EXPORT_LAST_DIR, str(folder))
