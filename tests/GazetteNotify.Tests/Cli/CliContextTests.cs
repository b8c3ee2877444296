using GazetteNotify.Cli;
using GazetteNotify.Storage;
using GazetteNotify.Web;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Tests.Cli;

/// <summary>
/// Each CLI command composes the service afresh; the context disposes what they composed, so a process running many
/// commands (the tests, a script driving the tool) does not keep every composition's disposables alive.
/// </summary>
public class CliContextTests
{
    [Fact]
    public void Disposing_the_context_disposes_the_parts_its_commands_composed()
    {
        var context = new CliContext(new StringWriter(), new StringWriter(), () => throw new InvalidOperationException("no storage needed"))
        {
            LinkSecret = () => "a-test-secret-that-is-long-enough-32b",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Outbox"] = Path.GetTempPath() }).Build(),
        };
        var limits = context.Service<RateLimits>();
        Assert.True(limits.AllowAddress("someone@example.com"));

        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => limits.AllowAddress("someone@example.com"));
    }
}
