using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GazetteNotify.Subscriptions;

/// <summary>
/// Signed links (confirm, manage, unsubscribe): base64url(payload) "." base64url(HMAC-SHA256(secret, payload)).
/// The payload names the purpose, the subject (an address) and an expiry; a token for one purpose never opens
/// another, and a changed byte, a wrong key or a passed expiry is refused — compared in constant time.
/// </summary>
public sealed class LinkTokens
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    public LinkTokens(string secret, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < 32)
        {
            throw new ArgumentException("the link-signing secret must be at least 32 bytes (setting LinkSigningSecret)", nameof(secret));
        }

        _key = Encoding.UTF8.GetBytes(secret);
        _clock = clock;
    }

    public string Issue(string purpose, string subject, TimeSpan? lifetime)
    {
        var expires = lifetime is { } l ? _clock.GetUtcNow().Add(l).ToUnixTimeSeconds() : 0L;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(purpose, subject, expires));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public TokenCheck Verify(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return TokenCheck.Fail(TokenProblem.Malformed);
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1) return TokenCheck.Fail(TokenProblem.Malformed);
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return TokenCheck.Fail(TokenProblem.Malformed);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload))) return TokenCheck.Fail(TokenProblem.Forged);
        TokenPayload? data;
        try
        {
            data = JsonSerializer.Deserialize<TokenPayload>(payload);
        }
        catch (JsonException)
        {
            return TokenCheck.Fail(TokenProblem.Malformed);
        }

        if (data is null || data.P != purpose) return TokenCheck.Fail(TokenProblem.WrongPurpose);
        if (data.E != 0 && _clock.GetUtcNow().ToUnixTimeSeconds() > data.E) return TokenCheck.Fail(TokenProblem.Expired);
        return new TokenCheck(data.S, null);
    }

    private sealed record TokenPayload(string P, string S, long E);
}

/// <summary>The subject a valid token names, or why it was refused.</summary>
public sealed record TokenCheck(string? Subject, TokenProblem? Problem)
{
    public bool IsValid => Problem is null;

    public static TokenCheck Fail(TokenProblem problem) => new(null, problem);
}

public enum TokenProblem
{
    Malformed,
    Forged,
    WrongPurpose,
    Expired,
}
