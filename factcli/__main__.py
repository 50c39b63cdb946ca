from factcli.cli.launcher import main

main()
