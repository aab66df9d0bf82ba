using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features;

public sealed record GroupMember(Guid UserId, string DisplayName);

/// <summary>A project group; <see cref="ETag"/> (also the response header) is its version for conditional requests.</summary>
public sealed record GroupResponse(Guid Id, string Name, IReadOnlyList<GroupMember> Members, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);
}

/// <summary>GET /cohorts/{cohortId}/groups: the cohort's project groups and who is in each, for all its members.</summary>
internal static class ListGroups
{
    public sealed record Query(Guid CohortId) : IQuery<IReadOnlyList<GroupResponse>>;

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, IReadOnlyList<GroupResponse>>
    {
        public async ValueTask<IReadOnlyList<GroupResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.ViewInside, cancellationToken);
            return await GroupRoster.LoadAsync(db, sender, query.CohortId, null, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/groups", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("ListGroups")
            .WithSummary("Project groups of a cohort with their members (members)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

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
            var group = new ProjectGroup { CohortId = command.CohortId, Name = command.Name.Trim(), CreatedAt = now };
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

internal static class GroupRoster
{
    /// <summary>
    /// The cohort learners to put in group <paramref name="groupId"/> (null: a new group), tracked: 400 unless each is a
    /// learner of the cohort, 409 already-in-group if one belongs to another group (a move is two edits: out, then in).
    /// </summary>
    public static async Task<List<CohortMember>> LearnersAsync(CohortsDbContext db, Guid cohortId, IReadOnlyList<Guid> memberIds, Guid? groupId, CancellationToken ct)
    {
        var learners = await db.Members.Where(m => m.CohortId == cohortId && m.Role == CohortRole.Learner && memberIds.Contains(m.UserId)).ToListAsync(ct);
        if (learners.Count != memberIds.Count)
        {
            throw Rules.Invalid("MemberIds", "Every member must be a learner of this cohort.");
        }

        if (learners.Any(l => l.GroupId is not null && l.GroupId != groupId))
        {
            throw ProblemException.Conflict("already-in-group", "Already in a group", "A learner belongs to one group at most; take them out of their group first.");
        }

        return learners;
    }

    /// <summary>Groups with members and names: three queries whatever the number of groups.</summary>
    public static async Task<IReadOnlyList<GroupResponse>> LoadAsync(CohortsDbContext db, ISender sender, Guid cohortId, IReadOnlyList<Guid>? only, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.CohortId == cohortId && (only == null || only.Contains(g.Id)))
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Version, Members = db.Members.Where(m => m.GroupId == g.Id).Select(m => m.UserId).ToList() })
            .ToListAsync(ct);
        var ids = groups.SelectMany(g => g.Members).Distinct().ToList();
        var names = ids.Count == 0 ? [] : (await sender.Send(new GetUsers(ids), ct)).ToDictionary(u => u.Id, u => u.DisplayName);
        return groups.Select(g => new GroupResponse(g.Id, g.Name,
            g.Members.Select(id => new GroupMember(id, names.GetValueOrDefault(id, ""))).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList(), g.Version)).ToList();
    }
}
