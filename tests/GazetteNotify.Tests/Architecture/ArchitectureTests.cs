using System.Reflection;
using GazetteNotify.Hosting;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Architecture;

/// <summary>
/// Dependencies point one way (docs/architecture.md, docs/adr/0037): Parsing ← platform ← domain ← jobs ← hosts. Within
/// the service every folder has a rank, and a folder may use only folders of a lower rank — so no folder leans on one
/// above it and no two folders lean on each other. A new folder must be given its place here.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    private const string Root = "GazetteNotify";

    /// <summary>The service's folders, lowest first; each line a layer.</summary>
    public static readonly string[][] Layers =
    [
        ["Time", "Storage", "Html", "Mail"], // platform: clocks, tables and blobs, components to HTML, sending mail (Mail knows nothing of alerts)
        ["Topics", "DueDates", "Documents", "Departments", "Site", "Subscriptions"], // domain
        ["Ingestion", "Queries", "Search", "Alerts", "Reminders", "Retention", "Admin"], // jobs (Search: the archive's index)
        ["Web", "Hosting"], // hosts' shared part: HTTP handlers and pages, composition
    ];

    private static Assembly Service => typeof(ServiceRegistration).Assembly;

    [Fact]
    public void Every_folder_uses_only_folders_below_it()
    {
        var violations = Violations(Service, Root, Layers);

        foreach (var edge in FolderGraph.Edges(Service, Root).Keys.OrderBy(e => e.From).ThenBy(e => e.To)) output.WriteLine($"{edge.From} → {edge.To}");
        Assert.True(violations.Count == 0, "Folders that use a folder above them:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_service_has_a_place_in_the_layers()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        Assert.All(FolderGraph.Folders(Service, Root), folder => Assert.Contains(folder, placed));
    }

    [Fact]
    public void The_check_catches_a_folder_that_uses_one_above_it()
    {
        // Test-only folders under Architecture.Sample: Mail uses Alerts, against the rule (as Mail once did for RenderedMail).
        var sample = typeof(Sample.Mail.BadTransport).Namespace![..^".Mail".Length];
        var violations = Violations(typeof(ArchitectureTests).Assembly, sample, [["Mail"], ["Alerts"]]);

        Assert.Equal(["Mail → Alerts: " + typeof(Sample.Mail.BadTransport).FullName], violations);
    }

    [Fact]
    public void Parsing_and_reading_uploads_depend_on_nothing_of_the_service()
    {
        var parsing = typeof(global::GazetteNotify.Parsing.GazetteParser).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        var formats = typeof(global::GazetteNotify.Formats.UploadReader).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain(Root, parsing);
        Assert.DoesNotContain(Root, formats);
        Assert.DoesNotContain("GazetteNotify.Formats", parsing);
    }

    /// <summary>Each use of a folder of the same or a higher rank, as "From → To: types".</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, string root, string[][] layers)
    {
        var order = layers.SelectMany(l => l).ToList();
        var rank = order.Select((folder, i) => (folder, i)).ToDictionary(p => p.folder, p => p.i, StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var ((from, to), users) in FolderGraph.Edges(assembly, root))
        {
            if (!rank.TryGetValue(from, out var a) || !rank.TryGetValue(to, out var b) || b >= a) violations.Add($"{from} → {to}: {string.Join(", ", users)}");
        }

        return violations.Order(StringComparer.Ordinal).ToList();
    }
}
