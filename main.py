"""政务公开年报助手 — entry point: `python main.py` opens the wizard, `python main.py check …` and the
other subcommands work without a display (command_line.py; ../shared/spec/report-file.md).

The program is in modules, not in this script: Python compiles a script from its source at every start
(some 6 ms for the command line), a module only once into its cached bytecode.
"""

from __future__ import annotations

import sys

from command_line import main

__all__ = ["main"]

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the packaged program: 年报质量检查 reads in worker processes
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
