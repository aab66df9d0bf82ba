using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>A learner's application to a cohort, and the moves of its life (<see cref="ApplicationStatus"/>).</summary>
internal sealed class Application : IVersioned, IChangeStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Cohort Cohort { get; init; } = null!;
    public Guid ApplicantId { get; init; }

    /// <summary>Set while the application is live (submitted, waitlisted, admitted): a unique index allows one live application per learner and cohort.</summary>
    public Guid? LiveApplicantId { get; set; }

    public required string Motivation { get; init; }
    public string AnswersJson { get; init; } = "{}";
    public ApplicationStatus Status { get; set; }
    public string? DecisionNote { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Waitlist order: first waitlisted, first promoted.</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }

    /// <summary>Concurrency token: of two concurrent decisions (or a decision and a withdrawal) only the first commits.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the application last changed (submitted, decided, waitlisted, promoted, withdrawn): what <c>updatedSince</c> reads.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>409 application-already-decided unless staff may still decide it: submitted or waitlisted.</summary>
    public void EnsureDecidable()
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.Waitlisted))
        {
            throw CohortProblems.ApplicationAlreadyDecided.Exception(Status);
        }
    }

    /// <summary>409 application-already-decided once rejected or withdrawn: nothing is left to withdraw.</summary>
    public void EnsureWithdrawable()
    {
        if (Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
        {
            throw CohortProblems.ApplicationAlreadyClosed.Exception(Status);
        }
    }

    /// <summary>The seat must already be taken (<see cref="Seats"/>).</summary>
    public void Admit(DateTimeOffset now)
    {
        EnsureDecidable();
        MoveTo(ApplicationStatus.Admitted, now);
    }

    public void Reject(DateTimeOffset now)
    {
        EnsureDecidable();
        MoveTo(ApplicationStatus.Rejected, now);
    }

    /// <summary>Keeps its first place in the queue when waitlisted again.</summary>
    public void Waitlist(DateTimeOffset now)
    {
        EnsureDecidable();
        WaitlistedAt ??= now;
        MoveTo(ApplicationStatus.Waitlisted, now);
    }

    /// <summary>A freed seat goes to the head of the waitlist; the staff's waitlist note no longer applies (clients say "promoted" in the user's language).</summary>
    public void PromoteFromWaitlist(DateTimeOffset now)
    {
        Admit(now);
        DecisionNote = null;
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsureWithdrawable();
        MoveTo(ApplicationStatus.Withdrawn, now);
    }

    private void MoveTo(ApplicationStatus status, DateTimeOffset now)
    {
        Status = status;
        DecidedAt = now;
        Version = Guid.NewGuid();
        if (status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
        {
            LiveApplicantId = null;
        }
    }
}
