"""The `jrs-site` command: a thin adapter over the core, one module per command.

A command's module is imported only when that command runs, so `jrs-site check` loads
neither MkDocs nor WeasyPrint.
"""

from __future__ import annotations

import importlib

import click

from jrs_site.cli.common import Stopped, interrupts_from_sigterm

#: Each command: its module under jrs_site.cli, and its one-line help for `jrs-site --help`.
COMMANDS = {
    "check": ("check", "List every problem in the content at once (exit 1 on errors)."),
    "build": ("build", "Check the content, then build the site into site/."),
    "serve": ("serve", "Preview the site live; rebuilds on every change."),
    "pdf": ("pdf", "Make the newsletter PDF of editions (print or screen)."),
    "preflight": ("pdf", "Check a PDF against the printer's rules."),
    "email": ("email", "Make the e-mail edition of editions, for a mailing tool."),
    "publish": ("publish", "Build the site, then put it on the web host over SSH."),
    "new": ("new", "Start a new testimony, edition or report (a draft)."),
    "nginx": ("nginx", "Print the nginx configuration of the built site."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{COMMANDS[cmd_name][0]}")
        command: click.Command = getattr(module, cmd_name)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """The command; a file the system refuses (a folder that is a broken link, a full
        disk, no permission) is a one-line error naming the file, never a traceback. Ctrl+C
        or SIGTERM stops it with one line and exit code 130 (a command that has something
        to say of what it left says it first: `Stopped`)."""
        try:
            with interrupts_from_sigterm():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Stopped("Stopped before the command finished") from None
        except OSError as error:
            where = f" '{error.filename}'" if error.filename else ""
            raise click.ClickException(
                f"the file system refused{where}: {error.strerror or error}; check that the "
                "folder exists, that you may write in it and that the disk is not full"
            ) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from COMMANDS, without importing every command's module."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])


@click.group(cls=LazyGroup)
def main() -> None:
    """Build and check the Ankerpunt website and newsletter."""
