using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>A released grade reaches its learner (kind GradeReleased), with a link to the assignment.</summary>
internal sealed class NotifyGradeReleased(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<GradeReleased>(db, clock, notifier)
{
    protected override Task HandleOnceAsync(GradeReleased released, CancellationToken ct) =>
        Notifier.AddAsync(NotificationKind.GradeReleased, [released.LearnerId], user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Nouvelle note : {released.Score:0.##} points", $"New grade: {released.Score:0.##} points"),
            null, $"/assignments/{released.AssignmentId}"), ct);
}

/// <summary>Work sent back for revision reaches its learner (kind RevisionRequested).</summary>
internal sealed class NotifyRevisionRequested(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<RevisionRequested>(db, clock, notifier)
{
    protected override Task HandleOnceAsync(RevisionRequested requested, CancellationToken ct) =>
        Notifier.AddAsync(NotificationKind.RevisionRequested, [requested.LearnerId], user => new Composed(
            MailTemplate.In(user.PreferredLanguage, "Travail à reprendre : votre formateur attend une nouvelle version", "Revision requested: your trainer expects a new version"),
            null, $"/assignments/{requested.AssignmentId}"), ct);
}
