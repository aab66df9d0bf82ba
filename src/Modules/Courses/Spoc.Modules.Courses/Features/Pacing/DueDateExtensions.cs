using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Pacing;

/// <summary>
/// Extensions the follow-up grants (docs/adr/0036): a shift of every due date of one learner, kept as a pacing shift whose id
/// is the follow-up action's, so that the same action applied twice is one shift, and its withdrawal finds it. The learner's
/// pacing gets a new version, so a pacing screen opened before the extension cannot overwrite it unawares (412).
/// </summary>
internal sealed class DueDateExtensions(CoursesDbContext db, TimeProvider clock) : ICommandHandler<ExtendDueDates>, ICommandHandler<WithdrawDueDateExtension>
{
    public async ValueTask<Unit> Handle(ExtendDueDates command, CancellationToken cancellationToken)
    {
        if (await db.PacingShifts.AnyAsync(p => p.Id == command.ActionId, cancellationToken))
        {
            return Unit.Value;
        }

        db.PacingShifts.Add(new PacingShift { Id = command.ActionId, CohortId = command.CohortId, UserId = command.LearnerId, Days = command.Days });
        try
        {
            await SaveAsync(command.CohortId, command.LearnerId, cancellationToken);
        }
        // The same action applied concurrently: the other one got in first, the extension is there once.
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            if (!await db.PacingShifts.AnyAsync(p => p.Id == command.ActionId, cancellationToken))
            {
                throw;
            }
        }

        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(WithdrawDueDateExtension command, CancellationToken cancellationToken)
    {
        var shift = await db.PacingShifts.FirstOrDefaultAsync(p => p.Id == command.ActionId && p.CohortId == command.CohortId && p.UserId == command.LearnerId, cancellationToken);
        if (shift is not null)
        {
            db.PacingShifts.Remove(shift);
            await SaveAsync(command.CohortId, command.LearnerId, cancellationToken);
        }

        return Unit.Value;
    }

    /// <summary>The pacing's new version and <see cref="PacingChanged"/>, in the shift's commit.</summary>
    private async Task SaveAsync(Guid cohortId, Guid learnerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pacing = await db.Pacings.FirstOrDefaultAsync(p => p.CohortId == cohortId && p.UserId == learnerId, ct)
            ?? db.Pacings.Add(new LearnerPacing { CohortId = cohortId, UserId = learnerId }).Entity;
        pacing.UpdatedAt = now;
        db.AddIntegrationEvent(new PacingChanged(cohortId, learnerId), now);
        await db.SaveChangesAsync(ct);
    }
}
