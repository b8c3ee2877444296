using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Tests.Support;

/// <summary>
/// `gazette serve` in-process, as the attack and session tests drive it: a free port, the test's storage, mail to an
/// outbox folder, the test link secret, an admin key, no timers.
/// </summary>
public static class OutboxRunner
{
    public static Task<LocalRunner> StartAsync(GazetteStorage storage, string outbox, TextWriter log, string adminKey, TimeProvider? clock = null) =>
        LocalRunner.StartAsync(new LocalRunnerOptions(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Transport"] = "outbox", ["Mail:Outbox"] = outbox }).Build(), log)
        {
            Port = 0, Storage = storage, LinkSecret = Scenario.LinkSecret, AdminKey = adminKey, Timers = false, Clock = clock,
        });
}
