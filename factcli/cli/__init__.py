"""The command line: `launcher` (the `factcli` program, which runs plain lookups without Typer),
`app` (the Typer app), `commands` (what each command does, without Typer) and `helptext`.

Takes argv; gives output on stdout and stderr and an exit status. Arguments and rendering only:
no extraction, no SQL.
"""
