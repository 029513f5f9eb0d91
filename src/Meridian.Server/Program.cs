using Meridian.Server.Cli;

return await CommandRouter.RunAsync(args, Console.Out, Console.Error);
