using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.FollowUp.Features.Actions;

/// <summary>
/// POST /cohorts/{cohortId}/members/{userId}/actions: staff or the learner's mentor plan an action for them (a call, a
/// meeting, a resource, an extension). An extension moves the learner's due dates in Courses' pacing (docs/adr/0036).
/// </summary>
internal static class CreateFollowUpAction
{
    public const int MaxExtensionDays = 60;

    /// <param name="Title">What will be done, at most 200 characters.</param>
    /// <param name="Details">More words for the learner, at most 4,000 characters.</param>
    /// <param name="DueOn">By when (a date).</param>
    /// <param name="ExtensionDays">For an <c>Extension</c> only (required then): 1 to 60 days added to every due date of the learner.</param>
    /// <param name="ResourceUrl">For a <c>Resource</c> only (required then): an absolute http(s) link.</param>
    public sealed record Request(FollowUpActionKind Kind, string Title, [property: MultiLine] string? Details, DateOnly DueOn, int? ExtensionDays, string? ResourceUrl);

    public sealed record Command(Guid CohortId, Guid LearnerId, FollowUpActionKind Kind, string Title, [property: MultiLine] string? Details, DateOnly DueOn, int? ExtensionDays, string? ResourceUrl)
        : ICommand<FollowUpActionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Details).MaximumLength(4_000);
            RuleFor(c => c.DueOn).SupportedDate();
            RuleFor(c => c.ExtensionDays).NotNull().InclusiveBetween(1, MaxExtensionDays).When(c => c.Kind == FollowUpActionKind.Extension);
            RuleFor(c => c.ExtensionDays).Null().When(c => c.Kind != FollowUpActionKind.Extension).WithMessage("Only an extension has days.");
            RuleFor(c => c.ResourceUrl).NotEmpty().HttpUrl().When(c => c.Kind == FollowUpActionKind.Resource);
            RuleFor(c => c.ResourceUrl).Null().When(c => c.Kind != FollowUpActionKind.Resource).WithMessage("Only a resource has a link.");
        }
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, FollowUpActionResponse>
    {
        public async ValueTask<FollowUpActionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, command.CohortId, command.LearnerId, me.Id, cancellationToken);
            var action = db.Actions.Add(new FollowUpAction
            {
                CohortId = command.CohortId, LearnerId = command.LearnerId, AuthorId = me.Id, Kind = command.Kind, Title = command.Title,
                Details = string.IsNullOrWhiteSpace(command.Details) ? null : command.Details, DueOn = command.DueOn, ExtensionDays = command.ExtensionDays,
                ResourceUrl = command.ResourceUrl, Status = FollowUpActionStatus.Open, CreatedAt = clock.GetUtcNow(),
            }).Entity;
            await db.SaveChangesAsync(cancellationToken);

            // The action is saved first, then the extension applied (idempotent on the action's id); if Courses fails, the
            // action is taken back, so neither module keeps half of it (docs/adr/0036).
            if (action.ExtensionDays is { } days)
            {
                try
                {
                    await sender.Send(new ExtendDueDates(command.CohortId, command.LearnerId, days, me.Id, action.Id), cancellationToken);
                }
                catch
                {
                    await db.Actions.Where(a => a.Id == action.Id).ExecuteDeleteAsync(CancellationToken.None);
                    throw;
                }
            }

            return FollowUpActionResponse.From(action, await sender.NamesAsync([me.Id], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/members/{userId:guid}/actions", async (Guid cohortId, Guid userId, Request request, ISender sender, CancellationToken ct) =>
            {
                var action = await sender.Send(new Command(cohortId, userId, request.Kind, request.Title, request.Details, request.DueOn, request.ExtensionDays, request.ResourceUrl), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/members/{userId}/actions/{action.Id}", action);
            })
            .WithName("CreateFollowUpAction")
            .WithSummary("Plan a follow-up action for a learner: a call, a meeting, a resource, an extension (trainers, org admins, the learner's mentor)")
            .WithDescription("Who may read the learner's journal (a mentor: their own learners; others inside 403, outsiders 404). `kind` `Extension` needs `extensionDays` (1 to 60): every due date of the learner (activities and assignments) moves later by that many days at once, through their pacing (GET /cohorts/{cohortId}/members/{userId}/pacing shows it; its ETag changes). `Resource` needs `resourceUrl` (absolute http(s)); other kinds take neither. The learner sees the action in GET /me/follow-up. Answers it with its `ETag`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
