"""`python -m cjm_editor` opens the editor."""

from __future__ import annotations

import sys

from cjm_editor.app import main

sys.exit(main())
