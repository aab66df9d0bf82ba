using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Spoc.Bench;

// bench/run.sh calls: `seed <spoc.db> <out-dir>`, `push <api-url> <seconds> <sender-token> <path> <json> <receivers-file>` and `micro [--smoke] <BenchmarkDotNet arguments>`.
switch (args.FirstOrDefault())
{
    case "seed" when args.Length == 3:
        return await Seeder.RunAsync(args[1], args[2]);
    case "push" when args.Length == 7:
        return await PushLoad.RunAsync(args);
    case "micro":
        // In process: no per-benchmark project generation and rebuild, which would cost minutes on a busy 2-core machine.
        var smoke = args.Contains("--smoke");
        var job = (smoke ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Seeder).Assembly).Run(args.Skip(1).Where(a => a != "--smoke").ToArray(), config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    default:
        Console.Error.WriteLine("usage: Spoc.Bench seed <spoc.db> <out-dir> | push <api-url> <seconds> <sender-token> <path> <json> <receivers-file> | micro [--smoke] [BenchmarkDotNet arguments]");
        return 2;
}
