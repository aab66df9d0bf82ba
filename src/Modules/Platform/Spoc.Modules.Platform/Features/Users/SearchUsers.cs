using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Users;

/// <summary>GET /users?q=: the platform admin finds accounts by a part of their name or email.</summary>
internal static class SearchUsers
{
    public sealed record Query(string? Q, PageRequest Paging) : IQuery<PagedResult<UserAccount>>;

    /// <param name="DisabledAt">When the platform admin disabled it; null while it may sign in.</param>
    /// <param name="EmailVerificationPending">Registered but has not opened the verification link yet (cannot sign in meanwhile).</param>
    public sealed record UserAccount(Guid Id, string Email, string DisplayName, bool IsPlatformAdmin, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, bool EmailVerificationPending);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(100);
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
        }
    }

    internal sealed class Handler(PlatformDbContext db) : IQueryHandler<Query, PagedResult<UserAccount>>
    {
        public async ValueTask<PagedResult<UserAccount>> Handle(Query query, CancellationToken cancellationToken)
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                // LIKE with the wildcards escaped, so "50%" finds "50%"; case-insensitive on SQLite (ASCII) and SQL Server's default collation.
                var pattern = "%" + query.Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                var email = pattern.ToLowerInvariant();
                users = users.Where(u => EF.Functions.Like(u.NormalizedEmail, email, "\\") || EF.Functions.Like(u.DisplayName, pattern, "\\"));
            }

            return await users
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new UserAccount(u.Id, u.Email, u.DisplayName, u.IsPlatformAdmin, u.CreatedAt, u.DisabledAt, u.EmailVerificationPending))
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/users", async (string? q, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(q, paging), ct)))
            .WithName("SearchUsers")
            .WithSummary("Find accounts by name or email (platform admin)")
            .WithDescription("Platform admin only (403 otherwise). `q` (up to 100 characters) matches a part of the display name or of the email, ignoring case; without it, every account. Ordered by name and paged.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden);
}
