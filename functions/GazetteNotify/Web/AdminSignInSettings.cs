using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Web;

/// <summary>
/// How a person signs in to the admin pages. In Azure: App Service Authentication (Entra ID) in front of the app, and
/// <see cref="EasyAuth"/> says so — only then is the X-MS-CLIENT-PRINCIPAL header trustworthy (the platform strips
/// and sets it); the principal must carry <see cref="Role"/>. At `gazette serve`: <see cref="LocalKey"/>, typed once
/// into the login form, then a session cookie. With neither, the admin pages open for nobody.
/// </summary>
public sealed record AdminSignInSettings(bool EasyAuth, string Role, string? LocalKey)
{
    public const string EasyAuthSetting = "Admin:EasyAuth";
    public const string RoleSetting = "Admin:Role";
    public const string DefaultRole = "Gazette.Admin";

    public static AdminSignInSettings From(IConfiguration configuration) => new(
        bool.TryParse(configuration[EasyAuthSetting], out var on) && on,
        configuration[RoleSetting] is { Length: > 0 } role ? role.Trim() : DefaultRole,
        null);

    /// <summary>`gazette serve`: the admin key opens a session; Easy Auth is never in front of it.</summary>
    public static AdminSignInSettings Local(string adminKey) => new(false, DefaultRole, adminKey);
}
