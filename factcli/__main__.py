from factcli.launcher import main

main()
