using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GazetteNotify.Departments;

/// <summary>
/// The file format of departments.liaocheng.json: { "departments": [{ "id", "name", "aliases", "emails" }],
/// "groups": [{ "name", "aliases", "members" }], "notRecipients": [...] }. "_about" and a "note" per department or
/// group are for people and are not kept. Reading is strict: an unknown property is an error, so a misspelt "alias"
/// does not silently drop names.
/// </summary>
internal static class DepartmentJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonWriterOptions WriteOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static DepartmentDirectory Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Department directory: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad("the top level must be an object with \"departments\"");
            CheckProperties(root, "the top level", "_about", "departments", "groups", "notRecipients");
            if (!root.TryGetProperty("departments", out var departmentsElement)) throw Bad("\"departments\" is missing");

            var departments = Objects(departmentsElement, "departments").Select(ReadDepartment).ToList();
            var groups = root.TryGetProperty("groups", out var groupsElement)
                ? Objects(groupsElement, "groups").Select(ReadGroup).ToList()
                : [];
            var notRecipients = root.TryGetProperty("notRecipients", out var notElement) ? Strings(notElement, "notRecipients") : [];

            try
            {
                return new DepartmentDirectory(departments, groups, notRecipients);
            }
            catch (ArgumentException e)
            {
                var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
                throw new FormatException($"Department directory: {message}", e);
            }
        }
    }

    public static string Write(DepartmentDirectory directory)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("departments");
            foreach (var department in directory.Departments)
            {
                writer.WriteStartObject();
                writer.WriteString("id", department.Id);
                writer.WriteString("name", department.Name);
                WriteStrings(writer, "aliases", department.Aliases);
                WriteStrings(writer, "emails", department.Emails);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("groups");
            foreach (var group in directory.Groups)
            {
                writer.WriteStartObject();
                writer.WriteString("name", group.Name);
                WriteStrings(writer, "aliases", group.Aliases);
                WriteStrings(writer, "members", group.Members);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteStrings(writer, "notRecipients", directory.NotRecipients);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Department ReadDepartment(JsonElement element, int index)
    {
        var where = $"departments[{index}]";
        CheckProperties(element, where, "id", "name", "aliases", "emails", "note");
        var name = RequiredString(element, "name", where);
        where = $"{where} ({name})";
        return new Department(
            RequiredString(element, "id", where),
            name,
            OptionalStrings(element, "aliases", where),
            OptionalStrings(element, "emails", where));
    }

    private static DepartmentGroup ReadGroup(JsonElement element, int index)
    {
        var where = $"groups[{index}]";
        CheckProperties(element, where, "name", "aliases", "members", "note");
        var name = RequiredString(element, "name", where);
        where = $"{where} ({name})";
        return new DepartmentGroup(name, OptionalStrings(element, "aliases", where), OptionalStrings(element, "members", where));
    }

    private static IEnumerable<JsonElement> Objects(JsonElement array, string where)
    {
        if (array.ValueKind != JsonValueKind.Array) throw Bad($"\"{where}\" must be an array");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw Bad($"{where}[{index}] must be an object");
            index++;
            yield return item;
        }
    }

    private static List<string> Strings(JsonElement array, string where)
    {
        if (array.ValueKind != JsonValueKind.Array) throw Bad($"\"{where}\" must be an array of strings");
        var strings = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                throw Bad($"\"{where}\" must hold non-empty strings, not {item.GetRawText()}");
            strings.Add(item.GetString()!.Trim());
        }

        return strings;
    }

    private static List<string> OptionalStrings(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var array) ? Strings(array, $"{where}.{property}") : [];

    private static string RequiredString(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value)) throw Bad($"{where}: \"{property}\" is missing");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw Bad($"{where}: \"{property}\" must be a non-empty string, not {value.GetRawText()}");
        return value.GetString()!.Trim();
    }

    private static void CheckProperties(JsonElement element, string where, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                throw Bad($"{where}: unknown property \"{property.Name}\" (expected {string.Join(", ", known)})");
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static FormatException Bad(string message) => new($"Department directory: {message}.");
}
