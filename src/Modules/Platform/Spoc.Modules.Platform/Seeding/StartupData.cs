using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Seeding;

/// <summary>The first platform admin, from <c>Bootstrap:AdminEmail</c> and <c>Bootstrap:AdminPassword</c>. An existing account is promoted, its password left alone.</summary>
internal sealed class AdminBootstrap(IConfiguration configuration, TimeProvider clock, ILogger<AdminBootstrap> logger) : IStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (configuration["Bootstrap:AdminEmail"] is not { Length: > 0 } email || configuration["Bootstrap:AdminPassword"] is not { Length: > 0 } password)
        {
            return;
        }

        var db = services.GetRequiredService<PlatformDbContext>();
        var normalized = User.Normalize(email);
        var admin = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (admin is null)
        {
            admin = new User { Email = email.Trim(), NormalizedEmail = normalized, DisplayName = "Administrateur Spoc", CreatedAt = clock.GetUtcNow() };
            admin.PasswordHash = Passwords.Hasher.HashPassword(admin, password);
            db.Users.Add(admin);
        }

        admin.IsPlatformAdmin = true;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Platform admin ready: {Email}", admin.Email);
    }
}

/// <summary>
/// <c>Seed:Demo</c>: the training organisation (an admin, two trainers, a mentor and seventeen learners: the first twelve for the
/// end-to-end journeys, five who applied to the open cohort) and a partner company, Groupe Horizon (an admin and five employees
/// its admin enrols in the training organisation's company cohort), all with the demo password. Each organisation once.
/// </summary>
internal sealed class DemoData(IConfiguration configuration, TimeProvider clock, ILogger<DemoData> logger) : IStartupTask
{
    public const string Password = "Spoc-Demo-2026";
    public const string OrganizationSlug = "institut-lumiere";
    public const string PartnerSlug = "groupe-horizon";

    private static readonly (string Name, string Slug, (string Name, OrganizationRole Role)[] People)[] Organizations =
    [
        ("Institut Lumière", OrganizationSlug,
        [
            ("Hélène Martin", OrganizationRole.OrgAdmin),
            ("Benoît Lefèvre", OrganizationRole.Trainer),
            ("Sarah Johnson", OrganizationRole.Trainer),
            ("Chloé Moreau", OrganizationRole.Mentor),
            ("Léa Bernard", OrganizationRole.Learner),
            ("Maël Fournier", OrganizationRole.Learner),
            ("Zoé Lambert", OrganizationRole.Learner),
            ("Théo Rousseau", OrganizationRole.Learner),
            ("Anaïs Girard", OrganizationRole.Learner),
            ("Jérôme Faure", OrganizationRole.Learner),
            ("Inès Mercier", OrganizationRole.Learner),
            ("François Dupré", OrganizationRole.Learner),
            ("Emily Carter", OrganizationRole.Learner),
            ("James O'Connor", OrganizationRole.Learner),
            ("Olivia Smith", OrganizationRole.Learner),
            ("Lucas Brown", OrganizationRole.Learner),
            ("Camille Petit", OrganizationRole.Learner),
            ("Hugo Leroy", OrganizationRole.Learner),
            ("Manon Chevalier", OrganizationRole.Learner),
            ("Antoine Perrin", OrganizationRole.Learner),
            ("Clara Fontaine", OrganizationRole.Learner),
        ]),
        ("Groupe Horizon", PartnerSlug,
        [
            ("Marc Dubois", OrganizationRole.OrgAdmin),
            ("Nadia Benali", OrganizationRole.Learner),
            ("Thomas Garnier", OrganizationRole.Learner),
            ("Julie Roux", OrganizationRole.Learner),
            ("Karim Haddad", OrganizationRole.Learner),
            ("Sophie Marchand", OrganizationRole.Learner),
        ]),
    ];

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var db = services.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        foreach (var (organizationName, slug, people) in Organizations)
        {
            if (await db.Organizations.AnyAsync(o => o.Slug == slug, ct))
            {
                continue;
            }

            var organization = new Organization { Name = organizationName, Slug = slug, CreatedAt = now };
            db.Organizations.Add(organization);
            foreach (var (name, role) in people)
            {
                var email = EmailOf(name);
                var user = new User { Email = email, NormalizedEmail = email, DisplayName = name, CreatedAt = now };
                user.PasswordHash = Passwords.Hasher.HashPassword(user, Password);
                db.Users.Add(user);
                organization.Members.Add(new OrganizationMember { UserId = user.Id, Role = role, JoinedAt = now });
            }

            if (slug == OrganizationSlug)
            {
                // The school's HR system, connected a month ago: its admin finds it on "Clients API" (its secret, never shown, is
                // thrown away: rotating gives one to try the client-credentials grant with).
                var client = new ApiClient
                {
                    OrganizationId = organization.Id, Name = "SIRH Lumière", Scopes = [Scopes.CohortsRead, Scopes.EnrolmentsWrite],
                    CreatedAt = now.AddDays(-30), CreatedBy = organization.Members[0].UserId, LastUsedAt = now.AddHours(-20),
                };
                client.NewSecret(now.AddDays(-30), now.AddDays(-30));
                db.ApiClients.Add(client);
            }

            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Demo organisations \"Institut Lumière\" and \"Groupe Horizon\"; every demo account's password is {Password}:{Accounts}",
            Password, string.Concat(Organizations.SelectMany(o => o.People.Select(p => $"\n  {o.Name,-16} {p.Role,-8} {EmailOf(p.Name)}  ({p.Name})"))));
    }

    /// <summary>"Benoît Lefèvre" becomes "benoit.lefevre@demo.spoc.local".</summary>
    internal static string EmailOf(string name)
    {
        var ascii = new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c) || c == ' ')
            .ToArray());
        return ascii.ToLowerInvariant().Replace(' ', '.') + "@demo.spoc.local";
    }
}
