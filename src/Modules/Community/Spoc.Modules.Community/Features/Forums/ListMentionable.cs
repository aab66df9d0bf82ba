using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// GET /cohorts/{cohortId}/forum/mentionable: the editor's @mention suggestions, the people a post in that space can
/// mention (the same readers <see cref="PostComposer.RenderAsync"/> resolves <c>@Display Name</c> against): the cohort's
/// members for its forum; a group's learners and the staff for a group's space. The same statements whatever the cohort's
/// size: the access check, the cohort's people, their names; names are matched in memory (a cohort is hundreds, not millions).
/// </summary>
internal static class ListMentionable
{
    public const int MaxMatches = 10;

    public sealed record Query(Guid CohortId, string? Q, Guid? GroupId) : IQuery<IReadOnlyList<Person>>;

    /// <param name="UserId">The member.</param>
    /// <param name="DisplayName">What to write after the '@' to mention them.</param>
    public sealed record Person(Guid UserId, string DisplayName);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Q).MaximumLength(100);
    }

    internal sealed class Handler(ISender sender, ICurrentUser me) : IQueryHandler<Query, IReadOnlyList<Person>>
    {
        public async ValueTask<IReadOnlyList<Person>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await sender.ViewerAsync(query.CohortId, me.Id, cancellationToken);
            var people = await sender.Send(new GetCohortPeople(query.CohortId), cancellationToken);
            if (query.GroupId is { } group && (!people.GroupIds.Contains(group) || (!viewer.IsStaff && group != viewer.GroupId)))
            {
                throw ProblemException.NotFound("This group"); // another group's space is as invisible as an unknown one
            }

            var readers = people.Members
                .Where(m => m.UserId != me.Id && (m.Role != CohortRole.Learner || query.GroupId is null || m.GroupId == query.GroupId))
                .Select(m => m.UserId).Distinct().ToList();
            var names = readers.Count == 0 ? [] : await sender.Send(new GetUsers(readers), cancellationToken);
            var q = query.Q?.Trim() ?? "";
            return names
                .Select(u => (u.Id, Name: u.DisplayName, At: u.DisplayName.IndexOf(q, StringComparison.CurrentCultureIgnoreCase)))
                .Where(u => u.Name.Length > 0 && u.At >= 0)
                .OrderBy(u => u.At > 0).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id)
                .Take(MaxMatches)
                .Select(u => new Person(u.Id, u.Name))
                .ToList();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/forum/mentionable", async (Guid cohortId, string? q, Guid? groupId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, q, groupId), ct)))
            .WithName("ListMentionable")
            .WithSummary("Who a post can @mention in the cohort's forum or a group's space (the editor's suggestions)")
            .WithDescription("Members of the cohort who can read that space. Without `groupId`: the cohort's members (learners, trainers, mentors); with it: that group's learners and the staff, for its learners and the staff only (another group's space, or an unknown group, 404). The caller is left out. `q` keeps the display names holding it (case ignored), those starting with it first, then by name; at most 10. Write `@` and the `displayName` in a post to mention the person. Outsiders 404; a partner's admin 403.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
