using System.Text;
using System.Text.Json;

namespace GazetteNotify.Web;

/// <summary>
/// The signed-in person as App Service Authentication passes them to the app: X-MS-CLIENT-PRINCIPAL, base64 of
/// {"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}. Read only when Easy Auth is on (the platform then
/// removes any such header a client sent and sets its own); anything unreadable is no principal.
/// </summary>
public sealed record EasyAuthPrincipal(string Name, string ObjectId, IReadOnlyList<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public static EasyAuthPrincipal? Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 32 * 1024) return null;
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = json.RootElement;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var nameType = Text(root, "name_typ") ?? "name";
            var roleType = Text(root, "role_typ") ?? "roles";
            var pairs = claims.EnumerateArray().Select(c => (Type: Text(c, "typ") ?? "", Value: Text(c, "val") ?? "")).ToList();
            string? First(params string[] types) => pairs.FirstOrDefault(p => types.Contains(p.Type, StringComparer.Ordinal) && p.Value.Length > 0).Value;
            var oid = First(ObjectIdClaim, "oid");
            if (oid is null) return null; // a person in the tenant always has one: without it, nobody to record
            var name = First(nameType, "name", "preferred_username") ?? oid;
            var roles = pairs.Where(p => p.Type == roleType || p.Type == "roles" || p.Type == RoleClaim).Select(p => p.Value).ToList();
            return new EasyAuthPrincipal(name, oid, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
