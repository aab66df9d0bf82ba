using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

/// <summary>Every way a bearer token can be wrong ends in the same 401 problem, never in the handler.</summary>
public sealed class TokenValidationTests
{
    private SpocApiFactory _factory = null!;
    private Guid _userId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        (_, _userId, _) = await _factory.NewUserAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_well_formed_token_signed_with_the_key_is_accepted() =>
        Assert.That((await GetMe(Forge())).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task Missing_token() => await (await GetMe(null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    [Test]
    public async Task Expired_token() =>
        await (await GetMe(Forge(expires: DateTime.UtcNow.AddMinutes(-5), issuedAt: DateTime.UtcNow.AddMinutes(-20))))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    [Test]
    public async Task Wrong_signature() =>
        await (await GetMe(Forge(key: Enumerable.Repeat((byte)7, 48).ToArray()))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    [Test]
    public async Task Wrong_audience() =>
        await (await GetMe(Forge(audience: "another-api"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    [Test]
    public async Task Wrong_issuer() =>
        await (await GetMe(Forge(issuer: "someone-else"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    [Test]
    public async Task Unsigned_alg_none_token()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var token = $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64($"{{\"sub\":\"{_userId}\",\"aud\":\"spoc-api\",\"iss\":\"spoc\",\"exp\":{exp},\"role\":\"Admin\"}}")}.";

        await (await GetMe(token)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Garbage_token() => await (await GetMe("not.a.jwt")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

    private string Forge(string audience = "spoc-api", string issuer = "spoc", DateTime? expires = null, DateTime? issuedAt = null, byte[]? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt ?? DateTime.UtcNow,
            NotBefore = issuedAt ?? DateTime.UtcNow,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = _userId.ToString() },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SpocApiFactory.SigningKey), SecurityAlgorithms.HmacSha256),
        });

    private async Task<HttpResponseMessage> GetMe(string? token)
    {
        using var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync("/api/v1/me");
    }
}
