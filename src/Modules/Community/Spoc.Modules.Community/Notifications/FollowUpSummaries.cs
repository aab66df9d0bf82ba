using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Notifications;

/// <summary>
/// The follow-up's weekly summary becomes a notification of kind FollowUpSummary, as its recipient chose (mail, feed,
/// digest). Its SummaryId goes into Community's inbox in the same commit, so the same summary asked again (the job rerun
/// after a crash, a second instance) finds it there, or loses on the inbox's key, and writes nothing.
/// </summary>
internal sealed class FollowUpSummaries(CommunityDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<SendFollowUpSummary, bool>
{
    private const string Inbox = "FollowUpSummary";

    public async ValueTask<bool> Handle(SendFollowUpSummary command, CancellationToken cancellationToken)
    {
        if (command.Lines.Count == 0 || await db.InboxRecords.AnyAsync(r => r.EventId == command.SummaryId && r.Handler == Inbox, cancellationToken))
        {
            return false;
        }

        var atRisk = command.Lines.Count(l => l.AtRisk);
        await notifier.AddAsync(NotificationKind.FollowUpSummary, [command.RecipientId], user => new Composed(
            MailTemplate.In(user.PreferredLanguage,
                $"Suivi de la semaine, {command.CohortTitle} : {command.Lines.Count} apprenant(s) à suivre, dont {atRisk} en risque",
                $"This week's follow-up, {command.CohortTitle}: {command.Lines.Count} learner(s) need attention, {atRisk} at risk"),
            string.Join("\n", command.Lines.Select(l => MailTemplate.In(user.PreferredLanguage,
                $"- {l.LearnerName} ({(l.AtRisk ? "en risque" : "à surveiller")}) : {string.Join(" ; ", l.Reasons)}",
                $"- {l.LearnerName} ({(l.AtRisk ? "at risk" : "to watch")}): {string.Join("; ", l.Reasons)}"))),
            $"/cohorts/{command.CohortId}/follow-up"), cancellationToken);
        db.InboxRecords.Add(new InboxRecord { EventId = command.SummaryId, Handler = Inbox, HandledAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another instance wrote this summary a moment ago: its notification stands, this one is void.
            db.ChangeTracker.Clear();
            return false;
        }

        await notifier.DeliveredAsync(cancellationToken);
        return true;
    }
}

/// <summary>What a summary may carry: a cohort's title, learners' names and reasons as the follow-up words them.</summary>
internal sealed class SendFollowUpSummaryValidator : AbstractValidator<SendFollowUpSummary>
{
    public SendFollowUpSummaryValidator()
    {
        RuleFor(c => c.CohortTitle).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Lines).NotNull();
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LearnerName).MaximumLength(200);
            line.RuleForEach(l => l.Reasons).MaximumLength(300);
        });
    }
}
