using GazetteNotify.Hosting;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GazetteNotify.Tests.Hosting;

/// <summary>
/// The Functions project cannot be restored offline, so its source is read with Roslyn: compiled against the library
/// with stand-ins for the worker's attribute types, every function's trigger, container, queue, schedule setting,
/// method, route and authorization level must be exactly what the library defines (and `gazette serve` hosts), and
/// every HTTP function must hand its request to the library's endpoint of the same name.
/// </summary>
public class FunctionsSourceTests
{
    private static readonly string Project = Path.Combine(AzuriteFixture.RepoRoot(), "functions", "GazetteNotify.Functions");

    /// <summary>Stand-ins with the documented shapes of Microsoft.Azure.Functions.Worker's attributes and types.</summary>
    private const string WorkerStandIns = """
        namespace Microsoft.Azure.Functions.Worker
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class FunctionAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            public enum BlobTriggerSource { LogsAndContainerScan, EventGrid }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class BlobTriggerAttribute(string blobPath) : System.Attribute { public string BlobPath { get; } = blobPath; public BlobTriggerSource Source { get; set; } public string? Connection { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class QueueTriggerAttribute(string queueName) : System.Attribute { public string QueueName { get; } = queueName; public string? Connection { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class TimerTriggerAttribute(string schedule) : System.Attribute { public string Schedule { get; } = schedule; }
            public sealed class TimerInfo { }
            public enum AuthorizationLevel { Anonymous, User, Function, System, Admin }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) : System.Attribute { public string? Route { get; set; } }
        }
        """;

    private sealed record FunctionInfo(string Name, MethodDeclarationSyntax Method, AttributeSyntax Trigger, SemanticModel Model);

    private static (CSharpCompilation Compilation, List<FunctionInfo> Functions) Read()
    {
        var files = Directory.GetFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileName(f) != "Program.cs") // host builder calls only; checked as text below
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(WorkerStandIns, options, "WorkerStandIns.cs"));
        trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Threading; global using System.Threading.Tasks; global using System.Linq; global using System.Collections.Generic;", options, "Usings.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(HttpEndpoints).Assembly.Location])
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("FunctionsSource", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var functions = new List<FunctionInfo>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var function = method.AttributeLists.SelectMany(a => a.Attributes).FirstOrDefault(a => a.Name.ToString() == "Function");
                if (function is null) continue;
                var name = (string)model.GetConstantValue(function.ArgumentList!.Arguments[0].Expression).Value!;
                var trigger = method.ParameterList.Parameters.SelectMany(p => p.AttributeLists).SelectMany(a => a.Attributes).Single(a => a.Name.ToString().EndsWith("Trigger", StringComparison.Ordinal));
                functions.Add(new FunctionInfo(name, method, trigger, model));
            }
        }

        return (compilation, functions);
    }

    private static object? Constant(FunctionInfo f, int position) => f.Model.GetConstantValue(f.Trigger.ArgumentList!.Arguments.Where(a => a.NameEquals is null).ElementAt(position).Expression).Value;

    private static object? Named(FunctionInfo f, string name) =>
        f.Trigger.ArgumentList!.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name) is { } arg ? f.Model.GetConstantValue(arg.Expression).Value ?? arg.Expression.ToString() : null;

    [Fact]
    public void The_functions_project_compiles_against_the_library()
    {
        var (compilation, _) = Read();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_trigger_names_the_container_queue_and_schedule_setting_the_library_defines()
    {
        var functions = Read().Functions.ToDictionary(f => f.Name);

        var ingest = functions["IngestIssue"];
        Assert.Equal("BlobTrigger", ingest.Trigger.Name.ToString());
        Assert.Equal(StorageNames.IssuesContainerName + "/{name}", Constant(ingest, 0));
        Assert.Equal(1, Named(ingest, "Source")); // BlobTriggerSource.EventGrid: the only blob source on Flex Consumption

        Assert.Equal(Schedules.TopicAlertsTimer, Constant(functions["SendTopicAlerts"], 0));
        Assert.Equal("%SEND_TOPIC_ALERTS_SCHEDULE%", Constant(functions["SendTopicAlerts"], 0));
        Assert.Equal(Schedules.DeadlineRemindersTimer, Constant(functions["SendDeadlineReminders"], 0));
        Assert.Equal("TimerTrigger", functions["SendDeadlineReminders"].Trigger.Name.ToString());
        Assert.Equal(Schedules.RetentionTimer, Constant(functions["ApplyRetention"], 0));
        Assert.Equal("TimerTrigger", functions["ApplyRetention"].Trigger.Name.ToString());
        Assert.Equal(new StorageNames().EmailBatches, Constant(functions["SendEmailBatch"], 0));
        Assert.Equal(new StorageNames().EmailBatchesPoison, Constant(functions["RecordPoisonedBatch"], 0));
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_library_with_its_method_and_authorization()
    {
        var http = Read().Functions.Where(f => f.Trigger.Name.ToString() == "HttpTrigger").ToList();

        Assert.Equal(HttpEndpoints.All.Select(r => r.Name).Order(), http.Select(f => f.Name).Order());
        foreach (var f in http)
        {
            var route = HttpEndpoints.Named(f.Name);
            var declared = (string)Named(f, "Route")!;
            Assert.Equal(route.Route.Length == 0 ? HttpEndpoints.FunctionsRootRoute : route.Route, declared);
            Assert.Equal(route.Method, ((string)Constant(f, 1)!).ToUpperInvariant());
            Assert.Equal(route.Admin ? 2 : 0, Constant(f, 0)); // AuthorizationLevel.Function for admin routes, Anonymous otherwise

            // It binds and delegates: one call, to the library's endpoint of the same name.
            var call = f.Method.DescendantNodes().OfType<InvocationExpressionSyntax>().Single(i => i.Expression.ToString().EndsWith("HandleAsync", StringComparison.Ordinal));
            Assert.Equal(f.Name, f.Model.GetConstantValue(call.ArgumentList.Arguments[0].Expression).Value);
        }
    }

    [Fact]
    public void Functions_are_thin_one_small_class_each()
    {
        var functions = Read().Functions;

        Assert.Equal(functions.Count, functions.Select(f => f.Method.Parent).Distinct().Count());
        Assert.All(functions, f => Assert.True(f.Method.ToString().Split('\n').Length <= 12, $"{f.Name} has logic of its own"));
        var program = File.ReadAllText(Path.Combine(Project, "Program.cs"));
        Assert.Contains("FunctionsApplication.CreateBuilder(args)", program);
        Assert.Contains("ConfigureFunctionsWebApplication()", program);
        Assert.Contains("AddGazetteNotify(builder.Configuration)", program);
        Assert.Contains("ConfigureFunctionsApplicationInsights()", program);
    }
}
