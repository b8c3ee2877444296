using Microsoft.Extensions.Configuration;
using GazetteNotify.Cli;
using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Support;

/// <summary>Runs `gazette …` in-process against a given storage, with a test link secret and outbox.</summary>
public static class CliHarness
{
    /// <summary>`gazette …` that needs no storage (parse, eval), as a developer runs it.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = GazetteCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static (int Code, string Out, string Err) Run(GazetteStorage storage, string? outbox, params string[] args) =>
        Run(storage, outbox, null, args);

    /// <summary>
    /// With <paramref name="settings"/>: the configuration the admin's environment gives (PublicBaseUrl, Mail:From, …);
    /// without, the local defaults (mail to the outbox folder), whatever the machine running the tests has set.
    /// </summary>
    public static (int Code, string Out, string Err) Run(GazetteStorage storage, string? outbox, IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Outbox"] = outbox ?? Path.Combine(Path.GetTempPath(), "gazette-unused-outbox") })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        using var context = new CliContext(output, error, () => storage)
        {
            LinkSecret = () => "a-test-secret-that-is-long-enough-32b",
            Configuration = configuration,
        };
        return (GazetteCommandLine.Run(args, context), output.ToString(), error.ToString());
    }
}
