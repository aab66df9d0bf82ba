using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Groups;

/// <summary>
/// PUT /cohorts/{cohortId}/groups/{groupId}: staff rename a group and set its members (the whole list: those left out
/// become ungrouped). Members are learners of the cohort, each in one group at most (409 already-in-group: to move a
/// learner, take them out of their group first). <c>If-Match</c> (the group's <c>etag</c>) → 412 when it changed meanwhile.
/// </summary>
internal static class UpdateGroup
{
    public sealed record Request(string Name, IReadOnlyList<Guid> MemberIds);

    public sealed record Command(Guid CohortId, Guid GroupId, string? IfMatch, string Name, IReadOnlyList<Guid> MemberIds) : ICommand<GroupResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
            RuleFor(c => c.MemberIds).NotNull().Must(m => m is null || m.Count <= CohortSettingsValidator.MaxCapacity);
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, TimeProvider clock) : ICommandHandler<Command, GroupResponse>
    {
        public async ValueTask<GroupResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(command.CohortId, CohortCapability.ManageGroups, cancellationToken);
            var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == command.GroupId && g.CohortId == command.CohortId, cancellationToken)
                ?? throw ProblemException.NotFound("This group");
            db.Expect(group, command.IfMatch);

            var memberIds = command.MemberIds.Distinct().ToList();
            var learners = await GroupRoster.LearnersAsync(db, command.CohortId, memberIds, group.Id, cancellationToken);
            var leaving = await db.Members.Where(m => m.GroupId == group.Id && !memberIds.Contains(m.UserId)).ToListAsync(cancellationToken);
            leaving.ForEach(m => m.GroupId = null);
            learners.ForEach(l => l.GroupId = group.Id);
            group.Name = command.Name;

            db.AddIntegrationEvent(new GroupChanged(command.CohortId, group.Id, group.Name, memberIds), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return (await GroupRoster.LoadAsync(db, sender, command.CohortId, [group.Id], cancellationToken)).Single();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/groups/{groupId:guid}", async (Guid cohortId, Guid groupId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, groupId, ifMatch, request.Name, request.MemberIds), ct)))
            .WithName("UpdateGroup")
            .WithSummary("Rename a project group and set its members (trainers, org admins)")
            .WithDescription("`memberIds` is the whole new list: learners left out become ungrouped. A learner belongs to one group at most (409 already-in-group): to move one, update their group first.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.AlreadyInGroup);
}
