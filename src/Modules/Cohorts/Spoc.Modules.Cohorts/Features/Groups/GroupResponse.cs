using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Groups;

public sealed record GroupMember(Guid UserId, string DisplayName);

/// <summary>A project group; <see cref="ETag"/> (also the response header) is its version for conditional requests.</summary>
public sealed record GroupResponse(Guid Id, string Name, IReadOnlyList<GroupMember> Members, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);
}

/// <summary>What the group features share: who may be put in a group, and groups as responses.</summary>
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
            throw CohortProblems.AlreadyInGroup.Exception();
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
