using Mediator;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Skills;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.FollowUp.EventHandlers;

/// <summary>A released grade may move the learner's mastery of the competencies its rubric assesses.</summary>
internal sealed class RefreshSkillsOnGrade(FollowUpDbContext db, ISender sender, TimeProvider clock) : IntegrationEventHandler<GradeReleased, FollowUpDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(GradeReleased released, CancellationToken ct) =>
        SkillsProjection.RefreshAsync(Db, sender, released.CohortId, released.LearnerId, Clock.GetUtcNow(), ct);
}

/// <summary>A completed activity counts for each competency it works on.</summary>
internal sealed class RefreshSkillsOnCompletion(FollowUpDbContext db, ISender sender, TimeProvider clock) : IntegrationEventHandler<ActivityCompleted, FollowUpDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(ActivityCompleted completed, CancellationToken ct) =>
        SkillsProjection.RefreshAsync(Db, sender, completed.CohortId, completed.UserId, Clock.GetUtcNow(), ct);
}

/// <summary>A new learner starts with every competency of the course not started, so the matrix and its shares count them.</summary>
internal sealed class RefreshSkillsOnEnrolment(FollowUpDbContext db, ISender sender, TimeProvider clock) : IntegrationEventHandler<LearnerEnrolled, FollowUpDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(LearnerEnrolled enrolled, CancellationToken ct) =>
        SkillsProjection.RefreshAsync(Db, sender, enrolled.CohortId, enrolled.UserId, Clock.GetUtcNow(), ct);
}
