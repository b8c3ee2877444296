using System.Text.Json.Serialization;

namespace GazetteNotify.Parsing.Model;

/// <summary>A responsibility assignment: who leads, who supports, and by when.</summary>
/// <param name="Item">Numbering of the item the clause closes (1, （三）, 30), or null.</param>
/// <param name="Lead">Units as written, one per entry; all units when no lead/support split is stated.</param>
public sealed record ResponsibilityTask(
    string? Item,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>
    /// The item's own text, shortened (what a reminder quotes). Not part of the contract JSON: the service stores it
    /// with the task rows when it ingests.
    /// </summary>
    [JsonIgnore]
    public string? Excerpt { get; init; }

    /// <summary>Its time-limit field when that sets no end (长期坚持, 全年); never a reminder.</summary>
    public IReadOnlyList<OngoingLimit> Ongoing { get; init; } = [];

    /// <summary>The index in its document's <see cref="GazetteDocument.Paragraphs"/> of the paragraph (or table row) it was read from; null when it stands above the body.</summary>
    public int? Paragraph { get; init; }
}
