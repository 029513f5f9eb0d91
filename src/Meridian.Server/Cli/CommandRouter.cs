namespace Meridian.Server.Cli;

/// <summary>Maps the first words of the command line to a command. Kept as one table so the whole CLI
/// surface can be read in one place.</summary>
internal static class CommandRouter
{
    private static readonly string Usage = """
        usage: meridian <command> [options]

        commands:
          serve [--data DIR] [--database CONNECTION_STRING] [--http ADDR:PORT] [--dns ADDR:PORT]
              run the HTTP APIs and the DNS server (the default when no command is given)
          zone check FILE --origin NAME [--allow-include]
              read a zone file and print its records as BIND's named-compilezone does
          dns --zone NAME=FILE [--zone NAME=FILE ...] [--listen ADDR:PORT ...] [--udp-workers N]
              serve zone files over UDP and TCP (default 127.0.0.1:5300 and [::1]:5300);
              SIGHUP reloads the files
        """ + "\n" + AccountsCommand.Usage + KeysCommand.Usage;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        if (args.Length >= 2 && args[0] == "zone" && args[1] == "check")
            return ZoneCheckCommand.Run(args[2..], stdout, stderr);
        if (args.Length == 0 || args[0] == "serve" || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] != "--help")
            return await ServeCommand.RunAsync(args.Length > 0 && args[0] == "serve" ? args[1..] : args, stderr);
        if (args.Length >= 1 && args[0] == "accounts")
            return await AccountsCommand.RunAsync(args[1..], stdout, stderr, stdin ?? Console.In);
        if (args.Length >= 1 && args[0] == "keys")
            return await KeysCommand.RunAsync(args[1..], stdout, stderr);
        if (args.Length >= 1 && args[0] == "dns")
            return await DnsCommand.RunAsync(args[1..], stdout, stderr);
        if (args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }
        await stderr.WriteLineAsync($"meridian: unknown command '{string.Join(' ', args)}'");
        await stderr.WriteLineAsync(Usage);
        return 2;
    }
}
