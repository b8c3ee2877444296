using System.Globalization;

namespace GazetteNotify.Storage;

/// <summary>A day as the tables store it: ISO text (2022-06-30), which sorts as it reads and starts row keys.</summary>
public static class StoredDate
{
    public static string? Of(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day, or null when there is none or the text is not an ISO day.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
