using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// People written straight into the Platform tables: verified accounts with the password <see cref="Password"/>, their
/// organisation memberships, and a client holding an access token from the application's own issuer. For tests that need
/// people but do not test registration, verification or sign-in (AuthTests, AccountLifecycleTests and SessionTests do,
/// over HTTP): a registration through the API costs two password hashes, a mail through the outbox and four requests.
/// </summary>
public static class Seed
{
    public const string Password = "Passw0rd-Test";

    // PBKDF2 is slow by design: hashed once, the same salted hash serves every seeded account.
    private static readonly Lazy<string> PasswordHash = new(() => Passwords.Hasher.HashPassword(null!, Password));

    /// <summary>The email of a new verified account (password <see cref="Password"/>), for tests that sign in themselves.</summary>
    public static async Task<string> AccountAsync(this SpocApiFactory factory, string who = "user") => (await factory.PeopleAsync(1, who)).Single().Email;

    /// <summary><paramref name="count"/> accounts named <paramref name="who"/>, members of <paramref name="organizationId"/> when given, in one transaction.</summary>
    public static async Task<IReadOnlyList<(HttpClient Client, Guid Id, string Email)>> PeopleAsync(
        this SpocApiFactory factory, int count, string who = "user", Guid? organizationId = null, OrganizationRole role = OrganizationRole.Learner)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var people = new List<(HttpClient, Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var email = TestApi.UniqueEmail(who);
            var user = new User { Email = email, NormalizedEmail = User.Normalize(email), DisplayName = who, PasswordHash = PasswordHash.Value, CreatedAt = now };
            db.Users.Add(user);
            if (organizationId is { } organization)
            {
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization, UserId = user.Id, Role = role, JoinedAt = now });
            }

            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(db, user, familyId: Guid.NewGuid()).AccessToken);
            people.Add((client, user.Id, email));
        }

        await db.SaveChangesAsync();
        return people;
    }
}
