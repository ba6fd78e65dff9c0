"""`python -m jrs_site` runs the `jrs-site` command."""

from jrs_site.cli import main

main()
