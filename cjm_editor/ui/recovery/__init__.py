"""Never lose a map: autosave, crash recovery, the emergency save, the file lock and watcher, history
and the compare view. The stores and the diff are in the core (`formats/recovery.py`, `formats/diff.py`)."""
