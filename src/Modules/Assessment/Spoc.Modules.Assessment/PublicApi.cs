using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Competencies;
using Spoc.Modules.Assessment.Features.Gradebook;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;

namespace Spoc.Modules.Assessment;

/// <summary>
/// The front door of Assessment for other modules: its answers to the queries of <c>Assessment.Contracts</c>, each in a
/// fixed number of queries whatever the numbers of learners and assignments. Grades as the gradebook computes them.
/// </summary>
internal sealed class PublicApi(AssessmentDbContext db, ISender sender, TimeProvider clock) :
    IQueryHandler<GetFinalGrades, IReadOnlyList<FinalGrade>>,
    IQueryHandler<GetLearnerResults, LearnerResults?>,
    IQueryHandler<GetLearnersWithoutSubmission, IReadOnlyList<Guid>>,
    IQueryHandler<GetDueDatesOfUser, IReadOnlyList<AssignmentDueDate>>,
    IQueryHandler<GetDueDatesOfCohort, IReadOnlyList<AssignmentDueDate>>,
    IQueryHandler<GetPassedAssignments, IReadOnlyList<PassedAssignments>>,
    IQueryHandler<GetCohortMastery, CohortMastery>,
    IQueryHandler<GetMissedWork, IReadOnlyList<LearnerMissedWork>>
{
    /// <summary>The gradebook's <c>Missing</c> cells, counted per learner: the same rule as the gradebook and the learner's results.</summary>
    public async ValueTask<IReadOnlyList<LearnerMissedWork>> Handle(GetMissedWork query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId, query.LearnerId), cancellationToken);
        if (roster is not { LearnerIds.Count: > 0 })
        {
            return [];
        }

        var (_, rows) = await RowsAsync(roster, roster.LearnerIds, cancellationToken);
        return [.. rows.Select(r => new LearnerMissedWork(r.UserId, r.Cells.Count(c => c.Status == GradebookCellStatus.Missing)))];
    }

    /// <summary>The gradebook's cells: a released one whose points reach the pass mark in percent of the assignment's maximum.</summary>
    public async ValueTask<IReadOnlyList<PassedAssignments>> Handle(GetPassedAssignments query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId), cancellationToken);
        if (roster is null)
        {
            return [];
        }

        var (sheet, rows) = await RowsAsync(roster, roster.LearnerIds, cancellationToken);
        return [.. rows.Select(r => new PassedAssignments(r.UserId, [.. sheet.Columns
            .Where((c, i) => r.Cells[i] is { Status: GradebookCellStatus.Released, Score: { } score } && c.MaxPoints > 0 && 100m * score / c.MaxPoints >= sheet.Policy.PassMark)
            .Select(c => c.Id)]))];
    }

    /// <summary>The heat map's latest evidence (two statements) and the policy's pass mark (one) for every current learner.</summary>
    public async ValueTask<CohortMastery> Handle(GetCohortMastery query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId, query.LearnerId), cancellationToken);
        if (roster is null)
        {
            return new CohortMastery(GradebookPolicy.DefaultPassMark, []);
        }

        var passMark = await db.GradebookPolicies.AsNoTracking().Where(p => p.CohortId == query.CohortId).Select(p => (decimal?)p.PassMark).FirstOrDefaultAsync(cancellationToken)
            ?? GradebookPolicy.DefaultPassMark;
        // The whole series gives the same latest point as the latest evidence alone, and when the threshold was first reached.
        var evidence = query.FirstMastered
            ? await db.EvidenceAsync(query.CohortId, roster.LearnerIds, cancellationToken)
            : await db.LatestEvidenceAsync(query.CohortId, roster.LearnerIds, cancellationToken);
        return new CohortMastery(passMark, [.. roster.LearnerIds.Select(id => Mastery(id, CompetencyMastery.Series(evidence[id]), query.FirstMastered ? passMark : null))]);
    }

    private static LearnerMastery Mastery(Guid learnerId, Dictionary<string, List<MasteryPoint>> series, decimal? threshold) => new(learnerId,
        series.ToDictionary(s => s.Key, s => s.Value[^1].Percent, StringComparer.OrdinalIgnoreCase),
        threshold is { } passMark
            ? series.Where(s => s.Value.Any(p => p.Percent >= passMark)).ToDictionary(s => s.Key, s => s.Value.First(p => p.Percent >= passMark).At, StringComparer.OrdinalIgnoreCase)
            : null);

    public async ValueTask<IReadOnlyList<FinalGrade>> Handle(GetFinalGrades query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId), cancellationToken);
        if (roster is null)
        {
            return [];
        }

        var (_, rows) = await RowsAsync(roster, roster.LearnerIds, cancellationToken);
        return [.. rows.Select(r => new FinalGrade(r.UserId, r.Grade, r.Passed))];
    }

    public async ValueTask<LearnerResults?> Handle(GetLearnerResults query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId, query.LearnerId), cancellationToken);
        if (roster is not { LearnerIds.Count: > 0 })
        {
            return null;
        }

        var (sheet, rows) = await RowsAsync(roster, [query.LearnerId], cancellationToken);
        var row = rows.Single();
        return new LearnerResults(query.CohortId, query.LearnerId, row.Grade, row.Passed,
            [.. sheet.Columns.Select((c, i) => new AssignmentResult(c.Id, c.Title, c.Category, c.MaxPoints, c.DueAt, row.Cells[i].Score, row.Cells[i].Status, row.Cells[i].Dropped))]);
    }

    public async ValueTask<IReadOnlyList<Guid>> Handle(GetLearnersWithoutSubmission query, CancellationToken cancellationToken)
    {
        var cohortId = await db.Assignments.Where(a => a.Id == query.AssignmentId).Select(a => (Guid?)a.CohortId).FirstOrDefaultAsync(cancellationToken);
        var roster = cohortId is null ? null : await sender.Send(new GetCohortLearners(cohortId.Value), cancellationToken);
        if (roster is null)
        {
            return [];
        }

        var handedIn = await db.Submissions.AsNoTracking().Where(s => s.AssignmentId == query.AssignmentId).Select(s => s.AuthorId).Distinct().ToListAsync(cancellationToken);
        return [.. roster.LearnerIds.Except(handedIn)];
    }

    /// <summary>Three statements: the user's cohorts (Cohorts) unless the caller gave them, their pacing shifts (Courses), and their released assignments (in the range when one is given).</summary>
    public async ValueTask<IReadOnlyList<AssignmentDueDate>> Handle(GetDueDatesOfUser query, CancellationToken cancellationToken)
    {
        var zones = (query.LearnerCohorts ?? (await sender.Send(new GetCohortMembershipsOfUser(query.UserId), cancellationToken))
            .Where(m => m.Role == CohortRole.Learner).Select(m => new LearnerCohortZone(m.CohortId, m.TimeZone)))
            .ToDictionary(c => c.CohortId, c => c.TimeZone);
        if (zones.Count == 0)
        {
            return [];
        }

        var cohortIds = zones.Keys.ToList();
        var shifts = await sender.Send(new GetDueDateShiftsOfUser(query.UserId, cohortIds), cancellationToken);
        // A shift moves a due date by whole local days; a day more either way covers a time zone's offset changing meanwhile.
        var (earliest, latest) = query.Within is { } within
            ? (DaysFrom(within.From, -1L - shifts.Values.Append(0).Max()), DaysFrom(within.To, 1L - shifts.Values.Append(0).Min()))
            : (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var dueDates = await ReleasedIn(db, [.. cohortIds], clock.GetUtcNow(), earliest, latest).ToListAsync(cancellationToken);
        return [.. dueDates
            .Select(d => d with { DueAt = CohortAssessment.PersonalDueAt(d.DueAt, shifts.GetValueOrDefault(d.CohortId), zones[d.CohortId]) })
            .Where(d => query.Within is not { } within || (d.DueAt >= within.From && d.DueAt < within.To))];
    }

    /// <summary>Held within what a date can be: an agenda may start in year 1.</summary>
    private static DateTimeOffset DaysFrom(DateTimeOffset at, long days) =>
        new((long)Int128.Clamp(at.UtcTicks + ((Int128)days * TimeSpan.TicksPerDay), DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    /// <summary>Every agenda asks it, for its range only (the cohort's due-date index): compiled once, as every hot read (docs/performance.md).</summary>
    private static readonly Func<AssessmentDbContext, Guid[], DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<AssignmentDueDate>> ReleasedIn =
        EF.CompileAsyncQuery((AssessmentDbContext db, Guid[] cohortIds, DateTimeOffset now, DateTimeOffset earliest, DateTimeOffset latest) =>
            db.Assignments.AsNoTracking()
                .Where(a => cohortIds.Contains(a.CohortId) && a.IsPublished && a.ReleaseAt <= now && a.DueAt >= earliest && a.DueAt < latest)
                .Select(a => new AssignmentDueDate(a.Id, a.CohortId, a.Title, a.DueAt, a.CreatedAt)));

    public async ValueTask<IReadOnlyList<AssignmentDueDate>> Handle(GetDueDatesOfCohort query, CancellationToken cancellationToken) =>
        await db.Assignments.AsNoTracking()
            .Where(a => a.CohortId == query.CohortId && a.IsPublished)
            .Select(a => new AssignmentDueDate(a.Id, a.CohortId, a.Title, a.DueAt, a.CreatedAt))
            .ToListAsync(cancellationToken);

    private async Task<(GradebookSheet Sheet, List<GradebookRow> Rows)> RowsAsync(CohortRoster roster, IReadOnlyList<Guid> learners, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sheet = await GradebookSheet.LoadAsync(db, roster.CohortId, now, ct);
        return (sheet, await sheet.RowsAsync(db, sender, roster.CohortId, roster.TimeZone, [.. learners.Select(id => (id, ""))], now, ct));
    }
}

/// <summary>The cohorts a caller names are Cohorts' own (their time zones checked there); the text rule still wants a limit.</summary>
internal sealed class GetDueDatesOfUserValidator : AbstractValidator<GetDueDatesOfUser>
{
    public GetDueDatesOfUserValidator() => RuleForEach(q => q.LearnerCohorts).ChildRules(c => c.RuleFor(x => x.TimeZone).MaximumLength(64));
}
