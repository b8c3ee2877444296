namespace GazetteNotify.Formats.Pdf;

/// <summary>One page read: its items in reading order, and its height (for where the running header and footer sit).</summary>
internal sealed record ReadPage(int Number, double Height, List<PageItem> Items);
