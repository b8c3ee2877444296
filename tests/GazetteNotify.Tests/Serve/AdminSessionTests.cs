using System.Net;
using System.Text.RegularExpressions;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Serve;

/// <summary>
/// The admin at `gazette serve`: the key is typed once into a login form, and from then on a sealed, expiring,
/// Secure/HttpOnly/SameSite=Strict cookie says who is there — the key is never in a URL (history, logs, Referer), a
/// URL that carries it opens nothing, a forged or expired cookie opens nothing, and a logout ends the session.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class AdminSessionTests : IAsyncLifetime
{
    private const string AdminKey = "session-admin-key-0123456789";
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private LocalRunner _runner = null!;

    public async Task InitializeAsync()
    {
        _runner = await OutboxRunner.StartAsync(_storage, Path.GetTempPath(), TextWriter.Null, AdminKey, _clock);
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _runner.BaseUrl };

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Logs in with the key: the answer (a redirect to the dashboard with the session cookie).</summary>
    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string key = AdminKey) => http.PostAsync("/admin/login", Form(("key", key)));

    private static string SessionCookie(HttpResponseMessage login) =>
        Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gazette-admin=", StringComparison.Ordinal));

    [GeneratedRegex("(?:href|action)=\"([^\"]*)\"")]
    private static partial Regex Links();

    [Fact]
    public async Task The_admin_key_appears_in_no_url_of_the_admin_pages_and_a_url_carrying_it_opens_nothing()
    {
        // A URL with the key — as the pages used to link — must not open the page (it would sit in history and logs).
        using var anonymous = Client();
        var withCode = await anonymous.GetAsync($"/admin?code={AdminKey}");
        var leakedBefore = Links().Matches(await withCode.Content.ReadAsStringAsync()).Count(m => m.Groups[1].Value.Contains("code=", StringComparison.Ordinal));
        Assert.True(withCode.StatusCode != HttpStatusCode.OK && leakedBefore == 0,
            $"/admin?code=<key> answered {(int)withCode.StatusCode} with {leakedBefore} links carrying code=");

        // Logged in once, the dashboard and an issue page link and post without the key.
        // (HttpClient's cookie jar keeps Secure cookies for https only; a browser sends them to 127.0.0.1 too: by hand here.)
        using var http = Client();
        var login = await LoginAsync(http);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.DoesNotContain(AdminKey, login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var session = SessionCookie(login).Split(';')[0];
        var crawled = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/issues/2022-06" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", session);
            var page = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain(AdminKey, html, StringComparison.Ordinal);
            crawled.AddRange(Links().Matches(html).Select(m => m.Groups[1].Value));
        }

        Assert.True(crawled.Count > 10, $"the pages have links and forms ({crawled.Count})");
        Assert.DoesNotContain(crawled, link => link.Contains("code=", StringComparison.Ordinal) || link.Contains(AdminKey, StringComparison.Ordinal));
        Assert.Contains(crawled, link => link.EndsWith("admin/logout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_session_cookie_is_secure_httponly_strict_and_a_wrong_key_gets_none()
    {
        using var http = Client();
        var wrong = await LoginAsync(http, "not-the-key-0123456789");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Contains("密钥不正确", await wrong.Content.ReadAsStringAsync());

        var cookie = SessionCookie(await LoginAsync(http)).Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("Secure", cookie, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("HttpOnly", cookie, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("SameSite=Strict", cookie, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Path=/", cookie, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(cookie, part => part.StartsWith("Max-Age=28800", StringComparison.OrdinalIgnoreCase)); // 8 hours
        Assert.DoesNotContain(AdminKey, cookie[0], StringComparison.Ordinal);

        // A login posted from another site is refused (no session is handed out to a cross-site form).
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = Form(("key", AdminKey)) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_expired_session_opens_nothing_and_logout_ends_the_session()
    {
        using var http = Client();
        var cookie = SessionCookie(await LoginAsync(http)).Split(';')[0];
        async Task<HttpStatusCode> DashboardAsync(string? sessionCookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            if (sessionCookie is not null) request.Headers.Add("Cookie", sessionCookie);
            var answer = await http.SendAsync(request);
            return answer.StatusCode == HttpStatusCode.SeeOther && answer.Headers.Location!.OriginalString.EndsWith("admin/login", StringComparison.Ordinal)
                ? HttpStatusCode.Unauthorized : answer.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync(null));
        // One changed character in the sealed value, or a value made up: the tag fails.
        var value = cookie["gazette-admin=".Length..];
        var flipped = value[..^3] + (value[^3] == 'A' ? 'B' : 'A') + value[^2..];
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync("gazette-admin=" + flipped));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync("gazette-admin=v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        // The key itself as the cookie is no session either.
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync("gazette-admin=" + AdminKey));

        // Seven hours on it still opens; past eight it does not.
        _clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(cookie));
        _clock.Advance(TimeSpan.FromHours(1.1));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync(cookie));

        // Logout: the session's cookie is cleared and the same value no longer opens the page.
        var fresh = SessionCookie(await LoginAsync(http)).Split(';')[0];
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, "/admin");
        dashboard.Headers.Add("Cookie", fresh);
        var html = await (await http.SendAsync(dashboard)).Content.ReadAsStringAsync();
        var csrf = Regex.Match(html, """action="/admin/logout"[^>]*><input type="hidden" name="csrf" value="([^"]+)""").Groups[1].Value;
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/admin/logout") { Content = Form(("csrf", csrf)) };
        logout.Headers.Add("Cookie", fresh);
        var loggedOut = await http.SendAsync(logout);
        Assert.Equal(HttpStatusCode.SeeOther, loggedOut.StatusCode);
        Assert.Contains(loggedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gazette-admin=;", StringComparison.Ordinal) && c.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardAsync(fresh));
    }

    [Fact]
    public async Task The_json_admin_routes_keep_the_key_header_for_automation()
    {
        using var http = Client();
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/admin/issues");
        withHeader.Headers.Add("x-functions-key", AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/admin/issues")).StatusCode);
        // A session cookie is for a person at the pages, not a key for the automation routes.
        var cookie = SessionCookie(await LoginAsync(http)).Split(';')[0];
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/admin/issues");
        withCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(withCookie)).StatusCode);
    }
}
