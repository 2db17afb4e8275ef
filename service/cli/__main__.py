"""``python -m service.cli``: the same as the ``feelalike`` command."""
import sys

from . import main

sys.exit(main())
