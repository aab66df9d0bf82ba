using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Groups;

/// <summary>POST /cohorts/{cohortId}/groups: staff form a group of the cohort's learners; a learner is in one group at most.</summary>
internal static class CreateGroup
{
    public sealed record Request(string Name, IReadOnlyList<Guid>? MemberIds);

    public sealed record Command(Guid CohortId, string Name, IReadOnlyList<Guid>? MemberIds) : ICommand<GroupResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
            RuleFor(c => c.MemberIds).Must(m => m is null || m.Count <= CohortSettingsValidator.MaxCapacity);
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, TimeProvider clock) : ICommandHandler<Command, GroupResponse>
    {
        public async ValueTask<GroupResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(command.CohortId, CohortCapability.ManageGroups, cancellationToken);
            var memberIds = (command.MemberIds ?? []).Distinct().ToList();
            var learners = await GroupRoster.LearnersAsync(db, command.CohortId, memberIds, null, cancellationToken);
            var now = clock.GetUtcNow();
            var group = new ProjectGroup { CohortId = command.CohortId, Name = command.Name, CreatedAt = now };
            db.Groups.Add(group);
            learners.ForEach(l => l.GroupId = group.Id);
            db.AddIntegrationEvent(new GroupChanged(command.CohortId, group.Id, group.Name, memberIds), now);
            await db.SaveChangesAsync(cancellationToken);
            return (await GroupRoster.LoadAsync(db, sender, command.CohortId, [group.Id], cancellationToken)).Single();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/groups", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var group = await sender.Send(new Command(cohortId, request.Name, request.MemberIds), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/groups", group);
            })
            .WithName("CreateGroup")
            .WithSummary("Create a project group of learners (trainers, org admins)")
            .WithDescription("Requires `ManageGroups` (trainers, owner admins; 403 for other members, 404 for outsiders). `memberIds` must all be learners of the cohort (400 otherwise); a learner belongs to one group at most (409 already-in-group). The response carries the group's `ETag` for later `If-Match` updates and deletion.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.AlreadyInGroup);
}
