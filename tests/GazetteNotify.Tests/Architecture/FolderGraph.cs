using System.Reflection;
using NetArchTest.Rules;

namespace GazetteNotify.Tests.Architecture;

/// <summary>
/// Which folder (namespace under a root) uses which, read from the compiled code — signatures and method bodies alike,
/// through NetArchTest — so a fully qualified name or a lambda counts as much as a using directive.
/// </summary>
public static class FolderGraph
{
    /// <summary>The folders directly under <paramref name="root"/> that hold types.</summary>
    public static IReadOnlyList<string> Folders(Assembly assembly, string root) =>
        assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The types of <paramref name="from"/> that use anything of <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Users(Assembly assembly, string root, string from, string to) =>
        Types.InAssembly(assembly).That().ResideInNamespace($"{root}.{from}").And().HaveDependencyOn($"{root}.{to}").GetTypes()
            .Where(t => InFolder(t.Namespace, root, from))
            .Select(t => Outermost(t).FullName ?? t.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every edge: folder → folder it uses, with the types that use it.</summary>
    public static IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges(Assembly assembly, string root)
    {
        var folders = Folders(assembly, root);
        var edges = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(f => f != from))
            {
                var users = Users(assembly, root, from, to);
                if (users.Count > 0) edges[(from, to)] = users;
            }
        }

        return edges;
    }

    /// <summary>"GazetteNotify.Web" must not also match "GazetteNotify.WebHooks": a folder is a whole name.</summary>
    private static bool InFolder(string? ns, string root, string folder) =>
        ns is not null && (ns == $"{root}.{folder}" || ns.StartsWith($"{root}.{folder}.", StringComparison.Ordinal));

    /// <summary>Compiler-made types (lambdas, async state machines) are nested in the type whose code they hold.</summary>
    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }
}
