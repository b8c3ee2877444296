using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GazetteNotify.Html;

/// <summary>
/// Renders a Razor component (a mail's HTML part, a page) to a string with <see cref="HtmlRenderer"/>; every value a
/// component writes is encoded by the renderer with <see cref="Encoder"/>. Thread-safe and free to share: each call has a
/// renderer of its own (a renderer keeps every root component it rendered until it is disposed, and runs one render at
/// a time on its dispatcher — one shared renderer would grow without end and serialise the alerts job's parallel
/// renders). Our components render synchronously (no async lifecycle), so the dispatcher runs the render inline and the
/// call returns the finished HTML.
/// </summary>
public static class ComponentHtml
{
    /// <summary>Markup characters encoded, Chinese kept as UTF-8 text (the default encoder would write every 汉字 as &amp;#x…;).</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly IServiceProvider Services = new ServiceCollection().AddSingleton(Encoder).BuildServiceProvider();

    public static string Render<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var view = ParameterView.FromDictionary(parameters);
        var rendering = renderer.Dispatcher.InvokeAsync(() => renderer.BeginRenderingComponent<TComponent>(view).ToHtmlString());
        if (!rendering.IsCompleted) throw new InvalidOperationException($"{typeof(TComponent).Name} did not render synchronously");
        return rendering.GetAwaiter().GetResult();
    }
}
