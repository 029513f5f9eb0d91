using Meridian.Server.Cli;

return await CommandRouter.RunAsync(args, Console.Out, Console.Error);

/// <summary>The entry point, public so API tests can host it with WebApplicationFactory.</summary>
public partial class Program;
