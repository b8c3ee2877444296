using GazetteNotify.Hosting;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Architecture;

public sealed class ArchitectureTests(ITestOutputHelper output)
{
    [Fact]
    public void Print_graph()
    {
        var asm = typeof(ServiceRegistration).Assembly;
        foreach (var ((from, to), users) in FolderGraph.Edges(asm, "GazetteNotify").OrderBy(e => e.Key.From).ThenBy(e => e.Key.To))
        {
            output.WriteLine($"{from} -> {to}: {users.Count} ({string.Join(", ", users.Select(u => u.Split('.').Last()).Take(6))})");
        }
    }
}
