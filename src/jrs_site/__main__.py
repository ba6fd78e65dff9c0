"""`python -m jrs_site` runs the `jrs-site` command."""

from .cli import main

main()
