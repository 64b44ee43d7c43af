"""Entry point of the frozen bundle: one executable, two names.

Started as `cjm` (the symlink next to it, or /usr/bin/cjm) it runs the headless commands; started under
any other name (`cjm-editor`) it opens the editor.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.argv[0]).name == "cjm":
        from cjm_editor.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from cjm_editor.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
