using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace GazetteNotify.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI (from the Azure.Bicep.CommandLine.linux-x64 package) once per test class: `bicep build` and
/// `bicep lint` of infra/main.bicep, in parallel. Offline: only local modules, and no linter rule that needs the
/// network is on (infra/bicepconfig.json).
/// </summary>
public sealed class InfraFixture
{
    public InfraFixture()
    {
        RepoRoot = FindRepoRoot();
        Bicep = BicepExecutable();
        MainBicep = Path.Combine(RepoRoot, "infra", "main.bicep");

        var build = Task.Run(() => Run(Bicep, RepoRoot, "build", MainBicep, "--stdout"));
        var lint = Task.Run(() => Run(Bicep, RepoRoot, "lint", MainBicep, "--diagnostics-format", "sarif"));
        Build = build.GetAwaiter().GetResult();
        Lint = lint.GetAwaiter().GetResult();
    }

    public string RepoRoot { get; }

    public string Bicep { get; }

    public string MainBicep { get; }

    public ProcessResult Build { get; }

    public ProcessResult Lint { get; }

    /// <summary>The compiled ARM template (parsed on each call: tests get their own document to dispose).</summary>
    public JsonDocument Template()
    {
        Assert.True(Build.ExitCode == 0, "bicep build failed:\n" + Build.StandardError);
        return JsonDocument.Parse(Build.StandardOutput);
    }

    public static ProcessResult Run(string fileName, string workingDirectory, params string[] arguments) =>
        Run(fileName, workingDirectory, new Dictionary<string, string?>(), arguments);

    public static ProcessResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Bicep is a self-contained .NET app: without ICU on the machine it would not start.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 60 s");
        }

        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string BicepExecutable()
    {
        var path = typeof(InfraFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        Assert.False(string.IsNullOrEmpty(path), "BicepPath assembly metadata missing (see GazetteNotify.Tests.csproj)");
        Assert.True(File.Exists(path), $"bicep not found at {path}: restore the Azure.Bicep.CommandLine.linux-x64 package");

        // NuGet extraction may not keep the execute bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GazetteNotify.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("GazetteNotify.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
