using AwesomeAssertions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>The projection is idempotent and order-independent: the same events, replayed or reversed, give the same facts and signals.</summary>
public sealed class ProjectionTests
{
    /// <summary>A learner's week: a grade then its regrade, an absence then its correction, a post, a late hand-in, a message.</summary>
    private static List<IntegrationEvent> Week(FollowUpWorld w, Guid learner, DateTimeOffset t)
    {
        var (assignment, session) = (Guid.NewGuid(), Guid.NewGuid());
        return
        [
            new GradeReleased(w.CohortId, assignment, Guid.NewGuid(), learner, 9m, 20m, t),
            new GradeReleased(w.CohortId, assignment, Guid.NewGuid(), learner, 18m, 20m, t.AddHours(2)),
            new AttendanceRecorded(w.CohortId, session, [new AttendanceMark(learner, AttendanceStatus.Absent)], t),
            new AttendanceRecorded(w.CohortId, session, [new AttendanceMark(learner, AttendanceStatus.Present)], t.AddHours(1)),
            new ForumPostPublished(w.CohortId, null, Guid.NewGuid(), "Question", Guid.NewGuid(), learner, null, [], t.AddHours(3)),
            new SubmissionReceived(w.CohortId, Guid.NewGuid(), Guid.NewGuid(), learner, 1, true, t.AddHours(4)),
            new ConversationMessageSent(w.CohortId, learner, Guid.NewGuid(), Guid.NewGuid(), w.TrainerId, true, t.AddHours(4.5)),
            new ConversationMessageSent(w.CohortId, learner, Guid.NewGuid(), Guid.NewGuid(), learner, false, t.AddHours(5)),
        ];
    }

    private static async Task PublishAsync(FollowUpWorld w, IntegrationEvent e)
    {
        await using var scope = w.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(e);
    }

    [Test]
    public async Task Replayed_and_reversed_events_give_the_same_facts_and_signals()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 2);
        var t = w.Clock.GetUtcNow().AddHours(-6);
        foreach (var e in Week(w, w.LearnerId(0), t))
        {
            await PublishAsync(w, e);
        }

        // Learner 1: the same week backwards, each event delivered twice, and once more under another id (a re-publication).
        var reversed = Week(w, w.LearnerId(1), t);
        reversed.Reverse();
        foreach (var e in reversed)
        {
            await PublishAsync(w, e);
            await PublishAsync(w, e);
            await PublishAsync(w, e with { EventId = Guid.NewGuid() });
        }

        var (inOrder, backwards) = ((await w.SignalsAsync(0))!, (await w.SignalsAsync(1))!);
        (inOrder.AverageGrade, inOrder.Absences, inOrder.AttendanceRate, inOrder.ForumPosts, inOrder.LateSubmissions).Should().Be((90m, 0, 100m, 1, 1));
        (inOrder.LastActivityAt, inOrder.LastContactAt).Should().Be((t.AddHours(5), t.AddHours(4.5)), "the trainer's message is the last contact, the learner's own the last activity");
        backwards.Should().BeEquivalentTo(inOrder, o => o.Excluding(s => s.LearnerId).Excluding(s => s.MentorId).Excluding(s => s.UpdatedAt).Excluding(s => s.LevelChangedAt));

        await using var scope = w.Factory.Services.CreateAsyncScope();
        var facts = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().LearnerEvents.AsNoTracking()
            .Where(e => e.CohortId == w.CohortId && e.Kind != Spoc.Modules.FollowUp.Domain.LearnerEventKind.Enrolled && e.Kind != Spoc.Modules.FollowUp.Domain.LearnerEventKind.MentorAssigned)
            .ToListAsync();
        var byLearner = facts.ToLookup(f => f.LearnerId, f => (f.Kind, f.At, f.Value, f.Detail));
        byLearner[w.LearnerId(0)].Should().HaveCount(6, "the assignment's latest grade, one attendance per session, a post, a submission, two messages").And.BeEquivalentTo(byLearner[w.LearnerId(1)]);
        byLearner[w.LearnerId(1)].Should().Contain((Spoc.Modules.FollowUp.Domain.LearnerEventKind.Attendance, t.AddHours(1), null, "Present"));
    }
}
