using System.Text;
using System.Text.Json;
using GazetteNotify.Site;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Who the worker admits to the admin pages from App Service Authentication's principal header: only when Easy Auth
/// is said to be on (otherwise anyone could send the header), only with the admin role, and recorded by name and
/// object id. No storage: the sign-in check alone.
/// </summary>
public sealed class AdminPrincipalTests
{
    private static readonly LinkTokens Tokens = new(Scenario.LinkSecret, TimeProvider.System);

    private static AdminSignIn SignIn(bool easyAuth, string? localKey = null) =>
        new(new AdminSignInSettings(easyAuth, AdminSignInSettings.DefaultRole, localKey), Tokens, SiteSettings.Local, TimeProvider.System);

    private static string Principal(string name, string? oid, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad", name_typ = "name", role_typ = "roles",
        claims = new[] { new { typ = "name", val = name } }
            .Concat(oid is null ? [] : [new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = oid }])
            .Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));

    private static HttpRequest Request(string method, string? principal)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = "/admin";
        if (principal is not null) request.Headers[EasyAuthPrincipal.Header] = principal;
        return request;
    }

    [Fact]
    public void A_principal_with_the_admin_role_is_admitted_and_named_by_name_and_object_id()
    {
        var request = Request("GET", Principal("王敏", "2222-oid", "Gazette.Reader", "Gazette.Admin"));
        Assert.Null(SignIn(easyAuth: true).Admit(request));
        Assert.Equal(new AdminCaller("王敏（2222-oid）", "entra:2222-oid"), AdminCaller.Of(request));
    }

    [Fact]
    public void A_principal_without_the_role_gets_a_403_page_in_chinese()
    {
        var refused = SignIn(easyAuth: true).Admit(Request("GET", Principal("李四", "1111-oid", "Gazette.Reader")));
        Assert.Equal(403, refused!.Status);
        Assert.Contains("没有管理权限", refused.Html);
        Assert.Contains("Gazette.Admin", refused.Html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("e30=")] // {}
    public void No_readable_principal_is_sent_to_the_entra_sign_in_for_a_page_and_refused_for_a_form(string? header)
    {
        var page = SignIn(easyAuth: true).Admit(Request("GET", header));
        Assert.Equal((303, "/.auth/login/aad?post_login_redirect_uri=%2Fadmin"), (page!.Status, page.Headers["Location"]));
        Assert.Equal(401, SignIn(easyAuth: true).Admit(Request("POST", header))!.Status);
    }

    [Fact]
    public void A_principal_without_an_object_id_names_nobody_and_is_not_admitted()
    {
        Assert.Equal(303, SignIn(easyAuth: true).Admit(Request("GET", Principal("无名", null, "Gazette.Admin")))!.Status);
    }

    [Fact]
    public void Without_easy_auth_the_principal_header_is_anyones_to_send_and_opens_nothing()
    {
        var forged = Principal("攻击者", "9999-oid", "Gazette.Admin");
        var local = SignIn(easyAuth: false, localKey: "local-admin-key-0123456789").Admit(Request("GET", forged));
        Assert.Equal((303, "/admin/login"), (local!.Status, local.Headers["Location"]));
        var unconfigured = SignIn(easyAuth: false).Admit(Request("GET", forged));
        Assert.Equal(403, unconfigured!.Status);
        Assert.Contains("管理页面未启用", unconfigured.Html);
    }
}
