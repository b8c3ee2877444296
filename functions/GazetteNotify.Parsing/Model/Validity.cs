namespace GazetteNotify.Parsing.Model;

/// <summary>When a document takes effect and lapses (自…起施行, 有效期至…), with the sentence that says so.</summary>
public sealed record Validity(DateOnly? From, DateOnly? Until, string Text);
