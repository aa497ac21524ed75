"""python -m sahelclean"""

from .cli import main

main()
