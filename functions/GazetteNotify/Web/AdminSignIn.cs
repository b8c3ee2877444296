using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Site;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Web;

/// <summary>
/// Who may open the admin pages, decided by the worker for both hosts (docs/adr: admins as people). In Azure the
/// Functions host lets these routes through anonymously and App Service Authentication has signed the person in with
/// Entra ID: the principal must carry the admin role. At `gazette serve` the admin key is typed once into the login
/// form and answered with a sealed session cookie (Secure, HttpOnly, SameSite=Strict, eight hours) — the key is never
/// in a URL. The function key is for the JSON routes (automation) only.
/// </summary>
public sealed class AdminSignIn(AdminSignInSettings settings, LinkTokens tokens, SiteSettings site, TimeProvider clock)
{
    public const string CookieName = "gazette-admin";
    public const string KeyField = "key";

    /// <summary>Sessions logged out before their cookie expired: refused until then (one process locally, so memory is enough).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    private static readonly TimeSpan SessionLifetime = LinkPurposes.Lifetime(LinkPurposes.AdminSession);

    private string AdminPath => Routes.FormAction(site.PublicBaseUrl, Routes.AdminPage);

    private string LoginPath => Routes.FormAction(site.PublicBaseUrl, Routes.AdminLogin);

    /// <summary>
    /// Admits the request's person (attached for the handler, <see cref="AdminCaller.Of"/>) and answers null, or
    /// answers the refusal: to the sign-in for a page, 401 for a form, 403 for a person without the role.
    /// </summary>
    public PageResult? Admit(HttpRequest request)
    {
        if (settings.EasyAuth)
        {
            var principal = EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header].FirstOrDefault());
            if (principal is null) return NotSignedIn(request, EntraLogin(request.Path.Value ?? AdminPath));
            if (!principal.HasRole(settings.Role))
            {
                return new PageResult(403, Pages.Message("没有管理权限",
                    $"你已登录为 {principal.Name}，但该账号没有管理员角色（{settings.Role}）。请联系应用的所有者在 Entra ID 中为你分配该角色。", forAdmins: true));
            }

            new AdminCaller($"{principal.Name}（{principal.ObjectId}）", "entra:" + principal.ObjectId).AttachTo(request);
            return null;
        }

        if (settings.LocalKey is null) return NotEnabled();
        var session = SessionOf(request);
        if (session is null) return NotSignedIn(request, LoginPath);
        new AdminCaller($"本地管理员（会话 {session[..8]}）", "session:" + session).AttachTo(request);
        return null;
    }

    /// <summary>GET admin/login: the key form locally; Entra ID's sign-in in Azure.</summary>
    public PageResult LoginPage(HttpRequest request) =>
        settings.EasyAuth ? Redirect(303, EntraLogin(AdminPath))
        : settings.LocalKey is null ? NotEnabled()
        : SessionOf(request) is not null ? Redirect(303, AdminPath)
        : LoginForm(200, null);

    /// <summary>POST admin/login: the key, compared in constant time, opens a session; nothing else about the key is kept.</summary>
    public async Task<PageResult> LoginAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (settings.EasyAuth) return Redirect(303, EntraLogin(AdminPath));
        if (settings.LocalKey is not { } key) return NotEnabled();
        if (!AdminCaller.FromOwnSite(request)) return new PageResult(403, Pages.Message("已拒绝", "该登录请求不是从本站的登录页面提交的。", "前往登录页面", LoginPath, forAdmins: true));
        if (request.ContentLength is null or > RouteRules.LoginForm || !request.HasFormContentType) return LoginForm(400, "请从登录页面提交密钥。");
        var given = (await request.ReadFormAsync(cancellationToken))[KeyField].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key))) return LoginForm(401, "密钥不正确。");

        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var cookie = tokens.Issue(LinkPurposes.AdminSession, session, SessionLifetime);
        return Redirect(303, AdminPath, $"{CookieName}={cookie}; Path=/; Max-Age={(int)SessionLifetime.TotalSeconds}; Secure; HttpOnly; SameSite=Strict");
    }

    /// <summary>POST admin/logout (a signed-in person, from their own page): the session ends here and its cookie is cleared.</summary>
    public async Task<PageResult> LogoutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = AdminCaller.Of(request);
        var form = request.HasFormContentType && request.ContentLength is <= RouteRules.LoginForm ? await request.ReadFormAsync(cancellationToken) : null;
        if (form is null || !caller.PostedFromOwnPage(request, form[AdminActionHandlers.FormTokenField].ToString(), tokens))
        {
            return new PageResult(403, Pages.Message("已拒绝", "该请求不是从本站的管理页面提交的，或页面已过期。请刷新管理页面后重试。", "返回管理页面", AdminPath, forAdmins: true));
        }

        if (settings.EasyAuth) return Redirect(303, "/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(site.PublicBaseUrl.AbsolutePath));
        var now = clock.GetUtcNow();
        foreach (var (old, until) in _ended) if (until < now) _ended.TryRemove(old, out _);
        if (SessionOf(request) is { } session) _ended[session] = now.Add(SessionLifetime);
        return Redirect(303, LoginPath, $"{CookieName}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
    }

    /// <summary>The session the cookie names, when it is sealed by us, for a session, unexpired and not logged out.</summary>
    private string? SessionOf(HttpRequest request)
    {
        var check = tokens.Verify(request.Cookies[CookieName], LinkPurposes.AdminSession);
        return check.IsValid && check.Subject is { Length: 32 } session && !_ended.ContainsKey(session) ? session : null;
    }

    /// <summary>A page opened without a session goes to the sign-in; a form posted without one is refused.</summary>
    private static PageResult NotSignedIn(HttpRequest request, string signIn) =>
        HttpMethods.IsGet(request.Method) ? Redirect(303, signIn)
        : new PageResult(401, Pages.Message("请先登录", "登录已过期或尚未登录，请重新登录后再提交。", "前往登录页面", signIn, forAdmins: true));

    private static PageResult NotEnabled() =>
        new(403, Pages.Message("管理页面未启用", "未配置管理员登录方式（Azure 中的应用服务身份验证，或本地的管理员密钥）。", forAdmins: true));

    private static string EntraLogin(string backTo) => "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(backTo);

    private PageResult LoginForm(int status, string? error) => new(status, Html.ComponentHtml.Render<AdminLoginPage>(new()
        { [nameof(AdminLoginPage.Action)] = LoginPath, [nameof(AdminLoginPage.Error)] = error }));

    private static PageResult Redirect(int status, string location, string? setCookie = null)
    {
        var headers = new Dictionary<string, string> { ["Location"] = location };
        if (setCookie is not null) headers["Set-Cookie"] = setCookie;
        return new PageResult(status, "") { Headers = headers };
    }
}
