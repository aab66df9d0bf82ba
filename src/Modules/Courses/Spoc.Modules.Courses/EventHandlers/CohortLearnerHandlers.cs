using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Courses.EventHandlers;

/// <summary>A learner joins a cohort: their progress starts, empty (or resumes if they come back).</summary>
internal sealed class StartProgress(CoursesDbContext db, TimeProvider clock) : IntegrationEventHandler<LearnerEnrolled, CoursesDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(LearnerEnrolled enrolled, CancellationToken ct)
    {
        var learner = await CohortLearners.FindOrAddAsync(Db, enrolled.CohortId, enrolled.UserId, enrolled.At, ct);
        learner.Enrol(enrolled.At);
    }
}

/// <summary>A learner leaves: their progress is kept and marked withdrawn, even if this arrives before their enrolment.</summary>
internal sealed class MarkProgressWithdrawn(CoursesDbContext db, TimeProvider clock) : IntegrationEventHandler<LearnerWithdrew, CoursesDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(LearnerWithdrew withdrew, CancellationToken ct)
    {
        var learner = await CohortLearners.FindOrAddAsync(Db, withdrew.CohortId, withdrew.UserId, withdrew.At, ct);
        learner.Withdraw(withdrew.At);
    }
}

internal static class CohortLearners
{
    public static async Task<CohortLearner> FindOrAddAsync(CoursesDbContext db, Guid cohortId, Guid userId, DateTimeOffset at, CancellationToken ct)
    {
        var learner = await db.CohortLearners.FirstOrDefaultAsync(l => l.CohortId == cohortId && l.UserId == userId, ct);
        if (learner is null)
        {
            learner = new CohortLearner { CohortId = cohortId, UserId = userId, EnrolledAt = at, LastChangeAt = DateTimeOffset.MinValue };
            db.CohortLearners.Add(learner);
        }

        return learner;
    }
}
