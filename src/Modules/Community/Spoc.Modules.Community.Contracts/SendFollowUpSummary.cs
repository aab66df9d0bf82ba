using Mediator;

namespace Spoc.Modules.Community.Contracts;

/// <summary>One learner who needs attention, as the weekly follow-up summary lists them.</summary>
/// <param name="AtRisk">At risk (true) or to watch (false).</param>
/// <param name="Reasons">Why, as sentences already in the recipient's preferred language ("3 activités de retard (seuil : 3)").</param>
public sealed record FollowUpSummaryLine(Guid LearnerId, string LearnerName, bool AtRisk, IReadOnlyList<string> Reasons);

/// <summary>
/// The follow-up asks it once a week per (recipient, cohort): the learners of one mentor (or, for learners without a
/// mentor, of the cohort's trainers) who need attention, written as a notification of kind <c>FollowUpSummary</c> (by mail
/// unless the recipient chose otherwise). <paramref name="SummaryId"/> is the same for the same recipient, cohort and week:
/// Community records it in the commit of the notification, so a second request (a rerun, another instance) writes
/// nothing. Answers true when this request wrote it.
/// </summary>
public sealed record SendFollowUpSummary(
    Guid SummaryId, Guid RecipientId, Guid CohortId, string CohortTitle, IReadOnlyList<FollowUpSummaryLine> Lines) : ICommand<bool>;
