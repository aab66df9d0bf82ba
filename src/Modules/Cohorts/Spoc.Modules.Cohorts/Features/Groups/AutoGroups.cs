using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Groups;

/// <summary>POST /cohorts/{cohortId}/groups/auto: staff split the learners without a group into groups of about <c>groupSize</c> (sizes differ by one at most).</summary>
internal static class AutoGroups
{
    public sealed record Request(int GroupSize);

    public sealed record Command(Guid CohortId, int GroupSize) : ICommand<IReadOnlyList<GroupResponse>>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.GroupSize).InclusiveBetween(2, 50);
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, TimeProvider clock) : ICommandHandler<Command, IReadOnlyList<GroupResponse>>
    {
        public async ValueTask<IReadOnlyList<GroupResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(command.CohortId, CohortCapability.ManageGroups, cancellationToken);
            var unassigned = await db.Members.Where(m => m.CohortId == command.CohortId && m.Role == CohortRole.Learner && m.GroupId == null).ToListAsync(cancellationToken);
            if (unassigned.Count == 0)
            {
                return [];
            }

            var existing = await db.Groups.CountAsync(g => g.CohortId == command.CohortId, cancellationToken);
            var groupCount = (int)Math.Ceiling(unassigned.Count / (double)command.GroupSize);
            var now = clock.GetUtcNow();
            var groups = Enumerable.Range(1, groupCount)
                .Select(i => new ProjectGroup { CohortId = command.CohortId, Name = $"Groupe {existing + i}", CreatedAt = now })
                .ToList();
            db.Groups.AddRange(groups);

            // Shuffled, then dealt round-robin: balanced sizes, and no group made of one alphabetical block.
            var shuffled = unassigned.OrderBy(_ => Random.Shared.Next()).ToList();
            for (var i = 0; i < shuffled.Count; i++)
            {
                shuffled[i].GroupId = groups[i % groupCount].Id;
            }

            foreach (var group in groups)
            {
                db.AddIntegrationEvent(new GroupChanged(command.CohortId, group.Id, group.Name, shuffled.Where(m => m.GroupId == group.Id).Select(m => m.UserId).ToList()), now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return await GroupRoster.LoadAsync(db, sender, command.CohortId, groups.Select(g => g.Id).ToList(), cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/groups/auto", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, request.GroupSize), ct)))
            .WithName("AutoGroups")
            .WithSummary("Split the learners without a group into balanced groups (trainers, org admins)")
            .WithDescription("Requires `ManageGroups` (trainers, owner admins; 403 for other members, 404 for outsiders). Only learners without a group are shuffled into new groups of at most `groupSize` (2 to 50), numbered on from the existing ones; learners already grouped are left alone, and nothing happens (an empty list) when every learner has a group. Returns the new groups.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
