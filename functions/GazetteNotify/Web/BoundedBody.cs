using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GazetteNotify.Web;

/// <summary>
/// Puts a route's body budget in force before anything reads the body, in whichever host runs: the host's own limit
/// (Kestrel's per-request MaxRequestBodySize, when it can still be set), a counting cap on the stream itself (a chunked
/// body has no Content-Length to refuse by), and form options that stream the form instead of buffering it and refuse
/// too many or too long fields. A later <c>ReadFormAsync()</c> in any handler reads through all three.
/// </summary>
public static class BoundedBody
{
    /// <summary>Fields a form of ours carries at most (the preferences form: a topic box per topic and six fields).</summary>
    public const int MaxFields = 64;

    public const int MaxKeyLength = 64;

    public static void Apply(HttpRequest request, int budget)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = budget;
        request.Body = new CappedStream(request.Body, budget);
        var options = new FormOptions
        {
            BufferBody = false,
            ValueCountLimit = MaxFields,
            KeyLengthLimit = MaxKeyLength,
            ValueLengthLimit = budget,
            MultipartBodyLengthLimit = budget,
            MultipartHeadersCountLimit = 8,
            MultipartHeadersLengthLimit = 2048,
        };
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, options));
    }

    /// <summary>A form in its place that reads nothing: for a route whose guarding token did not verify.</summary>
    public static void Skip(HttpRequest request) => request.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
}
