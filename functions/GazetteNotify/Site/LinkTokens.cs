using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GazetteNotify.Site;

/// <summary>
/// The token in every personal link (confirm, manage, unsubscribe, a task's buttons, a department's calendar).
/// Sealed: "v2." base64url(nonce ‖ AES-256-GCM(purpose, subject, expiry) ‖ tag), with a key derived from the link
/// secret — a link forwarded, logged by a proxy or sent as Referer reveals nothing about whom it belongs to, and any
/// changed byte fails the tag. Every token expires (<see cref="LinkPurposes.Lifetime"/>). Readable tokens of the
/// earlier form (base64url(JSON) "." HMAC) are still accepted until they would have expired under these rules.
/// </summary>
public sealed class LinkTokens
{
    private const string SealedPrefix = "v2.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] SealedAssociatedData = "gazette-link-v2"u8.ToArray();

    private readonly byte[] _signingKey;
    private readonly byte[] _sealingKey;
    private readonly TimeProvider _clock;

    public LinkTokens(string secret, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < 32)
        {
            throw new ArgumentException("the link-signing secret must be at least 32 bytes (setting LinkSigningSecret)", nameof(secret));
        }

        _signingKey = Encoding.UTF8.GetBytes(secret);
        _sealingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _signingKey, 32, info: SealedAssociatedData);
        _clock = clock;
    }

    /// <summary>A sealed token for a purpose and subject, expiring after the purpose's lifetime (or the one given).</summary>
    public string Issue(string purpose, string subject, TimeSpan? lifetime = null)
    {
        var expires = _clock.GetUtcNow().Add(lifetime ?? LinkPurposes.Lifetime(purpose)).ToUnixTimeSeconds();
        var plain = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(purpose, subject, expires));
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealingKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), SealedAssociatedData);
        return SealedPrefix + Base64Url.EncodeToString(sealedBytes);
    }

    public TokenCheck Verify(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return TokenCheck.Fail(TokenProblem.Malformed);
        return token.StartsWith(SealedPrefix, StringComparison.Ordinal) ? VerifySealed(token[SealedPrefix.Length..], purpose) : VerifyReadable(token, purpose);
    }

    private TokenCheck VerifySealed(string body, string purpose)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(body);
        }
        catch (FormatException)
        {
            return TokenCheck.Fail(TokenProblem.Malformed);
        }

        if (sealedBytes.Length <= NonceSize + TagSize) return TokenCheck.Fail(TokenProblem.Malformed);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_sealingKey, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, SealedAssociatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return TokenCheck.Fail(TokenProblem.Forged);
        }

        return Check(Read(plain), purpose, legacy: false);
    }

    /// <summary>The earlier, readable form: still opens until it would have expired had it been sealed on <see cref="LinkPurposes.SealedSince"/>.</summary>
    private TokenCheck VerifyReadable(string token, string purpose)
    {
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

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_signingKey, payload))) return TokenCheck.Fail(TokenProblem.Forged);
        return Check(Read(payload), purpose, legacy: true);
    }

    private TokenCheck Check(TokenPayload? data, string purpose, bool legacy)
    {
        if (data is null) return TokenCheck.Fail(TokenProblem.Malformed);
        if (data.P != purpose) return TokenCheck.Fail(TokenProblem.WrongPurpose);
        var expires = data.E != 0 ? data.E
            : legacy ? LinkPurposes.SealedSince.Add(LinkPurposes.Lifetime(purpose)).ToUnixTimeSeconds()
            : 0;
        if (expires == 0 || _clock.GetUtcNow().ToUnixTimeSeconds() > expires) return TokenCheck.Fail(TokenProblem.Expired);
        return new TokenCheck(data.S, null);
    }

    private static TokenPayload? Read(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenPayload>(json);
        }
        catch (JsonException)
        {
            return null;
        }
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
