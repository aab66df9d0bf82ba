using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// PUT /sessions/{sessionId}/attendance: staff set the status of many learners at once (the sheet); a mentor sets their own
/// learners' only. Learners not named keep what they have. Two statements to read, one to write, whatever the batch.
/// </summary>
internal static class RecordAttendance
{
    /// <param name="UserId">A learner the session is for.</param>
    public sealed record Record(Guid UserId, AttendanceStatus Status);

    /// <param name="Records">One per learner, at most 200.</param>
    public sealed record Request(IReadOnlyList<Record> Records);

    public sealed record Command(Guid SessionId, string? IfMatch, IReadOnlyList<Record> Records) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Records).NotEmpty().MaxItems(200);
            RuleForEach(c => c.Records).ChildRules(r => r.RuleFor(x => x.Status).IsInEnum());
            RuleFor(c => c.Records).Must(r => r.Select(x => x.UserId).Distinct().Count() == r.Count).WithMessage("One record per learner.");
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, command.SessionId, cancellationToken);
            if (!viewer.Follows)
            {
                throw ProblemException.Forbidden("Attendance is taken by the cohort's staff (a mentor: for their own learners); a learner checks in with the code.");
            }

            if (session.CancelledAt is not null)
            {
                throw CommunityProblems.SessionCancelled.Exception();
            }

            var ids = command.Records.Select(r => r.UserId).ToList();
            var learners = (await sender.Send(new GetCohortPeople(session.CohortId), cancellationToken)).LearnersOf(session).ToHashSet();
            if (!ids.All(learners.Contains))
            {
                throw Rules.Invalid("Records", "Each record is for a learner the session is for.");
            }

            if (!ids.All(viewer.Access.CanActOn))
            {
                throw ProblemException.Forbidden("A mentor takes attendance for their own learners only.");
            }

            // The sheet's version moves in the same transaction as the records, only if it is still the one the caller read.
            ETags.EnsureMatches(command.IfMatch, session.AttendanceVersion);
            var read = session.AttendanceVersion;
            var conditional = !string.IsNullOrWhiteSpace(command.IfMatch) && command.IfMatch.Trim() != "*";
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await db.LiveSessions.Where(s => s.Id == session.Id && (!conditional || s.AttendanceVersion == read))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AttendanceVersion, Guid.NewGuid()), cancellationToken);
            if (moved == 0)
            {
                throw ProblemException.PreconditionFailed();
            }

            var now = clock.GetUtcNow();
            var existing = await db.SessionAttendance.Where(a => a.SessionId == session.Id && ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, cancellationToken);
            var changed = new List<AttendanceMark>();
            foreach (var record in command.Records)
            {
                var row = existing.GetValueOrDefault(record.UserId);
                if (row is null)
                {
                    db.SessionAttendance.Add(new SessionAttendance { SessionId = session.Id, UserId = record.UserId, Status = record.Status, RecordedBy = me.Id, RecordedAt = now });
                }
                else if (row.Status != record.Status)
                {
                    (row.Status, row.RecordedBy, row.RecordedAt) = (record.Status, me.Id, now);
                }
                else
                {
                    continue;
                }

                changed.Add(new AttendanceMark(record.UserId, record.Status));
            }

            if (changed.Count > 0)
            {
                db.AddIntegrationEvent(new AttendanceRecorded(session.CohortId, session.Id, changed, now), now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/sessions/{sessionId:guid}/attendance", async (Guid sessionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(sessionId, ifMatch, request.Records), ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordAttendance")
            .WithSummary("Set the attendance of many learners at once: Present, Late, Absent or Excused")
            .WithDescription("The cohort's trainers and admins, for every learner the session is for; a mentor for their own learners only (403 when a record names another); a learner who sees the session 403; others 404. A record for someone the session is not for is 400. Learners not named keep their status; a check-in's time is kept when staff change its status. A cancelled session is 409 `session-cancelled`. Send the sheet's `ETag` (GET .../attendance) as `If-Match` so as not to overwrite another staff member's changes (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed, CommunityProblems.SessionCancelled);
}
