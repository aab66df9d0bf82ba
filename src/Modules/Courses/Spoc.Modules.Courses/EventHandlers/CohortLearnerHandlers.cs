using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Courses.EventHandlers;

/// <summary>A learner joins a cohort: their progress starts, empty (or resumes if they come back).</summary>
internal sealed class StartProgress(CoursesDbContext db, TimeProvider clock) : IntegrationEventHandler<LearnerEnrolled, CoursesDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(LearnerEnrolled enrolled, CancellationToken ct)
    {
        var learner = await Db.CohortLearners.FirstOrDefaultAsync(l => l.CohortId == enrolled.CohortId && l.UserId == enrolled.UserId, ct);
        if (learner is null)
        {
            Db.CohortLearners.Add(new CohortLearner { CohortId = enrolled.CohortId, UserId = enrolled.UserId, EnrolledAt = Clock.GetUtcNow() });
        }
        else
        {
            learner.WithdrawnAt = null;
        }
    }
}

/// <summary>A learner leaves: their progress is kept and marked withdrawn.</summary>
internal sealed class MarkProgressWithdrawn(CoursesDbContext db, TimeProvider clock) : IntegrationEventHandler<LearnerWithdrew, CoursesDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(LearnerWithdrew withdrew, CancellationToken ct)
    {
        if (await Db.CohortLearners.FirstOrDefaultAsync(l => l.CohortId == withdrew.CohortId && l.UserId == withdrew.UserId, ct) is { } learner)
        {
            learner.WithdrawnAt = Clock.GetUtcNow();
        }
    }
}
