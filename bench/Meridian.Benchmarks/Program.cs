using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Meridian.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
