namespace GazetteNotify.Storage;

/// <summary>
/// A status as the tables store it: the enum member's name in lower case (ingested, sending, open). Rows written
/// while statuses were plain strings hold exactly these words, so a status read and written through its enum keeps
/// every stored value as it was.
/// </summary>
public static class StoredName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The member a stored word names (any case), or null: absent, or a word this code does not know.</summary>
    public static TEnum? Parse<TEnum>(string? stored) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(stored)) return null;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), stored, StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }
}
