"""`python -m cjm_editor.cli`."""

import sys

from cjm_editor.cli import main

sys.exit(main())
